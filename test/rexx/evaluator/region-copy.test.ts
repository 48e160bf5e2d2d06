/**
 * `a = b` between two variables kept in locals of a compiled region
 * (codegen-expr.ts copyVar): the value's locals are copied as they are, an
 * integer not yet written as a string staying one. Each program runs with
 * the region compiler on and off and must give the same output and error.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outcome, sameOnOff as same } from './region-outcome.js';

describe('variable copies in a compiled region', () => {
  it('copies integers, strings and the control variable, and writes them back after the loop', () => {
    const out = same(
      "s = '007'; a. = 0\ndo i = 1 to 4\n  j = i; k = j; j = j * 3; t = s; s = t || i; a.k = j; m = k\nend\nsay i j k s t m a.1 a.4",
    );
    expect(out).toBe('5 12 4 0071234 007123 4 3 12\n');
  });

  it('a copy of an unset variable raises NOVALUE at its line', () => {
    same("signal on novalue\ndo i = 1 to 3\n  j = i\n  if i = 2 then k = nosuch\n  say j\nend\nexit\nnovalue: say 'NOVALUE' condition('D') sigl j");
    same('do i = 1 to 3\n  j = i; k = nosuch; say j k\nend');
  });

  it('agrees with the clause loop on random chains of copies and arithmetic', () => {
    const names = ['A', 'B', 'C', 'D'];
    const stmt = fc.oneof(
      fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names, 'I')).map(([x, y]) => `${x} = ${y}`),
      fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names), fc.integer({ min: -3, max: 3 })).map(([x, y, n]) => `${x} = ${y} + ${n}`),
      fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names)).map(([x, y]) => `${x} = ${y} || 0`),
      fc.constantFrom(...names).map((x) => `S.${x} = I`),
    );
    fc.assert(
      fc.property(fc.array(stmt, { minLength: 1, maxLength: 8 }), (body) => {
        const src = `a = 1; b = '02'; c = ' 3'; d = 4; s. = 'x'\ndo i = 1 to 3\n  ${body.join('; ')}\n  say a b c d s.a s.b\nend\nsay a b c d i`;
        expect(outcome(src, true)).toBe(outcome(src, false));
      }),
      { numRuns: 100 },
    );
  });
});
