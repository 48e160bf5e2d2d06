/**
 * The arithmetic cores of the built-in functions TRUNC, FORMAT, ABS and SIGN
 * (ANSI X3.274-1996 §9 "Built-in functions"; TRL2 "Built-in functions"). In each,
 * the number is first rounded to DIGITS just as `number+0` would do.
 *
 * These are the standard's answers, not Regina's where they differ (conformance
 * NOTES.md "Regina vs the standard"): TRUNC and ABS round to DIGITS first and
 * never give '-0'; FORMAT rounds to DIGITS first and keeps trailing zeros also
 * when expp/expt are given; expp 0 overrides expt 0.
 */
import { rexxError } from '../errors.js';
import type { NumericSettings } from './settings.js';
import { type Decimal, decimal, parseNumber } from './number.js';
import { incrementDigits, roundDigits, truncAtPosition } from './round.js';
import { finish } from './result.js';

function number(bif: string, s: string, n: Readonly<NumericSettings>): Decimal {
  const d = parseNumber(s);
  if (d === undefined) throw rexxError(40, 11, bif, 1, s);
  return roundDigits(d, n.digits);
}

/**
 * Digits of c*10**e written with exactly `places` decimal places, unsigned;
 * e must be >= -places.
 */
function fixed(c: string, e: number, places: number): { int: string; frac: string } {
  const full = c + '0'.repeat(e + places);
  if (places === 0) return { int: full, frac: '' };
  const padded = full.length <= places ? '0'.repeat(places + 1 - full.length) + full : full;
  return { int: padded.slice(0, padded.length - places), frac: padded.slice(padded.length - places) };
}

/**
 * TRUNC(number, decimals): the integer part and `decimals` decimal places
 * (truncated, padded with zeros), never in exponential notation. undefined if s
 * is not a number. A result of zero has no sign (trunc(-0.4) is 0).
 */
export function trunc(s: string, decimals: number, n: Readonly<NumericSettings>): string | undefined {
  const d = parseNumber(s);
  if (d === undefined) return undefined;
  const places = decimals > 0 ? decimals : 0;
  const t = truncAtPosition(roundDigits(d, n.digits), -places);
  if (t.c === '0') return places === 0 ? '0' : '0.' + '0'.repeat(places);
  const { int, frac } = fixed(t.c, t.e, places);
  return (t.neg ? '-' : '') + (places === 0 ? int : int + '.' + frac);
}

/** ABS: the magnitude, rounded and written as number+0 would be. Error 40.11 if not a number. */
export function abs(s: string, n: Readonly<NumericSettings>): string {
  const d = number('ABS', s, n);
  return finish(d.neg ? decimal(false, d.c, d.e, d.b, d.v) : d, n, s, '+', '0');
}

/** SIGN: '-1', '0' or '1'. Error 40.11 if not a number. */
export function sign(s: string, n: Readonly<NumericSettings>): string {
  const d = number('SIGN', s, n);
  return d.c === '0' ? '0' : d.neg ? '-1' : '1';
}

/**
 * Round the unsigned digits int.frac to `places` decimal places, half up.
 * The integer part may grow by a digit (9.99 -> 10.0).
 */
function roundFixed(int: string, frac: string, places: number): { int: string; frac: string } {
  if (frac.length <= places) return { int, frac: frac + '0'.repeat(places - frac.length) };
  const up = frac.charCodeAt(places) >= 53;
  const digits = int + frac.slice(0, places);
  if (!up) return { int, frac: frac.slice(0, places) };
  const r = incrementDigits(digits);
  const intLen = r.length - places;
  return { int: r.slice(0, intLen), frac: r.slice(intLen) };
}

function tooSmall(argnum: number, s: string): never {
  throw rexxError(40, 38, 'FORMAT', argnum, s);
}

/**
 * FORMAT(number, before, after, expp, expt) — ANSI §9 / TRL2:
 *
 * - number is first rounded to DIGITS as by number+0;
 * - exponential notation is used when the places needed before the point exceed
 *   expt (default DIGITS) or those after it exceed twice expt; expt 0 means
 *   always (but the exponent 0 is not written); expp 0 means never (and
 *   overrides expt 0);
 * - after: round (half up) or pad the (mantissa) decimal part to that many
 *   places; 0 drops the point. Omitted: as many as needed;
 * - before: pad the integer part (sign included) on the left with blanks to
 *   that width; error 40.38 (argument 2) if it does not fit;
 * - expp: the exponent is padded with zeros to expp digits; error 40.38
 *   (argument 4) if it does not fit; when exponential notation was chosen but
 *   the exponent is 0, expp+2 blanks replace the exponent part.
 *
 * Arguments are already validated whole numbers (undefined = omitted); a
 * non-number gives 40.11.
 */
export function format(
  s: string,
  before: number | undefined,
  after: number | undefined,
  expp: number | undefined,
  expt: number | undefined,
  n: Readonly<NumericSettings>,
): string {
  const v = number('FORMAT', s, n);
  const trig = expt ?? n.digits;
  let neg = v.neg;
  let intPart: string;
  let fracPart: string;
  let expo = 0;
  let useExp: boolean;
  if (v.c === '0') {
    useExp = trig === 0 && expp !== 0;
    intPart = '0';
    fracPart = '';
  } else {
    const adj = v.e + v.c.length - 1;
    useExp = expp !== 0 && (adj >= trig || -v.e > 2 * trig);
    if (!useExp) {
      const p = v.e < 0 ? -v.e : 0;
      ({ int: intPart, frac: fracPart } = fixed(v.c, v.e, p));
    } else {
      expo = n.form === 'ENGINEERING' ? Math.floor(adj / 3) * 3 : adj;
      const intDigits = adj - expo + 1;
      const c = v.c.length < intDigits ? v.c + '0'.repeat(intDigits - v.c.length) : v.c;
      intPart = c.slice(0, intDigits);
      fracPart = c.slice(intDigits);
    }
  }
  if (after !== undefined) {
    ({ int: intPart, frac: fracPart } = roundFixed(intPart, fracPart, after));
    if (useExp) {
      // rounding may have carried into a new integer digit: renormalize
      const maxInt = n.form === 'ENGINEERING' ? 3 : 1;
      if (intPart.length > maxInt) {
        const shift = n.form === 'ENGINEERING' ? 3 : 1; // the carry gives 10 or 1000
        expo += shift;
        const moved = intPart.slice(intPart.length - shift) + fracPart;
        intPart = intPart.slice(0, intPart.length - shift);
        fracPart = moved.slice(0, after); // the digits dropped are zeros
      }
    }
  }
  let allZero = true;
  for (let i = 0; i < intPart.length && allZero; i++) if (intPart.charCodeAt(i) !== 48) allZero = false;
  for (let i = 0; i < fracPart.length && allZero; i++) if (fracPart.charCodeAt(i) !== 48) allZero = false;
  if (allZero) neg = false;

  let head = (neg ? '-' : '') + intPart;
  if (before !== undefined) {
    if (head.length > before) tooSmall(2, s);
    if (head.length < before) head = ' '.repeat(before - head.length) + head;
  }
  let out = fracPart.length > 0 ? head + '.' + fracPart : head;
  if (useExp) {
    if (expo === 0) {
      if (expp !== undefined) out += ' '.repeat(expp + 2);
    } else {
      let es = String(Math.abs(expo));
      if (expp !== undefined) {
        if (es.length > expp) tooSmall(4, s);
        if (es.length < expp) es = '0'.repeat(expp - es.length) + es;
      }
      out += (expo > 0 ? 'E+' : 'E-') + es;
    }
  }
  return out;
}
