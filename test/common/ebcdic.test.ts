import { describe, expect, it } from 'vitest';
import {
  CP037,
  CP037_TO_LATIN1,
  LATIN1_TO_CP037,
  ebcdicToLatin1Byte,
  ebcdicToString,
  latin1ToEbcdicByte,
  stringToEbcdic,
} from '../../src/common/ebcdic.js';

describe('EBCDIC code page 037', () => {
  it('tables have 256 entries and are inverse permutations', () => {
    expect(CP037_TO_LATIN1.length).toBe(256);
    expect(LATIN1_TO_CP037.length).toBe(256);
    expect(new Set(CP037_TO_LATIN1).size).toBe(256);
    for (let b = 0; b < 256; b++) {
      expect(LATIN1_TO_CP037[CP037_TO_LATIN1[b]!]).toBe(b);
      expect(CP037_TO_LATIN1[LATIN1_TO_CP037[b]!]).toBe(b);
    }
  });

  it('round-trips all 256 bytes through the string helpers', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const s = ebcdicToString(all);
    expect(s.length).toBe(256);
    expect(Array.from(stringToEbcdic(s))).toEqual(Array.from(all));
    const latin = String.fromCharCode(...all);
    expect(ebcdicToString(stringToEbcdic(latin))).toBe(latin);
  });

  it('maps the well-known code points (CONSOLE-3270.md §2.4)', () => {
    const known: Array<[string, number]> = [
      ['A', 0xc1], ['I', 0xc9], ['J', 0xd1], ['R', 0xd9], ['S', 0xe2], ['Z', 0xe9],
      ['a', 0x81], ['i', 0x89], ['j', 0x91], ['r', 0x99], ['s', 0xa2], ['z', 0xa9],
      ['0', 0xf0], ['9', 0xf9], [' ', 0x40], ['.', 0x4b], ['<', 0x4c], ['(', 0x4d],
      ['+', 0x4e], ['|', 0x4f], ['&', 0x50], ['!', 0x5a], ['$', 0x5b], ['*', 0x5c],
      [')', 0x5d], [';', 0x5e], ['\u00ac', 0x5f], ['-', 0x60], ['/', 0x61], [',', 0x6b],
      ['%', 0x6c], ['_', 0x6d], ['>', 0x6e], ['?', 0x6f], [':', 0x7a], ['#', 0x7b],
      ['@', 0x7c], ["'", 0x7d], ['=', 0x7e], ['"', 0x7f], ['\u00a2', 0x4a], ['[', 0xba],
      [']', 0xbb], ['^', 0xb0], ['{', 0xc0], ['}', 0xd0], ['\\', 0xe0], ['~', 0xa1],
      ['`', 0x79], ['\n', 0x25], ['\u0085', 0x15], ['\u0000', 0x00],
    ];
    for (const [ch, e] of known) {
      expect(latin1ToEbcdicByte(ch.charCodeAt(0)), `char ${JSON.stringify(ch)}`).toBe(e);
      expect(ebcdicToLatin1Byte(e)).toBe(ch.charCodeAt(0));
    }
  });

  it('encodes text and substitutes characters above U+00FF', () => {
    expect(Array.from(stringToEbcdic('Q N'))).toEqual([0xd8, 0x40, 0xd5]);
    expect(Array.from(stringToEbcdic('x\u20acy'))).toEqual([0xa7, 0x6f, 0xa8]);
    expect(latin1ToEbcdicByte(0x20ac)).toBe(0x6f);
    expect(CP037.name).toBe('cp037');
  });

  it('decodes slices and long inputs', () => {
    const bytes = stringToEbcdic('HELLO WORLD');
    expect(ebcdicToString(bytes, 6, 11)).toBe('WORLD');
    const long = 'x'.repeat(100_000);
    expect(ebcdicToString(stringToEbcdic(long))).toBe(long);
  });
});
