/* syntax errors caught */
signal on syntax
say 'start'
x = 1 / 0
say 'not here'
exit
syntax:
  say 'caught' rc condition('C') errortext(rc) sigl
  say condition('D')
  call again
  exit 0
again:
  signal on syntax name s2
  y = substr('abc', 0)
  return
s2:
  say 'caught2' rc condition('D')
  exit 1
