// Fakes for full-screen session tests: timers that never sleep, a view that records.
import type { ConsoleTimers } from '../../../src/console/core/screen-session.js';
import type { ConsoleView, TerminalInfo } from '../../../src/console/tn3270/session-port.js';

export class FakeTimers implements ConsoleTimers {
  private next = 1;
  readonly pending = new Map<number, { fn: () => void; at: number }>();
  now = 0;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { fn, at: this.now + ms });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.pending.delete(h as number);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.pending]) {
      if (t.at <= this.now) {
        this.pending.delete(id);
        t.fn();
      }
    }
  }
}

export class FakeView implements ConsoleView {
  screen: string[] = [];
  input = '';
  closedWith: string | undefined;
  statusChanges = 0;
  output(lines: readonly string[]): void {
    this.screen.push(...lines);
  }
  clearOutput(): void {
    this.screen = [];
  }
  setInput(text: string): void {
    this.input = text;
  }
  statusChanged(): void {
    this.statusChanges++;
  }
  close(reason?: string): void {
    this.closedWith = reason ?? 'closed';
  }
}

export const TERMINAL: TerminalInfo = {
  terminalType: 'IBM-3278-2-E',
  model: 2,
  rows: 24,
  cols: 80,
  outputRows: 22,
  inputLength: 138,
  tn3270e: false,
  remote: 'test',
};

export const settle = () => new Promise((r) => setTimeout(r, 60));

export async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

