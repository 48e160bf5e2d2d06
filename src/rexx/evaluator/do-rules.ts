/**
 * The rules of a repetitive DO (ANSI X3.274-1996 §7.3.x: "DO", the
 * "controlled repetitive" and "count" loops), written once for the two
 * places that run DO loops clause by clause: the clause loop
 * (interpreter.ts doStart, loopContinues, iterate) and the DO loops of an
 * INTERPRET string run straight from its scan (scanned-loop.ts).
 *
 * - the expressions after `name =`, TO, BY and FOR are evaluated once, at
 *   the start, in the order written; start, TO and BY must be numbers
 *   (Error 41.6, 41.4, 41.5) and are normalised (§7.3.x: "the result of
 *   `expri + 0`"), FOR and a repetition count must be whole numbers >= 0
 *   (Error 26.3, 26.2);
 * - at the top of each iteration the control variable is compared with TO
 *   (Error 41.6 when it is no longer a number), then FOR or the count is
 *   taken down;
 * - at END the control variable is stepped by BY (`v = v + by`).
 *
 * The integer shortcuts here give exactly what the decimal path gives (see
 * expression.ts intArith and fastCompare); the property test
 * test/rexx/evaluator/scanned-loop.test.ts runs both callers on the same
 * loops.
 */
import type { DoSpec } from '../ast.js';
import type { Activation } from './activation.js';
import { plainInt } from './expression.js';
import { arith, compare, isNumber, normalize, toWholeNumber } from '../arithmetic/decimal.js';
import { rexxError } from '../errors.js';

/** Start, TO and BY must be numbers (Error 41.6, 41.4, 41.5). */
export function mustBeNumber(v: string, sub: number): string {
  if (!isNumber(v)) throw rexxError(41, sub, v);
  return v;
}

/** A repetition count (sub 2) or FOR (sub 3): a whole number >= 0 (Error 26). */
export function repetitions(a: Activation, v: string, sub: 2 | 3): number {
  const n = toWholeNumber(v, a.numeric);
  if (n === undefined || n < 0) throw rexxError(26, sub, v);
  return n;
}

/** What the start of a loop sets: TO and BY normalised (undefined when absent), FOR or the count (-1: none). */
export interface LoopLimits {
  to?: string | undefined;
  by?: string | undefined;
  left: number;
}

/** The expressions of a DO's specification. */
export type DoPart = 'count' | 'start' | 'to' | 'by' | 'for';

/** A DO's specification: its kind and the order TO, BY and FOR were written in (a DoSpec, or the scan's ScanSpec). */
export interface DoShape {
  kind: DoSpec['kind'];
  order: readonly ('to' | 'by' | 'for')[];
}

/**
 * Evaluate the expressions of a DO's specification (part p of spec with
 * evalPart(a, spec, p)) in the order written and set limits from them: for
 * a count loop its count, for a controlled loop its TO, BY and FOR.
 * Returns the controlled loop's normalised start value (to be assigned to
 * the control variable after all of them), else undefined.
 */
export function startLimits<S extends DoShape>(
  a: Activation,
  spec: S,
  evalPart: (a: Activation, spec: S, part: DoPart) => string,
  limits: LoopLimits,
): string | undefined {
  if (spec.kind === 'count') {
    limits.left = repetitions(a, evalPart(a, spec, 'count'), 2);
    return undefined;
  }
  if (spec.kind !== 'ctrl') return undefined;
  const start = mustBeNumber(evalPart(a, spec, 'start'), 6);
  for (const key of spec.order) {
    const v = evalPart(a, spec, key);
    if (key === 'to') limits.to = normalize(mustBeNumber(v, 4), a.numeric);
    else if (key === 'by') limits.by = normalize(mustBeNumber(v, 5), a.numeric);
    else limits.left = repetitions(a, v, 3);
  }
  return normalize(start, a.numeric)!;
}

/**
 * Whether control variable value v has gone past TO (toInt: TO as a plain
 * integer, else NaN; byNeg: BY is negative). Two plain integers with
 * DIGITS-FUZZ >= 9 compare exactly (expression.ts fastCompare).
 */
export function pastTo(a: Activation, v: string, to: string, toInt: number, byNeg: boolean): boolean {
  const p = toInt === toInt ? plainInt(v) : NaN;
  const cmp = p === p && a.numeric.digits - a.numeric.fuzz >= 9 ? (p < toInt ? -1 : p > toInt ? 1 : 0) : compare(v, to, a.numeric);
  if (cmp === undefined) throw rexxError(41, 6, v);
  return byNeg ? cmp < 0 : cmp > 0;
}

/** The FOR or count test: whether one more iteration may run (taking it from what is left). */
export function takeRepetition(limits: LoopLimits): boolean {
  if (limits.left >= 0) {
    if (limits.left === 0) return false;
    limits.left--;
  }
  return true;
}

/**
 * The control variable's next value, cur + by (byInt: BY as a plain
 * integer, else NaN): two plain integers whose sum is below 10**9 add
 * exactly at DIGITS >= 9 (expression.ts intArith), else arith().
 */
export function stepped(a: Activation, cur: string, by: string, byInt: number): string {
  if (byInt === byInt && a.numeric.digits >= 9) {
    const p = plainInt(cur);
    if (p === p) {
      const s = p + byInt;
      if (s < 1e9 && s > -1e9) return String(s);
    }
  }
  return arith('+', cur, by, a.numeric);
}
