/**
 * Arithmetic on numbers held as a pair of doubles — a signed integer
 * coefficient v and an exponent e, value v × 10**e — for the intermediate
 * results of one compiled expression (codegen-expr.ts genNum) at NUMERIC
 * DIGITS 9 to 15, where the string path writes every intermediate result out
 * and parses it again (`s + i / 7 - i % 7 * 0.5` makes four strings).
 *
 * The standard defines each operator on the strings (ANSI X3.274-1996 §7.4):
 * an operand is what its string reads as. So each operation here returns
 * exactly the pair that the string path's result would read back as:
 * parseNumber(layout(d)), where d is the rounded result of arithExact. That
 * differs from d only in the written-out zeros (`reread`): 1.2E+3 at DIGITS 9
 * is written '1200' and reads back with four coefficient digits, an
 * ENGINEERING mantissa padded with zeros reads back with them, and zero is
 * the canonical {0, 0}.
 *
 * The string path itself (decimal.ts arith, through small.ts) uses these
 * operations for + - * / % // at DIGITS <= 15 on operands of at most 15
 * digits, writing out the result.
 *
 * Why the doubles are exact: operands have coefficients of at most
 * DIGITS+1 digits and at most 15 (pairOf takes at most DIGITS, so that none
 * can raise LOSTDIGITS, which counts the same digits; small.ts passes
 * DIGITS+1), so none is truncated before an operation (operands are cut to
 * DIGITS+1 digits) and each is an exact double below 10**15. Every
 * coefficient, aligned coefficient, sum, product and scaled dividend handled
 * here is an integer below 2**53 (each case checks its bound), so it is
 * represented exactly and +, -, * on such values are exact. A product whose
 * true value is 2**53 or more is refused: doubles round monotonically and
 * 2**53 is a double, so the computed product is then >= 2**53 too. Division
 * and rounding use floor(v / p) for integers v < 2**53 and p a power of ten:
 * v/p differs from an integer q+1 by at least 1/p, more than half an ulp of
 * q+1 (ulp(q) <= q * 2**-52 < 2/p), so the floor is never off by one there;
 * the quotient of the dividend by a general divisor is corrected by one
 * either way (floorDiv), and a long one is found by long division in chunks
 * (longDivide). The rounding is the standard's half up on the first
 * discarded digit: that digit is >= 5 exactly when the discarded remainder r
 * of v = q*p + r satisfies 2r >= p. Trailing-zero removal after division
 * mirrors round.ts stripTrailingZeros.
 *
 * Whatever is not covered — an operand too long, a zero divisor, a product
 * or aligned sum too large, a fractional or too-long integer division, an
 * exponent out of range (Error 42) — gives NaN, and the caller takes the
 * exact path (the string path for a compiled expression), which also raises
 * the errors. Property tests (test/rexx/arithmetic/pair.test.ts, small.test.ts)
 * compare every operation, and chains of them, with arithExact.
 *
 * A result is returned as its coefficient; its exponent is left in
 * pairResult, read right after the call (no allocation per operation).
 */
import type { NumericSettings } from './settings.js';
import { MAX_EXPONENT, decimal, parseNumber, smallCoefficient } from './number.js';
import { layout, readsBack } from './layout.js';

/** P10[k] = 10**k, exact doubles for k <= 22. */
export const P10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Longest coefficient handled, and the bound of aligned values (sums stay below 2**53). */
const MAX_LEN = 15;
const LIMIT = 1e15;

/**
 * `e`: the exponent of the pair whose coefficient the last call here
 * returned. (An object field rather than a function: generated code reads it
 * as a constant's property, cheap before the code is optimized too.)
 */
export const pairResult = { e: 0 };

/** pairResult.e (for tests). */
export function pairExp(): number {
  return pairResult.e;
}

/** Number of decimal digits of an integer 0 < v < 10**16. */
function digitCount(v: number): number {
  let n = v < 1e8 ? 1 : 9;
  while (n < 16 && v >= P10[n]!) n++;
  return n;
}

/**
 * The pair of a variable's value or a literal: NaN when it is not a number
 * (or is unset), or when its coefficient has more than `digits` digits.
 */
export function pairOf(s: string | undefined, digits: number): number {
  if (s === undefined) return NaN;
  // most recent first: in a loop it is usually the one (and a comparison of
  // two different strings of the same length can be slow: V8 compares
  // concatenated strings outside the generated code)
  for (let k = 1; k <= WRITTEN; k++) {
    const i = (writtenNext - k) & (WRITTEN - 1);
    if (writtenS[i] === s) {
      // (written at DIGITS >= the coefficient's length; DIGITS may have been lowered since)
      const v = writtenV[i]!;
      if ((v < 0 ? -v : v) >= P10[digits]!) break;
      pairResult.e = writtenE[i]!;
      return v;
    }
  }
  const d = parseNumber(s);
  if (d === undefined || d.c.length > digits) return NaN;
  pairResult.e = d.e;
  const v = smallCoefficient(d);
  return d.neg ? -v : v;
}

/**
 * v (an integer 0 < v < 2**53) rounded half up to DIGITS digits, with the
 * exponent e moved by the digits dropped into pairResult.e.
 */
function roundCoef(v: number, e: number, digits: number): number {
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
  pairResult.e = e;
  return v;
}

/**
 * ±v × 10**e (v > 0 an integer below 2**53) rounded half up to DIGITS, as
 * the string path's result reads back (see the module comment); NaN when the
 * exponent is out of range.
 */
function result(neg: boolean, v: number, e: number, n: Readonly<NumericSettings>): number {
  const r = roundCoef(v, e, n.digits);
  return reread(neg, r, digitCount(r), pairResult.e, n);
}

/** The pair of layout(±v × 10**e) read back (v > 0 with len <= DIGITS digits); NaN out of range. */
function reread(neg: boolean, v: number, len: number, e: number, n: Readonly<NumericSettings>): number {
  const adj = e + len - 1;
  if (adj > MAX_EXPONENT || adj < -MAX_EXPONENT) return NaN; // Error 42.1 / 42.2
  const digits = n.digits;
  if (adj < digits && e >= -2 * digits && adj >= -digits) {
    // plain notation: the zeros of a positive exponent are written out
    if (e > 0) {
      v *= P10[e]!;
      e = 0;
    }
  } else if (n.form === 'ENGINEERING') {
    // the mantissa has adj mod 3 + 1 digits before the point, padded with zeros
    const intDigits = adj - Math.floor(adj / 3) * 3 + 1;
    if (len < intDigits) {
      v *= P10[intDigits - len]!;
      e -= intDigits - len;
    }
  }
  pairResult.e = e;
  return neg ? -v : v;
}

/** Zero, as the canonical pair. */
function zero(): number {
  pairResult.e = 0;
  return 0;
}

/**
 * The exact value v × 10**e (v an integer, |v| < 2**53) rounded to DIGITS
 * and range-checked, as an operation result: what an operation with zero
 * gives for its other operand, and what small.ts smallIntArith gives for
 * an exact integer sum or product.
 */
export function pairRounded(v: number, e: number, n: Readonly<NumericSettings>): number {
  if (v === 0) return zero();
  return v < 0 ? result(true, -v, e, n) : result(false, v, e, n);
}

/** floor(v / y) for integers 0 <= v, 0 < y below 2**53. */
function floorDiv(v: number, y: number): number {
  let q = Math.floor(v / y);
  const r = v - q * y;
  if (r < 0) q--;
  else if (r >= y) q++;
  return q;
}

/** v without its last `drop` digits (v a non-negative integer below 2**53). */
function truncate(v: number, drop: number): number {
  return drop > MAX_LEN ? 0 : Math.floor(v / P10[drop]!);
}

/**
 * x + y, or x - y when `subtract` (§7.4 "Addition and subtraction", as
 * ops.ts add) when the aligned coefficients stay below 10**15: each operand
 * truncated to the DIGITS+1 digit window below the higher operand's most
 * significant digit (an operand entirely below it counts as zero), the exact
 * sum, rounded at DIGITS from the higher of the operands' and the sum's most
 * significant digit.
 */
export function pairAdd(xv: number, xe: number, yv: number, ye: number, subtract: boolean, n: Readonly<NumericSettings>): number {
  if (xv !== xv || yv !== yv) return NaN;
  if (yv === 0) return pairRounded(xv, xe, n);
  if (subtract) yv = -yv;
  if (xv === 0) return pairRounded(yv, ye, n);
  const digits = n.digits;
  const xneg = xv < 0;
  const yneg = yv < 0;
  let xa = xneg ? -xv : xv;
  let ya = yneg ? -yv : yv;
  const adjX = xe + digitCount(xa) - 1;
  const adjY = ye + digitCount(ya) - 1;
  const top = adjX > adjY ? adjX : adjY;
  // each operand truncated to the DIGITS+1 window below the higher one's top digit
  const window = top - digits;
  if (xe < window) {
    xa = truncate(xa, window - xe);
    xe = window;
  }
  if (ye < window) {
    ya = truncate(ya, window - ye);
    ye = window;
  }
  const m = xe < ye ? xe : ye;
  if (xe - m > MAX_LEN || ye - m > MAX_LEN) return NaN;
  xa *= P10[xe - m]!;
  ya *= P10[ye - m]!;
  if (xa >= LIMIT || ya >= LIMIT) return NaN;
  const s = (xneg ? -xa : xa) + (yneg ? -ya : ya);
  if (s === 0) return zero();
  const neg = s < 0;
  const v = neg ? -s : s;
  const adjS = m + digitCount(v) - 1;
  const low = (adjS > top ? adjS : top) - digits + 1;
  if (m >= low) return result(neg, v, m, n);
  // round at position `low` (roundAtPosition), then to DIGITS if a carry
  // made one digit more; low - m <= 2 here (m >= top - digits, adjS <= top + 1)
  const p = P10[low - m]!;
  let q = Math.floor(v / p);
  if ((v - q * p) * 2 >= p) q++;
  if (q === 0) return zero();
  return result(neg, q, low, n);
}

/** x * y (§7.4 "Multiplication"): the exact product rounded, when it is below 2**53. */
export function pairMul(xv: number, xe: number, yv: number, ye: number, n: Readonly<NumericSettings>): number {
  if (xv !== xv || yv !== yv) return NaN;
  if (xv === 0 || yv === 0) return zero();
  const p = xv * yv;
  const neg = p < 0;
  const v = neg ? -p : p;
  if (v > Number.MAX_SAFE_INTEGER) return NaN;
  return result(neg, v, xe + ye, n);
}

/**
 * x / y (§7.4 "Division", as ops.ts divide): the integer quotient of the
 * dividend scaled to give DIGITS+1 or DIGITS+2 digits (ops.ts takes one
 * more: both are truncations of the same exact quotient with the guard digit
 * in them, so they round alike), rounded, then fractional trailing zeros
 * removed. The quotient is below 10**(DIGITS+2), below 10**15 when DIGITS <=
 * 13; at DIGITS 14 and 15 only a scaled dividend below 10**15 is taken.
 */
export function pairDiv(xv: number, xe: number, yv: number, ye: number, n: Readonly<NumericSettings>): number {
  if (xv !== xv || yv !== yv || yv === 0) return NaN; // (a zero divisor: Error 42.3 on the string path)
  if (xv === 0) return zero();
  const digits = n.digits;
  const neg = xv < 0 !== yv < 0;
  const xa = xv < 0 ? -xv : xv;
  const ya = yv < 0 ? -yv : yv;
  const xl = digitCount(xa);
  const yl = digitCount(ya);
  const k = Math.max(0, digits + 1 + yl - xl);
  let q: number;
  if (xl + k <= MAX_LEN) q = floorDiv(xa * P10[k]!, ya);
  else if (digits <= 13) q = longDivide(xa, ya, yl, k);
  else return NaN;
  if (q !== q) return NaN;
  let r = roundCoef(q, xe - ye - k, digits);
  let e = pairResult.e;
  // stripTrailingZeros: only fractional zeros go
  while (e < 0 && r % 10 === 0) {
    r /= 10;
    e++;
  }
  return reread(neg, r, digitCount(r), e, n);
}

/**
 * floor(xv × 10**k / yv) by long division in chunks of digits, for xv, yv
 * below 10**15 (yv with yl digits) when the quotient is below 10**15: each
 * remainder is below yv, so remainder × 10**step stays below 10**15. NaN
 * when yv is too long to leave room for a digit.
 */
function longDivide(xv: number, yv: number, yl: number, k: number): number {
  const step = MAX_LEN - yl;
  if (step <= 0) return NaN;
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

/**
 * x % y or, when `remainder`, x // y (§7.4 "Integer division", "Remainder";
 * as ops.ts integerDivide) for whole operands below 10**15 written without
 * fraction digits (1.58380000E+9 // 1000 at DIGITS 9 among them): both
 * values are then exact doubles, and so are the integer quotient (floorDiv)
 * and the remainder x - q*y. Taken when the quotient and the remainder are
 * below 10**DIGITS (integers the standard writes plainly); a longer
 * quotient is Error 26.11 / 26.12 on the exact path.
 */
export function pairIntDiv(xv: number, xe: number, yv: number, ye: number, remainder: boolean, n: Readonly<NumericSettings>): number {
  if (xv !== xv || yv !== yv || yv === 0) return NaN;
  if (xv === 0) return zero();
  const x = wholeDouble(xv, xe);
  const y = wholeDouble(yv, ye);
  if (x !== x || y !== y) return NaN;
  const digits = n.digits;
  const q = floorDiv(x, y);
  if (q >= P10[digits]!) return NaN; // Error 26.11 / 26.12 on the string path
  pairResult.e = 0;
  if (!remainder) return q === 0 ? 0 : xv < 0 !== yv < 0 ? -q : q;
  const r = x - q * y;
  if (r >= P10[digits]!) return NaN; // (written in exponential notation)
  return r === 0 ? 0 : xv < 0 ? -r : r;
}

/** |v| × 10**e as a double when e >= 0 and the value is below 10**15; else NaN. */
function wholeDouble(v: number, e: number): number {
  if (e < 0) return NaN;
  const a = v < 0 ? -v : v;
  if (e > MAX_LEN) return NaN;
  const w = e === 0 ? a : a * P10[e]!;
  return w < LIMIT ? w : NaN;
}

/** Prefix - (negate) or + of a pair: 0-x or 0+x (§7.4). */
export function pairPrefix(v: number, e: number, negate: boolean, n: Readonly<NumericSettings>): number {
  if (v !== v) return NaN;
  return pairRounded(negate ? -v : v, e, n);
}

/**
 * The string of a pair, as the string path writes the same result
 * (result.ts finish after the range check, which the operations made). The
 * string is remembered (`written`) as the pair when it reads back as it, so
 * that pairOf finds it without parsing when the variable it is assigned to
 * comes back as an operand (`s = s + t` in a loop).
 */
export function pairString(v: number, e: number, n: Readonly<NumericSettings>): string {
  if (v === 0) return '0';
  const neg = v < 0;
  const m = neg ? -v : v;
  const digits = n.digits;
  let s: string;
  const adj = e + digitCount(m) - 1;
  if (e === 0 && adj < digits) s = String(v); // (plain)
  else if (e < 0 && e >= -MAX_LEN && e >= -2 * digits && adj < digits && adj >= -digits) {
    // plain notation (layout.ts plainDigits; a result's pair has e <= 0
    // there), written as integer part and fraction: m = ip * p + f exactly
    // (integers below 2**53), and f + p has a leading 1 then f's digits
    // padded with zeros to -e places. (Faster than writing m out and
    // slicing it: the parts are mostly small integers.)
    const p = P10[-e]!;
    const ip = Math.floor(m / p);
    const body = ip + '.' + String(m - ip * p + p).slice(1);
    s = neg ? '-' + body : body;
  } else if (n.form === 'SCIENTIFIC' && adj !== 0 && (adj >= digits || e < -2 * digits || adj < -digits)) {
    // exponential with one digit before the point, as layout.ts writes it
    // (the same tests as needsExponential; it reads back), with no Decimal made
    const c = String(m);
    const body = c.length === 1 ? c : c[0] + '.' + c.slice(1);
    s = (neg ? '-' : '') + body + (adj > 0 ? 'E+' + adj : 'E-' + -adj);
  } else {
    const d = decimal(neg, String(m), e, undefined, m);
    s = layout(d, n);
    if (!readsBack(d, n)) return s;
  }
  const i = writtenNext;
  writtenNext = (i + 1) & (WRITTEN - 1);
  writtenS[i] = s;
  writtenV[i] = v;
  writtenE[i] = e;
  return s;
}

/** The last strings pairString wrote, with their pairs (a ring; pairOf looks here first). */
const WRITTEN = 4;
// (empty: undefined, which no operand string equals; '' would read as the pair 0)
const writtenS: (string | undefined)[] = new Array<string | undefined>(WRITTEN).fill(undefined);
const writtenV: number[] = new Array<number>(WRITTEN).fill(0);
const writtenE: number[] = new Array<number>(WRITTEN).fill(0);
let writtenNext = 0;
