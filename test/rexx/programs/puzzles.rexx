/* puzzles: eight queens count, towers of hanoi moves, sieve, gcd/lcm, perfect numbers */
n = 6; count = 0
call place 1
say 'queens' n':' count 'solutions'
moves = 0
call hanoi 7, 'A', 'C', 'B'
say 'hanoi 7:' moves 'moves'
limit = 200; isp. = 1; primes = ''
do i = 2 to limit
  if \isp.i then iterate
  primes = primes i
  do j = i * i to limit by i; isp.j = 0; end
end
say 'primes:' words(primes) 'last' word(primes, words(primes))
say 'gcd' gcd(1071, 462) 'lcm' 1071 * 462 / gcd(1071, 462)
perfect = ''
do k = 2 to 10000
  s = 1
  do d = 2 while d * d <= k
    if k // d = 0 then do
      s = s + d
      if d \= k % d then s = s + k % d
    end
  end
  if s = k then perfect = perfect k
end
say 'perfect:' perfect
exit

place: procedure expose n count col.
  parse arg row
  if row > n then do; count = count + 1; return; end
  do c = 1 to n
    ok = 1
    do r = 1 to row - 1
      if col.r = c | abs(col.r - c) = row - r then do; ok = 0; leave; end
    end
    if ok then do; col.row = c; call place row + 1; end
  end
  return

hanoi: procedure expose moves
  parse arg k, from, to, via
  if k = 0 then return
  call hanoi k - 1, from, via, to
  moves = moves + 1
  call hanoi k - 1, via, to, from
  return

gcd: procedure
  parse arg a, b
  do while b \= 0
    parse value b a // b with a b
  end
  return a
