/**
 * Rounding and truncation of coefficients (ANSI X3.274-1996 §7.4, TRL2
 * "Arithmetic operation rules"): rounding is the traditional half-up rule on the
 * first discarded digit (the guard digit) — never round-half-even. Operands are
 * truncated (not rounded) to DIGITS+1 significant digits before use.
 */
import { type Decimal, ZERO } from './number.js';

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
  if (d.c.charCodeAt(digits) >= 53 /* 5 */) {
    keep = incrementDigits(keep);
    if (keep.length > digits) {
      // 999.5 -> 1000: the carry made one more digit, and the last one is a zero
      keep = keep.slice(0, digits);
      e++;
    }
  }
  return { neg: d.neg, c: keep, e };
}

/** Truncate to at most `digits` significant digits (no rounding). */
export function truncDigits(d: Decimal, digits: number): Decimal {
  const len = d.c.length;
  if (len <= digits) return d;
  return { neg: d.neg, c: d.c.slice(0, digits), e: d.e + (len - digits) };
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
  return { neg: d.neg, c: keep, e: low };
}

/** Drop every digit below position `low` (truncation toward zero). The result may be zero. */
export function truncAtPosition(d: Decimal, low: number): Decimal {
  if (d.e >= low) return d;
  const drop = low - d.e;
  const len = d.c.length;
  if (drop >= len) return ZERO;
  return { neg: d.neg, c: d.c.slice(0, len - drop), e: low };
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
  return { neg: d.neg, c: c.slice(0, end), e: d.e + (c.length - end) };
}

/** Remove leading zeros from a digit string ('' and all-zero give '0'). */
export function stripLeadingZeros(s: string): string {
  let i = 0;
  const n = s.length;
  while (i < n - 1 && s.charCodeAt(i) === 48) i++;
  return i === 0 ? (n === 0 ? '0' : s) : s.slice(i);
}

/** Build a Decimal from a signed BigInt coefficient and an exponent. */
export function fromBigInt(v: bigint, e: number): Decimal {
  if (v === 0n) return ZERO;
  if (v < 0n) return { neg: true, c: (-v).toString(), e };
  return { neg: false, c: v.toString(), e };
}

/** The signed coefficient as a BigInt. */
export function toBigInt(d: Decimal): bigint {
  const v = BigInt(d.c);
  return d.neg ? -v : v;
}

const POW10: bigint[] = [];
/** 10n ** k, cached for small k. */
export function pow10(k: number): bigint {
  if (k < 64) {
    let p = POW10[k];
    if (p === undefined) {
      p = 10n ** BigInt(k);
      POW10[k] = p;
    }
    return p;
  }
  return 10n ** BigInt(k);
}
