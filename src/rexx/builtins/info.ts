/**
 * Built-in functions that report on the program and its environment
 * (ANSI X3.274-1996 §9.4): ADDRESS ARG CONDITION DATATYPE ERRORTEXT QUEUED
 * SOURCELINE SYMBOL TRACE VALUE.
 */
import { rexxError } from '../errors.js';
import { messageTemplate } from '../catalogue.js';
import type { BifContext, BifSpec, NumericSource } from './types.js';
import { directBif } from './direct.js';
import {
  option,
  optionArg,
  str,
  wholeNonNeg,
  wholePos,
  wholeValue,
  type Args,
} from './args.js';
import { binDigits, hexDigits } from './conversion.js';
import { parseNumber } from '../arithmetic/number.js';
import { roundDigits } from '../arithmetic/round.js';
import { integerPart } from '../arithmetic/whole.js';

function address(a: Args, c: BifContext): string {
  const opt = option('ADDRESS', a, 1, 'EINO', 'N');
  switch (opt) {
    case 'I':
      return 'INPUT NORMAL';
    case 'O':
    case 'E':
      return 'REPLACE NORMAL';
    default:
      return c.interp.address();
  }
}

function arg(a: Args, c: BifContext): string {
  if (a[0] === undefined) {
    if (a[1] !== undefined) option('ARG', a, 2, 'ENO', 'N');
    return String(c.interp.argCount());
  }
  const n = wholePos('ARG', a, 1, c.numeric);
  if (a[1] === undefined) return c.interp.arg(n) ?? '';
  const opt = option('ARG', a, 2, 'ENO', 'N');
  const exists = n <= c.interp.argCount() && c.interp.arg(n) !== undefined;
  if (opt === 'E') return exists ? '1' : '0';
  if (opt === 'O') return exists ? '0' : '1';
  return c.interp.arg(n) ?? '';
}

function condition(a: Args, c: BifContext): string {
  const opt = option('CONDITION', a, 1, 'CEIDS', 'I');
  if (opt === 'E') return ''; // Regina's extra option (extra information): none
  return c.interp.condition(opt as 'C' | 'D' | 'I' | 'S');
}

// ---------------------------------------------------------------- DATATYPE

/** DATATYPE(x,'W'): a number whose value at the current DIGITS is an integer that fits in DIGITS digits. */
export function isWholeNumberAtDigits(s: string, digits: number): boolean {
  const d = parseNumber(s);
  return d !== undefined && integerPart(roundDigits(d, digits), digits) !== undefined;
}

function isSymbolChars(s: string): boolean {
  return /^[A-Za-z0-9.!?_@#$]+$/.test(s);
}

function datatypeCheck(s: string, type: string, c: NumericSource): boolean {
  switch (type) {
    case 'A':
      return /^[A-Za-z0-9]+$/.test(s);
    case 'B':
      return binDigits(s) !== undefined;
    case 'L':
      return /^[a-z]+$/.test(s);
    case 'M':
      return /^[A-Za-z]+$/.test(s);
    case 'N':
      return parseNumber(s) !== undefined;
    case 'S':
      return isSymbolChars(s);
    case 'U':
      return /^[A-Z]+$/.test(s);
    case 'W':
      return isWholeNumberAtDigits(s, c.numeric.digits);
    case 'X':
      return hexDigits(s) !== undefined;
  }
  return false;
}

function datatype(c: NumericSource, s: string, t0: string | undefined): string {
  if (t0 === undefined) return parseNumber(s) !== undefined ? 'NUM' : 'CHAR';
  const t = optionArg('DATATYPE', 2, t0, 'ABLMNSUWX', 'N');
  return datatypeCheck(s, t, c) ? '1' : '0';
}

// ---------------------------------------------------------------- ERRORTEXT

function errortext(a: Args, c: BifContext): string {
  const s = str('ERRORTEXT', a, 1);
  option('ERRORTEXT', a, 2, 'NS', 'N');
  const m = /^\s*(\d+)\.(\d+)\s*$/.exec(s);
  if (m) {
    return messageTemplate(Number(m[1]), Number(m[2]));
  }
  const dot = s.indexOf('.');
  if (dot >= 0 && parseNumber(s) === undefined) {
    // "40.x": report the bad part as Regina does
    const sub = s.slice(dot + 1);
    throw rexxError(40, 11, 'ERRORTEXT', 1, sub);
  }
  if (parseNumber(s) === undefined) throw rexxError(40, 11, 'ERRORTEXT', 1, s);
  const n = wholeNonNeg('ERRORTEXT', a, 1, c.numeric);
  return messageTemplate(n, 0);
}

// ---------------------------------------------------------------- SOURCELINE

function sourceline(a: Args, c: BifContext): string {
  const count = c.interp.sourceLineCount();
  if (a[0] === undefined) return String(count);
  const n = wholePos('SOURCELINE', a, 1, c.numeric);
  if (n > count) throw rexxError(40, 34, 'SOURCELINE', n, count);
  return c.interp.sourceLine(n);
}

// ---------------------------------------------------------------- SYMBOL / VALUE

function symbol(a: Args, c: BifContext): string {
  const s = str('SYMBOL', a, 1);
  if (!isSymbolChars(s)) return 'BAD';
  return c.interp.symbolState(s);
}

const POOLS = new Set(['ENVIRONMENT', 'SYSTEM', 'OS2ENVIRONMENT']);

function value(a: Args, c: BifContext): string {
  const name = str('VALUE', a, 1);
  if (a[2] !== undefined) {
    const pool = a[2];
    if (!POOLS.has(pool)) throw rexxError(40, 37, 'VALUE', pool);
    const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
    const old = (c.host.getEnv ? c.host.getEnv(name) : env?.[name]) ?? '';
    if (a[1] !== undefined) {
      if (c.host.setEnv) c.host.setEnv(name, a[1]);
      else if (env) env[name] = a[1];
    }
    return old;
  }
  if (!isSymbolChars(name)) throw rexxError(40, 26, 'VALUE', name);
  const old = c.interp.getVariable(name);
  if (a[1] !== undefined) {
    const first = name.charCodeAt(0);
    const constant = (first >= 0x30 && first <= 0x39) || first === 0x2e;
    if (!constant) c.interp.setVariable(name, a[1]);
  }
  return old;
}

// ---------------------------------------------------------------- TRACE

function trace(a: Args, c: BifContext): string {
  const old = c.interp.traceSetting();
  if (a[0] === undefined) return old;
  const s = a[0];
  if (s.length === 0) throw rexxError(40, 21, 'TRACE', 1);
  const rest = s.replace(/^\?+/, '');
  if (rest.length > 0 && wholeValue(rest, c.numeric) === undefined) {
    const ch = rest[0]!.toUpperCase();
    if (!'ACEFILNOR'.includes(ch)) throw rexxError(40, 28, 'TRACE', 1, 'ACEFILNOR', s);
  }
  c.interp.setTrace(s);
  return old;
}

export const infoBifs: BifSpec[] = [
  { name: 'ADDRESS', min: 0, max: 1, fn: address },
  { name: 'ARG', min: 0, max: 2, fn: arg },
  { name: 'CONDITION', min: 0, max: 1, fn: condition },
  directBif('DATATYPE', 1, 2, 0, datatype),
  { name: 'ERRORTEXT', min: 1, max: 2, fn: errortext },
  { name: 'QUEUED', min: 0, max: 0, fn: (_a, c) => String(c.host.queue.length) },
  { name: 'SOURCELINE', min: 0, max: 1, fn: sourceline },
  { name: 'SYMBOL', min: 1, max: 1, fn: symbol },
  { name: 'TRACE', min: 0, max: 1, fn: trace },
  { name: 'VALUE', min: 1, max: 3, fn: value },
];

