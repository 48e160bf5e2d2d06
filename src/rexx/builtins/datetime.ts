/**
 * DATE and TIME (ANSI X3.274-1996 §9.4; the option letters Regina 3.6 accepts;
 * the separator arguments 4 and 5 of DATE as in REXX/VM and Object REXX).
 *
 *   DATE([out [,date [,in [,outsep [,insep]]]]])
 *     out: B C D E I M N O S T U W       in: B D E I N O S T U
 *   TIME([out [,time [,in]]])
 *     out: C E H J L M N O R S T         in: C H L M N S T
 *
 * The clock is ctx.host.now() (injectable), read once per clause when the
 * interpreter provides clauseId(). Local time of the host is used. The
 * elapsed-time clock of TIME('E'/'R') lives in the per-routine state (inherited
 * by called routines, as the standard says).
 */
import { rexxError } from '../errors.js';
import type { BifContext, BifSpec } from './types.js';
import { option, type Args } from './args.js';
import { clauseNow, routineMap } from './state.js';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Days since 0001-01-01 (proleptic Gregorian), the base date of DATE('B'). */
export function baseDays(y: number, m: number, d: number): number {
  const yy = y - 1;
  let n = yy * 365 + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400);
  for (let i = 1; i < m; i++) n += daysInMonth(y, i);
  return n + d - 1;
}

/** Inverse of baseDays. */
export function fromBaseDays(b: number): { y: number; m: number; d: number } {
  // 400-year cycles have 146097 days
  let y = 1 + 400 * Math.floor(b / 146097);
  let r = b % 146097;
  for (;;) {
    const len = isLeap(y) ? 366 : 365;
    if (r < len) break;
    r -= len;
    y++;
  }
  let m = 1;
  for (;;) {
    const dm = daysInMonth(y, m);
    if (r < dm) break;
    r -= dm;
    m++;
  }
  return { y, m, d: r + 1 };
}

function p2(n: number): string {
  return String(n).padStart(2, '0');
}

function p4(n: number): string {
  return String(n).padStart(4, '0');
}

interface DateValue {
  y: number;
  m: number;
  d: number;
  /** seconds since midnight (for 'T'), 0 when converted from a date */
  secs: number;
}

const DATE_OUT = 'BDEMNOSUWCIT';
const DATE_IN = 'BDENOSUIT';

function nowDate(now: Date): DateValue {
  return {
    y: now.getFullYear(),
    m: now.getMonth() + 1,
    d: now.getDate(),
    secs: now.getHours() * 3600 + now.getMinutes() * 60 + now.getSeconds(),
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Two-digit year to a full year from 49 years before to 50 years after the current year (as Regina). */
function fullYear(yy: number, now: Date): number {
  const cur = now.getFullYear();
  let y = Math.floor(cur / 100) * 100 + yy;
  if (y < cur - 49) y += 100;
  else if (y > cur + 50) y -= 100;
  return y;
}

function parseDate(s: string, fmt: string, sep: string | undefined, now: Date): DateValue | 'range' | undefined {
  const bad = undefined;
  const valid = (y: number, m: number, d: number): DateValue | undefined =>
    y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? { y, m, d, secs: 0 } : bad;
  const sepRe = (dflt: string): string => escapeRe(sep ?? dflt);
  let m: RegExpExecArray | null;
  switch (fmt) {
    case 'B': {
      if (!/^\d+$/.test(s)) return bad;
      const b = Number(s);
      if (b > baseDays(9999, 12, 31)) return 'range';
      return { ...fromBaseDays(b), secs: 0 };
    }
    case 'D': {
      if (!/^\d{1,3}$/.test(s)) return bad;
      const n = Number(s);
      const y = now.getFullYear();
      if (n < 1 || n > (isLeap(y) ? 366 : 365)) return bad;
      return { ...fromBaseDays(baseDays(y, 1, 1) + n - 1), secs: 0 };
    }
    case 'E':
    case 'O':
    case 'U': {
      const r = sepRe('/');
      m = new RegExp(`^(\\d\\d)${r}(\\d\\d)${r}(\\d\\d)$`).exec(s);
      if (!m) return bad;
      const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (fmt === 'E') return valid(fullYear(c, now), b, a);
      if (fmt === 'O') return valid(fullYear(a, now), b, c);
      return valid(fullYear(c, now), a, b);
    }
    case 'N': {
      const r = sepRe(' ');
      m = new RegExp(`^(\\d{1,2})${r}([A-Z][a-z][a-z])${r}(\\d{4})$`).exec(s);
      if (!m) return bad;
      const mon = MONTHS.findIndex((x) => x.slice(0, 3) === m![2]);
      if (mon < 0) return bad;
      return valid(Number(m[3]), mon + 1, Number(m[1]));
    }
    case 'S': {
      const r = sepRe('');
      m = new RegExp(`^(\\d{4})${r}(\\d\\d)${r}(\\d\\d)$`).exec(s);
      if (!m) return bad;
      return valid(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    case 'I': {
      const r = sepRe('-');
      m = new RegExp(`^(\\d{4})${r}(\\d\\d)${r}(\\d\\d)$`).exec(s);
      if (!m) return bad;
      return valid(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    case 'T': {
      if (!/^[+-]?\d+$/.test(s)) return bad;
      const t = Number(s);
      const local = new Date(t * 1000);
      if (Number.isNaN(local.getTime())) return 'range';
      const v = nowDate(local);
      if (v.y < 1 || v.y > 9999) return 'range';
      return v;
    }
  }
  return bad;
}

function formatDate(v: DateValue, fmt: string, sep: string | undefined): string {
  const b = baseDays(v.y, v.m, v.d);
  const s = (dflt: string): string => sep ?? dflt;
  switch (fmt) {
    case 'B':
      return String(b);
    case 'C':
      return String(b - baseDays(Math.floor(v.y / 100) * 100 || 1, 1, 1) + 1);
    case 'D':
      return String(b - baseDays(v.y, 1, 1) + 1);
    case 'E':
      return p2(v.d) + s('/') + p2(v.m) + s('/') + p2(v.y % 100);
    case 'I':
      return p4(v.y) + s('-') + p2(v.m) + s('-') + p2(v.d);
    case 'M':
      return MONTHS[v.m - 1]!;
    case 'N':
      return String(v.d) + s(' ') + MONTHS[v.m - 1]!.slice(0, 3) + s(' ') + p4(v.y);
    case 'O':
      return p2(v.y % 100) + s('/') + p2(v.m) + s('/') + p2(v.d);
    case 'S':
      return p4(v.y) + s('') + p2(v.m) + s('') + p2(v.d);
    case 'T': {
      // seconds since 1970-01-01 00:00:00 local time (the host clock's zone)
      const d = new Date(2000, 0, 1, 0, 0, 0);
      d.setFullYear(v.y, v.m - 1, v.d);
      return String(Math.floor(d.getTime() / 1000) + v.secs);
    }
    case 'U':
      return p2(v.m) + s('/') + p2(v.d) + s('/') + p2(v.y % 100);
    case 'W':
      return DAYS[(b + 1) % 7]!; // 0001-01-01 was a Monday
  }
  return '';
}

function sepArg(a: Args, n: number): string | undefined {
  const v = a[n - 1];
  if (v === undefined) return undefined;
  if (v.length > 1) throw rexxError(40, 23, 'DATE', n, v);
  return v;
}

function date(a: Args, c: BifContext): string {
  const out = option('DATE', a, 1, DATE_OUT, 'N');
  const inFmt = option('DATE', a, 3, DATE_IN, 'N');
  const osep = sepArg(a, 4);
  const isep = sepArg(a, 5);
  const now = clauseNow(c);
  let v: DateValue;
  if (a[1] === undefined) {
    v = nowDate(now);
    if (out === 'T') return String(Math.floor(now.getTime() / 1000));
  } else {
    const p = parseDate(a[1], inFmt, isep, now);
    if (p === 'range') throw rexxError(40, 18, 'DATE');
    if (p === undefined) throw rexxError(40, 19, 'DATE', a[1], a[2] === undefined ? 'N' : inFmt);
    v = p;
  }
  return formatDate(v, out, osep);
}

// ---------------------------------------------------------------- TIME

const TIME_OUT = 'CEHLMNORSJT';
const TIME_IN = 'CHLMNST';

interface TimeValue {
  h: number;
  m: number;
  s: number;
  us: number;
  /** the Date the time belongs to (for 'T') */
  base: Date;
}

function parseTime(s: string, fmt: string, now: Date): TimeValue | undefined {
  let m: RegExpExecArray | null;
  const mk = (h: number, mi: number, se: number, us = 0): TimeValue | undefined =>
    h < 24 && mi < 60 && se < 60 ? { h, m: mi, s: se, us, base: now } : undefined;
  switch (fmt) {
    case 'C':
      m = /^(\d{1,2}):(\d\d)(am|pm)$/.exec(s);
      if (!m) return undefined;
      {
        const h = Number(m[1]);
        if (h < 1 || h > 12) return undefined;
        return mk((h % 12) + (m[3] === 'pm' ? 12 : 0), Number(m[2]), 0);
      }
    case 'H':
      if (!/^\d{1,2}$/.test(s)) return undefined;
      return mk(Number(s), 0, 0);
    case 'M': {
      if (!/^\d{1,4}$/.test(s)) return undefined;
      const n = Number(s);
      if (n >= 1440) return undefined;
      return mk(Math.floor(n / 60), n % 60, 0);
    }
    case 'S': {
      if (!/^\d{1,5}$/.test(s)) return undefined;
      const n = Number(s);
      if (n >= 86400) return undefined;
      return mk(Math.floor(n / 3600), Math.floor(n / 60) % 60, n % 60);
    }
    case 'N':
      m = /^(\d\d):(\d\d):(\d\d)$/.exec(s);
      if (!m) return undefined;
      return mk(Number(m[1]), Number(m[2]), Number(m[3]));
    case 'L':
      m = /^(\d\d):(\d\d):(\d\d)\.(\d{6})$/.exec(s);
      if (!m) return undefined;
      return mk(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]));
    case 'T': {
      if (!/^[+-]?\d+$/.test(s)) return undefined;
      const d = new Date(Number(s) * 1000);
      if (Number.isNaN(d.getTime())) return undefined;
      return { h: d.getHours(), m: d.getMinutes(), s: d.getSeconds(), us: 0, base: d };
    }
  }
  return undefined;
}

/** Seconds.microseconds as TIME('E') shows them: no leading zero ('.072933'). */
function elapsedText(ms: number): string {
  const us = Math.max(0, Math.round(ms * 1000));
  const secs = Math.floor(us / 1e6);
  const frac = String(us % 1e6).padStart(6, '0');
  return (secs === 0 ? '' : String(secs)) + '.' + frac;
}

function time(a: Args, c: BifContext): string {
  const out = option('TIME', a, 1, TIME_OUT, 'N');
  const inFmt = option('TIME', a, 3, TIME_IN, 'N');
  const now = clauseNow(c);
  if (out === 'E' || out === 'R') {
    if (a[1] !== undefined) throw rexxError(40, 29, 'TIME', out);
    const st = routineMap(c);
    const start = st.get('TIME.E') as number | undefined;
    const t = now.getTime();
    if (out === 'R' || start === undefined) st.set('TIME.E', t);
    if (start === undefined) return '0';
    return elapsedText(t - start);
  }
  if (out === 'O') {
    return String(-now.getTimezoneOffset() * 60 * 1000000);
  }
  if (out === 'J') {
    const proc = (globalThis as { process?: { cpuUsage(): { user: number; system: number } } }).process;
    if (!proc) return '0';
    const u = proc.cpuUsage();
    return elapsedText((u.user + u.system) / 1000).replace(/^\./, '0.');
  }
  let v: TimeValue;
  if (a[1] === undefined) {
    v = { h: now.getHours(), m: now.getMinutes(), s: now.getSeconds(), us: now.getMilliseconds() * 1000, base: now };
    if (out === 'T') return String(Math.floor(now.getTime() / 1000));
  } else {
    const p = parseTime(a[1], inFmt, now);
    if (p === undefined) throw rexxError(40, 19, 'TIME', a[1], a[2] === undefined ? 'N' : inFmt);
    v = p;
  }
  switch (out) {
    case 'C': {
      const h12 = v.h % 12 === 0 ? 12 : v.h % 12;
      return `${h12}:${p2(v.m)}${v.h < 12 ? 'am' : 'pm'}`;
    }
    case 'H':
      return String(v.h);
    case 'L':
      return `${p2(v.h)}:${p2(v.m)}:${p2(v.s)}.${String(v.us).padStart(6, '0')}`;
    case 'M':
      return String(v.h * 60 + v.m);
    case 'S':
      return String(v.h * 3600 + v.m * 60 + v.s);
    case 'T': {
      const d = new Date(v.base.getTime());
      d.setHours(v.h, v.m, v.s, 0);
      return String(Math.floor(d.getTime() / 1000));
    }
    default:
      return `${p2(v.h)}:${p2(v.m)}:${p2(v.s)}`;
  }
}

export const datetimeBifs: BifSpec[] = [
  { name: 'DATE', min: 0, max: 5, fn: date },
  { name: 'TIME', min: 0, max: 3, fn: time },
];

