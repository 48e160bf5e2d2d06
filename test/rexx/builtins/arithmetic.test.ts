import { describe, expect, it } from 'vitest';
import { bif, bifError, fakeContext } from './helpers.js';

const c = fakeContext();
const f = (n: string, ...a: (string | number | undefined)[]) => bif(c, n, ...a);
const err = (n: string, ...a: (string | number | undefined)[]) => bifError(c, n, ...a);

describe('ABS SIGN MAX MIN TRUNC DIGITS FUZZ FORM (bif_numeric)', () => {
  it('gives the conformance answers', () => {
    expect([f('abs', -5), f('abs', 5), f('abs', 0), f('abs', '-0.50'), f('abs', ' -12.3 ')]).toEqual(['5', '5', '0', '0.50', '12.3']);
    expect([f('sign', -3), f('sign', 0), f('sign', '7.5'), f('sign', '-0'), f('sign', ' +2 ')]).toEqual(['-1', '0', '1', '0', '1']);
    expect([f('max', 1, 2, 3), f('max', -1, -2), f('max', 5), f('max', '1.5', '1.50'), f('max', 2, 10)]).toEqual(['3', '-1', '5', '1.5', '10']);
    expect([f('max', 3, '3.0'), f('max', '1e2', 999)]).toEqual(['3', '999']);
    expect([f('min', 1, 2, 3), f('min', -1, -2), f('min', 5), f('min', '0.1', '0.01'), f('min', 2, 10)]).toEqual(['1', '-2', '5', '0.01', '2']);
    expect([f('min', '3.0', 3), f('min', '  7 ', 8)]).toEqual(['3.0', '7']);
    expect([f('trunc', '3.7'), f('trunc', '-3.7'), f('trunc', '12.345', 2), f('trunc', 12, 2), f('trunc', '0.5')]).toEqual(['3', '-3', '12.34', '12.00', '0']);
    expect([f('trunc', '1.999', 1), f('trunc', '-1.05', 1), f('trunc', '1e3', 1), f('trunc', '123.456', 0)]).toEqual(['1.9', '-1.0', '1000.0', '123']);
    expect(f('trunc', '9.99999', 3)).toBe('9.999');
    expect([f('digits'), f('fuzz'), f('form')]).toEqual(['9', '0', 'SCIENTIFIC']);
    const e = fakeContext({ digits: 15, fuzz: 2, form: 'ENGINEERING' });
    expect([bif(e, 'digits'), bif(e, 'fuzz'), bif(e, 'form')]).toEqual(['15', '2', 'ENGINEERING']);
  });
  it('follows the standard where Regina differs (regina_quirks)', () => {
    expect(f('trunc', '-0.4')).toBe('0');
    expect(f('trunc', '-0.05', 1)).toBe('0.0');
    expect([f('abs', '1e2'), f('max', '1e2', 99)]).toEqual(['100', '100']);
    expect([f('abs', '12345678901'), f('max', '12345678901', 1)]).toEqual(['1.23456789E+10', '1.23456789E+10']);
    expect(f('trunc', '12345678901')).toBe('12345678900');
    expect([f('format', '1.50', undefined, undefined, 0), f('format', '12.50', undefined, undefined, undefined, 0)]).toEqual(['1.50', '1.250E+1']);
    const d4 = fakeContext({ digits: 4 });
    expect(bif(d4, 'format', '12345.678', undefined, undefined, undefined, 0)).toBe('1.235E+4');
    expect(bif(d4, 'abs', '1.234567')).toBe('1.235');
  });
  it('works at NUMERIC DIGITS 100', () => {
    const big = fakeContext({ digits: 100 });
    const n = '1' + '0'.repeat(80);
    expect(bif(big, 'abs', '-' + n)).toBe(n);
    expect(bif(big, 'max', n, '1' + '0'.repeat(79))).toBe(n);
    expect(bif(big, 'sign', '-' + n)).toBe('-1');
    expect(bif(big, 'trunc', n + '.999', 2)).toBe(n + '.99');
  });
  it('errors', () => {
    expect(err('abs', 'x')).toBe('Error 40.11: ABS argument 1 must be a number; found "x"');
    expect(err('sign', '')).toBe('Error 40.11: SIGN argument 1 must be a number; found ""');
    expect(err('max', 1, 'a')).toBe('Error 40.11: MAX argument 2 must be a number; found "a"');
    expect(err('max')).toBe('Error 40.3: Not enough arguments in invocation of "MAX"; minimum expected is 1');
    expect(err('min', 1, undefined, 2)).toBe('Error 40.5: Missing argument in invocation of "MIN"; argument 2 is required');
    expect(err('trunc', '1.5', -1)).toBe('Error 40.13: TRUNC argument 2 must be zero or positive; found "-1"');
    expect(err('trunc', '1.5', 'a')).toBe('Error 40.12: TRUNC argument 2 must be a whole number; found "a"');
    expect(err('trunc', 'a')).toBe('Error 40.11: TRUNC argument 1 must be a number; found "a"');
    expect(err('digits', 1)).toBe('Error 40.4: Too many arguments in invocation of "DIGITS"; maximum expected is 0');
  });
});

describe('FORMAT (bif_format)', () => {
  it('gives the conformance answers', () => {
    const cases: [(string | number | undefined)[], string][] = [
      [[3], '3'], [['  3.14159  '], '3.14159'], [['3.14159', 4], '   3.14159'], [['3.14159', 4, 2], '   3.14'],
      [['-3.14159', 4, 2], '  -3.14'], [['3.14159', undefined, 3], '3.142'], [['2.5', undefined, 0], '3'],
      [['3.5', undefined, 0], '4'], [['-2.5', undefined, 0], '-3'], [['0.999', undefined, 2], '1.00'],
      [['1.2', undefined, 4], '1.2000'], [['12345.678', undefined, 1], '12345.7'], [['0.000123', undefined, 2], '0.00'],
      [['123456789012', undefined, 0], '1E+11'], [['1.5e10'], '1.5E+10'], [['1.5e10', undefined, undefined, 0], '15000000000'],
      [[12345, undefined, undefined, undefined, 2], '1.2345E+4'], [[12345, undefined, undefined, 3, 2], '1.2345E+004'],
      [['1.23e-5', undefined, undefined, 3], '0.0000123'], [['1.23e-5', undefined, 3, 0], '0.000'],
      [['1e100', undefined, undefined, 3], '1E+100'], [[7, 3, 2], '  7.00'], [['-0.4', 1, 0], '0'], [[0, 2, 2], ' 0.00'],
      [[1234567, undefined, undefined, undefined, 3], '1.234567E+6'], [['99.995', undefined, 2], '100.00'],
      [['-0.001', undefined, 2], '0.00'], [['1E3'], '1000'],
    ];
    for (const [args, want] of cases) expect(f('format', ...args), JSON.stringify(args)).toBe(want);
  });
  it('errors', () => {
    expect(err('format', 'a')).toBe('Error 40.11: FORMAT argument 1 must be a number; found "a"');
    expect(err('format', 1, 'a')).toBe('Error 40.12: FORMAT argument 2 must be a whole number; found "a"');
    expect(err('format', 1, -1)).toBe('Error 40.13: FORMAT argument 2 must be zero or positive; found "-1"');
    expect(err('format', 12345, 2)).toBe('Error 40.38: FORMAT argument 2 is not large enough to format "12345"');
    expect(err('format', 1, undefined, -1)).toBe('Error 40.13: FORMAT argument 3 must be zero or positive; found "-1"');
    expect(err('format', 1, undefined, undefined, -1)).toBe('Error 40.13: FORMAT argument 4 must be zero or positive; found "-1"');
    expect(err('format', 1, undefined, undefined, undefined, -1)).toBe('Error 40.13: FORMAT argument 5 must be zero or positive; found "-1"');
  });
});

describe('RANDOM', () => {
  it('gives the same sequence for the same seed within a run', () => {
    const k = fakeContext();
    const a = [bif(k, 'random', 1, 100, 42), bif(k, 'random', 1, 100), bif(k, 'random', 1, 100)];
    const b = [bif(k, 'random', 1, 100, 42), bif(k, 'random', 1, 100), bif(k, 'random', 1, 100)];
    expect(b).toEqual(a);
    for (let i = 0; i < 200; i++) {
      const r = Number(bif(k, 'random', 5, 7));
      expect(r >= 5 && r <= 7).toBe(true);
    }
    const m = Number(bif(k, 'random', 10));
    expect(m >= 0 && m <= 10).toBe(true);
    const d = Number(bif(k, 'random'));
    expect(d >= 0 && d <= 999).toBe(true);
    expect(bif(k, 'random', 3, 3)).toBe('3');
  });
  it('errors', () => {
    expect(err('random', 1, 2, 3, 4)).toBe('Error 40.4: Too many arguments in invocation of "RANDOM"; maximum expected is 3');
    expect(err('random', 5, 1)).toBe('Error 40.33: RANDOM argument 1 ("5") must be less than or equal to argument 2 ("1")');
    expect(err('random', 0, 100001)).toBe('Error 40.32: RANDOM the difference between argument 1 ("0") and argument 2 ("100001") must not exceed 100000');
    expect(err('random', -1)).toBe('Error 40.13: RANDOM argument 1 must be zero or positive; found "-1"');
    expect(err('random', 1000000)).toBe('Error 40.31: RANDOM argument 1 ("1000000") must not exceed 100000');
    expect(err('random', undefined, undefined, -1)).toBe('Error 40.13: RANDOM argument 3 must be zero or positive; found "-1"');
    expect(err('random', 'a')).toBe('Error 40.12: RANDOM argument 1 must be a whole number; found "a"');
    expect(err('random', '1.5')).toBe('Error 40.12: RANDOM argument 1 must be a whole number; found "1.5"');
  });
});
