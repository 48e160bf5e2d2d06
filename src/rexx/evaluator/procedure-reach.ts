/**
 * What a CALL of an internal routine can see of its caller's variables,
 * decided from the program text (for compiled regions: codegen.ts).
 *
 * A routine whose label is followed by PROCEDURE gets a new variable pool
 * (ANSI X3.274-1996 §8.3.x PROCEDURE; TRL2 §4.3.x): from then on nothing it
 * runs (nested calls, INTERPRET, VALUE(), condition handlers, which run in
 * its own activation) can read or set a variable of the caller, except
 *  - what its EXPOSE list names, and the simple variables of the tails of
 *    the compound names there (evaluated in the caller's pool);
 *  - SIGL, which the call itself sets in the caller's pool.
 * (RESULT is set by the caller, after the call.) A region calling such a
 * routine can keep its other simple variables in JavaScript locals across the
 * call: only these names must be in the pool when the call is made.
 *
 * The label is found as Interpreter.callRoutine finds it: the first label
 * clause with the name, in the program the region belongs to. (In an
 * INTERPRET string, whose program has no labels, the routine is looked up in
 * another program at run time: no label is found here, and the answer is
 * "anything".)
 */
import type { Clause, DropItem } from '../ast.js';

/**
 * The caller's simple variables that a CALL of internal routine `name` (not
 * quoted) from a clause of `clauses` can read or set, or null when it may
 * reach any: the name is not a label of these clauses, the routine does not
 * start with PROCEDURE, or its EXPOSE list has an indirect `(list)`, which
 * reads a variable chosen at run time.
 */
export function procedureReach(clauses: readonly Clause[], name: string): Set<string> | null {
  const idx = clauses.findIndex((c) => c.k === 'label' && c.name === name);
  if (idx < 0) return null;
  const c = clauses[idx + 1];
  if (c === undefined || c.k !== 'procedure') return null;
  const reach = new Set<string>(['SIGL']);
  return c.expose === null || exposes(c.expose, reach) ? reach : null;
}

/** Add the simple variables `items` name or use in tails to `reach`; false for an indirect item. */
function exposes(items: DropItem[], reach: Set<string>): boolean {
  for (const it of items) {
    if (it.k !== 'ref') return false;
    const ref = it.ref;
    if (ref.k === 'var') reach.add(ref.name);
    else if (ref.k === 'comp') {
      for (const p of ref.tail) if ('v' in p) reach.add(p.v);
    }
  }
  return true;
}
