/**
 * Custom Chevrotain matchers for the parts of REXX a regular expression cannot
 * lex (ANSI X3.274-1996 §6.2.1): nested comments, strings with doubled quotes and
 * their hex/binary forms, constant symbols with signed exponents (`1E+5`), and
 * the continuation comma (a comma followed only by blanks and comments up to the
 * end of the line, which counts as a blank).
 *
 * All state is local to one call: INTERPRET re-enters the lexer.
 */
import { rexxError, type RexxError } from '../errors.js';

export const SYMBOL_START_CHARS = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.!?_@#$',
];

/** Symbol characters (ANSI §6.2.1.1 plus the common extensions @ # $ ! ?). */
export function isSymbolChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2e || // .
    c === 0x21 || // !
    c === 0x3f || // ?
    c === 0x5f || // _
    c === 0x40 || // @
    c === 0x23 || // #
    c === 0x24 // $
  );
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function located(e: RexxError, text: string, offset: number): RexxError {
  e.line = lineOf(text, offset);
  return e;
}

function result(text: string, start: number, end: number, payload?: unknown): RegExpExecArray {
  const r = [text.slice(start, end)] as unknown as RegExpExecArray & { payload?: unknown };
  if (payload !== undefined) r.payload = payload;
  return r;
}

/** Index just past the comment that starts at `offset`, or -1 when it never ends. */
function skipComment(text: string, offset: number): number {
  let depth = 0;
  let i = offset;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2a /* * */) {
      depth++;
      i += 2;
    } else if (c === 0x2a && text.charCodeAt(i + 1) === 0x2f) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return -1;
}

export function matchComment(text: string, offset: number): RegExpExecArray | null {
  if (text.charCodeAt(offset) !== 0x2f || text.charCodeAt(offset + 1) !== 0x2a) return null;
  const end = skipComment(text, offset);
  if (end < 0) throw located(rexxError(6, 1), text, offset);
  return result(text, offset, end);
}

/** `,` + blanks/comments + end of line: the line continues (acts as one blank). */
export function matchContinuation(text: string, offset: number): RegExpExecArray | null {
  if (text.charCodeAt(offset) !== 0x2c) return null;
  let i = offset + 1;
  const n = text.length;
  for (;;) {
    if (i >= n) return null;
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) i++;
    else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const e = skipComment(text, i);
      if (e < 0) return null; // the comment matcher reports it
      i = e;
    } else if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) return result(text, offset, i + 2);
    else if (c === 0x0a) return result(text, offset, i + 1);
    else return null;
  }
}

export interface StringPayload {
  /** 'S' plain string, 'X' hex string, 'B' binary string */
  kind: 'S' | 'X' | 'B';
  /** The value: the characters between the quotes, or the converted bytes. */
  value: string;
}

export function matchString(text: string, offset: number): RegExpExecArray | null {
  const q = text.charCodeAt(offset);
  if (q !== 0x27 && q !== 0x22) return null;
  let i = offset + 1;
  const n = text.length;
  let value = '';
  let segStart = i;
  for (;;) {
    if (i >= n || text.charCodeAt(i) === 0x0a || (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a)) {
      throw located(rexxError(6, q === 0x27 ? 2 : 3), text, offset);
    }
    if (text.charCodeAt(i) === q) {
      value += text.slice(segStart, i);
      if (text.charCodeAt(i + 1) === q) {
        value += text[i];
        i += 2;
        segStart = i;
        continue;
      }
      i++;
      break;
    }
    i++;
  }
  // A radix suffix X or B counts only when no symbol character follows it.
  const s = text.charCodeAt(i);
  if ((s === 0x78 || s === 0x58 || s === 0x62 || s === 0x42) && !isSymbolChar(text.charCodeAt(i + 1))) {
    const hex = s === 0x78 || s === 0x58;
    try {
      const conv = hex ? hexToBytes(value) : binToBytes(value);
      return result(text, offset, i + 1, { kind: hex ? 'X' : 'B', value: conv } satisfies StringPayload);
    } catch (e) {
      throw located(e as RexxError, text, offset);
    }
  }
  return result(text, offset, i, { kind: 'S', value } satisfies StringPayload);
}

/**
 * Hex string contents to bytes (ANSI §6.2.1.2): blanks only at byte boundaries,
 * never first or last; an odd number of digits in the first group gets a
 * leading 0.
 */
export function hexToBytes(s: string): string {
  return radixToBytes(s, 4, 15);
}

export function binToBytes(s: string): string {
  return radixToBytes(s, 1, 15);
}

function radixToBytes(s: string, bitsPerDigit: 1 | 4, err: number): string {
  const hex = bitsPerDigit === 4;
  const groupSize = hex ? 2 : 8; // digits per byte
  const step = hex ? 2 : 4; // inner groups must be a multiple of this many digits
  if (s.length === 0) return '';
  // Validate characters and blank positions.
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === ' ' || c === '\t') {
      if (i === 0 || i === s.length - 1) throw rexxError(err, hex ? 1 : 2, i + 1);
      continue;
    }
    const ok = hex ? /[0-9a-fA-F]/.test(c) : c === '0' || c === '1';
    if (!ok) throw rexxError(err, hex ? 3 : 4, c);
  }
  const groups = s.split(/[ \t]+/);
  for (let g = 1; g < groups.length; g++) {
    if (groups[g]!.length % step !== 0) {
      // position of the blank before the offending group
      let pos = 0;
      for (let k = 0; k < g; k++) pos += groups[k]!.length + 1;
      throw rexxError(err, hex ? 1 : 2, pos);
    }
  }
  let digits = groups.join('');
  const pad = (groupSize - (digits.length % groupSize)) % groupSize;
  digits = '0'.repeat(pad) + digits;
  let out = '';
  for (let i = 0; i < digits.length; i += groupSize) {
    out += String.fromCharCode(parseInt(digits.slice(i, i + groupSize), hex ? 16 : 2));
  }
  return out;
}

/** The end of the run of symbol characters from `from`. */
function symbolEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSymbolChar(text.charCodeAt(i))) i++;
  return i;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Is text[from..to) a number's mantissa followed by E or e, that is
 * /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE]$/? Scanned without a regular expression
 * (compiling one costs more than lexing a small program: issue 7, start-up).
 */
function isExponentPrefix(text: string, from: number, to: number): boolean {
  const last = to - 1;
  const e = text.charCodeAt(last);
  if (last <= from || (e !== 0x45 && e !== 0x65)) return false;
  let i = from;
  while (i < last && isDigit(text.charCodeAt(i))) i++;
  const before = i - from;
  if (i < last && text.charCodeAt(i) === 0x2e) {
    const dot = ++i;
    while (i < last && isDigit(text.charCodeAt(i))) i++;
    return i === last && (before > 0 || i > dot);
  }
  return i === last && before > 0;
}

/** A symbol; a constant like `1E` directly followed by `+5` or `-5` takes the sign and digits too. */
export function matchSymbol(text: string, offset: number): RegExpExecArray | null {
  let end = symbolEnd(text, offset);
  if (end === offset) return null;
  const sign = text.charCodeAt(end);
  if ((sign === 0x2b || sign === 0x2d) && isExponentPrefix(text, offset, end)) {
    let j = end + 1;
    while (j < text.length && isDigit(text.charCodeAt(j))) j++;
    if (j > end + 1) end = symbolEnd(text, j);
  }
  return result(text, offset, end);
}
