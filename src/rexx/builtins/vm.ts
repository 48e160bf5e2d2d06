/**
 * REXX/VM (and Regina) extensions: INDEX LINESIZE USERID EXTERNALS.
 * FIND and JUSTIFY are with the word functions (word.ts), UPPER/LOWER with the
 * string functions.
 */
import type { BifContext, BifSpec } from './types.js';
import { str, wholePos, type Args } from './args.js';

/** INDEX(haystack, needle [,start]) — POS with the first two arguments swapped (Regina reports errors as POS). */
function index(a: Args, c: BifContext): string {
  const hay = str('INDEX', a, 1);
  const needle = str('INDEX', a, 2);
  const start = wholePos('POS', a, 3, c.numeric, 1);
  if (needle.length === 0 || start > hay.length) return '0';
  return String(hay.indexOf(needle, start - 1) + 1);
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
  { name: 'INDEX', min: 2, max: 3, fn: index },
  { name: 'LINESIZE', min: 0, max: 0, fn: linesize },
  { name: 'USERID', min: 0, max: 0, fn: userid },
  { name: 'EXTERNALS', min: 0, max: 0, fn: () => '0' },
];
