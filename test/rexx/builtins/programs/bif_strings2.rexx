/* more string and word BIFs, with errors shown through CONDITION('D') */
say 'c.1' center('abc', 6, '-') '['centre('abcde', 2)']' '['center('', 3, '*')']'
say 'i.1' insert('ab', 'cdef', 10, 3, '*') overlay('ab', 'cdef', 10, 3, '*')
say 's.1 ['strip('  a  ', 'L')']' strip('xax', 'B', 'x') '['space(' a   b  c ', 2)']' space('a b c', 0, 'x')
say 't.1' translate('hello', '123', 'lo', '*') translate('hello', , 'lo', '*') '['translate('hello', 'lo')']'
say 'v.1' verify('abc', 'cb', 'M', 2) verify('abc', 'cb', 'N', 4) verify('a1b2', '0123456789', 'Match')
say 'w.1 ['subword(' a b c ', 2, 1)']' '['subword(' a b c ', 3, 5)']' '['delword(' a b c ', 1, 1)']' '['delword(' a b c ', 3, 1)']'
say 'w.2' wordindex('   x', 1) wordlength('   xyz  ', 1) wordpos('a', 'a a a', 2) words('a'||'09'x||'b')
say 'a.1' abbrev('abc', 'abcd') abbrev('abc', 'ab', 3) abbrev('abc', 'ab', 2) compare('abc', 'abc ', 'x') compare('abcx', 'abc', 'x')
say 'p.1' lastpos('a', 'banana') lastpos('an', 'banana', 4) lastpos('an', 'banana', 5) pos('an', 'banana', 3)
say 'p.2' countstr('ana', 'banana') changestr('ana', 'banana', 'X') index('abcabc', 'c', 4) find('a b c', 'b c')
say 'u.1' upper('abcdef', 3, 2) lower('ABCDEF', 2) upper('ab', 2, 8, 'x') reverse('abc')
say 'j.1 ['justify('a b c d', 11)']' '['justify('a b c d e', 12)']' '['justify('aa bb cc', 4)']'
say 'x.1' c2x(xrange('fd'x)) c2x(d2c(-129, 3)) d2x(-128, 2) d2x(-129, 3) c2d('8000'x, 2) c2d('0080'x, 1)
say 'x.2' x2d('0080', 3) x2d('8', 2) x2d('FFFF', 3) c2x(bitand('12'x, '3456'x, 'ff'x)) c2x(bitor('', '0102'x))
say 'x.3' c2x(x2c('1 02')) b2x('11111 1111') c2x(d2c(0, 3)) '['d2c(255, 0)']' length(copies('x', 1000))
say 'd.1' datatype('1e9999', 'N') datatype(' ', 'A') datatype('a b', 'S') datatype('0.5e1', 'W') datatype('5e-1', 'W')
numeric digits 20
say 'n.1' c2d('ffffffffffffffff'x) x2d('ffffffffffffffff', 16) d2x(18446744073709551615) d2x(-1, 16)
numeric digits 9
call e "substr('abc', 0)"
call e "substr('abc', 1.5)"
call e "left('abc', -1)"
call e "left('abc', 1, 'xy')"
call e "strip('abc', 'x')"
call e "strip('abc', '')"
call e "copies('a', 'b')"
call e "x2c('6g')"
call e "b2x('2')"
call e "d2x(-1)"
call e "datatype('a', 'q')"
call e "verify('a', 'b', 'x')"
call e "wordpos('a', 'b', 0)"
call e "xrange('ab')"
call e "justify('a', 2, '')"
call e "copies('a')"
call e "substr('a', 1, 1, 'x', 1)"
call e "arg(0)"
call e "sourceline(0)"
call e "value('a b')"
call e "value('a', , 'NOPOOL')"
call e "errortext('x')"
call e "trace('x')"
call e "condition('x')"
call e "date('x')"
call e "date('S', '20240230', 'S')"
call e "date('S', '3652059', 'B')"
call e "time('N', '25:00:00', 'N')"
call e "random(5, 1)"
call e "random(0, 100001)"
call e "random(1000000)"
call e "linein(, , 2)"
call e "stream('x', 'q')"
call e "stream('x', 'c', 'bogus')"
call e "format(12345, 2)"
call e "abs('x')"
call e "trunc(1, -1)"
call e "max(1, 'a')"
exit
e: procedure
  signal on syntax
  interpret 'x =' arg(1)
  say 'no error:' arg(1) '->' x
  return
syntax:
  say condition('D')
  return
