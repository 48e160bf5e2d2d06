/* heavy PARSE */
line = 'John Smith, 42 , Engineer ; London'
parse var line first last ',' age ',' job ';' city
say '['first']['last']['age']['job']['city']'
parse var line w1 . w3 .
say w1 w3
parse value '2024-11-25 13:45:07' with y '-' m '-' d h ':' mi ':' s
say y m d h mi s
parse value 'abcdefghij' with 3 c1 +2 c2 6 c3 =9 c4
say c1 c2 c3 c4
parse value 'key=value=more' with k '=' v
say k v
delim = '/'
parse value 'a/b/c' with p1 (delim) p2 (delim) p3
say p1 p2 p3
parse value '   leading   and trailing   ' with x1 x2 x3
say '['x1']['x2']['x3']'
parse upper value 'Mixed Case' with u1 u2
say u1 u2
parse value 'x' with q1 q2 q3
say '['q1']['q2']['q3']'
parse value '12345' with 2 r1 -1 r2 +3
say r1 r2
n = 3
parse value 'abcdefgh' with =(n) t1 +(n) t2
say t1 t2
parse arg a1 b1
say '['a1'] ['b1']'
call sub 'one two', 'three', , 'five'
parse source sys how .
say sys how
parse version ver .
say left(ver, 5)
exit
sub:
  parse arg s1, s2, s3, s4
  say arg() '['s1']['s2']['s3']['s4']' arg(3, 'E') arg(3, 'O') arg(4, 'E')
  return
