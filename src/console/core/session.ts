/**
 * The console session core (CONSOLE-3270.md §6 "core"): what every front end (line mode,
 * full screen, web, TN3270) shares. It is the ConsoleEndpoint CP writes to and reads
 * from, and it owns the user's side: type-ahead (lines typed before CP or the guest reads
 * are kept and delivered one per read, in order), line editing (LINEND `#` splits a line
 * into several; a line starting `#CP` goes to CP even while the guest runs; CHARDEL
 * deletes the character before it; ESCAPE takes the next character literally — the
 * symbols are the console's TERMINAL settings), attention, and the read state a front
 * end shows (LOGO, CP READ, VM READ, RUNNING, a prompt with echo off). Front ends
 * subscribe to its events and call submitLine()/attention().
 *
 * Settings path: CP's TERMINAL / SET PFnn commands change CpTerminal.settings and call
 * ConsoleEndpoint.settings(); the session keeps a copy (for line editing) and passes
 * it on as a 'settings' event, which the full-screen session uses for MORE, HOLD,
 * BRKKEY and the PF keys.
 */
import type { ConsoleEndpoint, CpTerminal, ReadKind } from '../../cp/terminal.js';
import type { CpSystem } from '../../cp/system.js';
import { type TerminalSettings, copySettings, defaultTerminalSettings, editLine, immediateCp } from '../../cp/terminal-settings.js';

export type ConsoleState = ReadKind | 'RUNNING' | 'CLOSED';

export type SessionEvent =
  | { type: 'output'; line: string }
  | { type: 'state'; state: ConsoleState; noEcho: boolean }
  | { type: 'input'; line: string; echo: boolean }
  | { type: 'settings'; settings: Readonly<TerminalSettings> }
  | { type: 'closed' };

/** What QUERY TERMINAL reports about the device a session is drawn on. */
export interface ConsoleInfo {
  conmode: '3270' | '3215';
  linesize: number;
}

export const LINEND = '#';

export class ConsoleSession implements ConsoleEndpoint {
  terminal!: CpTerminal;
  state: ConsoleState = 'RUNNING';
  noEcho = false;
  /**
   * Lines typed ahead. A physical line (raw) is edited when it is delivered, with the
   * TERMINAL settings in effect then (a line typed after `TERMINAL LINEND $` but before
   * CP ran it is edited with `$`); its logical lines go back to the front of the queue.
   */
  private readonly queue: { text: string; raw: boolean }[] = [];
  private readonly listeners = new Set<(e: SessionEvent) => void>();
  private pumping = false;
  private scheduled = false;
  /** time of the last event, for "settled" waits */
  lastActivity = Date.now();
  /** this console's TERMINAL / PF settings, as CP last sent them */
  config: TerminalSettings = defaultTerminalSettings();
  /** the device, for QUERY TERMINAL (a full-screen session says 3270) */
  info: ConsoleInfo = { conmode: '3215', linesize: 80 };

  /** Connect a new session to a system: the logo appears. */
  static connect(system: CpSystem, listener?: (e: SessionEvent) => void, info?: ConsoleInfo): ConsoleSession {
    const s = new ConsoleSession();
    if (info) s.info = info;
    if (listener) s.listeners.add(listener);
    s.terminal = system.connect(s);
    return s;
  }

  on(listener: (e: SessionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: SessionEvent): void {
    this.lastActivity = Date.now();
    for (const l of this.listeners) l(e);
  }

  // ----- ConsoleEndpoint (called by CP) -----

  write(line: string): void {
    this.emit({ type: 'output', line });
  }

  read(kind: ReadKind, opts?: { noEcho?: boolean }): void {
    this.state = kind;
    this.noEcho = !!opts?.noEcho;
    this.emit({ type: 'state', state: kind, noEcho: this.noEcho });
    this.schedule();
  }

  running(): void {
    this.state = 'RUNNING';
    this.noEcho = false;
    this.emit({ type: 'state', state: 'RUNNING', noEcho: false });
  }

  settings(settings: Readonly<TerminalSettings>): void {
    this.config = copySettings(settings);
    this.emit({ type: 'settings', settings: this.config });
  }

  consoleInfo(): ConsoleInfo {
    return this.info;
  }

  closed(): void {
    this.state = 'CLOSED';
    this.emit({ type: 'closed' });
  }

  /** A line typed ahead, taken by a guest that polls the console while it runs. */
  takeTypeAhead(): string | undefined {
    if (this.state !== 'RUNNING') return undefined;
    const l = this.nextLine();
    if (l !== undefined) this.emit({ type: 'input', line: l, echo: true });
    return l;
  }

  // ----- the user's side -----

  /** The user entered a line. */
  submitLine(text: string): void {
    if (this.state === 'CLOSED') return;
    if (this.state === 'RUNNING' && this.isImmediateCp(text)) {
      // <linend>CP command while the machine runs: to CP now
      this.emit({ type: 'input', line: text, echo: true });
      this.terminal.immediate(this.immediateLine(text));
      return;
    }
    this.queue.push({ text, raw: true });
    this.schedule();
  }

  /** `<linend>CP cmd` as CP takes it: CHARDEL and ESCAPE apply, LINEND does not split it. */
  private immediateLine(text: string): string {
    const cmd = immediateCp(editLine(text, { ...this.config, linend: null })[0]!, this.config.linend) ?? '';
    const cp = `${this.config.linend}CP`;
    return cmd === '' ? cp : `${cp} ${cmd}`;
  }

  /** The next logical line to deliver, edited now (a password answer is never edited). */
  private nextLine(): string | undefined {
    const item = this.queue.shift();
    if (!item || !item.raw) return item?.text;
    if (this.state === 'PROMPT' && this.noEcho) return item.text;
    if (this.isImmediateCp(item.text)) return this.immediateLine(item.text);
    // LINEND: one physical line may carry several logical lines
    const [first, ...rest] = editLine(item.text, this.config);
    this.queue.unshift(...rest.map((t) => ({ text: t, raw: false })));
    return first!;
  }

  /** Does this physical line start with the LINEND character and CP (`#CP`)? */
  isImmediateCp(text: string): boolean {
    return immediateCp(text, this.config.linend) !== undefined;
  }

  /** PA1 / BREAK / Ctrl-C. */
  attention(): void {
    this.emit({ type: 'input', line: '', echo: false });
    this.terminal.attention();
  }

  /** The front end went away: the user's virtual machine is disconnected. */
  hangup(): void {
    this.terminal.hangup();
  }

  /** Lines typed ahead and not yet delivered. */
  get pending(): number {
    return this.queue.length;
  }

  /** CP (or the guest) is waiting for input and nothing typed is left. */
  get idle(): boolean {
    return this.queue.length === 0 && this.state !== 'RUNNING';
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length && this.state !== 'RUNNING' && this.state !== 'CLOSED') {
        if (this.terminal.reading === null) break;
        const line = this.nextLine()!;
        const echo = !(this.state === 'PROMPT' && this.noEcho);
        this.state = 'RUNNING';
        this.emit({ type: 'input', line, echo });
        this.terminal.input(line);
      }
    } finally {
      this.pumping = false;
    }
  }
}
