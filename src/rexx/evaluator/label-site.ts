/**
 * The internal routine a call site names (ANSI X3.274-1996 §7.2.5 / §8.2.x:
 * an unquoted name is first searched among the program's labels).
 *
 * The general path (Interpreter.callRoutine) looks the name up in the
 * program's label table on every call. For a given call site the answer only
 * changes with the program whose labels are searched: the routine's own, or,
 * for an INTERPRET string (whose tree may be run from several programs), the
 * program of the routine that runs it. The site remembers the last program
 * and the label's clause index in it.
 */
import type { Program } from '../ast.js';
import type { Activation } from './activation.js';

export class LabelSite {
  declare private readonly name: string;
  declare private prog: Program | undefined;
  declare private idx: number;

  constructor(name: string) {
    this.name = name;
    this.prog = undefined;
    this.idx = -1;
  }

  /**
   * The clause index of the label in the program whose labels `a` sees
   * (then `program`), or -1 when it has no such label.
   */
  find(a: Activation): number {
    let x = a;
    while (x.kind === 'interpret' && x.parent) x = x.parent;
    const p = x.program;
    if (p !== this.prog) {
      this.prog = p;
      this.idx = p.labels.get(this.name) ?? -1;
    }
    return this.idx;
  }

  /** The program of the last find(). */
  get program(): Program {
    return this.prog!;
  }
}
