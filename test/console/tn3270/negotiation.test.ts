import { describe, expect, it } from 'vitest';

import { Negotiator, SimpleLuNamePool, type NegotiationResult } from '../../../src/console/tn3270/negotiation.js';
import {
  DO,
  DONT,
  IAC,
  OPT_BINARY,
  OPT_ECHO,
  OPT_EOR,
  OPT_TN3270E,
  OPT_TTYPE,
  SB,
  SE,
  TTYPE_IS,
  WILL,
  WONT,
  asciiBytes,
} from '../../../src/console/tn3270/telnet.js';

function harness(opts: { tn3270e?: boolean; luNames?: SimpleLuNamePool } = {}) {
  const sent: number[][] = [];
  const result: { ready?: NegotiationResult; fail?: string; ttype?: string } = {};
  const n = new Negotiator(
    {
      send: (b) => sent.push(Array.from(b)),
      ready: (r) => (result.ready = r),
      fail: (reason, ttype) => {
        result.fail = reason;
        result.ttype = ttype;
      },
    },
    opts,
  );
  const take = () => sent.splice(0, sent.length);
  return { n, sent, take, result };
}

const sb = (opt: number, ...data: number[]) => Uint8Array.from(data);
const ttypeIs = (name: string) => sb(OPT_TTYPE, TTYPE_IS, ...asciiBytes(name));

describe('TN3270E negotiation', () => {
  it('the s3270 flow: DO TN3270E, DEVICE-TYPE, FUNCTIONS counter-proposal', () => {
    const { n, take, result } = harness();
    n.start();
    expect(take()).toEqual([[IAC, DO, OPT_TN3270E]]);
    n.option(WILL, OPT_TN3270E);
    expect(take()).toEqual([[IAC, SB, OPT_TN3270E, 8, 2, IAC, SE]]);
    n.subnegotiation(OPT_TN3270E, Uint8Array.from([2, 7, ...asciiBytes('IBM-3278-4-E')]));
    expect(take()).toEqual([[IAC, SB, OPT_TN3270E, 2, 4, ...asciiBytes('IBM-3278-4-E'), 1, ...asciiBytes('LU000001'), IAC, SE]]);
    n.subnegotiation(OPT_TN3270E, Uint8Array.of(3, 7, 0, 2, 4));
    expect(take()).toEqual([[IAC, SB, OPT_TN3270E, 3, 7, IAC, SE]]); // counter-propose: none
    expect(result.ready).toBeUndefined();
    n.subnegotiation(OPT_TN3270E, Uint8Array.of(3, 4));
    expect(result.ready).toMatchObject({ tn3270e: true, luName: 'LU000001', terminal: { name: 'IBM-3278-4-E' } });
    expect(n.tn3270e).toBe(true);
  });

  it('accepts an empty FUNCTIONS REQUEST at once, and a CONNECT to a named LU', () => {
    const { n, take, result } = harness();
    n.start();
    n.option(WILL, OPT_TN3270E);
    take();
    n.subnegotiation(OPT_TN3270E, Uint8Array.from([2, 7, ...asciiBytes('IBM-3278-2'), 1, ...asciiBytes('term7')]));
    expect(take()[0]).toEqual([IAC, SB, OPT_TN3270E, 2, 4, ...asciiBytes('IBM-3278-2'), 1, ...asciiBytes('TERM7'), IAC, SE]);
    n.subnegotiation(OPT_TN3270E, Uint8Array.of(3, 7));
    expect(take()).toEqual([[IAC, SB, OPT_TN3270E, 3, 4, IAC, SE]]);
    expect(result.ready?.luName).toBe('TERM7');
  });

  it('rejects printers, ASSOCIATE and LU names in use', () => {
    const pool = new SimpleLuNamePool();
    expect(pool.allocate('BUSY')).toBe('BUSY');
    const { n, take } = harness({ luNames: pool });
    n.start();
    n.option(WILL, OPT_TN3270E);
    take();
    n.subnegotiation(OPT_TN3270E, Uint8Array.from([2, 7, ...asciiBytes('IBM-3287-1')]));
    expect(take()).toEqual([[IAC, SB, OPT_TN3270E, 2, 6, 5, 4, IAC, SE]]);
    n.subnegotiation(OPT_TN3270E, Uint8Array.from([2, 7, ...asciiBytes('IBM-3278-2'), 0, ...asciiBytes('X')]));
    expect(take()).toEqual([[IAC, SB, OPT_TN3270E, 2, 6, 5, 2, IAC, SE]]);
    n.subnegotiation(OPT_TN3270E, Uint8Array.from([2, 7, ...asciiBytes('IBM-3278-2'), 1, ...asciiBytes('BUSY')]));
    expect(take()).toEqual([[IAC, SB, OPT_TN3270E, 2, 6, 5, 1, IAC, SE]]);
    n.subnegotiation(OPT_TN3270E, Uint8Array.from([2, 7, ...asciiBytes('IBM-3278-2'), 1, ...asciiBytes('TOOLONGNAME')]));
    expect(take()).toEqual([[IAC, SB, OPT_TN3270E, 2, 6, 5, 3, IAC, SE]]);
  });

  it('releases the LU name when disposed', () => {
    const pool = new SimpleLuNamePool();
    const { n, take } = harness({ luNames: pool });
    n.start();
    n.option(WILL, OPT_TN3270E);
    n.subnegotiation(OPT_TN3270E, Uint8Array.from([2, 7, ...asciiBytes('IBM-3278-2'), 1, ...asciiBytes('A1')]));
    take();
    expect(pool.allocate('A1')).not.toBe('A1');
    n.dispose();
    expect(pool.allocate('A1')).toBe('A1');
  });
});

describe('plain TN3270 negotiation', () => {
  function toTtype(h: ReturnType<typeof harness>) {
    h.n.start();
    h.take();
    h.n.option(WONT, OPT_TN3270E); // client refuses TN3270E
    expect(h.take()).toEqual([[IAC, DO, OPT_TTYPE]]);
    h.n.option(WILL, OPT_TTYPE);
    expect(h.take()).toEqual([[IAC, SB, OPT_TTYPE, 1, IAC, SE]]);
  }

  it('falls back from TN3270E to TERMINAL-TYPE, BINARY and EOR', () => {
    const h = harness();
    toTtype(h);
    h.n.subnegotiation(OPT_TTYPE, ttypeIs('IBM-3278-2-E'));
    expect(h.take()).toEqual([
      [IAC, DO, OPT_EOR],
      [IAC, WILL, OPT_EOR],
      [IAC, DO, OPT_BINARY],
      [IAC, WILL, OPT_BINARY],
    ]);
    // answers in any order
    h.n.option(DO, OPT_BINARY);
    h.n.option(WILL, OPT_EOR);
    h.n.option(WILL, OPT_BINARY);
    expect(h.result.ready).toBeUndefined();
    h.n.option(DO, OPT_EOR);
    expect(h.take()).toEqual([]); // nothing more to say: no loops
    expect(h.result.ready).toMatchObject({ tn3270e: false, terminal: { name: 'IBM-3278-2-E' } });
    expect(h.n.tn3270e).toBe(false);
  });

  it('starts with TERMINAL-TYPE when TN3270E is not offered; early client WILLs are fine', () => {
    const h = harness({ tn3270e: false });
    h.n.option(WILL, OPT_BINARY); // before we even asked
    expect(h.take()).toEqual([[IAC, DO, OPT_BINARY]]);
    h.n.start();
    expect(h.take()).toEqual([[IAC, DO, OPT_TTYPE]]);
    h.n.option(WILL, OPT_TTYPE);
    h.take();
    h.n.subnegotiation(OPT_TTYPE, ttypeIs('IBM-3279-5'));
    expect(h.take()).toEqual([
      [IAC, DO, OPT_EOR],
      [IAC, WILL, OPT_EOR],
      [IAC, WILL, OPT_BINARY],
    ]);
    h.n.option(WILL, OPT_EOR);
    h.n.option(DO, OPT_EOR);
    h.n.option(DO, OPT_BINARY);
    expect(h.result.ready?.terminal.model).toEqual({ model: 5, rows: 27, cols: 132 });
  });

  it('refuses options it does not support and does not repeat itself', () => {
    const h = harness();
    h.n.option(WILL, OPT_ECHO);
    h.n.option(DO, OPT_ECHO);
    expect(h.take()).toEqual([
      [IAC, DONT, OPT_ECHO],
      [IAC, WONT, OPT_ECHO],
    ]);
    h.n.option(WONT, OPT_ECHO);
    h.n.option(DONT, OPT_ECHO);
    expect(h.take()).toEqual([]);
    h.n.option(WILL, OPT_TN3270E); // not asked for: refused
    expect(h.take()).toEqual([[IAC, DONT, OPT_TN3270E]]);
  });

  it('fails for non-3270 terminal types, refused TTYPE, and refused BINARY', () => {
    const a = harness();
    toTtype(a);
    a.n.subnegotiation(OPT_TTYPE, ttypeIs('XTERM'));
    expect(a.result.fail).toMatch(/XTERM is not a 3278\/3279/);
    expect(a.result.ttype).toBe('XTERM');

    const b = harness({ tn3270e: false });
    b.n.start();
    b.n.option(WONT, OPT_TTYPE);
    expect(b.result.fail).toMatch(/refused TERMINAL-TYPE/);

    const c = harness();
    toTtype(c);
    c.n.subnegotiation(OPT_TTYPE, ttypeIs('IBM-3278-2'));
    c.n.option(WONT, OPT_BINARY);
    expect(c.result.fail).toMatch(/refused BINARY/);
  });

  it('a client that leaves 3270 mode after agreement fails the session', () => {
    const h = harness({ tn3270e: false });
    h.n.start();
    h.n.option(WILL, OPT_TTYPE);
    h.n.subnegotiation(OPT_TTYPE, ttypeIs('IBM-3278-2'));
    for (const [v, o] of [[WILL, OPT_EOR], [DO, OPT_EOR], [WILL, OPT_BINARY], [DO, OPT_BINARY]] as const) h.n.option(v, o);
    expect(h.result.ready).toBeDefined();
    h.n.option(WONT, OPT_BINARY);
    expect(h.result.fail).toMatch(/left 3270 mode/);
  });

  it('falls back when the client drops TN3270E during DEVICE-TYPE', () => {
    const h = harness();
    h.n.start();
    h.n.option(WILL, OPT_TN3270E);
    h.take();
    h.n.option(WONT, OPT_TN3270E);
    expect(h.take()).toEqual([[IAC, DONT, OPT_TN3270E], [IAC, DO, OPT_TTYPE]]);
  });
});
