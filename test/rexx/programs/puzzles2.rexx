/* puzzles: queens, hanoi, primes, permutations */
call queens 6
say 'solutions' sol
moves = 0
call hanoi 6, 'A', 'C', 'B'
say 'hanoi moves' moves
say 'perms' perms('abc')
p = ''
do n = 2 to 60
  if isprime(n) then p = p n
end
say 'primes' strip(p)
say 'gcd' gcd(1071, 462) 'lcm' 1071 * 462 % gcd(1071, 462)
say 'collatz 27' collatz(27)
exit

queens: procedure expose sol
  arg n
  sol = 0
  col. = 0; d1. = 0; d2. = 0
  call place 1, n
  return

place: procedure expose sol col. d1. d2.
  parse arg r, n
  if r > n then do; sol = sol + 1; return; end
  do c = 1 to n
    a = r + c; b = r - c + n
    if col.c | d1.a | d2.b then iterate
    col.c = 1; d1.a = 1; d2.b = 1
    call place r + 1, n
    col.c = 0; d1.a = 0; d2.b = 0
  end
  return

hanoi: procedure expose moves
  parse arg k, from, to, via
  if k = 0 then return
  call hanoi k - 1, from, via, to
  moves = moves + 1
  call hanoi k - 1, via, to, from
  return

perms: procedure
  parse arg s
  if length(s) <= 1 then return s
  out = ''
  do i = 1 to length(s)
    c = substr(s, i, 1)
    rest = delstr(s, i, 1)
    sub = perms(rest)
    do j = 1 to words(sub)
      out = out c || word(sub, j)
    end
  end
  return strip(out)

isprime: procedure
  arg n
  if n < 2 then return 0
  do d = 2 while d * d <= n
    if n // d = 0 then return 0
  end
  return 1

gcd: procedure
  parse arg a, b
  do while b \= 0; parse value b a // b with a b; end
  return a

collatz: procedure
  arg n
  c = 0
  do until n = 1
    if n // 2 then n = 3 * n + 1; else n = n / 2
    c = c + 1
  end
  return c
