/**
 * PROCEDURE EXPOSE worked out once per clause, for entering a routine
 * (Interpreter.enterProcedure, run on every call of `name: procedure expose
 * ...`).
 *
 * A list of simple names and stems only (`expose count.`, `expose x y`) is
 * the same on every call: the new pool shares the caller's box of each name
 * and the caller's Stem of each stem (ANSI X3.274-1996 §8.3.x PROCEDURE;
 * TRL2 §4.3.x), made if the caller has none yet. Nothing is evaluated, and
 * names and stems live apart in a pool, so the order of the list does not
 * matter and the plan does them as two lists. A compound name's tail is
 * evaluated, in order, in the new pool, seeing only the names exposed
 * before it (Interpreter.expose does that);
 * an indirect `(list)` reads a variable, which can raise NOVALUE in the
 * routine, so the routine is entered by the clause loop.
 */
import type { DropItem } from '../ast.js';
import { VarPool } from './variables.js';
import { callOptions } from './call-options.js';

export class ExposePlan {
  constructor(
    private readonly names: readonly string[],
    private readonly stems: readonly string[],
  ) {}

  /** The routine's pool, sharing what the list names of the caller's pool. */
  pool(caller: VarPool): VarPool {
    const pool = new VarPool();
    const names = this.names;
    for (let i = 0; i < names.length; i++) pool.set(names[i]!, caller.box(names[i]!));
    const stems = this.stems;
    for (let i = 0; i < stems.length; i++) pool.stems.set(stems[i]!, caller.stem(stems[i]!));
    return pool;
  }
}

/** The list has a compound name: Interpreter.expose evaluates its tails in order. */
export const EXPOSE_IN_ORDER = 'in order';
/** The list has an indirect `(list)`: entered by the clause loop. */
export const EXPOSE_INDIRECT = 'indirect';

export type ExposeListPlan = ExposePlan | typeof EXPOSE_IN_ORDER | typeof EXPOSE_INDIRECT;

const planKey = Symbol('exposePlan');
type WithPlan = { [planKey]?: ExposeListPlan };

/** The plan for EXPOSE list `items` (made once per list). */
export function exposePlan(items: DropItem[]): ExposeListPlan {
  const w = items as WithPlan;
  return usable((w[planKey] ??= exposeListPlan(items)));
}

/** The plan as it may be used now: a name plan runs in order when callOptions.exposePlan is off. */
export function usable(plan: ExposeListPlan): ExposeListPlan {
  return plan instanceof ExposePlan && !callOptions.exposePlan ? EXPOSE_IN_ORDER : plan;
}

/** The plan for EXPOSE list `items`, made now (routine-entry.ts keeps it). */
export function exposeListPlan(items: DropItem[]): ExposeListPlan {
  const names: string[] = [];
  const stems: string[] = [];
  let inOrder = false;
  for (const it of items) {
    if (it.k !== 'ref') return EXPOSE_INDIRECT;
    const ref = it.ref;
    if (ref.k === 'var') names.push(ref.name);
    else if (ref.k === 'stem') stems.push(ref.name);
    else inOrder = true;
  }
  return inOrder ? EXPOSE_IN_ORDER : new ExposePlan(names, stems);
}
