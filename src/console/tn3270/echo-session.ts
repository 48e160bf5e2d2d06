/**
 * A stand-in console session for tests and demos of the 3270 front end.
 *
 * It shows a logo, echoes every line it is given (as CP echoes input into the
 * output area), and answers a few words so every part of the screen can be driven:
 *
 *   LOGON user   -> password prompt (non-display input), then CP READ
 *   MANY n       -> n numbered output lines (scrolling)
 *   STATE word   -> shows `word` in the status area (e.g. STATE HOLDING)
 *   BUSY         -> NOT ACCEPTED: the line stays in the input area
 *   RETRIEVE     -> puts the previous line back into the input area
 *   DROP         -> the session ends and the terminal is disconnected
 *   anything else-> "ECHO: <line>"
 *
 * PA1 -> CP READ and "PA1"; PA2 and CLEAR empty the output area; PFn -> "PFn".
 * Every call is recorded in `events` for assertions.
 */

import type { AttentionKind, ConsolePort, ConsoleState, ConsoleStatus, ConsoleView, TerminalInfo } from './session-port.js';

export const ECHO_LOGO: readonly string[] = [
  '',
  '   VV     VV  MM     MM  RRRRRR   EEEEEEE  XX   XX  XX   XX',
  '    VV   VV   MMM   MMM  RR   RR  EE        XX XX    XX XX',
  '     VV VV    MM MMM MM  RRRRRR   EEEEE      XXX      XXX',
  '      VVV     MM  M  MM  RR  RR   EE        XX XX    XX XX',
  '       V      MM     MM  RR   RR  EEEEEEE  XX   XX  XX   XX',
  '',
  'Enter one of the following commands:',
  '   LOGON userid              (Example: LOGON VMUSERID)',
  '   DIAL userid               (Example: DIAL VMUSERID)',
  '   MSG userid message        (Example: MSG VMUSERID GOOD MORNING)',
  '   LOGOFF',
];

export interface EchoSessionOptions {
  system?: string;
  /** Extra answers: return lines to print, or undefined to fall through to the built-ins. */
  respond?: (line: string) => string[] | undefined;
}

export class EchoSession implements ConsolePort {
  readonly events: string[] = [];
  view?: ConsoleView;
  closed = false;
  private state: ConsoleState | string = 'RUNNING';
  private readonly system: string;
  private password = false;
  private last = '';

  constructor(
    readonly terminal: TerminalInfo,
    private readonly opts: EchoSessionOptions = {},
  ) {
    this.system = opts.system ?? 'VMSYS1';
  }

  attach(view: ConsoleView): void {
    this.view = view;
    this.events.push('attach');
    view.clearOutput();
    view.output(ECHO_LOGO);
    view.statusChanged();
  }

  status(): ConsoleStatus {
    return { state: this.state, system: this.system };
  }

  passwordMode(): boolean {
    return this.password;
  }

  private setState(state: ConsoleState | string): void {
    this.state = state;
    this.view?.statusChanged();
  }

  submit(line: string): boolean {
    const view = this.view!;
    if (this.password) {
      this.events.push('password');
      this.password = false;
      view.output(['LOGON AT 12:00:00 UTC FRIDAY 01/01/27']);
      this.setState('CP READ');
      return true;
    }
    this.events.push(`submit:${line}`);
    const [word = '', ...rest] = line.trim().split(/\s+/);
    const verb = word.toUpperCase();
    if (verb === 'BUSY') {
      this.setState('NOT ACCEPTED');
      return false;
    }
    if (verb === 'RETRIEVE') {
      view.setInput(this.last);
      return true;
    }
    view.output([line]); // CP echoes the input line
    if (line.trim() !== '') this.last = line;
    const custom = this.opts.respond?.(line);
    if (custom) {
      view.output(custom);
    } else if (verb === 'LOGON') {
      view.output(['ENTER PASSWORD (IT WILL NOT APPEAR WHEN TYPED):']);
      this.password = true;
      this.setState('CP READ');
      return true;
    } else if (verb === 'MANY') {
      const n = Math.min(Number(rest[0] ?? '0') || 0, 100_000);
      view.output(Array.from({ length: n }, (_, i) => `LINE ${i + 1}`));
    } else if (verb === 'STATE') {
      this.setState(rest.join(' ').toUpperCase());
      return true;
    } else if (verb === 'DROP') {
      view.close('dropped by the session');
      return true;
    } else if (line.trim() !== '') {
      view.output([`ECHO: ${line}`]);
    }
    if (this.state !== 'CP READ') this.setState('VM READ');
    else this.view?.statusChanged();
    return true;
  }

  attention(kind: AttentionKind, n?: number): void {
    this.events.push(kind === 'PF' ? `PF${n}` : kind);
    const view = this.view!;
    switch (kind) {
      case 'PA1':
        view.output(['PA1']);
        this.setState('CP READ');
        break;
      case 'PA2':
      case 'CLEAR':
        view.clearOutput();
        if (this.state === 'MORE...' || this.state === 'HOLDING' || this.state === 'NOT ACCEPTED') this.setState('VM READ');
        break;
      case 'PF':
        view.output([`PF${n}`]);
        break;
      default:
        break;
    }
  }

  close(): void {
    this.events.push('close');
    this.closed = true;
  }
}
