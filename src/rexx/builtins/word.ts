/**
 * Word built-in functions (ANSI X3.274-1996 §9.4): DELWORD SPACE SUBWORD WORD
 * WORDINDEX WORDLENGTH WORDPOS WORDS, and the REXX/VM ones FIND and JUSTIFY.
 *
 * Words are separated by white space. Like Regina, the word functions treat
 * HT, LF, VT, FF and CR as white space as well as the blank (implementation-
 * defined in the standard); SPACE and JUSTIFY (as in Regina) split on blanks only.
 */
import type { BifContext, BifSpec } from './types.js';
import { pad, str, wholeNonNeg, wholePos, type Args } from './args.js';
import { padTo, repeat } from './string.js';

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
 * Two strings are kept, so that a loop working on a text and on a part of
 * it (`part = subword(text, ...)`, then `delword(part, ...)`) keeps both.
 * cachedStarts[k] / cachedEnds[k] are the offsets of word k+1 of
 * cachedString, the most recent one. Strings shorter than INDEX_MIN are
 * scanned instead (cheap, and they would evict a long one).
 */
const INDEX_MIN = 64;
let cachedString: string | undefined;
let cachedStarts: number[] = [];
let cachedEnds: number[] = [];
let olderString: string | undefined;
let olderStarts: number[] = [];
let olderEnds: number[] = [];

function indexWords(s: string): void {
  if (s === cachedString) return;
  let starts: number[];
  let ends: number[];
  if (s === olderString) {
    starts = olderStarts;
    ends = olderEnds;
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
  olderString = cachedString;
  olderStarts = cachedStarts;
  olderEnds = cachedEnds;
  cachedString = s;
  cachedStarts = starts;
  cachedEnds = ends;
}

/** Number of words of s (white space as the word functions count it). */
export function wordCount(s: string): number {
  if (s.length >= INDEX_MIN) {
    indexWords(s);
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
    indexWords(s);
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

function delword(a: Args, c: BifContext): string {
  const s = str('DELWORD', a, 1);
  const n = wholePos('DELWORD', a, 2, c.numeric);
  const hasLen = a[2] !== undefined;
  const len = wholeNonNeg('DELWORD', a, 3, c.numeric, 0);
  const start = wordStart(s, n);
  if (start < 0) return s;
  if (!hasLen) return s.slice(0, start);
  if (len === 0) return s;
  const next = wordStart(s, n + len);
  return next < 0 ? s.slice(0, start) : s.slice(0, start) + s.slice(next);
}

function space(a: Args, c: BifContext): string {
  const s = str('SPACE', a, 1);
  const n = wholeNonNeg('SPACE', a, 2, c.numeric, 1);
  const p = pad('SPACE', a, 3);
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

function subword(a: Args, c: BifContext): string {
  const s = str('SUBWORD', a, 1);
  const n = wholePos('SUBWORD', a, 2, c.numeric);
  const hasLen = a[2] !== undefined;
  const len = wholeNonNeg('SUBWORD', a, 3, c.numeric, 0);
  const start = wordStart(s, n);
  if (start < 0 || (hasLen && len === 0)) return '';
  if (!hasLen) return restFrom(s, start);
  if (wordStart(s, n + len - 1) < 0) return restFrom(s, start);
  return s.slice(start, foundEnd);
}

function word(a: Args, c: BifContext): string {
  const s = str('WORD', a, 1);
  const n = wholePos('WORD', a, 2, c.numeric);
  const start = wordStart(s, n);
  return start < 0 ? '' : s.slice(start, foundEnd);
}

function wordindex(a: Args, c: BifContext): string {
  const s = str('WORDINDEX', a, 1);
  const n = wholePos('WORDINDEX', a, 2, c.numeric);
  return String(wordStart(s, n) + 1);
}

function wordlength(a: Args, c: BifContext): string {
  const s = str('WORDLENGTH', a, 1);
  const n = wholePos('WORDLENGTH', a, 2, c.numeric);
  const start = wordStart(s, n);
  return start < 0 ? '0' : String(foundEnd - start);
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

function wordpos(a: Args, c: BifContext): string {
  const phrase = str('WORDPOS', a, 1);
  const s = str('WORDPOS', a, 2);
  const start = wholePos('WORDPOS', a, 3, c.numeric, 1);
  return String(phrasePos(phrase, s, start));
}

function words(a: Args): string {
  return String(wordCount(str('WORDS', a, 1)));
}

/** FIND(string, phrase [,start]) — REXX/VM; WORDPOS with the arguments swapped. */
function find(a: Args, c: BifContext): string {
  const s = str('FIND', a, 1);
  const phrase = str('FIND', a, 2);
  const start = wholePos('FIND', a, 3, c.numeric, 1);
  return String(phrasePos(phrase, s, start));
}

/**
 * JUSTIFY(string, length [,pad]) — REXX/VM. The blank-delimited words are spread
 * over `length` characters, the first word at the left edge and the last at the
 * right; gaps are filled with pad. Extra blanks go to a block of gaps in the
 * middle (as Regina does). A too-long result is truncated on the right.
 */
function justify(a: Args, c: BifContext): string {
  const s = str('JUSTIFY', a, 1);
  const len = wholeNonNeg('JUSTIFY', a, 2, c.numeric);
  const p = pad('JUSTIFY', a, 3);
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

export const wordBifs: BifSpec[] = [
  { name: 'DELWORD', min: 2, max: 3, fn: delword },
  { name: 'SPACE', min: 1, max: 3, fn: space },
  { name: 'SUBWORD', min: 2, max: 3, fn: subword },
  { name: 'WORD', min: 2, max: 2, fn: word },
  { name: 'WORDINDEX', min: 2, max: 2, fn: wordindex },
  { name: 'WORDLENGTH', min: 2, max: 2, fn: wordlength },
  { name: 'WORDPOS', min: 2, max: 3, fn: wordpos },
  { name: 'WORDS', min: 1, max: 1, fn: words },
  { name: 'FIND', min: 2, max: 3, fn: find },
  { name: 'JUSTIFY', min: 2, max: 3, fn: justify },
];
