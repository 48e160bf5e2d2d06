/**
 * A compiled region (codegen.ts) handing over to the clause loop part way
 * through: an INTERPRET in the region may turn tracing on, and traced
 * clauses are the clause loop's to run. The region's loops carry on there:
 * each DO the region is inside of at that clause gets the frame the clause
 * loop would have made for it (interpreter.ts doStart), with the state the
 * region kept in locals (the FOR or repetition count left, TO and BY), and
 * the clause loop goes on at the next clause. The control variables are in
 * their boxes already (a region with INTERPRET keeps no variables in locals).
 */
import type { Clause } from '../ast.js';
import type { Activation, DoFrame } from './activation.js';
import { completeCtrlFrame } from './do-frame.js';

/** The frame of the DO clause d (at doIdx) as the clause loop would have it now. */
export function loopFrame(d: Clause, doIdx: number, left: number, to: string | undefined, by: string | undefined): DoFrame {
  if (d.k !== 'do') throw new Error('loopFrame: not a DO clause');
  const spec = d.spec;
  const frame: DoFrame = { doIdx, endIdx: d.endIdx, left, repetitive: spec.kind !== 'simple' };
  if (spec.kind === 'ctrl') {
    frame.to = to;
    frame.by = by;
    completeCtrlFrame(frame, spec.ctrl!);
  }
  return frame;
}

/** Push the region's frames (outermost first) and continue at clause pc in the clause loop. */
export function resume(a: Activation, frames: DoFrame[], pc: number): void {
  a.blocks.push(...frames);
  a.pc = pc;
}
