/**
 * A terminal connected to a system: CP's side of a console (CONSOLE-3270.md §1,
 * CP-REFERENCE.md §1.8). Before LOGON it shows the logo and accepts the pre-logon
 * commands; after LOGON it belongs to a virtual machine and decides what each input
 * line is: a CP command (CP READ), input for the guest (VM READ), an answer to a
 * prompt (password), or `#CP command` from any state.
 *
 * Front ends implement ConsoleEndpoint (src/console/core/session.ts): CP writes lines
 * and asks for one input line at a time with read(kind); the front end answers by
 * calling input(line) exactly once per read. Attention (PA1, Ctrl-C) may come at any
 * time. CP never imports a front end: this interface is the whole contract.
 */
import { stamp } from '../common/timefmt.js';
import { cpMessage, editMessage } from './messages.js';
import type { CpSystem } from './system.js';
import type { VirtualMachine } from './guest/virtual-machine.js';
import { type TerminalSettings, defaultTerminalSettings, immediateCp } from './terminal-settings.js';

export type ReadKind = 'LOGO' | 'CP READ' | 'VM READ' | 'PROMPT';

export interface ConsoleEndpoint {
  /** One output line (no line end). */
  write(line: string): void;
  /** CP wants one input line; noEcho for passwords. */
  read(kind: ReadKind, opts?: { noEcho?: boolean }): void;
  /** No read is outstanding: the machine runs (status RUNNING). */
  running(): void;
  /** CP closed the connection (SHUTDOWN, or the session ended). */
  closed(): void;
  /** A line typed ahead while the machine runs, for a guest that polls (optional). */
  takeTypeAhead?(): string | undefined;
  /** TERMINAL / SET PFnn / SET RETRIEVE changed this console's settings (optional; the whole new set). */
  settings?(settings: Readonly<TerminalSettings>): void;
  /** What QUERY TERMINAL shows about the device (optional; default a 3215 of 80 columns). */
  consoleInfo?(): { conmode: '3270' | '3215'; linesize: number };
}

/** The logo screen text (z/VM HCPBOX; NON-IBM wording naming the emulator). */
export function logoLines(system: string): string[] {
  return [
    `z/VM ONLINE--${system}--PRESS BREAK KEY TO BEGIN SESSION.`,
    '',
    '    vv      vv  mm    mm  rrrrr   eeeeee  xx    xx  xx    xx',
    '     vv    vv   mmm  mmm  rr  rr  ee       xx  xx    xx  xx',
    '      vv  vv    mm mm mm  rrrrr   eeee      xxxx      xxxx',
    '       vvvv     mm    mm  rr  rr  ee       xx  xx    xx  xx',
    '        vv      mm    mm  rr   rr eeeeee  xx    xx  xx    xx',
    '',
    `vmrexx: an emulated z/VM Control Program. This is system ${system}.`,
    'Enter LOGON userid to log on.',
  ];
}

export const PRELOGON_MENU = [
  'Enter one of the following commands:',
  '   LOGON userid              (Example: LOGON VMUSERID)',
  '   DIAL userid               (Example: DIAL VMUSERID)',
  '   MSG userid message        (Example: MSG VMUSERID GOOD MORNING)',
  '   LOGOFF',
];

type Pending = { kind: ReadKind; resolve?: (line: string) => void; noEcho?: boolean };

export class CpTerminal {
  vm: VirtualMachine | null = null;
  /** the read CP has asked the front end for, if any */
  private pending: Pending | null = null;
  /** a prompt a command is waiting on */
  private prompter: { resolve: (line: string) => void; text: string; noEcho: boolean } | null = null;
  /** a CP command is executing */
  private busy = false;
  private cancelBusy: (() => void) | null = null;
  closed = false;
  /** TERMINAL, SET PFnn, SET RETRIEVE settings of this console (terminal-settings.ts) */
  settings: TerminalSettings = defaultTerminalSettings();
  /** failed LOGON attempts on this connection (logon-guard.ts) */
  logonFailures = 0;

  constructor(
    readonly system: CpSystem,
    readonly endpoint: ConsoleEndpoint,
    /** terminal name shown by QUERY NAMES (L0003 ...) */
    readonly name: string,
  ) {}

  write(line: string): void {
    if (!this.closed) this.endpoint.write(line);
  }

  /** A setting changed (TERMINAL, SET PFnn): the front end applies it. */
  settingsChanged(): void {
    if (!this.closed) this.endpoint.settings?.(this.settings);
  }

  /** Show the logo and wait for a pre-logon command. */
  showLogo(): void {
    for (const l of logoLines(this.system.name)) this.write(l);
    this.refresh();
  }

  /** Decide what to read next, after anything that may change the state. */
  refresh(): void {
    if (this.closed) return;
    let want: Pending;
    if (this.prompter) want = { kind: 'PROMPT', noEcho: this.prompter.noEcho };
    else if (this.busy) return;
    else if (!this.vm) want = { kind: 'LOGO' };
    else if (this.vm.inCp || !this.vm.guest) want = { kind: 'CP READ' };
    else if (this.vm.guestRead) want = { kind: 'VM READ' };
    else {
      if (this.pending) {
        this.pending = null;
      }
      this.endpoint.running();
      return;
    }
    if (this.pending && this.pending.kind === want.kind && this.pending.noEcho === want.noEcho) return;
    this.pending = want;
    this.endpoint.read(want.kind, { noEcho: want.noEcho });
  }

  /** Is CP waiting for input on this terminal? (The front end may deliver a line.) */
  get reading(): ReadKind | null {
    return this.pending?.kind ?? null;
  }

  /** A line entered by the user, in answer to the outstanding read. */
  input(line: string): void {
    if (this.closed) return;
    const p = this.pending;
    this.pending = null;
    if (this.prompter) {
      const pr = this.prompter;
      this.prompter = null;
      pr.resolve(line);
      return;
    }
    // <LINEND>CP command (`#CP` by default; none with TERMINAL LINEND OFF)
    const cmd = this.vm ? immediateCp(line, this.settings.linend) : undefined;
    if (cmd !== undefined && this.vm) {
      if (cmd === '') {
        this.vm.attention();
        this.refresh();
      } else this.runCommand(cmd);
      return;
    }
    if (!this.vm) {
      this.runPrelogon(line);
      return;
    }
    const vm = this.vm;
    if (p?.kind === 'VM READ' || (!vm.inCp && vm.guest)) {
      vm.deliverToGuest(line);
      this.refresh();
      return;
    }
    // CP READ
    if (line.trim() === '' && vm.guest && vm.inCp) {
      vm.begin(); // a null line in CP mode resumes the virtual machine (as BEGIN)
      this.refresh();
      return;
    }
    this.runCommand(line);
  }

  /** `#CP command` typed while the machine runs (no read outstanding). */
  immediate(line: string): void {
    this.pending = null;
    this.input(line);
  }

  /** Attention (PA1 on a 3270, BREAK/Ctrl-C in line mode). */
  attention(): void {
    if (this.closed) return;
    if (this.busy && this.cancelBusy) {
      this.cancelBusy();
      return;
    }
    if (this.prompter || !this.vm) return;
    this.vm.attention();
    this.pending = null;
    this.refresh();
  }

  /** Ask the user for a line (password prompts of LOGON, LINK). */
  prompt(text: string, noEcho: boolean): Promise<string> {
    this.write(text);
    return new Promise((resolve) => {
      this.prompter = { resolve, text, noEcho };
      this.pending = null;
      this.refresh();
    });
  }

  /** While a command runs, attention calls cancel (SLEEP ends early). */
  onAttention(cancel: (() => void) | null): void {
    this.cancelBusy = cancel;
  }

  private runCommand(line: string): void {
    const vm = this.vm!;
    this.busy = true;
    this.endpoint.running();
    this.system.cluster.commands
      .execute(vm, line, { terminal: this })
      .catch((e: unknown) => {
        this.write(`HCPCMD999E internal error: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        this.busy = false;
        this.cancelBusy = null;
        this.refresh();
      });
  }

  private runPrelogon(line: string): void {
    this.busy = true;
    this.system.cluster.commands
      .prelogon(this, line)
      .catch((e: unknown) => this.write(`HCPCMD999E internal error: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        this.busy = false;
        this.refresh();
      });
  }

  /** Show a message edited as the user's EMSG says (or ON at the logo). */
  message(id: string, ...inserts: (string | number)[]): void {
    const m = cpMessage(id, ...inserts);
    const line = this.vm ? this.vm.editMsg(m) : editMessage(m, 'ON');
    if (line !== undefined) this.write(line);
  }

  /** The VM has gone (LOGOFF, DISCONNECT, FORCE): back to the logo. */
  release(): void {
    this.vm = null;
    this.prompter = null;
    this.pending = null;
    // a new session at this terminal starts with the default TERMINAL and PF settings
    this.settings = defaultTerminalSettings();
    this.settingsChanged();
    if (!this.closed) this.showLogo();
  }

  /** The front end went away (hang-up): the VM is disconnected, not logged off. */
  hangup(): void {
    if (this.closed) return;
    this.closed = true;
    const vm = this.vm;
    this.vm = null;
    if (vm && vm.terminal === this) {
      vm.terminal = null;
      this.system.operatorLine(`USER DSC   ${vm.userid.padEnd(8)} USERS = ${this.system.vms.size}`);
    }
    this.system.terminals.delete(this);
  }

  close(): void {
    if (this.closed) return;
    this.hangup();
    this.endpoint.closed();
  }
}

export function logonStamp(d: Date): string {
  return stamp(d);
}
