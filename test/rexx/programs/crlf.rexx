/* crlf source */
say "crlf ok"
x = 1 +,
  2
say x
say "a	b"
