/**
 * The exact path's BigInt shortcuts at high DIGITS (ops.ts): division in one
 * rounding BigInt division, addition truncating on the BigInt, against the
 * definitions on written-out digits (references.ts), at DIGITS 1 to 100 with
 * coefficients longer than DIGITS and exponents up to the limit.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, divide, negate, quotientAtLeastOne } from '../../../src/rexx/arithmetic/ops.js';
import type { Decimal } from '../../../src/rexx/arithmetic/number.js';
import { coefficients } from './operands.js';
import { addRef, divideRef, value } from './references.js';

const nonZero = coefficients(110).map((c) => c.replace(/^0+/, '')).filter((c) => c !== '');
const exponent = fc.oneof(
  fc.integer({ min: -120, max: 120 }),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(999_999_900, -999_999_900, 999_999_999, -999_999_999),
);
/** Decimals, half of them with their BigInt coefficient already cached (the shortcuts use it). */
const decimals = fc.tuple(fc.boolean(), nonZero, exponent, fc.boolean()).map(
  ([neg, c, e, cached]): Decimal => ({ neg, c, e, b: cached ? BigInt(c) : undefined }),
);
const digits = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(9, 15, 16, 20, 50));

/** The result's value and, when cached, that its BigInt is its coefficient. */
function checked(d: Decimal) {
  if (d.b !== undefined) expect(d.b).toBe(BigInt(d.c));
  return value(d);
}

describe('exact path at high DIGITS = the definitions on digits', () => {
  it('quotientAtLeastOne: x * 10**len(y) >= y * 10**len(x)', () => {
    fc.assert(
      fc.property(nonZero, nonZero, (x, y) => {
        const want = BigInt(x) * 10n ** BigInt(y.length) >= BigInt(y) * 10n ** BigInt(x.length);
        expect(quotientAtLeastOne(x, y)).toBe(want);
        expect(quotientAtLeastOne(x, x + '000')).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('divide (one rounding division)', () => {
    fc.assert(
      fc.property(decimals, decimals, digits, (a, b, d) => {
        const want = value(divideRef({ ...a, b: undefined }, { ...b, b: undefined }, d));
        expect(checked(divide(a, b, d))).toEqual(want);
      }),
      { numRuns: 20000 },
    );
  });

  it('add and subtract (truncation on the BigInt)', () => {
    // operands near each other too, so that carries and cancellation occur
    const near = fc.tuple(decimals, fc.integer({ min: -60, max: 60 }), nonZero, fc.boolean()).map(
      ([a, shift, c, neg]): [Decimal, Decimal] => [a, { neg, c, e: a.e + a.c.length - c.length + shift, b: undefined }],
    );
    const pairs = fc.oneof(fc.tuple(decimals, decimals), near);
    fc.assert(
      fc.property(pairs, digits, fc.boolean(), ([a, b], d, subtract) => {
        const y = subtract ? negate(b) : b;
        const want = value(addRef({ ...a, b: undefined }, { ...y, b: undefined }, d));
        expect(checked(add(a, y, d))).toEqual(want);
      }),
      { numRuns: 30000 },
    );
  });
});
