/**
 * BIFs written to take their arguments one by one (types.ts DirectFn), and
 * their table entries.
 *
 * A BIF that sees only its arguments and the NUMERIC settings is written
 * once, as a function of its arguments; its table entry gets both the form
 * the interpreter calls with an argument array (`fn`, which passes the
 * array's elements) and the function itself (`direct`), which the region
 * compiler calls with the argument values it has in hand: no array per call,
 * and whole numbers it already has as integers passed as numbers
 * (codegen-bif.ts). Both forms run the same code, so they check the
 * arguments in the same order and raise the same errors.
 *
 * The first `min` arguments are always given: the table's caller checks the
 * count first (registry.ts checkCount), and the region compiler calls
 * directly only where the arguments written pass that check
 * (codegen-bif.ts countAlwaysOk). Those parameters are typed string and
 * not checked again.
 */
import type { BifFunction, BifSpec, DirectArg, DirectFn, DirectIntFn, NumericSource } from './types.js';

/**
 * The table entry of BIF `name` taking min..max arguments, written as `fn`;
 * bit i of `ints` set says parameter i+1 is a whole number read with
 * args.ts wholeArg (or its ...NonNeg / ...Pos forms), so that a number may
 * be passed for it.
 */
export function directBif<P extends DirectArg[]>(
  name: string,
  min: number,
  max: number,
  ints: number,
  fn: (c: NumericSource, ...args: P) => string,
): BifSpec {
  // (the parameters other than the `ints` ones are only ever given strings)
  const d = fn as unknown as DirectFn;
  return { name, min, max, fn: spread(d, max), direct: { fn: d, ints } };
}

/**
 * directBif for a BIF whose value is always a whole number, written as `int`
 * giving that number: its string is the BIF's value, and the region
 * compiler can use the number itself in integer arithmetic (codegen-bif.ts).
 */
export function directIntBif<P extends DirectArg[]>(
  name: string,
  min: number,
  max: number,
  ints: number,
  int: (c: NumericSource, ...args: P) => number,
): BifSpec {
  const i = int as unknown as DirectIntFn;
  const d = stringOf(i);
  return { name, min, max, fn: spread(d, max), direct: { fn: d, ints, int: i } };
}

/**
 * The most arguments a BIF written so takes (INSERT, OVERLAY): the forms
 * below pass that many, an argument not given being undefined, as omitted.
 */
const MAX_ARGS = 5;

/** fn called with the elements of the argument array (checkCount has seen to it that there are at most max). */
function spread(fn: DirectFn, max: number): BifFunction {
  if (max > MAX_ARGS) throw new Error(`direct BIF with ${max} arguments`);
  return (a, c) => fn(c, a[0], a[1], a[2], a[3], a[4]);
}

/** The string form of an integer-valued BIF. */
function stringOf(i: DirectIntFn): DirectFn {
  return (c, x1, x2, x3, x4, x5) => String(i(c, x1, x2, x3, x4, x5));
}
