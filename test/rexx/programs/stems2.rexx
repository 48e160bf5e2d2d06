/* stems, drop, expose lists, indirect expose */
list = 'a b c'
a = 1; b = 2; c = 3
call show
s. = 'dflt'
s.1 = 'x'; s.abc = 'y'
t = 'ABC'
say s.1 s.2 s.t s.abc
drop s.
say s.1
s.0 = 0
do i = 1 to 5; call push_it i * i; end
say 'count' s.0 s.3 s.5
call sumstem
say 'sum' total
m.i.j = 'deep'; i = 'I'; j = 'J'
say m.i.j m.6.J
exit

show: procedure expose (list)
  say a b c
  return

push_it: procedure expose s.
  n = s.0 + 1
  s.n = arg(1)
  s.0 = n
  return

sumstem: procedure expose s. total
  total = 0
  do k = 1 to s.0; total = total + s.k; end
  return
