/**
 * Whole numbers (ANSI X3.274-1996 §7.4 / TRL2 "Whole numbers"): a number that,
 * after rounding to DIGITS as by `number+0`, has no non-zero decimal part and
 * whose integer part can be written in at most DIGITS digits (a number REXX
 * would write in exponential notation is not a whole number).
 */
import { type Decimal } from './number.js';
import { roundDigits } from './round.js';

/** The integer value of d if it is a whole number at `digits`; else undefined. */
export function wholeValue(d: Decimal, digits: number): bigint | undefined {
  const ip = integerPart(roundDigits(d, digits), digits);
  if (ip === undefined) return undefined;
  const v = BigInt(ip);
  return d.neg ? -v : v;
}

/**
 * The digits of d's integer part ('0' for zero) when d has no non-zero
 * decimal part and its integer part has at most maxLen digits; else
 * undefined. d as it is, unrounded: the callers round first where the
 * rules say so.
 */
export function integerPart(d: Decimal, maxLen: number): string | undefined {
  if (d.c === '0') return '0';
  const len = d.c.length;
  if (d.e >= 0) return len + d.e > maxLen ? undefined : d.e === 0 ? d.c : d.c + '0'.repeat(d.e);
  const point = len + d.e;
  if (point <= 0 || point > maxLen) return undefined; // 0 < |d| < 1, or too long
  for (let i = point; i < len; i++) if (d.c.charCodeAt(i) !== 48) return undefined;
  return d.c.slice(0, point);
}
