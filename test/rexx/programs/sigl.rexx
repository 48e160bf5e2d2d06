/* SIGNAL to labels, SIGL, SOURCELINE, nested calls and RESULT */
say sourceline(1)
say sourceline() > 5
call a1
say 'back at' sigl
signal skip
say 'skipped'
skip:
say 'skip line' sigl
x = f1(3)
say x
exit 0
a1: say 'called from' sigl; return
f1: procedure
  parse arg k
  if k = 0 then return 'done'
  return k f1(k - 1)
