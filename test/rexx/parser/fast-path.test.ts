/**
 * The fast front end (parser/fast-path.ts) must agree exactly with the
 * Chevrotain parser on every source it accepts.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fastParseProgram, loadSource, scanSource, scanned, termText } from '../../../src/rexx/parser/fast-path.js';
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
  'do', 'DO ', 'end', ' to ', ' by ', ' for ', 'while', 'forever', 'j',
  'say ', '"t"', "'it''s'", "'a'x", '||', "''",
  ' ', ' ', ' ', '\t', '=', '=', '+', '-', '*', '/', '//', '%', '**', ';', '==', '\\', '(', ')', "'s'", ',', '||', '/*c*/', ':',
);

describe('fast front end', () => {
  it('accepts the INTERPRET strings of bench b8', () => {
    for (const s of ['x37 = 12345 * 3 + 4', 'sum = sum + x12', 'a=b//c%d-e/f', ' y = z ; w = 1;', "x = 'a'", 'say x', 'say', "x = 'it''s' || y", 'say "a;b" || 1 + 2', "say ''"]) {
      expect(fast(s)).toBeDefined();
      expect(fast(s)).toEqual(full(s));
    }
  });

  it('accepts DO loops with simple, counted and controlled specifications', () => {
    for (const s of [
      'do j = 1 to 5; sum = sum + j *  100 ; end',
      'do; x = 1; end',
      'do 3; x = x + 1; end',
      'do i = 1 to 3 by 1 for 2;do j=i to 3;s=s+j;end j;end i',
      'do a.b = 1 to 2; end a.b',
      'to = 1; do to = to to to; end',
    ]) {
      expect(fast(s)).toBeDefined();
      expect(fast(s)).toEqual(full(s));
    }
  });

  it('refuses what it does not handle', () => {
    for (const s of [
      'do forever; end', 'do while x; end', 'do j = 1 until x; end', 'do j = 1 to 2 to 3; end', 'do j = 1; end k',
      'do 5; end j', 'end', 'do; x = 1', 'do j == 1; end', 'do 1 = 2; end', 'do j = 1 to; end', 'do j = 1 x; end',
      'if x then y = 1', "x = 'a'x", "x = 'abc", "x = 'a' 'b'", "x = 'a'b", 'x = a | b', "x = 'f'(1)", "say 'a' ||", 'say: x = 1',
      "x = 'a\nb'", 'x = a ||| b', 'x = -1', 'x = 1e+5', 'x = a b', 'x == 1', 'x = a * * b', 'x = (1)', 'x = 1\ny = 2', '1 = 2', 'x = a / / b']) {
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

  it('agrees on random DO loops (mostly accepted)', () => {
    const kw = fc.constantFrom('do', 'DO', 'Do');
    const endKw = fc.constantFrom('end', 'END', 'End');
    const gap = fc.constantFrom(' ', '  ', '\t');
    const term = fc.constantFrom('1', '5', 'n', 'J', 'a.b', '0.5', 'to', 'By');
    const opnd = fc.tuple(term, fc.array(fc.tuple(fc.constantFrom('+', ' * ', ' // ', '-'), term), { maxLength: 2 })).map(
      ([t, rest]) => t + rest.map(([o, x]) => o + x).join(''),
    );
    const sub = fc.tuple(fc.constantFrom('to', 'TO', 'by', 'for', 'For'), gap, opnd).map(([k, g, e]) => ' ' + k + g + e);
    const spec = fc.oneof(
      fc.constant(''),
      opnd.map((e) => ' ' + e),
      fc.tuple(fc.constantFrom('j', 'K', 'x.1', 'q.i'), fc.constantFrom('=', ' = '), opnd, fc.array(sub, { maxLength: 3 })).map(
        ([v, eq, e, subs]) => ' ' + v + eq + e + subs.join(''),
      ),
    );
    const body = fc.array(fc.constantFrom('s = s + j', 'x.j=1', ''), { maxLength: 2 });
    const loop = fc.tuple(kw, spec, body, endKw, fc.constantFrom('', ' j', ' K', ' x.1')).map(
      ([d, sp, b, e, nm]) => [d + sp, ...b, e + nm].join('; '),
    );
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(loop, { minLength: 1, maxLength: 2 }), fc.boolean(), (ls, nest) => {
        const src = nest && ls.length === 2 ? ls[0]!.replace(/; (end|END|End)[^;]*$/, '; ' + ls[1] + '; end') : ls.join(';');
        const f = fast(src);
        if (f !== undefined) {
          accepted++;
          expect(f).toEqual(full(src));
        }
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it('agrees on random assignments (mostly accepted)', () => {
    const sym = fc.constantFrom('x', 'Y1', 'a.b', 'c.', 'k.1.j', '7', '0.25', '.5', 'Q!', 'abc_9', "'s'", '"T;u"', "'it''s'", "''");
    const op = fc.constantFrom('+', '-', '*', '/', '//', '%', ' + ', ' // ', '\t*\t', '||', ' || ');
    const expr = fc.tuple(sym, fc.array(fc.tuple(op, sym), { maxLength: 6 })).map(([s, rest]) => s + rest.map(([o, t]) => o + t).join(''));
    const clause = fc.oneof(
      fc.tuple(fc.constantFrom('v', 'W.1', 'z.', 'q.r'), fc.constantFrom('=', ' = ', '= ', ' ='), expr).map(([t, e, x]) => t + e + x),
      fc.tuple(fc.constantFrom('say ', 'SAY\t', 'Say  '), expr).map(([k, x]) => k + x),
      fc.constant('say'),
    );
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

  it('scans the source given, whatever was loaded before, and reads plain integers', () => {
    const a = 'x1 = 12 * b + 007';
    const b = 'y = 1234567890 + 99 || c';
    loadSource(a);
    expect(scanSource(b)).toBe(true);
    expect([0, 1, 2].map(termText)).toEqual(['1234567890', '99', 'C']);
    // (a whole number written as String() writes it has no string made)
    expect(scanned.terms.slice(0, 3)).toEqual(['1234567890', undefined, 'C']);
    expect(scanned.ints.slice(0, 3)).toEqual([NaN, 99, NaN]);
    expect(loadSource(a)).toBe(loadSource(String(['x1 = 12', '* b + 007'].join(' '))));
    expect(scanSource(a)).toBe(true);
    expect(scanned.sym[0]).toBe('X1');
    expect(scanned.terms.slice(0, 3)).toEqual([undefined, 'B', '007']);
    expect(scanned.ints.slice(0, 3)).toEqual([12, NaN, 7]);
    expect(fast(b)).toEqual(full(b));
  });

  it('reads a name again as the same string, whatever its case', () => {
    expect(scanSource('abc = x1 + Abd')).toBe(true);
    const first = [scanned.sym[0], termText(0), termText(1)];
    expect(first).toEqual(['ABC', 'X1', 'ABD']);
    expect(scanSource('aBc = X1 || abd; abd = abc')).toBe(true);
    expect([scanned.sym[0], termText(0), termText(1)]).toEqual(first);
    expect(scanned.sym[0]).toBe(first[0]); // (the same string: identity)
    expect(scanned.sym[1]).toBe('ABD');
    // many names sharing the table's slots still read right
    for (let i = 0; i < 3000; i++) {
      expect(scanSource(`v${i} = w${i % 7}x`)).toBe(true);
      expect([scanned.sym[0], termText(0)]).toEqual([`V${i}`, `W${i % 7}X`]);
    }
  });
});
