/**
 * Rounding and truncation of coefficients (ANSI X3.274-1996 §7.4, TRL2
 * "Arithmetic operation rules"): rounding is the traditional half-up rule on the
 * first discarded digit (the guard digit) — never round-half-even. Operands are
 * truncated (not rounded) to DIGITS+1 significant digits before use.
 */
import { type Decimal, ZERO, coefficient, decimal } from './number.js';

/**
 * d's cached BigInt coefficient without its last `drop` digits, plus one when
 * `up`: the `b` of a rounded or truncated Decimal (undefined when d has none —
 * it is then made from the digits if ever needed).
 */
function dropB(d: Decimal, drop: number, up: boolean): bigint | undefined {
  const b = d.b;
  if (b === undefined) return undefined;
  const q = drop === 0 ? b : b / pow10(drop);
  return up ? q + 1n : q;
}

/** Add one to a string of decimal digits ('' counts as 0). May grow by one digit. */
export function incrementDigits(s: string): string {
  let i = s.length - 1;
  while (i >= 0 && s.charCodeAt(i) === 57 /* 9 */) i--;
  if (i < 0) return '1' + '0'.repeat(s.length);
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) + 1) + '0'.repeat(s.length - 1 - i);
}

/** Round to at most `digits` significant digits, half up. Trailing zeros are kept. */
export function roundDigits(d: Decimal, digits: number): Decimal {
  const len = d.c.length;
  if (len <= digits) return d;
  let keep = d.c.slice(0, digits);
  let e = d.e + (len - digits);
  const up = d.c.charCodeAt(digits) >= 53; /* 5 */
  let b = dropB(d, len - digits, up);
  if (up) {
    keep = incrementDigits(keep);
    if (keep.length > digits) {
      // 999.5 -> 1000: the carry made one more digit, and the last one is a zero
      keep = keep.slice(0, digits);
      e++;
      b = undefined;
    }
  }
  return decimal(d.neg, keep, e, b);
}

/** Truncate to at most `digits` significant digits (no rounding). */
export function truncDigits(d: Decimal, digits: number): Decimal {
  const len = d.c.length;
  if (len <= digits) return d;
  return decimal(d.neg, d.c.slice(0, digits), d.e + (len - digits), dropB(d, len - digits, false));
}

/**
 * Round so that no digit is below position `low` (a power of ten), half up.
 * The result may be zero.
 */
export function roundAtPosition(d: Decimal, low: number): Decimal {
  if (d.e >= low) return d;
  const drop = low - d.e;
  const len = d.c.length;
  if (drop > len) return ZERO; // guard digit is an implied leading zero
  let keep = d.c.slice(0, len - drop);
  const up = d.c.charCodeAt(len - drop) >= 53;
  if (up) keep = incrementDigits(keep);
  else if (keep === '') return ZERO;
  return decimal(d.neg, keep, low, dropB(d, drop, up));
}

/** Drop every digit below position `low` (truncation toward zero). The result may be zero. */
export function truncAtPosition(d: Decimal, low: number): Decimal {
  if (d.e >= low) return d;
  const drop = low - d.e;
  const len = d.c.length;
  if (drop >= len) return ZERO;
  return decimal(d.neg, d.c.slice(0, len - drop), low, dropB(d, drop, false));
}

/**
 * Remove insignificant trailing zeros after division and power: "trailing zeros
 * are retained except for division and power" (IBM REXX reference, "Numbers and
 * arithmetic"), i.e. zeros AFTER the decimal point (2.40/2 -> 1.2). Zeros of
 * the integer part stay: 10**9 at DIGITS 9 is 1.00000000E+9 and 9**10 is
 * 3.48678440E+9, as Regina and the conformance suite show.
 */
export function stripTrailingZeros(d: Decimal): Decimal {
  const c = d.c;
  let end = c.length;
  // only while the digit removed is a fractional one (exponent below zero)
  while (end > 1 && c.charCodeAt(end - 1) === 48 && d.e + (c.length - end) < 0) end--;
  if (end === c.length) return d;
  return decimal(d.neg, c.slice(0, end), d.e + (c.length - end), dropB(d, c.length - end, false));
}

/** Remove leading zeros from a digit string ('' and all-zero give '0'). */
export function stripLeadingZeros(s: string): string {
  let i = 0;
  const n = s.length;
  while (i < n - 1 && s.charCodeAt(i) === 48) i++;
  return i === 0 ? (n === 0 ? '0' : s) : s.slice(i);
}

/**
 * ±v * 10**e rounded half up to `digits` digits, where v > 0 has exactly
 * `len` digits: the rounding done on the BigInt, so that only the kept digits
 * are ever written out (a product of two long coefficients has twice as many
 * digits as the result keeps). Same result as roundDigits on the full digits:
 * the first discarded digit is 5 or more exactly when the discarded part r of
 * v = q * 10**drop + r is at least 5 * 10**(drop-1), that is exactly when
 * (v + 5 * 10**(drop-1)) / 10**drop is q + 1 (one addition and one division:
 * each BigInt operation allocates).
 */
export function roundBig(neg: boolean, v: bigint, len: number, e: number, digits: number): Decimal {
  // the lowest digit kept is the digits-th from the top: roundBigAt there
  return roundBigAt(neg, v, len, e, e + len - digits, digits);
}

/**
 * ±v * 10**e (v > 0 with exactly `len` digits) rounded half up at position
 * `low` (no digit below it kept), then to `digits` digits if the carry made
 * one digit more: what roundAtPosition followed by roundDigits gives on the
 * written-out digits, done on the BigInt so that only the kept digits are
 * written out. The caller guarantees that no more than `digits` digits lie
 * between `low` and v's most significant digit, so a carry can make at most
 * 10**digits. The result may be zero.
 */
export function roundBigAt(neg: boolean, v: bigint, len: number, e: number, low: number, digits: number): Decimal {
  if (e >= low) return decimal(neg, v.toString(), e, v);
  const drop = low - e;
  if (drop > len) return ZERO; // the guard digit is an implied leading zero
  const q = (v + halfPow10(drop)) / pow10(drop); // half up, as in roundBig
  if (q === 0n) return ZERO;
  if (q === pow10(digits)) {
    // 99.96 -> 100.0, one digit too many: the last one is a zero (roundDigits)
    return decimal(neg, pow10(digits - 1).toString(), low + 1, pow10(digits - 1));
  }
  return decimal(neg, q.toString(), low, q);
}

/** Number of decimal digits of v, for 0 < v < 10**bound. */
export function bigDigitCount(v: bigint, bound: number): number {
  let len = bound;
  while (len > 1 && v < pow10(len - 1)) len--;
  return len;
}

/** Preallocated, as POW10 below: filled at scattered indices, a bare [] may turn into a slow dictionary. */
const HALF: bigint[] = new Array<bigint>(2100);
/** 5 * 10**(k-1), half of 10**k (k >= 1). */
function halfPow10(k: number): bigint {
  let h = HALF[k];
  if (h === undefined) {
    h = 5n * pow10(k - 1);
    if (k < HALF.length) HALF[k] = h;
  }
  return h;
}

/** Powers of ten kept: the scale of a division reaches 2*DIGITS+2. */
const POW10_CACHED = 2100;
const POW10: bigint[] = new Array<bigint>(POW10_CACHED);
/** 10n ** k, cached for k < POW10_CACHED. */
export function pow10(k: number): bigint {
  if (k < POW10_CACHED) {
    let p = POW10[k];
    if (p === undefined) {
      p = 10n ** BigInt(k);
      POW10[k] = p;
    }
    return p;
  }
  return 10n ** BigInt(k);
}
