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
import { fastParseProgram } from './parser/fast-path.js';

const GENERATION = 256;

class ProgramCache {
  private young = new Map<string, Program>();
  private old = new Map<string, Program>();

  get(key: string, source: string, name: string): Program {
    let p = this.young.get(key);
    if (p) return p;
    p = this.old.get(key);
    if (!p) p = fastParseProgram(source, name) ?? parseProgram(source, name);
    if (this.young.size >= GENERATION) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, p);
    return p;
  }
}

/** INTERPRET strings, keyed by the source alone (no key string to build) */
const interpreted = new ProgramCache();
const programs = new ProgramCache();

export function getProgram(source: string, name: string): Program {
  if (name === 'INTERPRET') return interpreted.get(source, source, name);
  return programs.get(name + '\u0000' + source, source, name);
}
