/**
 * Arithmetic built-in functions (ANSI X3.274-1996 §9.4; results formatted as the
 * standard says, as by `number+0` — NOTES.md lists where Regina differs):
 * ABS DIGITS FORM FORMAT FUZZ MAX MIN RANDOM SIGN TRUNC.
 *
 * The decimal work is done by src/rexx/arithmetic/decimal.ts.
 */
import { rexxError } from '../errors.js';
import * as dec from '../arithmetic/decimal.js';
import type { BifContext, BifSpec, DirectArg, NumericSource } from './types.js';
import { wholeNonNeg, wholeNonNegArg, type Args } from './args.js';
import { directBif } from './direct.js';

/** a string argument (undefined: omitted) */
type Str = string | undefined;
import { perRunState } from './state.js';

function numArg(name: string, a: Args, n: number): string {
  return numberArg(name, n, a[n - 1]);
}

/** Argument n, v, as a number (40.5 when omitted, 40.11). */
function numberArg(name: string, n: number, v: string | undefined): string {
  if (v === undefined) throw rexxError(40, 5, name, n);
  if (!dec.isNumber(v)) throw rexxError(40, 11, name, n, v);
  return v;
}

// (argument 1 is required, so given: registry.ts checkCount; dec.abs and
// dec.sign raise 40.11 for it themselves)
function abs(c: NumericSource, v: string): string {
  return dec.abs(v, c.numeric);
}

function sign(c: NumericSource, v: string): string {
  return dec.sign(v, c.numeric);
}

function maxmin(name: 'MAX' | 'MIN', want: 1 | -1) {
  return (a: Args, c: BifContext): string => {
    if (a.length === 0) throw rexxError(40, 3, name, 1);
    let best = numArg(name, a, 1);
    for (let i = 2; i <= a.length; i++) {
      const v = numArg(name, a, i);
      if (dec.compare(v, best, c.numeric) === want) best = v;
    }
    return dec.normalize(best, c.numeric) ?? best;
  };
}

function trunc(c: NumericSource, v0: Str, d0: DirectArg): string {
  const v = numberArg('TRUNC', 1, v0);
  const d = wholeNonNegArg('TRUNC', 2, d0, c, 0);
  const r = dec.trunc(v, d, c.numeric);
  if (r === undefined) throw rexxError(40, 11, 'TRUNC', 1, v);
  return r;
}

function format(c: NumericSource, v0: Str, b0: DirectArg, a0: DirectArg, p0: DirectArg, t0: DirectArg): string {
  const v = numberArg('FORMAT', 1, v0);
  const opt = (n: number, x: DirectArg): number | undefined => (x === undefined ? undefined : wholeNonNegArg('FORMAT', n, x, c));
  const before = opt(2, b0);
  const after = opt(3, a0);
  const expp = opt(4, p0);
  const expt = opt(5, t0);
  return dec.format(v, before, after, expp, expt, c.numeric);
}

/** RANDOM's generator: a 32-bit xorshift-multiply PRNG, per program run. */
interface RandomState {
  seed: number;
}

function nextRandom(st: RandomState): number {
  // mulberry32
  st.seed = (st.seed + 0x6d2b79f5) | 0;
  let t = st.seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function random(a: Args, c: BifContext): string {
  let min = 0;
  let max = 999;
  if (a.length === 1 && a[0] !== undefined) {
    max = wholeNonNeg('RANDOM', a, 1, c.numeric);
    if (max > 100000) throw rexxError(40, 31, 'RANDOM', max);
  } else {
    if (a[0] !== undefined) min = wholeNonNeg('RANDOM', a, 1, c.numeric);
    if (a[1] !== undefined) max = wholeNonNeg('RANDOM', a, 2, c.numeric);
    if (min > max) throw rexxError(40, 33, 'RANDOM', min, max);
    if (max - min > 100000) throw rexxError(40, 32, 'RANDOM', min, max);
  }
  const st = perRunState<RandomState>(c, 'RANDOM', () => ({
    seed: (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0,
  }));
  if (a[2] !== undefined) {
    const seed = wholeNonNeg('RANDOM', a, 3, c.numeric);
    st.seed = seed | 0;
  }
  return String(min + Math.floor(nextRandom(st) * (max - min + 1)));
}

export const arithmeticBifs: BifSpec[] = [
  directBif('ABS', 1, 1, 0, abs),
  directBif('DIGITS', 0, 0, 0, (c) => String(c.numeric.digits)),
  directBif('FORM', 0, 0, 0, (c) => c.numeric.form),
  directBif('FORMAT', 1, 5, 0b11110, format),
  directBif('FUZZ', 0, 0, 0, (c) => String(c.numeric.fuzz)),
  { name: 'MAX', min: 1, max: Number.MAX_SAFE_INTEGER, fn: maxmin('MAX', 1) },
  { name: 'MIN', min: 1, max: Number.MAX_SAFE_INTEGER, fn: maxmin('MIN', -1) },
  { name: 'RANDOM', min: 0, max: 3, fn: random },
  directBif('SIGN', 1, 1, 0, sign),
  directBif('TRUNC', 1, 2, 0b10, trunc),
];

