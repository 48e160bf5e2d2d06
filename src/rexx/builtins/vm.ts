/**
 * REXX/VM (and Regina) extensions: INDEX LINESIZE USERID EXTERNALS.
 * FIND and JUSTIFY are with the word functions (word.ts), UPPER/LOWER with the
 * string functions.
 */
import type { BifContext, BifSpec, DirectArg, NumericSource } from './types.js';
import type { Args } from './args.js';
import { pos } from './string.js';
import { directIntBif } from './direct.js';

/** INDEX(haystack, needle [,start]) — POS with the first two arguments swapped (Regina reports errors as POS). */
function index(c: NumericSource, hay: string, needle: string, start: DirectArg): number {
  return pos(c, needle, hay, start);
}

function userid(_a: Args, c: BifContext): string {
  if (c.host.userid) return c.host.userid();
  const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
  return env?.USER ?? env?.LOGNAME ?? env?.USERNAME ?? '';
}

function linesize(_a: Args, c: BifContext): string {
  return String(c.host.linesize?.() ?? 80);
}

export const vmBifs: BifSpec[] = [
  directIntBif('INDEX', 2, 3, 0b100, index),
  { name: 'LINESIZE', min: 0, max: 0, fn: linesize },
  { name: 'USERID', min: 0, max: 0, fn: userid },
  { name: 'EXTERNALS', min: 0, max: 0, fn: () => '0' },
];
