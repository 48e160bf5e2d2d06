/* numbers to hundreds of digits: factorials, powers, roots, fibonacci */
numeric digits 300
f = 1
do i = 1 to 120; f = f * i; end
say '120! =' f
say '2**500 =' 2 ** 500
say '3**-5 =' 3 ** -5
numeric digits 60
x = 2; r = 1
do 200
  nr = (r + x / r) / 2
  if nr = r then leave
  r = nr
end
say 'sqrt(2) =' r
a = 0; b = 1
do 250; parse value b a + b with a b; end
say 'fib(250) =' a
numeric digits 20
say 1 / 3 2 / 3 10 / 4 1e30 * 1e30 12345678901234567890123 + 1
say 7 % 2 -7 % 2 7 // -2 -7 // 2 2.5 // 1
numeric digits 5
say 123456 + 0 1.23456 * 1 0.000012345678 99999 + 1
numeric form engineering
say 123456 + 0 1e7 * 1 0.00001234 * 1
