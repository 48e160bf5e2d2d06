/**
 * The double fast path of the string operators for + - * / % // at NUMERIC
 * DIGITS 15 or less (the default DIGITS 9 among them): the operations of
 * pair.ts (where the exactness argument is) on the operands' coefficients
 * and exponents, with only the result written out — no intermediate
 * Decimal or digit string.
 *
 * Operands are taken with at most DIGITS+1 digits (so none is truncated)
 * and at most 15. Whatever pair.ts declines (NaN: a zero divisor, a value
 * too large for doubles, an exponent out of range...) returns undefined and
 * goes to the exact path, which also raises the errors. Property tests
 * (test/rexx/arithmetic/small.test.ts) compare it with arithExact.
 */
import type { NumericSettings } from './settings.js';
import { pairAdd, pairDiv, pairIntDiv, pairMul, pairOf, pairResult, pairRounded, pairString } from './pair.js';

/** Longest coefficient taken: 15 digits (below 10**15 < 2**53). */
const MAX_LEN = 15;

/**
 * The string of the pair (v, pairResult.e) a pair.ts operation returned;
 * undefined for NaN. Not put in number.ts's parse memo (remembering it
 * flattens the new string and makes a Decimal, a third of the cost of an
 * addition): a result that comes back as an operand of + - * / % // is read from
 * pair.ts's ring of strings just written (pairOf, in smallArith and in the
 * compiled regions), and any other use parses it once and memoizes it then.
 */
function written(v: number, n: Readonly<NumericSettings>): string | undefined {
  if (v !== v) return undefined;
  return pairString(v, pairResult.e, n);
}

export function smallArith(
  op: '+' | '-' | '*' | '/' | '%' | '//',
  a: string,
  b: string,
  n: Readonly<NumericSettings>,
): string | undefined {
  const digits = n.digits;
  if (digits > MAX_LEN) return undefined;
  // no operand truncated to DIGITS+1 digits; pairOf reads a result written
  // just before (`sum = sum + x`) from pair.ts's ring, with no parse or memo
  // look-up; NaN (not a number, or too long): the exact path decides
  const lim = digits < MAX_LEN ? digits + 1 : MAX_LEN;
  const xv = pairOf(a, lim);
  if (xv !== xv) return undefined;
  const xe = pairResult.e;
  const yv = pairOf(b, lim);
  if (yv !== yv) return undefined;
  const ye = pairResult.e;
  let r: number;
  if (op === '*') r = pairMul(xv, xe, yv, ye, n);
  else if (op === '/') r = pairDiv(xv, xe, yv, ye, n);
  // integer division and remainder: pairIntDiv declines (NaN) what is not
  // a whole number below 10**15, and the exact path decides, errors included
  else if (op === '%' || op === '//') r = pairIntDiv(xv, xe, yv, ye, op === '//', n);
  else r = pairAdd(xv, xe, yv, ye, op === '-', n);
  return written(r, n);
}

/**
 * + - * on two small integers x, y (the strings a, b as read by smallInt:
 * at most 9 digits) whose exact result, an integer below 2**53, may be too
 * long for DIGITS — at DIGITS 9, 123456 * 7919 is 977648064 but
 * 223456 * 7919 is 1.76954806E+9. The operands have at most 9 <= DIGITS
 * digits, so none is truncated and no addend is cut by the alignment
 * window; the standard's result is then the exact result rounded half up to
 * DIGITS (pairRounded), with no operand ever parsed into a Decimal.
 * undefined when not applicable.
 */
export function smallIntArith(
  op: '+' | '-' | '*',
  x: number,
  y: number,
  n: Readonly<NumericSettings>,
): string | undefined {
  const digits = n.digits;
  if (digits < 9 || digits > MAX_LEN) return undefined;
  const r = op === '+' ? x + y : op === '-' ? x - y : x * y;
  if (r > Number.MAX_SAFE_INTEGER || r < -Number.MAX_SAFE_INTEGER) return undefined;
  return written(pairRounded(r, 0, n), n);
}
