/**
 * PROCEDURE EXPOSE of names and stems from a plan made once per list
 * (expose-plan.ts) against the general, in-order EXPOSE (Interpreter.expose):
 * the same output for any list of names and stems, set or not in the
 * caller, repeated, changed or dropped in the routine, entered directly
 * (enterProcedure) or by the clause loop (traced).
 */
import { describe, it, expect, afterEach } from 'vitest';
import fc from 'fast-check';
import { sameEitherWay, type TestHost } from '../helpers.js';
import { callOptions } from '../../../src/rexx/evaluator/call-options.js';

afterEach(() => {
  callOptions.exposePlan = true;
});

/** Output, error and its line with the plan on and off (equal); the first. */
function same(text: string, setUp?: (h: TestHost) => void): string {
  return sameEitherWay((on) => {
    callOptions.exposePlan = on;
  }, text, setUp);
}

const SHOW = `say symbol('A') symbol('B') symbol('S.') symbol('S.1') symbol('T.X') symbol('SIGL')
  if symbol('A') = 'VAR' then say 'A='a
  if symbol('S.1') = 'VAR' then say 'S.1='s.1`;

describe('PROCEDURE EXPOSE from a plan', () => {
  it('names and stems shared with the caller, set, dropped, nested and traced', () => {
    const out = same(`a = 1; s. = 'd'; s.1 = 'one'
call p; ${SHOW}
call q; ${SHOW}
trace r
call p
trace n
say count(3) c.n
exit
p: procedure expose a s. b
  a = a + 1; s.2 = 'two'; b = 'B'; drop s.1
  call r
  return
r: procedure expose s.
  s.1 = 'again'; return
q: procedure expose t. a a
  drop a; t.x = 'tx'; return
count: procedure expose c.
  n = 'N'
  c.n = arg(1)
  if arg(1) > 0 then return count(arg(1) - 1)
  return 0`);
    expect(out).toContain('A=2');
  });

  it('any list of names and stems: the same as the in-order EXPOSE', () => {
    const item = fc.constantFrom('A', 'B', 'C', 'S.', 'T.', 'SIGL');
    const act = fc.constantFrom('A = A"+"', 'drop B', "S.1 = 'x'", 'drop S.', "T.X = 'y'", "C = 'c'", 'say symbol("SIGL")', 'nop');
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 5 }),
        fc.array(act, { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        (list, acts, preset, traced) => {
          const init = preset ? "a = 'a'; b = 'b'; s.1 = 's1'; t. = 'T'" : 'nop';
          same(`${init}
${traced ? 'trace r' : ''}
do 3; call p; end
trace n
${SHOW}
say symbol('C') symbol('T.')
exit
p: procedure expose ${list.join(' ')}
  ${acts.join('; ') || 'nop'}
  return`);
        },
      ),
      { numRuns: 80 },
    );
  });
});
