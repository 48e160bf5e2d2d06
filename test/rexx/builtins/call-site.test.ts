/**
 * Function calls that name a BIF go straight to it from the compiled call
 * (builtins/call-site.ts), but the search order must not change (ANSI
 * X3.274-1996 §7.2.5): an internal label of the program (not of an INTERPRET
 * string) comes first unless the name is quoted, and a function registered
 * later with registerBuiltin replaces the BIF at once.
 */
import { describe, expect, it } from 'vitest';
import { run, say, TestHost } from '../helpers.js';
import { lookupBuiltin, registerBuiltin } from '../../../src/rexx/builtins/registry.js';

describe('BIF call sites', () => {
  it('an internal label shadows the BIF; a quoted name does not see labels', () => {
    const src = "do i = 1 to 2; say length('abc') 'LENGTH'('abc'); end\nexit\nlength: return 'mine'\n";
    expect(say(src)).toBe('mine 3\nmine 3');
  });

  it('the labels searched are those of the program running an INTERPRET string', () => {
    const code = "interpret \"say length('abcd')\"";
    expect(say(`${code}\nexit\nlength: return 'own'\n`)).toBe('own');
    // the same string in a program without the label: the BIF
    expect(say(`${code}\n`)).toBe('4');
    expect(say(`${code}\nexit\nlength: return 'own'\n`)).toBe('own');
  });

  it('the same call site answers for a routine of another program tree', () => {
    // one tree reached both as the main program and as a called routine
    expect(say("call f\nsay length('xy')\nexit\nf: say length('abc'); return\n")).toBe('3\n2');
  });

  it('a BIF replaced with registerBuiltin is called at once, even within a run', () => {
    const original = lookupBuiltin('REVERSE')!;
    const replacement = { name: 'REVERSE', min: 1, max: 1, fn: (a: (string | undefined)[]) => `r:${a[0]}` };
    const host = new TestHost();
    // an external routine that replaces REVERSE between two calls of one call site
    host.externals.set('SWAP', {
      kind: 'native',
      fn: () => {
        registerBuiltin(replacement);
        return '';
      },
    });
    try {
      const r = run("do i = 1 to 3; say reverse('abc'); if i = 1 then call swap; end\n", [], host);
      expect(r.out).toBe('cba\nr:abc\nr:abc\n');
      registerBuiltin(original);
      expect(run("do i = 1 to 2; say reverse('abc'); end\n").out).toBe('cba\ncba\n');
    } finally {
      registerBuiltin(original);
    }
  });

  it('argument errors are reported as before, on the calling line', () => {
    const r = run("x = 1\nsay substr('abc', 0)\n");
    expect(r.error?.codeText).toBe('40.14');
    expect(r.err).toContain('line 2');
    // as Regina 3.6 says it
    const t = run("signal on syntax\nx = 1\nsay left('abc')\nexit\nsyntax: say condition('D') sigl rc\n");
    expect(t.out).toBe('Error 40.3: Not enough arguments in invocation of "LEFT"; minimum expected is 2 3 40\n');
  });
});
