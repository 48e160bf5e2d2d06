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
  const top = Math.max(adjustedExponent(a), adjustedExponent(b));
  const low = top - digits; // lowest position kept: DIGITS+1 digits in all
  // An operand whose digits all fall below the window still counts: as zeros
  // down to the window's last position (1E+20 + 1 is 1.00000000E+20 at DIGITS 9).
  let ta = truncAtPosition(a, low);
  if (ta.c === '0') ta = decimal(false, '0', low, 0n);
  let tb = truncAtPosition(b, low);
  if (tb.c === '0') tb = decimal(false, '0', low, 0n);

  let sum: Decimal;
  const m = Math.min(ta.e, tb.e);
  const xl = ta.c.length + ta.e - m; // digits of the aligned coefficients
  const yl = tb.c.length + tb.e - m;
  if (xl <= 15 && yl <= 15) {
    // both aligned coefficients are below 10**15: exact in a double
    const x = Number(ta.c) * 10 ** (ta.e - m);
    const y = Number(tb.c) * 10 ** (tb.e - m);
    const s = (ta.neg ? -x : x) + (tb.neg ? -y : y);
    if (s === 0) return ZERO;
    sum = s < 0 ? decimal(true, String(-s), m) : decimal(false, String(s), m);
  } else {
    // magnitudes aligned (no multiplication when already aligned), and the
    // sum formed without negative BigInts: fewer BigInt operations
    const x = ta.e === m ? coefficient(ta) : coefficient(ta) * pow10(ta.e - m);
    const y = tb.e === m ? coefficient(tb) : coefficient(tb) * pow10(tb.e - m);
    let v: bigint;
    let neg = ta.neg;
    if (ta.neg === tb.neg) v = x + y;
    else if (x >= y) v = x - y;
    else {
      v = y - x;
      neg = tb.neg;
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
  const q = (coefficient(ta) * pow10(k)) / coefficient(tb);
  // q >= 10**(xl-1+k-yl) and q < 10**(xl+k-yl+1): one of two lengths
  const len = ta.c.length + k - tb.c.length;
  return stripTrailingZeros(roundBig(neg, q, q < pow10(len) ? len : len + 1, e, digits));
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

