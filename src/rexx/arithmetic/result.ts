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

/** Throw 42.1 / 42.2 (inserts: left, op, right, 9) if d's exponent is out of range. */
export function checkRange(d: Decimal, left: string, op: string, right: string): void {
  if (d.c === '0') return;
  const adj = adjustedExponent(d);
  if (adj > MAX_EXPONENT) throw rexxError(42, 1, left, op, right, EXP_DIGITS);
  if (adj < -MAX_EXPONENT) throw rexxError(42, 2, left, op, right, EXP_DIGITS);
}

/**
 * Range-check a rounded result and write it out as the standard does. The
 * string is remembered as d (number.ts, rememberNumber) when it reads back as
 * d: results come back as operands, and are then neither parsed again nor
 * converted to BigInt again.
 */
export function finish(
  d: Decimal,
  n: Readonly<NumericSettings>,
  left: string,
  op: string,
  right: string,
): string {
  checkRange(d, left, op, right);
  const s = layout(d, n);
  if (readsBack(d, n)) rememberNumber(s, d);
  return s;
}
