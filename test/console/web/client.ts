/**
 * Test helpers for the web console: a WebSocket client that speaks the page's
 * protocol and draws what it receives on a headless xterm.js terminal.
 */
import { WebSocket } from 'ws';

import { HeadlessScreen } from '../screen/headless.js';

export interface ClientOptions {
  rows?: number;
  cols?: number;
  /** Send the size first, as the page does (default true). */
  hello?: boolean;
  headers?: Record<string, string>;
}

export class WebClient {
  readonly screen: HeadlessScreen;
  readonly controls: Record<string, unknown>[] = [];
  /** Every binary frame received, as text. */
  readonly received: string[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  isClosed = false;

  private constructor(
    readonly ws: WebSocket,
    rows: number,
    cols: number,
  ) {
    this.screen = new HeadlessScreen(rows, cols);
    ws.on('message', (data, isBinary) => {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
      if (isBinary) {
        const text = buf.toString('utf8');
        this.received.push(text);
        this.screen.write(text);
      } else {
        this.controls.push(JSON.parse(buf.toString('utf8')) as Record<string, unknown>);
      }
    });
    ws.on('error', () => {});
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.isClosed = true;
        resolve({ code, reason: reason.toString() });
      }),
    );
  }

  static async open(url: string, opts: ClientOptions = {}): Promise<WebClient> {
    const rows = opts.rows ?? 24;
    const cols = opts.cols ?? 80;
    const wsUrl = url.replace(/^http/, 'ws') + 'ws';
    const ws = new WebSocket(wsUrl, { headers: opts.headers });
    const client = new WebClient(ws, rows, cols);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    if (opts.hello !== false) ws.send(JSON.stringify({ type: 'resize', cols, rows }));
    return client;
  }

  keys(s: string): void {
    this.ws.send(Buffer.from(s, 'utf8'), { binary: true });
  }

  /** Wait until `pred` holds for the screen (polling; fails after `ms`). */
  async waitFor(pred: (c: WebClient) => boolean, ms = 5000, what = 'condition'): Promise<void> {
    const end = Date.now() + ms;
    for (;;) {
      await this.screen.settle();
      if (pred(this)) return;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${this.screen.text()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async waitText(text: string, ms = 5000): Promise<void> {
    await this.waitFor((c) => c.screen.text().includes(text), ms, JSON.stringify(text));
  }

  allReceived(): string {
    return this.received.join('');
  }

  close(): void {
    this.ws.close();
  }
}
