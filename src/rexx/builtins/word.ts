/**
 * Word built-in functions (ANSI X3.274-1996 §9.4): DELWORD SPACE SUBWORD WORD
 * WORDINDEX WORDLENGTH WORDPOS WORDS, and the REXX/VM ones FIND and JUSTIFY.
 *
 * Words are separated by white space. Like Regina, the word functions treat
 * HT, LF, VT, FF and CR as white space as well as the blank (implementation-
 * defined in the standard); SPACE and JUSTIFY (as in Regina) split on blanks only.
 */
import type { BifSpec, DirectArg, NumericSource } from './types.js';
import { padArg, wholeNonNegArg, wholePosArg } from './args.js';
import { directBif, directIntBif } from './direct.js';
import { padTo, repeat } from './string.js';

/** a string argument (undefined: omitted) */
type Str = string | undefined;

function isWs(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** [start, end) offsets of every word of s. */
export function wordSpans(s: string, blankOnly = false): [number, number][] {
  const out: [number, number][] = [];
  const n = s.length;
  let i = 0;
  const ws = blankOnly ? (c: number) => c === 0x20 : isWs;
  while (i < n) {
    while (i < n && ws(s.charCodeAt(i))) i++;
    if (i >= n) break;
    const b = i;
    while (i < n && !ws(s.charCodeAt(i))) i++;
    out.push([b, i]);
  }
  return out;
}

/** The words of s. */
export function wordsOf(s: string, blankOnly = false): string[] {
  return wordSpans(s, blankOnly).map(([b, e]) => s.slice(b, e));
}

/**
 * Word boundaries of the last strings asked about: loops such as
 * `do j = 1 to words(line); ... word(line, j)` ask about the same string again
 * and again, which would otherwise rescan it from the start every time.
 * CACHE_SIZE strings are kept, the most recently used first, so that a loop
 * working on a text and on strings made from it (`part = subword(text, ...)`,
 * `translate(part, ...)`, `words(delword(part, ...))`) still finds the text's
 * index when it comes back to it. After indexWords(s), cachedStarts[k] /
 * cachedEnds[k] are the offsets of word k+1 of s. Strings shorter than
 * INDEX_MIN are scanned instead (cheap, and they would evict a long one).
 */
const INDEX_MIN = 64;
const CACHE_SIZE = 4;
const cacheStrings: (string | undefined)[] = new Array<string | undefined>(CACHE_SIZE).fill(undefined);
const cacheStarts: number[][] = Array.from({ length: CACHE_SIZE }, () => []);
const cacheEnds: number[][] = Array.from({ length: CACHE_SIZE }, () => []);
let cachedStarts: number[] = [];
let cachedEnds: number[] = [];

function indexWords(s: string): void {
  if (s === cacheStrings[0]) return;
  // found further down (or evicted from the end): it moves to the front
  let k = 1;
  while (k < CACHE_SIZE - 1 && s !== cacheStrings[k]) k++;
  let starts: number[];
  let ends: number[];
  if (s === cacheStrings[k]) {
    starts = cacheStarts[k]!;
    ends = cacheEnds[k]!;
  } else {
    starts = [];
    ends = [];
    const len = s.length;
    let i = 0;
    while (i < len) {
      while (i < len && isWs(s.charCodeAt(i))) i++;
      if (i >= len) break;
      starts.push(i);
      while (i < len && !isWs(s.charCodeAt(i))) i++;
      ends.push(i);
    }
  }
  for (let j = k; j > 0; j--) {
    cacheStrings[j] = cacheStrings[j - 1];
    cacheStarts[j] = cacheStarts[j - 1]!;
    cacheEnds[j] = cacheEnds[j - 1]!;
  }
  cacheStrings[0] = s;
  cacheStarts[0] = cachedStarts = starts;
  cacheEnds[0] = cachedEnds = ends;
}

/** Number of words of s (white space as the word functions count it). */
export function wordCount(s: string): number {
  if (s.length >= INDEX_MIN) {
    if (s !== cacheStrings[0]) indexWords(s); // (the last string again: no call)
    return cachedStarts.length;
  }
  let n = 0;
  let i = 0;
  const len = s.length;
  while (i < len) {
    while (i < len && isWs(s.charCodeAt(i))) i++;
    if (i >= len) break;
    n++;
    while (i < len && !isWs(s.charCodeAt(i))) i++;
  }
  return n;
}

/** End offset of the word wordStart last found (a second result, to spare an allocation). */
let foundEnd = 0;

/** Start offset of word n (1-based) of s, or -1; its end is left in foundEnd. */
function wordStart(s: string, n: number): number {
  if (s.length >= INDEX_MIN) {
    if (s !== cacheStrings[0]) indexWords(s); // (the last string again: no call)
    if (n > cachedStarts.length) return -1;
    foundEnd = cachedEnds[n - 1]!;
    return cachedStarts[n - 1]!;
  }
  const len = s.length;
  let i = 0;
  let k = 0;
  while (i < len) {
    while (i < len && isWs(s.charCodeAt(i))) i++;
    if (i >= len) return -1;
    const b = i;
    while (i < len && !isWs(s.charCodeAt(i))) i++;
    if (++k === n) {
      foundEnd = i;
      return b;
    }
  }
  return -1;
}

/** s without trailing white space from offset `start` on. */
function restFrom(s: string, start: number): string {
  let e = s.length;
  while (e > start && isWs(s.charCodeAt(e - 1))) e--;
  return s.slice(start, e);
}

function delword(c: NumericSource, s: string, n0: DirectArg, len0: DirectArg): string {
  const n = wholePosArg('DELWORD', 2, n0, c);
  const hasLen = len0 !== undefined;
  const len = wholeNonNegArg('DELWORD', 3, len0, c, 0);
  const start = wordStart(s, n);
  if (start < 0) return s;
  if (!hasLen) return s.slice(0, start);
  if (len === 0) return s;
  const next = wordStart(s, n + len);
  return next < 0 ? s.slice(0, start) : s.slice(0, start) + s.slice(next);
}

function space(c: NumericSource, s: string, n0: DirectArg, p0: Str): string {
  const n = wholeNonNegArg('SPACE', 2, n0, c, 1);
  const p = padArg('SPACE', 3, p0);
  // already spaced with single blanks (the commonest call, SPACE(s), on a
  // string it has spaced before): itself, found by a fast search instead of
  // the scan below
  const last = s.length - 1;
  if (n === 1 && p === ' ' && (last < 0 || (s.charCodeAt(0) !== 0x20 && s.charCodeAt(last) !== 0x20 && !s.includes('  ')))) return s;
  const sep = repeat(p, n);
  // The blank-delimited words joined by sep, in one pass. Words whose gap in
  // s already is sep (n blanks, when the pad is a blank) stay together in
  // one segment of s, cut out once: a string already spaced so comes back
  // as one slice (itself when nothing is stripped either), not as a chain
  // of concatenations that the next use of it must flatten.
  const keepGap = p === ' ' ? n : -1;
  let out = '';
  let segStart = -1; // the segment of s being collected: [segStart, segEnd)
  let segEnd = 0;
  const len = s.length;
  let i = 0;
  while (i < len) {
    while (i < len && s.charCodeAt(i) === 0x20) i++;
    if (i >= len) break;
    const b = i;
    while (i < len && s.charCodeAt(i) !== 0x20) i++;
    if (segStart < 0) segStart = b;
    else if (b - segEnd !== keepGap) {
      out = out + s.slice(segStart, segEnd) + sep;
      segStart = b;
    }
    segEnd = i;
  }
  return segStart < 0 ? '' : out + s.slice(segStart, segEnd);
}

function subword(c: NumericSource, s: string, n0: DirectArg, len0: DirectArg): string {
  const n = wholePosArg('SUBWORD', 2, n0, c);
  const hasLen = len0 !== undefined;
  const len = wholeNonNegArg('SUBWORD', 3, len0, c, 0);
  const start = wordStart(s, n);
  if (start < 0 || (hasLen && len === 0)) return '';
  if (!hasLen) return restFrom(s, start);
  if (wordStart(s, n + len - 1) < 0) return restFrom(s, start);
  return s.slice(start, foundEnd);
}

function word(c: NumericSource, s: string, n0: DirectArg): string {
  const n = wholePosArg('WORD', 2, n0, c);
  const start = wordStart(s, n);
  return start < 0 ? '' : s.slice(start, foundEnd);
}

function wordindex(c: NumericSource, s: string, n0: DirectArg): number {
  const n = wholePosArg('WORDINDEX', 2, n0, c);
  return wordStart(s, n) + 1;
}

function wordlength(c: NumericSource, s: string, n0: DirectArg): number {
  const n = wholePosArg('WORDLENGTH', 2, n0, c);
  const start = wordStart(s, n);
  return start < 0 ? 0 : foundEnd - start;
}

/**
 * Word number in `hay` (from word `from`) where the words of `phrase` occur,
 * or 0. The hay's words are compared in place (through the word index), not
 * cut out; candidates for the first word are found with indexOf.
 */
function phrasePos(phrase: string, hay: string, from: number): number {
  const p = wordsOf(phrase);
  if (p.length === 0) return 0;
  indexWords(hay);
  const starts = cachedStarts;
  const ends = cachedEnds;
  const count = starts.length;
  if (from - 1 + p.length > count) return 0;
  const first = p[0]!;
  let at = hay.indexOf(first, starts[from - 1]!);
  while (at >= 0) {
    const i = wordAt(starts, at);
    if (i >= 0 && i + p.length <= count && ends[i]! - at === first.length && restMatches(hay, p, starts, ends, i)) return i + 1;
    at = hay.indexOf(first, at + 1);
  }
  return 0;
}

/** Index of the word starting at offset `at` (starts is ascending), or -1. */
function wordAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const st = starts[mid]!;
    if (st === at) return mid;
    if (st < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Whether words 2.. of the phrase p are the hay's words i+1.. */
function restMatches(hay: string, p: string[], starts: number[], ends: number[], i: number): boolean {
  for (let j = 1; j < p.length; j++) {
    const w = p[j]!;
    const b = starts[i + j]!;
    if (ends[i + j]! - b !== w.length || !hay.startsWith(w, b)) return false;
  }
  return true;
}

function wordpos(c: NumericSource, phrase: string, s: string, start0: DirectArg): number {
  const start = wholePosArg('WORDPOS', 3, start0, c, 1);
  return phrasePos(phrase, s, start);
}

function words(_c: NumericSource, s: string): number {
  return wordCount(s);
}

/** FIND(string, phrase [,start]) — REXX/VM; WORDPOS with the arguments swapped. */
function find(c: NumericSource, s: string, phrase: string, start0: DirectArg): number {
  const start = wholePosArg('FIND', 3, start0, c, 1);
  return phrasePos(phrase, s, start);
}

/**
 * JUSTIFY(string, length [,pad]) — REXX/VM. The blank-delimited words are spread
 * over `length` characters, the first word at the left edge and the last at the
 * right; gaps are filled with pad. Extra blanks go to a block of gaps in the
 * middle (as Regina does). A too-long result is truncated on the right.
 */
function justify(c: NumericSource, s: string, len0: DirectArg, p0: Str): string {
  const len = wholeNonNegArg('JUSTIFY', 2, len0, c);
  const p = padArg('JUSTIFY', 3, p0);
  const w = wordsOf(s, true);
  if (w.length === 0) return repeat(p, len);
  let chars = 0;
  for (const x of w) chars += x.length;
  const gaps = w.length - 1;
  if (gaps === 0 || chars + gaps >= len) return padTo(w.join(p), len, p);
  const blanks = len - chars;
  const base = Math.floor(blanks / gaps);
  const r = blanks % gaps;
  const first = Math.floor((gaps - r) / 2) + 1; // 1-based first gap with an extra pad
  let out = w[0]!;
  for (let i = 1; i <= gaps; i++) {
    const extra = i >= first && i < first + r ? 1 : 0;
    out += repeat(p, base + extra) + w[i]!;
  }
  return out;
}

// (bit i of the fourth number: parameter i+1 is a whole number: direct.ts)
export const wordBifs: BifSpec[] = [
  directBif('DELWORD', 2, 3, 0b110, delword),
  directBif('SPACE', 1, 3, 0b10, space),
  directBif('SUBWORD', 2, 3, 0b110, subword),
  directBif('WORD', 2, 2, 0b10, word),
  directIntBif('WORDINDEX', 2, 2, 0b10, wordindex),
  directIntBif('WORDLENGTH', 2, 2, 0b10, wordlength),
  directIntBif('WORDPOS', 2, 3, 0b100, wordpos),
  directIntBif('WORDS', 1, 1, 0, words),
  directIntBif('FIND', 2, 3, 0b100, find),
  directBif('JUSTIFY', 2, 3, 0b10, justify),
];
