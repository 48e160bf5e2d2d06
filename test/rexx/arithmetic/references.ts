/**
 * Reference definitions of the exact operations, written on digit strings
 * the plain way (truncate, operate exactly, round the written-out digits):
 * the BigInt shortcuts of ops.ts must give the same Decimals
 * (number-paths.test.ts, exact-paths.test.ts).
 */
import type { Decimal } from '../../../src/rexx/arithmetic/number.js';
import { adjustedExponent, ZERO } from '../../../src/rexx/arithmetic/number.js';
import { pow10, roundAtPosition, roundDigits, stripTrailingZeros, truncAtPosition, truncDigits } from '../../../src/rexx/arithmetic/round.js';

/** A Decimal's value fields (without its caches `b` and `v`). */
export const value = (d: Decimal) => ({ neg: d.neg, c: d.c, e: d.e });

/** Division: the integer quotient carried to DIGITS+2 digits or more, then its digits rounded. */
export function divideRef(a: Decimal, b: Decimal, digits: number): Decimal {
  if (a.c === '0') return ZERO;
  const ta = truncDigits(a, digits + 1);
  const tb = truncDigits(b, digits + 1);
  const k = Math.max(0, digits + 2 + tb.c.length - ta.c.length);
  const q = (BigInt(ta.c) * pow10(k)) / BigInt(tb.c);
  return stripTrailingZeros(roundDigits({ neg: ta.neg !== tb.neg, c: q.toString(), e: ta.e - tb.e - k }, digits));
}

/**
 * Addition (§7.4): both operands truncated to the DIGITS+1 positions below
 * the larger one's first digit (one wholly below counts as a zero there),
 * the exact sum written out and rounded at DIGITS positions from its first
 * digit or the operands', whichever is higher.
 */
export function addRef(a: Decimal, b: Decimal, digits: number): Decimal {
  if (b.c === '0') return roundDigits(a, digits);
  if (a.c === '0') return roundDigits(b, digits);
  const top = Math.max(adjustedExponent(a), adjustedExponent(b));
  const low = top - digits;
  const ta = truncAtPosition(a, low);
  const tb = truncAtPosition(b, low);
  const ea = ta.c === '0' ? low : ta.e;
  const eb = tb.c === '0' ? low : tb.e;
  const m = Math.min(ea, eb);
  const s = BigInt(ta.c) * pow10(ea - m) * (ta.neg ? -1n : 1n) + BigInt(tb.c) * pow10(eb - m) * (tb.neg ? -1n : 1n);
  if (s === 0n) return ZERO;
  const sum: Decimal = { neg: s < 0n, c: (s < 0n ? -s : s).toString(), e: m };
  const r = roundAtPosition(sum, Math.max(top, adjustedExponent(sum)) - digits + 1);
  return r.c.length > digits ? roundDigits(r, digits) : r;
}
