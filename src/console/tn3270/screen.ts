/**
 * The CP console screen on a 3270 (CONSOLE-3270.md §1.1) and how it is drawn.
 *
 *   rows 1 .. R-2   output area: one protected field; one output row per screen row
 *   rows R-1 .. R   input area: one unprotected field (non-display for passwords),
 *                   from row R-1 column 2 up to just before the status area
 *   row R col 61    status area (80 columns: cols-19 in general): "CP READ   VMSYS1"
 *
 * Field attribute bytes take a screen position each: the input field's is at row R-1
 * column 1, the status field's at row R column 60, and the output field's at the very
 * last position of the screen (the buffer wraps, so the output field starts at
 * position 0 and every output row has the full screen width).
 *
 * The model keeps what is on the screen and what changed; render() turns that into
 * one record: Erase/Write (or Erase/Write Alternate on models 3-5) for a full paint,
 * or a Write with just the changed rows, status and input field.  Every record's WCC
 * restores the keyboard, so each answer to an AID unlocks the terminal.
 */

import {
  ATTR_INTENSIFIED,
  ATTR_NONDISPLAY,
  ATTR_PROTECTED,
  CMD_ERASE_WRITE,
  CMD_ERASE_WRITE_ALTERNATE,
  CMD_WRITE,
  DataStream,
  WCC_KEYBOARD_RESTORE,
  WCC_RESET_MDT,
  WCC_ALARM,
} from './datastream.js';

export interface ScreenLayout {
  readonly rows: number;
  readonly cols: number;
  readonly size: number;
  readonly outputRows: number;
  /** Attribute position of the output field (last screen position). */
  readonly outputAttr: number;
  readonly inputAttr: number;
  readonly inputStart: number;
  readonly inputLength: number;
  readonly statusAttr: number;
  readonly statusStart: number;
  readonly statusLength: number;
}

/** Width of the state word column in the status area ("NOT ACCEPTED" is wider and gets one blank). */
const STATE_WIDTH = 10;

export function consoleLayout(rows: number, cols: number): ScreenLayout {
  if (rows < 4 || cols < 40) throw new RangeError(`screen ${rows}x${cols} too small for a console`);
  const size = rows * cols;
  const inputAttr = (rows - 2) * cols;
  const statusStart = (rows - 1) * cols + (cols - 20); // 80 columns: column 61 (1-based)
  const statusAttr = statusStart - 1;
  return {
    rows,
    cols,
    size,
    outputRows: rows - 2,
    outputAttr: size - 1,
    inputAttr,
    inputStart: inputAttr + 1,
    inputLength: statusAttr - (inputAttr + 1),
    statusAttr,
    statusStart,
    statusLength: size - 1 - statusStart,
  };
}

/** The status-area text: the state word, padded, then the system name. */
export function statusText(state: string, system: string, width: number): string {
  const word = state.length >= STATE_WIDTH ? `${state} ` : state.padEnd(STATE_WIDTH);
  return (word + system).slice(0, width).trimEnd();
}

/** Split a line into screen rows (an empty line is one empty row). Tabs become blanks. */
export function wrapLine(line: string, cols: number): string[] {
  const clean = line.replace(/\t/g, ' ');
  if (clean.length <= cols) return [clean];
  const out: string[] = [];
  for (let i = 0; i < clean.length; i += cols) out.push(clean.slice(i, i + cols));
  return out;
}

export interface RenderOptions {
  /** Send a Write even when nothing changed (to unlock the keyboard after an AID). */
  unlock?: boolean;
  /** Sound the alarm with this record. */
  alarm?: boolean;
}

export class ConsoleScreen {
  readonly layout: ScreenLayout;
  private rows: string[] = [];
  private input = '';
  private status = '';
  private password = false;
  private full = true;
  private readonly dirtyRows = new Set<number>();
  private inputDirty = false;
  private statusDirty = false;

  /**
   * @param alternate the screen is not 24x80: full paints use Erase/Write Alternate.
   */
  constructor(
    rows: number,
    cols: number,
    private readonly alternate: boolean,
  ) {
    this.layout = consoleLayout(rows, cols);
  }

  /** Output rows as shown (for tests and for renderers that want the model). */
  get outputRows(): readonly string[] {
    return this.rows;
  }

  get inputText(): string {
    return this.input;
  }

  get statusLine(): string {
    return this.status;
  }

  get passwordMode(): boolean {
    return this.password;
  }

  /** The next render() is a full paint (start, or the terminal cleared itself with CLEAR). */
  requireFullPaint(): void {
    this.full = true;
  }

  output(lines: readonly string[]): void {
    const { cols, outputRows } = this.layout;
    for (const line of lines) {
      for (const row of wrapLine(line, cols)) {
        if (this.rows.length === outputRows) {
          // Overflow: scroll by one row; every row moves, so every row is redrawn.
          this.rows.shift();
          for (let r = 0; r < outputRows; r++) this.dirtyRows.add(r);
        }
        this.rows.push(row);
        this.dirtyRows.add(this.rows.length - 1);
      }
    }
  }

  clearOutput(): void {
    for (let r = 0; r < this.rows.length; r++) this.dirtyRows.add(r);
    this.rows = [];
  }

  /** Replace the input area's text and redraw it (the cursor goes after the text). */
  setInput(text: string): void {
    this.input = text.slice(0, this.layout.inputLength);
    this.inputDirty = true;
  }

  /** The terminal already shows `text` in the input field (the user typed it): remember it, draw nothing. */
  noteTyped(text: string): void {
    this.input = text.slice(0, this.layout.inputLength);
  }

  setStatus(state: string, system: string): void {
    const text = statusText(state, system, this.layout.statusLength);
    if (text !== this.status) {
      this.status = text;
      this.statusDirty = true;
    }
  }

  setPasswordMode(on: boolean): void {
    if (on !== this.password) {
      this.password = on;
      // The attribute changes; what was typed must not show in the clear.
      this.input = '';
      this.inputDirty = true;
    }
  }

  get dirty(): boolean {
    return this.full || this.inputDirty || this.statusDirty || this.dirtyRows.size > 0;
  }

  private inputAttribute(): number {
    return this.password ? ATTR_NONDISPLAY : 0;
  }

  /** One record for everything that changed, or null when there is nothing to send. */
  render(opts: RenderOptions = {}): Uint8Array | null {
    if (!this.dirty && !opts.unlock) return null;
    const L = this.layout;
    const alarm = opts.alarm ? WCC_ALARM : 0;
    let ds: DataStream;
    if (this.full) {
      ds = new DataStream(
        this.alternate ? CMD_ERASE_WRITE_ALTERNATE : CMD_ERASE_WRITE,
        WCC_KEYBOARD_RESTORE | WCC_RESET_MDT | alarm,
      );
      ds.sba(L.outputAttr).sf(ATTR_PROTECTED);
      this.rows.forEach((text, r) => {
        if (text.length > 0) ds.sba(r * L.cols).text(text);
      });
      ds.sba(L.inputAttr).sf(this.inputAttribute());
      if (this.input.length > 0) ds.text(this.input);
      ds.sba(L.statusAttr).sf(ATTR_PROTECTED | ATTR_INTENSIFIED).text(this.status);
      ds.sba(L.inputStart + Math.min(this.input.length, L.inputLength - 1)).ic();
    } else {
      ds = new DataStream(CMD_WRITE, WCC_KEYBOARD_RESTORE | alarm);
      for (const r of [...this.dirtyRows].sort((a, b) => a - b)) {
        const text = this.rows[r] ?? '';
        const start = r * L.cols;
        ds.sba(start).text(text);
        if (text.length < L.cols) ds.ra(start + L.cols, 0x00);
      }
      if (this.statusDirty) {
        ds.sba(L.statusStart).text(this.status);
        if (this.status.length < L.statusLength) ds.ra(L.outputAttr, 0x00);
      }
      if (this.inputDirty) {
        ds.sba(L.inputAttr).sf(this.inputAttribute()).text(this.input);
        if (this.input.length < L.inputLength) ds.ra(L.statusAttr, 0x00);
        ds.sba(L.inputStart + Math.min(this.input.length, L.inputLength - 1)).ic();
      }
    }
    this.full = false;
    this.inputDirty = false;
    this.statusDirty = false;
    this.dirtyRows.clear();
    return ds.toBytes();
  }
}
