/**
 * Rounding, DIGITS, FORM, whole numbers, parsing and the BIF helpers — cases
 * beyond the conformance programs, including those where Regina 3.6 deviates
 * from TRL2 / ANSI X3.274 (marked STANDARD with Regina's answer).
 */
import { describe, expect, it } from 'vitest';
import {
  abs,
  arith,
  format,
  isNumber,
  isWholeNumber,
  normalize,
  parseNumber,
  prefix,
  sign,
  toWholeNumber,
  trunc,
  type Decimal,
} from '../../../src/rexx/arithmetic/decimal.js';
import type { NumericSettings } from '../../../src/rexx/arithmetic/settings.js';

const N = (digits = 9, form: NumericSettings['form'] = 'SCIENTIFIC'): NumericSettings => ({ digits, fuzz: 0, form });
const D9 = N();
/** A Decimal's value fields (without its BigInt cache `b`). */
const value = (d: Decimal | undefined) => d && { neg: d.neg, c: d.c, e: d.e };

describe('parsing', () => {
  it('parsed form', () => {
    expect(value(parseNumber('  -  00012.3400E+2 '))).toEqual({ neg: true, c: '123400', e: -2 });
    expect(value(parseNumber('0.000'))).toEqual({ neg: false, c: '0', e: 0 });
    expect(value(parseNumber('-0E+5'))).toEqual({ neg: false, c: '0', e: 0 });
    expect(value(parseNumber('.5e-3'))).toEqual({ neg: false, c: '5', e: -4 });
    expect(value(parseNumber('17.'))).toEqual({ neg: false, c: '17', e: 0 });
  });
  it('what is not a number', () => {
    for (const s of ['', ' ', '-', '+ ', '.', '1e', '1e+', 'e1', '1 e1', '1e 1', '1.2.3', '--1', '+-1', '1-', '0x1', '\t1', '1\t', '1e1000000000', '1E-1000000000', '١'])
      expect([s, isNumber(s)]).toEqual([s, false]);
    for (const s of ['1e999999999', '1E-999999999', '1.e1', '+.5', '1e-0', ' - 7 ', '000', '0e0'])
      expect([s, isNumber(s)]).toEqual([s, true]);
  });
});

describe('rounding and DIGITS', () => {
  it('half up, away from zero', () => {
    expect(arith('+', '0.5', '0', N(1))).toBe('0.5');
    expect(arith('+', '2.5', '0', N(1))).toBe('3');
    expect(arith('+', '-2.5', '0', N(1))).toBe('-3');
    expect(arith('+', '3.5', '0', N(1))).toBe('4');
    expect(arith('+', '2.49', '0', N(1))).toBe('2');
    expect(arith('*', '9.5', '1', N(1))).toBe('1E+1');
    expect(arith('+', '99.5', '0', N(2))).toBe('1.0E+2');
  });
  it('every DIGITS from 1 to 40 for 2/3 and 1e(DIGITS)', () => {
    for (let d = 1; d <= 40; d++) {
      expect(arith('/', '2', '3', N(d))).toBe(d === 1 ? '0.7' : '0.' + '6'.repeat(d - 1) + '7');
      expect(normalize('1' + '0'.repeat(d - 1), N(d))).toBe('1' + '0'.repeat(d - 1));
      expect(normalize('1' + '0'.repeat(d), N(d))).toBe(d === 1 ? '1E+1' : '1.' + '0'.repeat(d - 1) + 'E+' + d);
    }
  });
  it('operands are truncated to DIGITS+1 digits, results counted from the operands\u2019 first digit', () => {
    expect(arith('*', '1.15', '1.15', N(2))).toBe('1.3'); // 1.3225: 3 digits = DIGITS+1, not truncated
    expect(arith('*', '12219742536E+1', '545.67214904171', N(2))).toBe('6.6E+13'); // STANDARD (Regina 6.7E+13)
    expect(arith('-', '1.00', '0.0123', N(3))).toBe('0.99');
    expect(arith('-', '1.00', '0.0051', N(3))).toBe('1.00');
    expect(arith('+', '1.234549', '0.000001', N(5))).toBe('1.2345');
    expect(arith('+', '1e20', '1', D9)).toBe('1.00000000E+20');
    expect(arith('+', '-99', '99.99999E-8', N(3))).toBe('-99.0');
    expect(arith('+', '69442', '488.E+9', N(5))).toBe('4.8800E+11');
    expect(arith('-', '100', '0.001', N(3))).toBe('100');
  });
  it('zero', () => {
    expect(arith('+', '1.5', '0.00', D9)).toBe('1.5');
    expect(arith('+', '0.00', '1.50', D9)).toBe('1.50');
    expect(arith('-', '0.000', '2.0', D9)).toBe('-2.0');
    expect(arith('-', '1.50', '1.5', D9)).toBe('0');
    expect(arith('*', '-0.0', '5', D9)).toBe('0');
    expect(arith('/', '0.00', '-7', D9)).toBe('0');
    expect(prefix('-', '0.0', D9)).toBe('0');
    expect(arith('//', '6', '-3', D9)).toBe('0');
  });
  it('trailing zeros: kept by + - * and //, dropped by / and **', () => {
    expect(arith('*', '1.000', '1.000', D9)).toBe('1.000000');
    expect(arith('/', '2.40', '2', D9)).toBe('1.2');
    expect(arith('**', '1.0', '2', D9)).toBe('1');
    expect(arith('**', '1.10', '1', D9)).toBe('1.1');
    expect(arith('**', '100', '1', D9)).toBe('100');
    expect(arith('**', '10', '20', D9)).toBe('1.00000000E+20'); // integer zeros stay (as Regina)
    expect(arith('/', '3486784401', '1', D9)).toBe('3.48678440E+9');
    expect(arith('/', '2e9', '2', D9)).toBe('1.00000000E+9');
    expect(arith('/', '2.40', '2', D9)).toBe('1.2');
    expect(arith('//', '10.00', '3', N(3))).toBe('1.00'); // STANDARD (Regina 1)
    expect(arith('//', '3.6', '1.3', N(3))).toBe('1.0'); // STANDARD: TRL2 example (Regina 1)
    expect(arith('//', '10', '0.3', N(3))).toBe('0.1');
    expect(arith('//', '2.1', '3', N(3))).toBe('2.1');
    expect(arith('//', '12.345', '100', N(3))).toBe('12.3');
  });
  it('power follows the ANSI algorithm (working precision DIGITS+L+1)', () => {
    expect(arith('**', '1.7', '8', D9)).toBe('69.7575744');
    expect(arith('**', '4253.752', '13', D9)).toBe('1.49292559E+47'); // Regina 1.49292560E+47 (less exact)
    expect(arith('**', '3.4', '8', N(1, 'ENGINEERING'))).toBe('20E+3'); // Regina 10E+3
    expect(arith('**', '-0.9999E+4', '12', N(3, 'ENGINEERING'))).toBe('999E+45'); // Regina 1.00E+48
    expect(arith('**', '0.1', '20', D9)).toBe('1E-20');
    expect(arith('**', '1e-5', '3', D9)).toBe('1E-15'); // adjusted exponent below -DIGITS
    expect(arith('**', '2', '-3', D9)).toBe('0.125');
    expect(arith('**', '-2', '-2', D9)).toBe('0.25');
    expect(arith('**', '3', '-2', N(5))).toBe('0.11111');
    expect(arith('**', '7', '-2', N(30))).toBe('0.0204081632653061224489795918367');
  });
});

describe('layout and FORM', () => {
  it('plain up to DIGITS integer places and 2*DIGITS decimal places', () => {
    expect(arith('*', '0.0000001', '1', D9)).toBe('0.0000001'); // STANDARD (Regina 1E-7)
    expect(arith('*', '1e-18', '1', D9)).toBe('1E-18');
    expect(arith('*', '1e-7', '1', D9)).toBe('0.0000001'); // regina_quirks: the standard's answer
    expect(arith('*', '1e-19', '1', D9)).toBe('1E-19');
    expect(arith('*', '1.5e-18', '1', D9)).toBe('1.5E-18'); // 19 places
    expect(arith('/', '66506E-9', '-9.928', N(3))).toBe('-6.7E-6'); // 7 places > 6 (Regina -0.0000067)
    expect(normalize('123456789', D9)).toBe('123456789');
    expect(normalize('1234567890', D9)).toBe('1.23456789E+9');
    expect(normalize('-1234567890', D9)).toBe('-1.23456789E+9');
  });
  it('ENGINEERING', () => {
    const E = N(9, 'ENGINEERING');
    expect(normalize('1e9', E)).toBe('1E+9');
    expect(normalize('1e10', E)).toBe('10E+9');
    expect(normalize('1.2e11', E)).toBe('120E+9');
    expect(normalize('1.23456789e-19', E)).toBe('123.456789E-21');
    expect(normalize('-1e-19', E)).toBe('-100E-21');
    expect(arith('*', '123.45', '1e11', E)).toBe('12.345E+12');
    expect(arith('*', '123.45', '1e11', D9)).toBe('1.2345E+13');
    expect(normalize('12', N(1, 'ENGINEERING'))).toBe('10'); // E+0 is never written
  });
});

describe('whole numbers', () => {
  it('isWholeNumber (DATATYPE W)', () => {
    const w = (s: string, n = D9) => isWholeNumber(s, n);
    expect([w('1.5e10'), w('12345678901'), w('1.0'), w('1e2'), w('1E9'), w('-0.0')]).toEqual([false, false, true, true, false, true]);
    // STANDARD: rounded to DIGITS first (Regina says 0 for both)
    expect([w('1.00000000001'), w('123456789.4')]).toEqual([true, true]);
    expect([w('0.5'), w('abc'), w(' 42 '), w('1e-1')]).toEqual([false, false, true, false]);
    expect(w('1234567890', N(10))).toBe(true);
  });
  it('toWholeNumber', () => {
    expect(toWholeNumber('2.0', D9)).toBe(2);
    expect(toWholeNumber('-0', D9)).toBe(0);
    expect(Object.is(toWholeNumber('-0.0', D9), 0)).toBe(true);
    expect(toWholeNumber(' -12 ', D9)).toBe(-12);
    expect(toWholeNumber('1E3', D9)).toBe(1000);
    expect(toWholeNumber('1.5', D9)).toBeUndefined();
    expect(toWholeNumber('1E9', D9)).toBeUndefined();
    expect(toWholeNumber('9007199254740991', N(20))).toBe(9007199254740991);
    expect(toWholeNumber('9007199254740992', N(20))).toBeUndefined();
    expect(toWholeNumber('x', D9)).toBeUndefined();
  });
});

describe('TRUNC, ABS, SIGN', () => {
  it('trunc', () => {
    expect(trunc('12345678901', 0, D9)).toBe('12345678900');
    expect(trunc('1.5e10', 2, D9)).toBe('15000000000.00');
    expect(trunc('0.000000000000000000012345', 25, D9)).toBe('0.0000000000000000000123450');
    expect(trunc('-1e-20', 0, D9)).toBe('0');
    expect(trunc('-0.05', 1, D9)).toBe('0.0');
    expect(trunc('-12.999', 2, D9)).toBe('-12.99');
    expect(trunc('0.9', 0, D9)).toBe('0');
    expect(trunc('5', 3, D9)).toBe('5.000');
    expect(trunc('123.456789', 10, N(5))).toBe('123.4600000000');
  });
  it('abs and sign', () => {
    expect(abs('-1e2', D9)).toBe('100');
    expect(abs('-12345678901', D9)).toBe('1.23456789E+10');
    expect(abs('-0.0', D9)).toBe('0');
    expect(abs('-1.234567', N(4))).toBe('1.235');
    expect(sign('-0.000', D9)).toBe('0');
    expect(sign('1e-999999999', D9)).toBe('1');
    expect(sign('-5e3', D9)).toBe('-1');
  });
});

describe('FORMAT', () => {
  const f = (s: string, b?: number, a?: number, p?: number, t?: number, n = D9) => format(s, b, a, p, t, n);
  it('the standard where Regina differs', () => {
    expect(f('123.456', undefined, undefined, 0, 0)).toBe('123.456'); // expp 0 overrides expt 0 (Regina: 40.38)
    expect(f('0.000123456', undefined, undefined, undefined, 2)).toBe('1.23456E-4'); // 9 places > 2*2 (Regina plain)
    expect(f('0.0000001')).toBe('0.0000001'); // as +0 (Regina 1E-7)
  });
  it('agrees with Regina', () => {
    expect(f('123.456', undefined, undefined, 2)).toBe('123.456');
    expect(f('-1.5e-20', undefined, 2, 3, 0)).toBe('-1.50E-020');
    expect(f('9.9999', undefined, 2)).toBe('10.00');
    expect(f('-9.9999', undefined, 2)).toBe('-10.00');
    expect(f('0.0005', undefined, 3)).toBe('0.001');
    expect(f('12.5', undefined, 0)).toBe('13');
    expect(f('-0.5', undefined, 0)).toBe('-1');
    expect(f('1e30')).toBe('1E+30');
    expect(f('1.234e-30')).toBe('1.234E-30');
    expect(f('3', undefined, undefined, 2)).toBe('3');
    expect(f('3', undefined, undefined, 2, 0)).toBe('3    ');
    expect(f('1.5', undefined, undefined, 2, 0)).toBe('1.5    ');
    expect(f('9.99e5', undefined, 1)).toBe('999000.0');
    expect(f('9.99e15', undefined, 1)).toBe('1.0E+16');
    expect(f('9.96e15', undefined, 1)).toBe('1.0E+16');
    expect(f('1.23e-30', 6, 2)).toBe('     1.23E-30');
    expect(f('1234567890123', undefined, undefined, 3)).toBe('1.23456789E+012');
    expect(f('0', undefined, undefined, undefined, 0)).toBe('0');
    expect(f('0', undefined, undefined, 3, 0)).toBe('0     ');
    expect(f('0.00', undefined, 1)).toBe('0.0');
    expect(f('1e-7', undefined, undefined, 0)).toBe('0.0000001');
    expect(f('1.2e-7', undefined, undefined, 0)).toBe('0.00000012');
    expect(f('123456789.5', undefined, undefined, 0)).toBe('123456790');
  });
  it('IBM reference examples', () => {
    expect(f('12345.73', undefined, undefined, 2, 2)).toBe('1.234573E+04');
    expect(f('12345.73', undefined, 3, undefined, 0)).toBe('1.235E+4');
    expect(f('1.234573', undefined, 3, undefined, 0)).toBe('1.235');
    expect(f('12345.73', undefined, undefined, 3, 6)).toBe('12345.73');
    expect(f('1234567e5', undefined, 3, 0)).toBe('123456700000.000');
    expect(f('-.76', 4, 1)).toBe('  -0.8');
    expect(f('3.03', 4, 4)).toBe('   3.0300');
    expect(f(' - 12.73', undefined, 4)).toBe('-12.7300');
  });
  it('ENGINEERING', () => {
    const E = N(9, 'ENGINEERING');
    expect(f('12345', undefined, undefined, undefined, 2, E)).toBe('12.345E+3');
    expect(f('999.96E+3', undefined, 1, undefined, 2, E)).toBe('1.0E+6');
    expect(f('1.5e-20', undefined, undefined, 2, undefined, E)).toBe('15E-21');
  });
});
