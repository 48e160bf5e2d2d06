/**
 * Parse once, cache by source (STYLE.md §10): EXECs run again and INTERPRET
 * strings evaluated in loops skip lexing and parsing. The cache is bounded so
 * a program that INTERPRETs millions of distinct strings does not grow
 * without limit.
 */
import type { Program } from './ast.js';
import { parseProgram } from './parser/program.js';

const MAX_ENTRIES = 5000;
const cache = new Map<string, Program>();

export function getProgram(source: string, name: string): Program {
  const key = name === 'INTERPRET' ? '\u0000' + source : name + '\u0000' + source;
  let p = cache.get(key);
  if (p) return p;
  p = parseProgram(source, name);
  // Dropping the oldest entry one at a time is quadratic in V8 (deleted Map
  // entries stay in place until a rehash and keys() walks over them), so a
  // full cache is simply emptied.
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, p);
  return p;
}
