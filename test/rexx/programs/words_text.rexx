/* text processing: word frequencies, translate, reverse, justify, centre */
text = 'The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!'
clean = translate(text, '  ', '.;!')
clean = translate(clean)       /* upper case */
freq. = 0; list = ''
do i = 1 to words(clean)
  w = word(clean, i)
  if freq.w = 0 then list = list w
  freq.w = freq.w + 1
end
do i = 1 to words(list)
  w = word(list, i)
  say left(w, 8, '.') right(freq.w, 3)
end
say reverse('stressed') '|' space('  a   b  c ') '|' space('a b c', 2, '-')
say center('title', 21, '*')
say '['left('abc', 6)']['right('abc', 6)']['substr('abcdef', 3, 6, '+')']'
say changestr('the', text, 'THE')
say countstr('the', text) countstr('o', text)
say delword(text, 3, 4)
say subword(text, 5, 3) '|' wordindex(text, 4) wordlength(text, 4)
say abbrev('PRINT', 'pri') abbrev('PRINT', 'PRI') abbrev('PRINT', 'PRI', 4)
say verify('12a45', '0123456789') verify('12345', '0123456789')
say compare('abc', 'abd') compare('abc', 'abc  ') compare('abc', 'ab', 'c')
say insert('XX', 'abcdef', 3) overlay('XX', 'abcdef', 3) delstr('abcdef', 2, 3)
say strip('xxabcxx', , 'x') strip('  abc  ', 'L')'|' strip('  abc  ', 't')'|'
say lastpos('o', text) pos('fox', text) pos('fox', text, 20)
say xrange('a', 'f') c2x('AB') x2c('4142') d2x(255) x2d('FF') d2c(65) c2d('A')
say b2x('1111') x2b('A') d2x(-1, 4) x2d('FFFF', 4)
