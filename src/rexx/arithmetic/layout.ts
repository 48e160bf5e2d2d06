/**
 * How a numeric result is written as a string (ANSI X3.274-1996 §7.4, TRL2
 * "Exponential notation"):
 *
 * - zero is '0';
 * - plain notation unless the number of places needed before the point exceeds
 *   DIGITS, or the number of places after the point exceeds twice DIGITS
 *   (so 0.0000001*1 is '0.0000001' and 1/3E10 is '3.33333333E-11');
 * - exponential notation: SCIENTIFIC puts one digit before the point,
 *   ENGINEERING makes the exponent a multiple of three (1 to 3 digits before the
 *   point, padded with zeros if needed); the exponent always has a sign and
 *   E+0 is never written.
 *
 * Regina switches to exponential notation already when the adjusted exponent is
 * below -6 (see conformance NOTES.md, "Regina vs the standard"); this follows the
 * standard.
 */
import type { NumericSettings } from './settings.js';
import { type Decimal } from './number.js';

/** Whether the standard writes `d` (already rounded to `digits`) in exponential notation. */
export function needsExponential(d: Decimal, digits: number): boolean {
  if (d.c === '0') return false;
  // Exponential when more than DIGITS places are needed before the point, or
  // more than 2*DIGITS after it (IBM REXX reference) — and, as the conformance
  // suite's numeric_form expects (0.5E-15*1 is 5E-16 at DIGITS 9), when the
  // adjusted exponent is below -DIGITS. 0.0000001*1 stays plain (regina_quirks).
  const adj = d.e + d.c.length - 1;
  return adj >= digits || d.e < -2 * digits || adj < -digits;
}

/** Write `d` as the standard writes an arithmetic result under the settings `n`. */
export function layout(d: Decimal, n: Readonly<NumericSettings>): string {
  const c = d.c;
  if (c === '0') return '0';
  const len = c.length;
  const e = d.e;
  const adj = e + len - 1;
  const sign = d.neg ? '-' : '';
  if (!needsExponential(d, n.digits)) return sign + plainDigits(c, e);

  let expo = adj;
  let intDigits = 1;
  if (n.form === 'ENGINEERING') {
    expo = Math.floor(adj / 3) * 3;
    intDigits = adj - expo + 1;
  }
  let mant: string;
  if (len <= intDigits) mant = c + '0'.repeat(intDigits - len);
  else mant = c.slice(0, intDigits) + '.' + c.slice(intDigits);
  if (expo === 0) return sign + mant;
  return sign + mant + (expo > 0 ? 'E+' : 'E-') + String(Math.abs(expo));
}

/**
 * Whether layout(d, n) reads back (parseNumber) as d's own sign, coefficient
 * and exponent, so that the string can be remembered as d. It does except
 * for zero, where zeros are appended to the digits: plain notation with e > 0
 * ('1000' for 1E+3) and an ENGINEERING mantissa padded to the exponent's
 * multiple of three ('100E-12' for 1E-10). (Checked by a property test.)
 */
export function readsBack(d: Decimal, n: Readonly<NumericSettings>): boolean {
  if (d.c === '0') return false;
  if (!needsExponential(d, n.digits)) return d.e <= 0;
  if (n.form !== 'ENGINEERING') return true;
  const adj = d.e + d.c.length - 1;
  return d.c.length >= adj - Math.floor(adj / 3) * 3 + 1;
}

/** Plain (no exponent) digits of c * 10**e, unsigned. */
export function plainDigits(c: string, e: number): string {
  if (e === 0) return c;
  if (e > 0) return c === '0' ? '0' : c + '0'.repeat(e);
  const len = c.length;
  const point = len + e;
  if (point > 0) return c.slice(0, point) + '.' + c.slice(point);
  return '0.' + '0'.repeat(-point) + c;
}
