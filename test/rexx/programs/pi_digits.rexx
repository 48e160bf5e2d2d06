/* pi to 200 digits with Machin's formula, and e to 150 digits */
numeric digits 210
pi = 4 * (4 * arctan(1/5) - arctan(1/239))
numeric digits 200
say 'pi =' pi + 0
numeric digits 160
e = 1; t = 1
do n = 1 until t < 1e-155
  t = t / n
  e = e + t
end
numeric digits 150
say 'e  =' e + 0
say 'terms' n
exit

arctan: procedure
  parse arg x
  s = x; p = x; k = 1; x2 = x * x
  do until abs(term) < 1e-205
    p = -p * x2
    k = k + 2
    term = p / k
    s = s + term
  end
  return s
