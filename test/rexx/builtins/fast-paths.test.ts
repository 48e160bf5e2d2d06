/**
 * The BIF fast paths against plain models of the definitions (ANSI
 * X3.274-1996 §9.4) and against the general paths:
 *   - the word functions' index of the last long string (word.ts), with calls
 *     on different strings interleaved so that the index is replaced;
 *   - SPACE built in one pass;
 *   - TRANSLATE's remembered table and run copying;
 *   - D2X of 1 to 9 plain digits without BigInt, against the BigInt path;
 *   - whole-number arguments read without a regular expression.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bif, bifError, fakeContext } from './helpers.js';
import { plainDigits, wholeValue } from '../../../src/rexx/builtins/args.js';

const c = fakeContext();
const f = (n: string, ...a: (string | number | undefined)[]) => bif(c, n, ...a);

/** [start, end) of each word: word functions take HT LF VT FF CR as white space too. */
function spans(s: string, ws = /[^ \t\n\v\f\r]+/g): [number, number][] {
  return [...s.matchAll(ws)].map((m) => [m.index, m.index + m[0].length]);
}

const model = {
  words: (s: string) => String(spans(s).length),
  word: (s: string, n: number) => {
    const w = spans(s)[n - 1];
    return w ? s.slice(w[0], w[1]) : '';
  },
  wordindex: (s: string, n: number) => String((spans(s)[n - 1]?.[0] ?? -1) + 1),
  wordlength: (s: string, n: number) => {
    const w = spans(s)[n - 1];
    return String(w ? w[1] - w[0] : 0);
  },
  subword: (s: string, n: number, len?: number) => {
    const sp = spans(s);
    const first = sp[n - 1];
    if (!first || len === 0) return '';
    const last = len === undefined ? sp[sp.length - 1]! : sp[Math.min(n + len - 1, sp.length) - 1]!;
    return s.slice(first[0], last[1]);
  },
  delword: (s: string, n: number, len?: number) => {
    const sp = spans(s);
    const first = sp[n - 1];
    if (!first || len === 0) return s;
    if (len === undefined) return s.slice(0, first[0]);
    const next = sp[n + len - 1];
    return s.slice(0, first[0]) + (next ? s.slice(next[0]) : '');
  },
  wordpos: (phrase: string, s: string, start: number) => {
    const p = spans(phrase).map(([b, e]) => phrase.slice(b, e));
    const h = spans(s).map(([b, e]) => s.slice(b, e));
    if (p.length === 0) return '0';
    for (let i = start - 1; i + p.length <= h.length; i++) {
      if (p.every((w, j) => h[i + j] === w)) return String(i + 1);
    }
    return '0';
  },
  space: (s: string, n: number, pad: string) =>
    spans(s, /[^ ]+/g)
      .map(([b, e]) => s.slice(b, e))
      .join(pad.repeat(n)),
};

/** Strings short and long (the index is kept for 64 characters and more). */
const text = fc
  .array(fc.constantFrom('a', 'b', 'cd', ' ', ' ', '  ', '\t', '\n', 'x'), { maxLength: 90 })
  .map((p) => p.join(''));
const wordNo = fc.integer({ min: 1, max: 40 });
const optLen = fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined });

describe('word functions against the model', () => {
  it('agree on every function, with strings interleaved', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, wordNo, optLen), { minLength: 1, maxLength: 6 }), (cases) => {
        // the same strings twice round: the second time they may be indexed
        for (const [s, n, len] of [...cases, ...cases]) {
          expect(f('words', s)).toBe(model.words(s));
          expect(f('word', s, n)).toBe(model.word(s, n));
          expect(f('wordindex', s, n)).toBe(model.wordindex(s, n));
          expect(f('wordlength', s, n)).toBe(model.wordlength(s, n));
          expect(f('subword', s, n, len)).toBe(model.subword(s, n, len));
          expect(f('delword', s, n, len)).toBe(model.delword(s, n, len));
          const phrase = model.subword(s, n, len ?? 2);
          const from = Math.max(1, len ?? 1);
          expect(f('wordpos', phrase, s, from)).toBe(model.wordpos(phrase, s, from));
          expect(f('wordpos', 'a b', s)).toBe(model.wordpos('a b', s, 1));
          expect(f('find', s, phrase)).toBe(model.wordpos(phrase, s, 1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a string equal to the indexed one but not the same object gives the same answers', () => {
    const a = 'one two three '.repeat(10);
    const b = 'one two three '.repeat(10).slice(0);
    expect(f('word', a, 29)).toBe('two');
    expect(f('word', b + ' four', 31)).toBe('four');
    expect(f('wordindex', a, 30)).toBe(String(a.lastIndexOf('three') + 1));
  });

  it('SPACE joins the blank-delimited words as the model does', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 3 }), fc.constantFrom(' ', '-', '\t'), (s, n, pad) => {
        expect(f('space', s, n, pad)).toBe(model.space(s, n, pad));
      }),
      { numRuns: 300 },
    );
  });
});

describe('TRANSLATE', () => {
  function translateModel(s: string, tout: string, tin: string, pad: string): string {
    return [...s]
      .map((ch) => {
        const i = tin.indexOf(ch);
        return i < 0 ? ch : i < tout.length ? tout[i]! : pad;
      })
      .join('');
  }
  const chars = fc.array(fc.constantFrom('a', 'b', 'c', 'A', ' ', '\x00', '\xff'), { maxLength: 20 }).map((p) => p.join(''));

  it('agrees with the model, tables changing from call to call', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(chars, chars, chars, fc.constantFrom(' ', '*')), { minLength: 1, maxLength: 4 }), (cases) => {
        for (const [s, tout, tin, pad] of [...cases, ...cases]) {
          expect(f('translate', s, tout, tin, pad)).toBe(translateModel(s, tout, tin, pad));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('still checks the pad and upper-cases without tables', () => {
    expect(f('translate', 'abc')).toBe('ABC');
    expect(bifError(c, 'translate', 'abc', 'x', 'a', 'xy')).toBe(bifError(c, 'translate', 'abc', 'y', 'b', 'xy'));
    expect(f('translate', 'abc', '', 'b')).toBe('a c');
  });
});

describe('D2X of plain digits', () => {
  it('agrees with the BigInt path (the same number written 123.0)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }), (v, n) => {
        expect(f('d2x', String(v), n)).toBe(f('d2x', `${v}.0`, n));
      }),
      { numRuns: 500 },
    );
    expect(f('d2x', '255', 0)).toBe('');
    expect(f('d2x', '0255', 1)).toBe('F');
    expect(bifError(c, 'd2x', '255', -1)).toBe(bifError(c, 'd2x', '255.0', -1));
  });
});

describe('whole-number arguments', () => {
  it('plainDigits reads 1 to 9 digits and nothing else', () => {
    expect(plainDigits('0')).toBe(0);
    expect(plainDigits('007')).toBe(7);
    expect(plainDigits('999999999')).toBe(999999999);
    for (const s of ['', '1234567890', '-1', '+1', ' 1', '1 ', '1.0', '1e2', 'a', '١']) expect(plainDigits(s)).toBe(-1);
  });

  it('wholeValue gives what the general path gives for the same number written otherwise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (v) => {
        expect(wholeValue(String(v), c.numeric)).toBe(wholeValue(` +${v}.000 `, c.numeric));
      }),
    );
  });
});
