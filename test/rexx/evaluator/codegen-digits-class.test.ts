/**
 * Region variants per NUMERIC DIGITS class (evaluator/codegen.ts
 * compileRegion, codegen-expr.ts DigitsClass): a region that cannot change
 * NUMERIC is generated with only the arithmetic tiers of the class DIGITS is
 * in when it runs (below 9: the string path; 9 to 15: integer and pair
 * paths; above 15: integer and chain paths). The same region entered under
 * different classes, and loops stepped and tested off the integer path
 * below DIGITS 9, must do what the clause loop does: the same output, the
 * same error and line.
 */
import { describe, expect, it, afterEach } from 'vitest';
import fc from 'fast-check';
import { run, TestHost } from '../helpers.js';
import { codegenOptions } from '../../../src/rexx/evaluator/codegen.js';
import { digitsClass } from '../../../src/rexx/evaluator/codegen-expr.js';

function outcome(src: string, enabled: boolean): string {
  codegenOptions.enabled = enabled;
  const r = run(src, [], new TestHost());
  return JSON.stringify({ out: r.out, error: r.error ? `${r.error.codeText}@${r.error.line}` : null });
}

afterEach(() => {
  codegenOptions.enabled = true;
});

const same = (src: string): void => expect(outcome(src, true)).toBe(outcome(src, false));

type Tree = string | { op: string; l: Tree; r: Tree };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'i', 'k', '7', '0.5', '123456', '99999999', '1E+3'),
    fc.record({ op: fc.constantFrom('+', '-', '*', '/', '%', '//'), l: tie('t'), r: tie('t') }),
  ),
})).t;

function write(t: Tree): string {
  return typeof t === 'string' ? t : `(${write(t.l)} ${t.op} ${write(t.r)})`;
}

describe('region variants per DIGITS class = clause loop', () => {
  it('digitsClass', () => {
    expect([1, 8, 9, 15, 16, 1000].map(digitsClass)).toEqual(['below9', 'below9', 'pair', 'pair', 'chain', 'chain']);
  });

  it('one routine loop entered at DIGITS in every class, in turn', () => {
    same(`do d = 5 to 20 by 3
  numeric digits d
  call f d
end
call f 9
exit
f: procedure
  s = 0; k = 1
  do i = 99990 to 100030 by 7
    s = s + i * 3 / 7; k = k * 3 - i // 4
  end
  say digits() s k i
  return`);
  });

  it('the control variable stepped and tested below DIGITS 9 (rounded), TO and BY', () => {
    same(`numeric digits 5; do i = 99990 to 100020 by 7; say i; end; say 'after' i`);
    same(`numeric digits 3; do i = 995 to 1010 by 1.5 for 6; say i; end`);
    same(`numeric digits 4; do i = 10 to -5 by -3.5; j = i * i; say i j; end`);
    same(`numeric digits 6; n = 0; do i = 1 to 2000; n = n + i; end; say n i`);
  });

  it('errors in a variant keep their number and line', () => {
    same(`numeric digits 5; do i = 1 to 3\n  x = 10 / (i - 2)\n  say x\nend`);
    same(`numeric digits 20; do i = 1 to 3\n  x = 'a' + i\nend`);
    same(`numeric digits 7; do i = 1 to 3 by 'q'\nend`);
  });

  it('random expressions in a routine loop, the routine called at random DIGITS', () => {
    fc.assert(
      fc.property(tree, fc.array(fc.constantFrom(3, 5, 8, 9, 12, 15, 16, 22, 40), { minLength: 1, maxLength: 4 }), (t, ds) => {
        const src = [
          ...ds.map((d) => `numeric digits ${d}; call f`),
          'exit',
          'f: procedure',
          `  x = 12.5; k = 3`,
          `  do i = 1 to 4`,
          `    y = ${write(t)}`,
          `    say digits() y; x = x + 1; k = k * 2`,
          `  end`,
          `  return`,
        ].join('\n');
        expect(outcome(src, true)).toBe(outcome(src, false));
      }),
      { numRuns: 300 },
    );
  });
});
