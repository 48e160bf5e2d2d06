/* text wrapping and justification with PARSE */
text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor',
  'incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud',
  'exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.'
width = 30
line = ''
n = 0
do while text \= ''
  parse var text w text
  if length(line) + length(w) + 1 > width & line \= '' then do
    n = n + 1; out.n = line; line = w
  end
  else if line = '' then line = w
  else line = line w
end
if line \= '' then do; n = n + 1; out.n = line; end
do i = 1 to n
  if i < n then say '|'justify(out.i, width)'|'
  else say '|'left(out.i, width)'|'
end
do i = 1 to n
  say right(i, 2)':' center(out.i, width, '.') length(out.i) words(out.i)
end
say overlay('*', copies('-', width), width % 2)
