/**
 * The console settings commands (issue 9; CONSOLE-3270.md §1.2, §1.3):
 *
 *   TERMINAL MORE n [m]            seconds before a MORE... screen is cleared (0 0: never)
 *   TERMINAL HOLD ON|OFF           hold the screen instead of clearing it
 *   TERMINAL BRKKEY PA1|PA2|PFnn|PF nn|NONE   the key that signals attention
 *   TERMINAL LINEND|CHARDEL|ESCAPE char|ON|OFF   line-edit symbols
 *   SET PFnn [IMMED|DELAYED] text  a PF key enters a command (IMMED) or puts it in the input area
 *   SET PFnn RETRIEVE [BACKWARD|FORWARD]   a PF key recalls entered lines
 *   SET PFnn                       the key does nothing again
 *   SET RETRIEVE n|DEFAULT|MAX     how many lines RETRIEVE keeps
 *   QUERY TERMINAL, QUERY PF [nn], QUERY RETRIEVE
 *
 * Several TERMINAL operands may be given in one command; all are checked before any
 * is applied. Settings belong to the console (CpTerminal.settings) and reach its front
 * end through ConsoleEndpoint.settings(). Messages HCPTRMnnnE use a NON-IBM module
 * name with z/VM's numbers for the common errors (003 invalid option, 026 operand
 * missing, 013 conflicting option).
 *
 * SET and QUERY are wrapped (setCmdWithTerminal, queryCmdWithTerminal): the operands
 * here are handled in this file, every other operand goes to set.ts / query.ts.
 */
import type { CpTerminal } from '../terminal.js';
import {
  DEFAULT_CHARDEL,
  DEFAULT_ESCAPE,
  DEFAULT_LINEND,
  DEFAULT_RETRIEVE,
  MAX_RETRIEVE,
  type PfSetting,
  pfLine,
  queryTerminalLines,
  type TerminalSettings,
} from '../terminal-settings.js';
import type { CommandContext } from './context.js';
import { queryCmd } from './query.js';
import { setCmd } from './set.js';
import { type Operands, abbrev, showToken } from './tokenize.js';

/** The console a command's settings apply to (the virtual console when the command came from a guest). */
function consoleOf(ctx: CommandContext): CpTerminal | null {
  return ctx.terminal ?? ctx.vm.terminal ?? null;
}

const EDIT_SYMBOLS = [
  { name: 'LINEND', min: 4, key: 'linend', def: DEFAULT_LINEND },
  { name: 'CHARDEL', min: 4, key: 'chardel', def: DEFAULT_CHARDEL },
  { name: 'ESCAPE', min: 3, key: 'escape', def: DEFAULT_ESCAPE },
] as const;

/** PA1, PA2, PF5, PF05, PF 5 ... as 'PA1' / 'PF05'; undefined when invalid. */
function breakKey(ops: Operands): string | undefined {
  const w = ops.next();
  if (w === undefined) return undefined;
  if (w === 'PA1' || w === 'PA2' || w === 'NONE') return w;
  let n: string | undefined;
  const m = /^PF(\d{1,2})$/.exec(w);
  if (m) n = m[1];
  else if (w === 'PF') n = ops.next();
  if (n === undefined || !/^\d{1,2}$/.test(n) || Number(n) < 1 || Number(n) > 24) return undefined;
  return `PF${n.padStart(2, '0')}`;
}

export function terminalCmd(ctx: CommandContext, ops: Operands): number {
  if (ops.done) return ctx.msg('HCPTRM026E');
  const changes: Partial<TerminalSettings> = {};
  while (!ops.done) {
    const w = ops.next()!;
    if (abbrev(w, 'MORE', 3)) {
      const a = ops.next();
      if (a === undefined) return ctx.msg('HCPTRM026E');
      const b = ops.peek() !== undefined && /^\d+$/.test(ops.peek()!) ? ops.next()! : undefined;
      const first = /^\d{1,3}$/.test(a) ? Number(a) : NaN;
      const second = b === undefined ? first : /^\d{1,3}$/.test(b) ? Number(b) : NaN;
      if (!(first <= 255)) return ctx.msg('HCPTRM003E', showToken(a));
      if (!(second <= 255)) return ctx.msg('HCPTRM003E', showToken(b!));
      changes.more = [first, second];
    } else if (abbrev(w, 'HOLD', 4)) {
      const v = ops.next();
      if (v === undefined) return ctx.msg('HCPTRM026E');
      if (v !== 'ON' && v !== 'OFF') return ctx.msg('HCPTRM003E', showToken(v));
      changes.hold = v === 'ON';
    } else if (abbrev(w, 'BRKKEY', 6)) {
      const save = ops.peek();
      const k = breakKey(ops);
      if (k === undefined) return save === undefined ? ctx.msg('HCPTRM026E') : ctx.msg('HCPTRM003E', showToken(save));
      changes.brkkey = k;
    } else {
      const sym = EDIT_SYMBOLS.find((e) => abbrev(w, e.name, e.min));
      if (!sym) return ctx.msg('HCPTRM003E', showToken(w));
      const raw = ops.nextRaw();
      if (raw === undefined) return ctx.msg('HCPTRM026E');
      const v = raw.toUpperCase();
      let value: string | null;
      if (v === 'ON') value = sym.def;
      else if (v === 'OFF') value = null;
      else if (raw.length === 1 && !/[A-Za-z0-9]/.test(raw)) value = raw;
      else return ctx.msg('HCPTRM003E', showToken(raw));
      changes[sym.key] = value;
    }
  }
  const t = consoleOf(ctx);
  if (!t) return 0; // disconnected: nothing to set
  const next = { ...t.settings, ...changes };
  // the line-edit symbols must differ from each other
  const syms = [next.linend, next.chardel, next.escape].filter((c): c is string => c !== null);
  const dup = syms.find((c, i) => syms.indexOf(c) !== i);
  if (dup !== undefined) return ctx.msg('HCPTRM013E', dup);
  Object.assign(t.settings, changes);
  t.settingsChanged();
  return 0;
}

/** PFnn with nn 1..24, else undefined. */
function pfNumber(word: string): number | undefined {
  const m = /^PF(\d{1,2})$/.exec(word);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= 24 ? n : undefined;
}

function setPf(ctx: CommandContext, ops: Operands, n: number): number {
  let p: PfSetting | undefined;
  const w = ops.peek();
  if (w === undefined) p = undefined;
  else if (w === 'RETRIEVE') {
    ops.next();
    const dir = ops.next();
    if (dir !== undefined && !abbrev(dir, 'BACKWARD', 4) && !abbrev(dir, 'FORWARD', 3)) return ctx.msg('HCPSET003E', showToken(dir));
    if (!ops.done) return ctx.msg('HCPSET003E', showToken(ops.next()!));
    p = { mode: 'RETRIEVE', text: dir !== undefined && abbrev(dir, 'FORWARD', 3) ? 'FORWARD' : 'BACKWARD' };
  } else {
    let mode: 'IMMED' | 'DELAYED' = 'IMMED';
    if (abbrev(w, 'IMMED', 3)) {
      ops.next();
    } else if (abbrev(w, 'DELAYED', 3)) {
      ops.next();
      mode = 'DELAYED';
    }
    const text = ops.rest();
    p = text === '' ? undefined : { mode, text };
  }
  const t = consoleOf(ctx);
  if (!t) return 0;
  if (p) t.settings.pf.set(n, p);
  else t.settings.pf.delete(n);
  t.settingsChanged();
  return 0;
}

function setRetrieve(ctx: CommandContext, ops: Operands): number {
  const v = ops.next();
  if (v === undefined) return ctx.msg('HCPSET026E');
  if (!ops.done) return ctx.msg('HCPSET003E', showToken(ops.next()!));
  let n: number;
  if (abbrev(v, 'DEFAULT', 3)) n = DEFAULT_RETRIEVE;
  else if (v === 'MAX' || v === 'MAXIMUM') n = MAX_RETRIEVE;
  else if (/^\d{1,3}$/.test(v) && Number(v) <= MAX_RETRIEVE) n = Number(v);
  else return ctx.msg('HCPSET003E', showToken(v));
  const t = consoleOf(ctx);
  if (!t) return 0;
  t.settings.retrieve = n;
  t.settingsChanged();
  return 0;
}

/** SET: PFnn and RETRIEVE here, the rest in set.ts. */
export function setCmdWithTerminal(ctx: CommandContext, ops: Operands): number | Promise<number> {
  const w = ops.peek();
  if (w !== undefined) {
    const n = pfNumber(w);
    if (n !== undefined) {
      ops.next();
      return setPf(ctx, ops, n);
    }
    if (/^PF\d*$/.test(w)) return ctx.msg('HCPSET003E', showToken(w));
    if (abbrev(w, 'RETRIEVE', 3)) {
      ops.next();
      return setRetrieve(ctx, ops);
    }
  }
  return setCmd(ctx, ops);
}

function qTerminal(ctx: CommandContext, ops: Operands): number {
  if (!ops.done) return ctx.msg('HCPCQV003E', showToken(ops.next()!));
  const t = consoleOf(ctx);
  if (!t) return 0;
  const info = t.endpoint.consoleInfo?.() ?? { conmode: '3215', linesize: 80 };
  for (const l of queryTerminalLines(t.settings, info)) ctx.out(l);
  return 0;
}

function qPf(ctx: CommandContext, ops: Operands, only?: number): number {
  if (!ops.done) return ctx.msg('HCPCQV003E', showToken(ops.next()!));
  const t = consoleOf(ctx);
  const pf = t?.settings.pf ?? new Map<number, PfSetting>();
  for (let n = 1; n <= 24; n++) if (only === undefined || only === n) ctx.out(pfLine(n, pf.get(n)));
  return 0;
}

/** QUERY: TERMINAL, PF [nn] / PFnn, RETRIEVE here, the rest in query.ts. */
export function queryCmdWithTerminal(ctx: CommandContext, ops: Operands): number | Promise<number> {
  const w = ops.peek();
  if (w !== undefined) {
    if (abbrev(w, 'TERMINAL', 4)) {
      ops.next();
      return qTerminal(ctx, ops);
    }
    if (w === 'PF') {
      ops.next();
      const k = ops.peek();
      if (k !== undefined && /^\d{1,2}$/.test(k)) {
        ops.next();
        const n = Number(k);
        if (n < 1 || n > 24) return ctx.msg('HCPCQV003E', showToken(k));
        return qPf(ctx, ops, n);
      }
      return qPf(ctx, ops);
    }
    const n = pfNumber(w);
    if (n !== undefined) {
      ops.next();
      return qPf(ctx, ops, n);
    }
    if (abbrev(w, 'RETRIEVE', 3)) {
      ops.next();
      if (!ops.done) return ctx.msg('HCPCQV003E', showToken(ops.next()!));
      const t = consoleOf(ctx);
      // [NON-IBM wording]
      ctx.out(`RETRIEVE BUFFERS = ${String(t?.settings.retrieve ?? DEFAULT_RETRIEVE).padStart(3, '0')}, MAXIMUM = ${MAX_RETRIEVE}`);
      return 0;
    }
  }
  return queryCmd(ctx, ops);
}
