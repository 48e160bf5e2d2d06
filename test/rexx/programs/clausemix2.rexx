/* control flow and conditions */
signal on novalue name nv
x = 'abc'
do i = 1 to 10 by 3 for 3
  say 'i' i
end
do j = 10 to 1 by -4; say 'j' j; end
do k = 1 until k >= 3; say 'k' k; end
do m = 5 while m < 3; say 'never'; end
say 'm' m
do 3; say 'thrice'; end
n = 0
do forever
  n = n + 1
  if n = 2 then iterate
  if n > 4 then leave
  say 'n' n
end
do outer = 1 to 3
  do inner = 1 to 3
    if inner = 2 then iterate outer
    if outer = 3 then leave outer
    say outer inner
  end inner
end outer
select
  when x = 'ab' then say 'no'
  when x = 'abc' then do
    select
      when length(x) > 5 then say 'long'
      otherwise say 'short' x
    end
  end
  otherwise nop
end
push 'first'; queue 'second'; push 'zeroth'
say queued()
do while queued() > 0; pull line; say 'pulled' line; end
a.1 = 'one'; a.2 = 'two'; drop a.1
say symbol('a.1') symbol('a.2') symbol('x') symbol('1abc') symbol('zz')
say value('x') value('x', 'new') x
interpret 'y = 6 * 7; say "interp" y'
call setit
say 'after' z
say fn(5) result
call fn 6
say 'result' result
say novar
exit 3
nv:
  say 'novalue' condition('D') condition('C') condition('I') sigl
  exit 2
setit: z = 'set'; return
fn: return arg(1) * 2
