/**
 * Test helpers: a headless xterm.js terminal that receives a renderer's output, so
 * tests can read the screen as a user would see it.
 */
import { PassThrough, Writable } from 'node:stream';

import pkg from '@xterm/headless';

const { Terminal } = pkg;
type HeadlessTerminal = InstanceType<typeof Terminal>;

export class HeadlessScreen {
  readonly term: HeadlessTerminal;
  /** Everything the renderer wrote, in order. */
  readonly written: string[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(rows = 24, cols = 80) {
    this.term = new Terminal({ rows, cols, allowProposedApi: true, scrollback: 0 });
  }

  /** A writable stream that feeds the terminal. */
  stream(): Writable & { rows: number; columns: number; isTTY: boolean } {
    const self = this;
    const w = new Writable({
      decodeStrings: false,
      write(chunk: Buffer | string, _enc, cb) {
        self.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
        cb();
      },
    });
    // Look like a TTY of this size, so the renderer picks the size up.
    return Object.assign(w, { rows: this.term.rows, columns: this.term.cols, isTTY: false });
  }

  write(data: string): void {
    this.written.push(data);
    this.chain = this.chain.then(() => new Promise<void>((r) => this.term.write(data, r)));
  }

  /** Let pending repaints happen (a few event-loop turns) and the terminal parse them. */
  async settle(): Promise<void> {
    for (let i = 0; i < 4; i++) await new Promise((r) => setImmediate(r));
    await this.chain;
  }

  /** Screen rows (0-based index), trailing blanks removed. */
  lines(): string[] {
    const buf = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.term.rows; y++) out.push((buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '').trimEnd());
    return out;
  }

  /** Row `row` (1-based), full width. */
  row(row: number): string {
    const buf = this.term.buffer.active;
    return buf.getLine(buf.viewportY + row - 1)?.translateToString(false) ?? '';
  }

  /** Text at 1-based row/col, `len` characters. */
  at(row: number, col: number, len: number): string {
    return this.row(row).slice(col - 1, col - 1 + len);
  }

  /** Cursor position, 1-based. */
  cursor(): { row: number; col: number } {
    const buf = this.term.buffer.active;
    return { row: buf.cursorY + 1, col: buf.cursorX + 1 };
  }

  text(): string {
    return this.lines().join('\n');
  }

  allWritten(): string {
    return this.written.join('');
  }
}

/** A keyboard: a stream the renderer reads raw bytes from. */
export function keyboard(): PassThrough {
  return new PassThrough();
}
