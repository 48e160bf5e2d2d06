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
 * trapped (interpreter.ts interpretString). The rules themselves (the
 * evaluation of start, TO, BY and FOR, their errors, the tests and the
 * step) are do-rules.ts's, which the clause loop uses too; what is the
 * scan's own is where the control variable lives: in its box, read back
 * at each step (the body may change it: NOVALUE gives its name, as no
 * condition is trapped). A property test (test/rexx/evaluator/scanned-loop.test.ts)
 * compares the runs with the clause loop's.
 */
import type { Activation } from './activation.js';
import type { ScanSpec } from '../parser/fast-path.js';
import type { Box } from './variables.js';
import { plainInt, type Runtime } from './expression.js';
import { pastTo, startLimits, stepped, takeRepetition, type DoPart, type LoopLimits } from './do-rules.js';

/** A running DO (the clause loop's DoFrame, for the cases above). */
export interface ScannedLoop extends LoopLimits {
  repetitive: boolean;
  /** the control variable's box and name (undefined: none) */
  box: Box | undefined;
  name: string;
  toInt: number;
  byInt: number;
  byNeg: boolean;
}

/**
 * Start the DO with specification spec (its expressions, ranges of the
 * scan, evaluated by evalPart): the loop, or null when its first tests
 * already fail (the clause loop then goes on after the END).
 */
export function startLoop(a: Activation, spec: ScanSpec, evalPart: (a: Activation, spec: ScanSpec, part: DoPart) => string): ScannedLoop | null {
  const l: ScannedLoop = { repetitive: spec.kind !== 'simple', left: -1, box: undefined, name: '', to: undefined, toInt: NaN, by: '1', byInt: 1, byNeg: false };
  if (spec.kind === 'simple') return l;
  const start = startLimits(a, spec, evalPart, l);
  if (start !== undefined) {
    const by = (l.by ??= '1');
    l.toInt = l.to === undefined ? NaN : plainInt(l.to);
    l.byInt = plainInt(by);
    l.byNeg = by.startsWith('-');
    l.name = spec.ctrl;
    l.box = a.pool.box(l.name);
    l.box.v = start;
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
  if (l.to !== undefined && pastTo(a, current(a, l), l.to, l.toInt, l.byNeg)) return false;
  return takeRepetition(l);
}

/** The END of a repetitive loop: step the control variable, then the tests; whether the loop goes on. */
export function nextIteration(a: Activation, l: ScannedLoop): boolean {
  const box = l.box;
  if (box !== undefined) box.v = stepped(a, current(a, l), l.by!, l.byInt);
  return loopContinues(a, l);
}
