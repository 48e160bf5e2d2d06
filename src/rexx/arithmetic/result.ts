/**
 * Finishing a result: the exponent range check (ANSI X3.274-1996 §7.4: an
 * overflow or underflow is an error when the exponent of the result, in
 * scientific notation, would need more than 9 digits — #Limit_ExponentDigits)
 * followed by the standard layout (layout.ts).
 */
import { rexxError } from '../errors.js';
import type { NumericSettings } from './settings.js';
import { type Decimal, MAX_EXPONENT, adjustedExponent, rememberNumber } from './number.js';
import { layout, readsBack } from './layout.js';

/** #Limit_ExponentDigits, the last insert of errors 42.1 and 42.2. */
export const EXP_DIGITS = 9;

/**
 * Which end of the exponent range d is past: 1 above (Error 42.1), 2 below
 * (42.2), 0 within it (zero always is).
 */
export function outOfRange(d: Decimal): 0 | 1 | 2 {
  if (d.c === '0') return 0;
  const adj = adjustedExponent(d);
  return adj > MAX_EXPONENT ? 1 : adj < -MAX_EXPONENT ? 2 : 0;
}

/** Throw 42.1 / 42.2 (inserts: left, op, right, 9) if d's exponent is out of range. */
export function checkRange(d: Decimal, left: string, op: string, right: string): void {
  const r = outOfRange(d);
  if (r !== 0) throw rexxError(42, r, left, op, right, EXP_DIGITS);
}

/**
 * Write out a result whose range has been checked, as the standard does. The
 * string is remembered as d (number.ts, rememberNumber) when it reads back as
 * d: results come back as operands, and are then neither parsed again nor
 * converted to BigInt again.
 */
export function writeOut(d: Decimal, n: Readonly<NumericSettings>): string {
  const s = layout(d, n);
  if (readsBack(d, n)) rememberNumber(s, d);
  return s;
}

/** Range-check a rounded result and write it out (writeOut). */
export function finish(
  d: Decimal,
  n: Readonly<NumericSettings>,
  left: string,
  op: string,
  right: string,
): string {
  checkRange(d, left, op, right);
  return writeOut(d, n);
}
