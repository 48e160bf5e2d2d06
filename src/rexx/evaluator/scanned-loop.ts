/**
 * DO loops of an INTERPRET string run straight from its scan
 * (interpret-direct.ts runScanned): `interpret 'do j = 1 to 5; s = s + j *'
 * i'; end'` built in a loop is a new string each time, and running it in
 * an activation of its own costs a tree, compiled clauses, DO frames and
 * the closures for its control variable, all made for one run (bench b8).
 *
 * The rules are the clause loop's (interpreter.ts doStart, loopContinues,
 * iterate; ANSI X3.274-1996 §7.3.x DO), for what the scan reads: a simple
 * DO, `DO expr`, and `DO name = start [TO e] [BY e] [FOR e]` with a simple
 * control variable, no WHILE or UNTIL, run untraced with no condition
 * trapped (interpreter.ts interpretString). Start, TO, BY and FOR are
 * evaluated once, in the order written, with the same errors (41.4-41.6,
 * 26.2, 26.3); the control variable is set after them, read back from its
 * box at each step (the body may change it: NOVALUE gives its name, as
 * no condition is trapped) and stepped with the same integer path or
 * arith(). A property test (test/rexx/evaluator/scanned-loop.test.ts)
 * compares the runs with the clause loop's.
 */
import type { DoSpec, Expr } from '../ast.js';
import type { Activation } from './activation.js';
import type { Box } from './variables.js';
import { plainInt, type Runtime } from './expression.js';
import { arith, compare, normalize, toWholeNumber, isNumber } from '../arithmetic/decimal.js';
import { rexxError } from '../errors.js';

/** A running DO (the clause loop's DoFrame, for the cases above). */
export interface ScannedLoop {
  repetitive: boolean;
  /** FOR or repetition count left; -1: none */
  left: number;
  /** the control variable's box and name (undefined: none) */
  box: Box | undefined;
  name: string;
  to: string | undefined;
  toInt: number;
  by: string;
  byInt: number;
  byNeg: boolean;
}

function mustBeNumber(v: string, sub: number): string {
  if (!isNumber(v)) throw rexxError(41, sub, v);
  return v;
}

/**
 * Start the DO with specification spec (its expressions evaluated by
 * evalE): the loop, or null when its first tests already fail (the clause
 * loop then goes on after the END).
 */
export function startLoop(a: Activation, spec: DoSpec, evalE: (a: Activation, e: Expr) => string): ScannedLoop | null {
  const l: ScannedLoop = { repetitive: spec.kind !== 'simple', left: -1, box: undefined, name: '', to: undefined, toInt: NaN, by: '1', byInt: 1, byNeg: false };
  if (spec.kind === 'simple') return l;
  if (spec.kind === 'count') {
    const v = evalE(a, spec.count!);
    const n = toWholeNumber(v, a.numeric);
    if (n === undefined || n < 0) throw rexxError(26, 2, v);
    l.left = n;
  } else {
    const start = mustBeNumber(evalE(a, spec.start!), 6);
    for (const key of spec.order) {
      const v = evalE(a, spec[key]!);
      if (key === 'to') l.to = normalize(mustBeNumber(v, 4), a.numeric);
      else if (key === 'by') l.by = normalize(mustBeNumber(v, 5), a.numeric)!;
      else {
        const n = toWholeNumber(v, a.numeric);
        if (n === undefined || n < 0) throw rexxError(26, 3, v);
        l.left = n;
      }
    }
    l.toInt = l.to === undefined ? NaN : plainInt(l.to);
    l.byInt = plainInt(l.by);
    l.byNeg = l.by.startsWith('-');
    l.name = spec.ctrl!.name;
    l.box = a.pool.box(l.name);
    l.box.v = normalize(start, a.numeric)!;
  }
  return loopContinues(a, l) ? l : null;
}

/** The control variable's value (its name when it has none: no NOVALUE trap is set here). */
function current(a: Activation, l: ScannedLoop): string {
  const v = l.box!.v;
  return v !== undefined ? v : (a.interp as Runtime).novalue(a, l.name);
}

/** The tests at the top of each iteration: TO, then FOR or the count. */
function loopContinues(a: Activation, l: ScannedLoop): boolean {
  const to = l.to;
  if (to !== undefined) {
    const v = current(a, l);
    const t = l.toInt;
    const p = t === t ? plainInt(v) : NaN;
    // two plain integers with DIGITS-FUZZ >= 9 compare exactly (as the clause loop does)
    const cmp = p === p && a.numeric.digits - a.numeric.fuzz >= 9 ? (p < t ? -1 : p > t ? 1 : 0) : compare(v, to, a.numeric);
    if (cmp === undefined) throw rexxError(41, 6, v);
    if (l.byNeg ? cmp < 0 : cmp > 0) return false;
  }
  if (l.left >= 0) {
    if (l.left === 0) return false;
    l.left--;
  }
  return true;
}

/** The END of a repetitive loop: step the control variable, then the tests; whether the loop goes on. */
export function nextIteration(a: Activation, l: ScannedLoop): boolean {
  const box = l.box;
  if (box !== undefined) {
    const cur = current(a, l);
    let next: string | undefined;
    const b = l.byInt;
    if (b === b && a.numeric.digits >= 9) {
      // plain integers: the sum is exact below 10**9 (see intArith)
      const p = plainInt(cur);
      if (p === p) {
        const s = p + b;
        if (s < 1e9 && s > -1e9) next = String(s);
      }
    }
    box.v = next !== undefined ? next : arith('+', cur, l.by, a.numeric);
  }
  return loopContinues(a, l);
}
