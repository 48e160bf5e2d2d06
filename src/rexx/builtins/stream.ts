/**
 * Stream built-in functions (ANSI X3.274-1996 §9.8): CHARIN CHAROUT CHARS LINEIN
 * LINEOUT LINES STREAM. Argument checking is done here; the I/O itself by the
 * host's StreamManager (streams-node.ts under the CLI). NOTREADY reported by the
 * manager is raised through ctx.interp.raiseNotReady (the interpreter decides
 * whether it is trapped).
 */
import { rexxError } from '../errors.js';
import type { NotReady } from '../streams.js';
import type { BifContext, BifSpec } from './types.js';
import { option, optStr, wholeNonNeg, wholePos, type Args } from './args.js';

function raise(c: BifContext, nr: NotReady | undefined): void {
  if (nr) c.interp.raiseNotReady(nr.stream, nr.description);
}

function pos(name: string, a: Args, n: number, c: BifContext): number | undefined {
  return a[n - 1] === undefined ? undefined : wholePos(name, a, n, c.numeric);
}

function charin(a: Args, c: BifContext): string {
  const name = optStr(a, 1, '');
  const start = pos('CHARIN', a, 2, c);
  const count = wholeNonNeg('CHARIN', a, 3, c.numeric, 1);
  const r = c.host.streams.charin(name, start, count);
  raise(c, r.notready);
  return r.data;
}

function charout(a: Args, c: BifContext): string {
  const name = optStr(a, 1, '');
  const start = pos('CHAROUT', a, 3, c);
  const r = c.host.streams.charout(name, a[1], start);
  raise(c, r.notready);
  return String(r.left);
}

function chars(a: Args, c: BifContext): string {
  return String(c.host.streams.chars(optStr(a, 1, '')));
}

function linein(a: Args, c: BifContext): string {
  const name = optStr(a, 1, '');
  const line = pos('LINEIN', a, 2, c);
  let count = 1;
  if (a[2] !== undefined) {
    count = wholeNonNeg('LINEIN', a, 3, c.numeric);
    if (count > 1) throw rexxError(40, 39, 'LINEIN', a[2]);
  }
  const r = c.host.streams.linein(name, line, count);
  raise(c, r.notready);
  return r.data;
}

function lineout(a: Args, c: BifContext): string {
  const name = optStr(a, 1, '');
  const line = pos('LINEOUT', a, 3, c);
  const r = c.host.streams.lineout(name, a[1], line);
  raise(c, r.notready);
  return String(r.left);
}

function lines(a: Args, c: BifContext): string {
  const name = optStr(a, 1, '');
  const mode = option('LINES', a, 2, 'CN', 'N') as 'C' | 'N';
  return String(c.host.streams.lines(name, mode));
}

function stream(a: Args, c: BifContext): string {
  const name = optStr(a, 1, '');
  const op = option('STREAM', a, 2, 'CSD', 'S');
  if (op === 'C') {
    if (a[2] === undefined) throw rexxError(40, 5, 'STREAM', 3);
    return c.host.streams.stream(name, 'C', a[2]);
  }
  if (a[2] !== undefined) throw rexxError(40, 4, 'STREAM', 2);
  return c.host.streams.stream(name, op);
}

export const streamBifs: BifSpec[] = [
  { name: 'CHARIN', min: 0, max: 3, fn: charin },
  { name: 'CHAROUT', min: 0, max: 3, fn: charout },
  { name: 'CHARS', min: 0, max: 1, fn: chars },
  { name: 'LINEIN', min: 0, max: 3, fn: linein },
  { name: 'LINEOUT', min: 0, max: 3, fn: lineout },
  { name: 'LINES', min: 0, max: 2, fn: lines },
  { name: 'STREAM', min: 1, max: 3, fn: stream },
];
