/* text processing: word frequencies, translate, sorting */
text = 'The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!'
clean = translate(text, '', '.;!,')
clean = translate(clean, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
freq. = 0; list = ''
do i = 1 to words(clean)
  w = word(clean, i)
  if freq.w = 0 then list = list w
  freq.w = freq.w + 1
end
/* bubble sort by count desc then word */
n = words(list)
do i = 1 to n; s.i = word(list, i); end
do i = 1 to n - 1
  do j = 1 to n - i
    k = j + 1
    a = s.j; b = s.k
    if freq.a < freq.b | (freq.a = freq.b & a >> b) then do
      s.j = b; s.k = a
    end
  end
end
do i = 1 to n
  w = s.i
  say right(freq.w, 3) w
end
say countstr('the', clean) changestr('the', clean, 'THE')
say reverse('stressed') lastpos('o', text) pos('fox', text, 20) verify('12a45', '0123456789') verify('abc', 'abc', 'M')
say c2x('Hi!') x2c('414243') b2x('1111000010100101') x2b('F0') c2d('A') d2c(66) d2x(255, 4)
say abbrev('PRINT', 'PRI') abbrev('PRINT', 'PRX') compare('abc', 'abd') compare('ab ', 'ab')
say strip('  xx  ', 'L')'|' strip('--yy--', 'B', '-') wordindex('a bb ccc', 3) wordlength('a bb ccc', 2)
say subword('one two three four', 2, 2) delword('one two three four', 2, 1) wordpos('three four', 'one two three four')
say xrange('a', 'f') bitand('73'x, '27'x) bitor('ab', '  ') bitxor('AB', '  ')
say datatype('123') datatype('12a') datatype('abc', 'U') datatype('Abc', 'M') datatype('1e5', 'N') datatype(' 7 ', 'W')
say left('abc', 6, '.') right('abc', 6, '.') center('abc', 8, '*') copies('ab', 3) length('')
