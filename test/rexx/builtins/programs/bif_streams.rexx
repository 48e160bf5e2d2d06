/* stream I/O on a file under /tmp: write, read, count, position, states */
f = '/tmp/vmrexx-bif-streams.txt'
call stream f, 'c', 'open write replace'
say 'w.1' lineout(f, 'hello') lineout(f, 'world') stream(f) '['stream(f, 'D')']'
say 'w.2' lines(f) lines(f, 'C') lines(f, 'N') chars(f)
say 'r.1' linein(f) lines(f) chars(f)
say 'c.1' stream(f, 'c', 'close') stream(f)
say 'r.2' linein(f) linein(f) '['linein(f)']' stream(f) stream(f, 'D') lines(f)
say 'r.3' charin(f, 1, 3) charin(f) c2x(charin(f, , 2))
say 'o.1' charout(f, 'XY', 1) stream(f, 'c', 'close')
say 'r.4' linein(f) stream(f, 'c', 'query size') stream(f, 'c', 'query seek read')
say 's.1' stream(f, 'c', 'seek =1') stream(f, 'c', 'seek 2 read') linein(f)
say 's.2' stream(f, 'c', 'seek +1 read char') stream(f, 'c', 'seek =1 read line') linein(f)
say 's.3' stream(f, 'c', 'seek -1 read line') stream(f, 'c', 'seek <1 read char') charin(f)
say 'c.2' stream(f, 'c', 'close')
call charout f, 'line1'||'0a'x||'line2'||'0d0a'x||'last', 1
call stream f, 'c', 'close'
say 'p.1' lines(f, 'C') linein(f) linein(f) linein(f) lines(f) stream(f)
say 'p.2' '['linein(f)']' stream(f) stream(f, 'D')
call stream f, 'c', 'close'
call on notready name nr
say 'n.1' '['linein('/nonexistent-dir-vmrexx/x')']' stream('/nonexistent-dir-vmrexx/x') stream('/nonexistent-dir-vmrexx/x', 'D')
say 'q.1' stream('/nonexistent-dir-vmrexx/x', 'c', 'query exists')'|'stream(f, 'c', 'query exists')
say 'q.2' stream(f, 'c', 'query streamtype') stream('stdout', 'c', 'query streamtype')
call lineout f
exit
nr:
  say 'notready:' condition('D') condition('C') condition('I')
  return
