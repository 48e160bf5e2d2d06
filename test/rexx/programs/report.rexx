/* report formatting with stems and procedure expose */
data = 'apples 12 0.45|bananas 130 0.25|cherries 7 3.10|dates 1500 0.05|elderberries 3 12.5'
n = 0
do while data \= ''
  parse var data item '|' data
  n = n + 1
  parse var item inv.n.name inv.n.qty inv.n.price
end
inv.0 = n
call header
total = 0
do i = 1 to inv.0
  call line i
end
say copies('-', 44)
say left('Total', 30) right(format(total, , 2), 13)
say center(' end of report ', 44, '*')
say justify('a b c d', 15) '|' space('  x   y  z ', 2, '.') '|'
say overlay('ab', 'xxxxxx', 3) insert('12', 'abc', 1) delstr('abcdef', 2, 3)
exit

header:
  say left('Item', 14) right('Qty', 6) right('Price', 10) right('Value', 12)
  say copies('=', 44)
  return

line: procedure expose inv. total
  arg k
  v = inv.k.qty * inv.k.price
  total = total + v
  say left(inv.k.name, 14) right(inv.k.qty, 6) right(format(inv.k.price, , 2), 10) right(format(v, 6, 2), 12)
  return
