/**
 * Arithmetic expressions in compiled regions, whose intermediate results
 * stay pairs (arithmetic/pair.ts, codegen-expr.ts genNum) or, above DIGITS
 * 15, Decimals (arithmetic/chain.ts, genDec), against the
 * clause loop, which writes out every intermediate result: random
 * expressions over variables holding numbers of every shape (and a few
 * non-numbers), at DIGITS 5 to 50, FORM SCIENTIFIC and ENGINEERING, must
 * give the same output and the same error (number and line), with the
 * variables in locals (no call in the loop) and in their boxes (a call).
 */
import { describe, expect, it, afterEach } from 'vitest';
import fc from 'fast-check';
import { run, TestHost } from '../helpers.js';
import { codegenOptions, compileRegion, compileRegionFor } from '../../../src/rexx/evaluator/codegen.js';
import type { DigitsClass } from '../../../src/rexx/evaluator/codegen-expr.js';
import { parseProgram } from '../../../src/rexx/parser/program.js';

function outcome(src: string, enabled: boolean): string {
  codegenOptions.enabled = enabled;
  const h = new TestHost();
  const r = run(src, [], h);
  return JSON.stringify({ out: r.out, error: r.error ? `${r.error.codeText}@${r.error.line}` : null });
}

afterEach(() => {
  codegenOptions.enabled = true;
});

const value = fc.oneof(
  fc.integer({ min: -2000, max: 2000 }).map(String),
  fc.integer({ min: -999_999_999, max: 999_999_999 }).map(String),
  fc.constantFrom('0', '0.5', '1.50', '-0.001', '7', '1E+3', '2.5E-7', '123456789012', '99999.9995', '1E+999999999', '1E-999999999', 'abc', ' 12 ', '4.0'),
  fc.tuple(fc.integer({ min: 1, max: 999_999_999 }), fc.integer({ min: -12, max: 12 })).map(([c, e]) => `${c}E${e}`),
);

type Tree = string | { op: string; l: Tree; r: Tree } | { pre: string; e: Tree };

const leaf = fc.constantFrom('a', 'b', 'c', 'i', '7', '0.5', '3', '0', '1E+5', '12345678901');
const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ op: fc.constantFrom('+', '-', '*', '/', '%', '//', '+', '*'), l: tie('t'), r: tie('t') }),
    fc.record({ pre: fc.constantFrom('-', '+'), e: tie('t') }),
  ),
})).t;

function write(t: Tree): string {
  if (typeof t === 'string') return t;
  if ('pre' in t) return `${t.pre}(${write(t.e)})`;
  return `(${write(t.l)} ${t.op} ${write(t.r)})`;
}

describe('pair arithmetic in compiled regions = clause loop', () => {
  it('random expressions, values, DIGITS and FORM', () => {
    fc.assert(
      fc.property(
        tree,
        value,
        value,
        value,
        fc.oneof(fc.integer({ min: 9, max: 15 }), fc.constantFrom(5, 16, 20, 50)),
        fc.constantFrom('SCIENTIFIC', 'ENGINEERING'),
        fc.boolean(),
        (t, a, b, c, digits, form, call) => {
          const src = [
            `numeric digits ${digits}; numeric form ${form}`,
            `a = '${a}'; b = '${b}'; c = '${c}'`,
            `do i = 1 to 3`,
            `  x = ${write(t)}`,
            `  s = x; a = a + 1; say s${call ? ' length(s)' : ''}`,
            `  if x > 0 then c = c * 2`,
            'end',
          ].join('\n');
          expect(outcome(src, true)).toBe(outcome(src, false));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('the pair path is what the compiled loop runs (DIGITS 9 to 15), the chain path above 15, neither below 9', () => {
    const prog = parseProgram('do i = 1 to 3; s = s + i / 7 - i % 7 * 0.5; end', 't');
    const code = (c: DigitsClass | undefined): string => String(compileRegionFor(prog, 0, () => null, c));
    const pair = ['r_padd(', 'r_pdiv(', 'r_pidiv(', 'r_pmul(', 'r_pstr('];
    const chain = ['r_dadd(', 'r_dstr('];
    for (const f of [...pair, ...chain]) expect(code(undefined)).toContain(f);
    for (const f of pair) expect(code('pair')).toContain(f);
    for (const f of chain) expect(code('pair')).not.toContain(f);
    for (const f of chain) expect(code('chain')).toContain(f);
    for (const f of pair) expect(code('chain')).not.toContain(f);
    for (const f of [...pair, ...chain, '1e9']) expect(code('below9')).not.toContain(f);
    // (a region that can change DIGITS has every tier)
    expect(compileRegion(prog, 0, () => null)).not.toBeNull();
  });

  it('DIGITS changed in the loop, LOSTDIGITS, errors and their lines', () => {
    const programs = [
      `s = 1; do i = 1 to 40; if i = 20 then numeric digits 30; if i = 30 then numeric digits 5; s = s * 1.5 + i / 7; say s; end`,
      `signal on lostdigits; numeric digits 9; a = 1234567890; do i = 1 to 3; x = a * 2 + i / 3; say x; end; exit
lostdigits: say 'LOSTDIGITS' condition('D') sigl`,
      `a = 5; do i = 3 to -1 by -1; say a / i + 0.5; end`,
      `x = 1E+999999990; do i = 1 to 3; x = x * 1E+5 - 0.5; say x; end`,
      `numeric form engineering; x = 0.5; do i = 1 to 30; x = x * 37 / 3 - -x; say x; end`,
      `v = 'abc'; do i = 1 to 2; say i * 2.5 + v; end`,
      `signal on syntax; do i = 1 to 3; say 10 // (i - 2) * 1.5; end; exit
syntax: say 'SYNTAX' rc sigl`,
    ];
    for (const p of programs) expect(outcome(p, true)).toBe(outcome(p, false));
  });

  it('loops carrying decimal sums and products', () => {
    const src = (digits: number, form: string) => `numeric digits ${digits}; numeric form ${form}
s = 0; p = 1; q = 1
do i = 1 to 200
  s = s + i / 7 - i % 7 * 0.5
  p = p * 1.0625 - i / 3
  q = -q * 3 + i // 4
end
say s p q`;
    for (const d of [9, 10, 12, 15, 16, 30, 50]) for (const f of ['SCIENTIFIC', 'ENGINEERING']) expect(outcome(src(d, f), true)).toBe(outcome(src(d, f), false));
  });
});
