import { describe, expect, it } from 'vitest';
import { bif, bifError, fakeContext } from './helpers.js';

describe('ADDRESS ARG SOURCELINE SYMBOL VALUE QUEUED ERRORTEXT (bif_misc)', () => {
  const src = ['/* ADDRESS ARG SOURCELINE SYMBOL VALUE QUEUED ERRORTEXT DIGITS */', "say 'addr.1' address()", "say 'src.1' sourceline()"];
  const c = fakeContext({ source: src, vars: { V: 'content', IDX: '3', 'ARR.3': 'third', NM: 'v' } });
  const f = (n: string, ...a: (string | number | undefined)[]) => bif(c, n, ...a);
  const err = (n: string, ...a: (string | number | undefined)[]) => bifError(c, n, ...a);
  it('gives the conformance answers', () => {
    expect(f('address')).toBe('SYSTEM');
    expect(f('sourceline')).toBe('3');
    expect(f('sourceline', 1)).toBe(src[0]);
    expect(f('sourceline', 3)).toBe(src[2]);
    expect(f('value', 'v')).toBe('content');
    expect(f('value', 'V', 'new content')).toBe('content');
    expect(c.vars.get('V')).toBe('new content');
    expect(f('value', 'ARR.3')).toBe('third');
    expect(f('value', 'undefined_thing')).toBe('UNDEFINED_THING');
    f('value', 'created', 99);
    expect(c.vars.get('CREATED')).toBe('99');
    expect([f('symbol', 'v'), f('symbol', 'arr.3'), f('symbol', 'arr.4'), f('symbol', '9x')]).toEqual(['VAR', 'VAR', 'LIT', 'LIT']);
    expect(f('queued')).toBe('0');
    c.host.queue.queue('x');
    expect(f('queued')).toBe('1');
    c.host.queue.pull();
    const texts: [number, string][] = [
      [4, 'Program interrupted'], [5, 'System resources exhausted'], [6, 'Unmatched "/*" or quote'],
      [7, 'WHEN or OTHERWISE expected'], [10, 'Unexpected or unmatched END'], [13, 'Invalid character in program'],
      [14, 'Incomplete DO/SELECT/IF'], [16, 'Label not found'], [17, 'Unexpected PROCEDURE'], [18, 'THEN expected'],
      [19, 'String or symbol expected'], [20, 'Name expected'], [21, 'Invalid data on end of clause'],
      [24, 'Invalid TRACE request'], [26, 'Invalid whole number'], [31, 'Name starts with number or "."'],
      [35, 'Invalid expression'], [36, 'Unmatched "(" in expression'], [40, 'Incorrect call to routine'],
      [41, 'Bad arithmetic conversion'], [42, 'Arithmetic overflow/underflow'], [43, 'Routine not found'],
      [44, 'Function did not return data'], [48, 'Failure in system service'], [0, ''], [49, 'Interpretation Error'],
    ];
    for (const [n, t] of texts) expect(f('errortext', n), String(n)).toBe(t);
  });
  it('ARG with options', () => {
    const main = fakeContext();
    expect([bif(main, 'arg'), bif(main, 'arg', 1), bif(main, 'arg', 1, 'O'), bif(main, 'arg', 1, 'E')]).toEqual(['0', '', '1', '0']);
    const sub = fakeContext({ args: ['x', undefined, 'z'] });
    expect([bif(sub, 'arg'), bif(sub, 'arg', 1), bif(sub, 'arg', 2), bif(sub, 'arg', 3)]).toEqual(['3', 'x', '', 'z']);
    expect([bif(sub, 'arg', 2, 'e'), bif(sub, 'arg', 2, 'o'), bif(sub, 'arg', 3, 'E'), bif(sub, 'arg', 4, 'Omitted')]).toEqual(['0', '1', '1', '1']);
    expect(bifError(sub, 'arg', 1, 'x')).toBe('Error 40.28: ARG argument 2, option must start with one of "ENO"; found "x"');
    expect(bifError(sub, 'arg', 0)).toBe('Error 40.14: ARG argument 1 must be positive; found "0"');
    expect(bifError(sub, 'arg', 1, '')).toBe('Error 40.21: ARG argument 2 must not be null');
    expect(bifError(sub, 'arg', 'a')).toBe('Error 40.12: ARG argument 1 must be a whole number; found "a"');
  });
  it('ERRORTEXT forms', () => {
    expect(f('errortext', '40.3')).toBe('Not enough arguments in invocation of "<bif>"; minimum expected is <argnumber>');
    expect(f('errortext', '40.03')).toBe('Not enough arguments in invocation of "<bif>"; minimum expected is <argnumber>');
    expect(f('errortext', '40.2')).toBe('');
    expect(f('errortext', 99)).toBe('');
    expect(f('errortext', 100)).toBe('[Unknown filesystem error]');
    expect(f('errortext', '1e1')).toBe('Unexpected or unmatched END');
    expect(f('errortext', 40, 'S')).toBe('Incorrect call to routine');
    expect(err('errortext', -1)).toBe('Error 40.13: ERRORTEXT argument 1 must be zero or positive; found "-1"');
    expect(err('errortext', 'x')).toBe('Error 40.11: ERRORTEXT argument 1 must be a number; found "x"');
    expect(err('errortext', '40.x')).toBe('Error 40.11: ERRORTEXT argument 1 must be a number; found "x"');
    expect(err('errortext', 40, 'x')).toBe('Error 40.28: ERRORTEXT argument 2, option must start with one of "NS"; found "x"');
    expect(err('errortext', 40, '')).toBe('Error 40.21: ERRORTEXT argument 2 must not be null');
  });
  it('errors of CONDITION SOURCELINE VALUE SYMBOL TRACE QUEUED', () => {
    expect(err('condition', 'x')).toBe('Error 40.28: CONDITION argument 1, option must start with one of "CEIDS"; found "x"');
    expect(err('condition', '')).toBe('Error 40.21: CONDITION argument 1 must not be null');
    expect(f('condition', 'cond')).toBe('SYNTAX');
    expect(f('condition')).toBe('SIGNAL');
    expect(f('condition', 'D')).toBe('Error 43.1: Could not find routine "X"');
    expect(err('sourceline', 0)).toBe('Error 40.14: SOURCELINE argument 1 must be positive; found "0"');
    expect(err('sourceline', 1000)).toBe(
      'Error 40.34: SOURCELINE argument 1 ("1000") must be less than or equal to the number of lines in the program (3)',
    );
    expect([f('symbol', ''), f('symbol', 'a b'), f('symbol', ' a'), f('symbol', '.a'), f('symbol', '#@$')]).toEqual(['BAD', 'BAD', 'BAD', 'LIT', 'LIT']);
    expect(err('value', '')).toBe('Error 40.26: VALUE argument 1 must be a valid symbol; found ""');
    expect(err('value', 'a b')).toBe('Error 40.26: VALUE argument 1 must be a valid symbol; found "a b"');
    expect(err('value', 'HOME', undefined, 'foo')).toBe('Error 40.37: VALUE argument 3 must be the name of a pool; found "foo"');
    expect(err('value', 'HOME', undefined, 'environment')).toBe('Error 40.37: VALUE argument 3 must be the name of a pool; found "environment"');
    expect(f('value', '3', 'x')).toBe('3');
    expect(err('trace', 'x')).toBe('Error 40.28: TRACE argument 1, option must start with one of "ACEFILNOR"; found "x"');
    expect(err('trace', '')).toBe('Error 40.21: TRACE argument 1 must not be null');
    expect(err('queued', 1)).toBe('Error 40.4: Too many arguments in invocation of "QUEUED"; maximum expected is 0');
    expect(err('address', 1)).toBe('Error 40.28: ADDRESS argument 1, option must start with one of "EINO"; found "1"');
  });
  it('VALUE on the ENVIRONMENT pool', () => {
    expect(f('value', 'VMREXX_T', undefined, 'ENVIRONMENT')).toBe('');
    expect(f('value', 'VMREXX_T', 'v', 'ENVIRONMENT')).toBe('');
    expect(f('value', 'VMREXX_T', undefined, 'SYSTEM')).toBe('v');
  });
  it('TRACE returns the old setting and sets the new one', () => {
    expect(f('trace')).toBe('N');
    expect(f('trace', '?r')).toBe('N');
    expect(f('trace')).toBe('?R');
    expect(f('trace', 'o')).toBe('?R');
    expect(f('trace', 'Normal')).toBe('O');
  });
  it('ADDRESS options (Regina)', () => {
    expect([f('address', 'N'), f('address', 'I'), f('address', 'O'), f('address', 'E')]).toEqual(['SYSTEM', 'INPUT NORMAL', 'REPLACE NORMAL', 'REPLACE NORMAL']);
  });
});

describe('DATATYPE (bif_datatype)', () => {
  const c = fakeContext();
  const d = (...a: (string | number | undefined)[]) => bif(c, 'datatype', ...a);
  it('gives the conformance answers', () => {
    expect([d(12), d('12x'), d(''), d(' 1.5e3 ')]).toEqual(['NUM', 'CHAR', 'CHAR', 'NUM']);
    expect([d('abc123', 'A'), d('abc 123', 'A'), d('', 'A')]).toEqual(['1', '0', '0']);
    expect([d('0101', 'B'), d('0102', 'B'), d('0101 1111', 'B'), d('', 'B')]).toEqual(['1', '0', '1', '1']);
    expect([d('011 0', 'B'), d(' 0101', 'B')]).toEqual(['0', '0']);
    expect([d('abc', 'L'), d('aBc', 'L'), d('', 'L')]).toEqual(['1', '0', '0']);
    expect([d('aBc', 'M'), d('aB1', 'M')]).toEqual(['1', '0']);
    expect([d('12.5', 'N'), d('-1e-3', 'N'), d('1e', 'N'), d('.', 'N')]).toEqual(['1', '1', '0', '0']);
    expect([d('abc', 'S'), d('a.b.c', 'S'), d('1abc', 'S'), d('a-b', 'S')]).toEqual(['1', '1', '1', '0']);
    expect([d('@#$!?_', 'S'), d('', 'S'), d('.5', 'S')]).toEqual(['1', '0', '1']);
    expect([d('ABC', 'U'), d('AbC', 'U'), d('A B', 'U')]).toEqual(['1', '0', '0']);
    expect([d('12', 'W'), d('12.0', 'W'), d('12.5', 'W'), d('1e2', 'W')]).toEqual(['1', '1', '0', '1']);
    expect([d('-7', 'W'), d(' 3 ', 'W'), d('1.5e1', 'W'), d('abc', 'W')]).toEqual(['1', '1', '1', '0']);
    expect([d('1f', 'X'), d('1g', 'X'), d('12 ab', 'X'), d('', 'X')]).toEqual(['1', '0', '1', '1']);
    expect([d('1 2 3', 'X'), d('abcdef', 'X'), d('12 3', 'X')]).toEqual(['0', '1', '0']);
    expect([d('12', 'w'), d('ab', 'upper'), d('ab', 'lowercase')]).toEqual(['1', '0', '1']);
  });
  it('matches Regina on the corners', () => {
    expect([d('1e9', 'W'), d('123456789', 'W'), d('1234567890', 'W'), d('-0', 'W'), d('1.', 'W')]).toEqual(['0', '1', '0', '1', '1']);
    expect([d('- 1', 'N'), d('+ 1', 'N'), d('1 ', 'N'), d('1e 3', 'N'), d('', 'N'), d(' ')]).toEqual(['1', '1', '1', '0', '0', 'CHAR']);
    expect([d(' ', 'X'), d(' ', 'B'), d('ab ', 'X'), d('', 'M'), d('', 'U')]).toEqual(['0', '0', '0', '0', '0']);
    expect(bif(fakeContext({ digits: 100 }), 'datatype', '1' + '0'.repeat(99), 'W')).toBe('1');
    // an exponent past the 9 digits ANSI allows makes no number (Regina 3.6 says so too)
    expect([d('1e9999999999'), d('1E-1000000000', 'N'), d('0e99999999999', 'W'), d('1E999999999'), d('1E-999999999', 'N')]).toEqual(['CHAR', '0', '0', 'NUM', '1']);
    expect(bifError(c, 'datatype', 'a', 'Q')).toBe('Error 40.28: DATATYPE argument 2, option must start with one of "ABLMNSUWX"; found "Q"');
    expect(bifError(c, 'datatype', 'a', '')).toBe('Error 40.21: DATATYPE argument 2 must not be null');
    expect(bifError(c, 'datatype', '12', ' W')).toBe('Error 40.28: DATATYPE argument 2, option must start with one of "ABLMNSUWX"; found " W"');
  });
});

describe('VM extensions', () => {
  const c = fakeContext();
  it('USERID LINESIZE EXTERNALS', () => {
    expect(bif(c, 'userid')).toBe('TESTER');
    expect(bif(c, 'linesize')).toBe('80');
    expect(bif(c, 'externals')).toBe('0');
  });
});
