/**
 * The top of a compiled loop's iteration (evaluator/codegen.ts loop): the
 * END clause's line set there (not at END), and the integer step of a
 * control variable kept in a local worked out there in every iteration,
 * the first included, and applied from the second on; and the priming call
 * of a region function (codegen.ts prime). Against the clause loop: the
 * same output, the same error (number and line), the same SIGL in
 * handlers, nested loops included.
 */
import { describe, expect, it, afterEach } from 'vitest';
import fc from 'fast-check';
import { run, TestHost } from '../helpers.js';
import { codegenOptions, compileRegionFor } from '../../../src/rexx/evaluator/codegen.js';
import { parseProgram } from '../../../src/rexx/parser/program.js';

function outcome(src: string, enabled: boolean, setup?: (h: TestHost) => void): string {
  codegenOptions.enabled = enabled;
  const h = new TestHost();
  setup?.(h);
  const r = run(src, [], h);
  return JSON.stringify({ out: r.out, err: r.err, error: r.error ? `${r.error.codeText}@${r.error.line}` : null });
}

const same = (src: string, setup?: (h: TestHost) => void): void => expect(outcome(src, true, setup)).toBe(outcome(src, false, setup));

afterEach(() => {
  codegenOptions.enabled = true;
});

describe('the top of a compiled iteration = clause loop', () => {
  it('errors in the step, TO, WHILE and UNTIL keep the line of END, of ITERATE, of DO', () => {
    same(`do i = 1 to 3\n  if i = 2 then i = 'abc'\n  say i\nend`);
    same(`do i = 1 to 3\n  if i = 2 then do\n    i = 'x'\n    iterate\n  end\n  say i\nend`);
    same(`x = 0\ndo i = 1 to 3 until x\n  say i\n  x = 'q'\nend`);
    same(`w = 1\ndo i = 1 to 3 while w\n  say i\n  w = 'no'\nend`);
    same(`do j = 1 to 2\n  do i = 1 to 3\n    if i = 3 & j = 2 then i = 'z'\n  end\n  say j i\nend`);
    same(`do i = 1 to 3\n  say i\n  if i = 2 then i = 1E+9999\nend`);
  });

  it('a CALL ON handler run by UNTIL changes the control variable before the step', () => {
    same(`call on notready name nr
do i = 1 to 40 until linein('/nonexistent/zz') == 'x' | i > 30
  say i
end
say 'after' i
exit
nr: i = i + 10; return`);
  });

  it('SIGNAL ON SYNTAX and NOVALUE report the line of the clause', () => {
    same(`signal on syntax\ndo i = 1 to 3\n  if i = 2 then i = 'abc'\nend\nexit\nsyntax: say 'syntax' rc sigl; exit`);
    same(`signal on novalue\ndo i = 1 to 3\n  say i\n  if i = 2 then drop i\nend\nexit\nnovalue: say 'novalue' sigl condition('D'); exit`);
  });

  it('HALT polled at the top of the iteration sees the line of END (CALL ON and SIGNAL ON)', () => {
    // (a region polls once per iteration, the clause loop every 256 clauses:
    // which poll comes first differs, so the compiled run alone is checked)
    const halted = (src: string): string => {
      const h = (x: TestHost): void => {
        let polls = 0;
        x.pollHalt = () => (++polls === 1 ? 'HI' : undefined);
      };
      return JSON.parse(outcome(src, true, h)).out as string;
    };
    expect(halted(`call on halt name h\ndo i = 1 to 600\n  k = i * 2\nend\nsay 'end' i k\nexit\nh: say 'halt' sigl; return`)).toMatch(/^halt 4\n/);
    expect(halted(`signal on halt\ndo j = 1 to 3\n  do i = 1 to 300\n    k = i * 2\n  end\nend\nexit\nhalt: say 'halt' sigl j; exit`)).toBe('halt 5 1\n');
  });

  it('control variables in locals stepped by integers, near the integer limits, by fractions, changed in the body', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_010, max: 1_000_000_010 }),
        fc.integer({ min: 1, max: 40 }),
        fc.oneof(fc.integer({ min: -7, max: 7 }).map(String), fc.constantFrom('0.5', '-1.25', '1E+8', '999999999')),
        fc.constantFrom('', 'if i // 3 = 0 then i = i + 1', 'i = i * 1.0', "if k = 2 then i = i || ''"),
        fc.constantFrom(5, 9, 12),
        (start, count, by, change, digits) => {
          const src = `numeric digits ${digits}; k = 0
do j = 1 to 2
  do i = ${start} by ${by} for ${count}
    k = k + 1; ${change}
    say j i
  end
  say 'after' j i
end`;
          expect(outcome(src, true)).toBe(outcome(src, false));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the priming call of a region function', () => {
  it('with null it runs nothing and returns undefined', () => {
    const f = compileRegionFor(parseProgram('do i = 1 to 3; s = i * 2; end', 't'), 0, () => null, 'pair');
    expect(f).not.toBeNull();
    expect((f as unknown as (a: null, n: number) => unknown)(null, 1000)).toBeUndefined();
  });
});
