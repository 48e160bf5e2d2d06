/**
 * Calls of internal routines: the call sites that find the label once per
 * program (label-site.ts), and compiled regions that keep their variables
 * in locals across a CALL of a routine starting with PROCEDURE
 * (procedure-reach.ts, codegen.ts). Programs run with the region compiler
 * on and off must give the same output, error (number and line) and report.
 */
import { describe, expect, it, afterEach } from 'vitest';
import fc from 'fast-check';
import { run, TestHost } from '../helpers.js';
import { codegenOptions } from '../../../src/rexx/evaluator/codegen.js';
import { parseProgram } from '../../../src/rexx/parser/program.js';
import { procedureReach } from '../../../src/rexx/evaluator/procedure-reach.js';

afterEach(() => {
  codegenOptions.enabled = true;
});

function outcome(src: string, setUp?: (h: TestHost) => void): string {
  const h = new TestHost();
  setUp?.(h);
  const r = run(src, [], h);
  return JSON.stringify({ out: r.out, err: r.err, error: r.error ? `${r.error.codeText}@${r.error.line}` : null });
}

/** The outcome with compiled regions on, expected equal to the clause loop's; returns the output. */
function same(src: string, setUp?: (h: TestHost) => void): string {
  codegenOptions.enabled = false;
  const off = outcome(src, setUp);
  codegenOptions.enabled = true;
  const on = outcome(src, setUp);
  expect(on).toBe(off);
  return (JSON.parse(on) as { out: string }).out;
}

function reach(src: string, name: string): string[] | null {
  const r = procedureReach(parseProgram(src, 't').clauses, name);
  return r === null ? null : [...r].sort();
}

describe('procedureReach', () => {
  it('names what a PROCEDURE routine can see of its caller', () => {
    expect(reach('exit\np: procedure\nreturn', 'P')).toEqual(['SIGL']);
    expect(reach('exit\np: procedure expose a b. c.i c.1.j\nreturn', 'P')).toEqual(['A', 'I', 'J', 'SIGL']);
  });

  it('answers null where the routine may reach anything', () => {
    expect(reach('exit\np: say 1\nreturn', 'P')).toBeNull(); // no PROCEDURE
    expect(reach('exit\np: q: procedure\nreturn', 'P')).toBeNull(); // a second label first
    expect(reach('exit\np: procedure expose (l)\nreturn', 'P')).toBeNull(); // indirect list
    expect(reach('exit\np: procedure\nreturn', 'Q')).toBeNull(); // no such label
    expect(reach('exit\np: procedure\n', 'P')).toEqual(['SIGL']);
    expect(reach('exit\np:', 'P')).toBeNull(); // nothing after the label
  });

  it('takes the first label of the name, as a call does', () => {
    expect(reach('exit\np: say 1\nreturn\np: procedure\nreturn', 'P')).toBeNull();
  });
});

describe('regions calling PROCEDURE routines', () => {
  it('keeps the caller variables a routine cannot see, and those it exposes', () => {
    const out = same(`count. = 0; n = 0; j = 2; s = ''
do i = 1 to 10
  call tally i // 3
  n = n + 1; s = s || result
  if i // 4 = 0 then call bump
end
say n count.0 count.1 count.2 j s result i
exit
tally: procedure expose count. n
  parse arg k
  count.k = count.k + 1
  n = n + 100
  return k
bump: procedure expose j c.j
  j = j + 1
  c.j = 'x'
  return`);
    expect(out).toBe('1010 3 4 3 4 1201201201 1 11\n');
  });

  it('sets SIGL and drops RESULT as the clause loop does', () => {
    same(`result = 'r'
do i = 1 to 3
  call p
  say sigl symbol('RESULT') i
  call q i
  say sigl result
end
exit
p: procedure
  return
q: procedure
  return arg(1) * 2`);
  });

  it('an error in the routine trapped by SIGNAL ON SYNTAX in the caller sees the loop variables', () => {
    same(`signal on syntax
t = 0
do i = 1 to 5
  t = t + i
  call f i
end
exit
f: procedure
  if arg(1) = 3 then x = 1 + 'a'
  return
syntax: say 'syntax' sigl i t rc`);
  });

  it('an untrapped error in the routine reports the routine line', () => {
    same(`do i = 1 to 5; call f i; end
exit
f: procedure
  if arg(1) = 4 then return 1 + 'b'
  return`);
  });

  it('EXIT, NOVALUE and CALL ON handlers inside the routine', () => {
    same(`signal on novalue
k = 0
do i = 1 to 4
  k = k + 1
  call g i
  say i k
end
exit
g: procedure
  call on error name oops
  if arg(1) = 2 then 'false'
  if arg(1) = 3 then say undefined_var
  if arg(1) = 4 then exit 7
  return
oops: say 'oops' rc; return
novalue: say 'novalue' condition('D') k i`, (h) => {
      h.commandResult = (_env, cmd) => ({ rc: cmd === 'false' ? 1 : 0 });
    });
  });

  it('a routine without PROCEDURE still sees every variable', () => {
    const out = same(`t = 0
do i = 1 to 3
  call add
  say t
end
exit
add: t = t + i; i = i + 0; return`);
    expect(out).toBe('1\n3\n6\n');
  });

  it('a CALL ON handler in the caller, pending after the call', () => {
    same(`call on error
k = 0
do i = 1 to 3
  k = k + i
  call r i
end
say k
exit
r: procedure
  'cmd' arg(1)
  return
error: say 'error' rc k i; return`, (h) => {
      h.commandResult = () => ({ rc: 2 });
    });
  });

  it('agrees with the clause loop on random loops calling routines', () => {
    const routines = [
      'p: procedure expose v\n  v = v + arg(1); return',
      'p: procedure\n  v = 99; w = 1; return arg(1)',
      'p: procedure expose s.\n  parse arg x; s.x = s.x + 1; return x',
      'p: v = v * 2; return',
      'p: procedure expose w v\n  w = v arg(1); return',
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: routines.length - 1 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: -5, max: 5 }), (r, n, v0) => {
        same(`s. = 0; v = ${v0}; w = ''
do i = 1 to ${n}
  v = v + 1
  call p i // 3
  say i v w s.0 s.1 s.2 symbol('RESULT')
end
exit
${routines[r]}`);
      }),
      { numRuns: 40 },
    );
  });
});

describe('function calls found by their call site', () => {
  it('a label shadows a BIF; a quoted name does not', () => {
    expect(same(`say length('abc') 'LENGTH'('abc')
exit
length: return 'mine'`)).toBe('mine 3\n');
  });

  it('an INTERPRET string finds the labels of the routine running it', () => {
    const ext = `interpret 'say f(1)'\nreturn\nf: return 'external f' arg(1)`;
    const out = same(`interpret 'say f(1)'
call ext
interpret 'say f(1)'
exit
f: return 'main f' arg(1)`, (h) => {
      h.externals.set('EXT', { kind: 'rexx', source: ext, path: 'ext.rexx' });
    });
    expect(out).toBe('main f 1\nexternal f 1\nmain f 1\n');
  });

  it('a routine returning no value to a function call is Error 44.1', () => {
    const out = same(`say f()
exit
f: return`);
    expect(out).toBe('');
    expect(outcome('say f()\nexit\nf: return')).toContain('44.1@1');
  });

  it('nested function calls return each their own value', () => {
    expect(same(`say f(1) + f(f(2)) f(3)
exit
f: procedure
  return arg(1) * 10`)).toBe('210 30\n');
  });
});
