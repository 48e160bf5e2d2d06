/**
 * The quick answer of numeric comparison (§7.4 "Numeric comparison") when
 * signs or magnitudes alone decide it. The standard's comparison is the sign
 * of a-b computed at DIGITS-FUZZ by the rules of subtraction (compareDecimal
 * in ops.ts); that difference is zero only when the rounding swallows it.
 *
 * - a zero operand: the difference is the other operand (negated), rounded
 *   to at least one digit, so never zero;
 * - opposite signs: |a-b| >= max(|a|,|b|), and the larger operand keeps its
 *   leading digit in the DIGITS+1 window, so the sum is not zero nor rounded to
 *   zero;
 * - same sign, adjusted exponents (position of the leading digit) at least 2
 *   apart, say adjA >= adjB + 2: |a| >= 10**adjA while the truncated |b| is
 *   below 10**(adjB+1) <= 10**(adjA-1), so |a-b| >= 0.9 * 10**adjA. It is
 *   rounded at position adjA-D+1 <= adjA (D = DIGITS-FUZZ >= 1), which would
 *   give zero only below half a unit there: it stays non-zero, with a's sign.
 *
 * Otherwise (adjusted exponents equal or adjacent) the result is undefined
 * and the exact comparison decides. Checked against compareDecimal by a
 * property test (test/rexx/arithmetic/compare.test.ts).
 */
import { type Decimal, adjustedExponent } from './number.js';

export function quickCompare(a: Decimal, b: Decimal): -1 | 0 | 1 | undefined {
  const az = a.c === '0';
  const bz = b.c === '0';
  if (az) return bz ? 0 : b.neg ? 1 : -1;
  if (bz || a.neg !== b.neg) return a.neg ? -1 : 1;
  const adjA = adjustedExponent(a);
  const adjB = adjustedExponent(b);
  if (adjA >= adjB + 2) return a.neg ? -1 : 1; // |a| much larger
  if (adjB >= adjA + 2) return a.neg ? 1 : -1; // |b| much larger
  return undefined;
}
