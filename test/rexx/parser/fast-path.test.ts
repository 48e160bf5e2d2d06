/**
 * The fast front end (parser/fast-path.ts) must agree exactly with the
 * Chevrotain parser on every source it accepts.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fastParseProgram } from '../../../src/rexx/parser/fast-path.js';
import { parseProgram } from '../../../src/rexx/parser/program.js';

function full(src: string): unknown {
  try {
    return JSON.parse(JSON.stringify(parseProgram(src, 'T'), (k, v) => (v instanceof Map ? [...v] : v)));
  } catch (e) {
    return { error: String((e as Error).message) };
  }
}

function fast(src: string): unknown {
  const p = fastParseProgram(src, 'T');
  return p === undefined ? undefined : JSON.parse(JSON.stringify(p, (k, v) => (v instanceof Map ? [...v] : v)));
}

const piece = fc.constantFrom(
  'x', 'Sum', 'a.b', 'a.', 'st.i.j', '1', '12345', '0.5', '.5', '3abc', '1e5', '1E', 'e', '!q', '_z', '#1', '$', '@',
  ' ', ' ', ' ', '\t', '=', '=', '+', '-', '*', '/', '//', '%', '**', ';', '==', '\\', '(', ')', "'s'", ',', '||', '/*c*/', ':',
);

describe('fast front end', () => {
  it('accepts the INTERPRET strings of bench b8', () => {
    for (const s of ['x37 = 12345 * 3 + 4', 'sum = sum + x12', 'a=b//c%d-e/f', ' y = z ; w = 1;']) {
      expect(fast(s)).toBeDefined();
      expect(fast(s)).toEqual(full(s));
    }
  });

  it('refuses what it does not handle', () => {
    for (const s of ['x = -1', 'x = 1e+5', 'x = a b', "x = 'a'", 'x == 1', 'x = a * * b', 'say x', 'x = (1)', 'x = 1\ny = 2', '1 = 2', 'x = a / / b']) {
      expect(fast(s)).toBeUndefined();
    }
  });

  it('agrees with the Chevrotain parser on random sources', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), (ps) => {
        const src = ps.join('');
        const f = fast(src);
        if (f !== undefined) expect(f).toEqual(full(src));
      }),
      { numRuns: 4000 },
    );
  });

  it('agrees on random assignments (mostly accepted)', () => {
    const sym = fc.constantFrom('x', 'Y1', 'a.b', 'c.', 'k.1.j', '7', '0.25', '.5', 'Q!', 'abc_9');
    const op = fc.constantFrom('+', '-', '*', '/', '//', '%', ' + ', ' // ', '\t*\t');
    const expr = fc.tuple(sym, fc.array(fc.tuple(op, sym), { maxLength: 6 })).map(([s, rest]) => s + rest.map(([o, t]) => o + t).join(''));
    const clause = fc.tuple(fc.constantFrom('v', 'W.1', 'z.', 'q.r'), fc.constantFrom('=', ' = ', '= ', ' ='), expr).map(([t, e, x]) => t + e + x);
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 3 }), fc.constantFrom(';', '; ', ' ;'), (cs, sep) => {
        const src = cs.join(sep);
        const f = fast(src);
        expect(f).toBeDefined();
        expect(f).toEqual(full(src));
      }),
      { numRuns: 2000 },
    );
  });
});
