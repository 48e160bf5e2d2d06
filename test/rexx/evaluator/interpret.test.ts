/**
 * INTERPRET (ANSI X3.274-1996 §7.4.x) through its fast paths: strings of
 * assignments run without an activation the first time (from the fast
 * front end's scan), as a tree walk or compiled closures later, and DO loops
 * parsed by the fast front end. The expected results are Regina 3.6's.
 */
import { describe, expect, it } from 'vitest';
import { run, say, errorOf, TestHost } from '../helpers.js';

describe('INTERPRET fast paths', () => {
  it('shares variables with the caller, the first time and when strings come again', () => {
    const src = [
      's.1 = 10; k = 1; x0 = 0; n0 = 1',
      'do i = 1 to 4',
      "  interpret 'x = x0 + i * 2; s.k = s.k + x; t.i = i'",
      '  x0 = x',
      'end',
      'say x x0 s.1 t.3 t.4',
      "interpret 'do j = 1 to 3; n = n0 + j; end j'",
      'say j n',
      'n0 = 5',
      "do 3; interpret 'do j = 1 to 3; n = n0 + j; end j'; end",
      'say j n',
      "interpret 'a = 1;; b = a + 1 ;'",
      'say a b',
      "interpret 'u = u'",
      'say u',
    ].join('\n');
    expect(say(src)).toBe('20 20 50 3 4\n4 4\n4 8\n1 2\nU');
  });

  it('gives each distinct string of a loop its own result', () => {
    const src = [
      'sum = 0',
      'do i = 1 to 300',
      "  interpret 'x' || i // 5 '=' i '*' 3 '+' i // 7",
      "  interpret 'sum = sum + x' || i // 5",
      "  if i // 100 = 0 then interpret 'do j = 1 to 5; sum = sum + j * ' i '; end'",
      'end',
      'say sum x0 x4',
    ].join('\n');
    // the same program with the strings written out as clauses
    const plain = [
      'sum = 0',
      'do i = 1 to 300',
      '  v = i * 3 + i // 7',
      "  interpret 'x' || i // 5 '= v'",
      '  sum = sum + value(x || i // 5)',
      '  if i // 100 = 0 then do j = 1 to 5; sum = sum + j * i; end',
      'end',
      'say sum x0 x4',
    ].join('\n');
    expect(say(src)).toBe(say(plain));
  });

  it('reports an error in a string of assignments at the INTERPRET clause, first time or not', () => {
    for (const times of [1, 2, 3]) {
      const src = `a = 'abc'\nsay 'before'\ndo ${times}\n  interpret 'b = 1; c = a + 1'\nend`;
      const r = run(src);
      expect(r.error?.codeText).toBe('41.1');
      expect(r.report).toEqual([
        "     4 +++ interpret 'b = 1; c = a + 1'",
        'Error 41 running "test.rexx", line 4: Bad arithmetic conversion',
      ]);
      expect(r.out).toBe('before\n');
    }
  });

  it('leaves trapped conditions and tracing to the full path', () => {
    expect(say("signal on syntax\na = 0\ninterpret 'b = 1 / a'\nsay 'no'\nexit\nsyntax:\nsay 'trapped' rc sigl condition('C') b")).toBe(
      'trapped 42 3 SYNTAX B',
    );
    expect(say("signal on novalue\ninterpret 'x = y + 1'\nsay 'no'\nexit\nnovalue:\nsay 'novalue' condition('D') sigl")).toBe('novalue Y 2');
    const host = new TestHost();
    run("trace r\ninterpret 'x = 1 + 2'\ninterpret 'x = 1 + 2'", [], host);
    expect(host.err).toContain('     1 *-* x = 1 + 2\n       >>>   "3"\n');
  });

  it('keeps NUMERIC settings of the caller', () => {
    expect(say("numeric digits 5\ninterpret 'x = 123456 * 7; y = 2 / 3'\nsay x y\ndo i = 1 to 2; interpret 'z = 12345 + 67890'; end\nsay z")).toBe(
      '8.6419E+5 0.66667\n80235',
    );
  });

  it('runs LEAVE, ITERATE, RETURN, EXIT and nested INTERPRET in the string', () => {
    expect(say("interpret \"interpret 'q = 7'\"; say q")).toBe('7');
    expect(say("interpret 'do i = 1 to 10; if i = 4 then leave; end'; say i")).toBe('4');
    expect(say("call sub; say result; exit; sub: interpret 'return 5 + 1'")).toBe('6');
    expect(say("say f(); exit; f: procedure; interpret 'y = 2; return y * 21'")).toBe('42');
    const r = run("x = 1; interpret 'do k = 1 to 3; x = x * 2; end; exit x'; say 'no'");
    expect(r.out).toBe('');
    expect(r.result).toBe('8');
  });

  it('refuses labels and PROCEDURE in the string, and reports syntax errors at the INTERPRET', () => {
    expect(errorOf("interpret 'x = 1; l: y = 2'")).toBe('47.1');
    expect(errorOf("call g; exit; g:\ninterpret 'procedure'\nreturn")).toBe('17.1');
    const r = run("say 1\ninterpret 'x = 1 +'");
    expect(r.error?.codeText).toBe('35.1');
    expect(r.error?.line).toBe(2);
    expect(errorOf("interpret 'do j = 1 to 3; x = j'")).toBe('14.1');
  });
});
