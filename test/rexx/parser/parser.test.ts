import { describe, it, expect } from 'vitest';
import { parseProgram } from '../../../src/rexx/parser/program.js';
import { RexxError } from '../../../src/rexx/errors.js';
import type { Clause, Expr } from '../../../src/rexx/ast.js';

const clauses = (src: string): Clause[] => parseProgram(src, 't').clauses;
const kinds = (src: string) => clauses(src).map((c) => c.k);

function show(e: Expr): string {
  switch (e.k) {
    case 'lit':
      return JSON.stringify(e.v);
    case 'var':
    case 'stem':
      return e.name;
    case 'comp':
      return e.name;
    case 'call':
      return `${e.name}(${e.args.map((a) => (a ? show(a) : '_')).join(',')})`;
    case 'bin':
      return `(${show(e.l)} ${e.op} ${show(e.r)})`;
    case 'concat':
      return `(${show(e.l)} ${e.blank ? '_' : '||'} ${show(e.r)})`;
    case 'pre':
      return `${e.op}${show(e.e)}`;
  }
}

function expr(src: string): string {
  const c = clauses('x = ' + src)[0]!;
  if (c.k !== 'assign') throw new Error('not an assignment');
  return show(c.e);
}

function parseError(src: string): string {
  try {
    parseProgram(src, 't');
  } catch (e) {
    if (e instanceof RexxError) return `${e.codeText}@${e.line}`;
    throw e;
  }
  return 'no error';
}

describe('clause classification', () => {
  it('keywords are not reserved: an assignment to SAY', () => {
    expect(kinds('say = 1')).toEqual(['assign']);
    expect(kinds('say 1')).toEqual(['say']);
    expect(kinds('if = 2; do.1 = 3')).toEqual(['assign', 'assign']);
  });
  it('labels, also several on a line and before an instruction', () => {
    expect(kinds('a: b: say 1')).toEqual(['label', 'label', 'say']);
  });
  it('a clause that is an expression is a command', () => {
    expect(kinds("'ls -l'")).toEqual(['command']);
    expect(kinds('a == b')).toEqual(['command']);
  });
  it('several clauses per line and THEN/ELSE starting clauses', () => {
    expect(kinds('if a then say 1; else say 2')).toEqual(['if', 'say', 'jump', 'say']);
    expect(kinds('if a\nthen\nsay 1\nelse\nsay 2')).toEqual(['if', 'say', 'jump', 'say']);
  });
  it('IF jumps: false goes past the THEN branch', () => {
    const c = clauses('if a then say 1; else say 2; say 3');
    expect((c[0] as { elseIdx: number }).elseIdx).toBe(3);
    expect((c[2] as { to: number }).to).toBe(4);
  });
  it('SELECT lays out WHEN chains and adds the missing-OTHERWISE error', () => {
    expect(kinds('select; when a then nop; when b then nop; end')).toEqual([
      'select', 'when', 'nop', 'jump', 'when', 'nop', 'jump', 'error', 'end',
    ]);
  });
  it('DO forms', () => {
    const spec = (s: string) => (clauses(s)[0] as Extract<Clause, { k: 'do' }>).spec;
    expect(spec('do; end').kind).toBe('simple');
    expect(spec('do forever; end').kind).toBe('forever');
    expect(spec('do 5; end').kind).toBe('count');
    const c = spec('do i = 1 by 2 to 10 for 3 while i < 8; end');
    expect(c.kind).toBe('ctrl');
    expect(c.order).toEqual(['by', 'to', 'for']);
    expect(c.whileE).toBeDefined();
  });
});

describe('expressions', () => {
  it('abuttal versus blank concatenation', () => {
    expect(expr("a'x'")).toBe('(A || "x")');
    expect(expr("a 'x'")).toBe('(A _ "x")');
    expect(expr('a /* c */ b')).toBe('(A _ B)');
    expect(expr('a/**/b')).toBe('(A || B)');
  });
  it('function call needs the parenthesis to abut', () => {
    expect(expr('f(1, ,2)')).toBe('F("1",_,"2")');
    expect(expr('f (1)')).toBe('(F _ "1")');
    expect(expr("'f'(1)")).toBe('f("1")');
  });
  it('precedence: prefix binds tighter than **, ** left to right', () => {
    expect(expr('-2**2')).toBe('(-"2" ** "2")');
    expect(expr('2**3**2')).toBe('(("2" ** "3") ** "2")');
    expect(expr('1 + 2 * 3')).toBe('("1" + ("2" * "3"))');
    expect(expr("a || b = 'ab'")).toBe('((A || B) = "ab")');
    expect(expr('a | b & c')).toBe('(A | (B & C))');
    expect(expr("'a' 'b' = 'a b'")).toBe('(("a" _ "b") = "a b")');
  });
  it('= is comparison inside expressions', () => {
    expect(expr('a = b')).toBe('(A = B)');
  });
  it('compound symbols', () => {
    const c = clauses('x = a.b.1')[0] as Extract<Clause, { k: 'assign' }>;
    expect(c.e).toMatchObject({ k: 'comp', stem: 'A.', tail: [{ v: 'B' }, { c: '1' }] });
  });
});

describe('syntax errors are found before the program runs', () => {
  it('END without DO is 10.1', () => expect(parseError('say 1\nend')).toBe('10.1@2'));
  it('incomplete DO is 14.1', () => expect(parseError('do i = 1 to 2\nsay i')).toBe('14.1@2'));
  it('THEN expected is 18.1', () => expect(parseError('if a say 1')).toBe('18.1@1'));
  it('invalid expression is 35.1', () => expect(parseError('say 1 + * 2')).toBe('35.1@1'));
  it('unmatched ( is 36', () => expect(parseError('say (1 + 2')).toBe('36@1'));
  it('unexpected ) is 37.2', () => expect(parseError('say 1 + 2)')).toBe('37.2@1'));
  it('ELSE without IF is 8.2', () => expect(parseError('else say 1')).toBe('8.2@1'));
  it('WHEN outside SELECT is 9.1', () => expect(parseError('when 1 then nop')).toBe('9.1@1'));
  it('SELECT without WHEN is 7.1', () => expect(parseError('select\notherwise nop\nend')).toBe('7.1@2'));
  it('assigning to a number is 31.1', () => expect(parseError('1 = 2')).toBe('31.1@1'));
  it('END name mismatch is 10.3', () => expect(parseError('do i = 1 to 2; end j')).toBe('10.3@1'));
  it('duplicate TO is 27.1', () => expect(parseError('do i = 1 to 2 to 3; end')).toBe('27.1@1'));
  it('TO, BY or FOR after a repetition count is 27.1 (as Regina)', () => {
    expect(parseError('do 3 to 5; end')).toBe('27.1@1');
    expect(parseError('do x by 2; end')).toBe('27.1@1');
    expect(parseError('do (1) for 3; end')).toBe('27.1@1');
    expect(parseError('do w over = 1 to 2; end')).toBe('27.1@1');
    expect(parseError('do forever to 2; end')).toBe('27.1@1');
    expect(parseError('do 2 while 0; end')).toBe('no error');
  });
});

describe('PARSE templates', () => {
  it('parses literal, variable, absolute and relative patterns', () => {
    const c = clauses("parse var x a ',' b (d) c 5 e +2 f -1 g =(h) i . j")[0] as Extract<Clause, { k: 'parse' }>;
    expect(c.tpl[0]!.map((i) => i.k)).toEqual([
      'target', 'lit', 'target', 'varpat', 'target', 'abs', 'target', 'rel', 'target', 'rel', 'target', 'abs', 'target', 'target', 'target',
    ]);
  });
  it('commas separate templates', () => {
    const c = clauses('parse arg a, b c, d')[0] as Extract<Clause, { k: 'parse' }>;
    expect(c.tpl.length).toBe(3);
  });
});
