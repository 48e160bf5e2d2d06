/**
 * Fuzzing the web console's WebSocket protocol next to a healthy session:
 * random and mutated frames through a real `ws` client, and raw garbage after a
 * valid upgrade handshake.  Properties: the server never crashes, every fuzzed
 * connection ends or stays usable (no hang), each session is closed at most once and
 * exactly once when its socket ends, and the healthy session keeps answering.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EchoSession } from '../../../src/console/tn3270/echo-session.js';
import { startWebConsoleServer, type WebConsoleServer } from '../../../src/console/web/index.js';
import { WebClient } from './client.js';

let server: WebConsoleServer;
const sessions: EchoSession[] = [];
let healthy: WebClient;
let probe = 0;

beforeAll(async () => {
  server = await startWebConsoleServer({
    port: 0,
    maxMessageBytes: 2048,
    maxInputBytesPerSecond: 1_000_000,
    helloTimeoutMs: 50,
    sessionFactory: (t) => {
      const s = new EchoSession(t);
      sessions.push(s);
      return s;
    },
  });
  healthy = await WebClient.open(server.url);
  await healthy.waitText('LOGON userid');
});

afterAll(async () => {
  await server.close();
});

async function healthyAnswers(): Promise<void> {
  const word = `PROBE${++probe}`;
  healthy.keys(`${word}\r`);
  await healthy.waitText(`ECHO: ${word}`);
}

function countCloses(s: EchoSession): number {
  return s.events.filter((e) => e === 'close').length;
}

async function allFuzzedSessionsClosed(): Promise<void> {
  const end = Date.now() + 5000;
  for (;;) {
    const open = sessions.slice(1).filter((s) => !s.closed);
    if (open.length === 0 && server.sessionCount === 1) break;
    if (Date.now() > end) throw new Error(`${open.length} fuzzed sessions still open, server counts ${server.sessionCount}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  for (const s of sessions) expect(countCloses(s)).toBeLessThanOrEqual(1);
}

const resizeJson = fc.record({ type: fc.constant('resize'), cols: fc.integer({ min: -5, max: 500 }), rows: fc.integer({ min: -5, max: 300 }) }).map((o) => JSON.stringify(o));

/** A JSON text with one character changed, dropped or duplicated. */
const mutated = fc.tuple(resizeJson, fc.nat(), fc.integer({ min: 0, max: 2 }), fc.string({ minLength: 1, maxLength: 1 })).map(([s, i, op, ch]) => {
  const at = i % s.length;
  if (op === 0) return s.slice(0, at) + ch + s.slice(at + 1);
  if (op === 1) return s.slice(0, at) + s.slice(at + 1);
  return s.slice(0, at) + s[at] + s.slice(at);
});

type Frame = { binary: true; data: Uint8Array } | { binary: false; data: string };

const frame: fc.Arbitrary<Frame> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((data) => ({ binary: true as const, data })),
  fc.constantFrom('\x1b1', '\x03', '\x0c', '\x1bOP', '\x1b[24;2~', 'Q N\r', '\x1b[', '\r\n', '\x1d').map((s) => ({ binary: true as const, data: Buffer.from(s) })),
  fc.string({ maxLength: 100 }).map((data) => ({ binary: false as const, data })),
  resizeJson.map((data) => ({ binary: false as const, data })),
  mutated.map((data) => ({ binary: false as const, data })),
  fc.integer({ min: 2049, max: 6000 }).map((n) => ({ binary: true as const, data: new Uint8Array(n) })),
);

describe('web console fuzzing', () => {
  it('random and mutated frames: no crash, no hang, other sessions fine', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 12 }), async (frames) => {
        const index = sessions.length;
        const c = await WebClient.open(server.url, { hello: false });
        for (const f of frames) {
          if (c.ws.readyState !== c.ws.OPEN) break;
          c.ws.send(f.data, { binary: f.binary });
        }
        // Either the server closed it, or it is still a working session.
        await new Promise((r) => setTimeout(r, 20));
        if (!c.isClosed) {
          // Still open: it must be a working session (its screen may be any size, so ask the session).
          c.keys('\x15ALIVE?\r');
          await Promise.race([c.waitFor(() => sessions[index]?.events.includes('submit:ALIVE?') === true, 3000, 'ALIVE?'), c.closed]);
          c.close();
        }
        const { code } = await c.closed;
        expect([1000, 1005, 1006, 1007, 1008, 1009, 1011]).toContain(code);
        await healthyAnswers();
      }),
      { numRuns: 60 },
    );
    await allFuzzedSessionsClosed();
  });

  it('raw garbage after a valid handshake, and garbage instead of HTTP: the socket ends, the server lives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 400 }), fc.boolean(), async (garbage, handshake) => {
        const sock = await rawSocket(server.port);
        if (handshake) {
          const key = randomBytes(16).toString('base64');
          sock.write(
            `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
          );
        }
        sock.write(garbage);
        sock.end();
        await ended(sock, 5000);
        await healthyAnswers();
      }),
      { numRuns: 40 },
    );
    await allFuzzedSessionsClosed();
  });

  it('a truncated frame and a silent client do not hold the server', async () => {
    const sock = await rawSocket(server.port);
    const key = randomBytes(16).toString('base64');
    sock.write(`GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    sock.write(Buffer.from([0x82, 0xfe, 0x10])); // binary frame, 16-bit length, cut short
    await new Promise((r) => setTimeout(r, 50));
    await healthyAnswers();
    sock.destroy();
    await allFuzzedSessionsClosed();
  });
});

function rawSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
    s.on('data', () => {});
  });
}

function ended(sock: Socket, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (sock.destroyed) return resolve();
    const t = setTimeout(() => reject(new Error('server kept a garbage connection open')), ms);
    sock.on('close', () => {
      clearTimeout(t);
      resolve();
    });
    sock.on('error', () => {});
  });
}
