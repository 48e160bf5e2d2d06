/**
 * The double fast path for + - * / at NUMERIC DIGITS 15 or less (the
 * default DIGITS 9 among them), for operands of at most 15 digits; and for
 * % and // on whole numbers below 10**15 (smallIntDivide, at the end).
 *
 * The exact path (ops.ts) already computes such sums, products and quotients
 * in doubles, then rounds by slicing digit strings. Here the rounding is done
 * on the integer coefficient itself and only the final coefficient is written
 * out, with no intermediate Decimal or string.
 *
 * Why it is exact: every coefficient, aligned coefficient, sum, product and
 * scaled dividend handled here is an integer below 2**53 (each case checks its
 * bound), so it is represented exactly and +, -, * on such values are exact.
 * A product whose true value is 2**53 or more is refused: doubles round
 * monotonically and 2**53 is a double, so the computed product is then >= 2**53
 * too. Division and rounding use floor(v / p) for integers v < 2**53 and p a
 * power of ten: v/p differs from an integer q+1 by at least 1/p, more than half
 * an ulp of q+1 (ulp(q) <= q * 2**-52 < 2/p), so the floor is never off by one
 * there; the quotient of the dividend by a general divisor is corrected as in
 * ops.ts (`divide`), and a long one is found by long division in chunks
 * (`longDivide`). The rounding is the standard's half up on the first
 * discarded digit: that digit is >= 5 exactly when the discarded remainder r of
 * v = q*p + r satisfies 2r >= p. Trailing-zero removal after division mirrors
 * stripTrailingZeros.
 *
 * Whatever is not covered (a zero or non-numeric operand, an operand longer
 * than 15 digits or than DIGITS+1, an aligned value or a quotient too large)
 * goes to the exact path, which also raises the errors: this returns
 * undefined. (Exponent overflow is raised by `finish`, as on the exact path.) Property tests
 * (test/rexx/arithmetic/small.test.ts) compare it with arithExact.
 */
import type { NumericSettings } from './settings.js';
import { type Decimal, ZERO, decimal, parseNumber, smallCoefficient } from './number.js';
import { finish } from './result.js';

/** P10[k] = 10**k, exact doubles for k <= 22 (only k <= 16 are used). */
const P10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Number of decimal digits of an integer 0 < v < 10**16. */
function digitCount(v: number): number {
  let n = v < 1e8 ? 1 : 9;
  while (n < 16 && v >= P10[n]!) n++;
  return n;
}

/** Longest coefficient taken: 15 digits (below 10**15 < 2**53). */
const MAX_LEN = 15;

export function smallArith(
  op: '+' | '-' | '*' | '/',
  a: string,
  b: string,
  n: Readonly<NumericSettings>,
): string | undefined {
  const digits = n.digits;
  if (digits > MAX_LEN) return undefined;
  const x = parseNumber(a);
  if (x === undefined) return undefined;
  const y = parseNumber(b);
  if (y === undefined) return undefined;
  const xl = x.c.length;
  const yl = y.c.length;
  // no zero (c '0'), and no operand truncated to DIGITS+1 digits
  const lim = digits < MAX_LEN ? digits + 1 : MAX_LEN;
  if (xl > lim || yl > lim || x.c === '0' || y.c === '0') return undefined;
  let d: Decimal | undefined;
  if (op === '*') d = product(x, y, digits);
  else if (op === '/') d = quotient(x, y, digits);
  else d = sum(x, y, op === '-', digits);
  return d === undefined ? undefined : finish(d, n, a, op, b);
}

/**
 * + - * on two small integers x, y (the strings a, b as read by smallInt:
 * at most 9 digits) whose exact result, an integer below 2**53, may be too
 * long for DIGITS — at
 * DIGITS 9, 123456 * 7919 is 977648064 but 223456 * 7919 is 1.76954806E+9.
 * The operands have at most 9 <= DIGITS digits, so none is truncated and no
 * addend is cut by the alignment window; the standard's result is then the
 * exact result rounded half up to DIGITS (as `rounded` does), with no operand
 * ever parsed into a Decimal. undefined when not applicable.
 */
export function smallIntArith(
  op: '+' | '-' | '*',
  x: number,
  y: number,
  n: Readonly<NumericSettings>,
  a: string,
  b: string,
): string | undefined {
  const digits = n.digits;
  if (digits < 9 || digits > MAX_LEN) return undefined;
  const r = op === '+' ? x + y : op === '-' ? x - y : x * y;
  const neg = r < 0;
  const v = neg ? -r : r;
  if (v > Number.MAX_SAFE_INTEGER) return undefined;
  if (v < P10[digits]!) return String(v === 0 ? 0 : r); // (no '-0')
  return finish(rounded(neg, v, 0, digits), n, a, op, b);
}

/** v * 10**e rounded half up to `digits` digits (v a positive integer < 2**53). */
function rounded(neg: boolean, v: number, e: number, digits: number): Decimal {
  const len = digitCount(v);
  if (len > digits) {
    const drop = len - digits;
    const p = P10[drop]!;
    let q = Math.floor(v / p);
    if ((v - q * p) * 2 >= p) q++;
    e += drop;
    if (q === P10[digits]) {
      // 999.5 -> 1000: one digit more, and it is a zero (as roundDigits)
      q = P10[digits - 1]!;
      e++;
    }
    v = q;
  }
  return decimal(neg, String(v), e, undefined, v);
}

/** Multiplication (§7.4): the exact product rounded, when it is below 2**53. */
function product(x: Decimal, y: Decimal, digits: number): Decimal | undefined {
  const p = smallCoefficient(x) * smallCoefficient(y);
  if (p > Number.MAX_SAFE_INTEGER) return undefined;
  return rounded(x.neg !== y.neg, p, x.e + y.e, digits);
}

/**
 * Addition and subtraction (§7.4, as `add` in ops.ts) when the aligned
 * coefficients stay below 10**15: each operand truncated to the DIGITS+1
 * digit window below the higher operand's most significant digit (an operand
 * entirely below it counts as zero), the exact sum, rounded at DIGITS from
 * the higher of the operands' and the sum's most significant digit.
 */
function sum(x: Decimal, y: Decimal, subtract: boolean, digits: number): Decimal | undefined {
  const adjX = x.e + x.c.length - 1;
  const adjY = y.e + y.c.length - 1;
  const top = adjX > adjY ? adjX : adjY;
  const window = top - digits;
  let xe = x.e;
  let xv = smallCoefficient(x);
  if (xe < window) {
    xv = truncate(xv, window - xe);
    xe = window;
  }
  let ye = y.e;
  let yv = smallCoefficient(y);
  if (ye < window) {
    yv = truncate(yv, window - ye);
    ye = window;
  }
  const m = xe < ye ? xe : ye;
  // (a shift of more than 15 places cannot stay below 10**15 anyway)
  if (xe - m > MAX_LEN || ye - m > MAX_LEN) return undefined;
  xv *= P10[xe - m]!;
  yv *= P10[ye - m]!;
  if (xv >= LIMIT || yv >= LIMIT) return undefined;
  const s = (x.neg ? -xv : xv) + (subtract !== y.neg ? -yv : yv);
  if (s === 0) return ZERO;
  const neg = s < 0;
  const v = neg ? -s : s;
  const adjS = m + digitCount(v) - 1;
  const low = (adjS > top ? adjS : top) - digits + 1;
  if (m >= low) return rounded(neg, v, m, digits);
  // round at position `low` (roundAtPosition), then to DIGITS if a carry
  // made one digit more; low - m <= 2 here (m >= top - digits, adjS <= top + 1)
  const p = P10[low - m]!;
  let q = Math.floor(v / p);
  if ((v - q * p) * 2 >= p) q++;
  if (q === 0) return ZERO;
  return rounded(neg, q, low, digits);
}

/** floor(v / y) for integers 0 <= v, 0 < y below 2**53 (the double quotient is off by one at most). */
function floorDiv(v: number, y: number): number {
  let q = Math.floor(v / y);
  const r = v - q * y;
  if (r < 0) q--;
  else if (r >= y) q++;
  return q;
}

/**
 * floor(xv * 10**k / yv) by long division in chunks of digits, for xv, yv
 * below 10**15 (yv with yl digits) when the quotient is below 10**15: each
 * remainder is below yv, so remainder * 10**step stays below 10**15. undefined
 * when yv is too long to leave room for a digit.
 */
function longDivide(xv: number, yv: number, yl: number, k: number): number | undefined {
  const step = MAX_LEN - yl;
  if (step <= 0) return undefined;
  let q = floorDiv(xv, yv);
  let r = xv - q * yv;
  while (k > 0) {
    const c = k < step ? k : step;
    const t = r * P10[c]!;
    const d = floorDiv(t, yv);
    r = t - d * yv;
    q = q * P10[c]! + d;
    k -= c;
  }
  return q;
}

/** Aligned coefficients are kept below 10**15 (so sums stay below 2**53). */
const LIMIT = 1e15;

/** v without its last `drop` digits (v a non-negative integer below 2**53). */
function truncate(v: number, drop: number): number {
  return drop > MAX_LEN ? 0 : Math.floor(v / P10[drop]!);
}

/**
 * Division (§7.4, as `divide` in ops.ts): the integer quotient of the
 * dividend scaled to give at least DIGITS+1 digits, rounded, then fractional
 * trailing zeros removed. Here the scale k gives DIGITS+1 or DIGITS+2 digits
 * (ops.ts takes one more): both are truncations of the same exact quotient
 * with the guard digit in them, so they round alike. The quotient is below
 * 10**(DIGITS+2), below 10**15 when DIGITS <= 13; at DIGITS 14 and 15 only a
 * scaled dividend below 10**15 is taken.
 */
function quotient(x: Decimal, y: Decimal, digits: number): Decimal | undefined {
  const xl = x.c.length;
  const yl = y.c.length;
  const k = Math.max(0, digits + 1 + yl - xl);
  const yv = smallCoefficient(y);
  let q: number;
  if (xl + k <= MAX_LEN) q = floorDiv(smallCoefficient(x) * P10[k]!, yv);
  else if (digits <= 13) {
    const r = longDivide(smallCoefficient(x), yv, yl, k);
    if (r === undefined) return undefined;
    q = r;
  } else return undefined;
  const d = rounded(x.neg !== y.neg, q, x.e - y.e - k, digits);
  // stripTrailingZeros: drop zeros only while they are fractional digits
  let c = d.c;
  let e = d.e;
  let end = c.length;
  while (end > 1 && e < 0 && c.charCodeAt(end - 1) === 48) {
    end--;
    e++;
  }
  if (end === c.length) return d;
  c = c.slice(0, end);
  return decimal(d.neg, c, e);
}

/**
 * Integer division and remainder (§7.4, as `integerDivide` in ops.ts) when
 * both operands are whole numbers written with at most DIGITS+1 digits (so
 * nothing is truncated) and below 10**15 in value — `1.58380000E+9 // 1000`
 * at DIGITS 9 among them. Both values are then exact doubles, and so are the
 * integer quotient (floorDiv) and the remainder x - q*y. The result is written
 * directly: a quotient or remainder below 10**DIGITS is an integer the
 * standard writes plainly (its coefficient has no more than DIGITS digits, so
 * neither rounding nor exponential notation applies). Everything else — a zero
 * divisor, a quotient of more than DIGITS digits (error 26.11 / 26.12), a
 * fraction, a remainder needing exponential notation — returns undefined and
 * goes to the exact path.
 */
export function smallIntDivide(op: '%' | '//', a: string, b: string, digits: number): string | undefined {
  if (digits > MAX_LEN) return undefined;
  const x = parseNumber(a);
  if (x === undefined) return undefined;
  const y = parseNumber(b);
  if (y === undefined) return undefined;
  const xv = wholeDouble(x, digits);
  const yv = wholeDouble(y, digits);
  if (xv !== xv || yv !== yv || yv === 0) return undefined; // NaN: not taken
  const lim = P10[digits]!;
  const q = floorDiv(xv, yv);
  if (q >= lim) return undefined;
  if (op === '%') return q === 0 ? '0' : x.neg !== y.neg ? '-' + String(q) : String(q);
  const r = xv - q * yv;
  if (r >= lim) return undefined;
  return r === 0 ? '0' : x.neg ? '-' + String(r) : String(r);
}

/**
 * |d| as a double when d is a whole number below 10**15 with at most
 * DIGITS+1 coefficient digits; NaN otherwise.
 */
function wholeDouble(d: Decimal, digits: number): number {
  const len = d.c.length;
  const e = d.e;
  if (e < 0 || len > digits + 1 || len + e > MAX_LEN) return NaN;
  const v = smallCoefficient(d);
  return e === 0 ? v : v * P10[e]!;
}
