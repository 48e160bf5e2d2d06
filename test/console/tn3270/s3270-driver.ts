/**
 * A small promise-based driver for s3270 (x3270's scripting emulator).
 *
 * s3270 reads one action per line on stdin and answers with `data: ...` lines,
 * one status line, and `ok` or `error` (x3270-script(1)).
 */

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';

export const S3270_PATH = '/usr/bin/s3270';
export const haveS3270 = existsSync(S3270_PATH);

export interface S3270Reply {
  ok: boolean;
  data: string[];
  status: string;
}

export class S3270 {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buffer = '';
  private waiting?: { resolve: (r: S3270Reply) => void; reject: (e: Error) => void };
  private lines: string[] = [];
  private exited = false;
  /** Every exchange, for failure messages. */
  readonly log: string[] = [];

  constructor(args: string[] = []) {
    this.proc = spawn(S3270_PATH, ['-codepage', 'cp037', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.setEncoding('utf8');
    this.proc.stdout.on('data', (chunk: string) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk) => this.log.push(`stderr: ${String(chunk)}`));
    this.proc.on('exit', () => {
      this.exited = true;
      this.waiting?.reject(new Error(`s3270 exited\n${this.log.join('\n')}`));
      this.waiting = undefined;
    });
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      if (line === 'ok' || line === 'error') {
        const status = this.lines.pop() ?? '';
        const data = this.lines.filter((l) => l.startsWith('data: ') || l === 'data:').map((l) => l.slice(6));
        this.lines = [];
        const w = this.waiting;
        this.waiting = undefined;
        w?.resolve({ ok: line === 'ok', data, status });
      } else {
        this.lines.push(line);
      }
    }
  }

  /** Run one action; rejects when s3270 answers `error` unless `allowError`. */
  async run(action: string, allowError = false): Promise<S3270Reply> {
    if (this.exited) throw new Error('s3270 has exited');
    if (this.waiting) throw new Error('s3270 actions must not overlap');
    const reply = await new Promise<S3270Reply>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.proc.stdin.write(`${action}\n`);
    });
    this.log.push(`> ${action}`, ...reply.data.map((d) => `  ${d}`), `  [${reply.status}] ${reply.ok ? 'ok' : 'error'}`);
    if (!reply.ok && !allowError) throw new Error(`s3270 ${action} failed: ${reply.data.join(' | ')}\n${this.log.join('\n')}`);
    return reply;
  }

  /** The screen as text lines. */
  async screen(): Promise<string[]> {
    return (await this.run('Ascii()')).data;
  }

  /** Wait (polling Ascii()) until the screen satisfies `pred`; s3270's Wait(Output) can race with our writes. */
  async waitFor(pred: (screen: string[]) => boolean, what: string, timeoutMs = 5000): Promise<string[]> {
    const end = Date.now() + timeoutMs;
    let last: string[] = [];
    while (Date.now() < end) {
      last = await this.screen();
      if (pred(last)) return last;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${what}; screen:\n${last.join('\n')}\n${this.log.slice(-40).join('\n')}`);
  }

  async quit(): Promise<void> {
    if (this.exited) return;
    this.proc.stdin.write('Quit()\n');
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.proc.kill('SIGKILL');
        resolve();
      }, 2000);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}

/** Status line fields (x3270-script): keyboard, formatted, protected, connection, mode, model, rows, cols, cursor row, cursor col, ... */
export function statusFields(status: string): {
  keyboard: string;
  formatted: string;
  connection: string;
  mode: string;
  model: string;
  rows: number;
  cols: number;
  cursorRow: number;
  cursorCol: number;
} {
  const f = status.split(' ');
  return {
    keyboard: f[0] ?? '',
    formatted: f[1] ?? '',
    connection: f[3] ?? '',
    mode: f[4] ?? '',
    model: f[5] ?? '',
    rows: Number(f[6]),
    cols: Number(f[7]),
    cursorRow: Number(f[8]),
    cursorCol: Number(f[9]),
  };
}
