/**
 * String built-in functions (ANSI X3.274-1996 §9.4 "Built-in functions"; TRL2 §4):
 * ABBREV CENTER CENTRE CHANGESTR COMPARE COPIES COUNTSTR DELSTR INSERT LASTPOS LEFT
 * LENGTH OVERLAY POS REVERSE RIGHT STRIP SUBSTR TRANSLATE VERIFY XRANGE,
 * and Regina's UPPER / LOWER (string [,start [,length [,pad]]]).
 *
 * Strings are byte strings (char codes 0..255); upper/lower case is ASCII only.
 */
import { rexxError } from '../errors.js';
import type { BifSpec, DirectArg, NumericSource } from './types.js';
import { optionArg, padArg, wholeNonNegArg, wholePosArg } from './args.js';
import { directBif, directIntBif } from './direct.js';
import { reversed, translated } from './string-build.js';

/** a string argument (undefined: omitted) */
type Str = string | undefined;

/** s padded with c (or truncated) to exactly n characters. */
export function padTo(s: string, n: number, c: string): string {
  if (s.length >= n) return s.slice(0, n);
  return s + repeat(c, n - s.length);
}

export function repeat(s: string, n: number): string {
  if (n <= 0 || s.length === 0) return '';
  try {
    return s.repeat(n);
  } catch {
    throw rexxError(5, 1, 'string too long');
  }
}

export function asciiUpper(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) {
      changed = true;
      break;
    }
  }
  if (!changed) return s;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0x61 && c <= 0x7a ? String.fromCharCode(c - 32) : s[i];
  }
  return out;
}

export function asciiLower(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

function abbrev(c: NumericSource, info: string, ab: string, len0: DirectArg): string {
  const len = wholeNonNegArg('ABBREV', 3, len0, c, ab.length);
  if (ab.length < len) return '0';
  return info.startsWith(ab) ? '1' : '0';
}

function center(name: string) {
  return (c: NumericSource, s: string, len0: DirectArg, p0: Str): string => {
    const len = wholeNonNegArg(name, 2, len0, c);
    const p = padArg(name, 3, p0);
    if (len === s.length) return s;
    if (len > s.length) {
      const extra = len - s.length;
      const left = Math.floor(extra / 2);
      return repeat(p, left) + s + repeat(p, extra - left);
    }
    const drop = s.length - len;
    const left = Math.floor(drop / 2);
    return s.slice(left, left + len);
  };
}

function changestr(_c: NumericSource, needle: string, hay: string, rep: string): string {
  if (needle.length === 0) return hay;
  return hay.split(needle).join(rep);
}

function compare(_c: NumericSource, s1: string, s2: string, p0: Str): number {
  const p = padArg('COMPARE', 3, p0);
  const n = Math.max(s1.length, s2.length);
  for (let i = 0; i < n; i++) {
    const c1 = i < s1.length ? s1[i] : p;
    const c2 = i < s2.length ? s2[i] : p;
    if (c1 !== c2) return i + 1;
  }
  return 0;
}

function copies(c: NumericSource, s: string, n0: DirectArg): string {
  const n = wholeNonNegArg('COPIES', 2, n0, c);
  return repeat(s, n);
}

function countstr(_c: NumericSource, needle: string, hay: string): number {
  if (needle.length === 0) return 0;
  let n = 0;
  let i = hay.indexOf(needle);
  while (i >= 0) {
    n++;
    i = hay.indexOf(needle, i + needle.length);
  }
  return n;
}

function delstr(c: NumericSource, s: string, n0: DirectArg, len0: DirectArg): string {
  const n = wholePosArg('DELSTR', 2, n0, c);
  const len = wholeNonNegArg('DELSTR', 3, len0, c, 0);
  if (n > s.length) return s;
  if (len0 === undefined) return s.slice(0, n - 1);
  return s.slice(0, n - 1) + s.slice(n - 1 + len);
}

/**
 * INSERT and OVERLAY: new, padded or cut to length, put into target after
 * its first n characters (INSERT), or over its characters from n on
 * (OVERLAY); target padded first when it is shorter.
 */
function putInto(name: 'INSERT' | 'OVERLAY') {
  const over = name === 'OVERLAY';
  return (c: NumericSource, nw: string, target: string, n0: DirectArg, len0: DirectArg, p0: Str): string => {
    const at = over ? wholePosArg(name, 3, n0, c, 1) - 1 : wholeNonNegArg(name, 3, n0, c, 0);
    const len = wholeNonNegArg(name, 4, len0, c, nw.length);
    const p = padArg(name, 5, p0);
    return padTo(target, at, p) + padTo(nw, len, p) + target.slice(over ? at + len : at);
  };
}

function lastpos(c: NumericSource, needle: string, hay: string, start0: DirectArg): number {
  const start = wholePosArg('LASTPOS', 3, start0, c, hay.length);
  if (needle.length === 0) return 0;
  const from = Math.min(start, hay.length) - needle.length;
  if (from < 0) return 0;
  return hay.lastIndexOf(needle, from) + 1;
}

function left(c: NumericSource, s: string, len0: DirectArg, p0: Str): string {
  const len = wholeNonNegArg('LEFT', 2, len0, c);
  const p = padArg('LEFT', 3, p0);
  return padTo(s, len, p);
}

function right(c: NumericSource, s: string, len0: DirectArg, p0: Str): string {
  const len = wholeNonNegArg('RIGHT', 2, len0, c);
  const p = padArg('RIGHT', 3, p0);
  if (s.length >= len) return s.slice(s.length - len);
  return repeat(p, len - s.length) + s;
}

export function pos(c: NumericSource, needle: string, hay: string, start0: DirectArg): number {
  const start = wholePosArg('POS', 3, start0, c, 1);
  if (needle.length === 0 || start > hay.length) return 0;
  return hay.indexOf(needle, start - 1) + 1;
}

function reverse(_c: NumericSource, s: string): string {
  return reversed(s);
}

function strip(_c: NumericSource, s: string, opt0: Str, ch0: Str): string {
  const opt = optionArg('STRIP', 2, opt0, 'LTB', 'B');
  const ch = padArg('STRIP', 3, ch0);
  let b = 0;
  let e = s.length;
  if (opt !== 'T') while (b < e && s[b] === ch) b++;
  if (opt !== 'L') while (e > b && s[e - 1] === ch) e--;
  return s.slice(b, e);
}

function substr(c: NumericSource, s: string, n0: DirectArg, len0: DirectArg, p0: Str): string {
  const n = wholePosArg('SUBSTR', 2, n0, c);
  const len = wholeNonNegArg('SUBSTR', 3, len0, c, 0);
  const p = padArg('SUBSTR', 4, p0);
  if (len0 === undefined) return n > s.length ? '' : s.slice(n - 1);
  if (n - 1 + len <= s.length) return s.slice(n - 1, n - 1 + len);
  return padTo(n > s.length ? '' : s.slice(n - 1), len, p);
}

let FULL_XRANGE: string | undefined;
export function xrangeAll(): string {
  if (FULL_XRANGE === undefined) {
    let s = '';
    for (let i = 0; i < 256; i++) s += String.fromCharCode(i);
    FULL_XRANGE = s;
  }
  return FULL_XRANGE;
}

/**
 * The translation table of the last TRANSLATE with tables: table[c] is what
 * character code c becomes (undefined: unchanged). Loops call TRANSLATE with
 * the same literal tables over and over, so the table is built once.
 */
let lastTout: string | undefined;
let lastTin: string | undefined;
let lastPad = '';
let lastTable: (string | undefined)[] = [];

function translationTable(tout: string, tin: string, p: string): (string | undefined)[] {
  if (tout === lastTout && tin === lastTin && p === lastPad) return lastTable;
  // the first occurrence in tablei wins
  const map: (string | undefined)[] = new Array(256).fill(undefined);
  for (let i = 0; i < tin.length; i++) {
    const code = tin.charCodeAt(i);
    if (map[code] === undefined) map[code] = i < tout.length ? tout[i] : p;
  }
  lastTout = tout;
  lastTin = tin;
  lastPad = p;
  lastTable = map;
  return map;
}

function translate(_c: NumericSource, s: string, tout0: Str, tin0: Str, p0: Str): string {
  if (tout0 === undefined && tin0 === undefined) {
    padArg('TRANSLATE', 4, p0);
    return asciiUpper(s);
  }
  const tout = tout0 ?? '';
  const tin = tin0 ?? xrangeAll();
  const p = padArg('TRANSLATE', 4, p0);
  return translated(s, translationTable(tout, tin, p));
}

function verify(c: NumericSource, s: string, ref: string, opt0: Str, start0: DirectArg): number {
  const opt = optionArg('VERIFY', 3, opt0, 'MN', 'N');
  const start = wholePosArg('VERIFY', 4, start0, c, 1);
  if (start > s.length) return 0;
  const set = new Set<number>();
  for (let i = 0; i < ref.length; i++) set.add(ref.charCodeAt(i));
  const match = opt === 'M';
  for (let i = start - 1; i < s.length; i++) {
    if (set.has(s.charCodeAt(i)) === match) return i + 1;
  }
  return 0;
}

function xrange(_c: NumericSource, s0: Str, e0: Str): string {
  const sc = padArg('XRANGE', 1, s0, '\x00').charCodeAt(0);
  const ec = padArg('XRANGE', 2, e0, '\xff').charCodeAt(0);
  const all = xrangeAll();
  if (sc <= ec) return all.slice(sc, ec + 1);
  return all.slice(sc) + all.slice(0, ec + 1);
}

function caseRange(name: string, conv: (s: string) => string) {
  return (c: NumericSource, s: string, start0: DirectArg, len0: DirectArg, p0: Str): string => {
    if (start0 === undefined && len0 === undefined && p0 === undefined) return conv(s);
    const start = wholePosArg(name, 2, start0, c, 1);
    const hasLen = len0 !== undefined;
    const p = padArg(name, 4, p0);
    const len = hasLen ? wholeNonNegArg(name, 3, len0, c) : Math.max(0, s.length - start + 1);
    // as Regina: the range is converted, then the result is padded to `length`
    const out = s.slice(0, start - 1) + conv(s.slice(start - 1, start - 1 + len)) + s.slice(start - 1 + len);
    return out.length < len ? padTo(out, len, p) : out;
  };
}

function length(_c: NumericSource, s: string): number {
  return s.length;
}

// (bit i of the fourth number: parameter i+1 is a whole number: direct.ts)
export const stringBifs: BifSpec[] = [
  directBif('ABBREV', 2, 3, 0b100, abbrev),
  directBif('CENTER', 2, 3, 0b10, center('CENTER')),
  directBif('CENTRE', 2, 3, 0b10, center('CENTRE')),
  directBif('CHANGESTR', 3, 3, 0, changestr),
  directIntBif('COMPARE', 2, 3, 0, compare),
  directBif('COPIES', 2, 2, 0b10, copies),
  directIntBif('COUNTSTR', 2, 2, 0, countstr),
  directBif('DELSTR', 2, 3, 0b110, delstr),
  directBif('INSERT', 2, 5, 0b1100, putInto('INSERT')),
  directIntBif('LASTPOS', 2, 3, 0b100, lastpos),
  directBif('LEFT', 2, 3, 0b10, left),
  directIntBif('LENGTH', 1, 1, 0, length),
  directBif('OVERLAY', 2, 5, 0b1100, putInto('OVERLAY')),
  directIntBif('POS', 2, 3, 0b100, pos),
  directBif('REVERSE', 1, 1, 0, reverse),
  directBif('RIGHT', 2, 3, 0b10, right),
  directBif('STRIP', 1, 3, 0, strip),
  directBif('SUBSTR', 2, 4, 0b110, substr),
  directBif('TRANSLATE', 1, 4, 0, translate),
  directIntBif('VERIFY', 2, 4, 0b1000, verify),
  directBif('XRANGE', 0, 2, 0, xrange),
  directBif('UPPER', 1, 4, 0b110, caseRange('UPPER', asciiUpper)),
  directBif('LOWER', 1, 4, 0b110, caseRange('LOWER', asciiLower)),
];
