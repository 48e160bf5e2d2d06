import { describe, expect, it } from 'vitest';
import { bif, bifError, fakeContext, x } from './helpers.js';

const c = fakeContext();
const f = (n: string, ...a: (string | number | undefined)[]) => bif(c, n, ...a);
const err = (n: string, ...a: (string | number | undefined)[]) => bifError(c, n, ...a);

describe('SUBSTR LEFT RIGHT CENTER LENGTH (bif_substr_left_right)', () => {
  const s = 'abcdefgh';
  it('gives the conformance answers', () => {
    expect(f('substr', s, 3)).toBe('cdefgh');
    expect(f('substr', s, 3, 2)).toBe('cd');
    expect(f('substr', s, 7, 5)).toBe('gh   ');
    expect(f('substr', s, 7, 5, '*')).toBe('gh***');
    expect(f('substr', s, 10)).toBe('');
    expect(f('substr', s, 10, 3, '.')).toBe('...');
    expect(f('substr', s, 1, 0)).toBe('');
    expect(f('substr', '', 1, 2)).toBe('  ');
    expect(f('substr', s, 1)).toBe(s);
    expect(f('substr', s, 9)).toBe('');
    expect(f('left', s, 3)).toBe('abc');
    expect(f('left', s, 10)).toBe('abcdefgh  ');
    expect(f('left', s, 10, '-')).toBe('abcdefgh--');
    expect(f('left', s, 0)).toBe('');
    expect(f('left', '', 3, 'x')).toBe('xxx');
    expect(f('right', s, 3)).toBe('fgh');
    expect(f('right', s, 10)).toBe('  abcdefgh');
    expect(f('right', 12, 5, 0)).toBe('00012');
    expect(f('right', s, 0)).toBe('');
    expect(f('right', 'abc', 2)).toBe('bc');
    expect(f('center', 'abc', 7)).toBe('  abc  ');
    expect(f('center', 'abc', 8)).toBe('  abc   ');
    expect(f('centre', 'abc', 8, '*')).toBe('**abc***');
    expect(f('center', 'abcdefg', 3)).toBe('cde');
    expect(f('center', 'abcdefgh', 3)).toBe('cde');
    expect(f('center', 'ab', 5, '=')).toBe('=ab==');
    expect(f('center', 'abc', 0)).toBe('');
    expect(f('centre', 'abcd', 2)).toBe('bc');
    expect([f('length', s), f('length', ''), f('length', ' '), f('length', '12.50')]).toEqual(['8', '0', '1', '5']);
  });
  it('checks arguments as Regina does', () => {
    expect(err('substr', 'abc', '1.5')).toBe('Error 40.12: SUBSTR argument 2 must be a whole number; found "1.5"');
    expect(err('substr', 'abc', 0)).toBe('Error 40.14: SUBSTR argument 2 must be positive; found "0"');
    expect(err('substr', 'abc', 'x')).toBe('Error 40.12: SUBSTR argument 2 must be a whole number; found "x"');
    expect(err('substr', 'abc', 1, -1)).toBe('Error 40.13: SUBSTR argument 3 must be zero or positive; found "-1"');
    expect(err('substr', 'abc', 1, '')).toBe('Error 40.12: SUBSTR argument 3 must be a whole number; found ""');
    expect(err('substr', 'abc', 1, 2, 'xx')).toBe('Error 40.23: SUBSTR argument 4 must be a single character; found "xx"');
    expect(err('substr', 'abc', 1, 2, '')).toBe('Error 40.23: SUBSTR argument 4 must be a single character; found ""');
    expect(err('substr', 'abc')).toBe('Error 40.3: Not enough arguments in invocation of "SUBSTR"; minimum expected is 2');
    expect(err('substr', 'abc', 1, 2, 'x', 4)).toBe('Error 40.4: Too many arguments in invocation of "SUBSTR"; maximum expected is 4');
    // the standard's 40.5 (Regina says 40.3 here)
    expect(err('substr', undefined, 2)).toBe('Error 40.5: Missing argument in invocation of "SUBSTR"; argument 1 is required');
    expect(err('left', 'abc', '2.5')).toBe('Error 40.12: LEFT argument 2 must be a whole number; found "2.5"');
    expect(err('left', 'abcdef', -2)).toBe('Error 40.13: LEFT argument 2 must be zero or positive; found "-2"');
    expect(err('center', 'abc', -1)).toBe('Error 40.13: CENTER argument 2 must be zero or positive; found "-1"');
  });
  it('accepts whole numbers in any form and rounds to DIGITS', () => {
    expect(f('substr', 'abc', '1e0')).toBe('abc');
    expect(f('substr', 'abc', ' 2 ')).toBe('bc');
    expect(f('substr', 'abc', '2.0')).toBe('bc');
    expect(f('substr', 'abc', 1234567890)).toBe('');
  });
});

describe('COMPARE ABBREV (bif_compare_abbrev)', () => {
  it('gives the conformance answers', () => {
    expect(f('compare', 'abc', 'abc')).toBe('0');
    expect(f('compare', 'abc', 'abd')).toBe('3');
    expect(f('compare', 'abc', 'ab')).toBe('3');
    expect(f('compare', 'ab ', 'ab')).toBe('0');
    expect(f('compare', 'ab-', 'ab', '-')).toBe('0');
    expect(f('compare', '', '')).toBe('0');
    expect(f('compare', '', 'x')).toBe('1');
    expect(f('compare', 'xyz', 'Xyz')).toBe('1');
    expect(f('compare', 'aaa', 'aab', 'b')).toBe('3');
    expect(f('abbrev', 'PRINT', 'PRI')).toBe('1');
    expect(f('abbrev', 'PRINT', 'PRI', 4)).toBe('0');
    expect(f('abbrev', 'PRINT', 'PRINT', 5)).toBe('1');
    expect(f('abbrev', 'PRINT', 'PRINTER')).toBe('0');
    expect(f('abbrev', 'PRINT', '')).toBe('1');
    expect(f('abbrev', 'PRINT', '', 0)).toBe('1');
    expect(f('abbrev', 'PRINT', 'pri')).toBe('0');
    expect(f('abbrev', 'PRINT', 'PRX')).toBe('0');
    expect(f('abbrev', '', '')).toBe('1');
    expect(f('abbrev', 'PRINT', 'P', 1)).toBe('1');
    expect(f('abbrev', 'abc', '', 1)).toBe('0');
  });
  it('errors', () => {
    expect(err('abbrev', 'abc', 'a', -1)).toBe('Error 40.13: ABBREV argument 3 must be zero or positive; found "-1"');
    expect(err('compare', 'a', 'b', 'xx')).toBe('Error 40.23: COMPARE argument 3 must be a single character; found "xx"');
  });
});

describe('POS LASTPOS COUNTSTR CHANGESTR (bif_search)', () => {
  const s = 'the cat sat on the mat';
  it('gives the conformance answers', () => {
    expect([f('pos', 'at', s), f('pos', 'at', s, 7), f('pos', 'dog', s), f('pos', '', s), f('pos', 't', s, 100), f('pos', 'the', s, 2), f('pos', ' ', s)])
      .toEqual(['6', '10', '0', '0', '0', '16', '4']);
    expect([f('lastpos', 'at', s), f('lastpos', 'at', s, 20), f('lastpos', 'at', s, 6), f('lastpos', 'zz', s), f('lastpos', '', s), f('lastpos', 't', s, 1), f('lastpos', 'mat', s, 100)])
      .toEqual(['21', '10', '0', '0', '0', '1', '20']);
    expect([f('index', s, 'cat'), f('index', s, 'the', 2), f('index', s, 'xyz')]).toEqual(['5', '16', '0']);
    expect([f('countstr', 'at', s), f('countstr', 'aa', 'aaaaa'), f('countstr', 'x', s), f('countstr', '', s)]).toEqual(['3', '2', '0', '0']);
    expect(f('changestr', 'at', s, 'og')).toBe('the cog sog on the mog');
    expect(f('changestr', 'aa', 'aaaaa', 'b')).toBe('bba');
    expect(f('changestr', ' ', s, '')).toBe('thecatsatonthemat');
    expect(f('changestr', 'q', s, 'z')).toBe(s);
    expect(f('changestr', 'a', 'banana', 'aa')).toBe('baanaanaa');
    expect(f('changestr', '', 'abc', 'x')).toBe('abc');
  });
  it('errors', () => {
    expect(err('index', 'abc', 'b', 0)).toBe('Error 40.14: POS argument 3 must be positive; found "0"');
    expect(err('pos', 'a', 'abc', 0)).toBe('Error 40.14: POS argument 3 must be positive; found "0"');
  });
});

describe('INSERT OVERLAY DELSTR (bif_insert_overlay)', () => {
  it('gives the conformance answers', () => {
    expect(f('insert', 'XY', 'abcdef', 2)).toBe('abXYcdef');
    expect(f('insert', 'XY', 'abcdef')).toBe('XYabcdef');
    expect(f('insert', 'XY', 'abcdef', 6)).toBe('abcdefXY');
    expect(f('insert', 'XY', 'abc', 5, undefined, '.')).toBe('abc..XY');
    expect(f('insert', 'XY', 'abc', 1, 4)).toBe('aXY  bc');
    expect(f('insert', 'XY', 'abc', 1, 1)).toBe('aXbc');
    expect(f('insert', '', 'abc', 1, 3, '*')).toBe('a***bc');
    expect(f('insert', '123', '', 0)).toBe('123');
    expect(f('insert', '-', 'abc', 0, 3, '+')).toBe('-++abc');
    expect(f('overlay', 'XY', 'abcdef', 2)).toBe('aXYdef');
    expect(f('overlay', 'XY', 'abcdef')).toBe('XYcdef');
    expect(f('overlay', 'XY', 'abcdef', 6)).toBe('abcdeXY');
    expect(f('overlay', 'XY', 'abc', 6, undefined, '.')).toBe('abc..XY');
    expect(f('overlay', 'XYZ', 'abcdef', 2, 1)).toBe('aXcdef');
    expect(f('overlay', 'X', 'abcdef', 2, 3, '_')).toBe('aX__ef');
    expect(f('overlay', '', 'abcdef', 2, 2)).toBe('a  def');
    expect(f('overlay', 'XY', '', 1)).toBe('XY');
    expect(f('delstr', 'abcdef', 3)).toBe('ab');
    expect(f('delstr', 'abcdef', 3, 2)).toBe('abef');
    expect(f('delstr', 'abcdef', 7)).toBe('abcdef');
    expect(f('delstr', 'abcdef', 1, 0)).toBe('abcdef');
    expect(f('delstr', 'abcdef', 1)).toBe('');
    expect(f('delstr', 'abcdef', 5, 100)).toBe('abcd');
  });
  it('errors', () => {
    expect(err('insert', 'a', 'b', -1)).toBe('Error 40.13: INSERT argument 3 must be zero or positive; found "-1"');
    expect(err('overlay', 'a', 'b', 0)).toBe('Error 40.14: OVERLAY argument 3 must be positive; found "0"');
  });
});

describe('STRIP COPIES REVERSE (bif_strip_space_copies)', () => {
  const s = '   two  words   ';
  it('gives the conformance answers', () => {
    expect(f('strip', s)).toBe('two  words');
    expect(f('strip', s, 'L')).toBe('two  words   ');
    expect(f('strip', s, 't')).toBe('   two  words');
    expect(f('strip', s, 'B')).toBe('two  words');
    expect(f('strip', 'xxaxx', undefined, 'x')).toBe('a');
    expect(f('strip', 'xxaxx', 'L', 'x')).toBe('axx');
    expect(f('strip', '0012.300', 'T', 0)).toBe('0012.3');
    expect(f('strip', '')).toBe('');
    expect(f('strip', '    ')).toBe('');
    expect(f('strip', '--a-b--', 'Both', '-')).toBe('a-b');
    expect(f('copies', 'ab', 3)).toBe('ababab');
    expect(f('copies', 'ab', 0)).toBe('');
    expect(f('copies', '', 5)).toBe('');
    expect(f('reverse', 'stressed')).toBe('desserts');
    expect(f('reverse', '')).toBe('');
    expect(f('reverse', ' ab ')).toBe(' ba ');
    expect(f('reverse', '12.5')).toBe('5.21');
  });
  it('errors', () => {
    expect(err('strip', 'abc', 'x')).toBe('Error 40.28: STRIP argument 2, option must start with one of "LTB"; found "x"');
    expect(err('strip', 'abc', '')).toBe('Error 40.21: STRIP argument 2 must not be null');
    expect(err('strip', 'abc', 'b', 'xx')).toBe('Error 40.23: STRIP argument 3 must be a single character; found "xx"');
    expect(err('copies', 'a', -1)).toBe('Error 40.13: COPIES argument 2 must be zero or positive; found "-1"');
  });
});

describe('TRANSLATE VERIFY XRANGE (bif_translate_verify)', () => {
  it('gives the conformance answers', () => {
    expect(f('translate', 'hello world')).toBe('HELLO WORLD');
    expect(f('translate', 'abcabc', 'xy', 'ab')).toBe('xycxyc');
    expect(f('translate', 'abcabc', 'x', 'ab')).toBe('x cx c');
    expect(f('translate', 'abcabc', 'x', 'ab', '#')).toBe('x#cx#c');
    expect(f('translate', 'abc', undefined, undefined, '*')).toBe('ABC');
    expect(f('translate', '2024-01-02', '/', '-')).toBe('2024/01/02');
    expect(f('translate', '4321', 'abcd', '1234')).toBe('dcba');
    expect(f('translate', 'abcd', 'DCBA', 'abcd')).toBe('DCBA');
    expect(f('translate', 'aaa', 'xyz', 'aaa')).toBe('xxx');
    expect(f('translate', 'Mixed 123', undefined, '123')).toBe('Mixed    ');
    expect(f('translate', '12345678', '78563412', '12345678')).toBe('78563412');
    expect(f('translate', 'abc', '12')).toBe('   ');
    expect(f('translate', 'abc', undefined, 'b')).toBe('a c');
    expect([f('verify', '123', '0123456789'), f('verify', '12a3', '0123456789'), f('verify', '12a3', '0123456789', 'M'), f('verify', '12a3', '0123456789', 'N')])
      .toEqual(['0', '3', '1', '3']);
    expect([f('verify', 'abc', 'xyz', 'M'), f('verify', '', 'abc'), f('verify', 'abc', ''), f('verify', 'aXbXc', 'abc', undefined, 3), f('verify', 'aXbXc', 'X', 'M', 3), f('verify', 'abc', 'abc', 'N', 5)])
      .toEqual(['0', '0', '1', '4', '4', '0']);
    expect(f('xrange', 'a', 'f')).toBe('abcdef');
    expect(f('xrange', x('00'), x('03'))).toBe(x('00010203'));
    expect(f('xrange', x('fe'), x('01'))).toBe(x('feff0001'));
    expect(f('xrange', 'A', 'A')).toBe('A');
    expect(f('xrange').length).toBe(256);
    expect(f('xrange', '0', '9')).toBe('0123456789');
  });
  it('errors', () => {
    expect(err('translate', 'abc', 'xy', 'abc', '')).toBe('Error 40.23: TRANSLATE argument 4 must be a single character; found ""');
    expect(err('verify', 'a', 'b', 'q')).toBe('Error 40.28: VERIFY argument 3, option must start with one of "MN"; found "q"');
    expect(err('xrange', 'ab')).toBe('Error 40.23: XRANGE argument 1 must be a single character; found "ab"');
    expect(err('xrange', 'a', '')).toBe('Error 40.23: XRANGE argument 2 must be a single character; found ""');
  });
});

describe('UPPER LOWER (Regina)', () => {
  it('converts ASCII letters only, optionally a range', () => {
    expect(f('upper', 'abc')).toBe('ABC');
    expect(f('upper', 'abcdef', 3, 2)).toBe('abCDef');
    expect(f('upper', 'abcdef', 3)).toBe('abCDEF');
    expect(f('upper', 'abcdef', 3, 10, 'x')).toBe('abCDEFxxxx');
    expect(f('upper', 'ab', 2, 8, 'x')).toBe('aBxxxxxx');
    expect(f('upper', 'abcdef', 5, 5, 'x')).toBe('abcdEF');
    expect(f('lower', 'ABCDEF', 2, 2)).toBe('AbcDEF');
    expect(f('upper', 'abcdef', undefined, 2)).toBe('ABcdef');
    expect(f('upper', x('e0') + 'bc')).toBe(x('e0') + 'BC');
    expect(f('lower', x('c0') + 'BC')).toBe(x('c0') + 'bc');
    expect(err('lower', 'ABCDEF', 0)).toBe('Error 40.14: LOWER argument 2 must be positive; found "0"');
    expect(err('lower', 'A', 1, 1, 'x', 5)).toBe('Error 40.4: Too many arguments in invocation of "LOWER"; maximum expected is 4');
  });
});
