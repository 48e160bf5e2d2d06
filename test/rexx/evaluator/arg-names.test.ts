/**
 * PARSE ARG of simple variables only (arg-names.ts) against the general
 * path (parseArgs with its templates): the same output for any arguments,
 * omitted ones, UPPER / LOWER, names repeated or exposed, and traced.
 */
import { describe, it, expect, afterEach } from 'vitest';
import fc from 'fast-check';
import { sameEitherWay, type TestHost } from '../helpers.js';
import { callOptions } from '../../../src/rexx/evaluator/call-options.js';

afterEach(() => {
  callOptions.argNames = true;
});

/** Output, error and its line with PARSE ARG into boxes on and off (equal); the first. */
function same(text: string, setUp?: (h: TestHost) => void): string {
  return sameEitherWay((on) => {
    callOptions.argNames = on;
  }, text, setUp);
}

/** A REXX string literal for s. */
function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

describe('PARSE ARG of simple variables', () => {
  it('gives each name its whole argument, blanks and all, or the null string', () => {
    const out = same(`call p ' a b ', , 'c'
say f('x',, ' y ')
exit
p: procedure
  parse arg x, y, z, w
  say '[' || x || '][' || y || '][' || z || '][' || w || ']' symbol('W')
  return
f: parse upper arg a, b, c
  return a || '|' || b || '|' || c`);
    expect(out).toBe('[ a b ][][c][] VAR\nX|| Y \n||@');
  });

  it('repeated names, exposed names, LOWER, loops and traced calls', () => {
    same(`n = 'old'; do i = 1 to 12; call p 'A'i, 'B'; end; say n
call q 'Q1', 'Q2'
trace r
call q 'T1', 'T2'
exit
p: procedure expose n
  parse lower arg n, n
  return
q: parse arg m, k; say m k; return`);
  });

  it('any arguments: the same values as the templates give', () => {
    const arg = fc.option(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', '1', '.', "'") }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 4 }), fc.constantFrom('', 'upper ', 'lower '), fc.nat(4), (args, conv, nNames) => {
        const names = ['V1', 'V2', 'V3', 'V4'].slice(0, Math.max(1, nNames));
        const call = args.map((x) => (x === undefined ? '' : lit(x))).join(', ');
        const show = names.map((n) => `'<' || ${n} || '>'`).join(' ');
        same(`do 10; call r ${call}; end\nexit\nr: procedure\n  parse ${conv}arg ${names.join(', ')}\n  say ${show}\n  return`);
      }),
      { numRuns: 60 },
    );
  });
});
