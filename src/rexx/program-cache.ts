/**
 * Parse once, cache by source (STYLE.md §10): EXECs run again and INTERPRET
 * strings evaluated in loops skip lexing and parsing. The cache is bounded so
 * a program that INTERPRETs millions of distinct strings does not grow
 * without limit.
 *
 * Two generations: entries go into `young`; when it is full it becomes `old`
 * (the previous old one is dropped whole) and a hit in `old` moves the entry
 * back to `young`, so strings used again and again stay cached while a stream
 * of distinct ones passes through. (Deleting the oldest Map entry one at a
 * time would be quadratic in V8: deleted entries stay until a rehash and
 * keys() walks over them.)
 */
import type { Program } from './ast.js';
import { parseProgram } from './parser/program.js';
import { fastParseProgram, scanSource, scannedAssignmentsOnly } from './parser/fast-path.js';
import { directPlan, type DirectPlan } from './evaluator/interpret-direct.js';

const GENERATION = 256;

class Cache<T> {
  private young = new Map<string, T>();
  private old = new Map<string, T>();

  /** The entry of key, or undefined (an entry found in `old` moves back to `young`). */
  find(key: string): T | undefined {
    const p = this.young.get(key);
    if (p !== undefined) return p;
    const q = this.old.get(key);
    if (q !== undefined) this.put(key, q);
    return q;
  }

  put(key: string, p: T): void {
    if (this.young.size >= GENERATION) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, p);
  }
}

function parse(source: string, name: string): Program {
  return fastParseProgram(source, name) ?? parseProgram(source, name);
}

/** A parsed INTERPRET string, and its plan when it is only assignments (evaluator/interpret-direct.ts). */
export interface Interpreted {
  prog: Program;
  plan: DirectPlan | null;
}

/**
 * INTERPRET strings, keyed by the source alone (no key string to build).
 * SEEN marks a string of assignments met once and run from its scan without
 * a tree (interpretedOrScanned): most strings built in a loop are never
 * met again, and those that are get their tree the second time.
 */
const SEEN = null;
const interpreted = new Cache<Interpreted | typeof SEEN>();
const programs = new Cache<Program>();

function makeInterpreted(source: string, seenBefore: boolean): Interpreted {
  const prog = parse(source, 'INTERPRET');
  const plan = directPlan(prog);
  // met before (run from its scan then): compile it now
  if (plan && seenBefore) plan.runs = 1;
  const ip = { prog, plan };
  interpreted.put(source, ip);
  return ip;
}

/** The parsed form of an INTERPRET string (parse errors are thrown, and not cached). */
export function getInterpreted(source: string): Interpreted {
  const ip = interpreted.find(source);
  return ip != null ? ip : makeInterpreted(source, ip === SEEN);
}

/**
 * getInterpreted, except that a string of assignments met for the first time
 * gives null and is left scanned for runScanned (evaluator/interpret-direct.ts).
 */
export function interpretedOrScanned(source: string): Interpreted | null {
  const ip = interpreted.find(source);
  if (ip != null) return ip;
  if (ip === undefined && scanSource(source) && scannedAssignmentsOnly()) {
    interpreted.put(source, SEEN);
    return null;
  }
  return makeInterpreted(source, ip === SEEN);
}

export function getProgram(source: string, name: string): Program {
  if (name === 'INTERPRET') return getInterpreted(source).prog;
  const key = name + '\u0000' + source;
  let p = programs.find(key);
  if (p === undefined) {
    p = parse(source, name);
    programs.put(key, p);
  }
  return p;
}
