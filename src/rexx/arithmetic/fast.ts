/**
 * Small-integer fast path for the dyadic operators.
 *
 * Applies only when both operands are written as an optional '-' and 1 to 9
 * digits (see smallInt) and NUMERIC DIGITS is at least 9. Then no operand has
 * more than DIGITS digits, so nothing is truncated, and every operation below is
 * exact in IEEE doubles (all magnitudes stay below 2**53). Whenever the exact
 * result is an integer of at most DIGITS digits, the standard's result is that
 * integer written plainly — which is what is returned. In every other case
 * (rounding needed, non-integer quotient, division by zero, negative power...)
 * this returns undefined and the exact path is used. The equivalence with the
 * exact path is checked by property tests (test/rexx/arithmetic/fast.test.ts).
 */
import type { ArithOp } from './decimal.js';
import { P10 } from './pair.js';

const LIMIT = Number.MAX_SAFE_INTEGER;

/** 10**digits, or Infinity when that is beyond every value reached here. */
function bound(digits: number): number {
  return digits >= 16 ? Infinity : P10[digits]!; // a table: `10 ** d` is a slow Math.pow call
}

/** The operation on operands already read by smallInt (number.ts; not NaN), at DIGITS >= 9. */
export function intArith(op: ArithOp, x: number, y: number, digits: number): string | undefined {
  let r: number;
  switch (op) {
    case '+':
      r = x + y;
      break;
    case '-':
      r = x - y;
      break;
    case '*':
      r = x * y;
      if (r > LIMIT || r < -LIMIT) return undefined;
      break;
    case '/':
      if (y === 0 || x % y !== 0) return undefined;
      r = x / y;
      break;
    case '%':
      if (y === 0) return undefined;
      r = (x - (x % y)) / y;
      break;
    case '//':
      if (y === 0) return undefined;
      r = x % y;
      break;
    case '**': {
      if (y < 0) return undefined;
      const lim = Math.min(bound(digits), LIMIT);
      r = 1;
      for (let i = 0; i < y; i++) {
        r *= x;
        if (r >= lim || r <= -lim) return undefined;
        if (r === 0 || r === 1) break; // 0**k, 1**k
        if (r === -1) {
          r = (y & 1) === 1 ? -1 : 1; // (-1)**k
          break;
        }
      }
      break;
    }
  }
  const lim = bound(digits);
  if (r >= lim || r <= -lim) return undefined;
  return String(r); // String(-0) is '0'
}
