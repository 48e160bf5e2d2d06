/* numeric algorithms to hundreds of digits */
numeric digits 200
f = 1
do i = 1 to 100; f = f * i; end
say 'fact100' f
say 'digits' length(f)
/* binomial coefficients via multiplicative formula */
say 'C(100,50)' comb(100, 50)
/* integer square root by Newton, 150 digits of sqrt(10) */
numeric digits 160
x = 10; r = 3
do 20; r = (r + x / r) / 2; end
say 'sqrt10' left(r, 152)
/* pi spigot (Rabinowitz-Wagon) 60 digits */
numeric digits 9
say 'pi' spigot(60)
/* powers of 2 and digit sums */
numeric digits 400
p = 2 ** 1000
s = 0
do i = 1 to length(p); s = s + substr(p, i, 1); end
say '2**1000 digit sum' s 'length' length(p)
exit

comb: procedure
  arg n, k
  r = 1
  do i = 1 to k
    r = r * (n - k + i) / i
  end
  return r

spigot: procedure
  arg n
  len = n * 10 % 3 + 1
  a. = 2
  out = ''; nines = 0; predigit = 0
  do j = 1 to n
    q = 0
    do i = len to 1 by -1
      x = 10 * a.i + q * i
      a.i = x // (2 * i - 1)
      q = x % (2 * i - 1)
    end
    a.1 = q // 10; q = q % 10
    if q = 9 then nines = nines + 1
    else if q = 10 then do
      out = out || (predigit + 1) || copies(0, nines)
      predigit = 0; nines = 0
    end
    else do
      out = out || predigit
      predigit = q
      if nines > 0 then do; out = out || copies(9, nines); nines = 0; end
    end
  end
  out = out || predigit
  return substr(out, 2, 1)'.'substr(out, 3)
