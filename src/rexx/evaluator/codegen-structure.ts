/**
 * The block structure of a region of the flat clause array (ast.ts), rebuilt
 * for the region compiler (codegen.ts): the parser lays DO/END, IF/THEN/ELSE
 * and SELECT/WHEN/OTHERWISE out as clauses with jump indexes
 * (parser/program.ts); here they become a tree again so that they can be
 * written as JavaScript loops and if/else.
 *
 * Only what the parser produces is accepted: every index is checked, and
 * anything else (a label, SIGNAL, TRACE, PROCEDURE, a stray
 * jump) makes the region unstructurable (null), and the clause loop runs it.
 */
import type { Clause } from '../ast.js';

export type Node =
  /** a clause with no control flow of its own */
  | { k: 'clause'; idx: number }
  | { k: 'if'; idx: number; then: Node[]; else: Node[] | undefined }
  | { k: 'select'; idx: number; whens: { idx: number; body: Node[] }[]; otherwise: Node[] | undefined; errIdx: number; endIdx: number }
  | { k: 'do'; idx: number; body: Node[]; endIdx: number };

/** Clause kinds that change no control flow and are run as they are (the clause loop's own code). */
const PLAIN = new Set<Clause['k']>([
  'nop', 'assign', 'say', 'command', 'call', 'callon', 'signalon', 'drop', 'numeric', 'options',
  'parse', 'push', 'queue', 'address', 'upper', 'leave', 'iterate', 'exit', 'return', 'interpret',
]);

class Unstructured extends Error {}

/** The tree of the DO loop at doIdx, or null when its clauses are not all structurable. */
export function structureLoop(clauses: readonly Clause[], doIdx: number): Node | null {
  try {
    const [n, next] = instruction(clauses, doIdx);
    if (n.k !== 'do' || next !== (clauses[doIdx] as { endIdx: number }).endIdx + 1) return null;
    return n;
  } catch (e) {
    if (e instanceof Unstructured) return null;
    throw e;
  }
}

function fail(): never {
  throw new Unstructured();
}

/** The instructions from `from` up to (not including) `to`. */
function block(clauses: readonly Clause[], from: number, to: number): Node[] {
  const out: Node[] = [];
  let i = from;
  while (i < to) {
    const [n, next] = instruction(clauses, i);
    out.push(n);
    i = next;
  }
  if (i !== to) fail();
  return out;
}

/** The one instruction starting at clause i, and the index after it. */
function instruction(clauses: readonly Clause[], i: number): [Node, number] {
  const c = clauses[i];
  if (c === undefined) fail();
  switch (c.k) {
    case 'if': {
      const [t, j] = instruction(clauses, i + 1);
      const jc = clauses[j];
      if (jc !== undefined && jc.k === 'jump' && jc.what === 'else' && c.elseIdx === j + 1) {
        const [e, k] = instruction(clauses, j + 1);
        if (jc.to !== k) fail();
        return [{ k: 'if', idx: i, then: [t], else: [e] }, k];
      }
      if (c.elseIdx !== j) fail();
      return [{ k: 'if', idx: i, then: [t], else: undefined }, j];
    }
    case 'do': {
      const end = clauses[c.endIdx];
      if (end === undefined || end.k !== 'end' || end.doIdx !== i || end.select || c.endIdx <= i) fail();
      return [{ k: 'do', idx: i, body: block(clauses, i + 1, c.endIdx), endIdx: c.endIdx }, c.endIdx + 1];
    }
    case 'select': {
      const whens: { idx: number; body: Node[] }[] = [];
      let j = i + 1;
      let otherwise: Node[] | undefined;
      let errIdx = -1;
      for (;;) {
        const w = clauses[j];
        if (w === undefined) fail();
        if (w.k === 'when' && w.selectIdx === i) {
          const [b, k] = instruction(clauses, j + 1);
          const jc = clauses[k];
          if (jc === undefined || jc.k !== 'jump' || jc.what !== 'endwhen' || jc.to !== c.endIdx || w.nextIdx !== k + 1) fail();
          whens.push({ idx: j, body: [b] });
          j = k + 1;
          continue;
        }
        if (whens.length === 0) fail();
        if (w.k === 'otherwise' && w.selectIdx === i && c.otherwiseIdx === j) {
          otherwise = block(clauses, j + 1, c.endIdx);
          j = c.endIdx;
        } else if (w.k === 'error' && c.otherwiseIdx < 0 && j + 1 === c.endIdx) {
          errIdx = j; // no OTHERWISE: Error 7.3 when no WHEN was true
          j = c.endIdx;
        }
        break;
      }
      const end = clauses[j];
      if (j !== c.endIdx || end === undefined || end.k !== 'end' || !end.select || end.doIdx !== i) fail();
      return [{ k: 'select', idx: i, whens, otherwise, errIdx, endIdx: c.endIdx }, c.endIdx + 1];
    }
    default:
      if (!PLAIN.has(c.k)) fail();
      return [{ k: 'clause', idx: i }, i + 1];
  }
}
