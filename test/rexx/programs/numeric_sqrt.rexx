/* numeric algorithms to hundreds of digits */
numeric digits 120
say 'sqrt2' sqrt(2)
say 'e    ' e()
numeric digits 60
say 'pi-ish' 355/113
say 'fact30' fact(30)
say '2**200' 2**200
numeric digits 9
say 'fib' fib(40)
say 1/3 2/3 10/4 1e3 1.50*2 (1.50*2)+0 0.1+0.2 -0.0 +'  12 '
say 123456789*10 123456789+1 999999999+1 -999999999-1
say 7 // -3 (-7) // 3 7 % -2 (-7) % 2 2**-2 (-2)**3
say format(3.14159, 3, 2) format(2, , 4) format(1234567, , , 3)
say trunc(12.987, 2) trunc(-1.5) max(3, 1.5e1, -2) min(3, 1.5e1, -2) abs(-7.50) sign(-0.0)
numeric digits 30
say 2**100 1/7 d2x(2**64) x2d('FFFFFFFFFFFFFFFF')
numeric digits
say digits() 1e9 1e10 12345678901
exit

sqrt: procedure
  parse arg n
  x = n / 2
  do 400
    y = (x + n / x) / 2
    if y = x then leave
    x = y
  end
  return x

e: procedure
  s = 1; t = 1
  do i = 1 to 200
    t = t / i
    s = s + t
    if t < 1e-125 then leave
  end
  return s

fact: procedure
  arg n
  if n <= 1 then return 1
  return n * fact(n - 1)

fib: procedure
  arg n
  a = 0; b = 1
  do n; t = a + b; a = b; b = t; end
  return a
