/**
 * Fuzzing the TN3270 connection: random and mutated client byte streams, in process
 * (a fake socket, thousands of runs) and over real sockets next to a healthy session.
 * Properties: no exception escapes, every run finishes (no hang), a session is closed
 * at most once and exactly once when its connection closes, other sessions go on.
 */
import { EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { stringToEbcdic } from '../../../src/common/ebcdic.js';
import { Tn3270Connection } from '../../../src/console/tn3270/connection.js';
import { encodeAddress } from '../../../src/console/tn3270/datastream.js';
import { EchoSession } from '../../../src/console/tn3270/echo-session.js';
import { startTn3270Server } from '../../../src/console/tn3270/server.js';
import {
  DO,
  IAC,
  OPT_BINARY,
  OPT_EOR,
  OPT_TN3270E,
  OPT_TTYPE,
  WILL,
  WONT,
  asciiBytes,
  frameRecord,
  optionCommand,
  subnegotiation,
} from '../../../src/console/tn3270/telnet.js';
import { deviceTypeRequest, functionsMessage, withHeader, E_REQUEST } from '../../../src/console/tn3270/tn3270e.js';
import { TnClient } from './terminal-sim.js';

class FakeSocket extends EventEmitter {
  remoteAddress = 'fuzz';
  remotePort = 1;
  destroyed = false;
  ended = false;
  writableLength = 0;
  written = 0;
  setNoDelay(): void {}
  write(b: Uint8Array): boolean {
    this.written += b.length;
    return true;
  }
  end(): void {
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

const enterRecord = (text: string) =>
  Uint8Array.from([0x7d, ...encodeAddress(1762), 0x11, ...encodeAddress(1761), ...stringToEbcdic(text)]);

/** What a well-behaved plain TN3270 client sends in a short session. */
const PLAIN: Uint8Array = Buffer.concat([
  optionCommand(WONT, OPT_TN3270E),
  optionCommand(WILL, OPT_TTYPE),
  subnegotiation(OPT_TTYPE, [0, ...asciiBytes('IBM-3278-2-E')]),
  optionCommand(WILL, OPT_EOR),
  optionCommand(DO, OPT_EOR),
  optionCommand(WILL, OPT_BINARY),
  optionCommand(DO, OPT_BINARY),
  frameRecord(enterRecord('Q N')),
  frameRecord(Uint8Array.of(0x6c)),
  frameRecord(enterRecord('MANY 40')),
  frameRecord(Uint8Array.of(0x6d)),
  frameRecord(Uint8Array.from([0xf3, ...encodeAddress(0)])),
]);

/** The same as a TN3270E client. */
const TN3270E: Uint8Array = Buffer.concat([
  optionCommand(WILL, OPT_TN3270E),
  deviceTypeRequest('IBM-3278-4-E'),
  functionsMessage(E_REQUEST, []),
  frameRecord(withHeader(enterRecord('LOGON MAINT'), 0)),
  frameRecord(withHeader(enterRecord('secret'), 1)),
  frameRecord(withHeader(Uint8Array.of(0x6e), 2)),
  frameRecord(withHeader(Uint8Array.of(0x6d), 3)),
]);

async function runConnection(chunks: Uint8Array[]): Promise<{ conn: Tn3270Connection; sessions: EchoSession[]; sock: FakeSocket }> {
  const sock = new FakeSocket();
  const sessions: EchoSession[] = [];
  const conn = new Tn3270Connection(
    sock as unknown as Socket,
    {
      sessionFactory: (t) => {
        const s = new EchoSession(t);
        sessions.push(s);
        return s;
      },
      maxRecord: 2048,
      negotiationTimeoutMs: 60_000,
    },
  );
  conn.start();
  for (const c of chunks) {
    sock.emit('data', Buffer.from(c));
    await new Promise((r) => setImmediate(r));
  }
  await new Promise((r) => setImmediate(r));
  return { conn, sessions, sock };
}

function checkInvariants({ conn, sessions, sock }: Awaited<ReturnType<typeof runConnection>>): void {
  expect(sessions.length).toBeLessThanOrEqual(1);
  for (const s of sessions) {
    const closes = s.events.filter((e) => e === 'close').length;
    expect(closes).toBe(conn.closed ? 1 : 0);
  }
  if (conn.closed) expect(sock.ended || sock.destroyed).toBe(true);
  conn.close('end of run');
  for (const s of sessions) expect(s.events.filter((e) => e === 'close')).toHaveLength(1);
}

/** Split bytes at the given cut sizes. */
function chunk(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let pos = 0;
  let k = 0;
  while (pos < bytes.length) {
    const n = cuts.length ? cuts[k++ % cuts.length]! : bytes.length;
    out.push(bytes.subarray(pos, pos + n));
    pos += n;
  }
  return out;
}

type Mutation = { at: number; op: 'flip' | 'insert' | 'delete' | 'dup'; byte: number; len: number };

function mutate(base: Uint8Array, muts: Mutation[]): Uint8Array {
  let b = Array.from(base);
  for (const m of muts) {
    const at = b.length ? m.at % b.length : 0;
    if (m.op === 'flip') b[at] = m.byte;
    else if (m.op === 'insert') b.splice(at, 0, m.byte);
    else if (m.op === 'delete') b.splice(at, m.len);
    else b = [...b.slice(0, at + m.len), ...b.slice(at, at + m.len), ...b.slice(at + m.len)];
  }
  return Uint8Array.from(b);
}

const mutationArb = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('flip', 'insert', 'delete', 'dup') as fc.Arbitrary<Mutation['op']>,
  byte: fc.oneof(fc.constantFrom(0xff, 0xf0, 0xef, 0xfa, 0xfb, 0xfd, 0x11, 0x7d, 0x00, 0x28), fc.integer({ min: 0, max: 255 })),
  len: fc.integer({ min: 1, max: 40 }),
});

describe('fuzzing a connection in process', () => {
  it('the unmutated transcripts run a whole session', async () => {
    for (const t of [PLAIN, TN3270E]) {
      const run = await runConnection([t]);
      expect(run.conn.closed).toBe(false);
      expect(run.sessions).toHaveLength(1);
      expect(run.sessions[0]!.events.length).toBeGreaterThan(3);
      checkInvariants(run);
    }
  });

  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.integer({ min: 1, max: 300 })), async (bytes, cuts) => {
        checkInvariants(await runConnection(chunk(bytes, cuts)));
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes after a valid negotiation', async () => {
    const prefix = PLAIN.subarray(0, PLAIN.indexOf(0x7d, 30) - 0); // up to the first record
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        checkInvariants(await runConnection([prefix, bytes]));
      }),
      { numRuns: 300 },
    );
  });

  it('mutated plain TN3270 and TN3270E transcripts', async () => {
    let reachedSession = 0;
    let closedEarly = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(PLAIN, TN3270E),
        fc.array(mutationArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 5 }),
        async (base, muts, cuts) => {
          const run = await runConnection(chunk(mutate(base, muts), cuts));
          if (run.sessions.length) reachedSession++;
          if (run.conn.closed) closedEarly++;
          checkInvariants(run);
        },
      ),
      { numRuns: 1000 },
    );
    // the mutations must exercise both the session paths and the error paths
    expect(reachedSession).toBeGreaterThan(100);
    expect(closedEarly).toBeGreaterThan(100);
  });

  it('records with random 3270 payloads after negotiation', async () => {
    const neg = PLAIN.subarray(0, 40);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.uint8Array({ maxLength: 200 }),
            fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.from([0x7d, ...b])),
            fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.from([0x7d, 0x40, 0x40, 0x11, ...b])),
          ),
          { maxLength: 10 },
        ),
        async (records) => {
          checkInvariants(await runConnection([neg, ...records.map((r) => frameRecord(r))]));
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** Small seeded PRNG (mulberry32) so the socket fuzz is reproducible. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('fuzzing over sockets next to a healthy session', () => {
  it('garbage clients are dropped; the healthy session and new sessions keep working', async () => {
    const server = await startTn3270Server({
      sessionFactory: (t) => new EchoSession(t),
      maxRecord: 4096,
      negotiationTimeoutMs: 500,
    });
    try {
      const good = await TnClient.connect(server.port);
      await good.screenContains('RUNNING');
      const rnd = prng(20270);
      const clients: Promise<void>[] = [];
      for (let i = 0; i < 40; i++) {
        const base = i % 2 ? PLAIN : TN3270E;
        let bytes: Uint8Array;
        if (i % 3 === 0) {
          bytes = Uint8Array.from({ length: Math.floor(rnd() * 6000) }, () => Math.floor(rnd() * 256));
        } else {
          const muts: Mutation[] = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => ({
            at: Math.floor(rnd() * 10_000),
            op: (['flip', 'insert', 'delete', 'dup'] as const)[Math.floor(rnd() * 4)]!,
            byte: Math.floor(rnd() * 256),
            len: 1 + Math.floor(rnd() * 30),
          }));
          bytes = mutate(base, muts);
        }
        clients.push(
          (async () => {
            // a raw socket: it ignores whatever the server answers
            const c = connect(server.port, '127.0.0.1');
            c.on('error', () => {});
            c.on('data', () => {});
            await new Promise<void>((r) => c.once('connect', () => r()));
            c.write(bytes);
            await new Promise((r) => setTimeout(r, 50 + rnd() * 100));
            c.destroy();
          })(),
        );
        if (i % 8 === 7) {
          // while a batch of garbage is in flight, the healthy session answers
          good.display.type(`ping ${i}`);
          await good.press('ENTER');
          await good.screenContains(`ECHO: ping ${i}`);
          await Promise.all(clients.splice(0));
        }
      }
      await Promise.all(clients);
      expect(good.closed).toBe(false);
      // every garbage connection is gone (closed by the server or by its client)
      const end = Date.now() + 3000;
      while (server.connections.size > 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(server.connections.size).toBe(1);
      await good.enter('after the storm');
      await good.screenContains('ECHO: after the storm');
      const fresh = await TnClient.connect(server.port);
      await fresh.screenContains('RUNNING');
      await fresh.enter('fresh');
      await fresh.screenContains('ECHO: fresh');
      fresh.close();
      good.close();
    } finally {
      await server.close();
    }
  });
});
