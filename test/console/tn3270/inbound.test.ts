import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { stringToEbcdic } from '../../../src/common/ebcdic.js';
import { encodeAddress } from '../../../src/console/tn3270/datastream.js';
import {
  AID_PF,
  InboundError,
  aidKey,
  isShortRead,
  parseInbound,
  usableAreaFromQueryReply,
} from '../../../src/console/tn3270/inbound.js';

describe('AIDs', () => {
  it('maps PF1-PF24, PA1-3, CLEAR, ENTER', () => {
    for (let n = 1; n <= 24; n++) expect(aidKey(AID_PF[n - 1]!)).toEqual({ key: 'PF', n });
    expect(AID_PF.slice(0, 3)).toEqual([0xf1, 0xf2, 0xf3]);
    expect(AID_PF.slice(9, 13)).toEqual([0x7a, 0x7b, 0x7c, 0xc1]);
    expect(AID_PF[23]).toBe(0x4c);
    expect(aidKey(0x6c)).toEqual({ key: 'PA', n: 1 });
    expect(aidKey(0x6e)).toEqual({ key: 'PA', n: 2 });
    expect(aidKey(0x6b)).toEqual({ key: 'PA', n: 3 });
    expect(aidKey(0x6d)).toEqual({ key: 'CLEAR' });
    expect(aidKey(0x7d)).toEqual({ key: 'ENTER' });
    expect(aidKey(0x00)).toBeUndefined();
    expect(isShortRead({ key: 'PA', n: 1 })).toBe(true);
    expect(isShortRead({ key: 'ENTER' })).toBe(false);
  });
});

describe('parseInbound', () => {
  it('Enter with cursor and a modified field', () => {
    const rec = Uint8Array.from([0x7d, ...encodeAddress(1765), 0x11, ...encodeAddress(1761), ...stringToEbcdic('Q N')]);
    const r = parseInbound(rec, 1920);
    expect(r.key).toEqual({ key: 'ENTER' });
    expect(r.cursor).toBe(1765);
    expect(r.fields).toEqual([{ address: 1761, data: stringToEbcdic('Q N') }]);
  });

  it('several fields, and an empty modified field', () => {
    const rec = Uint8Array.from([
      0xf3, ...encodeAddress(0), 0x11, ...encodeAddress(10), 0xc1, 0x11, ...encodeAddress(20), 0x11, ...encodeAddress(30), 0xc2,
    ]);
    const r = parseInbound(rec, 1920);
    expect(r.key).toEqual({ key: 'PF', n: 3 });
    expect(r.fields.map((f) => [f.address, Array.from(f.data)])).toEqual([
      [10, [0xc1]],
      [20, []],
      [30, [0xc2]],
    ]);
  });

  it('data before any SBA (unformatted screen) has address -1', () => {
    const r = parseInbound(Uint8Array.from([0x7d, ...encodeAddress(5), 0xc1, 0xc2]), 1920);
    expect(r.fields).toEqual([{ address: -1, data: Uint8Array.of(0xc1, 0xc2) }]);
  });

  it('short reads', () => {
    for (const [aid, key] of [
      [0x6c, { key: 'PA', n: 1 }],
      [0x6e, { key: 'PA', n: 2 }],
      [0x6d, { key: 'CLEAR' }],
    ] as const) {
      expect(parseInbound(Uint8Array.of(aid), 1920)).toEqual({ aid, key, fields: [] });
      // trailing bytes after a short-read AID are ignored
      expect(parseInbound(Uint8Array.of(aid, 1, 2, 3), 1920).fields).toEqual([]);
    }
    expect(parseInbound(Uint8Array.of(0x7d), 1920).cursor).toBeUndefined();
  });

  it('errors', () => {
    expect(() => parseInbound(new Uint8Array(0), 1920)).toThrow(InboundError);
    expect(() => parseInbound(Uint8Array.of(0x01), 1920)).toThrow(/unknown AID X'01'/);
    expect(() => parseInbound(Uint8Array.of(0x7d, 0x40), 1920)).toThrow(/cursor/);
    expect(() => parseInbound(Uint8Array.from([0x7d, ...encodeAddress(1920)]), 1920)).toThrow(/outside/);
    expect(() => parseInbound(Uint8Array.from([0x7d, 0x40, 0x40, 0x11, 0x40]), 1920)).toThrow(/SBA/);
  });

  it('structured-field AID', () => {
    const sf = Uint8Array.of(0x00, 0x0a, 0x81, 0x81, 0x00, 0x00, 0x00, 0x50, 0x00, 0x2b);
    const r = parseInbound(Uint8Array.from([0x88, ...sf]), 1920);
    expect(r.key).toEqual({ key: 'STRUCTURED-FIELD' });
    expect(usableAreaFromQueryReply(r.structuredFields!)).toEqual({ rows: 43, cols: 80, addressing14: false });
    sf[4] = 0x01; // 12/14-bit addressing
    expect(usableAreaFromQueryReply(sf)?.addressing14).toBe(true);
    expect(usableAreaFromQueryReply(Uint8Array.of(0, 2))).toBeUndefined();
    expect(usableAreaFromQueryReply(Uint8Array.of(0, 5, 0x81, 0x86, 0))).toBeUndefined();
  });

  it('property: random records either parse or raise InboundError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(1920, 2560, 3440, 3564), (bytes, size) => {
        try {
          const r = parseInbound(bytes, size);
          for (const f of r.fields) expect(f.address).toBeLessThan(size);
        } catch (e) {
          expect(e).toBeInstanceOf(InboundError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
