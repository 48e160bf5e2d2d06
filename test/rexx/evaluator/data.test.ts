import { describe, it, expect } from 'vitest';
import { say, errorOf, run, TestHost } from '../helpers.js';

describe('variables and stems', () => {
  it('unset variables are their own names; stems default', () => {
    expect(say('say abc; s. = 5; say s.1 s.x')).toBe('ABC\n5 5');
  });
  it('compound tails use the values of simple symbols', () => {
    expect(say("i = 2; j = 'B'; a.i.j = 'x'; say a.2.b a.i.j a.3.b")).toBe('x x A.3.B');
    expect(say("j = 'b'; a.j = 1; say a.b a.j")).toBe('A.B 1');
  });
  it('DROP of a compound after a stem assignment shows the name', () => {
    expect(say('c. = 5; drop c.2; say c.2 c.3')).toBe('C.2 5');
  });
  it('DROP (list) drops the named variables only', () => {
    expect(say("r = 1; names = 'r'; drop (names); say r names")).toBe('R r');
  });
  it('a million stem entries work', () => {
    expect(say('do i = 1 to 1000000; s.i = i; end; say s.1000000')).toBe('1000000');
  });
});

describe('PARSE', () => {
  it('words: the last target keeps the rest, minus one blank', () => {
    expect(say("parse value '  the quick   brown fox  ' with w1 w2 w3; say '<'w1'>|<'w2'>|<'w3'>'")).toBe('<the>|<quick>|<  brown fox  >');
  });
  it('literal and variable patterns', () => {
    expect(say("s = 'k=v;x=y'; parse var s k '=' v ';' rest; say k v rest")).toBe('k v x=y');
    expect(say("d = ','; parse value 'a,b' with x (d) y; say x y")).toBe('a b');
  });
  it('positional patterns: absolute, relative, backwards', () => {
    expect(say("parse value 'abcdef' with 3 x +2 y; say x y")).toBe('cd ef');
    expect(say("parse value 'abcdef' with 4 x 2 y; say x y")).toBe('def bcdef');
    expect(say("s = 'abcdefghijklmnopqrstuvwxyz'; parse var s 'k' a +2 'p' b; say a b")).toBe('kl qrstuvwxyz');
    expect(say("n = 2; parse value 'abcdef' with =(n) x +(n) y; say x y")).toBe('bc def');
  });
  it('placeholders and UPPER', () => {
    expect(say("parse upper value 'a b c' with . x .; say x")).toBe('B');
  });
  it('ARG with several templates', () => {
    expect(say("call s 'a b', 'c'; exit; s: arg x y, z; say x'|'y'|'z")).toBe('A|B|C');
  });
  it('PULL reads the queue first, then input', () => {
    const h = new TestHost();
    h.input = ['from input'];
    const r = run("queue 'from queue'; parse pull a; parse pull b; say a; say b", [], h);
    expect(r.out).toBe('from queue\nfrom input\n');
  });
});

describe('the queue', () => {
  it('PUSH is LIFO, QUEUE is FIFO, QUEUED counts', () => {
    expect(say("push 1; push 2; queue 3; say queued(); pull a; pull b; pull c; say a b c")).toBe('3\n2 1 3');
  });
});

describe('commands and ADDRESS', () => {
  it('commands go to the current environment and set RC', () => {
    const h = new TestHost();
    h.commandResult = (env, cmd) => ({ rc: cmd === 'bad' ? 8 : 0 });
    const r = run("'good'; say rc; address CMS 'bad'; say rc; address FOO; 'x y'", [], h);
    expect(r.out).toBe('0\n8\n');
    expect(h.commands).toEqual([
      { env: 'SYSTEM', cmd: 'good' },
      { env: 'CMS', cmd: 'bad' },
      { env: 'FOO', cmd: 'x y' },
    ]);
  });
  it('ERROR and FAILURE conditions', () => {
    const h = new TestHost();
    h.commandResult = (env, cmd) => (cmd === 'fail' ? { rc: -3, failure: true } : { rc: 4 });
    const r = run(
      "call on error name e; 'x'; say 'back' rc; signal on failure; 'fail'; say 'no'; exit\ne: say 'error' condition('D') rc; return\nfailure: say 'failure' rc",
      [],
      h,
    );
    expect(r.out).toBe('error x 4\nback 4\nfailure -3\n');
  });
  it('FAILURE falls back to an ERROR trap', () => {
    const h = new TestHost();
    h.commandResult = () => ({ rc: -1, failure: true });
    const r = run("signal on error; 'x'; exit; error: say 'caught' condition('C')", [], h);
    expect(r.out).toBe('caught ERROR\n');
  });
});

describe('conditions', () => {
  it('SIGNAL ON SYNTAX gives RC, SIGL and CONDITION()', () => {
    expect(say("signal on syntax\nx = 1 + 'a'\nexit\nsyntax: say rc sigl condition('C') condition('I')")).toBe('41 2 SYNTAX SIGNAL');
  });
  it('NOVALUE', () => {
    expect(say("signal on novalue; x = y; exit; novalue: say 'novalue' condition('D')")).toBe('novalue Y');
  });
  it('HALT from the host: trapped, and untrapped as Error 4', () => {
    const h = new TestHost();
    h.halt = 'HI';
    const r = run("signal on halt; do forever; end; halt: say 'halted'", [], h);
    expect(r.out).toBe('halted\n');
    const h2 = new TestHost();
    h2.halt = 'HI';
    expect(run('do forever; end', [], h2).error?.code).toBe(4);
  });
  it('HX ends the program at once', () => {
    const h = new TestHost();
    h.halt = 'HX';
    const r = run("do forever; end; say 'never'", [], h);
    expect(r.halted).toBe(true);
    expect(r.out).toBe('');
  });
  it('LOSTDIGITS', () => {
    expect(say("signal on lostdigits; numeric digits 5; x = 1234567 + 1; exit; lostdigits: say 'lost' condition('D')")).toBe('lost 1234567');
  });
});

describe('strings are bytes', () => {
  it('UTF-8 literals count bytes', () => {
    expect(say("say length('\xc3\xa9')")).toBe('2');
  });
  it('CENTER with a multi-byte pad is Error 40.23', () => {
    expect(errorOf("say center('a', 5, '\xc3\xa9')")).toBe('40.23');
  });
});

describe('garbage input never crashes the interpreter', () => {
  it('binary data gives a REXX error', () => {
    let s = '';
    for (let i = 0; i < 2000; i++) s += String.fromCharCode((i * 7919) % 256);
    const r = run(s);
    expect(r.error).toBeDefined();
  });
  it('unbalanced quotes and comments', () => {
    expect(errorOf("say 'abc")).toBe('6.2');
    expect(errorOf('say 1 /* never closed')).toBe('6.1');
  });
  it('deep nesting gives a REXX error', () => {
    expect(run('say ' + '('.repeat(100000) + '1' + ')'.repeat(100000)).error).toBeDefined();
    expect(run('do;'.repeat(50000) + 'end;'.repeat(50000)).error).toBeDefined();
  });
  it('10 MB of source runs', () => {
    const src = "x = 0\n" + 'x = x + 1 /* some padding to make the line longer ................................ */\n'.repeat(120000) + 'say x';
    expect(src.length).toBeGreaterThan(10_000_000);
    expect(say(src)).toBe('120000');
  });
});
