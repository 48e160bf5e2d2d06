/* DATE and TIME conversions (no dependence on the clock) */
d = '20240229'
say 'd.1' date('B', d, 'S') date('C', d, 'S') date('D', d, 'S') date('E', d, 'S') date('I', d, 'S')
say 'd.2' date('M', d, 'S') date('N', d, 'S') date('O', d, 'S') date('S', d, 'S') date('U', d, 'S') date('W', d, 'S')
say 'd.3' date('S', '29 Feb 2024', 'N') date('S', '1 Feb 2024', 'N') date('S', '738944', 'B') date('S', '29/02/24', 'E')
say 'd.4' date('S', '24/02/29', 'O') date('S', '02/29/24', 'U') date('I', '2024-02-29', 'I') date(, d, 'S')
say 'd.5' date('N', '31 Dec 9999', 'N') date('B', '1 Jan 0001', 'N') date('S', '3652058', 'B') date('W', '1 Jan 1970', 'N')
say 'd.6' date('B', '31 Dec 1999', 'N') date('C', '31 Dec 1999', 'N') date('C', '1 Jan 2000', 'N') date('D', '31 Dec 2023', 'N')
do y = 1899 to 1901
  say 'd.7' y date('W', '1 Mar' y, 'N') date('B', '1 Mar' y, 'N') date('D', '31 Dec' y, 'N')
end
t = '13:05:09'
say 't.1' time('C', t, 'N') time('H', t, 'N') time('L', t, 'N') time('M', t, 'N') time('N', t, 'N') time('S', t, 'N')
say 't.2' time('N', '1:05pm', 'C') time('N', '12:05am', 'C') time('N', '12:05pm', 'C') time('N', '13', 'H')
say 't.3' time('N', '785', 'M') time('N', '47109', 'S') time('N', '13:05:09.123456', 'L') time('C', '00:00:00', 'N')
say 't.4' time('C', '12:00:00', 'N') time('C', '23:59:59', 'N') time('S', '23:59:59', 'N') time('M', '00:00:59', 'N')
