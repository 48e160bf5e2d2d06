/**
 * divide and integerDivide compute small quotients in doubles (ops.ts); they
 * must equal the BigInt long division they replace, for every operand.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divide, integerDivide } from '../../../src/rexx/arithmetic/ops.js';
import type { Decimal } from '../../../src/rexx/arithmetic/number.js';
import { bigDigitCount, roundAtPosition, roundBig, roundBigAt, roundDigits, stripTrailingZeros, truncAtPosition, truncDigits, pow10 } from '../../../src/rexx/arithmetic/round.js';
import { adjustedExponent, ZERO } from '../../../src/rexx/arithmetic/number.js';
import { divideRef, value } from './references.js';

const values = (r: { quotient: Decimal; remainder: Decimal } | undefined) =>
  r && { quotient: value(r.quotient), remainder: value(r.remainder) };

function integerDivideRef(a: Decimal, b: Decimal, digits: number): { quotient: Decimal; remainder: Decimal } | undefined {
  if (a.c === '0') return { quotient: ZERO, remainder: ZERO };
  const ta = truncDigits(a, digits + 1);
  const tb = truncDigits(b, digits + 1);
  const adjA = adjustedExponent(ta);
  const adjB = adjustedExponent(tb);
  if (adjA < adjB) return { quotient: ZERO, remainder: ta };
  if (adjA - adjB > digits) return undefined;
  const m = Math.min(ta.e, tb.e);
  const x = BigInt(ta.c) * pow10(ta.e - m);
  const y = BigInt(tb.c) * pow10(tb.e - m);
  const q = x / y;
  const qs = q.toString();
  if (q !== 0n && qs.length > digits) return undefined;
  const r = x - q * y;
  return {
    quotient: q === 0n ? ZERO : { neg: ta.neg !== tb.neg, c: qs, e: 0 },
    remainder: r === 0n ? ZERO : { neg: ta.neg, c: r.toString(), e: m },
  };
}

const coefficient = fc.oneof(
  fc.bigInt({ min: 1n, max: 999_999_999_999_999_999n }).map(String),
  fc.integer({ min: 1, max: 99_999 }).map(String),
  fc.constantFrom('1', '7', '9', '3', '999999999999999', '1000000000000000', '123456789012345', '99999999', '100000000'),
);
const decimal = fc.record({ neg: fc.boolean(), c: coefficient, e: fc.integer({ min: -12, max: 6 }) });

describe('division in doubles = BigInt division', () => {
  it('divide', () => {
    fc.assert(
      fc.property(decimal, decimal, fc.constantFrom(1, 3, 5, 9, 12, 14, 15, 16, 20), (a, b, digits) => {
        expect(value(divide(a, b, digits))).toEqual(value(divideRef(a, b, digits)));
      }),
      { numRuns: 30000 },
    );
  });
  it('integerDivide', () => {
    fc.assert(
      fc.property(decimal, decimal, fc.constantFrom(1, 3, 5, 9, 12, 14, 15, 16, 20), (a, b, digits) => {
        expect(values(integerDivide(a, b, digits))).toEqual(values(integerDivideRef(a, b, digits)));
      }),
      { numRuns: 30000 },
    );
  });
});

describe('rounding a BigInt coefficient = rounding its digits', () => {
  it('roundBig', () => {
    const digitsOf = (k: number) => fc.bigInt({ min: 10n ** BigInt(k - 1), max: 10n ** BigInt(k) - 1n });
    const edge = fc.integer({ min: 1, max: 80 }).chain((k) =>
      fc.constantFrom(10n ** BigInt(k) - 1n, 10n ** BigInt(k) - 5n, 5n * 10n ** BigInt(k - 1), 10n ** BigInt(k) - 10n ** BigInt(Math.max(0, k - 3)) * 5n),
    );
    const v = fc.oneof(fc.integer({ min: 1, max: 120 }).chain(digitsOf), edge);
    fc.assert(
      fc.property(v, fc.boolean(), fc.integer({ min: -60, max: 60 }), fc.integer({ min: 1, max: 70 }), (b, neg, e, digits) => {
        fc.pre(b > 0n);
        const c = b.toString();
        const got = roundBig(neg, b, c.length, e, digits);
        expect(value(got)).toEqual(value(roundDigits({ neg, c, e }, digits)));
        expect(got.b).toBe(BigInt(got.c));
      }),
      { numRuns: 20000 },
    );
  });

  it('roundBigAt (the rounding of a long sum in add) and bigDigitCount', () => {
    const digitsOf = (k: number) => fc.bigInt({ min: 10n ** BigInt(k - 1), max: 10n ** BigInt(k) - 1n });
    const edge = fc.integer({ min: 1, max: 80 }).chain((k) =>
      fc.constantFrom(10n ** BigInt(k) - 1n, 10n ** BigInt(k) - 5n, 5n * 10n ** BigInt(k - 1), 4n * 10n ** BigInt(k - 1) + 99n, 10n ** BigInt(k - 1)),
    );
    const v = fc.oneof(fc.integer({ min: 1, max: 120 }).chain(digitsOf), edge);
    fc.assert(
      // low at most `digits` places below v's most significant digit (the caller's guarantee), or anywhere above
      fc.property(v, fc.boolean(), fc.integer({ min: -60, max: 60 }), fc.integer({ min: 1, max: 70 }), fc.integer({ min: -5, max: 130 }), (b, neg, e, digits, up) => {
        fc.pre(b > 0n);
        const c = b.toString();
        expect(bigDigitCount(b, c.length + (up & 3))).toBe(c.length);
        const top = e + c.length - 1;
        const low = Math.max(top - digits + 1, top - up + 1);
        const got = roundBigAt(neg, b, c.length, e, low, digits);
        const r = roundAtPosition({ neg, c, e }, low);
        const want = r.c.length > digits ? roundDigits(r, digits) : r;
        expect(value(got)).toEqual(value(want));
        expect(got.b).toBe(BigInt(got.c));
      }),
      { numRuns: 30000 },
    );
  });
});

describe('the BigInt coefficient cache follows rounding and truncation', () => {
  it('b is BigInt(c) after every operation on digits', () => {
    const c = fc.oneof(
      fc.bigInt({ min: 1n, max: 10n ** 60n }).map(String),
      fc.integer({ min: 1, max: 30 }).chain((k) => fc.constantFrom('9'.repeat(k), '9'.repeat(k) + '5', '1' + '0'.repeat(k), '4'.repeat(k) + '5')),
    );
    fc.assert(
      fc.property(c, fc.boolean(), fc.integer({ min: -40, max: 40 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: -60, max: 60 }), (cs, neg, e, digits, pos) => {
        const d = (): Decimal => ({ neg, c: cs, e, b: BigInt(cs) });
        for (const r of [roundDigits(d(), digits), truncDigits(d(), digits), roundAtPosition(d(), pos), truncAtPosition(d(), pos), stripTrailingZeros(d())]) {
          if (r.b !== undefined) expect(r.b).toBe(BigInt(r.c));
        }
      }),
      { numRuns: 20000 },
    );
  });
});
