/**
 * Entering `name: procedure [expose ...]` followed by PARSE ARG of simple
 * variables without the clause loop (Interpreter.enterProcedure with
 * arg-names.ts argPlan): every program must give what the clause loop
 * gives (callOptions.enterArgs off) — output, errors and their lines,
 * conditions, HALT polling, trace.
 */
import { describe, it, expect, afterEach } from 'vitest';
import fc from 'fast-check';
import { haltAtPoll, sameEitherWay, type TestHost } from '../helpers.js';
import { callOptions } from '../../../src/rexx/evaluator/call-options.js';
import { VarPool } from '../../../src/rexx/evaluator/variables.js';

afterEach(() => {
  callOptions.enterArgs = true;
});

/** Output, error and its line with the PARSE ARG entry on and off (equal); the first. */
function same(text: string, setUp?: (h: TestHost) => void): string {
  return sameEitherWay((on) => {
    callOptions.enterArgs = on;
  }, text, setUp);
}

/** A REXX string literal for s. */
function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

describe('entering a PROCEDURE routine with its PARSE ARG', () => {
  it('arguments, omitted ones, UPPER, LOWER, ARG, repeated and exposed names', () => {
    const out = same(`x = 'old'
call p ' a b ', , 'c', 'extra'
say f('x',, ' y ') g('MiXeD') h('q', 'r')
call e 'new'; say x
exit
p: procedure
  parse arg a, b, c
  say '[' || a || '][' || b || '][' || c || ']' symbol('B') arg()
  return
f: procedure
  parse upper arg a, b, c
  return a || '|' || b || '|' || c
g: procedure
  parse lower arg s
  return s
h: procedure
  arg n, n
  return n symbol('SIGL')
e: procedure expose x
  parse arg x
  return`);
    expect(out).toBe('[ a b ][][c] VAR 4\nX|| Y  mixed R LIT\nnew\n||@');
  });

  it('recursive functions and a routine that calls itself with fewer arguments', () => {
    const out = same(`say fib(15) ack(2, 3) cnt(5)
exit
fib: procedure
  parse arg n
  if n < 2 then return n
  return fib(n - 1) + fib(n - 2)
ack: procedure
  parse arg m, n
  if m = 0 then return n + 1
  if n = 0 then return ack(m - 1, 1)
  return ack(m - 1, ack(m, n - 1))
cnt: procedure
  parse arg k, acc
  if k = 0 then return acc
  return cnt(k - 1, acc || k)`);
    expect(out).toBe('610 9 54321\n||@');
  });

  it('templates with patterns or several targets go through the clause loop', () => {
    same(`call p 'a b c', 'd'
call q 'x,y'
exit
p: procedure
  parse arg one rest, two
  say one '|' rest '|' two
  return
q: procedure
  parse arg a ',' b
  say a b
  return`);
  });

  it('NOVALUE, SIGL and errors in the routine after the entry', () => {
    const out = same(`signal on novalue
say f(1)
exit
f: procedure
  parse arg n
  say n symbol('SIGL')
  return n + zz
novalue: say 'novalue' condition('D') sigl; exit`);
    expect(out).toContain('novalue ZZ 7');
    const err = same(`say f(1)
exit
f: procedure
  parse arg n
  return n + 'a'`);
    expect(err).toContain('41.2@5');
  });

  it('HALT polled at the label, the PROCEDURE, the PARSE ARG or after them', () => {
    const calls = Array.from({ length: 80 }, (_, i) => `call p ${i}`).join('; ');
    for (let j = 0; j < 5; j++) {
      const src = `call on halt name h
${'nop; '.repeat(j)}${calls}
say 'end'
exit
p: procedure
  parse arg k
  return
h: say 'halt' sigl symbol('K'); return`;
      for (let k = 1; k <= 2; k++) {
        same(src, haltAtPoll(k));
      }
    }
  });

  it('traced callers and routines that start tracing', () => {
    same(`trace r
say f(2)
exit
f: procedure
  parse arg n
  if n = 0 then return 0
  return f(n - 1) + 1`);
    same(`say f(2)
exit
f: procedure
  parse arg n
  trace i
  if n = 0 then return 0
  return f(n - 1) + 1`);
  });

  it('any arguments, omitted or not, against the clause loop (property)', () => {
    const arg = fc.option(fc.string({ unit: fc.constantFrom('a', 'B', ' ', 'x', "'", '1'), maxLength: 5 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(arg, { maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom('parse arg', 'parse upper arg', 'parse lower arg', 'arg'),
        (args, n, instr) => {
          const names = ['A', 'B', 'C'].slice(0, n);
          const src = `call p ${args.map((a) => (a === undefined ? '' : lit(a))).join(', ')}
exit
p: procedure
  ${instr} ${names.join(', ')}
  say ${names.map((v) => `'[' || ${v} || ']' symbol('${v}')`).join(' ')} arg()
  return`;
          same(src);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('routine entries made for all labels at once: labels twice, without PROCEDURE, from INTERPRET and handlers', () => {
    const out = same(`call on halt name h
say f(1) g(2) k(3)
interpret 'say f(4) k(5)'
call f2 6
say r(7)
exit
f: procedure
  parse arg n
  return 'f' || n
g: parse arg n
  return 'g' || n symbol('N')
k: procedure expose n
  arg n
  return 'k' || n
f: procedure
  return 'second f'
f2: procedure; parse arg x; say 'f2' x; return
r: q: procedure
  parse arg z
  return 'r' || z
h: procedure; return`);
    expect(out).toBe('f1 g2 VAR k3\nf4 k5\nf2 6\nr7\n||@');
  });

  it('the same programs with the whole PROCEDURE entry off', () => {
    const src = `say f(1, 2) g('a')
exit
f: procedure
  parse arg a, b
  return a + b
g: procedure
  parse upper arg s
  return s`;
    const on = same(src);
    callOptions.enterProcedure = false;
    try {
      expect(same(src)).toBe(on);
    } finally {
      callOptions.enterProcedure = true;
    }
  });

  it("NUMERIC settings changed in a routine are its own copy (activation.ts copyNumeric)", () => {
    const out = same(`numeric digits 12; numeric fuzz 1
say digits() fuzz() form() f(3)
say digits() fuzz() form() 1/3
exit
f: procedure
  parse arg n
  numeric digits 5; numeric form engineering
  say digits() fuzz() form() 1/n 12345678 + 0
  return g(n) digits()
g: procedure
  numeric fuzz 2
  return digits() fuzz() form() 2/arg(1)`);
    expect(out).toBe('5 1 ENGINEERING 0.33333 12.346E+6\n12 1 SCIENTIFIC 5 2 ENGINEERING 0.66667 5\n12 1 SCIENTIFIC 0.333333333333\n||@');
  });

  it('a new pool holds nothing (the shapes primed at load left no variables behind)', () => {
    const p = new VarPool();
    expect(p.get('A')).toBeUndefined();
    expect(p.get('SIGL')).toBeUndefined();
    expect(p.stems.get('S.')).toBeUndefined();
  });
});
