/* an uncaught error ends the program: output so far, then exit status 256-N */
say 'before'
call sub 5
say 'never'
exit
sub: procedure
  arg n
  say 'in sub' n
  x = n + 'abc'
  return
