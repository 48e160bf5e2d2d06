/**
 * PARSE VAR / PARSE VALUE run by the compiled clause (interpreter.ts
 * compileClause 'parse', parse-template.ts parseItems): untraced, targets are
 * set through their compiled assigners; traced, every assignment still goes
 * through assign() and is traced. Expected output is Regina 3.6's.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../helpers.js';
import { codegenOptions } from '../../../src/rexx/evaluator/codegen.js';

const PROGRAM = "s. = 'none'; out = ''\ndo i = 1 to 3\n  rec = 'k'i' alpha beta  gamma delta'\n  parse var rec key w1 . s.i rest\n  out = out key'/'w1'/'s.i'/'rest'|'\n  parse upper value rec with 3 x +4 . 'GAMMA' y\n  out = out x'/'y'|'\n  call sub i\nend\nsay out\nsay s.1 s.2 s.3 s.4\nexit\nsub: procedure expose s.\n  arg n\n  parse value 'p q r' with a (n) b\n  parse value 'one two' with s. z\n  say n a'/'||b'/'z s.9\n  return\n";

describe('compiled PARSE', () => {
  it('sets simple, compound and stem targets, placeholders and patterns as Regina does', () => {
    expect(run(PROGRAM).out).toBe('1 p q r//two one\n2 p q r//two one\n3 p q r//two one\n k1/alpha/gamma/delta|  ALP/ DELTA| k2/alpha/gamma/delta|  ALP/ DELTA| k3/alpha/gamma/delta|  ALP/ DELTA|\none one one one\n');
  });

  it('still traces every assignment under TRACE R', () => {
    const r = run("trace r\nparse value 'ab cd' with x y\nsay x'-'y\n");
    const all = r.out + r.err;
    expect(all).toContain('>>>   "ab"');
    expect(all).toContain('>>>   "cd"');
    expect(r.out).toContain('ab-cd');
  });

  it('in a compiled loop: every kind of source, with the region compiler and without', () => {
    const src = [
      "st. = 'stem default'; out = ''; rec.1 = 'a1 b1 c1'; rec.2 = 'a2 b2 c2'",
      'do k = 1 to 20',
      '  j = k // 2 + 1; line = rec.j',
      '  parse var rec.j x y',
      '  parse var line . m .',
      "  parse value f(k) with 'v' n",
      '  parse upper var line u1 u2',
      '  parse lower value u1 u2 with l1 l2',
      "  parse value 'k='k with 'k=' kk, z",
      '  parse var st. s1 s2',
      '  parse value with e1 e2',
      "  out = out x'/'y'/'m'/'n'/'u1'/'u2'/'l1'/'l2'/'kk'/'s1'/'s2'/'e1 || e2 || ';'",
      'end',
      'say out',
      'exit',
      "f: return 'v'arg(1)",
    ].join('\n');
    const outs = [true, false].map((enabled) => {
      codegenOptions.enabled = enabled;
      try {
        return run(src).out;
      } finally {
        codegenOptions.enabled = true;
      }
    });
    expect(outs[0]).toBe(outs[1]);
    expect(outs[0]).toContain('a2/b2 c2/b2/19/A2/B2 C2/a2/b2 c2/19/stem/default/;');
    expect(outs[0]).toContain('a1/b1 c1/b1/20/A1/B1 C1/a1/b1 c1/20/stem/default/;');
  });
});

