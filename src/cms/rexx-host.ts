/**
 * The REXX/VM host inside a CMS guest (issue 4): SAY to the console, PULL from the
 * program stack then the console, ADDRESS CMS / COMMAND / CP (RC from the command),
 * PARSE SOURCE in CMS form (`CMS COMMAND fn EXEC fm fn CMS`), external functions
 * (CMS function packages, then `name EXEC` on the accessed disks), HI/HX polling,
 * USERID() and LINESIZE(), and the REXX/VM functions DIAG, DIAGRC, STORAGE, CMSFLAG.
 *
 * Commands such as EXECIO and GLOBALV set and read the caller's variables (REXX/VM's
 * EXECCOMM) through the VariableAccess the interpreter passes with each command.
 */
import { GuestStorage } from '../cp/storage/guest-storage.js';
import type { BifContext } from '../rexx/builtins/types.js';
import { rexxError, runProgram, type CommandResult, type ExternalRoutine, type RexxHost } from '../rexx/index.js';
import type { VariableAccess } from '../rexx/host.js';
import type { RexxQueue } from '../rexx/queue.js';
import { NodeStreamManager } from '../rexx/streams-node.js';
import type { StreamManager } from '../rexx/streams.js';
import type { Cms } from './cms.js';
import { packageFunction } from './packages/index.js';

/** Variable access for a command run from an EXEC (EXECCOMM). */
export type { VariableAccess };

/** The variables of the EXEC whose command is running (set while a command from an EXEC runs). */
let current: VariableAccess | undefined;

/** The variables of the EXEC whose command is running, or undefined (typed at the terminal). */
export function callerVariables(): VariableAccess | undefined {
  return current;
}

export interface ExecId {
  fn: string;
  ft: string;
  fm: string;
  invokedAs: string;
}

class CmsRexxHost implements RexxHost {
  readonly defaultAddress = 'CMS';
  readonly sourceSystem = 'CMS';
  readonly queue: RexxQueue;
  readonly streams: StreamManager;

  constructor(readonly cms: Cms) {
    this.queue = cms.queue;
    this.streams = new NodeStreamManager({
      writeStdout: (s) => {
        for (const l of s.replace(/\n$/, '').split('\n')) cms.out(l);
      },
      writeStderr: (s) => {
        for (const l of s.replace(/\n$/, '').split('\n')) cms.out(l);
      },
      stdin: { readLine: () => cms.readConsole(), readChars: () => '' },
    });
  }

  say(line: string): void {
    this.cms.out(line);
  }
  traceOut(line: string): void {
    this.cms.out(line);
  }
  readLine(): string | undefined {
    // immediate commands are recognised on every console read of an EXEC
    for (;;) {
      const line = this.cms.readConsole();
      if (!this.cms.immediate(line)) return line;
      if (this.cms.haltExecs) return '';
    }
  }
  command(environment: string, command: string, vars?: VariableAccess): CommandResult {
    const prev = current;
    current = vars;
    try {
      return this.dispatch(environment, command);
    } finally {
      current = prev;
    }
  }

  private dispatch(environment: string, command: string): CommandResult {
    const env = environment.toUpperCase();
    const cms = this.cms;
    if (env === 'CMS' || env === 'COMMAND') {
      const rc = cms.execute(command, { env, terminal: false });
      return { rc, failure: rc === -3 };
    }
    if (env === 'CP') {
      const r = cms.ch.cp(command);
      return { rc: r.rc, failure: r.rc === 1 && false };
    }
    return { rc: -3, failure: true };
  }
  findExternal(name: string): ExternalRoutine | undefined {
    const n = name.toUpperCase();
    const own = CMS_FUNCTIONS[n];
    if (own) return { kind: 'native', fn: (args, ctx) => own(this.cms, args, ctx as BifContext) };
    const pkg = packageFunction(n);
    if (pkg) {
      const cms = this.cms;
      return { kind: 'native', fn: (args) => pkg(args, { ch: cms.ch, data: cms.data, userid: cms.userid, say: (...l) => cms.out(...l) }) };
    }
    if (n.length <= 8 && /^[A-Z0-9$#@_]+$/.test(n)) {
      const f = this.cms.findFile(n, 'EXEC');
      if (f) {
        const recs = f.acc.disk.read(f.fst);
        const source = recs.map((r) => (f.fst.recfm === 'F' ? r.trimEnd() : r)).join('\n');
        return { kind: 'rexx', path: `${f.fst.fn} ${f.fst.ft} ${this.cms.fmText(f.acc, f.fst)} ${f.fst.fn} CMS`, source };
      }
    }
    return undefined;
  }
  now(): Date {
    return new Date();
  }
  pollHalt(): 'HI' | 'HX' | undefined {
    return this.cms.pollHalt();
  }
  userid(): string {
    return this.cms.userid;
  }
  linesize(): number {
    return 130;
  }
}

/** REXX/VM message number for REXX error n (DMSREXnnnE). */
export function rexxMessageId(code: number): string {
  return `DMSREX${String(446 + code).padStart(3, '0')}E`;
}

/** Run EXEC source; returns the CMS return code. */
export function runExecSource(cms: Cms, source: string, id: ExecId, args: string[]): number {
  const host = new CmsRexxHost(cms);
  const path = `${id.fn} ${id.ft} ${id.fm} ${id.invokedAs} CMS`;
  cms.execDepth++;
  let outcome;
  try {
    outcome = runProgram(source, path, args, host, 'COMMAND');
  } finally {
    cms.execDepth--;
    if (cms.execDepth === 0) cms.ht = false;
  }
  if (outcome.halted) {
    if (cms.execDepth === 0) cms.out('CMS');
    return 0;
  }
  if (outcome.error) {
    const e = outcome.error;
    const lines = source.split('\n');
    const src = (lines[(e.line ?? 1) - 1] ?? '').trim();
    cms.out(`${String(e.line).padStart(6)} +++ ${src}`);
    cms.out(`${rexxMessageId(e.code)} Error ${e.code} running ${id.fn} ${id.ft}, line ${e.line}: ${e.mainText}`);
    return 20000 + e.code;
  }
  const r = outcome.result;
  if (r === undefined) return 0;
  const t = r.trim();
  return /^[+-]?\d+$/.test(t) ? Number(t) : 0;
}

// ------------------------------------------------------------------ REXX/VM functions

type CmsFn = (cms: Cms, args: (string | undefined)[], ctx: BifContext) => string;

function hexOrDec(s: string | undefined): number {
  const t = (s ?? '').trim();
  return parseInt(t, 16);
}

function diagCall(cms: Cms, args: (string | undefined)[], withRc: boolean): string {
  const name = withRc ? 'DIAGRC' : 'DIAG';
  if (args[0] === undefined) throw rexxError(40, 5, name, 1);
  const code = hexOrDec(args[0]);
  if (Number.isNaN(code) || !/^[0-9A-Fa-f]{1,4}$/.test(args[0].trim())) throw rexxError(40, 1, name);
  let r: { rc: number; cc: number; result: string };
  switch (code) {
    case 0x00:
      r = cms.ch.diag(0);
      break;
    case 0x08: {
      const cmd = args[1] ?? '';
      const len = args[2] === undefined ? 4096 : Number(args[2]);
      const x = cms.ch.diag(8, cmd, len);
      r = { rc: x.rc, cc: x.cc, result: x.result.replace(/\x15$/, '') };
      break;
    }
    case 0x14:
      r = diag14(cms, args);
      break;
    case 0x24: {
      const v = args[1] === undefined ? -1 : parseInt(args[1], 16);
      r = cms.ch.diag(0x24, v);
      break;
    }
    case 0x5c: {
      const x = cms.ch.diag(0x5c, args[1] ?? '');
      r = { rc: x.rc, cc: x.cc, result: x.result };
      break;
    }
    default: {
      const x = cms.ch.diag(code, ...args.slice(1).map((a) => a ?? ''));
      r = x;
    }
  }
  if (!withRc) return r.result;
  return String(r.rc).padStart(9) + ' ' + String(r.cc) + '     ' + r.result;
}

/**
 * DIAG X'14' (reader file input), subset: subcode '0FFE' selects the next reader file
 * and returns "spoolid origin class name type records"; '0000' reads its next record
 * (cc 2 at the end of the file); '0004' the same for a given spoolid.
 */
function diag14(cms: Cms, args: (string | undefined)[]): { rc: number; cc: number; result: string } {
  const sub = (args[1] ?? '0000').toUpperCase().padStart(4, '0');
  if (sub === '0FFE') {
    const files = cms.ch.call({ op: 'readerList' }).files;
    const f = files[0];
    if (!f) return { rc: 0, cc: 2, result: '' };
    const r = cms.ch.call({ op: 'readerRead', spoolid: f.spoolid });
    cms.readerOpen = { spoolid: f.spoolid, records: r.records, next: 0 };
    return { rc: 0, cc: 0, result: `${f.spoolid} ${f.origin} ${f.class} ${f.name || '*'} ${f.type || '*'} ${f.records}` };
  }
  if (sub === '0004' && args[2]) {
    const r = cms.ch.call({ op: 'readerRead', spoolid: Number(args[2]) });
    if (r.rc !== 0) return { rc: 0, cc: 3, result: '' };
    cms.readerOpen = { spoolid: Number(args[2]), records: r.records, next: 0 };
  }
  const o = cms.readerOpen;
  if (!o) return { rc: 0, cc: 3, result: '' };
  if (o.next >= o.records.length) return { rc: 0, cc: 2, result: '' };
  return { rc: 0, cc: 0, result: o.records[o.next++]! };
}

let storageView: GuestStorage | undefined;

function storage(cms: Cms, args: (string | undefined)[]): string {
  storageView ??= new GuestStorage(cms.data.storage);
  const size = cms.data.storage.data.byteLength;
  if (args[0] === undefined) return size.toString(16).toUpperCase();
  const addr = parseInt(args[0], 16);
  const len = args[1] === undefined ? 1 : Number(args[1]);
  if (Number.isNaN(addr) || addr < 0 || addr + len > size || !Number.isInteger(len) || len < 0) return '';
  const old = Buffer.from(storageView.read(addr, len)).toString('latin1');
  if (args[2] !== undefined) storageView.write(addr, Uint8Array.from(Buffer.from(args[2], 'latin1')));
  return old;
}

function cmsflag(cms: Cms, args: (string | undefined)[]): string {
  switch ((args[0] ?? '').toUpperCase()) {
    case 'ABBREV':
      return '1';
    case 'CMSTYPE':
      return cms.ht ? '0' : '1';
    case 'IMPCP':
      return cms.impcp ? '1' : '0';
    case 'IMPEX':
      return cms.impex ? '1' : '0';
    case 'PROTECT':
      return '1';
    case 'AUTOREAD':
    case 'EXECTRAC':
    case 'RELPAGE':
    case 'SUBSET':
      return '0';
  }
  throw rexxError(40, 1, 'CMSFLAG');
}

const CMS_FUNCTIONS: Record<string, CmsFn> = {
  DIAG: (cms, a) => diagCall(cms, a, false),
  DIAGRC: (cms, a) => diagCall(cms, a, true),
  STORAGE: (cms, a) => storage(cms, a),
  CMSFLAG: (cms, a) => cmsflag(cms, a),
};
