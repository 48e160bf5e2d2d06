/**
 * quickCompare (compare.ts) must agree with the standard's comparison
 * (compareDecimal: the sign of a-b at DIGITS-FUZZ) whenever it answers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compare } from '../../../src/rexx/arithmetic/decimal.js';
import { parseNumber } from '../../../src/rexx/arithmetic/number.js';
import { compareDecimal } from '../../../src/rexx/arithmetic/ops.js';
import { quickCompare } from '../../../src/rexx/arithmetic/compare.js';

/** numbers close to each other in magnitude, with rounding edges (…5, 999…) */
const numStr = fc
  .tuple(
    fc.constantFrom('', '-'),
    fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
      fc.integer({ min: 1, max: 20 }).chain((k) => fc.constantFrom('9'.repeat(k), '1' + '0'.repeat(k), '9'.repeat(k) + '5', '1' + '0'.repeat(k) + '5')),
      fc.constantFrom('0', '1', '5'),
    ),
    fc.integer({ min: -8, max: 8 }),
  )
  .map(([sign, c, e]) => `${sign}${c}E${e}`);

describe('quick comparison = exact comparison', () => {
  it('at every DIGITS and FUZZ', () => {
    let answered = 0;
    fc.assert(
      fc.property(numStr, numStr, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 29 }), (a, b, digits, f) => {
        const fuzz = Math.min(f, digits - 1);
        const da = parseNumber(a)!;
        const db = parseNumber(b)!;
        const exact = compareDecimal(da, db, digits, fuzz);
        const q = quickCompare(da, db);
        if (q !== undefined) {
          answered++;
          expect(q).toBe(exact);
        }
        expect(compare(a, b, { digits, fuzz, form: 'SCIENTIFIC' })).toBe(exact);
      }),
      { numRuns: 30000 },
    );
    expect(answered).toBeGreaterThan(5000);
  });
});
