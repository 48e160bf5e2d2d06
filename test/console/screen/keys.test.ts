import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { KEY_MAP, KeyParser, fKeySequence, keyMapText, type KeyEvent } from '../../../src/console/screen/keys.js';

const parse = (s: string | Uint8Array) => new KeyParser().feed(s);

describe('KeyParser', () => {
  it('maps the documented keys', () => {
    expect(parse('\x03\x1b1')).toEqual([
      { type: 'aid', kind: 'PA1' },
      { type: 'aid', kind: 'PA1' },
    ]);
    expect(parse('\x17\x1b2\x1b3\x0c\x1bc\x1bC')).toEqual([
      { type: 'aid', kind: 'PA2' },
      { type: 'aid', kind: 'PA2' },
      { type: 'aid', kind: 'PA3' },
      { type: 'aid', kind: 'CLEAR' },
      { type: 'aid', kind: 'CLEAR' },
      { type: 'aid', kind: 'CLEAR' },
    ]);
    expect(parse('\r\n\n\x1bOM')).toEqual([
      { type: 'edit', key: 'enter' },
      { type: 'edit', key: 'enter' },
      { type: 'edit', key: 'enter' },
    ]);
    expect(parse('\x1b[A\x1b[B\x1b[C\x1b[D\x1bOH\x1b[F\x1b[1~\x1b[4~\x1b[2~\x1b[3~\x1b[Z\t\x7f\x08')).toEqual(
      ['up', 'down', 'right', 'left', 'home', 'end', 'home', 'end', 'insert', 'delete', 'backtab', 'tab', 'backspace', 'backspace'].map(
        (key) => ({ type: 'edit', key }),
      ),
    );
    expect(parse('\x1b[1;5C')).toEqual([{ type: 'edit', key: 'right' }]);
  });

  it('every PF key in KEY_MAP parses to itself', () => {
    for (const b of KEY_MAP.filter((k) => /^PF\d+$/.test(k.action))) {
      expect(parse(b.sequence)).toEqual([{ type: 'pf', n: Number(b.action.slice(2)) }]);
    }
    expect(parse(fKeySequence(12, true))).toEqual([{ type: 'pf', n: 24 }]);
    expect(() => fKeySequence(13, false)).toThrow(RangeError);
    expect(keyMapText()).toContain('PF13-PF24');
    expect(keyMapText()).toContain('Ctrl-C, Esc 1');
  });

  it('Esc then an ordinary key: the key acts; unknown sequences are dropped', () => {
    expect(parse('\x1bx')).toEqual([{ type: 'char', ch: 'x' }]);
    expect(parse('\x1b[99~a\x1b[?1;2cb\x1b[Ic')).toEqual([
      { type: 'char', ch: 'a' },
      { type: 'char', ch: 'b' },
      { type: 'char', ch: 'c' },
    ]);
    // an over-long sequence is abandoned
    expect(parse(`\x1b[${'1'.repeat(100)}~z`).at(-1)).toEqual({ type: 'char', ch: 'z' });
  });

  it('UTF-8 characters, split across chunks; broken sequences are dropped', () => {
    const p = new KeyParser();
    const bytes = Buffer.from('\u00e9\u00a2', 'utf8');
    const evs = [...p.feed(bytes.subarray(0, 1)), ...p.feed(bytes.subarray(1, 3)), ...p.feed(bytes.subarray(3))];
    expect(evs).toEqual([
      { type: 'char', ch: '\u00e9' },
      { type: 'char', ch: '\u00a2' },
    ]);
    expect(parse(Uint8Array.from([0xc3, 0x41]))).toEqual([{ type: 'char', ch: 'A' }]);
    expect(parse(Uint8Array.from([0x80, 0xff, 0x42]))).toEqual([{ type: 'char', ch: 'B' }]);
  });

  it('any byte string: never throws, and the result does not depend on how it is split', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(200), { maxLength: 10 }), (bytes, cuts) => {
        const whole = parse(bytes);
        const p = new KeyParser();
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const parts: KeyEvent[] = [];
        let at = 0;
        for (const c of [...points, bytes.length]) {
          parts.push(...p.feed(bytes.subarray(at, c)));
          at = c;
        }
        expect(parts).toEqual(whole);
        for (const ev of whole) {
          if (ev.type === 'pf') expect(ev.n >= 1 && ev.n <= 24).toBe(true);
          if (ev.type === 'char') expect([...ev.ch]).toHaveLength(1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('sequences built from key-like pieces never throw', () => {
    const piece = fc.constantFrom('\x1b', '[', 'O', '1', '2', ';', '~', 'P', 'A', '\r', '\n', 'x', '\x03', '[', '\xc3', '\x80');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (ps) => {
        const evs = parse(Buffer.from(ps.join(''), 'latin1'));
        expect(Array.isArray(evs)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
