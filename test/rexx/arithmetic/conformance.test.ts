/**
 * The arithmetic lines of /work/shared/conformance/programs/{arith_*, numeric_*,
 * power_ops, number_blanks, bif_numeric, bif_format, regina_quirks}.rexx, with
 * the expected answers of their .out files — except where the standard differs
 * from Regina (marked STANDARD, with Regina's answer in the comment).
 */
import { describe, expect, it } from 'vitest';
import {
  abs,
  arith,
  compare,
  format,
  isNumber,
  isWholeNumber,
  normalize,
  prefix,
  sign,
  trunc,
  type ArithOp,
} from '../../../src/rexx/arithmetic/decimal.js';
import type { NumericSettings } from '../../../src/rexx/arithmetic/settings.js';

const N = (digits = 9, fuzz = 0, form: NumericSettings['form'] = 'SCIENTIFIC'): NumericSettings => ({
  digits,
  fuzz,
  form,
});
const D9 = N();

type Case = [string, ArithOp, string, string];
function table(n: NumericSettings, cases: Case[]) {
  for (const [a, op, b, want] of cases) {
    it(`${a} ${op} ${b} = ${want} (digits ${n.digits}${n.form === 'ENGINEERING' ? ' eng' : ''})`, () => {
      expect(arith(op, a, b, n)).toBe(want);
    });
  }
}

describe('arith_decimal', () => {
  table(D9, [
    ['1.5', '+', '1.5', '3.0'],
    ['0.1', '+', '0.2', '0.3'],
    ['1.50', '+', '1.50', '3.00'],
    ['12.345', '+', '0.005', '12.350'],
    ['1.0', '-', '0.1', '0.9'],
    ['5.75', '-', '5.75', '0'],
    ['2.50', '-', '3', '-0.50'],
    ['1.5', '*', '1.5', '2.25'],
    ['0.01', '*', '0.01', '0.0001'],
    ['1.10', '*', '2', '2.20'],
    ['3.000', '*', '1', '3.000'],
    ['1', '/', '8', '0.125'],
    ['22', '/', '7', '3.14285714'],
    ['1.000', '/', '4', '0.25'],
    ['100', '/', '3', '33.3333333'],
    ['5', '/', '0.5', '10'],
    ['123456789', '+', '0.5', '123456790'],
    ['123456789.4', '+', '0', '123456789'],
    ['999999999', '+', '0.6', '1.00000000E+9'],
    ['1.23456789012', '*', '1', '1.23456789'],
    ['0.999999999', '+', '0.0000000005', '1.00000000'],
    ['2.00', '+', '0', '2.00'],
    ['1.230', '*', '1', '1.230'],
    ['100', '/', '10.0', '10'],
    ['7.5', '%', '2', '3'],
    ['7.5', '//', '2', '1.5'],
    ['-7.5', '//', '2', '-1.5'],
    ['3.6', '//', '1.1', '0.3'],
    ['1.1', '**', '2', '1.21'],
    ['0.5', '**', '3', '0.125'],
    ['1.5', '**', '10', '57.6650391'],
  ]);
  it('1/7*7', () => expect(arith('*', arith('/', '1', '7', D9), '7', D9)).toBe('1.00000000'));
  it('prefix', () => {
    expect(prefix('+', '3.10', D9)).toBe('3.10');
    expect(prefix('-', '0.000', D9)).toBe('0');
  });
});

describe('arith_exponent', () => {
  table(D9, [
    ['1e2', '+', '0', '100'],
    ['1E+2', '*', '1', '100'],
    ['2.5e-3', '+', '0', '0.0025'],
    ['1e5', '+', '1', '100001'],
    ['12e0', '+', '0', '12'],
    ['1.5E3', '/', '1', '1500'],
    ['1e9', '*', '10', '1.0E+10'],
    ['123456789', '*', '10', '1.23456789E+9'],
    ['123456789', '*', '100', '1.23456789E+10'],
    ['1', '/', '3e10', '3.33333333E-11'],
    ['2', '**', '40', '1.09951163E+12'],
    ['1234567890123', '+', '0', '1.23456789E+12'],
    ['-1e20', '*', '3', '-3E+20'],
    ['1.5e99', '*', '1', '1.5E+99'],
    ['9.99999999e9', '*', '1', '9.99999999E+9'],
  ]);
  it('datatype / compare', () => {
    expect([isNumber('1e2'), isNumber('1e'), isNumber('e2')]).toEqual([true, false, false]);
    expect([isNumber('1.5E-10'), isNumber('.e1')]).toEqual([true, false]);
    expect(compare('1e2', '100', D9)).toBe(0);
    expect(compare('1E2', '100.0', D9)).toBe(0);
  });
});

describe('arith_integer', () => {
  table(D9, [
    ['2', '+', '3', '5'],
    ['-2', '+', '3', '1'],
    ['999999999', '+', '1', '1.00000000E+9'],
    ['5', '-', '8', '-3'],
    ['0', '-', '0', '0'],
    ['12', '*', '12', '144'],
    ['-7', '*', '6', '-42'],
    ['123456', '*', '1000', '123456000'],
    ['10', '/', '4', '2.5'],
    ['10', '/', '5', '2'],
    ['1', '/', '3', '0.333333333'],
    ['2', '/', '3', '0.666666667'],
    ['-7', '/', '2', '-3.5'],
    ['10', '%', '3', '3'],
    ['-10', '%', '3', '-3'],
    ['10', '%', '-3', '-3'],
    ['7', '%', '7', '1'],
    ['10', '//', '3', '1'],
    ['-10', '//', '3', '-1'],
    ['10', '//', '-3', '1'],
    ['-10', '//', '-3', '-1'],
    ['9', '//', '3', '0'],
    ['2', '**', '10', '1024'],
    ['3', '**', '0', '1'],
    ['-2', '**', '3', '-8'],
    ['-2', '**', '2', '4'],
    ['10', '**', '9', '1.00000000E+9'], // power drops only fractional trailing zeros (as Regina)
    ['2', '**', '32', '4.29496730E+9'],
    ['0', '*', '-1', '0'],
  ]);
  it('prefix', () => {
    expect(prefix('-', prefix('-', '5', D9), D9)).toBe('5');
    expect(prefix('+', '5', D9)).toBe('5');
    expect(prefix('-', '0', D9)).toBe('0');
  });
});

describe('numeric_digits', () => {
  table(N(5), [
    ['2', '/', '3', '0.66667'],
    ['12345', '+', '1', '12346'],
    ['123456', '+', '0', '1.2346E+5'],
    ['1.23456', '*', '1', '1.2346'],
    ['99999', '+', '1', '1.0000E+5'],
    ['100', '*', '1000', '1.0000E+5'],
    ['12345.6', '+', '0', '12346'],
  ]);
  table(N(20), [
    ['2', '/', '3', '0.66666666666666666667'],
    ['2', '**', '64', '18446744073709551616'],
    ['12345678901234567890', '+', '1', '12345678901234567891'],
    ['1', '/', '7', '0.14285714285714285714'],
    ['99999999999999999999', '+', '1', '1.0000000000000000000E+20'],
  ]);
  table(N(50), [
    ['1', '/', '3', '0.' + '3'.repeat(50)],
    ['2', '**', '100', '1267650600228229401496703205376'],
    ['1', '/', '97', '0.01030927835051546391752577319587628865979381443299'],
  ]);
  table(N(100), [
    ['2', '**', '200', '1606938044258990275541962092341162602522202993782792835301376'],
    ['1', '/', '7', '0.' + '142857'.repeat(17).slice(0, 99) + '9'],
  ]);
  table(N(12), [['10', '/', '3', '3.33333333333']]);
  it('compare and raw', () => {
    expect(compare('123456789', '123456788', D9)).toBe(1);
    expect(compare('1234567891', '1234567892', D9)).toBe(0);
    expect(normalize('1234567891', D9)).toBe('1.23456789E+9');
  });
});

describe('numeric_form', () => {
  const E9 = N(9, 0, 'ENGINEERING');
  table(D9, [
    ['123456789', '*', '1000', '1.23456789E+11'],
    ['123456789', '*', '100', '1.23456789E+10'],
    ['1', '/', '3e10', '3.33333333E-11'],
    ['5e11', '+', '0', '5E+11'],
    ['0.5e-15', '*', '1', '5E-16'], // adjusted exponent below -DIGITS (conformance numeric_form)
    ['5e10', '+', '0', '5E+10'],
  ]);
  table(E9, [
    ['123456789', '*', '1000', '123.456789E+9'],
    ['123456789', '*', '100', '12.3456789E+9'],
    ['123456789', '*', '10', '1.23456789E+9'],
    ['1', '/', '3e10', '33.3333333E-12'],
    ['5e11', '+', '0', '500E+9'],
    ['5e10', '+', '0', '50E+9'],
    ['5e12', '+', '0', '5E+12'],
    ['0.5e-15', '*', '1', '500E-18'],
    ['1.5e-20', '*', '1', '15E-21'],
  ]);
  table(N(4, 0, 'ENGINEERING'), [
    ['12345', '*', '1', '12.35E+3'],
    ['123456', '*', '1', '123.5E+3'],
    ['1234567', '*', '1', '1.235E+6'],
  ]);
});

describe('numeric_fuzz', () => {
  const eq = (a: string, b: string, n: NumericSettings) => compare(a, b, n) === 0;
  it('fuzz 0', () => {
    expect(eq('1.00000000', '1.000000001', D9)).toBe(true);
    expect(eq('123456789', '123456788', D9)).toBe(false);
  });
  it('fuzz 1', () => {
    const n = N(9, 1);
    expect(eq('123456789', '123456788', n)).toBe(true);
    expect(eq('123456789', '123456780', n)).toBe(false);
    expect(compare('123456789', '123456788', n)).toBe(0); // not >
    expect(compare('123456789', '123456780', n)).toBe(1); // >=
  });
  it('fuzz 3', () => {
    const n = N(9, 3);
    expect(eq('100000000', '100000999', n)).toBe(false);
    expect(compare('100000000', '100001000', n)).toBe(-1);
  });
  it('digits 5 fuzz 2', () => {
    const n = N(5, 2);
    expect(eq('1.2345', '1.2399', n)).toBe(false);
    expect(eq('1.2345', '1.2401', n)).toBe(false);
    expect(eq('10000', '10049', n)).toBe(true);
    expect(eq('10000', '10051', n)).toBe(false);
    expect(eq('0.1', '0.1004', n)).toBe(true);
    expect(eq('1.2345', '1.2346', N(5, 0))).toBe(false);
  });
  it('fuzz 8', () => {
    const n = N(9, 8);
    expect(eq('1', '1.9', n)).toBe(false);
    expect(eq('1', '2', n)).toBe(false);
  });
});

describe('power_ops', () => {
  table(D9, [
    ['2', '**', '0', '1'],
    ['0', '**', '0', '1'],
    ['0', '**', '5', '0'],
    ['2', '**', '-1', '0.5'],
    ['2', '**', '-2', '0.25'],
    ['10', '**', '-3', '0.001'],
    ['3', '**', '-1', '0.333333333'],
    ['-3', '**', '3', '-27'],
    ['-3', '**', '2', '9'],
    ['-2', '**', '-3', '-0.125'],
    ['1.5', '**', '2', '2.25'],
    ['7', '**', '1', '7'],
    ['2', '**', '30', '1.07374182E+9'],
    ['9', '**', '10', '3.48678440E+9'],
    ['0.1', '**', '5', '0.00001'],
    ['4', '**', '2', '16'],
    [' 3 ', '**', '3', '27'],
    ['2', '**', '3.0', '8'],
  ]);
  table(N(30), [
    ['2', '**', '64', '18446744073709551616'],
    ['3', '**', '40', '12157665459056928801'],
    ['2', '**', '-10', '0.0009765625'],
    ['7', '**', '-2', '0.0204081632653061224489795918367'],
  ]);
});

describe('number_blanks', () => {
  table(D9, [
    [' 12 ', '+', '1', '13'],
    ['  -3', '*', '2', '-6'],
    ['+ 4', '+', '0', '4'],
    ['- 4.5 ', '+', '0', '-4.5'],
    ['17.', '+', '0', '17'],
    ['.5', '+', '0', '0.5'],
    ['0.50', '+', '0', '0.50'],
    ['007', '+', '0', '7'],
    ['00.0100', '*', '1', '0.0100'],
    ['1e+2', '+', '0', '100'],
    ['  1E-2  ', '+', '0', '0.01'],
  ]);
  it('datatype, normalize, compare', () => {
    expect(normalize(' 42 ', D9)).toBe('42');
    expect([isNumber(' 42 '), isWholeNumber(' 42 ', D9)]).toEqual([true, true]);
    expect([isNumber(' '), isNumber(''), isNumber('+'), isNumber('.')]).toEqual([false, false, false, false]);
    expect([isNumber('- 1'), isNumber('1 1'), isNumber('1.'), isNumber('-.1')]).toEqual([true, false, true, true]);
    expect([isNumber('0x10'), isNumber('1e2.5'), isNumber('1,000')]).toEqual([false, false, false]);
    expect(compare(' 1', '1 ', D9)).toBe(0);
    expect([compare('+1', '1', D9), compare('-0', '0', D9), compare('1.', '1', D9)]).toEqual([0, 0, 0]);
    expect([trunc(' 3.7 ', 0, D9), abs(' -2 ', D9), sign(' -0.0 ', D9)]).toEqual(['3', '2', '0']);
  });
});

describe('bif_numeric', () => {
  it('abs', () => {
    expect(['-5', '5', '0', '-0.50', ' -12.3 '].map((s) => abs(s, D9))).toEqual(['5', '5', '0', '0.50', '12.3']);
  });
  it('sign', () => {
    expect(['-3', '0', '7.5', '-0', ' +2 '].map((s) => sign(s, D9))).toEqual(['-1', '0', '1', '0', '1']);
  });
  it('trunc', () => {
    expect([trunc('3.7', 0, D9), trunc('-3.7', 0, D9), trunc('12.345', 2, D9), trunc('12', 2, D9), trunc('0.5', 0, D9)]).toEqual(
      ['3', '-3', '12.34', '12.00', '0'],
    );
    expect([trunc('1.999', 1, D9), trunc('-1.05', 1, D9), trunc('1e3', 1, D9), trunc('123.456', 0, D9)]).toEqual([
      '1.9',
      '-1.0',
      '1000.0',
      '123',
    ]);
    expect(trunc('9.99999', 3, D9)).toBe('9.999');
  });
});

describe('bif_format', () => {
  const f = (s: string, b?: number, a?: number, p?: number, t?: number, n = D9) => format(s, b, a, p, t, n);
  it('cases', () => {
    expect(f('3')).toBe('3');
    expect(f('  3.14159  ')).toBe('3.14159');
    expect(f('3.14159', 4)).toBe('   3.14159');
    expect(f('3.14159', 4, 2)).toBe('   3.14');
    expect(f('-3.14159', 4, 2)).toBe('  -3.14');
    expect(f('3.14159', undefined, 3)).toBe('3.142');
    expect(f('2.5', undefined, 0)).toBe('3');
    expect(f('3.5', undefined, 0)).toBe('4');
    expect(f('-2.5', undefined, 0)).toBe('-3');
    expect(f('0.999', undefined, 2)).toBe('1.00');
    expect(f('1.2', undefined, 4)).toBe('1.2000');
    expect(f('12345.678', undefined, 1)).toBe('12345.7');
    expect(f('0.000123', undefined, 2)).toBe('0.00');
    expect(f('123456789012', undefined, 0)).toBe('1E+11');
    expect(f('1.5e10')).toBe('1.5E+10');
    expect(f('1.5e10', undefined, undefined, 0)).toBe('15000000000');
    expect(f('12345', undefined, undefined, undefined, 2)).toBe('1.2345E+4');
    expect(f('12345', undefined, undefined, 3, 2)).toBe('1.2345E+004');
    expect(f('1.23e-5', undefined, undefined, 3)).toBe('0.0000123');
    expect(f('1.23e-5', undefined, 3, 0)).toBe('0.000');
    expect(f('1e100', undefined, undefined, 3)).toBe('1E+100');
    expect(f('7', 3, 2)).toBe('  7.00');
    expect(f('-0.4', 1, 0)).toBe('0');
    expect(f('0', 2, 2)).toBe(' 0.00');
    expect(f('1234567', undefined, undefined, undefined, 3)).toBe('1.234567E+6');
    expect(f('99.995', undefined, 2)).toBe('100.00');
    expect(f('-0.001', undefined, 2)).toBe('0.00');
    expect(f('1E3')).toBe('1000');
  });
});

describe('regina_quirks (the standard answers)', () => {
  it('q.1-q.2 plain notation up to 2*DIGITS places', () => {
    expect(arith('*', '0.0000001', '1', D9)).toBe('0.0000001');
    expect(arith('+', '0.00000012', '0', D9)).toBe('0.00000012');
  });
  it('q.3-q.4 -0 = 0', () => {
    expect(compare(prefix('-', '0', D9), '0', D9)).toBe(0);
  });
  it('q.5-q.6 trunc never gives -0', () => {
    expect(trunc('-0.4', 0, D9)).toBe('0');
    expect(trunc('-0.05', 1, D9)).toBe('0.0');
  });
  it('q.7-q.9 abs and trunc round as +0', () => {
    expect(abs('1e2', D9)).toBe('100');
    expect(abs('12345678901', D9)).toBe('1.23456789E+10');
    expect(trunc('12345678901', 0, D9)).toBe('12345678900');
  });
  it('q.10-q.12 format', () => {
    expect(format('1.50', undefined, undefined, 0, undefined, D9)).toBe('1.50');
    expect(format('12.50', undefined, undefined, undefined, 0, D9)).toBe('1.250E+1');
    expect(format('12345.678', undefined, undefined, undefined, 0, N(4))).toBe('1.235E+4');
    expect(abs('1.234567', N(4))).toBe('1.235');
  });
  it('q.13-q.14 fuzzy comparison subtracts', () => {
    expect(compare('123456789', '123456790', N(9, 1))).toBe(0);
    expect(compare('123456789', '123456790', N(8))).toBe(0);
    expect(arith('-', '123456789', '123456790', N(8))).toBe('0');
  });
});
