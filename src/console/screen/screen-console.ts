/**
 * The CP console drawn full-screen on an ANSI terminal: a {@link ConsoleView} that
 * draws the same screen as the TN3270 front end (src/console/tn3270/screen.ts) with
 * cursor addressing instead of a 3270 data stream.
 *
 *   rows 1 .. R-2   output area (wrapped, scrolled by the session's paging)
 *   rows R-1 .. R   input area from row R-1 column 2 to just before the status area;
 *                   edited here (insert / overwrite, cursor keys, ERASE EOF ...);
 *                   non-display while the session reads a password: typed
 *                   characters are kept only until Enter and never drawn
 *   row R col C-19  status area: state word + system name, e.g. "CP READ   VMSYS1"
 *
 * The session (the ConsolePort) decides everything else: states, MORE.../HOLDING,
 * the echo of entered lines, what PA/PF/CLEAR mean.  This class only draws and
 * reports keys (see keys.ts for the key map).
 *
 * Drawing: the screen is composed into rows of cells; a repaint, once per turn of
 * the event loop, rewrites only the rows that differ from what the terminal shows.
 * Text from the session is filtered so no control sequence reaches the terminal.
 * Colours follow a 3279: output (protected) blue, input (unprotected) green,
 * status (protected, intensified) bright white.
 */

import { ConsoleScreen } from '../tn3270/screen.js';
import type { AttentionKind, ConsolePort, ConsoleView } from '../tn3270/session-port.js';
import { MAX_COLS, MAX_ROWS, type Geometry } from './geometry.js';
import { KeyParser, type EditKey, type KeyEvent } from './keys.js';

export interface ScreenConsoleOptions {
  /** The console screen: the size the session was created for. */
  geometry: Geometry;
  /** The terminal's size now (may differ from the geometry; see resize()). */
  termRows: number;
  termCols: number;
  /** 3279 colours (default true); without them only the status area is bold. */
  color?: boolean;
  /** Draw on the terminal's alternate screen and restore the old one on close (default true). */
  altScreen?: boolean;
  /**
   * On close, give the terminal back: leave the alternate screen (or move below the
   * console) and show the cursor.  Default true; false leaves the last screen in
   * view (a browser page that shows why the session ended).
   */
  leaveScreen?: boolean;
  /** Ctrl-] closes the console (default true). */
  quitKey?: boolean;
  /** Ring the bell when a key cannot be taken (input area full, bad character). Default true. */
  bell?: boolean;
  /** Called once when the console closes, with the reason; `error` when a failure closed it. */
  onClose?: (reason: string, error: boolean) => void;
  /** Diagnostics (never screen contents or input). */
  log?: (message: string) => void;
}

type Kind = 'o' | 'i' | 's';

const ESC = '\x1b';
const CSI = `${ESC}[`;

/** Characters that may go to the terminal as they are: printable ASCII, Latin-1, box drawing and blocks. */
function displayable(cp: number): boolean {
  return (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp <= 0xff) || (cp >= 0x2500 && cp <= 0x259f);
}

/**
 * Make session text safe and one cell per character: controls become blanks, other
 * characters that are not displayable (wide, combining, astral) become '?'.
 */
export function displayText(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (displayable(cp)) out += ch;
    else if (cp === 0x09) out += ' ';
    else out += cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? ' ' : '?';
  }
  return out;
}

export class ScreenConsole {
  readonly geometry: Geometry;
  private readonly model: ConsoleScreen;
  private readonly parser = new KeyParser();
  private readonly opts: ScreenConsoleOptions;
  private termRows: number;
  private termCols: number;
  private input = '';
  private cursor = 0;
  private insertMode = true;
  private password = false;
  /** What the terminal shows, row by row (undefined: unknown, must be drawn). */
  private shown: (string | undefined)[] = [];
  private shownCursor = '';
  private shownInsert: boolean | undefined;
  private fullPaint = true;
  private started = false;
  private closedFlag = false;
  private scheduled = false;
  private port?: ConsolePort;
  closeReason?: string;

  constructor(
    port: ConsolePort,
    private readonly write: (data: string) => void,
    opts: ScreenConsoleOptions,
  ) {
    this.port = port;
    this.opts = opts;
    this.geometry = opts.geometry;
    this.model = new ConsoleScreen(opts.geometry.rows, opts.geometry.cols, false);
    this.termRows = clampSize(opts.termRows, MAX_ROWS);
    this.termCols = clampSize(opts.termCols, MAX_COLS);
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Output rows as the model holds them (tests). */
  get outputRows(): readonly string[] {
    return this.model.outputRows;
  }

  /** The input area's text (tests; '' is returned while a password is being typed). */
  get inputText(): string {
    return this.password ? '' : this.input;
  }

  /** Take over the terminal, attach to the session and draw the first screen. */
  start(): void {
    if (this.started || this.closedFlag) return;
    this.started = true;
    this.emit(`${this.opts.altScreen === false ? '' : `${CSI}?1049h`}${CSI}?7l${CSI}0m${CSI}2J`);
    const port = this.port!;
    this.guard(() => port.attach(this.makeView()));
    this.schedule();
  }

  /** Bytes typed at the terminal. */
  feed(data: Uint8Array | string): void {
    if (this.closedFlag) return;
    let events: KeyEvent[];
    try {
      events = this.parser.feed(data);
    } catch (e) {
      this.close(`input error: ${(e as Error).message}`, true);
      return;
    }
    for (const ev of events) {
      if (this.closedFlag) return;
      this.guard(() => this.key(ev));
    }
    this.schedule();
  }

  /** The terminal changed size: redraw everything. */
  resize(cols: number, rows: number): void {
    if (this.closedFlag) return;
    this.termCols = clampSize(cols, MAX_COLS);
    this.termRows = clampSize(rows, MAX_ROWS);
    this.fullPaint = true;
    this.schedule();
  }

  /** Draw now what changed (normally done once per turn of the event loop). */
  flush(): void {
    if (this.closedFlag || !this.started) return;
    this.guard(() => this.paint());
  }

  /** Close the console (idempotent): the session's close() is called exactly once, the terminal restored. */
  close(reason = 'closed', error = false): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.closeReason = reason;
    this.input = '';
    const port = this.port;
    this.port = undefined;
    if (port) {
      try {
        port.close();
      } catch (e) {
        this.opts.log?.(`screen console: session close failed: ${(e as Error).message}`);
      }
    }
    if (this.started) {
      const restore = `${CSI}0m${CSI}?7h${CSI}0 q${CSI}?25h`;
      if (this.opts.leaveScreen === false) this.emit(`${CSI}0m${CSI}?25l`);
      else this.emit(this.opts.altScreen === false ? `${restore}${CSI}${this.termRows};1H\r\n` : `${restore}${CSI}?1049l`);
    }
    try {
      this.opts.onClose?.(reason, error);
    } catch {
      /* the caller's problem */
    }
  }

  // ---------------------------------------------------------------- the view

  private makeView(): ConsoleView {
    return {
      output: (lines) => {
        if (this.closedFlag) return;
        this.model.output(lines.map((l) => displayText(String(l))));
        this.schedule();
      },
      clearOutput: () => {
        if (this.closedFlag) return;
        this.model.clearOutput();
        this.schedule();
      },
      setInput: (text) => {
        if (this.closedFlag) return;
        this.input = displayText(String(text)).slice(0, this.model.layout.inputLength);
        this.cursor = Math.min(this.input.length, this.model.layout.inputLength);
        this.schedule();
      },
      statusChanged: () => {
        if (this.closedFlag) return;
        this.syncPassword();
        this.schedule();
      },
      close: (reason) => {
        if (this.closedFlag) return;
        this.flush();
        this.close(reason ?? 'session ended');
      },
    };
  }

  private syncPassword(): void {
    const port = this.port;
    if (!port) return;
    const on = port.passwordMode() === true;
    if (on !== this.password) {
      // Entering or leaving a non-display read: whatever was typed must not show or leak.
      this.password = on;
      this.input = '';
      this.cursor = 0;
    }
  }

  // ---------------------------------------------------------------- keys

  private key(ev: KeyEvent): void {
    switch (ev.type) {
      case 'char':
        return this.typeChar(ev.ch);
      case 'aid':
        if (ev.kind === 'CLEAR') {
          // A 3270's CLEAR erases the whole buffer, input field included.
          this.input = '';
          this.cursor = 0;
          this.fullPaint = true;
        }
        return this.attention(ev.kind);
      case 'pf':
        return this.attention('PF', ev.n);
      case 'edit':
        return this.edit(ev.key);
    }
  }

  private attention(kind: AttentionKind, n?: number): void {
    const port = this.port;
    if (!port) return;
    port.attention(kind, n);
  }

  private bell(): void {
    if (this.opts.bell !== false) this.emit('\x07');
  }

  private typeChar(ch: string): void {
    const max = this.model.layout.inputLength;
    if (!displayable(ch.codePointAt(0)!)) return this.bell();
    if (this.cursor >= max) return this.bell();
    const text = this.cursor > this.input.length ? this.input.padEnd(this.cursor) : this.input;
    if (this.insertMode) {
      if (text.replace(/ +$/, '').length >= max) return this.bell();
      this.input = (text.slice(0, this.cursor) + ch + text.slice(this.cursor)).slice(0, max);
    } else {
      this.input = text.slice(0, this.cursor) + ch + text.slice(this.cursor + 1);
    }
    this.cursor++;
  }

  private edit(key: EditKey): void {
    const max = this.model.layout.inputLength;
    const cols = this.model.layout.cols;
    switch (key) {
      case 'enter':
        return this.enter();
      case 'backspace':
        if (this.cursor === 0) return;
        if (this.cursor <= this.input.length) this.input = this.input.slice(0, this.cursor - 1) + this.input.slice(this.cursor);
        this.cursor--;
        return;
      case 'delete':
        if (this.cursor < this.input.length) this.input = this.input.slice(0, this.cursor) + this.input.slice(this.cursor + 1);
        return;
      case 'left':
        if (this.cursor > 0) this.cursor--;
        return;
      case 'right':
        if (this.cursor < max - 1) this.cursor++;
        return;
      case 'up':
        this.cursor = Math.min(this.cursor, max - 1); // from where the cursor is drawn
        if (this.cursor - cols >= 0) this.cursor -= cols;
        return;
      case 'down':
        this.cursor = Math.min(this.cursor, max - 1);
        if (this.cursor + cols < max) this.cursor += cols;
        return;
      case 'home':
      case 'tab':
      case 'backtab':
        this.cursor = 0;
        return;
      case 'end':
        this.cursor = Math.min(this.input.replace(/ +$/, '').length, max);
        return;
      case 'insert':
        this.insertMode = !this.insertMode;
        return;
      case 'eraseEof':
        this.input = this.input.slice(0, this.cursor);
        return;
      case 'eraseInput':
        this.input = '';
        this.cursor = 0;
        return;
      case 'quit':
        if (this.opts.quitKey !== false) this.close('quit key (Ctrl-])');
        return;
    }
  }

  private enter(): void {
    const port = this.port;
    if (!port) return;
    const line = this.input.replace(/ +$/, '');
    // Clear first: the session may put text back (RETRIEVE) while it handles the line.
    this.input = '';
    this.cursor = 0;
    const wasPassword = this.password;
    const taken = port.submit(line);
    if (!taken && !this.closedFlag && !wasPassword) {
      // NOT ACCEPTED: the line stays in the input area for re-entry.
      this.input = line;
      this.cursor = Math.min(line.length, this.model.layout.inputLength);
    }
  }

  // ---------------------------------------------------------------- drawing

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.close(`error: ${(e as Error).message}`, true);
    }
  }

  private emit(data: string): void {
    if (data.length === 0) return;
    try {
      this.write(data);
    } catch (e) {
      if (!this.closedFlag) this.close(`output error: ${(e as Error).message}`, true);
    }
  }

  private schedule(): void {
    if (this.scheduled || this.closedFlag || !this.started) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private sgr(kind: Kind): string {
    if (this.opts.color === false) return kind === 's' ? `${CSI}0;1m` : `${CSI}0m`;
    switch (kind) {
      case 'o':
        return `${CSI}0;94m`; // protected normal: blue
      case 'i':
        return `${CSI}0;32m`; // unprotected normal: green
      case 's':
        return `${CSI}0;1;97m`; // protected intensified: white
    }
  }

  /** The whole console screen as rows of characters and cell kinds. */
  private compose(): { text: string[]; kinds: Kind[][] } {
    const L = this.model.layout;
    const cells: string[] = new Array<string>(L.size).fill(' ');
    const kinds: Kind[] = new Array<Kind>(L.size).fill('o');
    this.model.outputRows.forEach((row, r) => {
      for (let c = 0; c < row.length && c < L.cols; c++) cells[r * L.cols + c] = row[c]!;
    });
    for (let i = 0; i < L.inputLength; i++) {
      kinds[L.inputStart + i] = 'i';
      if (!this.password && i < this.input.length) cells[L.inputStart + i] = this.input[i]!;
    }
    const status = this.model.statusLine;
    for (let i = 0; i < L.statusLength; i++) {
      kinds[L.statusStart + i] = 's';
      if (i < status.length) cells[L.statusStart + i] = status[i]!;
    }
    const text: string[] = [];
    const rowKinds: Kind[][] = [];
    for (let r = 0; r < L.rows; r++) {
      text.push(cells.slice(r * L.cols, (r + 1) * L.cols).join(''));
      rowKinds.push(kinds.slice(r * L.cols, (r + 1) * L.cols));
    }
    return { text, kinds: rowKinds };
  }

  private rowBytes(r: number, text: string, kinds: Kind[]): string {
    let out = `${CSI}${r + 1};1H`;
    let cur: Kind | undefined;
    let run = '';
    for (let c = 0; c < text.length; c++) {
      const k = kinds[c]!;
      if (k !== cur) {
        if (run) out += run;
        run = '';
        out += this.sgr(k);
        cur = k;
      }
      run += text[c];
    }
    return out + run;
  }

  /** Rows shown when the terminal is smaller than the console screen. */
  private notice(): string[] {
    const { rows, cols } = this.geometry;
    const lines = [
      'vmrexx console',
      `This console needs a ${cols}x${rows} terminal;`,
      `this one is ${this.termCols}x${this.termRows}.`,
      'Please enlarge the window.',
    ];
    return lines.map((l) => l.slice(0, this.termCols).padEnd(this.termCols));
  }

  private paint(): void {
    const port = this.port;
    if (!port) return;
    const st = port.status();
    this.syncPassword();
    this.model.setStatus(displayText(String(st.state)), displayText(String(st.system)));
    let out = '';
    if (this.fullPaint) {
      out += `${CSI}0m${CSI}2J`;
      this.shown = [];
      this.shownCursor = '';
      this.fullPaint = false;
    }
    const L = this.model.layout;
    const fits = this.termRows >= L.rows && this.termCols >= L.cols;
    let cursor: string;
    if (fits) {
      const { text, kinds } = this.compose();
      for (let r = 0; r < L.rows; r++) {
        const key = text[r]! + kinds[r]!.join('');
        if (this.shown[r] === key) continue;
        this.shown[r] = key;
        out += this.rowBytes(r, text[r]!, kinds[r]!);
      }
      const pos = L.inputStart + Math.min(this.cursor, L.inputLength - 1);
      cursor = `${CSI}${Math.floor(pos / L.cols) + 1};${(pos % L.cols) + 1}H`;
    } else {
      const lines = this.notice();
      const rows = Math.min(lines.length, this.termRows);
      for (let r = 0; r < rows; r++) {
        const key = `notice:${lines[r]}`;
        if (this.shown[r] === key) continue;
        this.shown[r] = key;
        out += `${CSI}${r + 1};1H${CSI}0m${lines[r]}`;
      }
      cursor = `${CSI}1;1H`;
    }
    if (this.shownInsert !== this.insertMode) {
      this.shownInsert = this.insertMode;
      out += this.insertMode ? `${CSI}5 q` : `${CSI}2 q`; // bar: insert, block: overwrite
    }
    if (out === '' && cursor === this.shownCursor) return;
    this.shownCursor = cursor;
    this.emit(`${CSI}?25l${out}${CSI}0m${cursor}${CSI}?25h`);
  }
}

function clampSize(n: number, max: number): number {
  if (!Number.isFinite(n)) return 1;
  return Math.max(1, Math.min(max, Math.floor(n)));
}

