/**
 * The DO frame of a controlled loop (`DO name = start TO t BY b ...`): what
 * the clause loop keeps to step and test the control variable
 * (interpreter.ts doStart, iterate, loopContinues). Made when the loop
 * starts, and by a compiled region (codegen.ts) that hands its running
 * loops over to the clause loop part way (codegen-resume.ts).
 */
import type { VarRef, Expr } from '../ast.js';
import type { DoFrame } from './activation.js';
import { compile, compileInt, compileSetter, intSetter, plainInt } from './expression.js';

/** Complete frame (its TO and BY set as normalised, BY undefined for 1) for control variable ref. */
export function completeCtrlFrame(frame: DoFrame, ref: VarRef): void {
  const by = (frame.by ??= '1');
  frame.ctrl = ref.name;
  frame.get = compile(ref as Expr);
  frame.set = compileSetter(ref);
  frame.toInt = frame.to === undefined ? NaN : plainInt(frame.to);
  frame.byInt = plainInt(by);
  frame.byNeg = by.startsWith('-');
  if (ref.k === 'var') {
    // a simple control variable: read and step it through its box's integer cache
    frame.getInt = compileInt(ref) ?? undefined;
    frame.setInt = intSetter(ref.name);
  }
}
