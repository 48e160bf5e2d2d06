/* conditions in practice: SIGNAL ON SYNTAX recovery, NOVALUE, CALL ON with return, nested traps */
signal on syntax name bad
x = 'abc' + 1
say 'not reached'
bad:
say 'caught' rc errortext(rc) 'at line' sigl
say 'desc:' condition('D')
call safe_divide 10, 0
call safe_divide 10, 4
defined = 'yes'
signal on novalue
say 'defined' defined
say novar
exit 3

safe_divide: procedure
  parse arg a, b
  signal on syntax name divfail
  say 'result' a / b
  return
divfail:
  say 'division failed:' condition('C') 'rc' rc
  return

novalue:
  say 'novalue for' condition('D') 'line' sigl
  exit 4
