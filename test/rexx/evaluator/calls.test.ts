/**
 * Internal routine calls and the variable pool: what a CALL or function call
 * saves, shares and restores (ANSI X3.274-1996 §8.2 activations, §7.x
 * PROCEDURE; expected results checked against Regina 3.6), and the VarPool
 * against a plain Map model.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { say, errorOf, run, TestHost } from '../helpers.js';
import { VarPool, Box, Stem } from '../../../src/rexx/evaluator/variables.js';

describe('SIGL across calls', () => {
  it('is set in the caller and not seen after a plain PROCEDURE (Regina: LIT)', () => {
    expect(say('call p\nsay sigl\nexit\np: procedure\n say symbol("SIGL")\n return')).toBe('LIT\n1');
    expect(say('say f()\nexit\nf: procedure\n return symbol("SIGL")')).toBe('LIT');
  });
  it('is the caller\'s line in a routine without PROCEDURE and in a nested call of a procedure', () => {
    const src = ['x = f()', 'say x sigl', 'exit', 'f: procedure', '  call g', '  return sigl', 'g: return'].join('\n');
    expect(say(src)).toBe('5 1');
  });
  it('PROCEDURE EXPOSE SIGL shares it with the caller', () => {
    const src = ['call q', 'say sigl', 'exit', 'q: procedure expose sigl', '  say sigl', "  sigl = 'set in q'", '  return'].join('\n');
    expect(say(src)).toBe('1\nset in q');
  });
  it('assigning SIGL in a procedure leaves the caller\'s alone', () => {
    const src = ['call p', 'say sigl', 'exit', 'p: procedure', "  sigl = 'mine'", '  call r', '  say sigl', '  return', 'r: return'].join('\n');
    expect(say(src)).toBe('6\n1');
  });
  it('NOVALUE in a procedure for SIGL is raised, and the handler sees the line', () => {
    const src = ['signal on novalue', 'call p', 'exit', 'p: procedure', '  say sigl', '  return', 'novalue: say "novalue" condition("D") sigl'].join('\n');
    expect(say(src)).toBe('novalue SIGL 5');
  });
});

describe('PROCEDURE EXPOSE', () => {
  it('shares simple variables, stems and compound variables, in order', () => {
    const src = [
      "a = 1; s.1 = 'one'; s.2 = 'two'; t.x = 'tx'; x = 'X'; i = 2",
      'call p',
      'say a s.1 s.2 s.9 t.x z',
      'exit',
      'p: procedure expose a s. i t.i x',
      '  a = a + 1; s.9 = "nine"; s.1 = "ONE"; t.2 = "t2"; z = "local"',
      '  return',
    ].join('\n');
    expect(say(src)).toBe('2 ONE two nine tx Z');
  });
  it('a compound variable uses the tail of a variable exposed earlier in the list', () => {
    expect(say("j = 'K'; c.k = 5; call p; say c.k; exit; p: procedure expose j c.j; c.j = c.j * 2; return")).toBe('10');
  });
  it('(list) exposes the list variable and every name in it, stems too', () => {
    const src = "l = 'v w. u'; v = 1; w.1 = 2; u = 3; call p; say v w.1 w.2 u l; exit; p: procedure expose (l); v = v + 1; w.2 = 'new'; u = words(l); return";
    expect(say(src)).toBe('2 2 new 3 v w. u');
  });
  it('several (lists) and plain names mix in written order', () => {
    const src = "n1 = 'a'; n2 = 'b c'; a = 1; b = 2; c = 3; d = 4; call p; say a b c d; exit; p: procedure expose (n1) d (n2); a = 10; b = 20; c = 30; d = 40; return";
    expect(say(src)).toBe('10 20 30 40');
  });
  it('more variables than the pool keeps in fields: exposed and local ones stay apart', () => {
    const names = 'a b c d e f g h i j k l'.split(' ');
    const setup = names.map((n, i) => `${n} = ${i}`).join('; ');
    const exposed = names.filter((_, i) => i % 2 === 0);
    const body = names.map((n) => `${n} = ${n} + 100`).join('; ');
    const src = `${setup}; call p; say ${names.join(' ')}; exit; p: procedure expose ${exposed.join(' ')}; drop b d f h j l; ${names
      .filter((_, i) => i % 2 === 1)
      .map((n) => `${n} = 0`)
      .join('; ')}; ${body}; return`;
    expect(say(src)).toBe('100 1 102 3 104 5 106 7 108 9 110 11');
  });
  it('a procedure with many locals keeps each one (recursively)', () => {
    const src = [
      'say f(3)',
      'exit',
      'f: procedure',
      '  parse arg n',
      '  a = n; b = n * 2; c = n * 3; d = n * 4; e = n * 5; g = n * 6; h = n * 7; k = n * 8',
      '  if n = 0 then return 0',
      '  r = f(n - 1)',
      '  return r + a + b + c + d + e + g + h + k',
    ].join('\n');
    expect(say(src)).toBe(String(36 * 6));
  });
  it('PROCEDURE in the main program or twice is 17.1', () => {
    expect(errorOf('procedure')).toBe('17.1');
    expect(errorOf('call p; exit; p: procedure; procedure; return')).toBe('17.1');
  });
  it('labels before PROCEDURE are allowed', () => {
    expect(say('call p; exit; p: q: procedure; say "ok"; return')).toBe('ok');
  });
});

describe('RESULT and ARG()', () => {
  it('RESULT is set in the caller\'s pool, also by a procedure', () => {
    const src = 'call p 4; say result; call q; say symbol("RESULT"); exit; p: procedure; return arg(1) * 2; q: procedure; call p 1; say result; return';
    expect(say(src)).toBe('8\n2\nLIT');
  });
  it('ARG() counts up to the last argument given; ARG(n, E/O) see omitted ones', () => {
    const src = "call r 'a',,'c'; say f(,'y'); exit; r: say arg() arg(1,'E') arg(2,'E') arg(2,'O') arg(3) arg(4,'O'); return; f: return arg() arg(1,'O') arg(2)";
    expect(say(src)).toBe('3 1 0 1 c 1\n2 1 y');
  });
  it('arguments are the caller\'s values, not names', () => {
    expect(say("x = 5; say f(x, x + 1); exit; f: procedure; parse arg a, b; x = 'no'; return a b")).toBe('5 6');
  });
});

describe('settings saved and restored across calls', () => {
  it('NUMERIC: a routine starts with the caller\'s, its changes end with it', () => {
    const src = [
      'numeric digits 12',
      'call p',
      'say digits() 1/3',
      'numeric digits 5',
      'say f() digits()',
      'exit',
      'p: say digits(); numeric digits 20; call q; say digits(); return',
      'q: say digits(); numeric digits 3; return',
      'f: procedure; numeric fuzz 1; return digits() fuzz()',
    ].join('\n');
    expect(say(src)).toBe('12\n20\n20\n12 0.333333333333\n5 1 5');
  });
  it('condition traps: inherited, changed only for the routine, restored on return', () => {
    const src = [
      'signal on novalue',
      'call p',
      'say "back" x',
      'exit',
      'p: procedure',
      '  signal off novalue',
      '  say "in p" y',
      '  call q',
      '  return',
      'q: say "in q" z; return',
      'novalue: say "novalue" condition("D") "line" sigl',
    ].join('\n');
    expect(say(src)).toBe('in p Y\nin q Z\nnovalue X line 3');
  });
  it('a trap set in a routine fires there and not in the caller', () => {
    const src = [
      'call p',
      'say "main" u',
      'exit',
      'p: procedure',
      '  signal on novalue name nv',
      '  say v',
      '  return',
      'nv: say "trapped" condition("D"); return',
    ].join('\n');
    expect(say(src)).toBe('trapped V\nmain U');
  });
  it('CALL ON in a routine does not outlive it', () => {
    const src = [
      'call p',
      "'false'",
      'say "main rc" rc',
      'exit',
      'p: call on error name handler',
      "  'false'",
      '  return',
      'handler: say "handler" condition("C"); return',
    ].join('\n');
    const host = new TestHost();
    host.commandResult = () => ({ rc: 1 });
    expect(run(src, [], host).out).toBe('handler ERROR\nmain rc 1\n');
  });
});

describe('call errors', () => {
  it('a function that returns nothing is 44.1, also from deep inside', () => {
    expect(errorOf('say f(2); exit; f: procedure; if arg(1) = 0 then return; return f(arg(1) - 1)')).toBe('44.1');
  });
  it('CALL of such a routine is fine and drops RESULT', () => {
    expect(say('result = 1; call f; say symbol("RESULT"); exit; f: return')).toBe('LIT');
  });
  it('a missing label is 16.1 (SIGNAL, SIGNAL VALUE, from a procedure)', () => {
    expect(errorOf("signal value 'NO' || 'WHERE'")).toBe('16.1');
    expect(errorOf('call p; exit; p: procedure; signal nowhere')).toBe('16.1');
  });
  it('runaway recursion of a function is Error 11, with or without PROCEDURE', () => {
    expect(run('say f(1); exit; f: procedure; return f(arg(1) + 1)').error?.code).toBe(11);
    expect(run('say f(1); exit; f: return f(arg(1) + 1) + 1').error?.code).toBe(11);
  });
  it('deep but finite recursion works', () => {
    expect(say('say f(800); exit; f: procedure; parse arg n; if n = 0 then return 0; return 1 + f(n - 1)')).toBe('800');
  });
});

describe('recursive functions', () => {
  it('fib, ack and hanoi as in bench b5', () => {
    const src = [
      "say fib(12) ack(2, 3) hanoi(6, 'A', 'C', 'B')",
      'exit',
      'fib: procedure',
      '  parse arg n',
      '  if n < 2 then return n',
      '  return fib(n - 1) + fib(n - 2)',
      'ack: procedure',
      '  parse arg m, n',
      '  if m = 0 then return n + 1',
      '  if n = 0 then return ack(m - 1, 1)',
      '  return ack(m - 1, ack(m, n - 1))',
      'hanoi: procedure',
      '  parse arg n, from, to, via',
      '  if n = 0 then return 0',
      '  return hanoi(n - 1, from, via, to) + 1 + hanoi(n - 1, via, to, from)',
    ].join('\n');
    expect(say(src)).toBe('144 9 63');
  });
});

/**
 * VarPool keeps its first names in fields and the rest in a Map: any sequence
 * of operations must give what one Map of boxes gives.
 */
describe('VarPool against a Map model', () => {
  const NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'SIGL', 'RESULT'];
  type Op =
    | { k: 'box'; name: string }
    | { k: 'share'; name: string }
    | { k: 'setSimple'; name: string; v: string }
    | { k: 'drop'; name: string }
    | { k: 'sigl'; v: string };
  const name = fc.constantFrom(...NAMES);
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ k: fc.constant('box' as const), name }),
    fc.record({ k: fc.constant('share' as const), name }),
    fc.record({ k: fc.constant('setSimple' as const), name, v: fc.string({ maxLength: 3 }) }),
    fc.record({ k: fc.constant('drop' as const), name }),
    fc.record({ k: fc.constant('sigl' as const), v: fc.string({ maxLength: 3 }) }),
  );

  it('get, box, set, setSimple, dropSimple and setSigl agree with the model', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const pool = new VarPool();
        const model = new Map<string, Box>();
        const modelBox = (n: string): Box => {
          let b = model.get(n);
          if (!b) model.set(n, (b = new Box()));
          return b;
        };
        for (const o of ops) {
          switch (o.k) {
            case 'box': {
              const b = pool.box(o.name);
              // the same box every time, and the model's value
              if (pool.box(o.name) !== b || pool.simple.get(o.name) !== b) return false;
              if (b.v !== modelBox(o.name).v) return false;
              model.set(o.name, b);
              break;
            }
            case 'share': {
              // PROCEDURE EXPOSE: a box from elsewhere replaces the name's
              const b = new Box(`shared ${o.name}`);
              pool.simple.set(o.name, b);
              model.set(o.name, b);
              break;
            }
            case 'setSimple':
              pool.setSimple(o.name, o.v);
              if (model.has(o.name)) model.get(o.name)!.v = o.v;
              else model.set(o.name, pool.simple.get(o.name)!);
              break;
            case 'drop':
              pool.dropSimple(o.name);
              if (model.has(o.name)) model.get(o.name)!.v = undefined;
              break;
            case 'sigl':
              pool.setSigl(o.v);
              if (model.has('SIGL')) model.get('SIGL')!.v = o.v;
              else model.set('SIGL', pool.simple.get('SIGL')!);
              break;
          }
          for (const n of NAMES) {
            const b = pool.simple.get(n);
            if (b !== model.get(n)) return false;
            if (pool.getSimple(n) !== model.get(n)?.v) return false;
          }
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('stems: stem() and stems.get/set agree with a Map of stems', () => {
    const STEMS = ['A.', 'B.', 'C.', 'D.', 'E.'];
    const stemOp = fc.record({ share: fc.boolean(), name: fc.constantFrom(...STEMS) });
    fc.assert(
      fc.property(fc.array(stemOp, { maxLength: 30 }), (ops) => {
        const pool = new VarPool();
        const model = new Map<string, Stem>();
        for (const o of ops) {
          if (o.share) {
            const st = new Stem();
            pool.stems.set(o.name, st);
            model.set(o.name, st);
          } else {
            const st = pool.stem(o.name);
            if (pool.stem(o.name) !== st) return false;
            if (model.has(o.name) && model.get(o.name) !== st) return false;
            model.set(o.name, st);
          }
          for (const n of STEMS) if (pool.stems.get(n) !== model.get(n)) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
