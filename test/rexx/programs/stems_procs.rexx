/* stems passed by EXPOSE, a linked list, a queue-based BFS, sorting with a procedure */
call push_item 'apple'; call push_item 'pear'; call push_item 'fig'
say 'list:' list.0 list.1 list.2 list.3
call bubble
say 'sorted:' list.1 list.2 list.3
/* graph: adjacency as stems */
edges = 'A-B A-C B-D C-D D-E'
adj. = ''
do i = 1 to words(edges)
  parse value word(edges, i) with u '-' v
  adj.u = adj.u v; adj.v = adj.v u
end
seen. = 0; order = ''
queue 'A'; seen.A = 1
do while queued() > 0
  pull node
  order = order node
  do j = 1 to words(adj.node)
    nb = word(adj.node, j)
    if \seen.nb then do; seen.nb = 1; queue nb; end
  end
end
say 'bfs:' order
say 'depth' depth(5)
exit

push_item: procedure expose list.
  parse arg item
  if symbol('list.0') = 'LIT' then list.0 = 0
  n = list.0 + 1
  list.n = item; list.0 = n
  return

bubble: procedure expose list.
  do i = 1 to list.0
    do j = 1 to list.0 - i
      k = j + 1
      if list.j > list.k then parse value list.j list.k with list.k list.j
    end
  end
  return

depth: procedure
  arg n
  if n = 0 then return 'bottom'
  return n depth(n - 1)
