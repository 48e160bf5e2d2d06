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
import type { Activation } from './activation.js';
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

const planKey = Symbol('argPlan');
type WithPlan = { [planKey]?: ArgPlan | null };

function lower(s: string): string {
  return s.toLowerCase();
}

/**
 * The plan of clause c when it is PARSE ARG of simple variables only (made
 * once per clause, kept on its template list), else null: what entering a
 * routine that starts `name: procedure` and then this clause does at once
 * (Interpreter.enterProcedure). `upper` is the interpreter's PARSE UPPER
 * conversion, the one the clause's compiled form uses.
 */
export function argPlan(c: Clause | undefined, upper: (s: string) => string): ArgPlan | null {
  if (c === undefined || c.k !== 'parse' || c.src.k !== 'arg') return null;
  const w = c.tpl as WithPlan;
  let plan = w[planKey];
  if (plan === undefined) {
    const names = templateNames(c.tpl);
    plan = w[planKey] = names === null ? null : { names, convert: c.upper ? upper : c.lower ? lower : null };
  }
  return callOptions.argNames ? plan : null;
}

/** Give names[i] argument i of `args` (converted), in order, in a's pool. */
export function setArgNames(
  a: Activation,
  args: readonly (string | undefined)[],
  names: readonly string[],
  convert: ((s: string) => string) | null,
): void {
  const pool = a.pool;
  for (let i = 0; i < names.length; i++) {
    let s = args[i] ?? '';
    if (convert !== null) s = convert(s);
    // (the box, made if new: boxes are never replaced, so an exposed one is shared)
    pool.box(names[i]!).v = s;
  }
}
