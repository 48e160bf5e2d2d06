/**
 * CMS in the guest (issue 4): the command processor a CMS virtual machine runs in its
 * worker thread. It reads command lines (the program stack first, then the console),
 * runs them — EXECs first (IMPEX), then CMS commands (with their minimum
 * abbreviations), then CP (IMPCP) — and answers `Ready;` / `Ready(rc);` with the T=
 * timing of z/VM. It is the REXX/VM host for EXECs (rexx-host.ts), keeps the accessed
 * disks (A-Z search order) of the CMS file system (fs.ts), the program stack, GLOBALV
 * variables, and handles the immediate commands HX, HI, HT and RT typed while an EXEC
 * runs (polled from the console, as CMS takes them at an attention interrupt).
 */
import { type GuestChannel, GuestKilled, type GuestStartData } from '../common/channel.js';
import { RexxQueue } from '../rexx/queue.js';
import { type CmsDisk, type Fst, HostFolderFs, MinidiskFs } from './fs.js';
import { hex3, parseLine, type Parsed } from './util.js';
import { loadRexx, rexx } from './rexx-link.js';
import { COMMANDS } from './commands.js';

export const CMS_LEVEL = 'z/VM V7.3.0    2025-01-01 00:00';

export function readyLine(rc: number, cpuMs: number, now: Date): string {
  const t = (cpuMs / 1000).toFixed(2);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const time = `${p2(now.getUTCHours())}:${p2(now.getUTCMinutes())}:${p2(now.getUTCSeconds())}`;
  const head = rc === 0 ? 'Ready;' : `Ready(${rc < 0 ? '-' + String(-rc).padStart(4, '0') : String(rc).padStart(5, '0')});`;
  return `${head} T=${t}/${t} ${time}`;
}

export interface Accessed {
  letter: string;
  vdev: number;
  disk: CmsDisk;
}

/** How a command line reached the command processor. */
export interface CmdEnv {
  /** 'CMS' (IMPEX, IMPCP, abbreviations) or 'COMMAND' (none of them) */
  env: 'CMS' | 'COMMAND';
  /** typed at the terminal (not from an EXEC) */
  terminal: boolean;
}

export type CommandFn = (cms: Cms, p: Parsed, raw: string, env: CmdEnv) => number;

export interface CommandDef {
  name: string;
  /** minimum abbreviation length */
  min: number;
  fn: CommandFn;
}

export class Cms {
  readonly userid: string;
  readonly queue = new RexxQueue();
  readonly accessed = new Map<string, Accessed>();
  /** console lines taken while polling for immediate commands, not yet read */
  readonly typeAhead: string[] = [];
  /** HT: console output suppressed until RT or the end of the EXEC */
  ht = false;
  private hx = false;
  private hi = false;
  private lastPoll = 0;
  execDepth = 0;
  impex = true;
  impcp = true;
  /** GLOBALV: group → name → value (session and LASTING variables alike) */
  readonly globals = new Map<string, Map<string, string>>();
  globalvGroup = 'UNNAMED';
  /** the reader file RECEIVE/PEEK/DIAG 14 works on */
  readerOpen: { spoolid: number; records: string[]; next: number } | null = null;

  constructor(
    readonly ch: GuestChannel,
    readonly data: GuestStartData,
  ) {
    this.userid = data.userid;
  }

  // ------------------------------------------------------------------ console

  out(...lines: string[]): void {
    if (this.ht || lines.length === 0) return;
    this.ch.write(...lines);
  }

  /** Issue a DMS message; returns rc. */
  err(id: string, text: string, rc: number): number {
    this.out(`${id} ${text}`);
    return rc;
  }

  /** A console line (type-ahead taken while polling first). */
  readConsole(): string {
    const t = this.typeAhead.shift();
    if (t !== undefined) return t;
    return this.ch.read();
  }

  /** A line for a CMS read: the program stack first, then the console. */
  readTerminal(): string {
    const q = this.queue.pull();
    if (q !== undefined) return q;
    return this.readConsole();
  }

  /** Take console type-ahead and act on immediate commands (HX HI HT RT). */
  pollImmediate(): void {
    for (;;) {
      const l = this.ch.poll();
      if (l === undefined) break;
      if (!this.immediate(l)) this.typeAhead.push(l);
    }
  }

  immediate(line: string): boolean {
    switch (line.trim().toUpperCase()) {
      case 'HX':
        if (this.execDepth === 0) return false;
        this.hx = true;
        return true;
      case 'HI':
        if (this.execDepth === 0) return false;
        this.hi = true;
        return true;
      case 'HT':
        this.ht = true;
        return true;
      case 'RT':
        this.ht = false;
        return true;
      case 'SO':
      case 'RO':
      case 'TS':
      case 'TE':
        return true;
    }
    return false;
  }

  /** The REXX interpreter's pollHalt (every few hundred clauses). */
  pollHalt(): 'HI' | 'HX' | undefined {
    const h = this.ch.takeHalt();
    if (h === 'HX') this.hx = true;
    if (h === 'HI') this.hi = true;
    this.ch.checkpoint();
    const now = Date.now();
    if (now - this.lastPoll >= 40) {
      this.lastPoll = now;
      this.pollImmediate();
    }
    if (this.hx) return 'HX';
    if (this.hi) {
      this.hi = false;
      return 'HI';
    }
    return undefined;
  }

  get haltExecs(): boolean {
    return this.hx;
  }

  // ------------------------------------------------------------------ disks

  /** Accessed disks in search order A-Z. */
  searchOrder(): Accessed[] {
    return [...this.accessed.values()].sort((a, b) => a.letter.localeCompare(b.letter));
  }

  /** Open the disk at vdev for ACCESS: a number (rc) on failure. */
  openDisk(vdev: number): CmsDisk | { rc: number; why: 'notattached' | 'notdasd' | 'unformatted' } {
    const info = this.ch.call({ op: 'mdiskInfo', vdev });
    if (info.rc === 1) return { rc: 100, why: 'notattached' };
    if (info.rc !== 0) return { rc: 100, why: 'notdasd' };
    if (info.hostFolder) return new HostFolderFs(vdev, info.label ?? 'HOST', info.access ?? 'R', info.hostFolder);
    const d = MinidiskFs.open(this.ch, vdev, info);
    if (!d) return { rc: 100, why: 'unformatted' };
    return d;
  }

  access(vdev: number, letter: string): number {
    const d = this.openDisk(vdev);
    if ('why' in d) return d.rc;
    for (const [l, a] of this.accessed) if (a.vdev === vdev && l !== letter) this.accessed.delete(l);
    this.accessed.set(letter, { letter, vdev, disk: d });
    return 0;
  }

  /** Resolve a file mode (letter + optional number) for a file id. */
  diskFor(fm: string): Accessed | undefined {
    return this.accessed.get(fm.charAt(0).toUpperCase());
  }

  /** Find a file: fm '*' or absent searches every accessed disk in order. */
  findFile(fn: string, ft: string, fm?: string): { acc: Accessed; fst: Fst } | undefined {
    const disks = !fm || fm === '*' ? this.searchOrder() : [this.diskFor(fm)].filter((x): x is Accessed => !!x);
    for (const acc of disks) {
      const fst = acc.disk.find(fn, ft);
      if (fst && (!fm || fm.length < 2 || fm === '*' || String(fst.mode) === fm.charAt(1))) return { acc, fst };
    }
    return undefined;
  }

  fmText(acc: Accessed, f: Fst): string {
    return `${acc.letter}${f.mode}`;
  }

  /** "A(191)" */
  diskName(acc: Accessed): string {
    return `${acc.letter}(${hex3(acc.vdev)})`;
  }

  // ------------------------------------------------------------------ commands

  /** Run one command line; returns its return code. A failure inside CMS is an abend, not a crash. */
  execute(line: string, env: CmdEnv): number {
    try {
      return this.executeLine(line, env);
    } catch (e) {
      if (e instanceof GuestKilled) throw e;
      const msg = e instanceof Error ? e.message : String(e);
      this.out(`DMSABN148T System abend 0C1 called from CMS: ${msg}`);
      return 256;
    }
  }

  private executeLine(line: string, env: CmdEnv): number {
    const text = line.replace(/^\s+/, '');
    if (text === '') return 0;
    const p = parseLine(text);
    const verb = (p.words[0] ?? '').toUpperCase();
    if (verb === '') return 0;
    // IMPEX: a bare name runs `name EXEC`
    if (env.env === 'CMS' && this.impex && verb !== 'EXEC' && verb.length <= 8) {
      const f = this.findFile(verb, 'EXEC');
      if (f) return this.runExec(f.acc, f.fst, text.slice(text.search(/\s|$/)).replace(/^\s/, ''), verb);
    }
    const def = findCommand(verb, env.env === 'CMS');
    if (def) return def.fn(this, p, text, env);
    if (env.env === 'CMS' && this.impcp) {
      const r = this.ch.cp(text, true);
      if (r.rc === 1 && r.lines.length === 1 && /^HCPCMD001E|^Unknown CP command/.test(r.lines[0]!)) {
        this.out('Unknown CP/CMS command');
        return -3;
      }
      this.out(...r.lines);
      return r.rc;
    }
    if (env.env === 'COMMAND' || !this.impcp) return this.err('DMSCMS001E', `Unknown CMS command`, -3);
    return -3;
  }

  /** Run an EXEC file with an argument string. */
  runExec(acc: Accessed, fst: Fst, args: string, invokedAs: string): number {
    const records = acc.disk.read(fst);
    const source = records.map((r) => (fst.recfm === 'F' ? r.trimEnd() : r)).join('\n');
    return rexx().runExecSource(this, source, { fn: fst.fn, ft: fst.ft, fm: this.fmText(acc, fst), invokedAs }, [args]);
  }

  // ------------------------------------------------------------------ the loop

  private async ipl(): Promise<void> {
    this.out(CMS_LEVEL);
    // the A-disk and the system disks (CMS IPL accesses 191 as A, 190 as S, 19E as Y)
    const plan: [number, string][] = [
      [0x191, 'A'],
      [0x190, 'S'],
      [0x19e, 'Y'],
    ];
    for (const [vdev, letter] of plan) {
      const d = this.openDisk(vdev);
      if (!('why' in d)) this.accessed.set(letter, { letter, vdev, disk: d });
      else if (vdev === 0x191 && d.why === 'notattached') this.out('DMSACP112S A(191) device error');
    }
    loadLasting(this);
    const profile = this.findFile('PROFILE', 'EXEC');
    if (profile) {
      await loadRexx();
      this.runExec(profile.acc, profile.fst, '', 'PROFILE');
    }
  }

  async run(): Promise<void> {
    const t0 = process.hrtime.bigint();
    await this.ipl();
    this.out(readyLine(0, Math.max(10, Number(process.hrtime.bigint() - t0) / 1e6), new Date()));
    await loadRexx();
    for (;;) {
      const line = this.readTerminal();
      if (line.trim() === '') continue;
      const start = process.hrtime.bigint();
      let rc: number;
      try {
        rc = this.execute(line, { env: 'CMS', terminal: true });
      } finally {
        this.hx = false;
        this.hi = false;
        this.ht = false;
      }
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      this.out(readyLine(rc, Math.max(10, ms), new Date()));
    }
  }
}

function findCommand(verb: string, abbreviations: boolean): CommandDef | undefined {
  for (const c of COMMANDS) {
    if (c.name === verb) return c;
  }
  if (!abbreviations) return undefined;
  for (const c of COMMANDS) {
    if (verb.length >= c.min && verb.length < c.name.length && c.name.startsWith(verb)) return c;
  }
  return undefined;
}

/** GLOBALV LASTING variables come back at IPL from LASTING GLOBALV A. */
function loadLasting(cms: Cms): void {
  const f = cms.findFile('LASTING', 'GLOBALV', 'A');
  if (!f) return;
  for (const rec of f.acc.disk.read(f.fst)) {
    const m = /^(\S+)\s+(\S+)\s?(.*)$/.exec(rec);
    if (!m) continue;
    let g = cms.globals.get(m[1]!);
    if (!g) cms.globals.set(m[1]!, (g = new Map()));
    g.set(m[2]!, m[3]!);
  }
}
