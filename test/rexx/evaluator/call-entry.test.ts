/**
 * Entering `name: procedure [expose names]` without the clause loop
 * (Interpreter.enterProcedure): every program must give what the clause
 * loop gives — output, errors and their lines, conditions, HALT polling.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { haltAtPoll, sameEitherWay, type TestHost } from '../helpers.js';
import { callOptions } from '../../../src/rexx/evaluator/call-options.js';

afterEach(() => {
  callOptions.enterProcedure = true;
});

/** Output, error and its line with the fast entry on and off (equal); the first. */
function same(text: string, setUp?: (h: TestHost) => void): string {
  return sameEitherWay((on) => {
    callOptions.enterProcedure = on;
  }, text, setUp);
}

describe('entering a PROCEDURE routine', () => {
  it('recursive functions, EXPOSE of names, stems and compound variables', () => {
    const out = same(`x = 1; s.1 = 'a'; j = 1
say fib(12) ack(2, 3) f(3)
call e; say x s.1 s.2 j
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
f: procedure expose x
  if arg(1) = 0 then return x
  return f(arg(1) - 1) + 1
e: procedure expose x j s.j s.2
  x = 'X'; s.j = 'b'; s.2 = 'c'; drop j; return`);
    expect(out).toBe('144 9 4\nX b c J\n||@');
  });

  it('a second PROCEDURE, labels before PROCEDURE, indirect EXPOSE lists', () => {
    same(`l = 'a b'; a = 1; b = 2
call p; say a b
call q
call r
exit
p: procedure expose (l)
  a = a + 1; b = b + 1; return
q: r: procedure; say 'q or r'; return
r2: procedure
  procedure`);
    expect(same("call p; exit; p: procedure; procedure; return")).toContain('17.1@1');
  });

  it('a NOVALUE raised by an EXPOSE list, trapped in the routine', () => {
    same(`signal on novalue
call p
say 'back'
exit
p: procedure expose (nolist)
  say 'in p'
  return
novalue: say 'novalue' condition('D') sigl`);
  });

  it("errors in the routine report the routine's lines", () => {
    const out = same(`say f(2)
exit
f: procedure
  parse arg n
  if n = 0 then return 1 + 'a'
  return f(n - 1)`);
    expect(out).toContain('41.2@5');
  });

  it('a CALL ON handler pending when a function is called runs where the clause loop runs it', () => {
    same(`call on notready name nr
x = linein('/nonexistent/file/x') || f(1)
say 'x' x
exit
f: procedure
  parse arg n
  say 'in f' n symbol('N')
  return n
nr: say 'notready' sigl symbol('N'); return`);
  });

  it('HALT polled at any clause around the calls (CALL ON and SIGNAL ON HALT)', () => {
    const srcs = [
      `call on halt name h
do i = 1 to 300; call p i; end
say 'end' i
exit
p: procedure expose i
  parse arg k
  return
h: say 'halt' sigl i; return`,
      `do i = 1 to 300; x = f(i); end
say 'end' i
exit
f: procedure expose i
  signal on halt
  return arg(1)
halt: say 'halt in f' sigl i; return 0`,
    ];
    for (const src of srcs) {
      for (let k = 1; k <= 6; k++) {
        same(src, haltAtPoll(k));
      }
    }
  });

  it('traced calls take the clause loop: the same trace', () => {
    same(`trace r
say f(2)
exit
f: procedure
  parse arg n
  if n = 0 then return 0
  return f(n - 1) + 1`);
  });
});
