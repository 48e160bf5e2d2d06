/**
 * The seam between a terminal front end and a console session.
 *
 * A front end (here: one TN3270 connection) asks a {@link SessionFactory} for a
 * {@link ConsolePort} once the terminal's size is known, then attaches a
 * {@link ConsoleView}.  The port drives the console: it decides every state
 * (RUNNING, VM READ, CP READ, MORE..., HOLDING, NOT ACCEPTED), does the paging,
 * the echo of entered lines, the logo, line editing and PF key meanings.  The view
 * only draws what it is told and reports the keys the user pressed.
 *
 * Calls in both directions may be synchronous or later; the view batches what it
 * is told and repaints once per turn of the event loop.
 */

/** The status-area words of a CP console (CONSOLE-3270.md §1.2). */
export type ConsoleState = 'RUNNING' | 'VM READ' | 'CP READ' | 'MORE...' | 'HOLDING' | 'NOT ACCEPTED';

/** Keys other than Enter.  PF keys carry their number (1..24). */
export type AttentionKind = 'PA1' | 'PA2' | 'PA3' | 'CLEAR' | 'PF';

export interface ConsoleStatus {
  /** Shown at the start of the status area; normally a {@link ConsoleState}. */
  state: ConsoleState | string;
  /** System name shown after the state (e.g. `VMSYS1`). */
  system: string;
}

/** What the console knows about the terminal it is drawn on. */
export interface TerminalInfo {
  /** Terminal type as negotiated, e.g. `IBM-3278-2-E`. */
  terminalType: string;
  model: 2 | 3 | 4 | 5;
  rows: number;
  cols: number;
  /** Rows of the output area (rows - 2). Paging (MORE...) should count wrapped rows against it. */
  outputRows: number;
  /** Longest line the input area holds. */
  inputLength: number;
  /** TN3270E LU name, when TN3270E was negotiated. */
  luName?: string;
  tn3270e: boolean;
  /** `address:port` of the client, for messages and logs. */
  remote: string;
}

/** Implemented by the front end; called by the console session. */
export interface ConsoleView {
  /**
   * Append lines to the output area.  Lines longer than the screen is wide are
   * wrapped.  If the area overflows, the oldest rows scroll off (a session that pages
   * with MORE... calls clearOutput() before that happens).
   */
  output(lines: readonly string[]): void;
  /** Empty the output area (new page: MORE... timeout, CLEAR, PA2, logo). */
  clearOutput(): void;
  /** Replace the text of the input area (RETRIEVE, SET PFnn DELAYED, NOT ACCEPTED). */
  setInput(text: string): void;
  /** status() or passwordMode() changed: redraw the status area / input field. */
  statusChanged(): void;
  /** The session is over: the front end disconnects the terminal. */
  close(reason?: string): void;
}

/** Implemented by the console session; called by the front end. */
export interface ConsolePort {
  /** Called once, right after the factory returned.  The session may call the view at once (logo). */
  attach(view: ConsoleView): void;
  status(): ConsoleStatus;
  /** The next input is a password: the input area is non-display and nothing may echo it. */
  passwordMode(): boolean;
  /**
   * The user pressed Enter with `line` in the input area (trailing blanks removed;
   * may be empty).  Return false when the line was not taken (NOT ACCEPTED): the
   * front end leaves it in the input area.
   */
  submit(line: string): boolean;
  /** PA1/PA2/PA3/CLEAR, or PF `n` (1..24). */
  attention(kind: AttentionKind, n?: number): void;
  /**
   * The connection ended: the terminal went away, sent bad data, the server shut
   * down, or the session itself called view.close().  Called exactly once; the view
   * ignores calls made after it.
   */
  close(): void;
}

export type SessionFactory = (terminal: TerminalInfo) => ConsolePort;
