/* assorted built-ins, edge cases */
say d2x(-1, 4) d2x(0) d2c(0, 2) c2d('FF'x, 1) c2d('0080'x, 2) c2d('') x2d('81', 2) x2d('', 0)
say b2x('') x2b('') c2x('') x2c('') d2x(4095) x2c('f0f1 f2')
say format('-0.000', 3) format(-1.5, 3, 0) format(1.005, , 2) format(99.995, , 2) format(123.456, 3, 1)
say substr('abc', 2, 5, '*') left('', 3, 'x') right('abcdef', 0) center('ab', 1) centre('abc', 6)
say strip(' a ', 't') space('') space('a  b', 0) translate('abc', 'x') translate('aabbcc', , 'b') translate('hello')
say insert('x', 'abc', 5, 2, '_') overlay('xyz', 'ab', 4, 2, '.') delstr('abc', 5) delword('a b c', 5)
say pos('', 'abc') lastpos('', 'abc') index('abcabc', 'c', 4) find('a b c d', 'c d') countstr('aa', 'aaaa') changestr('', 'abc', 'x')
say wordpos('', 'a b') words('  ') subword('a b c', 4) word('a b', 3) wordindex('a b', 3) wordlength('a b', 3)
say compare('', '') compare('a', 'a  ') compare('abc', 'abd', 'c') abbrev('', '') abbrev('ab', '') abbrev('ab', 'abc')
say verify('', 'abc') verify('abc', '') verify('aXb', 'ab', 'N', 2) verify('aXb', 'ab', 'M', 3)
say max(1) min(-1, -1.0) trunc(1e10) trunc(1.99999, 3) sign(0.0) abs('-0')
say datatype('') datatype(' ') datatype('1.') datatype('.5') datatype('-.5e-3') datatype('12', 'X') datatype('1G', 'X') datatype('0101', 'B') datatype('A_1', 'S') datatype('1a', 'S')
say datatype('abc', 'L') datatype('aBc', 'L') datatype('ABC', 'U') datatype('ab1', 'A') datatype('ab1', 'M') datatype('3', 'W') datatype('3.0', 'W') datatype('3.5', 'W')
say length(copies('ab', 0)) reverse('') xrange('fd'x) c2x(xrange('fe'x, '01'x))
say bitand('ff'x, '0f0f'x) c2x(bitand('f0'x, '0f0f'x, 'ff'x)) c2x(bitor('01'x, '1020'x)) c2x(bitxor('ff'x, 'ff00'x, '11'x))
say errortext(40) '|' errortext(99) '|' errortext(4)
say x2d('ffff') x2d('ffff', 4) x2d('7fff', 4) x2d('8000', 4) d2x(-129, 4) d2c(65) c2d('a')
numeric digits 20
say 2**64 d2x(2**64-1) x2d('ffffffffffffffff') 1/3 format(1/3, 2, 5)
say 12345678901234567890 * 10 0.1 * 0.1 1e-20 * 1e-20
numeric digits 100
say 1/7
say 2**300
