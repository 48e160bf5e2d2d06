import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bif, bifError, fakeContext, x } from './helpers.js';

const c = fakeContext();
const f = (n: string, ...a: (string | number | undefined)[]) => bif(c, n, ...a);
const err = (n: string, ...a: (string | number | undefined)[]) => bifError(c, n, ...a);

describe('word functions (bif_words)', () => {
  const s = '  now is   the time  ';
  it('gives the conformance answers', () => {
    expect([f('words', s), f('words', ''), f('words', '   '), f('words', 'one')]).toEqual(['4', '0', '0', '1']);
    expect([f('word', s, 1), f('word', s, 3), f('word', s, 5)]).toEqual(['now', 'the', '']);
    expect(f('subword', s, 2)).toBe('is   the time');
    expect(f('subword', s, 2, 2)).toBe('is   the');
    expect(f('subword', s, 5)).toBe('');
    expect(f('subword', s, 1, 0)).toBe('');
    expect(f('subword', s, 4, 9)).toBe('time');
    expect([f('wordindex', s, 1), f('wordindex', s, 2), f('wordindex', s, 4), f('wordindex', s, 5)]).toEqual(['3', '7', '16', '0']);
    expect([f('wordlength', s, 1), f('wordlength', s, 3), f('wordlength', s, 9)]).toEqual(['3', '3', '0']);
    expect([f('wordpos', 'the', s), f('wordpos', 'is the', s), f('wordpos', 'time now', s)]).toEqual(['3', '2', '0']);
    expect([f('wordpos', 'is', s, 3), f('wordpos', ' the time ', s), f('wordpos', '', s)]).toEqual(['0', '3', '0']);
    expect(f('wordpos', 'the', 'the cat the hat', 2)).toBe('3');
    expect(f('delword', s, 2)).toBe('  now ');
    expect(f('delword', s, 2, 1)).toBe('  now the time  ');
    expect(f('delword', s, 1, 2)).toBe('  the time  ');
    expect(f('delword', s, 5)).toBe(s);
    expect(f('delword', 'a b c', 2, 0)).toBe('a b c');
    expect(f('delword', 'a  b  c  ', 3)).toBe('a  b  ');
    expect([f('find', s, 'the time'), f('find', s, 'time the'), f('find', s, 'now')]).toEqual(['3', '0', '1']);
  });
  it('follows the standard for WORDPOS with extra blanks in the phrase (Regina: 0)', () => {
    expect(f('wordpos', 'the   time', 'now is the time')).toBe('3');
    expect(f('wordpos', 'b  c', 'a b c d')).toBe('2');
  });
  it('treats HT LF VT FF CR as word separators like Regina, SPACE only blanks', () => {
    expect(f('words', 'a\tb')).toBe('2');
    expect(f('words', 'a\nb')).toBe('2');
    expect(f('words', 'a' + x('00') + 'b')).toBe('1');
    expect(f('word', 'a\tb', 2)).toBe('b');
    expect(f('wordindex', 'x\tb', 2)).toBe('3');
    expect(f('space', 'a\tb')).toBe('a\tb');
    expect(f('space', 'a\t b')).toBe('a\t b');
  });
  it('errors', () => {
    expect(err('subword', 'a b c', 0)).toBe('Error 40.14: SUBWORD argument 2 must be positive; found "0"');
    expect(err('word', 'a b c', 0)).toBe('Error 40.14: WORD argument 2 must be positive; found "0"');
    expect(err('wordindex', 'a b', 0)).toBe('Error 40.14: WORDINDEX argument 2 must be positive; found "0"');
    expect(err('wordlength', 'a b', 0)).toBe('Error 40.14: WORDLENGTH argument 2 must be positive; found "0"');
    expect(err('delword', 'a b', 0)).toBe('Error 40.14: DELWORD argument 2 must be positive; found "0"');
    expect(err('wordpos', 'b', 'a b c', 0)).toBe('Error 40.14: WORDPOS argument 3 must be positive; found "0"');
    expect(err('space', 'a b', -1)).toBe('Error 40.13: SPACE argument 2 must be zero or positive; found "-1"');
    expect(err('space', 'a b', undefined, '')).toBe('Error 40.23: SPACE argument 3 must be a single character; found ""');
    expect(err('words')).toBe('Error 40.3: Not enough arguments in invocation of "WORDS"; minimum expected is 1');
  });
});

describe('SPACE (bif_strip_space_copies)', () => {
  const s = '   two  words   ';
  it('gives the conformance answers', () => {
    expect(f('space', s)).toBe('two words');
    expect(f('space', s, 0)).toBe('twowords');
    expect(f('space', s, 3)).toBe('two   words');
    expect(f('space', s, 1, '_')).toBe('two_words');
    expect(f('space', 'a b c', 2, '-')).toBe('a--b--c');
    expect(f('space', '')).toBe('');
    expect(f('space', 'single')).toBe('single');
  });

  it('joins the blank-delimited words with n pads, however the string is spaced already', () => {
    // the model: split on blanks (only), drop empty words, join
    const text = fc.array(fc.constantFrom('a', 'bc', ' ', ' ', '  ', '\t', '_'), { maxLength: 14 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 3 }), fc.constantFrom(undefined, ' ', '_'), (t, n, p) => {
        const want = t.split(' ').filter((w) => w !== '').join((p ?? ' ').repeat(n));
        expect(f('space', t, n, p)).toBe(want);
      }),
      { numRuns: 400 },
    );
  });
});

describe('JUSTIFY FIND INDEX (bif_extensions)', () => {
  it('gives the conformance answers', () => {
    expect(f('justify', 'the quick brown fox', 25)).toBe('the   quick   brown   fox');
    expect(f('justify', '  the   quick  ', 15)).toBe('the       quick');
    expect(f('justify', 'a b c', 9, '-')).toBe('a---b---c');
    expect(f('justify', 'one two three', 7)).toBe('one two');
    expect(f('justify', 'single', 10)).toBe('single    ');
    expect(f('justify', 'a b', 3)).toBe('a b');
    expect(f('justify', '', 4)).toBe('    ');
    expect(f('justify', 'a b c d', 10)).toBe('a  b  c  d');
    expect(f('find', 'alpha beta gamma delta', 'gamma')).toBe('3');
    expect(f('find', 'alpha beta gamma delta', 'beta  gamma')).toBe('2');
    expect(f('find', 'alpha beta gamma delta', 'delta alpha')).toBe('0');
    expect(f('find', 'a b a b c', 'a b c')).toBe('3');
    expect([f('find', '', 'x'), f('find', 'x y', '')]).toEqual(['0', '0']);
    expect(f('index', 'hello world', 'o')).toBe('5');
    expect(f('index', 'hello world', 'o', 6)).toBe('8');
    expect(f('index', 'hello world', 'z')).toBe('0');
    expect(f('index', 'aaa', 'aa', 2)).toBe('2');
  });
  it('spreads extra blanks over a middle block of gaps as Regina does', () => {
    expect(f('justify', 'a b c d', 11)).toBe('a  b   c  d');
    expect(f('justify', 'a b c d', 12)).toBe('a   b   c  d');
    expect(f('justify', 'a b c d e', 12)).toBe('a  b  c  d e');
    expect(f('justify', 'aa bb cc', 5)).toBe('aa bb');
    expect(f('justify', 'aa bb cc', 4)).toBe('aa b');
    expect(f('justify', 'a b', 0)).toBe('');
    expect(f('justify', 'a_b', 6, '_')).toBe('a_b___');
    expect(f('justify', 'a  b  ', 5, 'x')).toBe('axxxb');
    expect(err('justify', 'a b', 2, 'xy')).toBe('Error 40.23: JUSTIFY argument 3 must be a single character; found "xy"');
  });
});
