import { describe, expect, it } from 'vitest';
import { bif, bifError, fakeContext, x } from './helpers.js';

const c = fakeContext();
const f = (n: string, ...a: (string | number | undefined)[]) => bif(c, n, ...a);
const err = (n: string, ...a: (string | number | undefined)[]) => bifError(c, n, ...a);

describe('conversions (bif_conversions)', () => {
  it('gives the conformance answers', () => {
    expect([f('c2x', 'abc'), f('c2x', ''), f('c2x', x('0a0d')), f('c2x', ' ')]).toEqual(['616263', '', '0A0D', '20']);
    expect([f('c2d', 'a'), f('c2d', 'ab'), f('c2d', ''), f('c2d', x('00ff'))]).toEqual(['97', '24930', '0', '255']);
    expect([f('c2d', x('ff'), 1), f('c2d', x('ff'), 2), f('c2d', x('80'), 1), f('c2d', x('7f'), 1)]).toEqual(['-1', '255', '-128', '127']);
    expect([f('c2d', x('fff0'), 2), f('c2d', x('fff0'), 1), f('c2d', x('0fff'), 1), f('c2d', x('ff80'), 3)]).toEqual(['-16', '-16', '-1', '65408']);
    expect([f('d2c', 65), f('d2c', 97), f('d2c', 0), f('d2c', 256)]).toEqual(['A', 'a', x('00'), x('0100')]);
    expect([f('d2c', -1, 1), f('d2c', -1, 2), f('d2c', 65, 3), f('d2c', -128, 1)]).toEqual([x('ff'), x('ffff'), x('000041'), x('80')]);
    expect([f('d2x', 255), f('d2x', 0), f('d2x', 4096), f('d2x', 65535)]).toEqual(['FF', '0', '1000', 'FFFF']);
    expect([f('d2x', -1, 2), f('d2x', -1, 4), f('d2x', 255, 4), f('d2x', -129, 4), f('d2x', 10, 1)]).toEqual(['FF', 'FFFF', '00FF', 'FF7F', 'A']);
    expect([f('x2c', '414243'), f('x2c', '61 62'), f('x2c', 'F'), f('x2c', '')]).toEqual(['ABC', 'ab', x('0f'), '']);
    expect([f('x2d', 'ff'), f('x2d', 'FFFF'), f('x2d', '0'), f('x2d', '7fffffff')]).toEqual(['255', '65535', '0', '2147483647']);
    expect([f('x2d', 'ff', 2), f('x2d', 'ff', 4), f('x2d', '80', 2), f('x2d', '7f', 2), f('x2d', 'fff', 2)]).toEqual(['-1', '255', '-128', '127', '-1']);
    expect([f('x2d', '81', 0), f('x2d', '1 00'), f('x2d', '')]).toEqual(['0', '256', '0']);
    expect([f('x2b', 'a'), f('x2b', '0f'), f('x2b', '1 2'), f('x2b', '')]).toEqual(['1010', '00001111', '00010010', '']);
    expect([f('b2x', '1010'), f('b2x', '1'), f('b2x', '11111111'), f('b2x', '1 0000 0001'), f('b2x', '')]).toEqual(['A', '1', 'FF', '101', '']);
    expect([f('b2x', '000000001'), f('b2x', '0')]).toEqual(['001', '0']);
    expect(f('x2c', f('c2x', 'Round Trip'))).toBe('Round Trip');
    expect(f('d2x', f('x2d', '1234ABCD'))).toBe('1234ABCD');
    expect(f('x2b', f('b2x', '110011'))).toBe('00110011');
    expect(f('c2d', f('d2c', 12345))).toBe('12345');
    const c14 = fakeContext({ digits: 14 });
    expect([bif(c14, 'x2d', 'FFFFFFFFFF'), bif(c14, 'c2d', x('ffffffffff'))]).toEqual(['1099511627775', '1099511627775']);
    expect(bif(c14, 'd2x', 1099511627775)).toBe('FFFFFFFFFF');
  });
  it('handles edge cases like Regina', () => {
    expect(f('x2c', '61  62')).toBe('ab');
    expect(f('x2c', '1 23')).toBe(x('0123'));
    expect(f('x2c', '123')).toBe(x('0123'));
    expect(f('d2c', 256, 1)).toBe(x('00'));
    expect(f('d2x', 256, 1)).toBe('0');
    expect(f('d2x', 255, 0)).toBe('');
    expect(f('c2d', 'abcd', 0)).toBe('0');
    expect(f('x2d', 'fff', 1)).toBe('-1');
    expect(f('x2d', 'f0f', 10)).toBe('3855');
    expect(f('x2d', '8', 1)).toBe('-8');
    expect(f('d2x', -129, 2)).toBe('7F');
    expect(f('x2d', '123456789abcdef')).toBe('81985529216486895');
    expect(f('d2x', '1e3')).toBe('3E8');
    expect(f('d2x', '1.0')).toBe('1');
    expect(f('d2x', ' 12 ')).toBe('C');
    expect(f('d2x', 12345678901)).toBe('2DFDC1C35');
    expect(f('d2c', 4294967296)).toBe(x('0100000000'));
    expect(f('b2c', '01000001')).toBe('A');
    expect(f('c2b', 'A')).toBe('01000001');
    const big = fakeContext({ digits: 100 });
    expect(bif(big, 'd2x', '123456789012345678901234567890')).toBe('18EE90FF6C373E0EE4E3F0AD2');
    expect(bif(big, 'x2d', '18EE90FF6C373E0EE4E3F0AD2')).toBe('123456789012345678901234567890');
  });
  it('errors', () => {
    expect(err('x2c', ' 61')).toBe('Error 40.25: X2C argument 1 must be a hexadecimal string; found " 61"');
    expect(err('x2c', '61 ')).toBe('Error 40.25: X2C argument 1 must be a hexadecimal string; found "61 "');
    expect(err('x2c', '6 162')).toBe('Error 40.25: X2C argument 1 must be a hexadecimal string; found "6 162"');
    expect(err('x2c', '6g')).toBe('Error 40.25: X2C argument 1 must be a hexadecimal string; found "6g"');
    expect(err('x2b', 'xyz')).toBe('Error 40.25: X2B argument 1 must be a hexadecimal string; found "xyz"');
    expect(err('x2d', '1 2')).toBe('Error 40.25: X2D argument 1 must be a hexadecimal string; found "1 2"');
    expect(err('b2x', '102')).toBe('Error 40.24: B2X argument 1 must be a binary string; found "102"');
    expect(err('b2x', ' 1')).toBe('Error 40.24: B2X argument 1 must be a binary string; found " 1"');
    expect(err('d2c', -1)).toBe('Error 40.13: D2C argument 1 must be zero or positive; found "-1"');
    expect(err('d2x', -1)).toBe('Error 40.13: D2X argument 1 must be zero or positive; found "-1"');
    expect(err('d2x', '1.5')).toBe('Error 40.12: D2X argument 1 must be a whole number; found "1.5"');
    expect(err('d2x', 'a')).toBe('Error 40.12: D2X argument 1 must be a whole number; found "a"');
    expect(err('c2d', 'a', -1)).toBe('Error 40.13: C2D argument 2 must be zero or positive; found "-1"');
    expect(err('c2x')).toBe('Error 40.3: Not enough arguments in invocation of "C2X"; minimum expected is 1');
    // the whole number is read exactly (no rounding to DIGITS), in any notation
    expect([f('d2x', '1E3'), f('d2c', '7.0'), f('d2x', ' +255.000 '), f('d2x', '12345678901234567890')]).toEqual(['3E8', x('07'), 'FF', 'AB54A98CEB1F0AD2']);
    expect(err('d2x', '1.00000000001E1')).toBe('Error 40.12: D2X argument 1 must be a whole number; found "1.00000000001E1"');
    expect(err('d2x', '1E9999999999')).toBe('Error 40.12: D2X argument 1 must be a whole number; found "1E9999999999"');
    expect(err('d2c', '0.5')).toBe('Error 40.12: D2C argument 1 must be a whole number; found "0.5"');
  });
});

describe('BITAND BITOR BITXOR (bif_bitops)', () => {
  it('gives the conformance answers', () => {
    expect(f('c2x', f('bitand', x('f0'), x('3c')))).toBe('30');
    expect(f('c2x', f('bitand', x('ff00'), x('0f')))).toBe('0F00');
    expect(f('c2x', f('bitand', x('ff00'), x('0f'), x('f0')))).toBe('0F00');
    expect(f('bitand', 'abc', x('DF DF DF'))).toBe('ABC');
    expect(f('c2x', f('bitand', x('1234')))).toBe('1234');
    expect(f('bitand', '', '')).toBe('');
    expect(f('c2x', f('bitor', x('f0'), x('0f')))).toBe('FF');
    expect(f('bitor', 'ABC', x('20 20 20'))).toBe('abc');
    expect(f('c2x', f('bitor', x('01'), x('10 20')))).toBe('1120');
    expect(f('c2x', f('bitor', x('01'), x('10 20'), x('40')))).toBe('1160');
    expect(f('c2x', f('bitxor', x('ff'), x('0f')))).toBe('F0');
    expect(f('c2x', f('bitxor', x('aaaa'), x('ff')))).toBe('55AA');
    expect(f('c2x', f('bitxor', x('aaaa'), x('ff'), x('ff')))).toBe('5555');
    expect(f('bitxor', 'Hello', x('20202020 20'))).toBe('hELLO');
    expect(f('bitxor', f('bitxor', 'secret', 'key!!!'), 'key!!!')).toBe('secret');
    expect(f('c2x', f('bitand', f('bitor', x('0c'), x('30')), x('3c')))).toBe('3C');
  });
  it('errors', () => {
    expect(err('bitand', 'a', 'b', 'xx')).toBe('Error 40.23: BITAND argument 3 must be a single character; found "xx"');
    expect(err('bitor')).toBe('Error 40.3: Not enough arguments in invocation of "BITOR"; minimum expected is 1');
  });
});
