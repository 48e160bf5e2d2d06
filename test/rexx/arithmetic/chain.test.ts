/**
 * The chain arithmetic (chain.ts) of compiled expressions above DIGITS 15
 * must give, operation by operation and along chains, what the string path
 * gives with every intermediate result written out and read back; when it
 * declines (undefined) the string path runs, errors included — and it must
 * decline whenever the string path raises an error.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arithExact, prefix, type ArithOp } from '../../../src/rexx/arithmetic/decimal.js';
import { clearNumberMemo, parseNumber, type Decimal } from '../../../src/rexx/arithmetic/number.js';
import {
  chainAdd,
  chainDiv,
  chainIntDiv,
  chainMul,
  chainOf,
  chainOfInt,
  chainPrefix,
  chainString,
} from '../../../src/rexx/arithmetic/chain.js';
import type { NumericSettings } from '../../../src/rexx/arithmetic/settings.js';
import { coefficients, numberStrings, outcome } from './operands.js';

const numStr = numberStrings(coefficients(40), 60);

const settings = fc.record({
  digits: fc.oneof(fc.integer({ min: 16, max: 45 }), fc.constantFrom(16, 20, 50)),
  fuzz: fc.constant(0),
  form: fc.constantFrom<NumericSettings['form']>('SCIENTIFIC', 'ENGINEERING'),
});

function op2(op: ArithOp, x: Decimal | undefined, y: Decimal | undefined, n: NumericSettings): Decimal | undefined {
  switch (op) {
    case '+':
      return chainAdd(x, y, false, n);
    case '-':
      return chainAdd(x, y, true, n);
    case '*':
      return chainMul(x, y, n);
    case '/':
      return chainDiv(x, y, n);
    case '%':
      return chainIntDiv(x, y, false, n);
    default:
      return chainIntDiv(x, y, true, n);
  }
}

/** d is what the string s reads back as. */
function expectReadsBack(s: string, d: Decimal): void {
  const p = parseNumber(s)!;
  expect({ neg: d.neg, c: d.c, e: d.e }).toEqual({ neg: p.neg, c: p.c, e: p.e });
}

const OPS: ArithOp[] = ['+', '-', '*', '/', '%', '//'];

describe('chain arithmetic = string path', () => {
  it('each operation on numbers of every shape', () => {
    const used = new Map<string, number>();
    fc.assert(
      fc.property(fc.constantFrom(...OPS), numStr, numStr, settings, (op, a, b, n) => {
        clearNumberMemo();
        const exact = outcome(() => arithExact(op, a, b, n));
        const x = chainOf(a, n.digits);
        const y = chainOf(b, n.digits);
        if (x === undefined || y === undefined) return;
        const r = op2(op, x, y, n);
        if (exact.startsWith('ERR')) {
          expect(r).toBeUndefined();
          return;
        }
        expect(r).toBeDefined();
        used.set(op, (used.get(op) ?? 0) + 1);
        expect(chainString(r, n)).toBe(exact);
        expectReadsBack(exact, r!);
      }),
      { numRuns: 30000 },
    );
    for (const op of OPS) expect(used.get(op) ?? 0).toBeGreaterThan(op === '%' || op === '//' ? 250 : 1500);
  });

  it('prefix + and -, and integers kept as numbers', () => {
    fc.assert(
      fc.property(fc.constantFrom<'+' | '-'>('+', '-'), numStr, settings, fc.integer({ min: -999_999_999, max: 999_999_999 }), (op, a, n, i) => {
        const exact = outcome(() => prefix(op, a, n));
        const x = chainOf(a, n.digits);
        if (x !== undefined) {
          const r = chainPrefix(x, op === '-', n);
          if (exact.startsWith('ERR')) expect(r).toBeUndefined();
          else {
            expect(chainString(r, n)).toBe(exact);
            expectReadsBack(exact, r!);
          }
        }
        const d = chainOfInt(i);
        expectReadsBack(String(i), d);
      }),
      { numRuns: 20000 },
    );
  });

  it('chains: results used as operands without being written out', () => {
    fc.assert(
      fc.property(
        numStr,
        fc.array(fc.tuple(fc.constantFrom(...OPS), numStr, fc.boolean()), { minLength: 1, maxLength: 8 }),
        settings,
        (start, steps, n) => {
          let s = start;
          let p = chainOf(start, n.digits);
          for (const [op, b, swap] of steps) {
            const exact = outcome(() => (swap ? arithExact(op, b, s, n) : arithExact(op, s, b, n)));
            const q = chainOf(b, n.digits);
            const r = swap ? op2(op, q, p, n) : op2(op, p, q, n);
            if (exact.startsWith('ERR')) {
              expect(r).toBeUndefined();
              return;
            }
            if (r === undefined) {
              // declined (an operand too long): carry on from the string, as the string path would
              expect(p === undefined || q === undefined).toBe(true);
              s = exact;
              p = chainOf(exact, n.digits);
              continue;
            }
            expect(chainString(r, n)).toBe(exact);
            s = exact;
            p = r;
          }
        },
      ),
      { numRuns: 10000 },
    );
  });
});
