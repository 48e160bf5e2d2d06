/**
 * The browser console: an HTTP server with one page (xterm.js) and a WebSocket per
 * browser, each driving its own console session.
 *
 * The screen is drawn on the server by the same full-screen renderer as the terminal
 * console (../screen), so the browser shows exactly the same screen, keys and states,
 * and a password never reaches the page.
 *
 * Routes: GET /  (the page), /xterm.js and /xterm.css (from node_modules/@xterm/xterm),
 * /client.js, /console.css; WebSocket upgrade at /ws.  Nothing else.
 *
 * WebSocket protocol
 *   browser -> server  binary frame: key bytes as a terminal sends them (UTF-8)
 *                      text frame:   JSON {"type":"resize","cols":C,"rows":R}; the first
 *                                    one picks the screen (3270 model) of the session
 *   server -> browser  binary frame: terminal output (ANSI, UTF-8)
 *                      text frame:   JSON {"type":"ready","model","rows","cols"} when the
 *                                    session starts, {"type":"closed","reason"} before the
 *                                    server closes the socket
 * A session starts with the first resize message, with the first key frame, or after
 * helloTimeoutMs (24x80).
 *
 * Safety: each connection is guarded on its own.  Oversized frames (maxMessageBytes),
 * text frames that are not a valid control message, invalid UTF-8, protocol errors,
 * key floods (maxInputBytesPerSecond), a browser that stops reading its output
 * (maxPendingOutput), one that stops answering pings, or a session that throws close
 * that session only.  Upgrades are accepted only from pages of this server (the
 * Origin must match the Host) and, on a loopback address, only for loopback host
 * names (against DNS rebinding).
 */

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

import { WebSocketServer, WebSocket, type RawData } from 'ws';

import { geometryFor, MAX_COLS, MAX_ROWS, screenTerminalInfo, type Sizing } from '../screen/geometry.js';
import { ScreenConsole } from '../screen/screen-console.js';
import type { ConsolePort, SessionFactory } from '../tn3270/session-port.js';
import { clientScript, PAGE_CSS, pageHtml } from './page.js';

export interface WebConsoleServerOptions {
  /** TCP port; 0 picks a free one (see server.port). */
  port: number;
  /** Address to listen on (default 127.0.0.1).  Other addresses are the caller's policy. */
  host?: string;
  /** One console session per browser connection. */
  sessionFactory: SessionFactory;
  /** Page title (default "vmrexx console"). */
  title?: string;
  /** Most browser sessions at once (default 100); more are refused (close code 1013). */
  maxSessions?: number;
  /** Largest WebSocket message, bytes (default 4096). */
  maxMessageBytes?: number;
  /** Bytes (keys and control messages) a browser may send per second (default 65536). */
  maxInputBytesPerSecond?: number;
  /** Output queued for a browser beyond which it is dropped (default 4 MiB). */
  maxPendingOutput?: number;
  /** Time to wait for the first resize message (default 2000 ms). */
  helloTimeoutMs?: number;
  /** WebSocket ping interval; a browser that misses a pong is dropped (default 30 s, 0 = off). */
  pingIntervalMs?: number;
  /** How the screen is chosen from the browser terminal's size (default 'model'). */
  sizing?: Sizing;
  /** Origins allowed besides the server's own (e.g. behind a proxy). */
  allowedOrigins?: readonly string[];
  /** Host names allowed besides loopback names when listening on loopback. */
  allowedHosts?: readonly string[];
  /** Diagnostics (never screen contents or keys). */
  log?: (message: string) => void;
}

export interface WebConsoleServer {
  readonly host: string;
  readonly port: number;
  /** http://host:port/ */
  readonly url: string;
  /** Browser sessions open now. */
  readonly sessionCount: number;
  /** Stop listening and close every session (close code 1001). */
  close(): Promise<void>;
}

const requireFromHere = createRequire(import.meta.url);

interface Asset {
  type: string;
  body: Buffer;
}

function loadAssets(title: string): Map<string, Asset> {
  const xtermJs = readFileSync(requireFromHere.resolve('@xterm/xterm/lib/xterm.js'));
  const xtermCss = readFileSync(requireFromHere.resolve('@xterm/xterm/css/xterm.css'));
  return new Map<string, Asset>([
    ['/', { type: 'text/html; charset=utf-8', body: Buffer.from(pageHtml(title), 'utf8') }],
    ['/xterm.js', { type: 'text/javascript; charset=utf-8', body: xtermJs }],
    ['/xterm.css', { type: 'text/css; charset=utf-8', body: xtermCss }],
    ['/client.js', { type: 'text/javascript; charset=utf-8', body: Buffer.from(clientScript(), 'utf8') }],
    ['/console.css', { type: 'text/css; charset=utf-8', body: Buffer.from(PAGE_CSS, 'utf8') }],
  ]);
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function isLoopbackAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** The host name of a Host header value ("[::1]:8080" -> "::1"). */
function hostName(hostHeader: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(hostHeader);
  if (m) return m[1]!.toLowerCase();
  return hostHeader.replace(/:\d+$/, '').toLowerCase();
}

export async function startWebConsoleServer(opts: WebConsoleServerOptions): Promise<WebConsoleServer> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? (() => {});
  const assets = loadAssets(opts.title ?? 'vmrexx console');
  const maxSessions = opts.maxSessions ?? 100;
  const connections = new Set<WebConnection>();
  const loopbackOnly = isLoopbackAddress(host);
  const allowedHosts = new Set((opts.allowedHosts ?? []).map((h) => h.toLowerCase()));
  const allowedOrigins = new Set(opts.allowedOrigins ?? []);

  const http = createServer((req, res) => {
    try {
      serve(req, res);
    } catch (e) {
      log(`web: request failed: ${(e as Error).message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  http.headersTimeout = 10_000;
  http.requestTimeout = 30_000;
  http.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  function serve(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS });
      res.end();
      return;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    const asset = assets.get(path);
    if (!asset) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': asset.type, 'Content-Length': asset.body.length, ...SECURITY_HEADERS });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: opts.maxMessageBytes ?? 4096,
    perMessageDeflate: false,
    clientTracking: false,
  });

  /** Why an upgrade request is refused, or undefined when it is fine. */
  function refuseUpgrade(req: IncomingMessage): string | undefined {
    if ((req.url ?? '').split('?')[0] !== '/ws') return '404 Not Found';
    const hostHeader = req.headers.host ?? '';
    const name = hostName(hostHeader);
    if (loopbackOnly && !isLoopbackAddress(name) && !allowedHosts.has(name)) return '403 Forbidden';
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let ok = allowedOrigins.has(origin);
      if (!ok) {
        try {
          const u = new URL(origin);
          ok = (u.protocol === 'http:' || u.protocol === 'https:') && u.host.toLowerCase() === hostHeader.toLowerCase();
        } catch {
          ok = false;
        }
      }
      if (!ok) return '403 Forbidden';
    }
    return undefined;
  }

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refusal = refuseUpgrade(req);
    if (refusal) {
      log(`web: upgrade refused (${refusal}) from ${req.socket.remoteAddress}`);
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    try {
      wss.handleUpgrade(req, socket, head, (ws) => {
        const remote = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
        if (connections.size >= maxSessions) {
          ws.on('error', () => {});
          ws.close(1013, 'too many sessions');
          return;
        }
        const conn = new WebConnection(ws, remote, opts, log, () => connections.delete(conn));
        connections.add(conn);
        conn.start();
      });
    } catch (e) {
      log(`web: upgrade failed: ${(e as Error).message}`);
      socket.destroy();
    }
  });

  const pingMs = opts.pingIntervalMs ?? 30_000;
  const pinger =
    pingMs > 0
      ? setInterval(() => {
          for (const c of connections) c.heartbeat();
        }, pingMs)
      : undefined;
  pinger?.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  http.on('error', (e) => log(`web: server error: ${e.message}`));
  const addr = http.address() as AddressInfo;
  const urlHost = addr.family === 'IPv6' || host.includes(':') ? `[${addr.address}]` : addr.address;
  log(`web: console at http://${urlHost}:${addr.port}/`);

  let closing: Promise<void> | undefined;
  return {
    host: addr.address,
    port: addr.port,
    url: `http://${urlHost}:${addr.port}/`,
    get sessionCount() {
      return connections.size;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (pinger) clearInterval(pinger);
        for (const c of [...connections]) c.close('server shutting down', 1001);
        wss.close();
        http.close(() => resolve());
        http.closeAllConnections();
      });
      return closing;
    },
  };
}

/** One browser: a WebSocket, a console session and the screen renderer between them. */
class WebConnection {
  private console?: ScreenConsole;
  private port?: ConsolePort;
  private closed = false;
  private alive = true;
  private helloTimer?: NodeJS.Timeout;
  private killTimer?: NodeJS.Timeout;
  private inputWindowStart = Date.now();
  private inputBytes = 0;
  private readonly maxPending: number;
  private readonly maxInputRate: number;

  constructor(
    private readonly ws: WebSocket,
    private readonly remote: string,
    private readonly opts: WebConsoleServerOptions,
    private readonly log: (m: string) => void,
    private readonly onClosed: () => void,
  ) {
    this.maxPending = opts.maxPendingOutput ?? 4 * 1024 * 1024;
    this.maxInputRate = opts.maxInputBytesPerSecond ?? 65536;
  }

  start(): void {
    const ws = this.ws;
    ws.on('message', (data: RawData, isBinary: boolean) => this.guard(() => this.onMessage(data, isBinary)));
    ws.on('error', (e: Error) => this.close(`socket error: ${e.message}`, 1002));
    ws.on('close', () => this.close('browser closed the connection'));
    ws.on('pong', () => (this.alive = true));
    this.helloTimer = setTimeout(() => this.guard(() => this.startSession(24, 80)), this.opts.helloTimeoutMs ?? 2000);
    this.helloTimer.unref();
    this.log(`web ${this.remote}: connected`);
  }

  heartbeat(): void {
    if (this.closed) return;
    if (!this.alive) {
      this.close('no answer to ping', 1001);
      this.ws.terminate();
      return;
    }
    this.alive = false;
    try {
      this.ws.ping();
    } catch {
      this.close('ping failed', 1001);
    }
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.close(`error: ${(e as Error).message}`, 1011);
    }
  }

  private startSession(rows: number, cols: number): void {
    if (this.closed || this.console) return;
    clearTimeout(this.helloTimer);
    const geometry = geometryFor(rows, cols, this.opts.sizing);
    const terminal = screenTerminalInfo(geometry, { terminalType: 'XTERM.JS', remote: this.remote });
    const port = this.opts.sessionFactory(terminal);
    this.port = port;
    const sc = new ScreenConsole(port, (data) => this.send(data), {
      geometry,
      termRows: rows,
      termCols: cols,
      quitKey: false,
      leaveScreen: false,
      log: this.log,
      onClose: (reason, error) => this.close(reason, error ? 1011 : 1000),
    });
    this.console = sc;
    this.control({ type: 'ready', model: geometry.model, rows: geometry.rows, cols: geometry.cols });
    sc.start();
    this.log(`web ${this.remote}: session started, ${geometry.rows}x${geometry.cols}`);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
    if (!this.countInput(bytes.length)) return;
    if (isBinary) {
      if (!this.console) this.startSession(24, 80);
      this.console?.feed(bytes);
      return;
    }
    const msg = parseControl(bytes.toString('utf8'));
    if (!msg) {
      this.close('bad control message', 1008);
      return;
    }
    if (!this.console) this.startSession(msg.rows, msg.cols);
    else this.console.resize(msg.cols, msg.rows);
  }

  /** Count key bytes against the rate limit; false (and closed) when it is exceeded. */
  private countInput(n: number): boolean {
    const now = Date.now();
    if (now - this.inputWindowStart >= 1000) {
      this.inputWindowStart = now;
      this.inputBytes = 0;
    }
    this.inputBytes += n;
    if (this.inputBytes > this.maxInputRate) {
      this.close('too much input', 1008);
      return false;
    }
    return true;
  }

  private send(data: string): void {
    if (this.closed && this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(Buffer.from(data, 'utf8'), { binary: true });
    if (this.ws.bufferedAmount > this.maxPending) this.close('the browser is not reading its output', 1008);
  }

  private control(msg: object): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(JSON.stringify(msg));
  }

  /** Close this session (idempotent): the console session's close() runs once. */
  close(reason: string, code = 1000): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.helloTimer);
    this.log(`web ${this.remote}: ${reason}`);
    try {
      if (this.console) this.console.close(reason);
      else this.port?.close();
    } catch (e) {
      this.log(`web ${this.remote}: session close failed: ${(e as Error).message}`);
    }
    this.console = undefined;
    this.port = undefined;
    try {
      if (this.ws.readyState === WebSocket.OPEN) {
        this.control({ type: 'closed', reason });
        this.ws.close(code, truncateReason(reason));
        this.killTimer = setTimeout(() => this.ws.terminate(), 2000);
        this.killTimer.unref();
      } else if (this.ws.readyState === WebSocket.CONNECTING) {
        this.ws.terminate();
      }
    } catch {
      this.ws.terminate();
    }
    this.onClosed();
  }
}

export interface ResizeMessage {
  type: 'resize';
  cols: number;
  rows: number;
}

/** A valid control message, or undefined. */
export function parseControl(text: string): ResizeMessage | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (o.type !== 'resize') return undefined;
  const { cols, rows } = o;
  if (!Number.isInteger(cols) || !Number.isInteger(rows)) return undefined;
  if ((cols as number) < 1 || (cols as number) > MAX_COLS || (rows as number) < 1 || (rows as number) > MAX_ROWS) return undefined;
  return { type: 'resize', cols: cols as number, rows: rows as number };
}

/** A WebSocket close reason must fit in 123 bytes of UTF-8. */
function truncateReason(reason: string): string {
  let r = reason;
  while (Buffer.byteLength(r, 'utf8') > 123) r = r.slice(0, -1);
  return r;
}
