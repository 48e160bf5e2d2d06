/**
 * `x.t = x.t op e` run by the clause loop (expression.ts compoundUpdate:
 * the tail evaluated and the stem looked up once) against the clause's
 * general closures (compile + compileSetter), with the region compiler off
 * so that every clause goes through the clause loop. The general run's
 * source carries a trailing comment, so that it is parsed and compiled
 * afresh and not taken from the program cache.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { run } from '../helpers.js';
import { codegenOptions } from '../../../src/rexx/evaluator/codegen.js';
import { updateOptions } from '../../../src/rexx/evaluator/expression.js';

function outcome(src: string, update: boolean): string {
  codegenOptions.enabled = false;
  updateOptions.enabled = update;
  try {
    const r = run(update ? src : `${src}\n/* general path */`);
    return JSON.stringify({ out: r.out, err: r.err, error: r.error ? `${r.error.codeText}@${r.error.line}` : null });
  } finally {
    codegenOptions.enabled = true;
    updateOptions.enabled = true;
  }
}

/** Expect the same outcome with compoundUpdate on and off; the output. */
function same(src: string): string {
  const on = outcome(src, true);
  expect(on).toBe(outcome(src, false));
  return (JSON.parse(on) as { out: string }).out;
}

describe('compound read-modify-write in the clause loop', () => {
  it('counts under named, element and multi-part tails in a procedure', () => {
    const out = same(
      "count. = 0\ndo i = 1 to 30\n  call tally word('ONE TWO 3 04', i // 4 + 1), i\nend\nsay count.ONE count.TWO count.3 count.04 count.4 count.x.1 count.x.2\nexit\n" +
        'tally: procedure expose count.\n  parse arg name, n\n  count.name = count.name + 1\n  k = n // 2 + 1\n  count.x.k = count.x.k - n\n  return',
    );
    expect(out).toBe('7 8 8 7 0 -240 -225\n');
  });

  it('keeps the general path for what the integer path declines', () => {
    same("s. = 0; t = 'a'\ns.t = s.t + 0.5; s.t = s.t * 3; s.t = s.t / 4; s.t = s.t // 1; say s.t s.a");
    same("s. = 999999999; t = 'a'\ns.t = s.t + 1; say s.t; s.t = s.t - 2e9; say s.t");
    same("numeric digits 5\ns. = 12345; t = 'a'\ns.t = s.t + 12345; say s.t; s.t = s.t % 7; say s.t");
    same("s. = 'x'; t = 'a'\ns.t = s.t + 1");
    same("t = 'a'\ns.t = s.t + 1");
    same("s. = 7; t = 'a'\ns.t = s.t / 0");
    same("s. = 7; t = 'a'\ns.t = s.t % 0");
    same("s. = 7; t = 'a'\ns.t = s.t + u");
    same("signal on novalue\ns. = 7; t = 'a'\ns.t = s.t + u\nexit\nnovalue: say 'NOVALUE' condition('D') sigl s.a");
    same("signal on novalue\nt = 'a'\ns.t = s.t + 1\nexit\nnovalue: say 'NOVALUE' condition('D') sigl");
  });

  it('sees DROP, stem assignment and exposed compound variables', () => {
    same("s. = 5; t = 'k'\ns.t = s.t + 1; drop s.t; s.t = s.t + 1");
    same("s. = 5; t = 'k'\ns.t = s.t + 1; s. = 10; s.t = s.t + 1; say s.t; drop s.; s.t = s.t + 1");
    same(
      "s. = 0; t = 'k'\ndo 3\n  call bump\nend\nsay s.k s.j\nexit\nbump: procedure expose t s.t\n  s.t = s.t + 2; u = 'j'; s.u = s.u + 1\n  return",
    );
  });

  it('agrees with the general path on random clauses', () => {
    const tails = ['T', 'K', 'I', '1', 'T.K', 'A'];
    const rhs = ['+ 1', '- k', '* 2', '+ 0.5', '// 7', '% 2', '/ 2', '+ (k * 3 - i)', '- -5', '* 999999', '+ u'];
    const stmt = fc.oneof(
      fc.tuple(fc.constantFrom(...tails), fc.constantFrom(...rhs)).map(([t, op]) => `s.${t} = s.${t} ${op}`),
      fc.constantFrom("t = '0'i", 't = i // 3', "t = 'x'i", "k = 'x'", 'k = i - 2', 'drop s.t', "if i = 2 then s. = '3'", 'numeric digits 7', 'numeric digits 12', "t = ''"),
    );
    fc.assert(
      fc.property(fc.array(stmt, { minLength: 1, maxLength: 6 }), fc.boolean(), (body, proc) => {
        const loop = `do i = 1 to 4\n  ${body.join('; ')}\n  say s.i s.k s.t s.1 s.A s.01\nend`;
        const src = proc
          ? `s. = 1; k = 0; t = 'A'\ncall p\nexit\np: procedure expose s. k t\n${loop}\nreturn`
          : `s. = 1; k = 0; t = 'A'\n${loop}`;
        expect(outcome(src, true)).toBe(outcome(src, false));
      }),
      { numRuns: 200 },
    );
  });
});
