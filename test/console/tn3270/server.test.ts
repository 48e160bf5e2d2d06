/**
 * The server over real loopback sockets, with the scripted client of terminal-sim.ts:
 * sessions, keys, negotiation variants, and what happens to bad clients.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { EchoSession } from '../../../src/console/tn3270/echo-session.js';
import { startTn3270Server, type Tn3270Server, type Tn3270ServerOptions } from '../../../src/console/tn3270/server.js';
import type { TerminalInfo } from '../../../src/console/tn3270/session-port.js';
import { TnClient } from './terminal-sim.js';

let server: Tn3270Server | undefined;
const sessions: EchoSession[] = [];

async function start(opts: Partial<Tn3270ServerOptions> = {}): Promise<Tn3270Server> {
  server = await startTn3270Server({
    sessionFactory: (t: TerminalInfo) => {
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

/** Wait for a raw socket to be closed by the server; returns what it received. */
function rawExchange(port: number, send: Uint8Array | Buffer, timeoutMs = 3000): Promise<{ closed: boolean; data: Buffer }> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const t = setTimeout(() => {
      s.destroy();
      resolve({ closed: false, data: Buffer.concat(chunks) });
    }, timeoutMs);
    s.on('connect', () => s.write(send));
    s.on('data', (c) => chunks.push(c));
    s.on('error', () => {});
    s.on('close', () => {
      clearTimeout(t);
      resolve({ closed: true, data: Buffer.concat(chunks) });
    });
  });
}

describe('TN3270 server with the scripted client', () => {
  it('TN3270E: logo, Enter, PA1, CLEAR, PF keys', async () => {
    const { port } = await start();
    const c = await TnClient.connect(port, { terminalType: 'IBM-3278-2-E' });
    try {
      await c.screenContains('Enter one of the following commands:');
      expect(c.tn3270e).toBe(true);
      expect(c.luName).toMatch(/^LU\d{6}$/);
      expect(sessions[0]!.terminal).toMatchObject({ rows: 24, cols: 80, outputRows: 22, inputLength: 138, tn3270e: true });
      expect(c.display.text()[23]!.slice(60).trimEnd()).toBe('RUNNING   VMSYS1');
      await c.enter('Q N');
      await c.screenContains('ECHO: Q N');
      expect(c.display.text()[23]!.slice(60).trimEnd()).toBe('VM READ   VMSYS1');
      await c.press('PA1');
      await c.until(() => c.display.text()[23]!.includes('CP READ'), 'CP READ');
      await c.press('CLEAR');
      await c.until(() => c.display.text()[23]!.includes('CP READ'), 'repaint after CLEAR');
      expect(c.display.text().slice(0, 22).join('').trim()).toBe('');
      c.display.type('kept');
      await c.press({ pf: 24 });
      await c.screenContains('PF24');
      expect(c.display.text()[22]!.trimEnd()).toBe(' kept'); // the typed text stays
      await c.press('PA2');
      await c.press('PA3');
      expect(sessions[0]!.events).toEqual(['attach', 'submit:Q N', 'PA1', 'CLEAR', 'PF24', 'PA2', 'PA3']);
    } finally {
      c.close();
    }
  });

  it('plain TN3270 when the client refuses TN3270E; model 5 via Erase/Write Alternate', async () => {
    const { port } = await start();
    const c = await TnClient.connect(port, { terminalType: 'IBM-3278-5-E', tn3270e: false });
    try {
      await c.screenContains('RUNNING   VMSYS1');
      expect(c.tn3270e).toBe(false);
      expect(c.records[0]![0]).toBe(0x7e);
      expect([c.display.rows, c.display.cols]).toEqual([27, 132]);
      await c.enter('hello');
      await c.screenContains('ECHO: hello');
    } finally {
      c.close();
    }
  });

  it('TN3270E with a requested LU name and a client that accepts no functions', async () => {
    const { port } = await start();
    const c = await TnClient.connect(port, { connectLu: 'MYTERM', functions: [] });
    try {
      await c.screenContains('RUNNING');
      expect(c.luName).toBe('MYTERM');
      // the same name is refused while in use: that client never gets a screen
      const d = await TnClient.connect(port, { connectLu: 'MYTERM' });
      await new Promise((r) => setTimeout(r, 200));
      expect(d.ready).toBe(false);
      d.close();
    } finally {
      c.close();
    }
  });

  it('an IBM-DYNAMIC terminal that never answers the size query gets 24x80', async () => {
    const { port } = await start({ queryTimeoutMs: 100 });
    const c = await TnClient.connect(port, { terminalType: 'IBM-DYNAMIC' });
    try {
      await c.screenContains('RUNNING   VMSYS1');
      // the first record was the Read Partition Query, then an Erase/Write (24x80)
      expect(Array.from(c.records[0]!)).toEqual([0xf3, 0x00, 0x05, 0x01, 0xff, 0x02]);
      expect(c.records[1]![0]).toBe(0xf5);
      expect(sessions[0]!.terminal).toMatchObject({ terminalType: 'IBM-DYNAMIC', rows: 24, cols: 80 });
    } finally {
      c.close();
    }
  });

  it('a line-mode client is told this is a 3270 port and disconnected', async () => {
    const { port } = await start({ tn3270e: false });
    // WILL TTYPE, then TTYPE IS XTERM
    const bytes = Buffer.from([255, 251, 24, 255, 250, 24, 0, ...Buffer.from('XTERM'), 255, 240]);
    const r = await rawExchange(port, bytes);
    expect(r.closed).toBe(true);
    expect(r.data.toString('latin1')).toContain('terminal type XTERM is not supported');
  });

  it('negotiation times out for a silent client', async () => {
    const { port } = await start({ negotiationTimeoutMs: 150 });
    const r = await rawExchange(port, Buffer.alloc(0));
    expect(r.closed).toBe(true);
    expect(Array.from(r.data.subarray(0, 3))).toEqual([255, 253, 40]); // IAC DO TN3270E
  });

  it('oversized records and malformed 3270 data close that session only', async () => {
    const { port } = await start({ maxRecord: 4096 });
    const good = await TnClient.connect(port);
    try {
      await good.screenContains('RUNNING');
      const big = await TnClient.connect(port, { tn3270e: false });
      await big.screenContains('RUNNING');
      big.sendRaw(new Uint8Array(5000).fill(0x40));
      await big.until(() => big.closed, 'the oversized client to be dropped');

      const bad = await TnClient.connect(port, { tn3270e: false });
      await bad.screenContains('RUNNING');
      bad.sendRecord(Uint8Array.of(0x01, 0x02)); // unknown AID
      await bad.until(() => bad.closed, 'the malformed client to be dropped');

      const badSba = await TnClient.connect(port);
      await badSba.screenContains('RUNNING');
      badSba.sendRecord(Uint8Array.of(0x7d, 0x40, 0x40, 0x11, 0x7f, 0x7f)); // address 4095 on a 1920 screen
      await badSba.until(() => badSba.closed, 'the bad-address client to be dropped');

      await good.enter('still here');
      await good.screenContains('ECHO: still here');
      const closedSessions = sessions.filter((s) => s.closed);
      expect(closedSessions).toHaveLength(3);
      for (const s of sessions) expect(s.events.filter((e) => e === 'close').length).toBeLessThanOrEqual(1);
      expect(server!.connections.size).toBe(1);
    } finally {
      good.close();
    }
  });

  it('a session factory or session that throws closes that connection only', async () => {
    let n = 0;
    const { port } = await start({
      sessionFactory: (t) => {
        if (++n === 1) throw new Error('no session for you');
        const s = new EchoSession(t, {
          respond: (line) => {
            if (line === 'BOOM') throw new Error('session bug');
            return undefined;
          },
        });
        sessions.push(s);
        return s;
      },
    });
    const a = await TnClient.connect(port);
    await a.until(() => a.closed, 'the first client to be dropped');
    const b = await TnClient.connect(port);
    await b.screenContains('RUNNING');
    b.display.type('BOOM');
    b.sendRecord(b.display.aid('ENTER'));
    await b.until(() => b.closed, 'the second client to be dropped');
    expect(sessions[0]!.events.at(-1)).toBe('close');
    const c = await TnClient.connect(port);
    await c.screenContains('RUNNING');
    await c.enter('fine');
    await c.screenContains('ECHO: fine');
    c.close();
  });

  it('the session ending disconnects the terminal; a client disconnecting closes the session once', async () => {
    const { port } = await start();
    const a = await TnClient.connect(port);
    await a.screenContains('RUNNING');
    a.display.type('DROP');
    a.sendRecord(a.display.aid('ENTER'));
    await a.until(() => a.closed, 'the disconnect');
    const b = await TnClient.connect(port);
    await b.screenContains('RUNNING');
    b.close();
    await new Promise((r) => setTimeout(r, 100));
    for (const s of sessions) expect(s.events.filter((e) => e === 'close')).toHaveLength(1);
    expect(server!.connections.size).toBe(0);
  });

  it('close() drops every connection and closes every session', async () => {
    const { port } = await start();
    const clients = await Promise.all([1, 2, 3].map(() => TnClient.connect(port)));
    await Promise.all(clients.map((c) => c.screenContains('RUNNING')));
    await server!.close();
    server = undefined;
    await Promise.all(clients.map((c) => c.until(() => c.closed, 'close')));
    expect(sessions.every((s) => s.closed)).toBe(true);
  });

  it('refuses connections beyond maxConnections', async () => {
    const { port } = await start({ maxConnections: 1 });
    const a = await TnClient.connect(port);
    await a.screenContains('RUNNING');
    const r = await rawExchange(port, Buffer.alloc(0), 1000);
    expect(r.closed).toBe(true);
    expect(r.data.length).toBe(0);
    a.close();
  });

  it('rejects a port already in use', async () => {
    const { port } = await start();
    await expect(startTn3270Server({ port, sessionFactory: (t) => new EchoSession(t) })).rejects.toThrow(/EADDRINUSE/);
  });
});
