/**
 * A compiled call site of a function that names a built-in function.
 *
 * The general path (Interpreter.callFunction → callRoutine) searches, on every
 * call, the program's labels, then the BIF table, then external routines
 * (ANSI X3.274-1996 §7.2.5 / §8.2.x search order). For a given call site the
 * answer only changes when the program whose labels are searched changes (an
 * INTERPRET string's tree may be run from several programs) or when the BIF
 * table is changed by registerBuiltin, so the site remembers both and goes
 * straight to the BIF.
 *
 * The site answers undefined when the name is an internal label there: the
 * caller then takes the general path, which runs the internal routine.
 */
import type { Activation } from '../evaluator/activation.js';
import type { Program } from '../ast.js';
import type { BifContext, BifSpec, DirectArg, DirectFn, DirectIntFn } from './types.js';
import { argText, checkCount } from './args.js';
import { lookupBuiltin, tableVersion } from './registry.js';

/** What the call site needs from the interpreter running the activation. */
interface BifContextSource {
  bifContext(a: Activation): BifContext;
}

export type BifCallSite = (a: Activation, args: (string | undefined)[]) => string | undefined;

/**
 * Whether a call site's name reaches the BIF in the program an activation
 * searches: not when the name is a label there. The labels searched are
 * those of the program that is not an INTERPRET string; the answer is kept
 * for the last such program.
 */
class LabelGuard {
  /** the program last searched, and whether the name is a label there */
  private lastProgram: Program | undefined = undefined;
  private shadowed = false;

  constructor(private readonly name: string) {}

  shadowedIn(a: Activation): boolean {
    let x = a;
    while (x.kind === 'interpret' && x.parent) x = x.parent;
    if (x.program !== this.lastProgram) {
      this.lastProgram = x.program;
      this.shadowed = x.program.labels.has(this.name);
    }
    return this.shadowed;
  }
}

/**
 * The call site of `name(...)`, or undefined when `name` is not a BIF now
 * (a BIF registered later is still found by the general path). A quoted name
 * ('SUBSTR'(...)) skips the labels, as callRoutine does.
 */
export function bifCallSite(name: string, quoted: boolean): BifCallSite | undefined {
  let spec: BifSpec | undefined = lookupBuiltin(name);
  if (spec === undefined) return undefined;
  let gen = tableVersion.n;
  const labels = quoted ? undefined : new LabelGuard(name);
  // The argument count is checked once per BIF (and array length): a call
  // site passes the same arguments omitted (undefined) at every call, as
  // every expression written has a value, so the check answers the same.
  let checked: BifSpec | undefined;
  let checkedLength = -1;
  return (a, args) => {
    if (labels !== undefined && labels.shadowedIn(a)) return undefined;
    if (gen !== tableVersion.n) {
      spec = lookupBuiltin(name);
      gen = tableVersion.n;
    }
    const s = spec;
    if (s === undefined) return undefined;
    if (s !== checked || args.length !== checkedLength) {
      checkCount(s.name, args, s.min, s.max);
      checked = s;
      checkedLength = args.length;
    }
    // a BIF that sees only its arguments and the NUMERIC settings (direct.ts)
    // is called without its context, and runs nothing that could move a.line
    const d = s.direct;
    if (d !== undefined) return d.fn(a, args[0], args[1], args[2], args[3], args[4]);
    const line = a.line;
    const v = s.fn(args, (a.interp as BifContextSource).bifContext(a));
    a.line = line;
    return v;
  };
}

/**
 * A compiled call site of a BIF called with its arguments one by one
 * (types.ts DirectBif; codegen-bif.ts writes the call): the generated code
 * asks entry(a) once when the region starts and compares what it answered
 * with tableVersion.n at each call, and calls the BIF's direct function
 * itself while they are equal. The argument count was checked when the call
 * was compiled (it depends only on which arguments are written), and such a
 * BIF neither runs REXX code nor changes a.line. Otherwise args() makes the
 * argument array of the general path.
 *
 * Whether a label shadows the name is settled once per region run: the
 * labels searched are those of the program of the activation the region
 * runs in (or of the one an INTERPRET string runs in), a program's labels
 * are fixed when it is parsed (parser/program.ts), and the activation does
 * not change while the region runs. The BIF table can change at any call out
 * of the region (registerBuiltin from an external routine, a command
 * handler ...): hence the comparison at each call.
 */
export class DirectBifSite {
  private readonly labels: LabelGuard | undefined;
  /** the BIF table's generation when `same` was last settled */
  private checked: number;
  /** whether the name is still the BIF the call was compiled for */
  private same = true;

  constructor(
    private readonly name: string,
    quoted: boolean,
    /** the table entry the call was compiled for */
    private readonly spec: BifSpec,
  ) {
    this.labels = quoted ? undefined : new LabelGuard(name);
    this.checked = tableVersion.n;
  }

  /**
   * At region entry: the generation of the BIF table the call is good for
   * (the present one, while the table stays at it), or -1 (never
   * tableVersion.n) when the call must take the general path for the whole
   * run: a label shadows the name, or the name is now another BIF. (A table
   * changed for other names leaves the call as it was: the site looks the
   * name up again.)
   */
  entry(a: Activation): number {
    const n = tableVersion.n;
    if (this.checked !== n) {
      this.same = lookupBuiltin(this.name) === this.spec;
      this.checked = n;
    }
    if (!this.same) return -1;
    const labels = this.labels;
    return labels !== undefined && labels.shadowedIn(a) ? -1 : n;
  }

  /** The arguments as the general path takes them (a number stands for its string). */
  args(...xs: DirectArg[]): (string | undefined)[] {
    return xs.map(argText);
  }
}

/**
 * A direct BIF's value, or undefined when it raises anything: for code that
 * must not raise (codegen-bif.ts quiet forms), which then evaluates the call
 * again the general way, and that raises it.
 */
export function quietCall(fn: DirectFn, a: Activation, x1: DirectArg, x2: DirectArg, x3: DirectArg, x4: DirectArg, x5: DirectArg): string | undefined {
  try {
    return fn(a, x1, x2, x3, x4, x5);
  } catch {
    return undefined;
  }
}

/** quietCall for an integer-valued BIF: NaN when it raises anything (or, never seen, its value is not below 10**9). */
export function quietInt(fn: DirectIntFn, a: Activation, x1: DirectArg, x2: DirectArg, x3: DirectArg, x4: DirectArg, x5: DirectArg): number {
  try {
    const v = fn(a, x1, x2, x3, x4, x5);
    return v < 1e9 ? v : NaN;
  } catch {
    return NaN;
  }
}
