/**
 * Arithmetic on parsed numbers (Decimals) for the intermediate results of
 * one compiled expression (codegen-expr.ts genDec) at NUMERIC DIGITS above
 * 15, where pair.ts (doubles) does not reach: at DIGITS 50 writing a result
 * out costs a BigInt-to-string conversion, a layout and a memo entry, and
 * `(r + 2 / r) / 2` or `-p * x2` would do that for every intermediate result.
 *
 * Each operation is the exact path's (ops.ts, as arithExact calls it) on the
 * operands' Decimals, and returns the Decimal that the string path's result
 * would read back as: the rounded result itself when its layout reads back
 * as it (layout.ts readsBack: the usual case), else its layout parsed again
 * (zero, the zeros of plain notation with a positive exponent, a padded
 * ENGINEERING mantissa). So a chain of operations sees exactly the operands
 * the string path sees.
 *
 * Operands are taken only when their coefficient has at most DIGITS digits:
 * then none is truncated, and none can raise LOSTDIGITS (which counts the
 * same digits). Everything that would raise an error — a non-number or unset
 * operand, a zero divisor (42.3), an integer division result too long
 * (26.11 / 26.12), an exponent out of range (42.1 / 42.2) — gives undefined,
 * as does an undefined operand, and the caller evaluates the whole expression
 * again on the string path, which raises the error. Property tests
 * (test/rexx/arithmetic/chain.test.ts) compare chains with arithExact.
 */
import type { NumericSettings } from './settings.js';
import { type Decimal, ZERO, decimal, parseNumber } from './number.js';
import { roundDigits } from './round.js';
import { layout, readsBack } from './layout.js';
import { outOfRange, writeOut } from './result.js';
import { add, divide, integerDivide, multiply, negate } from './ops.js';

/** The Decimal of a variable's value or a literal; undefined when not a number, unset, or longer than DIGITS. */
export function chainOf(s: string | undefined, digits: number): Decimal | undefined {
  if (s === undefined) return undefined;
  const d = parseNumber(s);
  return d === undefined || d.c.length > digits ? undefined : d;
}

/** The Decimal of an integer below 10**9 in magnitude (a variable kept as an integer). */
export function chainOfInt(v: number): Decimal {
  if (v === 0) return ZERO;
  return v < 0 ? decimal(true, String(-v), 0, undefined, -v) : decimal(false, String(v), 0, undefined, v);
}

/** A rounded result as the string path's result reads back; undefined when its exponent is out of range. */
function reread(d: Decimal, n: Readonly<NumericSettings>): Decimal | undefined {
  if (d.c === '0') return ZERO;
  if (outOfRange(d) !== 0) return undefined; // Error 42.1 / 42.2
  return readsBack(d, n) ? d : parseNumber(layout(d, n));
}

/** x + y, or x - y when `subtract` (§7.4; ops.ts add). */
export function chainAdd(x: Decimal | undefined, y: Decimal | undefined, subtract: boolean, n: Readonly<NumericSettings>): Decimal | undefined {
  if (x === undefined || y === undefined) return undefined;
  return reread(add(x, subtract ? negate(y) : y, n.digits), n);
}

/** x * y (§7.4; ops.ts multiply). */
export function chainMul(x: Decimal | undefined, y: Decimal | undefined, n: Readonly<NumericSettings>): Decimal | undefined {
  if (x === undefined || y === undefined) return undefined;
  return reread(multiply(x, y, n.digits), n);
}

/** x / y (§7.4; ops.ts divide); undefined for a zero divisor. */
export function chainDiv(x: Decimal | undefined, y: Decimal | undefined, n: Readonly<NumericSettings>): Decimal | undefined {
  if (x === undefined || y === undefined || y.c === '0') return undefined;
  return reread(divide(x, y, n.digits), n);
}

/** x % y or, when `remainder`, x // y (§7.4; ops.ts integerDivide). */
export function chainIntDiv(x: Decimal | undefined, y: Decimal | undefined, remainder: boolean, n: Readonly<NumericSettings>): Decimal | undefined {
  if (x === undefined || y === undefined || y.c === '0') return undefined;
  const q = integerDivide(x, y, n.digits);
  if (q === undefined) return undefined; // Error 26.11 / 26.12
  return reread(remainder ? roundDigits(q.remainder, n.digits) : q.quotient, n);
}

/** Prefix - or + (§7.4: 0-x, 0+x; decimal.ts prefix). */
export function chainPrefix(x: Decimal | undefined, minus: boolean, n: Readonly<NumericSettings>): Decimal | undefined {
  if (x === undefined) return undefined;
  return reread(roundDigits(minus ? negate(x) : x, n.digits), n);
}

/**
 * The string of a chain's result, as result.ts finish writes it (the range
 * was checked by the operation); undefined when the chain declined.
 */
export function chainString(d: Decimal | undefined, n: Readonly<NumericSettings>): string | undefined {
  return d === undefined ? undefined : writeOut(d, n);
}
