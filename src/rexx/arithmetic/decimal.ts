/**
 * REXX decimal arithmetic — the public API used by the evaluator and the
 * built-in functions (ANSI X3.274-1996 §7.4 "Arithmetic", TRL2 "Numbers and
 * Arithmetic"). Values are REXX strings in and out; NUMERIC DIGITS, FUZZ and
 * FORM come in as NumericSettings. No JS floating point is used for any
 * non-integer result.
 *
 * Where Regina 3.6 deviates from the standard the standard is followed (see
 * /work/shared/conformance/NOTES.md "Regina vs the standard"; further cases, such
 * as 0.5E-15*1 = 0.0000000000000005, 9**10 = 3.4867844E+9 and 10.00//3 = 1.00,
 * are marked STANDARD in test/rexx/arithmetic/*.test.ts).
 *
 * For BIFs that need the value itself (D2X, D2C, X2D...): `parseNumber` gives a
 * `Decimal` {neg, c, e} (value = ±c × 10**e, c a digit string without leading
 * zeros, zero always {neg:false, c:'0', e:0}); `toDecimal` gives it rounded to
 * DIGITS as `s+0` would; `wholeValue` gives the BigInt value of a whole number;
 * `formatDecimal` writes a Decimal as an arithmetic result.
 *
 * Layout of this folder (one concept per file):
 *   number.ts   the Decimal type, number syntax (parseNumber, isNumber)
 *   round.ts    rounding / truncation of coefficients
 *   layout.ts   how a result is written (plain or exponential, FORM)
 *   ops.ts      + - * / % // and numeric comparison on Decimals
 *   power.ts    the ** operator
 *   fast.ts     the small-integer fast path
 *   pair.ts     + - * / % // on coefficient/exponent pairs of doubles (DIGITS <= 15)
 *   small.ts    the double fast path for + - * / % // at DIGITS <= 15 (pair.ts on strings)
 *   chain.ts    + - * / % // on Decimals for compiled expressions above DIGITS 15
 *   compare.ts  comparisons decided by signs and magnitudes alone
 *   result.ts   exponent range check + layout of a result
 *   whole.ts    whole numbers
 *   bifs.ts     TRUNC, FORMAT, ABS, SIGN helpers
 */
import { rexxError } from '../errors.js';
import type { NumericSettings } from './settings.js';
import { type Decimal, parseNumber, smallInt } from './number.js';
import { roundDigits } from './round.js';
import { EXP_DIGITS, finish } from './result.js';
import { wholeValue } from './whole.js';
import { add, compareDecimal, divide, integerDivide, multiply, negate } from './ops.js';
import { power } from './power.js';
import { intArith } from './fast.js';
import { smallArith, smallIntArith } from './small.js';
import { quickCompare } from './compare.js';

export type ArithOp = '+' | '-' | '*' | '/' | '%' | '//' | '**';

export type { Decimal } from './number.js';
export { parseNumber, isNumber, ZERO, ONE, MAX_EXPONENT, adjustedExponent, isZero } from './number.js';
export { layout as formatDecimal, needsExponential, plainDigits } from './layout.js';
export { roundDigits, truncDigits } from './round.js';
export { trunc, format, abs, sign } from './bifs.js';
export { finish, checkRange } from './result.js';
export { wholeValue } from './whole.js';

/**
 * The value of a number as a Decimal rounded to DIGITS, as `s+0` would use it
 * (§7.4 "Numbers used directly by REXX"), or undefined if s is not a number.
 * The exponent range is not checked.
 */
export function toDecimal(s: string, n: Readonly<NumericSettings>): Decimal | undefined {
  const d = parseNumber(s);
  return d === undefined ? undefined : roundDigits(d, n.digits);
}

/**
 * Dyadic arithmetic on REXX strings. See the module comment of ops.ts / power.ts
 * for the rules. Errors: 41.1/41.2 non-numeric operand, 42.1/42.2 exponent out
 * of range, 42.3 division by zero, 26.8 non-whole power, 26.11/26.12 integer
 * division result too long.
 */
export function arith(op: ArithOp, a: string, b: string, n: Readonly<NumericSettings>): string {
  const digits = n.digits;
  if (digits >= 9) {
    // small integers: each operand read once, for both integer paths
    const x = smallInt(a);
    if (x === x) {
      const y = smallInt(b);
      if (y === y) {
        const r = intArith(op, x, y, digits);
        if (r !== undefined) return r;
        if (op === '+' || op === '-' || op === '*') {
          const q = smallIntArith(op, x, y, n);
          if (q !== undefined) return q;
        }
      }
    }
  }
  if (digits <= 15) {
    if (op !== '**') {
      const q = smallArith(op, a, b, n);
      if (q !== undefined) return q;
    }
  }
  return arithExact(op, a, b, n);
}

/** The same as arith without the fast path (exported for the property tests). */
export function arithExact(op: ArithOp, a: string, b: string, n: Readonly<NumericSettings>): string {
  const x = parseNumber(a);
  if (x === undefined) throw rexxError(41, 1, a, op);
  const y = parseNumber(b);
  if (y === undefined) throw rexxError(41, 2, b, op);
  const digits = n.digits;
  switch (op) {
    case '+':
      return finish(add(x, y, digits), n, a, op, b);
    case '-':
      return finish(add(x, negate(y), digits), n, a, op, b);
    case '*':
      return finish(multiply(x, y, digits), n, a, op, b);
    case '/':
      if (y.c === '0') throw rexxError(42, 3);
      return finish(divide(x, y, digits), n, a, op, b);
    case '%':
    case '//': {
      if (y.c === '0') throw rexxError(42, 3);
      const q = integerDivide(x, y, digits);
      if (q === undefined) throw rexxError(26, op === '%' ? 11 : 12, a, b, digits);
      if (op === '%') return finish(q.quotient, n, a, op, b);
      return finish(roundDigits(q.remainder, digits), n, a, op, b);
    }
    case '**': {
      const m = wholeValue(y, digits);
      if (m === undefined) throw rexxError(26, 8, b);
      const p = power(x, m, digits);
      if (!p.ok) {
        if (p.fault === 'zerodivide') throw rexxError(42, 3);
        throw rexxError(42, p.fault === 'overflow' ? 1 : 2, a, op, b, EXP_DIGITS);
      }
      return finish(p.value, n, a, op, b);
    }
  }
}

/** Prefix + and -: the same as 0+a and 0-a (§7.4). Error 41.3 for a non-number. */
export function prefix(op: '+' | '-', a: string, n: Readonly<NumericSettings>): string {
  const x = smallInt(a);
  if (x === x && n.digits >= 9) return String(op === '-' ? -x : x);
  const d = parseNumber(a);
  if (d === undefined) throw rexxError(41, 3, a, op);
  const r = roundDigits(op === '-' ? negate(d) : d, n.digits);
  return finish(r, n, '0', op, a);
}

/**
 * Numeric comparison under FUZZ (§7.4 "Comparison"): the sign of a-b computed at
 * DIGITS-FUZZ. undefined when either is not a number (compare as strings then).
 */
export function compare(a: string, b: string, n: Readonly<NumericSettings>): -1 | 0 | 1 | undefined {
  const x = smallInt(a);
  if (x === x) {
    const y = smallInt(b);
    // both at most 9 digits and DIGITS-FUZZ >= 9: the difference is exact and
    // its rounding cannot change its sign
    if (y === y && n.digits - n.fuzz >= 9) return x < y ? -1 : x > y ? 1 : 0;
  }
  const da = parseNumber(a);
  if (da === undefined) return undefined;
  const db = parseNumber(b);
  if (db === undefined) return undefined;
  const q = quickCompare(da, db);
  return q !== undefined ? q : compareDecimal(da, db, n.digits, n.fuzz);
}

/** a+0: the number formatted as the standard does, or undefined if a is not a number. */
export function normalize(a: string, n: Readonly<NumericSettings>): string | undefined {
  const x = smallInt(a);
  if (x === x && n.digits >= 9) return String(x);
  const d = parseNumber(a);
  if (d === undefined) return undefined;
  return finish(roundDigits(d, n.digits), n, a, '+', '0');
}

/** DATATYPE(s,'W'): a number that is whole after rounding to DIGITS. */
export function isWholeNumber(s: string, n: Readonly<NumericSettings>): boolean {
  const x = smallInt(s);
  if (x === x && n.digits >= 9) return true;
  const d = parseNumber(s);
  return d !== undefined && wholeValue(d, n.digits) !== undefined;
}

/**
 * If s is a whole number (as isWholeNumber) whose magnitude fits in a JS safe
 * integer, its value; else undefined.
 */
export function toWholeNumber(s: string, n: Readonly<NumericSettings>): number | undefined {
  const x = smallInt(s);
  if (x === x && n.digits >= 9) return x === 0 ? 0 : x; // no -0
  const d = parseNumber(s);
  if (d === undefined) return undefined;
  const v = wholeValue(d, n.digits);
  if (v === undefined || v > 9007199254740991n || v < -9007199254740991n) return undefined;
  return Number(v);
}
