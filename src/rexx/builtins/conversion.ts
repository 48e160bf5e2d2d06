/**
 * Conversion built-in functions (ANSI X3.274-1996 §9.4): B2X C2D C2X D2C D2X X2B
 * X2C X2D, plus Regina's B2C and C2B.
 *
 * Hexadecimal and binary strings may contain blanks between groups as in hex and
 * binary literals: no leading or trailing blank, and every group after the first
 * has an even number of hex digits (a multiple of four binary digits).
 * Large values are exact (BigInt), as Regina gives them.
 */
import { rexxError } from '../errors.js';
import type { BifSpec, DirectArg, NumericSource } from './types.js';
import { smallWhole, wholeNonNegArg } from './args.js';
import { parseNumber } from '../arithmetic/number.js';
import { integerPart } from '../arithmetic/whole.js';
import { directBif } from './direct.js';

/** a string argument (undefined: omitted) */

const HEX = '0123456789ABCDEF';

/** Validate a hex string with optional blanks at byte boundaries; returns the digits or undefined. */
export function hexDigits(s: string): string | undefined {
  if (s.length === 0) return '';
  if (s[0] === ' ' || s[s.length - 1] === ' ') return undefined;
  if (!/^[0-9a-fA-F ]*$/.test(s)) return undefined;
  const groups = s.split(/ +/);
  for (let i = 1; i < groups.length; i++) if (groups[i]!.length % 2 !== 0) return undefined;
  return groups.join('');
}

/** Validate a binary string with optional blanks between groups of four; returns the digits or undefined. */
export function binDigits(s: string): string | undefined {
  if (s.length === 0) return '';
  if (s[0] === ' ' || s[s.length - 1] === ' ') return undefined;
  if (!/^[01 ]*$/.test(s)) return undefined;
  const groups = s.split(/ +/);
  for (let i = 1; i < groups.length; i++) if (groups[i]!.length % 4 !== 0) return undefined;
  return groups.join('');
}

function hexArg(name: string, s: string, lenient = false): string {
  // X2B (as Regina) accepts blanks between any two digits: each digit is four bits anyway
  const h = lenient && /^[0-9a-fA-F]+( +[0-9a-fA-F]+)*$/.test(s) ? s.replace(/ +/g, '') : hexDigits(s);
  if (h === undefined) throw rexxError(40, 25, name, s);
  return h;
}

function binArg(name: string, s: string): string {
  const b = binDigits(s);
  if (b === undefined) throw rexxError(40, 24, name, s);
  return b;
}

export function c2xString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) & 0xff;
    out += HEX[c >> 4]! + HEX[c & 15]!;
  }
  return out;
}

/** Hex digits (any case, any length) to a byte string, padding on the left with 0. */
export function hexToBytes(h: string): string {
  if (h.length % 2) h = '0' + h;
  let out = '';
  for (let i = 0; i < h.length; i += 2) out += String.fromCharCode(parseInt(h.slice(i, i + 2), 16));
  return out;
}

function bitsToHex(b: string): string {
  const pad = (4 - (b.length % 4)) % 4;
  b = '0'.repeat(pad) + b;
  let out = '';
  for (let i = 0; i < b.length; i += 4) out += HEX[parseInt(b.slice(i, i + 4), 2)]!;
  return out;
}

function hexToBits(h: string): string {
  let out = '';
  for (const ch of h) out += parseInt(ch, 16).toString(2).padStart(4, '0');
  return out;
}

/** An exact whole number argument as a BigInt (40.12 when it is not one). */
function bigWhole(name: string, arg: string | number, n: number): bigint {
  const s = String(arg);
  const d = parseNumber(s);
  // exact, unrounded; at most 100000 zeros written after the digits
  const ip = d === undefined ? undefined : integerPart(d, d.c.length + 100000);
  if (ip === undefined) throw rexxError(40, 12, name, n, s);
  const v = BigInt(ip);
  return d!.neg ? -v : v;
}

/** Two's complement of v in `bits` bits (v may be negative), as a non-negative BigInt. */
function twos(v: bigint, bits: number): bigint {
  const m = 1n << BigInt(bits);
  return ((v % m) + m) % m;
}

function bytesToBig(s: string): bigint {
  if (s.length === 0) return 0n;
  return BigInt('0x' + c2xString(s));
}

function c2d(c: NumericSource, s: string, n0: DirectArg): string {
  if (n0 === undefined) return bytesToBig(s).toString();
  const n = wholeNonNegArg('C2D', 2, n0, c);
  if (n === 0) return '0';
  const t = s.length >= n ? s.slice(s.length - n) : '\0'.repeat(n - s.length) + s;
  const u = bytesToBig(t);
  const bits = BigInt(n * 8);
  const neg = (u >> (bits - 1n)) & 1n;
  return (neg ? u - (1n << bits) : u).toString();
}

function x2d(c: NumericSource, h0: string, n0: DirectArg): string {
  const h = hexArg('X2D', h0);
  if (n0 === undefined) return h.length ? BigInt('0x' + h).toString() : '0';
  const n = wholeNonNegArg('X2D', 2, n0, c);
  if (n === 0) return '0';
  const t = h.length >= n ? h.slice(h.length - n) : '0'.repeat(n - h.length) + h;
  const u = BigInt('0x' + t);
  const bits = BigInt(n * 4);
  const neg = (u >> (bits - 1n)) & 1n;
  return (neg ? u - (1n << bits) : u).toString();
}

/**
 * The low n hex digits of v (0 <= v < 2**32), or all its digits (at least
 * one) when n < 0; digits are made by shifting, which is much cheaper than
 * Number.prototype.toString(16) and toUpperCase.
 */
function lowHexDigits(v: number, n: number): string {
  let out = '';
  if (n < 0) {
    do {
      out = HEX[v & 15]! + out;
      v >>>= 4;
    } while (v > 0);
    return out;
  }
  const k = Math.min(n, 8); // v has at most 8 hex digits
  for (let i = 0; i < k; i++) {
    out = HEX[v & 15]! + out;
    v >>>= 4;
  }
  return n > 8 ? '0'.repeat(n - 8) + out : out;
}

function d2x(c: NumericSource, v0: string | number, n0: DirectArg): string {
  const small = smallWhole(v0);
  if (small >= 0) {
    // 1 to 9 plain digits: below 2**32, no BigInt needed
    if (n0 === undefined) return lowHexDigits(small, -1);
    // the low n hex digits (two's complement of a non-negative number)
    return lowHexDigits(small, wholeNonNegArg('D2X', 2, n0, c));
  }
  const v = bigWhole('D2X', v0, 1);
  if (n0 === undefined) {
    if (v < 0n) throw rexxError(40, 13, 'D2X', 1, String(v0));
    return v.toString(16).toUpperCase();
  }
  const n = wholeNonNegArg('D2X', 2, n0, c);
  if (n === 0) return '';
  const u = twos(v, n * 4);
  return u.toString(16).toUpperCase().padStart(n, v < 0n ? 'F' : '0');
}

function d2c(c: NumericSource, v0: string | number, n0: DirectArg): string {
  const v = bigWhole('D2C', v0, 1);
  if (n0 === undefined) {
    if (v < 0n) throw rexxError(40, 13, 'D2C', 1, String(v0));
    return hexToBytes(v.toString(16));
  }
  const n = wholeNonNegArg('D2C', 2, n0, c);
  if (n === 0) return '';
  const u = twos(v, n * 8);
  return hexToBytes(u.toString(16).padStart(n * 2, '0'));
}

// (bit i of the fourth number: parameter i+1 is a whole number: direct.ts)
export const conversionBifs: BifSpec[] = [
  directBif('B2X', 1, 1, 0, (_c, s: string) => bitsToHex(binArg('B2X', s))),
  directBif('C2D', 1, 2, 0b10, c2d),
  directBif('C2X', 1, 1, 0, (_c, s: string) => c2xString(s)),
  directBif('D2C', 1, 2, 0b11, d2c),
  directBif('D2X', 1, 2, 0b11, d2x),
  directBif('X2B', 1, 1, 0, (_c, s: string) => hexToBits(hexArg('X2B', s, true))),
  directBif('X2C', 1, 1, 0, (_c, s: string) => hexToBytes(hexArg('X2C', s))),
  directBif('X2D', 1, 2, 0b10, x2d),
  // Regina extensions
  directBif('B2C', 1, 1, 0, (_c, s: string) => hexToBytes(bitsToHex(binArg('B2C', s)))),
  directBif('C2B', 1, 1, 0, (_c, s: string) => hexToBits(c2xString(s))),
];
