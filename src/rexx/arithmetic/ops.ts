/**
 * The exact dyadic operations + - * / % // on parsed numbers at a given
 * precision, as defined by ANSI X3.274-1996 §7.4 and TRL2 "Arithmetic operation
 * rules — basic operators" (the same rules as IBM REXX/VM and ooRexx):
 *
 * - Each operand is first truncated (not rounded) to DIGITS+1 significant digits.
 * - The operation is then carried out exactly (coefficients are BigInts or digit
 *   strings; never JS floating point) and the result rounded half-up to DIGITS.
 *
 * These functions neither check the exponent range nor format: see decimal.ts.
 */
import { type Decimal, ZERO, adjustedExponent, coefficient, decimal } from './number.js';
import {
  bigDigitCount,
  pow10,
  roundAtPosition,
  roundBigAt,
  roundBig,
  roundDigits,
  stripTrailingZeros,
  truncAtPosition,
  truncDigits,
} from './round.js';

export function negate(d: Decimal): Decimal {
  return d.c === '0' ? d : decimal(!d.neg, d.c, d.e, d.b, d.v);
}

/**
 * Addition (and subtraction, with `b` negated by the caller) — §7.4 / TRL2
 * "Addition and subtraction":
 *
 * If either number is zero, the other, rounded to DIGITS, is the result.
 * Otherwise the numbers are aligned and extended with zeros on the right and
 * left, to a total of at most DIGITS+1 digits counted from the most significant
 * digit of either (the lesser number may lose some or all of its digits on the
 * right), added, and the sum rounded to DIGITS counting
 * from the position of the most significant digit of the operands — or of the
 * result, when a carry made it one digit longer. (So with DIGITS 3,
 * 1.00 - 0.0123 is 0.99, not 0.988.)
 */
export function add(a: Decimal, b: Decimal, digits: number): Decimal {
  if (b.c === '0') return roundDigits(a, digits);
  if (a.c === '0') return roundDigits(b, digits);
  const adjA = adjustedExponent(a);
  const adjB = adjustedExponent(b);
  const top = adjA > adjB ? adjA : adjB;
  const low = top - digits; // lowest position kept: DIGITS+1 digits in all
  // The operands truncated at `low`: an operand whose digits all fall below
  // the window still counts, as a zero at `low` (1E+20 + 1 is 1.00000000E+20
  // at DIGITS 9). m is the last position of either, xl and yl the lengths of
  // the truncated coefficients aligned at m.
  const m = Math.max(Math.min(a.e, b.e), low);
  const xl = (adjA > m ? adjA : m) - m + 1;
  const yl = (adjB > m ? adjB : m) - m + 1;

  let sum: Decimal;
  if (xl <= 15 && yl <= 15) {
    // both aligned coefficients are below 10**15: exact in a double
    const x = alignedSmall(a, low, m);
    const y = alignedSmall(b, low, m);
    const s = (a.neg ? -x : x) + (b.neg ? -y : y);
    if (s === 0) return ZERO;
    sum = s < 0 ? decimal(true, String(-s), m) : decimal(false, String(s), m);
  } else {
    // magnitudes aligned (truncated on the BigInt, no truncated Decimal
    // made), and the sum formed without negative BigInts: fewer BigInt
    // operations
    const x = alignedBig(a, adjA, low, m);
    const y = alignedBig(b, adjB, low, m);
    let v: bigint;
    let neg = a.neg;
    if (a.neg === b.neg) v = x + y;
    else if (x >= y) v = x - y;
    else {
      v = y - x;
      neg = b.neg;
    }
    if (v === 0n) return ZERO;
    // rounded on the BigInt (the sum itself is never written out): the same
    // position as below, from the sum's length found by comparisons
    const len = bigDigitCount(v, (xl > yl ? xl : yl) + 1);
    const sTop = m + len - 1;
    return roundBigAt(neg, v, len, m, (sTop > top ? sTop : top) - digits + 1, digits);
  }
  const rTop = Math.max(top, adjustedExponent(sum));
  const r = roundAtPosition(sum, rTop - digits + 1);
  // a carry in the rounding (99.96 -> 100.0) may leave DIGITS+1 digits
  return r.c.length > digits ? roundDigits(r, digits) : r;
}

/** |d| truncated at position `low` (§7.4 add) and aligned at m (m >= low, m <= max(d.e, low)), below 10**15: a double. */
function alignedSmall(d: Decimal, low: number, m: number): number {
  const t = truncAtPosition(d, low);
  return t.c === '0' ? 0 : Number(t.c) * 10 ** (t.e - m);
}

/** |d| truncated at position `low` and aligned at m, as alignedSmall, as a BigInt (adj: d's adjusted exponent). */
function alignedBig(d: Decimal, adj: number, low: number, m: number): bigint {
  if (adj < low) return 0n; // every digit below the window
  const v = coefficient(d);
  if (d.e < low) return v / pow10(low - d.e); // then m is low
  return d.e === m ? v : v * pow10(d.e - m);
}

/** Multiplication — §7.4 / TRL2 "Multiplication": exact product of the truncated operands, rounded. */
export function multiply(a: Decimal, b: Decimal, digits: number): Decimal {
  if (a.c === '0' || b.c === '0') return ZERO;
  const ta = truncDigits(a, digits + 1);
  const tb = truncDigits(b, digits + 1);
  const neg = ta.neg !== tb.neg;
  const e = ta.e + tb.e;
  if (ta.c.length + tb.c.length <= 15) return roundDigits(decimal(neg, String(Number(ta.c) * Number(tb.c)), e), digits);
  const p = coefficient(ta) * coefficient(tb);
  const len = ta.c.length + tb.c.length; // the product has len or len-1 digits
  return roundBig(neg, p, p < pow10(len - 1) ? len - 1 : len, e, digits);
}

/**
 * Division — §7.4 / TRL2 "Division": the quotient of the truncated operands to
 * DIGITS significant digits, rounded half up (the long division is carried to
 * DIGITS+1 digits and rounded, which is the exact quotient rounded), then
 * insignificant trailing zeros removed. The divisor must not be zero (the caller
 * raises 42.3).
 */
export function divide(a: Decimal, b: Decimal, digits: number): Decimal {
  if (a.c === '0') return ZERO;
  const ta = truncDigits(a, digits + 1);
  const tb = truncDigits(b, digits + 1);
  // scale the dividend so the integer quotient has at least DIGITS+1 digits
  const k = Math.max(0, digits + 2 + tb.c.length - ta.c.length);
  const neg = ta.neg !== tb.neg;
  const e = ta.e - tb.e - k;
  if (ta.c.length + k <= 15 && tb.c.length <= 15) {
    // dividend and divisor below 10**15: the integer quotient in doubles,
    // exact after correcting the floating division by one either way
    // (x, y, q*y and x-q*y are integers below 2**53)
    const x = Number(ta.c) * 10 ** k;
    const y = Number(tb.c);
    let q = Math.floor(x / y);
    const r = x - q * y;
    if (r < 0) q--;
    else if (r >= y) q++;
    return stripTrailingZeros(roundDigits(decimal(neg, String(q), e), digits));
  }
  return stripTrailingZeros(roundedQuotient(ta, tb, neg, digits));
}

/**
 * The quotient of the (truncated, non-zero) operands rounded half up to
 * DIGITS digits, in one BigInt division: the same as the integer quotient
 * carried to more digits and then rounded (the first discarded digit of
 * floor(Q) is that of Q), but without the second division. The quotient's
 * first digit is known beforehand from the digits (quotientAtLeastOne), so
 * the scale s that puts it at exactly DIGITS digits before the point is too;
 * then round(x * 10**s / y) = floor((x * 10**s + floor(y/2)) / y), since
 * 2r >= y and 2r >= y+1 agree for an odd y.
 */
function roundedQuotient(ta: Decimal, tb: Decimal, neg: boolean, digits: number): Decimal {
  // x/y lies in [10**(lead-1), 10**lead)
  const lead = ta.c.length - tb.c.length + (quotientAtLeastOne(ta.c, tb.c) ? 1 : 0);
  const s = digits - lead; // at least -1: both have at most DIGITS+1 digits
  const x = coefficient(ta);
  let y = coefficient(tb);
  let q: bigint;
  if (s >= 0) q = (x * pow10(s) + (y >> 1n)) / y;
  else {
    y *= pow10(-s);
    q = (x + (y >> 1n)) / y;
  }
  const e = ta.e - tb.e - s;
  if (q === pow10(digits)) {
    // 9.9996 -> 10.000: one digit more, the last a zero (as roundDigits)
    return decimal(neg, pow10(digits - 1).toString(), e + 1, pow10(digits - 1));
  }
  return decimal(neg, q.toString(), e, q);
}

/**
 * Whether x/y >= 10**(len(x)-len(y)) for the digit strings x and y (no
 * leading zeros): x * 10**len(y) >= y * 10**len(x), the digits compared as
 * if the shorter were padded with zeros on the right.
 */
export function quotientAtLeastOne(x: string, y: string): boolean {
  const xl = x.length;
  const yl = y.length;
  const n = xl < yl ? xl : yl;
  for (let i = 0; i < n; i++) {
    const d = x.charCodeAt(i) - y.charCodeAt(i);
    if (d !== 0) return d > 0;
  }
  // equal on the common digits: y's further digits decide (x's padding is zeros)
  for (let i = n; i < yl; i++) if (y.charCodeAt(i) !== 48) return false;
  return true;
}

export interface IntDivResult {
  /** the integer quotient, sign included */
  quotient: Decimal;
  /** the remainder (sign of the dividend), exact */
  remainder: Decimal;
}

/**
 * Integer division and remainder — §7.4 / TRL2 "Integer division" and
 * "Remainder": on the truncated operands, the integer part of the quotient,
 * which must fit in DIGITS digits (else `undefined`, and the caller raises 26.11
 * or 26.12); the remainder is dividend - quotient*divisor computed exactly (sign
 * of the dividend, trailing zeros kept: 3.6//1.3 is 1.0). The divisor must not be
 * zero.
 */
export function integerDivide(a: Decimal, b: Decimal, digits: number): IntDivResult | undefined {
  if (a.c === '0') return { quotient: ZERO, remainder: ZERO };
  const ta = truncDigits(a, digits + 1);
  const tb = truncDigits(b, digits + 1);
  const adjA = adjustedExponent(ta);
  const adjB = adjustedExponent(tb);
  if (adjA < adjB) return { quotient: ZERO, remainder: ta }; // |a| < |b|
  // |a/b| >= 10**(adjA-adjB-1): more than DIGITS integer digits for sure
  if (adjA - adjB > digits) return undefined;
  const m = Math.min(ta.e, tb.e);
  if (ta.c.length + ta.e - m <= 15 && tb.c.length + tb.e - m <= 15) {
    // both aligned coefficients below 10**15: exact in doubles (see divide)
    const x = Number(ta.c) * 10 ** (ta.e - m);
    const y = Number(tb.c) * 10 ** (tb.e - m);
    let q = Math.floor(x / y);
    const r0 = x - q * y;
    if (r0 < 0) q--;
    else if (r0 >= y) q++;
    const qs = String(q);
    if (q !== 0 && qs.length > digits) return undefined;
    const r = x - q * y;
    return {
      quotient: q === 0 ? ZERO : decimal(ta.neg !== tb.neg, qs, 0),
      remainder: r === 0 ? ZERO : decimal(ta.neg, String(r), m),
    };
  }
  const x = coefficient(ta) * pow10(ta.e - m);
  const y = coefficient(tb) * pow10(tb.e - m);
  const q = x / y;
  const qs = q.toString();
  if (q !== 0n && qs.length > digits) return undefined;
  const r = x - q * y;
  return {
    quotient: q === 0n ? ZERO : decimal(ta.neg !== tb.neg, qs, 0, q),
    remainder: r === 0n ? ZERO : decimal(ta.neg, r.toString(), m, r),
  };
}

/**
 * Numeric comparison (§7.4 "Numeric comparison"): the difference a-b computed
 * at DIGITS-FUZZ by the rules of subtraction; its sign is the answer.
 */
export function compareDecimal(a: Decimal, b: Decimal, digits: number, fuzz: number): -1 | 0 | 1 {
  const d = add(a, negate(b), Math.max(1, digits - fuzz));
  if (d.c === '0') return 0;
  return d.neg ? -1 : 1;
}

