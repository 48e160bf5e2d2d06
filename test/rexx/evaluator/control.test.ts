import { describe, it, expect } from 'vitest';
import { say, errorOf, run } from '../helpers.js';

describe('DO loops', () => {
  it('controlled loops with TO, BY, FOR in any order, evaluated in written order', () => {
    expect(say('do i = 1 to 3; say i; end')).toBe('1\n2\n3');
    expect(say('do i = 10 by -3 to 1; say i; end')).toBe('10\n7\n4\n1');
    expect(say('do i = 1 for 3 by 2; say i; end')).toBe('1\n3\n5');
    expect(say('do i = 1 to 0; say i; end; say "after" i')).toBe('after 1');
  });
  it('the control variable may be changed in the body', () => {
    expect(say('do i = 1 to 10; say i; i = i + 3; end')).toBe('1\n5\n9');
  });
  it('DO n, FOREVER with LEAVE, WHILE and UNTIL', () => {
    expect(say('do 3; say "x"; end')).toBe('x\nx\nx');
    expect(say('n = 0; do forever; n = n + 1; if n = 4 then leave; end; say n')).toBe('4');
    expect(say('i = 0; do while i < 3; i = i + 1; end; say i')).toBe('3');
    expect(say('i = 5; do until i > 3; i = i + 1; say i; end')).toBe('6');
  });
  it('LEAVE and ITERATE name an outer loop', () => {
    expect(
      say('do i = 1 to 3; do j = 1 to 3; if j = 2 then iterate i; if i = 3 then leave i; say i j; end; end'),
    ).toBe('1 1\n2 1');
  });
  it('DO count must be a non-negative whole number (26.2); TO must be numeric (41.4)', () => {
    expect(errorOf('do -1; end')).toBe('26.2');
    expect(errorOf("do i = 1 to 'x'; end")).toBe('41.4');
    expect(errorOf("do i = 'a' to 3; end")).toBe('41.6');
  });
  it('LEAVE outside a loop is 28.1', () => {
    expect(errorOf('leave')).toBe('28.1');
    expect(errorOf('do i = 1 to 2; leave j; end')).toBe('28.3');
  });
  it('IF needs 0 or 1 (34.1)', () => {
    expect(errorOf("if 'yes' then nop")).toBe('34.1');
  });
});

describe('SELECT', () => {
  it('takes the first true WHEN, else OTHERWISE', () => {
    expect(say('x = 2; select; when x = 1 then say "one"; when x = 2 then say "two"; otherwise say "many"; end')).toBe('two');
    expect(say('x = 9; select; when x = 1 then say "one"; otherwise say "many"; say "more"; end')).toBe('many\nmore');
  });
  it('no true WHEN and no OTHERWISE is Error 7.3', () => {
    expect(errorOf('select; when 0 then nop; end')).toBe('7.3');
  });
});

describe('CALL, functions and PROCEDURE', () => {
  it('internal functions and RESULT', () => {
    expect(say('say sq(7); call sq 3; say result; exit; sq: return arg(1) ** 2')).toBe('49\n9');
  });
  it('CALL without a return value drops RESULT', () => {
    expect(say("result = 'x'; call s; say symbol('RESULT'); exit; s: return")).toBe('LIT');
  });
  it('a function that returns nothing is Error 44.1', () => {
    expect(errorOf('x = f(); exit; f: return')).toBe('44.1');
  });
  it('PROCEDURE hides the caller\'s variables; EXPOSE shares them', () => {
    expect(say('a = 1; b = 2; call p; say a b; exit; p: procedure expose a; a = 10; b = 20; return')).toBe('10 2');
  });
  it('EXPOSE (list) exposes the list variable and the names in it', () => {
    expect(say("v = 'x y'; x = 1; y = 2; call p; say x y; exit; p: procedure expose (v); x = x + 1; y = y + 1; return")).toBe('2 3');
  });
  it('EXPOSE of a compound variable uses the caller\'s tail value', () => {
    expect(say('i = 3; s.3 = "c"; call p; say s.3; exit; p: procedure expose i s.i; s.i = "C"; return')).toBe('C');
  });
  it('PROCEDURE not first is 17.1', () => {
    expect(errorOf('call p; exit; p: nop; procedure')).toBe('17.1');
  });
  it('unknown routine is 43.1; missing label is 16.1', () => {
    expect(errorOf('call nosuchthing')).toBe('43.1');
    expect(errorOf('signal nowhere')).toBe('16.1');
  });
  it('SIGL is the line of the CALL', () => {
    expect(say('\n\ncall s\nexit\ns: say sigl; return')).toBe('3');
  });
  it('runaway recursion is a REXX error, not a crash', () => {
    const r = run('call r 1; exit; r: procedure; call r arg(1) + 1; return');
    expect(r.error?.code).toBe(11);
  });
});

describe('INTERPRET', () => {
  it('runs in the current context', () => {
    expect(say("a = 1; interpret 'a = a + 1; b = a * 10'; say a b")).toBe('2 20');
  });
  it('LEAVE inside INTERPRET leaves the enclosing loop', () => {
    expect(say("do i = 1 to 10; interpret 'if i = 3 then leave'; end; say i")).toBe('3');
  });
  it('RETURN inside INTERPRET returns from the routine', () => {
    expect(say("say f(); exit; f: interpret 'return 42'; return 0")).toBe('42');
  });
  it('SIGNAL inside INTERPRET goes to a label of the program', () => {
    expect(say("interpret 'signal there'; say 'no'; there: say 'yes'")).toBe('yes');
  });
  it('a syntax error inside INTERPRET is raised at run time', () => {
    expect(errorOf("say 'ok'; interpret 'say 1 +'")).toBe('35.1');
  });
});

describe('SIGNAL', () => {
  it('SIGNAL leaves loops and sets SIGL', () => {
    expect(say('do i = 1 to 5\nif i = 2 then signal out\nend\nout: say i sigl')).toBe('2 2');
  });
  it('SIGNAL VALUE', () => {
    expect(say("x = 'LAB'; signal value x; say 'no'; lab: say 'yes'")).toBe('yes');
  });
});

describe('EXIT and exit status', () => {
  it('EXIT n is n mod 256', () => {
    expect(run('exit 300').exitCode).toBe(44);
    expect(run('exit -1').exitCode).toBe(255);
    expect(run('exit').exitCode).toBe(0);
  });
  it('an uncaught error gives 256-N and the Regina report', () => {
    const r = run('say 1\nsay 1/0');
    expect(r.exitCode).toBe(214);
    expect(r.err).toBe(
      '     2 +++ say 1/0\nError 42 running "test.rexx", line 2: Arithmetic overflow/underflow\nError 42.3: Arithmetic overflow; divisor must not be zero\n',
    );
  });
});
