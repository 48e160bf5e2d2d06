/* NUMERIC and condition traps are saved and restored across calls; INTERPRET shares them */
say digits() form() fuzz()
call set20
say 'after call' digits() 1/3
interpret 'numeric digits 12'
say 'after interpret' digits() 1/3
call show
interpret 'call set20; say "inside interpret after call" digits()'
say 'caller' digits()
call trapper
say 'trap still off here'
signal on novalue name nv1
call trapper2
say novar1
exit
nv1: say 'caller trap fired for' condition('D'); call deep; exit
set20: numeric digits 20; numeric form engineering; say 'in set20' digits() form() 1/3; return
show: say 'show sees' digits(); return
trapper: signal on novalue name nv2; say 'trapper' x.y; return
nv2: say 'never'; return
trapper2: signal off novalue; say 'trapper2' zz; return
deep: numeric digits 5; say 'deep' digits() 2/3; call deeper; say 'deep again' digits(); return
deeper: say 'deeper' digits(); numeric digits 7; return
