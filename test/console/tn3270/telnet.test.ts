import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  DO,
  EOR,
  IAC,
  NOP,
  OPT_TTYPE,
  SB,
  SE,
  TelnetParser,
  TelnetProtocolError,
  WILL,
  escapeIac,
  frameRecord,
  optionCommand,
  subnegotiation,
} from '../../../src/console/tn3270/telnet.js';

function collect(limits = {}) {
  const events: Array<{ kind: string; verb?: number; opt?: number; data?: number[] }> = [];
  const parser = new TelnetParser(
    {
      record: (d) => events.push({ kind: 'record', data: Array.from(d) }),
      option: (verb, opt) => events.push({ kind: 'option', verb, opt }),
      subnegotiation: (opt, d) => events.push({ kind: 'sb', opt, data: Array.from(d) }),
      command: (cmd) => events.push({ kind: 'cmd', opt: cmd }),
    },
    limits,
  );
  return { parser, events };
}

describe('telnet parser', () => {
  it('splits records at IAC EOR and unescapes IAC IAC', () => {
    const { parser, events } = collect();
    parser.feed(Uint8Array.of(1, 2, IAC, IAC, 3, IAC, EOR, 4, IAC, EOR));
    expect(events).toEqual([
      { kind: 'record', data: [1, 2, 0xff, 3] },
      { kind: 'record', data: [4] },
    ]);
  });

  it('reports option verbs, subnegotiations and other commands', () => {
    const { parser, events } = collect();
    parser.feed(Uint8Array.of(IAC, WILL, OPT_TTYPE, IAC, SB, OPT_TTYPE, 0, 65, IAC, IAC, 66, IAC, SE, IAC, NOP));
    expect(events).toEqual([
      { kind: 'option', verb: WILL, opt: OPT_TTYPE },
      { kind: 'sb', opt: OPT_TTYPE, data: [0, 65, 0xff, 66] },
      { kind: 'cmd', opt: NOP },
    ]);
  });

  it('handles input split at every byte', () => {
    const stream = Uint8Array.of(IAC, DO, 25, 9, IAC, IAC, 8, IAC, EOR, IAC, SB, 24, 1, IAC, SE);
    const whole = collect();
    whole.parser.feed(stream);
    const bytewise = collect();
    for (const b of stream) bytewise.parser.feed(Uint8Array.of(b));
    expect(bytewise.events).toEqual(whole.events);
  });

  it('caps records and subnegotiations', () => {
    const a = collect({ maxRecord: 10 });
    expect(() => a.parser.feed(new Uint8Array(11))).toThrow(TelnetProtocolError);
    const b = collect({ maxRecord: 10 });
    b.parser.feed(new Uint8Array(10));
    b.parser.feed(Uint8Array.of(IAC, EOR));
    expect(b.events).toHaveLength(1);
    const c = collect({ maxSubnegotiation: 4 });
    expect(() => c.parser.feed(Uint8Array.of(IAC, SB, 24, 1, 2, 3, 4, 5))).toThrow(/subnegotiation longer/);
  });

  it('rejects a bad command inside a subnegotiation', () => {
    const { parser } = collect();
    expect(() => parser.feed(Uint8Array.of(IAC, SB, 24, 1, IAC, DO))).toThrow(TelnetProtocolError);
  });

  it('builds commands, subnegotiations and framed records', () => {
    expect(Array.from(optionCommand(DO, 40))).toEqual([IAC, DO, 40]);
    expect(Array.from(subnegotiation(40, [8, 2, 0xff]))).toEqual([IAC, SB, 40, 8, 2, IAC, IAC, IAC, SE]);
    expect(Array.from(frameRecord(Uint8Array.of(0xf5, 0xff, 0xc3)))).toEqual([0xf5, IAC, IAC, 0xc3, IAC, EOR]);
    const noFf = Uint8Array.of(1, 2, 3);
    expect(escapeIac(noFf)).toBe(noFf);
  });

  it('property: framed records come back unchanged however the stream is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        (records, cuts) => {
          const wire = Buffer.concat(records.map((r) => frameRecord(r)));
          const { parser, events } = collect();
          let pos = 0;
          let k = 0;
          while (pos < wire.length) {
            const n = cuts[k++ % cuts.length]!;
            parser.feed(wire.subarray(pos, pos + n));
            pos += n;
          }
          expect(events.map((e) => e.data)).toEqual(records.map((r) => Array.from(r)));
        },
      ),
    );
  });

  it('property: random bytes never throw anything but TelnetProtocolError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const { parser } = collect({ maxRecord: 512, maxSubnegotiation: 64 });
        try {
          parser.feed(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(TelnetProtocolError);
        }
      }),
    );
  });
});
