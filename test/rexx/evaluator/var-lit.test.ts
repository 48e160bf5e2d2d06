/**
 * `var op constant` evaluated by one closure (expression.ts varLit,
 * varLitArith and the comparison beside them) against the same operation
 * with the constant in a variable (the general integer path) and as the
 * result of a concatenation (the string path), run by the clause loop
 * (region compiler off) at random NUMERIC DIGITS and FUZZ.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { run } from '../helpers.js';
import { codegenOptions } from '../../../src/rexx/evaluator/codegen.js';

function outcome(src: string): string {
  codegenOptions.enabled = false;
  try {
    const r = run(src);
    return JSON.stringify({ out: r.out, error: r.error ? `${r.error.codeText}@${r.error.line}` : null });
  } finally {
    codegenOptions.enabled = true;
  }
}

const OPS = ['+', '-', '*', '=', '\\=', '<', '>', '<=', '>=', '<>'];

/** Run `n op k` three ways: the constant written in place, in a variable, and concatenated. */
function agree(n: string, op: string, k: string, numeric: string): void {
  const head = `${numeric}\nn = '${n}'; kk = '${k}'\n`;
  const direct = outcome(`${head}say n ${op} ${k}`);
  expect(direct).toBe(outcome(`${head}say n ${op} kk`));
  expect(direct).toBe(outcome(`${head}say n ${op} (kk || '')`));
}

describe('var op constant', () => {
  it('gives the general path result at the edges', () => {
    for (const op of OPS) {
      for (const [n, k] of [
        ['999999998', '1'],
        ['999999999', '1'],
        ['-999999999', '1'],
        ['0', '0'],
        ['-0', '0'],
        ['5', '007'],
        ['1.5', '2'],
        ['1E3', '2'],
        [' 7', '7'],
        ['31623', '31623'],
        ['abc', '1'],
      ]) {
        agree(n!, op, k!, '');
      }
    }
    // an unset variable is its name (Error 41 here), or NOVALUE when trapped
    expect(outcome('say n + 1')).toBe(JSON.stringify({ out: '', error: '41.1@1' }));
    expect(outcome('signal on novalue\nsay n < 2\nexit\nnovalue: say condition(\'D\')')).toBe(JSON.stringify({ out: 'N\n', error: null }));
  });

  it('agrees with the general path on random operands and settings', () => {
    const num = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }).map(String),
      fc.integer({ min: -99, max: 99 }).map(String),
      fc.constantFrom('-0', '00', '1.0', '2.5', '1E2', '12345678901', ' 4 ', 'x'),
    );
    const lit = fc.oneof(fc.integer({ min: 0, max: 1e9 - 1 }).map(String), fc.constantFrom('0', '1', '2', '10', '007'));
    const numeric = fc.constantFrom('', 'numeric digits 5', 'numeric digits 9', 'numeric digits 12', 'numeric digits 10; numeric fuzz 2', 'numeric fuzz 1');
    fc.assert(
      fc.property(num, fc.constantFrom(...OPS), lit, numeric, (n, op, k, nu) => agree(n, op, k, nu)),
      { numRuns: 150 },
    );
  });
});
