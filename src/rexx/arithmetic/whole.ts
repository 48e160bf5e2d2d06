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
  const r = roundDigits(d, digits);
  if (r.c === '0') return 0n;
  const len = r.c.length;
  if (r.e >= 0) {
    if (len + r.e > digits) return undefined;
    const v = BigInt(r.c) * 10n ** BigInt(r.e);
    return r.neg ? -v : v;
  }
  const point = len + r.e;
  if (point <= 0) return undefined; // 0 < |r| < 1
  for (let i = point; i < len; i++) if (r.c.charCodeAt(i) !== 48) return undefined;
  const v = BigInt(r.c.slice(0, point));
  return r.neg ? -v : v;
}
