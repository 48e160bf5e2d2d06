/**
 * The power operator ** (ANSI X3.274-1996 §7.4 / TRL2 "Power"):
 *
 * - the right operand must be a whole number (checked by the caller, error 26.8);
 * - the left operand is truncated to DIGITS+1 digits;
 * - x**0 is 1 (also 0**0), 0**n is 0 for n > 0;
 * - otherwise the power is computed by the left-to-right binary method
 *   (for each bit of |n| after the first: square, then multiply by x if the bit
 *   is 1) with every multiplication carried out at the working precision
 *   DIGITS + L + 1, where L is the number of digits of |n|;
 * - a negative power is the reciprocal 1/x**|n|, divided at that same precision;
 * - the result is rounded to DIGITS and insignificant trailing zeros removed.
 */
import { type Decimal, MAX_EXPONENT, ONE, ZERO, adjustedExponent, decimal } from './number.js';
import { divide, multiply } from './ops.js';
import { roundDigits, stripTrailingZeros, truncDigits } from './round.js';

export type PowerOutcome =
  | { ok: true; value: Decimal }
  /** the exponent of the result leaves the range (too big: 'overflow', too small: 'underflow') */
  | { ok: false; fault: 'overflow' | 'underflow' | 'zerodivide' };

/** x ** n at `digits` (n a whole number, as a BigInt). */
export function power(x: Decimal, n: bigint, digits: number): PowerOutcome {
  if (n === 0n) return { ok: true, value: ONE };
  const negative = n < 0n;
  const m = negative ? -n : n;
  const base = truncDigits(x, digits + 1);
  if (base.c === '0') return negative ? { ok: false, fault: 'zerodivide' } : { ok: true, value: ZERO };

  // |x| == 1: no need to loop (and |n| may be huge at large DIGITS)
  const unit = stripTrailingZeros(base);
  if (unit.c === '1' && unit.e === 0) {
    const odd = (m & 1n) === 1n;
    return { ok: true, value: base.neg && odd ? decimal(true, '1', 0, 1n) : ONE };
  }

  const bits = m.toString(2);
  const work = digits + m.toString().length + 1;
  let acc = base;
  for (let i = 1; i < bits.length; i++) {
    acc = multiply(acc, acc, work);
    if (bits.charCodeAt(i) === 49) acc = multiply(acc, base, work);
    // The magnitude only moves away from 1 from here on; once out of range the
    // final result is too (checked with a margin so that rounding cannot matter).
    const adj = adjustedExponent(acc);
    if (adj > MAX_EXPONENT + 1) return { ok: false, fault: negative ? 'underflow' : 'overflow' };
    if (adj < -MAX_EXPONENT - 2) return { ok: false, fault: negative ? 'overflow' : 'underflow' };
  }
  if (negative) acc = divide(ONE, acc, work);
  return { ok: true, value: stripTrailingZeros(roundDigits(acc, digits)) };
}
