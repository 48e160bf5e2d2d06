/**
 * What entering an internal routine that starts `name: procedure [expose
 * ...]` does before its clause loop, worked out once per label
 * (Interpreter.enterProcedure runs it on every call): the PROCEDURE's
 * EXPOSE plan (expose-plan.ts) and, when the next clause is PARSE ARG of
 * simple variables, its names (arg-names.ts).
 *
 * The entries of a program are kept beside its compiled clauses, indexed
 * by the label's clause index: one array read per call. (Keeping each on
 * its clause or list as a symbol-keyed property, as expose-plan.ts does for
 * the clause loop's PROCEDURE, changes the object's hidden class when the
 * first call of each routine adds it, so the code reading it sees a new
 * class at every routine's first call and is thrown away; measured in the
 * cold run of bench b5: 5% of the run in the lookup.)
 */
import type { Clause, DropItem, Program } from '../ast.js';
import { exposeListPlan, type ExposeListPlan } from './expose-plan.js';
import { argPlanOf, type ArgPlan } from './arg-names.js';

export class RoutineEntry {
  constructor(
    /** the PROCEDURE's EXPOSE list, null when it has none */
    readonly expose: DropItem[] | null,
    /** its plan (null when it has no list) */
    readonly plan: ExposeListPlan | null,
    /** the PARSE ARG after the PROCEDURE, when it is one of simple variables only */
    readonly args: ArgPlan | null,
  ) {}
}

/** Where a program's entries are kept: an element of Program.compiled (made by Interpreter.execute). */
const ENTRIES = 2;

/**
 * The entry of the routine whose label is clause idx of prog, or null when
 * the label is not followed by PROCEDURE (or prog has not run yet: it has
 * no compiled clauses to keep the entry beside). `upper` is the PARSE UPPER
 * conversion the clause loop uses. The entries of all the program's labels
 * are made at its first call: a first call of each routine that made its
 * own would run code that optimised callers have never seen run, and throw
 * them away (measured: two of bench b5's deopts).
 */
export function routineEntry(prog: Program, idx: number, upper: (s: string) => string): RoutineEntry | null {
  const comp = prog.compiled;
  if (comp === undefined) return null;
  let entries = comp[ENTRIES] as (RoutineEntry | null | undefined)[] | undefined;
  if (entries === undefined) entries = comp[ENTRIES] = makeEntries(prog, upper);
  return entries[idx] ?? null;
}

function makeEntries(prog: Program, upper: (s: string) => string): (RoutineEntry | null | undefined)[] {
  const clauses = prog.clauses;
  const entries = new Array<RoutineEntry | null | undefined>(clauses.length);
  for (const idx of prog.labels.values()) entries[idx] = makeEntry(clauses, idx, upper);
  return entries;
}

function makeEntry(clauses: readonly Clause[], idx: number, upper: (s: string) => string): RoutineEntry | null {
  const c = clauses[idx + 1];
  if (c === undefined || c.k !== 'procedure') return null;
  const expose = c.expose;
  return new RoutineEntry(expose, expose === null ? null : exposeListPlan(expose), argPlanOf(clauses[idx + 2], upper));
}
