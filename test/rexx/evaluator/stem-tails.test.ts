/**
 * Stem (variables.ts) keeps tails that start with a digit among an
 * object's elements and the others in a Map. A stem must still answer as
 * one table of tails: look-alike tails of the two kinds kept apart, boxes
 * shared and dropped in either, both emptied by `stem. = v` and DROP stem.
 * (calls.test.ts checks random sequences of operations against a model.)
 * Then the same at the REXX level.
 */
import { describe, expect, it } from 'vitest';
import { Box, Stem } from '../../../src/rexx/evaluator/variables.js';
import { run } from '../helpers.js';

/** Tails of both kinds, each with look-alikes of the other kind. */
const TAILS = ['0', '1', '01', '1A', 'A1', 'A', 'a', '', ' ', '-1', '1.5', '.5', 'DEPT', '5', 'E5'];
const INDEXES = [0, 1, 5];

describe('Stem tails', () => {
  it('keeps every tail apart, as elements (also by number) or in the Map', () => {
    const s = new Stem();
    for (const t of TAILS) s.set(t, `v${t}`);
    for (const t of TAILS) expect(s.get(t)).toBe(`v${t}`);
    for (const n of INDEXES) expect(s.getN(n)).toBe(`v${n}`);
    s.setN(5, 'five');
    expect(s.get('5')).toBe('five');
    expect(s.get('E5')).toBe('vE5');
    expect(s.get('2')).toBeUndefined();
    expect(s.get('B')).toBeUndefined();
  });

  it('shares and drops boxes of either kind, and empties both on assignAll / dropAll', () => {
    const s = new Stem();
    const other = new Stem();
    for (const t of TAILS) {
      s.set(t, `v${t}`);
      // PROCEDURE EXPOSE s.t: the other stem gets this one's box
      other.setBox(t, s.box(t));
      expect(other.get(t)).toBe(`v${t}`);
      other.set(t, `w${t}`);
      expect(s.get(t)).toBe(`w${t}`);
    }
    s.assignAll('d');
    for (const t of TAILS) expect(s.get(t)).toBe('d');
    for (const t of TAILS) expect(other.get(t)).toBe(`w${t}`);
    // DROP s.t (VarPool.dropCompound): no value, not even the default
    for (const t of TAILS) {
      const b = s.box(t);
      b.v = undefined;
      b.dropped = true;
      expect(s.get(t)).toBeUndefined();
    }
    for (const n of INDEXES) expect(s.getN(n)).toBeUndefined();
    s.set('A', 'again');
    s.setN(1, 'again');
    expect([s.get('A'), s.get('1'), s.get('a')]).toEqual(['again', 'again', undefined]);
    s.dropAll();
    for (const t of TAILS) expect(s.get(t)).toBeUndefined();
    s.setBox('DEPT', new Box('shared'));
    expect(s.get('DEPT')).toBe('shared');
  });

  it('compound variables of both kinds of tail, exposed, dropped, and the stem reassigned', () => {
    const src = [
      "s. = 'd'; t = 'DEPT'; e = ''; z = '05'",
      "s.t = 1; s.e = 2; s.z = 3; s.5 = 4; s.k1 = 5; s.1A = 6",
      'say s.t s.e s.z s.5 s.k1 s.1a s.DEPT s.05 s.6 s.other',
      'call p',
      'say s.t s.e s.z s.5 s.k1 s.1a',
      'drop s.t s.5; say s.t s.5 symbol("s.t") symbol("s.5")',
      'do i = 1 to 3; k = "K"i; s.k = s.k || i; end',
      'say s.k1 s.k2 s.k3',
      "s. = 'n'; say s.t s.e s.z s.5 s.k1 s.1a",
      'drop s.; say s.t s.5',
      'exit',
      'p: procedure expose t s.t s.5',
      "  s.t = 'pt'; s.5 = 'p5'; return",
    ].join('\n');
    // as Regina 3.6 says it
    expect(run(src).out).toBe(['1 2 3 4 5 6 1 3 d d', 'pt 2 3 p5 5 6', 'S.DEPT S.5 LIT LIT', '51 d2 d3', 'n n n n n n', 'S.DEPT S.5', ''].join('\n'));
  });
});
