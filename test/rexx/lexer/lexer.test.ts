import { describe, it, expect } from 'vitest';
import { tokenize, chevrotainLex } from '../../../src/rexx/lexer/lexer.js';
import { RexxError } from '../../../src/rexx/errors.js';

const kinds = (src: string) => tokenize(src).map((t) => `${t.tokenType.name}:${t.image}`);

function lexError(src: string): string {
  try {
    tokenize(src);
  } catch (e) {
    if (e instanceof RexxError) return `${e.codeText}@${e.line}`;
    throw e;
  }
  return 'no error';
}

describe('lexer', () => {
  it('skips nested comments', () => {
    expect(kinds('say /* a /* b */ c */ 1')).toEqual(['Symbol:say', 'Symbol:1']);
  });
  it('reports an unterminated comment as Error 6.1 with its line', () => {
    expect(lexError('say 1\n/* open /* nested */\nsay 2')).toBe('6.1@2');
  });
  it('reads strings with doubled quotes', () => {
    const t = tokenize(`'it''s' "say ""hi"""`);
    expect(t.map((x) => x.value)).toEqual(["it's", 'say "hi"']);
  });
  it('reports unmatched quotes as 6.2 and 6.3', () => {
    expect(lexError("say 'abc")).toBe('6.2@1');
    expect(lexError('x = 1\nsay "abc')).toBe('6.3@2');
  });
  it('converts hex and binary strings, including odd first groups and blanks at byte boundaries', () => {
    const t = tokenize(`'41 42'x 'abc'X '0100 0001'b '1'b ''x`);
    expect(t.map((x) => x.value)).toEqual(['AB', '\x0a\xbc', 'A', '\x01', '']);
    expect(t.map((x) => x.strKind)).toEqual(['X', 'X', 'B', 'B', 'X']);
  });
  it('rejects bad hex strings with Error 15', () => {
    expect(lexError(`say ' 41'x`)).toBe('15.1@1');
    expect(lexError(`say '4G'x`)).toBe('15.3@1');
    expect(lexError(`say '102'b`)).toBe('15.4@1');
  });
  it('does not take x as a radix when a symbol character follows', () => {
    expect(kinds(`'a'xyz`)).toEqual(['StringLit:\'a\'', 'Symbol:xyz']);
  });
  it('keeps signed exponents in constant symbols', () => {
    expect(kinds('1e+5 + 2.5E-3 a+5')).toEqual(['Symbol:1e+5', 'Op_+:+', 'Symbol:2.5E-3', 'Symbol:a', 'Op_+:+', 'Symbol:5']);
  });
  it('accepts the symbol characters @ # $ ! ? _ .', () => {
    expect(kinds('a@#$!?_.b')).toEqual(['Symbol:a@#$!?_.b']);
  });
  it('joins composite operators, also with blanks between their characters', () => {
    expect(tokenize('a >= b').map((t) => t.op).filter(Boolean)).toEqual(['>=']);
    expect(tokenize('a > = b').map((t) => t.op).filter(Boolean)).toEqual(['>=']);
    expect(tokenize('a \\== b').map((t) => t.op).filter(Boolean)).toEqual(['\\==']);
    expect(tokenize('a ** -b').map((t) => t.op).filter(Boolean)).toEqual(['**', '-']);
    expect(tokenize('a = \\b').map((t) => t.op).filter(Boolean)).toEqual(['=', '\\']);
  });
  it('marks blanks before tokens; comments alone are not blanks', () => {
    const t = tokenize("a 'x' b/* c */'y'");
    expect(t.map((x) => x.space)).toEqual([false, true, true, false]);
  });
  it('treats a continuation comma as a blank and ends clauses at line ends', () => {
    expect(kinds('say a,\n  b\nsay c')).toEqual(['Symbol:say', 'Symbol:a', 'Symbol:b', 'Eol:\n', 'Symbol:say', 'Symbol:c']);
    expect(tokenize('say a,  /* x */\n b')[2]!.space).toBe(true);
  });
  it('reports invalid characters as Error 13.1', () => {
    expect(lexError('say 1\nsay ~')).toBe('13.1@2');
  });
  it('treats byte values above 127 in strings as bytes', () => {
    const t = tokenize("'\xc3\xa9'");
    expect(t[0]!.value.length).toBe(2);
  });
  it('counts lines by LF alone in a CRLF text, as Regina does (fast lexer and Chevrotain alike)', () => {
    const text = "say 'a'\r\ncall f /* x\r\n y */\r\n\r\nsay 1 +\r\n";
    const lines = (toks: { image: string; startLine?: number }[]) => toks.map((t) => `${t.image.trim()}@${t.startLine}`);
    // (the line ends trim to '')
    expect(lines(tokenize(text)).filter((x) => !x.startsWith('@'))).toEqual(['say@1', "'a'@1", 'call@2', 'f@2', 'say@5', '1@5', '+@5']);
    expect(lines(chevrotainLex(text).tokens)).toEqual(lines(tokenize(text)));
  });
});
