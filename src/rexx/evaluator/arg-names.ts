/**
 * PARSE ARG whose templates are each one simple variable (`parse arg n`,
 * `parse arg m, n`): the usual first clause of a routine that takes
 * arguments, run once per call.
 *
 * A template of one target and no pattern gives that target its whole
 * string, blanks and all (ANSI X3.274-1996 §7.4.8: the last target of a
 * piece gets the rest of it; here the piece is the string), so each name is
 * just given its argument, or the null string for an omitted one, after the
 * UPPER / LOWER conversion. This is what parseArgs does for such templates,
 * without its template machinery (a template object, a generated parser per
 * template and one for the list) between the clause and the pool: three
 * calls less per routine call. Untraced only: traced, the assignments are
 * traced by the general path (the caller checks).
 */
import type { Clause, TemplateItem } from '../ast.js';
import { VarPool } from './variables.js';
import { callOptions } from './call-options.js';

/** The names of the templates when each is one simple variable, else null. */
export function argNames(templates: readonly TemplateItem[][]): string[] | null {
  return callOptions.argNames ? templateNames(templates) : null;
}

function templateNames(templates: readonly TemplateItem[][]): string[] | null {
  const names: string[] = [];
  for (const t of templates) {
    const it = t[0];
    if (t.length !== 1 || it === undefined || it.k !== 'target' || it.ref === null || it.ref.k !== 'var') return null;
    names.push(it.ref.name);
  }
  return names.length > 0 ? names : null;
}

/** `parse [upper | lower] arg` of simple variables: the names, and the conversion of each argument. */
export interface ArgPlan {
  readonly names: readonly string[];
  readonly convert: ((s: string) => string) | null;
}

function lower(s: string): string {
  return s.toLowerCase();
}

/**
 * The plan of clause c when it is PARSE ARG of simple variables only, else
 * null: what entering a routine that starts `name: procedure` and then this
 * clause does at once (routine-entry.ts, Interpreter.enterProcedure; used
 * while callOptions.argNames is on). `upper` is the interpreter's PARSE
 * UPPER conversion, the one the clause's compiled form uses.
 */
export function argPlanOf(c: Clause | undefined, upper: (s: string) => string): ArgPlan | null {
  if (c === undefined || c.k !== 'parse' || c.src.k !== 'arg') return null;
  const names = templateNames(c.tpl);
  return names === null ? null : { names, convert: c.upper ? upper : c.lower ? lower : null };
}

/** Give names[i] argument i of `args` (converted), in order, in `pool`. */
export function setArgNames(
  pool: VarPool,
  args: readonly (string | undefined)[],
  names: readonly string[],
  convert: ((s: string) => string) | null,
): void {
  for (let i = 0; i < names.length; i++) {
    let s = args[i] ?? '';
    if (convert !== null) s = convert(s);
    // (the box, made if new: boxes are never replaced, so an exposed one is shared)
    pool.box(names[i]!).v = s;
  }
}

/**
 * Give setArgNames the feedback of both kinds of argument list its callers
 * make: array literals (`f(x)`, `call p x` in compiled code) and
 * `new Array(n)`, which V8 keeps apart; code optimised having seen one is
 * thrown away at the first call with the other (measured: twice in bench
 * b5). Run often enough at load for V8 to keep the feedback (see
 * variables.ts primeShapes). (No conversion: which one the calls use is
 * theirs to show.)
 */
function primeArgs(): void {
  for (let k = 0; k < 16; k++) {
    const holey = new Array<string | undefined>(2);
    holey[0] = 'x';
    setArgNames(new VarPool(), k & 1 ? ['x', 'y'] : holey, ['A', 'B'], null);
  }
}
primeArgs();
