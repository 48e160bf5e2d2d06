/**
 * INTERPRET inside compiled DO-loop regions (evaluator/codegen.ts interpret,
 * codegen-resume.ts) against the clause loop: each program runs with the
 * region compiler on and off and must give the same output, trace, error
 * (number and line) and commands. The programs exercise what an
 * interpreted string can do to the loop around it: read and set variables
 * (also the control variable), DROP them, change NUMERIC DIGITS, LEAVE or
 * ITERATE the region's loops or a loop outside the region, SIGNAL out,
 * RETURN, turn TRACE on (the clause loop takes over part way), raise
 * errors and conditions trapped by SIGNAL ON or CALL ON.
 */
import { describe, expect, it, afterEach } from 'vitest';
import fc from 'fast-check';
import { run, TestHost } from '../helpers.js';
import { codegenOptions, compileRegion } from '../../../src/rexx/evaluator/codegen.js';
import { parseProgram } from '../../../src/rexx/parser/program.js';

/** The observable outcome of src with the region compiler on or off. */
function outcome(src: string, compiled: boolean, setup?: (h: TestHost) => void): string {
  codegenOptions.enabled = compiled;
  const h = new TestHost();
  setup?.(h);
  const r = run(src, [], h);
  return JSON.stringify({ out: r.out, err: r.err, error: r.error ? `${r.error.codeText}@${r.error.line}` : null, cmds: h.commands });
}

/** Expect the same outcome both ways; the output. */
function agree(src: string, setup?: (h: TestHost) => void): string {
  const off = outcome(src, false, setup);
  const on = outcome(src, true, setup);
  expect(on).toBe(off);
  return (JSON.parse(on) as { out: string }).out;
}

afterEach(() => {
  codegenOptions.enabled = true;
});

const PROGRAMS: Record<string, string> = {
  assignments: `sum = 0
do i = 1 to 120
  interpret 'x' || i // 7 '=' i '*' 3 '+' i // 5
  interpret 'sum = sum + x' || i // 7
  if i // 40 = 0 then interpret 'do j = 1 to 3; sum = sum + j *' i '; end'
end
say sum x0 x6 i j`,
  controlVariable: `do i = 1 to 10
  interpret 'i = i + 2'
  say i
end
say i`,
  drop: `do i = 1 to 4
  v = i
  if i = 2 then interpret 'drop v'
  say symbol('V') i
end`,
  digits: `s = 0
do i = 1 to 6
  if i = 3 then interpret 'numeric digits 4'
  s = s + i * 1111
  say s i / 3
end
say digits()`,
  leaveIterate: `do i = 1 to 6
  if i = 2 then interpret 'iterate'
  if i = 5 then interpret 'leave'
  say 'i' i
end
do i = 1 to 3
  do j = 1 to 3
    if j = 2 then interpret 'iterate i'
    say i j
  end
end
do k = 1 to 3 by 1 for 2; do; interpret 'leave k'; end; end; say 'k' k
c = 0; do forever; c = c + 1; interpret 'if c > 3 then leave'; end; say 'c' c
do 3; interpret 'say "n"; iterate'; say 'never'; end
do u = 1 to 9 until u > 4; interpret 'iterate'; end; say 'u' u`,
  outerLoop: `do o = 1 to 3
  say 'o' o
  do i = 1 to 5
    if i = 2 then interpret 'iterate o'
    say 'i' i
  end
  trace o
end
do p = 1 to 3
  do i = 1 to 5
    if i = p then interpret 'leave p'
  end
  trace o
end
say p i`,
  noLoop: `do i = 1 to 3
  if i = 2 then interpret 'leave nosuch'
  say i
end`,
  signalOut: `do i = 1 to 5
  say i
  if i = 3 then interpret 'signal done'
end
done: say 'done' i sigl`,
  returnOut: `say f(3) g()
exit
f: procedure
  do i = 1 to 10
    interpret 'if i =' arg(1) 'then return i * 10'
  end
  return 'none'
g: do k = 1 to 2; interpret 'return "g"k'; end`,
  exitOut: `do i = 1 to 5; interpret 'if i = 2 then exit'; say i; end`,
  traceOn: `do i = 1 to 4
  x = i * 2
  if i = 2 then interpret 'trace r'
  y = x + 1
end
trace o
say x y
do i = 1 to 3
  do j = 1 to 2
    interpret 'if i = 2 & j = 1 then trace i'
    z = i j
  end j
end
trace o
do n = 1 to 3; interpret 'trace r; leave'; end
trace o
say n`,
  traceOnCount: `do 3
  interpret 'trace r'
  a = 1
end
trace o
c = 0; do w = 10 to 1 by -2 for 3 while w > 0; c = c + 1; if c = 2 then interpret 'trace a'; end
trace o
say w c`,
  errors: `do i = 1 to 5
  if i = 3 then interpret 'y = 1 +'
  say i
end`,
  errorInString: `do i = 1 to 5
  interpret 'z = 10 /' 3 - i
  say z
end`,
  syntaxTrap: `signal on syntax
do i = 1 to 5
  interpret 'z = 1 /' 2 - i
  say z
end
exit
syntax: say 'syntax' rc sigl condition('d')`,
  novalueTrap: `do i = 1 to 3
  if i = 2 then interpret 'signal on novalue'
  say i
end
say undefined
exit
novalue: say 'novalue' condition('d') sigl`,
  callOn: `call on error
do i = 1 to 3
  interpret '"cmd" i'
  say 'after' i
end
exit
error: say 'handler' rc i; return`,
  callOnLeave: `call on error
do i = 1 to 3
  interpret '"cmd" i; leave'
  say 'never'
end
say 'out' i
exit
error: say 'handler' rc i; i = 7; return`,
  procedureLabel: `do i = 1 to 2
  interpret 'call sub i'
  say result
end
exit
sub: return arg(1) * 2`,
  labelInString: `do i = 1 to 2; interpret 'here: say 1'; end`,
  nested: `do i = 1 to 3
  interpret 'do j = 1 to 2; interpret "k = i * j"; if k = 4 then leave; end'
  say i j k
end`,
  select: `do i = 1 to 4
  select
    when i = 1 then interpret 's = "one"'
    when i = 2 then interpret 'trace r; s = "two"'
    otherwise interpret 's = i'
  end
  say s
end`,
};

describe('INTERPRET in compiled regions, against the clause loop', () => {
  for (const [name, src] of Object.entries(PROGRAMS)) {
    it(name, () => {
      agree(src, (h) => {
        h.commandResult = (_env, cmd) => ({ rc: cmd.endsWith('2') ? 1 : 0 });
      });
    });
  }

  it('compiles loops that hold INTERPRET', () => {
    const prog = parseProgram(`do i = 1 to 3; interpret 'x = i'; end`, 't');
    expect(compileRegion(prog, 0, () => null)).not.toBeNull();
  });

  it('gives what Regina gives', () => {
    expect(agree(PROGRAMS.assignments!)).toBe('23460 361 357 121 4\n');
    expect(agree(PROGRAMS.controlVariable!)).toBe('3\n6\n9\n12\n13\n');
  });

  it('agrees on random strings of assignments, LEAVE, ITERATE and TRACE', () => {
    const stmt = fc.constantFrom(
      'x = x + i',
      'x = x * 2 - i',
      'leave',
      'iterate',
      'i = i + 1',
      'trace r',
      'trace o',
      'numeric digits 5',
      'drop x; x = 1',
      'if x > 50 then leave',
      'y = x / 3',
    );
    const prog = fc.tuple(fc.array(stmt, { minLength: 1, maxLength: 3 }), fc.array(stmt, { minLength: 1, maxLength: 2 }), fc.integer({ min: 1, max: 4 }));
    fc.assert(
      fc.property(prog, ([a, b, n]) => {
        const src = `x = 1; y = 0\ndo i = 1 to 6\n  interpret '${a.join('; ')}'\n  do ${n}\n    interpret '${b.join('; ')}'\n  end\nend\ntrace o\nsay x y i digits()`;
        agree(src);
      }),
      { numRuns: 150 },
    );
  });
});
