/**
 * A full-screen console session: the console core (session.ts) seen through the
 * ConsolePort interface that the full-screen renderers (terminal, browser,
 * TN3270) draw (CONSOLE-3270.md §1.2, §1.3, §6 "ScreenConsole").
 *
 * The paging rules of a 3270 CP console live here, on an injected clock:
 *   - MORE...  the output area is full and more output waits; after the first
 *              TERMINAL MORE interval (50 s) the screen is cleared and output
 *              goes on; CLEAR or PA2 clears at once; Enter with nothing typed
 *              holds the screen (HOLDING).
 *   - HOLDING  output stays on the screen until CLEAR or PA2.
 *   - NOT ACCEPTED  a line typed while an earlier type-ahead line is still
 *              waiting is refused and stays in the input area.
 * PF keys: PF12 is RETRIEVE (the last lines entered, newest first); PFnn can be
 * set to any command text with CP SET PFnn [IMMED|DELAYED] text (or setPf here).
 *
 * The TERMINAL settings (MORE n m, HOLD, BRKKEY) and the PF keys come from CP: the
 * console core passes every change on as a 'settings' event (see session.ts). The
 * options below are only the values before CP says otherwise (tests).
 */
import type { ConsolePort, ConsoleView, ConsoleStatus, AttentionKind, TerminalInfo } from '../tn3270/session-port.js';
import { ConsoleSession, type SessionEvent } from './session.js';
import type { CpSystem } from '../../cp/system.js';
import type { PfSetting, TerminalSettings } from '../../cp/terminal-settings.js';

/** Timers, injectable so tests never sleep. */
export interface ConsoleTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const REAL_TIMERS: ConsoleTimers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface ScreenSessionOptions {
  /** TERMINAL MORE first and second intervals in seconds (0 0: never clear by itself). */
  more?: [number, number];
  /** TERMINAL HOLD ON: hold instead of clearing after the MORE... interval. */
  hold?: boolean;
  timers?: ConsoleTimers;
  /** how many lines RETRIEVE remembers */
  retrieveDepth?: number;
}

export class ScreenSession implements ConsolePort {
  private view: ConsoleView | undefined;
  private session!: ConsoleSession;
  /** lines shown since the output area was last cleared */
  private shown = 0;
  /** output waiting while the screen is full */
  private waiting: string[] = [];
  private paging: 'none' | 'MORE...' | 'HOLDING' = 'none';
  private notAccepted = false;
  private timer: unknown;
  private readonly retrieve: string[] = [];
  private retrieveAt = -1;
  private pf = new Map<number, PfSetting>();
  private brkkey = 'PA1';
  private readonly opts: Required<ScreenSessionOptions>;
  private readonly outputRows: number;
  private closed = false;

  constructor(
    readonly system: CpSystem,
    terminal: TerminalInfo,
    opts: ScreenSessionOptions = {},
  ) {
    this.opts = {
      more: opts.more ?? [50, 10],
      hold: opts.hold ?? false,
      timers: opts.timers ?? REAL_TIMERS,
      retrieveDepth: opts.retrieveDepth ?? 10,
    };
    this.outputRows = terminal.outputRows;
    this.linesize = terminal.cols;
    this.pf.set(12, { mode: 'RETRIEVE', text: 'BACKWARD' });
  }

  private readonly linesize: number;

  /** The console core behind this screen (for tests and the CLI). */
  get core(): ConsoleSession {
    return this.session;
  }

  /** Connects to CP when the renderer attaches, so the logo is drawn on it. */
  attach(view: ConsoleView): void {
    this.view = view;
    this.session = ConsoleSession.connect(this.system, (e) => this.event(e), { conmode: '3270', linesize: this.linesize });
    view.statusChanged();
  }

  private event(e: SessionEvent): void {
    switch (e.type) {
      case 'output':
        this.output(e.line);
        break;
      case 'input':
        if (e.echo && e.line !== '') this.output(e.line);
        this.view?.statusChanged();
        break;
      case 'state':
        this.notAccepted = false;
        this.view?.statusChanged();
        break;
      case 'settings':
        this.apply(e.settings);
        break;
      case 'closed':
        this.close();
        break;
    }
  }

  /** CP changed the TERMINAL or PF settings: they take effect from the next MORE... / key. */
  private apply(s: Readonly<TerminalSettings>): void {
    this.opts.more = [s.more[0], s.more[1]];
    this.opts.hold = s.hold;
    this.opts.retrieveDepth = s.retrieve;
    this.retrieve.length = Math.min(this.retrieve.length, s.retrieve);
    this.brkkey = s.brkkey;
    this.pf = new Map([...s.pf].map(([k, v]) => [k, { ...v }]));
    if (this.paging === 'MORE...' && this.opts.more[0] === 0) this.disarm();
  }

  /** One output line: shown, or kept while the screen is full (MORE... / HOLDING). */
  private output(line: string): void {
    if (!this.view) return;
    if (this.paging !== 'none') {
      this.waiting.push(line);
      return;
    }
    if (this.shown >= this.outputRows) {
      this.waiting.push(line);
      this.enterMore();
      return;
    }
    this.shown++;
    this.view.output([line]);
  }

  private enterMore(): void {
    this.paging = 'MORE...';
    this.view?.statusChanged();
    const [first] = this.opts.more;
    if (first > 0) this.arm(first);
  }

  private arm(seconds: number): void {
    this.disarm();
    this.timer = this.opts.timers.setTimeout(() => {
      this.timer = undefined;
      if (this.paging !== 'MORE...') return;
      if (this.opts.hold) {
        this.paging = 'HOLDING';
        this.view?.statusChanged();
        return;
      }
      this.nextPage();
    }, seconds * 1000);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.opts.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Clear the output area and show what was waiting (CLEAR, PA2, MORE... timeout). */
  private nextPage(): void {
    this.disarm();
    this.paging = 'none';
    this.shown = 0;
    this.view?.clearOutput();
    const pending = this.waiting;
    this.waiting = [];
    for (const l of pending) this.output(l);
    if ((this.paging as string) === 'MORE...') {
      // the next screen waits the second (shorter) interval
      const [, second] = this.opts.more;
      if (second > 0) this.arm(second);
      else this.disarm();
    }
    this.view?.statusChanged();
  }

  status(): ConsoleStatus {
    let state: string;
    if (!this.session) return { state: 'RUNNING', system: this.system.name };
    if (this.notAccepted) state = 'NOT ACCEPTED';
    else if (this.paging !== 'none') state = this.paging;
    else {
      const s = this.session.state;
      state = s === 'VM READ' ? 'VM READ' : s === 'RUNNING' || s === 'CLOSED' ? 'RUNNING' : s === 'LOGO' ? 'RUNNING' : 'CP READ';
    }
    return { state, system: this.system.name };
  }

  passwordMode(): boolean {
    return !!this.session && this.session.state === 'PROMPT' && this.session.noEcho;
  }

  submit(line: string): boolean {
    if (this.closed) return false;
    if (line === '' && this.paging === 'MORE...') {
      this.disarm();
      this.paging = 'HOLDING';
      this.view?.statusChanged();
      return true;
    }
    // RUNNING with a line already waiting: the new one is not accepted
    if (this.session.state === 'RUNNING' && this.session.pending > 0 && !this.session.isImmediateCp(line)) {
      this.notAccepted = true;
      this.view?.statusChanged();
      return false;
    }
    this.notAccepted = false;
    // RETRIEVE keeps neither passwords nor lines typed at the logo (LOGON userid password)
    if (line !== '' && !this.passwordMode() && this.session.state !== 'LOGO' && this.opts.retrieveDepth > 0) {
      this.retrieve.unshift(line);
      if (this.retrieve.length > this.opts.retrieveDepth) this.retrieve.pop();
    }
    this.retrieveAt = -1;
    this.session.submitLine(line);
    return true;
  }

  attention(kind: AttentionKind, n?: number): void {
    if (this.closed) return;
    // TERMINAL BRKKEY: that key signals attention (default PA1; NONE: no key does)
    const key = kind === 'PF' ? `PF${String(n ?? 0).padStart(2, '0')}` : kind;
    if (key === this.brkkey) {
      this.session.attention();
      return;
    }
    switch (kind) {
      case 'PA1':
        return;
      case 'PA2':
      case 'CLEAR':
        this.nextPage();
        return;
      case 'PA3':
        return;
      case 'PF': {
        const p = this.pf.get(n ?? 0);
        if (!p) return;
        if (p.mode === 'RETRIEVE') {
          const len = this.retrieve.length;
          if (len === 0) return;
          if (p.text === 'FORWARD') this.retrieveAt = this.retrieveAt <= 0 ? len - 1 : this.retrieveAt - 1;
          else this.retrieveAt = (this.retrieveAt + 1) % len;
          this.view?.setInput(this.retrieve[this.retrieveAt]!);
          return;
        }
        if (p.mode === 'DELAYED') {
          this.view?.setInput(p.text);
          return;
        }
        this.submit(p.text);
        return;
      }
    }
  }

  /** Set PFnn here only (CP's SET PFnn reaches the session as settings): IMMED text, or RETRIEVE. */
  setPf(n: number, text: string | undefined): void {
    if (text === undefined || text === '') this.pf.delete(n);
    else if (text.toUpperCase() === 'RETRIEVE') this.pf.set(n, { mode: 'RETRIEVE', text: 'BACKWARD' });
    else this.pf.set(n, { mode: 'IMMED', text });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.disarm();
    if (this.session && this.session.state !== 'CLOSED') this.session.hangup();
    this.view?.close('session ended');
  }
}
