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
import { parseNumber, smallCoefficient, type Decimal } from './number.js';
import { pairAdd, pairDiv, pairIntDiv, pairMul, pairOf, pairResult, pairRounded, pairString } from './pair.js';

/** Longest coefficient taken: 15 digits (below 10**15 < 2**53). */
const MAX_LEN = 15;

/** A parsed operand's signed coefficient, or NaN when it has more than `lim` digits. */
function operand(d: Decimal, lim: number): number {
  if (d.c.length > lim) return NaN;
  const v = smallCoefficient(d);
  return d.neg ? -v : v;
}

/**
 * The string of the pair (v, pairResult.e) a pair.ts operation returned;
 * undefined for NaN. Not put in number.ts's parse memo (remembering it
 * flattens the new string and makes a Decimal, a third of the cost of an
 * addition): a result that comes back as an operand of + - * / is read from
 * pair.ts's ring of strings just written (pairOf, in smallArith and in the
 * compiled regions), and any other use parses it once and memoizes it then.
 */
function written(v: number, n: Readonly<NumericSettings>): string | undefined {
  if (v !== v) return undefined;
  return pairString(v, pairResult.e, n);
}

export function smallArith(
  op: '+' | '-' | '*' | '/',
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

/**
 * Integer division and remainder (pair.ts pairIntDiv) when both operands
 * are whole numbers written with at most DIGITS+1 digits and below 10**15
 * in value; undefined otherwise (the exact path decides, errors included).
 */
export function smallIntDivide(op: '%' | '//', a: string, b: string, n: Readonly<NumericSettings>): string | undefined {
  if (n.digits > MAX_LEN) return undefined;
  const x = parseNumber(a);
  if (x === undefined) return undefined;
  const y = parseNumber(b);
  if (y === undefined) return undefined;
  const lim = n.digits < MAX_LEN ? n.digits + 1 : MAX_LEN;
  return written(pairIntDiv(operand(x, lim), x.e, operand(y, lim), y.e, op === '//', n), n);
}
