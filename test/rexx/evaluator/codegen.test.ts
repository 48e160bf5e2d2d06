/**
 * Compiled DO-loop regions (evaluator/codegen*.ts) against the clause loop:
 * every program here runs twice, with the region compiler on and off, and
 * must give the same output, the same trace and error report, the same
 * error (number and line). Programs are chosen for what a compiled region
 * must keep: errors and their lines, SIGNAL ON NOVALUE/SYNTAX inside loops,
 * CALL ON handlers at the end of the clause, HALT polling, LEAVE/ITERATE,
 * the control variable changed in the body, TO/BY/FOR evaluated once,
 * NUMERIC DIGITS changed inside a loop, variables kept in locals.
 */
import { describe, expect, it, afterEach } from 'vitest';
import fc from 'fast-check';
import { run, TestHost } from '../helpers.js';
import { codegenOptions } from '../../../src/rexx/evaluator/codegen.js';
import { parseProgram } from '../../../src/rexx/parser/program.js';
import { compileRegion, compileRegionFor } from '../../../src/rexx/evaluator/codegen.js';

function both(src: string, setup?: (h: TestHost) => void): { on: string; off: string } {
  const outcome = (enabled: boolean): string => {
    codegenOptions.enabled = enabled;
    const h = new TestHost();
    setup?.(h);
    const r = run(src, [], h);
    return JSON.stringify({ out: r.out, err: r.err, error: r.error ? `${r.error.codeText}@${r.error.line}` : null, cmds: h.commands });
  };
  const off = outcome(false);
  const on = outcome(true);
  return { on, off };
}

function same(src: string, setup?: (h: TestHost) => void): string {
  const { on, off } = both(src, setup);
  expect(on).toBe(off);
  return JSON.parse(on).out as string;
}

afterEach(() => {
  codegenOptions.enabled = true;
});

const PROGRAMS: Record<string, string> = {
  collatz: `t = 0; m = 0
do n = 1 to 300
  x = n; len = 1
  do while x \\= 1
    if x // 2 = 0 then x = x % 2
    else x = 3 * x + 1
    len = len + 1
  end
  if len > m then do; m = len; at = n; end
  t = t + len
end
say t m at x len n`,
  decimal: `s = 0; do i = 1 to 50; s = s + i / 7 - i % 7 * 0.5; end; say s i`,
  steps: `do i = 1 to 2 by 0.3; say i; end
do i = 10 to 1 by -3 for 3; say i; end
do i = 999999997 to 1000000001 for 6; say i; end
numeric digits 5; do i = 99998 to 100001 for 4; say i; end; numeric digits 9
do i = '007' to 9; say i; end
do i = 1 to 5; if i = 2 then i = 2.5; say i; end
do i = 1 to 10 by 3; say i; i = i * 2; end
n = 3; do i = 1 to n; n = 10; say i n; end
do 3; say 'x'; end
k = 2; do k; say 'k'; end
c = 0; do forever; c = c + 1; if c > 3 then leave; end; say c
c = 0; do until c >= 4; c = c + 1; end; say c
c = 0; do while c < 4; c = c + 2; end; say c`,
  leaveIterate: `do i = 1 to 3
  do j = 1 to 3
    if j = 2 then iterate i
    if i = 3 then leave i
    say i j
  end j
end
do i = 1 to 5; if i // 2 then iterate; say 'even' i; end
do i = 1 to 5 until i = 3; say 'u' i; end
do i = 1 to 5 while i < 3; say 'w' i; end
say i`,
  selectIf: `count. = 0; log = ''
do i = 1 to 40
  kind = i // 5
  select
    when kind = 0 then count.zero = count.zero + 1
    when kind = 1 then call tally 'ONE'
    when kind = 2 then do
      s = left(i, 6, '.') || right(i, 3)
      if pos('9', s) > 0 then count.nine = count.nine + 1
    end
    otherwise
      if i // 3 = 0 then count.three = count.three + 1
      else nop
  end
  if i // 10 = 0 then log = log i
end
say count.zero count.one count.nine count.three strip(log)
exit
tally: procedure expose count.
  parse arg name
  count.name = count.name + 1
  return`,
  stems: `n = 200; p. = 1; p.1 = 0
do i = 2 while i * i <= n
  if p.i then do j = i * i to n by i; p.j = 0; end
end
c = 0; do i = 1 to n; if p.i then c = c + 1; end
m = 50; seed = 12345
do i = 1 to m; seed = (seed * 1103 + 12345) // 65536; a.i = seed; end
gap = m % 2
do while gap > 0
  do i = gap + 1 to m
    t = a.i; j = i; k = j - gap
    do while j > gap
      if a.k <= t then leave
      a.j = a.k; j = k; k = j - gap
    end
    a.j = t
  end
  gap = gap % 2
end
cnt. = 0
do i = 1 to 300; w = 'k' || (i * 7919) // 10; cnt.w = cnt.w + 1; end
do i = 1 to 3; b.i.i = i; q = 'x'; b.q.i = i * 2; end
say c a.1 a.m cnt.k3 b.2.2 b.x.3`,
  novalueSignal: `signal on novalue
do i = 1 to 3
  x = i
  if i = 2 then y = undefinedvar + 1
end
say 'not here'
exit
novalue: say 'NOVALUE' condition('D') 'line' sigl 'i=' i 'x=' x`,
  novalueNoTrap: `do i = 1 to 2; s = nosuch || i; say s; end`,
  syntaxSignal: `signal on syntax
s = 0
do i = 1 to 5
  s = s + i
  if i = 3 then s = s + 'abc'
end
exit
syntax: say 'SYNTAX' rc 'line' sigl 'i=' i 's=' s condition('D')`,
  errors41: `do i = 1 to 'x'; end`,
  errors41start: `do i = 'x' to 3; end`,
  errors41by: `do i = 1 to 3 by 'y'; end`,
  errors26: `do -1; say 'x'; end`,
  errors26for: `do i = 1 for 'a'; end`,
  errors34if: `do i = 1 to 2\n  if i then say i\nend`,
  errors34while: `c = 0; do while c; c = c + 1; end`,
  errors34until: `c = 0\ndo until c\nc = 5\nend`,
  errorsStepVar: `do i = 1 to 3\n  i = 'abc'\nend`,
  errorsInBody: `s = 0\ndo i = 1 to 3\n  s = s + i\n  s = s / 0\nend`,
  select73: `do i = 1 to 2\n  select\n    when i = 5 then say 'five'\n  end\nend`,
  numericInLoop: `do i = 1 to 3
  numeric digits (i + 2)
  say 2 / 3 i * 123456 (i + 999) * 1000
end
say digits()`,
  digitsLow: `numeric digits 3; s = 0; do i = 1 to 20; s = s + i * 7; end; say s i`,
  returnFromLoop: `say f(5) g()
exit
f: procedure
  do i = 1 to 10
    if i * i > arg(1) then return i
  end
  return 'none'
g: do j = 1; return j; end`,
  exitInLoop: `do i = 1 to 10; if i = 4 then exit i * 2; end`,
  callOnError: `call on error name handler
do i = 1 to 3
  'fail' i
  say 'after' i rc
end
exit
handler: say 'ERROR handler for' condition('D') 'sigl' sigl; return`,
  interpretInLoop: `s = 0
do i = 1 to 5
  interpret 's = s + i'
  if i = 3 then interpret 'leave'
end
say s i
do j = 1 to 3
  interpret 'if j = 2 then iterate j'
  say 'j' j
end`,
  signalInLoop: `do i = 1 to 5
  if i = 3 then signal out
end
out: say 'out' i sigl`,
  traceInLoop: `do i = 1 to 2
  if i = 2 then trace r
  x = i * 2
end
say x`,
  traceBifInLoop: `do i = 1 to 2
  if i = 2 then call trace 'R'
  x = i * 2
  y = trace('N')
end
say x`,
  callTraceInLoop: `do i = 1 to 3
  if i = 2 then call trace 'R'
  x = i * 2
end
say x`,
  dropInLoop: `x = 5; do i = 1 to 2; say x; drop x; end`,
  exprs: `x = 5; y = '5.0'; z = ' 5 '
do i = 1 to 2
  say (x = y) (x == y) (x = z) (x \\== z) (x > 4 & y < 6) (x < 4 | \\(y > 6)) (x > 1 && y > 1) -x +y (x y) (x || y) x ** 2 x // -3 -x % 2
  say ('abc' < 'abd') ('a' >> 'b') ('a' <<= 'a') (x >= i) (i \\< 2) (i <> 2)
end`,
  logicalErrors: `do i = 1 to 2; if i & 2 then nop; end`,
  constTails: `a.1 = 'one'; k = 1; do i = 1 to 2; say a.1 a.k a.i; a.i.k = i; say a.i.k; end`,
  parseInLoop: `do i = 1 to 3; parse value i*2 'b c' with p q r; say p q r; end`,
  copyVar: `do i = 1 to 3; x = i; y = x; x = x + 0.5; say x y; end; say x y`,
  zeroes: `do i = -2 to 2; x = i * 0; y = 0 - i; z = -i; say x y z (i / 1) (i % 3) (i // 3); end`,
  bigInts: `x = 999999998; do i = 1 to 3; x = x + 1; say x (x * 2) (x - 1000000000); end`,
  nestedNamed: `do i = 1 to 2; do j = 1 to 2; do k = 1 to 3; if k = 2 then iterate j; say i j k; end; end; end`,
  ctrlDropped: `do i = 1 to 3\n  drop i\nend`,
  // variables kept in locals across calls that escape only in a branch
  callsExposeChange: `n = 0; k = 0
do i = 1 to 12
  k = k + i
  if i // 4 = 0 then call bump
  n = n + 1
end
say n k i
exit
bump: procedure expose n k i; n = n * 10; k = -k; if i = 8 then i = 10; return`,
  callsNoProcedure: `t = 0
do i = 1 to 6
  t = t + i * 2
  if i // 2 then call more
end
say t i j
exit
more: t = t - 1; j = i; return`,
  functionChanges: `s = 0
do i = 1 to 9
  s = s + i
  if i // 3 = 0 then x = f(s)
end
say s x
exit
f: s = s * 2; return s + 1`,
  valueSymbolInLoop: `a = 0
do i = 1 to 5
  a = a + i
  if i = 2 then say value('A') symbol('A') symbol('Q')
  if i = 3 then x = value('A', 100)
  if i = 4 then say value('I')
end
say a i`,
  dropInLoop: `x = 5
do i = 1 to 4
  x = x + i
  if i = 2 then drop x
  if i = 2 then x = 'X'
  say x
end`,
  dropThenRead: `do i = 1 to 4
  x = i * 3
  if i = 3 then drop x
  say x
end`,
  novalueInLoop: `signal on novalue name nv
x = 1
do i = 1 to 5
  x = x + i
  if i = 3 then drop x
  y = x + 1
end
exit
nv: say 'novalue' condition('D') sigl x i; exit`,
  bifsInLoop: `s = ''; n = 0
do i = 1 to 30
  s = left(i, 4, '.') || right(i * i, 5) substr('abcdef', i // 6 + 1, 2)
  if pos('9', s) > 0 then n = n + length(strip(s)) + words(s)
end
say n s i`,
  bifErrorInLoop: `do i = 1 to 5
  x = i * 2
  y = left('abc', 3 - i)
end`,
  bifShadowedByLabel: `t = 0
do i = 1 to 4
  t = t + left(i, 1)
end
say t i
exit
left: procedure expose t; t = t + 100; return arg(1)`,
  callOnInCalled: `x = 0
do i = 1 to 6
  x = x + i
  if i // 3 = 0 then call sub
end
say x i
exit
sub: call on error name e; 'fail'; x = x + 1000; return
e: x = x * 2; return`,
  callOnInLoop: `call on error name e
c = 0
do i = 1 to 5
  c = c + i
  if i // 2 then 'fail' i
end
say c i
exit
e: say 'error at' sigl c i; c = c + 100; return`,
  syntaxInCalled: `signal on syntax name s
x = 0
do i = 1 to 5
  x = x + i
  if i = 4 then call bad
end
s: say 'syntax' x i; exit
bad: x = x + 1000; i = 20; y = 1 + 'a'; return`,
  resultAfterCall: `do i = 1 to 3
  k = i * 5
  if i > 1 then call r k
  say result k
end
exit
r: return arg(1) + 1`,
  callArgsWithCalls: `k = 0
do i = 1 to 4
  k = k + 1
  if i // 2 = 0 then call r g(), k, , i
  say result k i
end
exit
g: k = k * 10; return k
r: say arg() arg(1) arg(2) arg(3, 'E') arg(4); k = k + 1; return`,
  callBifAndMissing: `do i = 1 to 3
  x = i * 2
  call left 'abcdef', x
  say result x
  if i = 3 then call nosuch x
end`,
  callFailsInRoutine: `signal on syntax name s
do i = 1 to 3
  n = i * 3
  if i = 2 then call bad n
  say n
end
exit
s: say 'syntax at' sigl n i; exit
bad: n = arg(1) + 100; x = 1 / 0; return`,
  // compound updates x.t = x.t op y
  updates: `c. = 0; d. = 1.5; k = 'key'; c.7 = 'x'
do i = 1 to 6
  j = i - 3; c.j = c.j + i; c.k = c.k * 2 + 0; d.i = d.i - j; c.i = c.i + i
  say c.j c.k d.i c.i c.-1
end
drop c.2; c.2 = 5; c.3 = c.3 + 0
do i = 1 to 2; c.7 = c.7 + 1; end`,
  updateNovalueLeft: `signal on novalue name nv
do i = 1 to 2; y = 1; a.i = a.i + y; end
exit
nv: say condition('D') sigl`,
  updateNovalueBoth: `signal on novalue name nv
b.1 = 1
do i = 1 to 2; b.i = b.i + yy; end
exit
nv: say condition('D') sigl i`,
  updateNovalueOrder: `signal on novalue name nv
do i = 1 to 2; a.i = a.i + yy; end
exit
nv: say condition('D') sigl i`,
  updateExposed: `e. = 0; e.3 = 10
call p
do i = 1 to 4; e.i = e.i + 100; end
call p
exit
p: procedure expose e.3 e.4; say e.3 e.4; return`,
  updateDroppedTail: `n. = 0
do i = 1 to 3
  t = i
  if i = 2 then drop t
  n.t = n.t + 1
end
say n.1 n.3 n.T n.2`,
  updateDigits: `numeric digits 5; c. = 99990
do i = 1 to 3; c.i = c.i + 12345; c.i = c.i * 3; say c.i; end`,
  // compound variables on the integer path
  compoundInts: `c. = 0; a.1 = 5; a.2 = 'x'; a.3 = 2.5; a.4 = ' 7 '; a.5 = 999999999; k = 'key'
do i = 1 to 5
  c.k = c.k + i; c.i = datatype(a.i, 'N')
  say c.k c.i (a.1 < a.i) (a.i == 5) (a.1 * 2 - c.k) (a.i > a.1)
  if datatype(a.i, 'N') then say a.i + 1 a.i // 2
end`,
  compoundNovalueOrder: `signal on novalue name nv
do i = 1 to 2
  y = x + a.i
end
exit
nv: say condition('D') sigl`,
  compoundNovalueRight: `signal on novalue name nv
x = 1
do i = 1 to 2
  y = x + a.i.2
end
exit
nv: say condition('D') sigl`,
  compoundTailInLocal: `s = 0; b. = 1
do i = -2 to 3
  j = i * 2; b.j = j + b.j; s = s + b.j
end
say s b.0 b.2 b.4 b.6 b.-2 b.-4`,
};


describe('compiled regions do what the clause loop does', () => {
  for (const [name, src] of Object.entries(PROGRAMS)) {
    it(name, () => {
      same(src, (h) => {
        h.commandResult = (_env, cmd) => ({ rc: cmd.startsWith('fail') ? 1 : 0 });
      });
    });
  }

  it('regions compile where expected', () => {
    const compiled = (src: string, idx = 0): boolean => compileRegion(parseProgram(src, 't'), idx, () => null) !== null;
    expect(compiled('do i = 1 to 3; x = i; end')).toBe(true);
    expect(compiled('do i = 1 to 3; trace r; end')).toBe(false);
    expect(compiled('do i = 1 to 3; x = trace(); end')).toBe(false);
    expect(compiled('do i = 1 to 3; interpret "x = 1"; end')).toBe(true); // (interpret-region.test.ts)
    expect(compiled("do i = 1 to 3; call trace 'R'; end")).toBe(false);
    expect(compiled('do i = 1 to 3; signal x; end; x: nop')).toBe(false);
    expect(compiled('do a.1 = 1 to 3; end')).toBe(false);
    expect(compiled('do i = 1 to 3; l: nop; end')).toBe(false);
  });

  it('variables stay in locals around BIFs that do not look into the pool', () => {
    const source = (src: string, idx = 0): string => String(compileRegionFor(parseProgram(src, 't'), idx, () => () => undefined, 'pair'));
    // LEFT called directly, with its arguments evaluated in the region, the variables in locals
    const left = source('do i = 1 to 3; s = left(i, 2); end');
    expect(left).toMatch(/\.n === ok0 \? k\d+\(a, /); // (codegen-bif.ts: LEFT takes its arguments one by one)
    expect(left).toContain('b0v');
    // VALUE looks into the pool: the general path, the variables in their boxes
    const value = source("do i = 1 to 3; s = value('I'); end");
    expect(value).not.toContain('r_bif(');
    expect(value).not.toContain('b0v');
    // a CALL: the variables in their boxes
    expect(source('do i = 1 to 3; k = i * 2; if k > 2 then call f; end')).not.toContain('b0v');
  });

  it('a CALL ON NOTREADY handler raised by a BIF sees and changes the variables kept in locals', () => {
    const out = same(`call on notready name nr
n = 0
do i = 1 to 3
  n = n + i
  x = linein('/nonexistent/zz')
  say n x
end
say n i
exit
nr: say 'notready' n i sigl; n = n * 100; return`);
    expect(out).toContain('notready 102 2 5');
  });

  it('HALT is polled inside compiled loops (CALL ON HALT handler, then HI without a trap)', () => {
    const src = `call on halt name h
stop = 0
do i = 1 to 2000; x = i * 2; end
say 'done' stop
do forever; if stop then leave; end
call off halt
say 'left'
do forever; nop; end
exit
h: stop = 1; say 'HALT at' sigl; return`;
    for (const enabled of [true, false]) {
      codegenOptions.enabled = enabled;
      const h = new TestHost();
      let polls = 0;
      h.pollHalt = () => (++polls === 3 || h.out.endsWith('left\n') ? 'HI' : undefined);
      const r = run(src, [], h);
      expect(r.out).toBe('HALT at 3\ndone 1\nleft\n');
      expect(r.error?.codeText).toBe('4.1');
      expect(r.error?.line).toBe(8);
    }
  });

  it('a CALL ON handler sees the variables kept in locals', () => {
    same(`call on halt name h
x = 0
do i = 1 to 3000; x = x + 1; end
exit
h: say 'x' (x > 0); return`, (h) => {
      let polls = 0;
      h.pollHalt = () => (++polls === 2 ? 'HI' : undefined);
    });
  });

  it('integer arithmetic and comparisons in regions agree with the clause loop', () => {
    const ops = ['+', '-', '*', '/', '%', '//'];
    const cmps = ['=', '\\=', '>', '<', '>=', '<=', '==', '>>'];
    const val = fc.oneof(
      fc.integer({ min: -999_999_999, max: 999_999_999 }).map(String),
      fc.integer({ min: -40, max: 40 }).map(String),
      fc.constantFrom('0', '-0', '007', '1.0', ' 5', '1e3', '999999999', '-999999999', '0.5', 'abc', '31623'),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...ops),
        fc.constantFrom(...ops),
        fc.constantFrom(...cmps),
        val,
        val,
        fc.constantFrom(9, 5, 12),
        fc.constantFrom(0, 2),
        (op1, op2, cmp, x, y, digits, fuzz) => {
          const src = `numeric digits ${digits}; numeric fuzz ${fuzz}; x = '${x}'; y = '${y}'
signal on syntax
do i = -1 to 1
  r = (x ${op1} y) ${op2} i; s = x ${op2} i
  say r s (r ${cmp} y) (x ${cmp} i)
  x = s
end
exit
syntax: say 'ERR' rc sigl`;
          same(src);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('variables kept in locals', () => {
  it('a CALL ON HALT handler that changes a variable and then fails leaves its change', () => {
    same(`call on halt name h
signal on syntax
x = 0
do i = 1 to 3000; x = x + 1; end
exit
h: x = 'changed'; y = 1 + 'a'
syntax: say 'x=' x 'line' sigl`, (h) => {
      let polls = 0;
      h.pollHalt = () => (++polls === 2 ? 'HI' : undefined);
    });
  });

  it('tails and control variables in locals name the same elements', () => {
    same(`a. = 'D'; a.7 = 'seven'; a.0 = 'zero'; a.-1 = 'minus'
do i = -1 to 8; j = i; k = i * 1; say i a.i a.j a.k; a.k = 'set' i; end
do i = -1 to 8; say a.i; end
j = '007'; do i = 1 to 1; say a.j; a.j = 'oh'; end; say a.007 a.7
do i = 1 to 2; m = i - 0.5; b.m = i; n = m * 2; say b.m b.n c.i.m; end`);
  });
});

describe('region arithmetic against the exact decimal path', () => {
  it('integer operators in a compiled loop give what arithExact gives (results and errors)', async () => {
    const { arithExact } = await import('../../../src/rexx/arithmetic/decimal.js');
    type Op = '+' | '-' | '*' | '/' | '%' | '//';
    const exact = (op: Op, x: string, y: string, digits: number): string => {
      try {
        return arithExact(op, x, y, { digits, fuzz: 0, form: 'SCIENTIFIC' });
      } catch (e) {
        return `ERR ${(e as { code?: number }).code}`;
      }
    };
    const val = fc.oneof(
      fc.integer({ min: -999_999_999, max: 999_999_999 }).map(String),
      fc.integer({ min: -40, max: 40 }).map(String),
      fc.constantFrom('0', '-0', '007', '999999999', '-999999999', '31623', '44721'),
    );
    fc.assert(
      fc.property(fc.constantFrom<Op>('+', '-', '*', '/', '%', '//'), val, val, fc.constantFrom(9, 12, 5), (op, x, y, digits) => {
        codegenOptions.enabled = true;
        const src = `numeric digits ${digits}; x = '${x}'; y = '${y}'\nsignal on syntax\ndo i = 1 to 1; r = x ${op} y; end\nsay r\nexit\nsyntax: say 'ERR' rc`;
        expect(run(src).out.trim()).toBe(exact(op, x, y, digits));
      }),
      { numRuns: 1000 },
    );
  });
});
