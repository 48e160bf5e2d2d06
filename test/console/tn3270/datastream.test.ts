import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  ATTR_NONDISPLAY,
  ATTR_PROTECTED,
  CMD_ERASE_WRITE,
  CMD_ERASE_WRITE_ALTERNATE,
  CMD_WRITE,
  CODE_TABLE,
  COLOR_GREEN,
  DataStream,
  HL_UNDERSCORE,
  READ_PARTITION_QUERY,
  WCC_KEYBOARD_RESTORE,
  WCC_RESET_MDT,
  XA_COLOR,
  XA_HIGHLIGHT,
  code6,
  decodeAddress,
  encodeAddress,
} from '../../../src/console/tn3270/datastream.js';

describe('3270 buffer addresses', () => {
  it('the code table has the 64 documented values', () => {
    const expected = [
      0x40, ...range(0xc1, 0xc9), ...range(0x4a, 0x50), ...range(0xd1, 0xd9), ...range(0x5a, 0x61),
      ...range(0xe2, 0xe9), ...range(0x6a, 0x6f), ...range(0xf0, 0xf9), ...range(0x7a, 0x7f),
    ];
    expect(Array.from(CODE_TABLE)).toEqual(expected);
  });

  it('encodes known 12-bit addresses', () => {
    expect(encodeAddress(0)).toEqual([0x40, 0x40]);
    expect(encodeAddress(80)).toEqual([0xc1, 0x50]); // row 2 col 1: 80 = 1*64 + 16
    expect(encodeAddress(1919)).toEqual([0x5d, 0x7f]); // last position of 24x80
    expect(encodeAddress(3563)).toEqual([0xf7, 0x6b]); // last position of 27x132: 55*64 + 43
    expect(encodeAddress(4095)).toEqual([0x7f, 0x7f]);
  });

  it('every 12-bit and 14-bit address round-trips', () => {
    for (let p = 0; p < 16384; p++) {
      const [a, b] = encodeAddress(p);
      expect(decodeAddress(a, b)).toBe(p);
      const [c, d] = encodeAddress(p, true);
      expect(c & 0xc0).toBe(0);
      expect(decodeAddress(c, d)).toBe(p);
    }
    expect(encodeAddress(5000)).toEqual([0x13, 0x88]); // > 4095: 14-bit
    expect(() => encodeAddress(16384)).toThrow(RangeError);
    expect(() => encodeAddress(-1)).toThrow(RangeError);
  });
});

describe('DataStream builder', () => {
  it('writes commands, WCC, SBA, SF, text and IC', () => {
    const bytes = new DataStream(CMD_ERASE_WRITE, WCC_KEYBOARD_RESTORE | WCC_RESET_MDT)
      .sba(1919)
      .sf(ATTR_PROTECTED)
      .sba(0)
      .text('HI')
      .sba(1761)
      .sf(ATTR_NONDISPLAY)
      .ic()
      .toBytes();
    expect(Array.from(bytes)).toEqual([
      0xf5, 0xc3, 0x11, 0x5d, 0x7f, 0x1d, 0x60, 0x11, 0x40, 0x40, 0xc8, 0xc9, 0x11, ...encodeAddress(1761), 0x1d, 0x4c, 0x13,
    ]);
  });

  it('Write and Erase/Write Alternate codes', () => {
    expect(new DataStream(CMD_WRITE, WCC_KEYBOARD_RESTORE).toBytes()).toEqual(Uint8Array.of(0xf1, 0xc2));
    expect(new DataStream(CMD_ERASE_WRITE_ALTERNATE, 0).toBytes()).toEqual(Uint8Array.of(0x7e, 0x40));
  });

  it('SFE, SA, RA, EUA, PT and raw bytes', () => {
    const bytes = new DataStream()
      .sfe(ATTR_PROTECTED, [
        { type: XA_COLOR, value: COLOR_GREEN },
        { type: XA_HIGHLIGHT, value: HL_UNDERSCORE },
      ])
      .sa(XA_COLOR, COLOR_GREEN)
      .ra(100, 0x00)
      .eua(200)
      .pt()
      .raw([1, 2])
      .toBytes();
    expect(Array.from(bytes)).toEqual([
      0x29, 3, 0xc0, 0x60, 0x42, 0xf4, 0x41, 0xf4, 0x28, 0x42, 0xf4, 0x3c, ...encodeAddress(100), 0x00, 0x12,
      ...encodeAddress(200), 0x05, 1, 2,
    ]);
  });

  it('text never emits order codes; unmappable characters become ?', () => {
    const bytes = new DataStream().text('a\x11\x1d\x05\tb\u20ac').toBytes();
    expect(Array.from(bytes)).toEqual([0x81, 0x40, 0x40, 0x40, 0x40, 0x82, 0x6f]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        for (const b of new DataStream().text(s).toBytes()) expect(b).toBeGreaterThanOrEqual(0x40);
      }),
    );
  });

  it('14-bit mode', () => {
    expect(Array.from(new DataStream(undefined, undefined, { force14: true }).sba(80).toBytes())).toEqual([0x11, 0x00, 0x50]);
  });

  it('Read Partition Query', () => {
    expect(Array.from(READ_PARTITION_QUERY)).toEqual([0xf3, 0x00, 0x05, 0x01, 0xff, 0x02]);
  });
});

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
