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
import { fastParseProgram, loadSource, MAX_SOURCE, programOfScan, scanSource, scannedDirect } from './parser/fast-path.js';
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
 *
 * Not a Map: a loop building its strings makes a new string each time, never
 * met before, and a Map spends more on hashing and inserting it (V8 hashes a
 * fresh string in the runtime, and the generations grow and rehash) than the
 * fast path spends running it (bench b8). This table hashes the characters
 * in JS as the scanner loads them, and is two-way set-associative with a
 * fixed number of sets, so a stream of distinct strings costs no allocation
 * beyond the slot it takes.
 * Each slot counts (up to 3) the times its string is met again: a new string
 * takes the place of the older of its set's strings not met again since
 * they were stored, so a stream of strings met once passes through while the
 * strings used again and again stay (and a string met once has one other
 * string's time to be met again, or about that); when both are in use, the
 * new string is not kept. Each miss takes one from the counts of
 * its set, so a string no longer used makes way in the end (a clock, as in
 * page replacement).
 *
 * A slot holds the string's hash too, compared first; a string met once
 * (SEEN) is kept as its hash alone, not the string: holding every new
 * string of such a stream until it is evicted would carry each through a
 * young-generation collection or two. Two strings with the same 32-bit
 * hash can then be taken for each other as SEEN, which only makes the
 * second one parsed and compiled at first sight (the slower way, with the
 * same outcome).
 */
const SEEN = null;
type Entry = Interpreted | typeof SEEN;

const SETS = 512; // a power of two; two ways each: at most 1024 strings kept
/** the string of a slot holding a parse (undefined for SEEN), its entry (undefined: free) and hash */
const keys: (string | undefined)[] = new Array<string | undefined>(2 * SETS).fill(undefined);
const entries: (Entry | undefined)[] = new Array<Entry | undefined>(2 * SETS).fill(undefined);
const hashes = new Int32Array(2 * SETS);
const used = new Uint8Array(2 * SETS);

/**
 * A hash of s: the scanner's (which loads a short string for the scan that
 * follows a miss), else FNV-1a over its length and its first and last 64
 * characters.
 */
function hashOf(s: string): number {
  const n = s.length;
  if (n <= MAX_SOURCE) return loadSource(s);
  let h = Math.imul(2166136261 ^ n, 16777619);
  for (let i = 0; i < 64; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  for (let i = n - 64; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h ^ (h >>> 15);
}

/** The slot holding source (set by find), or the first slot of its set when it is not there. */
let slot = 0;
/** The hash of the source find was last called with. */
let hash = 0;
/** Whether find found source in `slot`. */
let found = false;
/** Alternates between the ways when neither was in use (store). */
let flip = 0;

/**
 * The entry of source, or undefined; leaves slot and found for store. A
 * slot holds source when its hash is source's and it holds it as SEEN (by
 * the hash alone) or as a parse of the same string. (One function, no
 * helper: V8 would optimise a small helper on its own as well.)
 */
function find(source: string): Entry | undefined {
  const h = (hash = hashOf(source));
  const s0 = (h & (SETS - 1)) << 1;
  for (let i = s0; i <= s0 + 1; i++) {
    if (hashes[i] !== h) continue;
    const e = entries[i];
    if (e === SEEN || (e !== undefined && keys[i] === source)) {
      slot = i;
      found = true;
      if (used[i]! < 3) used[i]++;
      return e;
    }
  }
  slot = s0;
  found = false;
  return undefined;
}

/**
 * Store e for the source find was last called with (and did not find, or
 * found SEEN). A miss takes one from the counts of its set (the clock's
 * hand passing). The new string goes first in its set, the one there moving
 * second, when the second is free or was not in use; else in place of the
 * first when that one was not in use; else it is not kept. When neither was
 * in use, every other new string takes the first's place instead (always
 * evicting the older, three strings met in turn would never stay).
 */
function store(source: string, e: Entry): void {
  let i = slot;
  if (!found) {
    const i1 = i + 1;
    const c0 = used[i]!;
    const c1 = used[i1]!;
    if (c0 !== 0) used[i] = c0 - 1;
    if (c1 !== 0) used[i1] = c1 - 1;
    if (entries[i1] === undefined || (c1 === 0 && (c0 !== 0 || (flip ^= 1) === 1))) {
      keys[i1] = keys[i];
      entries[i1] = entries[i];
      hashes[i1] = hashes[i]!;
      used[i1] = used[i]!;
    } else if (c0 !== 0) return;
    used[i] = 0;
  }
  keys[i] = e === SEEN ? undefined : source;
  entries[i] = e;
  hashes[i] = hash;
}

/** Parse source (unless prog is its program already), plan it and store it. */
function makeInterpreted(source: string, seenBefore: boolean, prog = parse(source, 'INTERPRET')): Interpreted {
  const plan = directPlan(prog);
  // met before (run from its scan then): compile it now
  if (plan && seenBefore) plan.runs = 1;
  const ip = { prog, plan };
  store(source, ip);
  return ip;
}

/** The parsed form of an INTERPRET string (parse errors are thrown, and not cached). */
export function getInterpreted(source: string): Interpreted {
  const ip = find(source);
  return ip != null ? ip : makeInterpreted(source, ip === SEEN);
}

/**
 * getInterpreted, except that a string of assignments and DO loops met for
 * the first time gives null and is left scanned for runScanned
 * (evaluator/interpret-direct.ts),
 * and another string the fast front end reads is not cached the first time.
 */
export function interpretedOrScanned(source: string): Interpreted | null {
  const ip = find(source);
  if (ip != null) return ip;
  if (ip === undefined) {
    // met for the first time: the scan tells which it is (and is not done twice)
    if (!scanSource(source)) return makeInterpreted(source, false, parseProgram(source, 'INTERPRET'));
    store(source, SEEN);
    // (a program of the fast front end, met once, is not kept: made again is cheaper than
    // kept alive, with its compiled clauses, while a stream of distinct strings passes)
    return scannedDirect() ? null : { prog: programOfScan(source, 'INTERPRET'), plan: null };
  }
  return makeInterpreted(source, true);
}

const programs = new Cache<Program>();

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
