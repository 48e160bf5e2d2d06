/* a small sales report: PARSE of fixed records, totals, FORMAT, alignment */
data.1 = 'WIDGET    0012  0003.50 NORTH'
data.2 = 'GADGET    0200  0000.99 SOUTH'
data.3 = 'GIZMO     0007  0125.00 NORTH'
data.4 = 'DOOHICKEY 0045  0010.25 EAST'
data.5 = 'WIDGET    0100  0003.45 SOUTH'
data.0 = 5
total. = 0; grand = 0
say left('Item', 10) right('Qty', 5) right('Price', 9) right('Amount', 11) ' Region'
say copies('-', 45)
do i = 1 to data.0
  parse var data.i item 11 qty 15 price 24 region
  amount = qty * price
  say left(item, 10) right(qty + 0, 5) right(format(price, , 2), 9) right(format(amount, 8, 2), 11) ' 'region
  total.region = total.region + amount
  if wordpos(region, regions) = 0 then regions = strip(regions region)
  grand = grand + amount
end
say copies('=', 45)
do w = 1 to words(regions)
  r = word(regions, w)
  say right(r, 10) ':' format(total.r, 7, 2) '('format(total.r / grand * 100, 3, 1)'%)'
end
say right('TOTAL', 10) ':' format(grand, 7, 2)
say 'average' format(grand / data.0, , 3) 'max qty' max(12, 200, 7, 45, 100)
