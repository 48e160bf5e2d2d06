/**
 * Arithmetic built-in functions (ANSI X3.274-1996 §9.4; results formatted as the
 * standard says, as by `number+0` — NOTES.md lists where Regina differs):
 * ABS DIGITS FORM FORMAT FUZZ MAX MIN RANDOM SIGN TRUNC.
 *
 * The decimal work is done by src/rexx/arithmetic/decimal.ts.
 */
import { rexxError } from '../errors.js';
import * as dec from '../arithmetic/decimal.js';
import type { BifContext, BifSpec } from './types.js';
import { num, wholeNonNeg, type Args } from './args.js';
import { perRunState } from './state.js';

function numArg(name: string, a: Args, n: number): string {
  const v = num(name, a, n);
  if (!dec.isNumber(v)) throw rexxError(40, 11, name, n, v);
  return v;
}

function abs(a: Args, c: BifContext): string {
  return dec.abs(numArg('ABS', a, 1), c.numeric);
}

function sign(a: Args, c: BifContext): string {
  return dec.sign(numArg('SIGN', a, 1), c.numeric);
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

function trunc(a: Args, c: BifContext): string {
  const v = numArg('TRUNC', a, 1);
  const d = wholeNonNeg('TRUNC', a, 2, c.numeric, 0);
  const r = dec.trunc(v, d, c.numeric);
  if (r === undefined) throw rexxError(40, 11, 'TRUNC', 1, v);
  return r;
}

function format(a: Args, c: BifContext): string {
  const v = numArg('FORMAT', a, 1);
  const opt = (n: number): number | undefined =>
    a[n - 1] === undefined ? undefined : wholeNonNeg('FORMAT', a, n, c.numeric);
  const before = opt(2);
  const after = opt(3);
  const expp = opt(4);
  const expt = opt(5);
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
  { name: 'ABS', min: 1, max: 1, fn: abs },
  { name: 'DIGITS', min: 0, max: 0, fn: (_a, c) => String(c.numeric.digits) },
  { name: 'FORM', min: 0, max: 0, fn: (_a, c) => c.numeric.form },
  { name: 'FORMAT', min: 1, max: 5, fn: format },
  { name: 'FUZZ', min: 0, max: 0, fn: (_a, c) => String(c.numeric.fuzz) },
  { name: 'MAX', min: 1, max: Number.MAX_SAFE_INTEGER, fn: maxmin('MAX', 1) },
  { name: 'MIN', min: 1, max: Number.MAX_SAFE_INTEGER, fn: maxmin('MIN', -1) },
  { name: 'RANDOM', min: 0, max: 3, fn: random },
  { name: 'SIGN', min: 1, max: 1, fn: sign },
  { name: 'TRUNC', min: 1, max: 2, fn: trunc },
];

