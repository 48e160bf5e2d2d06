/**
 * smallArith reads operands that are results written just before from
 * pair.ts's ring (pairOf) instead of parsing them, and its results are no
 * longer put in the parse memo. Results fed back as operands — by one
 * accumulator or by several in turn (more than the ring holds), with DIGITS
 * and FORM changing between steps — must give what the exact path gives on
 * cold operands.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arith, arithExact, type ArithOp } from '../../../src/rexx/arithmetic/decimal.js';
import { clearNumberMemo } from '../../../src/rexx/arithmetic/number.js';
import type { NumericSettings } from '../../../src/rexx/arithmetic/settings.js';
import { pairOf } from '../../../src/rexx/arithmetic/pair.js';

function outcome(f: () => string): string {
  try {
    return f();
  } catch (e) {
    const x = e as { code?: number; subcode?: number };
    return `ERR ${x.code}.${x.subcode}`;
  }
}

const operand = fc.oneof(
  fc.integer({ min: -99_999, max: 99_999 }).map(String),
  fc.bigInt({ min: 1n, max: 10n ** 16n }).map((v) => v.toString() + 'E+' + (v % 7n).toString()),
  fc.constantFrom('5.67973389E+9', '0.5', '1.50', '-3', '999999999', '1E-5', '0', 'X', ''),
);

const settings = fc.record({
  digits: fc.constantFrom(3, 8, 9, 10, 12, 15, 16),
  fuzz: fc.constant(0),
  form: fc.constantFrom<NumericSettings['form']>('SCIENTIFIC', 'ENGINEERING'),
});

describe('results fed back through the ring of written strings', () => {
  it('an empty ring slot matches no operand (the null string is not the pair 0)', () => {
    // first in the file: the ring has not been written yet
    expect(pairOf('', 9)).toBeNaN();
    const n: NumericSettings = { digits: 9, fuzz: 0, form: 'SCIENTIFIC' };
    expect(outcome(() => arith('-', '', '0.5', n))).toBe('ERR 41.1');
    expect(outcome(() => arith('+', '1.5', '', n))).toBe('ERR 41.2');
  });

  it('k accumulators updated in turn, DIGITS changing = cold exact path', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.tuple(fc.constantFrom<ArithOp>('+', '-', '*', '/'), operand, settings), { minLength: 1, maxLength: 30 }),
        (k, steps) => {
          clearNumberMemo();
          const warm: string[] = new Array<string>(k).fill('5.67973389E+9');
          const cold = [...warm];
          steps.forEach(([op, b, n], i) => {
            const j = i % k;
            const w = outcome(() => arith(op, warm[j]!, b, n));
            clearNumberMemo();
            const c = outcome(() => arithExact(op, cold[j]!, b, n));
            expect(w).toBe(c);
            if (!w.startsWith('ERR')) {
              warm[j] = w;
              cold[j] = c;
            }
          });
        },
      ),
      { numRuns: 3000 },
    );
  });
});
