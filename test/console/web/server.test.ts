/**
 * The web console server over real sockets: the page and its assets, one session
 * per WebSocket, the screen seen through a headless xterm.js, limits and refusals.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';

import { startWebConsoleServer, parseControl, type WebConsoleServer, type WebConsoleServerOptions } from '../../../src/console/web/index.js';
import { EchoSession } from '../../../src/console/tn3270/echo-session.js';
import { WebClient } from './client.js';

const require = createRequire(import.meta.url);

let server: WebConsoleServer | undefined;
const sessions: EchoSession[] = [];

async function start(opts: Partial<WebConsoleServerOptions> = {}): Promise<WebConsoleServer> {
  server = await startWebConsoleServer({
    port: 0,
    sessionFactory: (t) => {
      const s = new EchoSession(t);
      sessions.push(s);
      return s;
    },
    ...opts,
  });
  return server;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
  sessions.length = 0;
});

async function get(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

describe('web console: HTTP', () => {
  it('listens on loopback and serves the page, xterm.js and its CSS from node_modules, and the client', async () => {
    const s = await start();
    expect(s.host).toBe('127.0.0.1');
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/`);
    const page = await get(s.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = page.body.toString();
    expect(html).toContain('<script src="/xterm.js"></script>');
    expect(html).toContain('<script src="/client.js"></script>');
    expect(html).toContain('data-key="PA1"');
    expect(html).toContain('data-key="PF24"');
    expect(html).not.toMatch(/https?:\/\/(?!127)/); // no CDN
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const js = await get(`${s.url}xterm.js`);
    expect(js.body.equals(readFileSync(require.resolve('@xterm/xterm/lib/xterm.js')))).toBe(true);
    const css = await get(`${s.url}xterm.css`);
    expect(css.body.equals(readFileSync(require.resolve('@xterm/xterm/css/xterm.css')))).toBe(true);
    const client = await get(`${s.url}client.js`);
    expect(client.body.toString()).toContain("new WebSocket(");
    expect((await get(`${s.url}console.css`)).status).toBe(200);
  });

  it('404 for other paths, 405 for other methods', async () => {
    const s = await start();
    expect((await get(`${s.url}../package.json`)).status).toBe(404);
    expect((await get(`${s.url}node_modules/ws/package.json`)).status).toBe(404);
    expect((await get(s.url, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await get(`${s.url}?model=4`)).status).toBe(200);
  });
});

describe('web console: sessions', () => {
  it('a browser logs on: logo, typing, password never sent back, PA1, CLEAR, PF keys', async () => {
    const s = await start();
    const c = await WebClient.open(s.url);
    await c.waitText('Enter one of the following commands:');
    expect(c.controls[0]).toEqual({ type: 'ready', model: 2, rows: 24, cols: 80 });
    expect(c.screen.at(24, 61, 19).trimEnd()).toBe('RUNNING   VMSYS1');
    const session = sessions[0]!;
    expect(session.terminal.terminalType).toBe('XTERM.JS');
    c.keys('LOGON MAINT');
    await c.waitFor((x) => x.screen.at(23, 2, 11) === 'LOGON MAINT');
    c.keys('\r');
    await c.waitText('ENTER PASSWORD');
    expect(c.screen.at(24, 61, 19).trimEnd()).toBe('CP READ   VMSYS1');
    c.keys('Pa55w0rd');
    c.keys('\r');
    await c.waitText('LOGON AT');
    expect(c.allReceived()).not.toContain('Pa55w0rd');
    expect(c.allReceived()).not.toMatch(/P.{0,12}a.{0,12}5.{0,12}5.{0,12}w.{0,12}0.{0,12}r.{0,12}d/s);
    c.keys('\x03');
    await c.waitFor(() => session.events.includes('PA1'));
    await c.waitText('PA1');
    c.keys('\x1bOP'); // F1
    await c.waitFor(() => session.events.includes('PF1'));
    c.keys('\x0c');
    await c.waitFor((x) => x.screen.lines().slice(0, 22).every((l) => l === ''), 5000, 'cleared');
    expect(session.events).toContain('CLEAR');
    c.close();
    await c.closed;
    await waitUntil(() => session.closed);
    expect(session.events.filter((e) => e === 'close')).toHaveLength(1);
  });

  it('several browsers at once, each its own session', async () => {
    const s = await start();
    const a = await WebClient.open(s.url);
    const b = await WebClient.open(s.url, { rows: 43, cols: 80 });
    await a.waitText('LOGON userid');
    await b.waitText('LOGON userid');
    expect(b.controls[0]).toEqual({ type: 'ready', model: 4, rows: 43, cols: 80 });
    expect(b.screen.at(43, 61, 19).trimEnd()).toBe('RUNNING   VMSYS1');
    expect(s.sessionCount).toBe(2);
    a.keys('ALPHA ONLY\r');
    b.keys('BRAVO ONLY\r');
    await a.waitText('ECHO: ALPHA ONLY');
    await b.waitText('ECHO: BRAVO ONLY');
    expect(a.screen.text()).not.toContain('BRAVO');
    expect(b.screen.text()).not.toContain('ALPHA');
    a.close();
    await a.closed;
    await waitUntil(() => s.sessionCount === 1);
    b.keys('STILL HERE\r');
    await b.waitText('ECHO: STILL HERE');
  });

  it('resize after the start redraws at the new size', async () => {
    const s = await start();
    const c = await WebClient.open(s.url);
    await c.waitText('LOGON userid');
    c.screen.term.resize(60, 20);
    c.ws.send(JSON.stringify({ type: 'resize', cols: 60, rows: 20 }));
    await c.waitText('Please enlarge the window.');
    c.screen.term.resize(80, 24);
    c.ws.send(JSON.stringify({ type: 'resize', cols: 80, rows: 24 }));
    await c.waitText('LOGON userid');
    expect(c.screen.text()).not.toContain('enlarge');
  });

  it('starts with 24x80 when the browser sends keys first or nothing at all', async () => {
    const s = await start({ helloTimeoutMs: 100 });
    const a = await WebClient.open(s.url, { hello: false });
    a.keys('X');
    await a.waitText('LOGON userid');
    const b = await WebClient.open(s.url, { hello: false });
    await b.waitText('LOGON userid');
    expect(b.controls[0]).toMatchObject({ type: 'ready', model: 2 });
  });

  it('the session ending closes the socket with its reason', async () => {
    const s = await start();
    const c = await WebClient.open(s.url);
    await c.waitText('LOGON userid');
    c.keys('DROP\r');
    const { code, reason } = await c.closed;
    expect(code).toBe(1000);
    expect(reason).toBe('dropped by the session');
    expect(c.controls.at(-1)).toEqual({ type: 'closed', reason: 'dropped by the session' });
    expect(sessions[0]!.closed).toBe(true);
  });

  it('server.close() ends every session with 1001', async () => {
    const s = await start();
    const c = await WebClient.open(s.url);
    await c.waitText('LOGON userid');
    await s.close();
    expect((await c.closed).code).toBe(1001);
    expect(sessions[0]!.closed).toBe(true);
    server = undefined;
  });
});

describe('web console: bad input closes that session only', () => {
  async function withHealthy(s: WebConsoleServer) {
    const h = await WebClient.open(s.url);
    await h.waitText('LOGON userid');
    return async (word: string) => {
      h.keys(`${word}\r`);
      await h.waitText(`ECHO: ${word}`);
    };
  }

  it('text frames that are not a valid control message: 1008', async () => {
    const s = await start();
    const healthy = await withHealthy(s);
    for (const bad of ['hello', '{}', '[]', 'null', '{"type":"resize","cols":80}', '{"type":"resize","cols":1e9,"rows":24}', '{"type":"resize","cols":-1,"rows":24}', '{"type":"resize","cols":80.5,"rows":24}', '{"type":"eval","code":"1"}']) {
      const c = await WebClient.open(s.url);
      c.ws.send(bad);
      expect((await c.closed).code).toBe(1008);
    }
    await healthy('STILL1');
    expect(parseControl('{"type":"resize","cols":132,"rows":27}')).toEqual({ type: 'resize', cols: 132, rows: 27 });
  });

  it('oversized messages: 1009; invalid UTF-8 text: 1007', async () => {
    const s = await start({ maxMessageBytes: 1024 });
    const healthy = await withHealthy(s);
    const c = await WebClient.open(s.url);
    c.ws.send(Buffer.alloc(5000, 0x41), { binary: true });
    expect((await c.closed).code).toBe(1009);
    const d = await WebClient.open(s.url);
    d.ws.send(Buffer.from([0xff, 0xfe, 0x80]), { binary: false });
    expect((await d.closed).code).toBe(1007);
    await healthy('STILL2');
    await waitUntil(() => sessions.filter((x) => x.closed).length === 2);
  });

  it('a key flood is cut off', async () => {
    const s = await start({ maxInputBytesPerSecond: 2000 });
    const healthy = await withHealthy(s);
    const c = await WebClient.open(s.url);
    for (let i = 0; i < 10; i++) c.keys('x'.repeat(1000));
    const { code, reason } = await c.closed;
    expect(code).toBe(1008);
    expect(reason).toBe('too much input');
    await healthy('STILL3');
  });

  it('a session that throws closes that session with 1011', async () => {
    server = await startWebConsoleServer({
      port: 0,
      sessionFactory: (t) =>
        new EchoSession(t, {
          respond: (l) => {
            if (l === 'BOOM') throw new Error('kaboom');
            return undefined;
          },
        }),
    });
    const healthy = await withHealthy(server);
    const c = await WebClient.open(server.url);
    await c.waitText('LOGON userid');
    c.keys('BOOM\r');
    const { code, reason } = await c.closed;
    expect(code).toBe(1011);
    expect(reason).toBe('error: kaboom');
    await healthy('STILL4');
  });

  it('a factory that throws closes that connection', async () => {
    let n = 0;
    server = await startWebConsoleServer({
      port: 0,
      sessionFactory: (t) => {
        if (++n === 2) throw new Error('no session for you');
        return new EchoSession(t);
      },
    });
    const healthy = await withHealthy(server);
    const c = await WebClient.open(server.url);
    expect((await c.closed).code).toBe(1011);
    await healthy('STILL5');
  });

  it('too many sessions: 1013', async () => {
    const s = await start({ maxSessions: 1 });
    const healthy = await withHealthy(s);
    const c = await WebClient.open(s.url);
    expect((await c.closed).code).toBe(1013);
    await healthy('STILL6');
  });
});

describe('web console: who may connect', () => {
  it('refuses WebSocket upgrades from other origins and for non-loopback host names', async () => {
    const s = await start();
    await expect(WebClient.open(s.url, { headers: { Origin: 'http://evil.example' } })).rejects.toThrow('HTTP 403');
    await expect(WebClient.open(s.url, { headers: { Origin: 'null' } })).rejects.toThrow('HTTP 403');
    await expect(WebClient.open(s.url, { headers: { Host: `evil.example:${s.port}`, Origin: `http://evil.example:${s.port}` } })).rejects.toThrow('HTTP 403');
    // the page's own origin, and clients without an Origin (not a browser) are fine
    const ok = await WebClient.open(s.url, { headers: { Origin: `http://127.0.0.1:${s.port}` } });
    await ok.waitText('LOGON userid');
    const local = await WebClient.open(s.url.replace('127.0.0.1', 'localhost'), { headers: { Origin: `http://localhost:${s.port}` } });
    await local.waitText('LOGON userid');
    expect(sessions).toHaveLength(2);
  });

  it('upgrades only at /ws', async () => {
    const s = await start();
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/other`);
    ws.on('error', () => {});
    const status = await new Promise<number>((resolve) => ws.once('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(404);
  });

  it('allowedOrigins and allowedHosts widen the checks', async () => {
    const s = await start({ allowedOrigins: ['https://proxy.example'], allowedHosts: ['console.example'] });
    const a = await WebClient.open(s.url, { headers: { Origin: 'https://proxy.example' } });
    await a.waitText('LOGON userid');
    const b = await WebClient.open(s.url, { headers: { Host: 'console.example' } });
    await b.waitText('LOGON userid');
  });
});

async function waitUntil(pred: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('web console: dead browsers', () => {
  it('a browser that stops answering pings is dropped', async () => {
    const s = await start({ pingIntervalMs: 40 });
    const { connect } = await import('node:net');
    const sock = connect(s.port, '127.0.0.1');
    sock.on('error', () => {});
    sock.on('data', () => {});
    await new Promise((r) => sock.once('connect', r));
    sock.write(
      `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    await waitUntil(() => s.sessionCount === 1);
    await new Promise<void>((resolve) => sock.once('close', () => resolve()));
    await waitUntil(() => s.sessionCount === 0);
  });
});
