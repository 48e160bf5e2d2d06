/**
 * Argument checking for the built-in functions (ANSI X3.274-1996 §9.3 "Checking
 * of arguments"; texts and inserts as Regina 3.6 reports them: the BIF name in
 * upper case, the argument number, the offending value).
 *
 * Every helper takes the BIF name, the argument array (omitted = undefined) and a
 * 1-based argument number, and raises the right Error 40.x:
 *
 *   40.3 too few / 40.4 too many arguments   (checkCount, done by the registry)
 *   40.5 a required argument is omitted      (str)
 *   40.11 not a number                       (arithmetic.ts numberArg)
 *   40.12 not a whole number                 (whole*)
 *   40.13 negative where zero or positive     (wholeNonNeg)
 *   40.14 not positive                        (wholePos)
 *   40.21 an option is null                   (option)
 *   40.23 not a single character              (pad)
 *   40.28 option not one of the letters       (option)
 */
import { rexxError } from '../errors.js';
import type { NumericSettings } from '../arithmetic/settings.js';
import { parseNumber } from '../arithmetic/number.js';
import { roundDigits } from '../arithmetic/round.js';
import { integerPart } from '../arithmetic/whole.js';
import type { DirectArg, NumericSource } from './types.js';

export type Args = readonly (string | undefined)[];

// The helpers come in two forms: one reading argument n of an argument
// array (for the BIFs called with one), one given the argument itself
// (...Arg, for the BIFs written to take their arguments one by one:
// types.ts DirectFn). They raise the same errors.

/** 40.3 / 40.4 / 40.5 for a call with `args` to a BIF taking min..max arguments. */
export function checkCount(name: string, args: Args, min: number, max: number): void {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  if (args.length > max) throw rexxError(40, 4, name, max);
  if (n < min) throw rexxError(40, 3, name, min);
  for (let i = 0; i < min; i++) if (args[i] === undefined) throw rexxError(40, 5, name, i + 1);
}

/** A required string argument (40.5 when omitted). */
export function str(name: string, args: Args, n: number): string {
  return strArg(name, n, args[n - 1]);
}

/** Argument n, v, as a required string (40.5 when omitted). */
export function strArg(name: string, n: number, v: string | undefined): string {
  if (v === undefined) throw rexxError(40, 5, name, n);
  return v;
}

/** An optional string argument. */
export function optStr(args: Args, n: number, dflt: string): string {
  const v = args[n - 1];
  return v === undefined ? dflt : v;
}

/** Whether argument n was given. */
export function given(args: Args, n: number): boolean {
  return args[n - 1] !== undefined;
}

/** A pad character (40.23 unless exactly one character). */
export function pad(name: string, args: Args, n: number, dflt = ' '): string {
  return padArg(name, n, args[n - 1], dflt);
}

/** Argument n, v, as a pad character. */
export function padArg(name: string, n: number, v: string | undefined, dflt = ' '): string {
  if (v === undefined) return dflt;
  if (v.length !== 1) throw rexxError(40, 23, name, n, v);
  return v;
}

/**
 * An option: its first character upper-cased, which must be one of `allowed`
 * (40.21 when null, 40.28 otherwise). Returns dflt when omitted.
 */
export function option(name: string, args: Args, n: number, allowed: string, dflt: string): string {
  return optionArg(name, n, args[n - 1], allowed, dflt);
}

/** Argument n, v, as an option (see option). */
export function optionArg(name: string, n: number, v: string | undefined, allowed: string, dflt: string): string {
  if (v === undefined) return dflt;
  if (v.length === 0) throw rexxError(40, 21, name, n);
  const c = v[0]!.toUpperCase();
  if (!allowed.includes(c)) throw rexxError(40, 28, name, n, allowed, v);
  return c;
}

// ---------------------------------------------------------------- numbers

/**
 * The value of s when it is 1 to 9 decimal digits and nothing else, else -1
 * (the common argument `3`, `12`, `250`, read without a regular expression).
 */
export function plainDigits(s: string): number {
  const n = s.length;
  if (n === 0 || n > 9) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * The value of a whole number (after rounding to DIGITS), or undefined when the
 * string is not a number, has a non-zero fractional part, or is too large for
 * an exact JS integer.
 */
export function wholeValue(s: string, numeric: NumericSettings): number | undefined {
  // fast path: plain small integers, taken as they are (as they always have
  // been here, whatever DIGITS is)
  const q = plainDigits(s);
  if (q >= 0) return q;
  const d = parseNumber(s);
  if (d === undefined) return undefined;
  // (an integer part of more than 16 digits is past 2**53 anyway)
  const ip = integerPart(roundDigits(d, numeric.digits), 16);
  if (ip === undefined) return undefined;
  const v = Number(ip);
  if (!Number.isSafeInteger(v)) return undefined;
  return d.neg ? -v : v;
}

/** A whole-number argument (40.12). */
export function whole(name: string, args: Args, n: number, numeric: NumericSettings, dflt?: number): number {
  return wholeOf(name, n, args[n - 1], numeric, dflt);
}

/** The whole number argument n, v, is (40.5 when omitted without a default, 40.12). */
function wholeOf(name: string, n: number, v: string | undefined, numeric: NumericSettings, dflt?: number): number {
  if (v === undefined) {
    if (dflt === undefined) throw rexxError(40, 5, name, n);
    return dflt;
  }
  const w = wholeValue(v, numeric);
  if (w === undefined) throw rexxError(40, 12, name, n, v);
  return w;
}

/** A whole number >= 0 (40.12, 40.13). */
export function wholeNonNeg(name: string, args: Args, n: number, numeric: NumericSettings, dflt?: number): number {
  return nonNeg(name, n, whole(name, args, n, numeric, dflt), args[n - 1]);
}

/** A whole number > 0 (40.12, 40.14). */
export function wholePos(name: string, args: Args, n: number, numeric: NumericSettings, dflt?: number): number {
  return positive(name, n, whole(name, args, n, numeric, dflt), args[n - 1]);
}

/** The string a DirectArg stands for. */
export function argText(v: DirectArg): string | undefined {
  return typeof v === 'number' ? String(v) : v;
}

/**
 * Argument n, v, as a whole number (whole). A number (DirectArg) from 0 to
 * 999999999 is taken as it is, as plainDigits takes its string; NUMERIC
 * DIGITS is read only for the other cases, as wholeValue does.
 */
export function wholeArg(name: string, n: number, v: DirectArg, c: NumericSource, dflt?: number): number {
  const q = smallWhole(v);
  if (q >= 0) return q;
  return wholeOf(name, n, argText(v), c.numeric, dflt);
}

/**
 * plainDigits of the string a DirectArg stands for: a number from 0 to
 * 999999999 as it is (+ 0: -0 is 0, as String(-0) is '0'); -1 for anything
 * else (omitted too).
 */
export function smallWhole(v: DirectArg): number {
  if (typeof v === 'number') return v >= 0 && v < 1e9 && Number.isInteger(v) ? v + 0 : -1;
  return v === undefined ? -1 : plainDigits(v);
}

/** Argument n, v, as a whole number >= 0 (wholeNonNeg). */
export function wholeNonNegArg(name: string, n: number, v: DirectArg, c: NumericSource, dflt?: number): number {
  // (a number in range first, without a call: as smallWhole takes it)
  if (typeof v === 'number' && v >= 0 && v < 1e9 && (v | 0) === v) return v + 0;
  return nonNeg(name, n, wholeArg(name, n, v, c, dflt), v);
}

/** Argument n, v, as a whole number > 0 (wholePos). */
export function wholePosArg(name: string, n: number, v: DirectArg, c: NumericSource, dflt?: number): number {
  if (typeof v === 'number' && v > 0 && v < 1e9 && (v | 0) === v) return v;
  return positive(name, n, wholeArg(name, n, v, c, dflt), v);
}

/** w, the value of argument n (v), unless it is negative (40.13). */
function nonNeg(name: string, n: number, w: number, v: DirectArg): number {
  if (w < 0) throw rexxError(40, 13, name, n, argText(v)!);
  return w;
}

/** w, the value of argument n (v), unless it is not positive (40.14). */
function positive(name: string, n: number, w: number, v: DirectArg): number {
  if (w <= 0) throw rexxError(40, 14, name, n, argText(v)!);
  return w;
}

