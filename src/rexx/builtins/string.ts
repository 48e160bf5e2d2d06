/**
 * String built-in functions (ANSI X3.274-1996 §9.4 "Built-in functions"; TRL2 §4):
 * ABBREV CENTER CENTRE CHANGESTR COMPARE COPIES COUNTSTR DELSTR INSERT LASTPOS LEFT
 * LENGTH OVERLAY POS REVERSE RIGHT STRIP SUBSTR TRANSLATE VERIFY XRANGE,
 * and Regina's UPPER / LOWER (string [,start [,length [,pad]]]).
 *
 * Strings are byte strings (char codes 0..255); upper/lower case is ASCII only.
 */
import { rexxError } from '../errors.js';
import type { BifContext, BifSpec } from './types.js';
import { option, optStr, pad, str, wholeNonNeg, wholePos, type Args } from './args.js';

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

function abbrev(a: Args, c: BifContext): string {
  const info = str('ABBREV', a, 1);
  const ab = str('ABBREV', a, 2);
  const len = wholeNonNeg('ABBREV', a, 3, c.numeric, ab.length);
  if (ab.length < len) return '0';
  return info.startsWith(ab) ? '1' : '0';
}

function center(name: string) {
  return (a: Args, c: BifContext): string => {
    const s = str(name, a, 1);
    const len = wholeNonNeg(name, a, 2, c.numeric);
    const p = pad(name, a, 3);
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

function changestr(a: Args): string {
  const needle = str('CHANGESTR', a, 1);
  const hay = str('CHANGESTR', a, 2);
  const rep = str('CHANGESTR', a, 3);
  if (needle.length === 0) return hay;
  return hay.split(needle).join(rep);
}

function compare(a: Args): string {
  const s1 = str('COMPARE', a, 1);
  const s2 = str('COMPARE', a, 2);
  const p = pad('COMPARE', a, 3);
  const n = Math.max(s1.length, s2.length);
  for (let i = 0; i < n; i++) {
    const c1 = i < s1.length ? s1[i] : p;
    const c2 = i < s2.length ? s2[i] : p;
    if (c1 !== c2) return String(i + 1);
  }
  return '0';
}

function copies(a: Args, c: BifContext): string {
  const s = str('COPIES', a, 1);
  const n = wholeNonNeg('COPIES', a, 2, c.numeric);
  return repeat(s, n);
}

function countstr(a: Args): string {
  const needle = str('COUNTSTR', a, 1);
  const hay = str('COUNTSTR', a, 2);
  if (needle.length === 0) return '0';
  let n = 0;
  let i = hay.indexOf(needle);
  while (i >= 0) {
    n++;
    i = hay.indexOf(needle, i + needle.length);
  }
  return String(n);
}

function delstr(a: Args, c: BifContext): string {
  const s = str('DELSTR', a, 1);
  const n = wholePos('DELSTR', a, 2, c.numeric);
  const hasLen = a[2] !== undefined;
  const len = wholeNonNeg('DELSTR', a, 3, c.numeric, 0);
  if (n > s.length) return s;
  if (!hasLen) return s.slice(0, n - 1);
  return s.slice(0, n - 1) + s.slice(n - 1 + len);
}

function insert(a: Args, c: BifContext): string {
  const nw = str('INSERT', a, 1);
  const target = str('INSERT', a, 2);
  const n = wholeNonNeg('INSERT', a, 3, c.numeric, 0);
  const len = wholeNonNeg('INSERT', a, 4, c.numeric, nw.length);
  const p = pad('INSERT', a, 5);
  const head = padTo(target, n, p);
  return head.slice(0, n) + padTo(nw, len, p) + target.slice(n);
}

function lastpos(a: Args, c: BifContext): string {
  const needle = str('LASTPOS', a, 1);
  const hay = str('LASTPOS', a, 2);
  const start = wholePos('LASTPOS', a, 3, c.numeric, hay.length);
  if (needle.length === 0) return '0';
  const from = Math.min(start, hay.length) - needle.length;
  if (from < 0) return '0';
  return String(hay.lastIndexOf(needle, from) + 1);
}

function left(a: Args, c: BifContext): string {
  const s = str('LEFT', a, 1);
  const len = wholeNonNeg('LEFT', a, 2, c.numeric);
  const p = pad('LEFT', a, 3);
  return padTo(s, len, p);
}

function right(a: Args, c: BifContext): string {
  const s = str('RIGHT', a, 1);
  const len = wholeNonNeg('RIGHT', a, 2, c.numeric);
  const p = pad('RIGHT', a, 3);
  if (s.length >= len) return s.slice(s.length - len);
  return repeat(p, len - s.length) + s;
}

function overlay(a: Args, c: BifContext): string {
  const nw = str('OVERLAY', a, 1);
  const target = str('OVERLAY', a, 2);
  const n = wholePos('OVERLAY', a, 3, c.numeric, 1);
  const len = wholeNonNeg('OVERLAY', a, 4, c.numeric, nw.length);
  const p = pad('OVERLAY', a, 5);
  return padTo(target, n - 1, p) + padTo(nw, len, p) + target.slice(n - 1 + len);
}

function pos(a: Args, c: BifContext): string {
  const needle = str('POS', a, 1);
  const hay = str('POS', a, 2);
  const start = wholePos('POS', a, 3, c.numeric, 1);
  if (needle.length === 0 || start > hay.length) return '0';
  return String(hay.indexOf(needle, start - 1) + 1);
}

function reverse(a: Args): string {
  const s = str('REVERSE', a, 1);
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

function strip(a: Args): string {
  const s = str('STRIP', a, 1);
  const opt = option('STRIP', a, 2, 'LTB', 'B');
  const ch = pad('STRIP', a, 3);
  let b = 0;
  let e = s.length;
  if (opt !== 'T') while (b < e && s[b] === ch) b++;
  if (opt !== 'L') while (e > b && s[e - 1] === ch) e--;
  return s.slice(b, e);
}

function substr(a: Args, c: BifContext): string {
  const s = str('SUBSTR', a, 1);
  const n = wholePos('SUBSTR', a, 2, c.numeric);
  const hasLen = a[2] !== undefined;
  const len = wholeNonNeg('SUBSTR', a, 3, c.numeric, 0);
  const p = pad('SUBSTR', a, 4);
  if (!hasLen) return n > s.length ? '' : s.slice(n - 1);
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

function translate(a: Args): string {
  const s = str('TRANSLATE', a, 1);
  if (a[1] === undefined && a[2] === undefined) {
    pad('TRANSLATE', a, 4);
    return asciiUpper(s);
  }
  const tout = optStr(a, 2, '');
  const tin = a[2] === undefined ? xrangeAll() : a[2];
  const p = pad('TRANSLATE', a, 4);
  const map = translationTable(tout, tin, p);
  // unchanged characters are copied in runs, not one by one
  let out = '';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const m = map[s.charCodeAt(i)];
    if (m !== undefined) {
      out += s.slice(run, i) + m;
      run = i + 1;
    }
  }
  return run === 0 ? s : out + s.slice(run);
}

function verify(a: Args, c: BifContext): string {
  const s = str('VERIFY', a, 1);
  const ref = str('VERIFY', a, 2);
  const opt = option('VERIFY', a, 3, 'MN', 'N');
  const start = wholePos('VERIFY', a, 4, c.numeric, 1);
  if (start > s.length) return '0';
  const set = new Set<number>();
  for (let i = 0; i < ref.length; i++) set.add(ref.charCodeAt(i));
  const match = opt === 'M';
  for (let i = start - 1; i < s.length; i++) {
    if (set.has(s.charCodeAt(i)) === match) return String(i + 1);
  }
  return '0';
}

function xrange(a: Args): string {
  const sc = pad('XRANGE', a, 1, '\x00').charCodeAt(0);
  const ec = pad('XRANGE', a, 2, '\xff').charCodeAt(0);
  const all = xrangeAll();
  if (sc <= ec) return all.slice(sc, ec + 1);
  return all.slice(sc) + all.slice(0, ec + 1);
}

function caseRange(name: string, conv: (s: string) => string) {
  return (a: Args, c: BifContext): string => {
    const s = str(name, a, 1);
    if (a[1] === undefined && a[2] === undefined && a[3] === undefined) return conv(s);
    const start = wholePos(name, a, 2, c.numeric, 1);
    const hasLen = a[2] !== undefined;
    const p = pad(name, a, 4);
    const len = hasLen ? wholeNonNeg(name, a, 3, c.numeric) : Math.max(0, s.length - start + 1);
    // as Regina: the range is converted, then the result is padded to `length`
    const out = s.slice(0, start - 1) + conv(s.slice(start - 1, start - 1 + len)) + s.slice(start - 1 + len);
    return out.length < len ? padTo(out, len, p) : out;
  };
}

function length(a: Args): string {
  return String(str('LENGTH', a, 1).length);
}

export const stringBifs: BifSpec[] = [
  { name: 'ABBREV', min: 2, max: 3, fn: abbrev },
  { name: 'CENTER', min: 2, max: 3, fn: center('CENTER') },
  { name: 'CENTRE', min: 2, max: 3, fn: center('CENTRE') },
  { name: 'CHANGESTR', min: 3, max: 3, fn: changestr },
  { name: 'COMPARE', min: 2, max: 3, fn: compare },
  { name: 'COPIES', min: 2, max: 2, fn: copies },
  { name: 'COUNTSTR', min: 2, max: 2, fn: countstr },
  { name: 'DELSTR', min: 2, max: 3, fn: delstr },
  { name: 'INSERT', min: 2, max: 5, fn: insert },
  { name: 'LASTPOS', min: 2, max: 3, fn: lastpos },
  { name: 'LEFT', min: 2, max: 3, fn: left },
  { name: 'LENGTH', min: 1, max: 1, fn: length },
  { name: 'OVERLAY', min: 2, max: 5, fn: overlay },
  { name: 'POS', min: 2, max: 3, fn: pos },
  { name: 'REVERSE', min: 1, max: 1, fn: reverse },
  { name: 'RIGHT', min: 2, max: 3, fn: right },
  { name: 'STRIP', min: 1, max: 3, fn: strip },
  { name: 'SUBSTR', min: 2, max: 4, fn: substr },
  { name: 'TRANSLATE', min: 1, max: 4, fn: translate },
  { name: 'VERIFY', min: 2, max: 4, fn: verify },
  { name: 'XRANGE', min: 0, max: 2, fn: xrange },
  { name: 'UPPER', min: 1, max: 4, fn: caseRange('UPPER', asciiUpper) },
  { name: 'LOWER', min: 1, max: 4, fn: caseRange('LOWER', asciiLower) },
];
