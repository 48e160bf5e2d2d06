/** Every error path of the arithmetic API, with its inserts. */
import { describe, expect, it } from 'vitest';
import { abs, arith, compare, format, normalize, prefix, sign, trunc, type ArithOp } from '../../../src/rexx/arithmetic/decimal.js';
import { RexxError } from '../../../src/rexx/errors.js';
import type { NumericSettings } from '../../../src/rexx/arithmetic/settings.js';

const N = (digits = 9): NumericSettings => ({ digits, fuzz: 0, form: 'SCIENTIFIC' });

function err(f: () => unknown): { code: string; inserts: readonly string[] } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RexxError);
    const x = e as RexxError;
    return { code: x.codeText, inserts: x.inserts };
  }
  throw new Error('no error');
}
const A = (op: ArithOp, a: string, b: string, n = N()) => err(() => arith(op, a, b, n));

describe('41: non-numeric operands', () => {
  it('left, right, prefix', () => {
    expect(A('+', 'a', '1')).toEqual({ code: '41.1', inserts: ['a', '+'] });
    expect(A('//', '1', 'b')).toEqual({ code: '41.2', inserts: ['b', '//'] });
    expect(A('*', 'x', 'y')).toEqual({ code: '41.1', inserts: ['x', '*'] }); // left first
    expect(A('**', '2', '')).toEqual({ code: '41.2', inserts: ['', '**'] });
    expect(err(() => prefix('-', 'abc', N()))).toEqual({ code: '41.3', inserts: ['abc', '-'] });
    expect(err(() => prefix('+', '1e', N()))).toEqual({ code: '41.3', inserts: ['1e', '+'] });
  });
  it('the fast path does not hide them', () => {
    expect(A('+', '12a', '1')).toEqual({ code: '41.1', inserts: ['12a', '+'] });
    expect(A('-', '1', '-')).toEqual({ code: '41.2', inserts: ['-', '-'] });
  });
  it('non-numbers elsewhere: undefined, or 40.11 from the BIF helpers', () => {
    expect(compare('a', '1', N())).toBeUndefined();
    expect(compare('1', 'a', N())).toBeUndefined();
    expect(normalize('1 1', N())).toBeUndefined();
    expect(trunc('x', 0, N())).toBeUndefined();
    expect(err(() => abs('x', N()))).toEqual({ code: '40.11', inserts: ['ABS', '1', 'x'] });
    expect(err(() => sign('', N()))).toEqual({ code: '40.11', inserts: ['SIGN', '1', ''] });
    expect(err(() => format('1..', undefined, undefined, undefined, undefined, N()))).toEqual({
      code: '40.11',
      inserts: ['FORMAT', '1', '1..'],
    });
  });
});

describe('42: overflow, underflow, division by zero', () => {
  it('overflow and underflow (exponent beyond 999999999)', () => {
    expect(arith('*', '1e999999999', '1', N())).toBe('1E+999999999');
    expect(A('*', '1e999999999', '10')).toEqual({ code: '42.1', inserts: ['1e999999999', '*', '10', '9'] });
    expect(A('+', '9.9999999999e999999999', '0')).toEqual({
      code: '42.1',
      inserts: ['9.9999999999e999999999', '+', '0', '9'],
    });
    expect(arith('/', '1e-999999999', '1', N())).toBe('1E-999999999');
    expect(A('/', '1e-999999999', '10')).toEqual({ code: '42.2', inserts: ['1e-999999999', '/', '10', '9'] });
    expect(A('*', '1e-999999999', '1e-9').code).toBe('42.2');
    expect(err(() => normalize('10e999999999', N())).code).toBe('42.1');
  });
  it('overflow in power is found quickly', () => {
    expect(A('**', '100', '999999999')).toEqual({ code: '42.1', inserts: ['100', '**', '999999999', '9'] });
    expect(A('**', '0.01', '999999999').code).toBe('42.2');
    expect(A('**', '100', '-999999999').code).toBe('42.2');
    expect(A('**', '-0.01', '-999999999').code).toBe('42.1');
    expect(A('**', '11', '999999999').code).toBe('42.1');
    expect(arith('**', '2', '999999999', N())).toBe('2.30648800E+301029995');
    expect(arith('**', '2', '-999999999', N())).toBe('4.33559594E-301029996');
    expect(arith('**', '10', '999999999', N())).toBe('1.00000000E+999999999');
    expect(arith('**', '10', '-999999999', N())).toBe('1E-999999999');
    expect(arith('**', '10', '999999998', N())).toBe('1.00000000E+999999998');
    expect(arith('**', '1', '999999999', N())).toBe('1');
    expect(arith('**', '-1', '999999999', N())).toBe('-1');
    expect(arith('**', '-1.000', '999999998', N())).toBe('1');
  });
  it('division by zero', () => {
    for (const op of ['/', '%', '//'] as const) {
      expect(A(op, '5', '0')).toEqual({ code: '42.3', inserts: [] });
      expect(A(op, '5.5', '0.000')).toEqual({ code: '42.3', inserts: [] });
      expect(A(op, '0', '0E5')).toEqual({ code: '42.3', inserts: [] });
    }
    expect(A('**', '0', '-1').code).toBe('42.3');
    expect(A('**', '0.0', '-2').code).toBe('42.3');
  });
});

describe('26: whole numbers', () => {
  it('26.8 power must be whole', () => {
    expect(A('**', '2', '1.5')).toEqual({ code: '26.8', inserts: ['1.5'] });
    expect(A('**', '2', '0.5E-1').code).toBe('26.8');
    expect(arith('**', '2', '5.0', N())).toBe('32');
    expect(arith('**', '2', '0.4E1', N())).toBe('16');
    // a whole number must fit in DIGITS digits
    expect(A('**', '2', '1E10')).toEqual({ code: '26.8', inserts: ['1E10'] });
    expect(A('**', '657', '16', N(1))).toEqual({ code: '26.8', inserts: ['16'] });
    // rounding to DIGITS happens first
    expect(arith('**', '2', '3.0000000001', N())).toBe('8');
  });
  it('26.11 / 26.12 integer division result needs more than DIGITS digits', () => {
    expect(A('%', '1000', '0.001', N(3))).toEqual({ code: '26.11', inserts: ['1000', '0.001', '3'] });
    expect(A('//', '1000', '0.001', N(3))).toEqual({ code: '26.12', inserts: ['1000', '0.001', '3'] });
    expect(A('%', '1e10', '1')).toEqual({ code: '26.11', inserts: ['1e10', '1', '9'] });
    expect(A('//', '1234567890', '1')).toEqual({ code: '26.12', inserts: ['1234567890', '1', '9'] });
    expect(arith('%', '999999999', '1', N())).toBe('999999999');
    expect(arith('%', '1e999999999', '1e999999991', N())).toBe('100000000');
    expect(A('%', '1e999999999', '1e999999990').code).toBe('26.11');
  });
});

describe('FORMAT 40.38', () => {
  const f = (s: string, b?: number, a?: number, p?: number, t?: number) => err(() => format(s, b, a, p, t, N()));
  it('before too small', () => {
    expect(f('123.45', 2)).toEqual({ code: '40.38', inserts: ['FORMAT', '2', '123.45'] });
    expect(f('-123.45', 3)).toEqual({ code: '40.38', inserts: ['FORMAT', '2', '-123.45'] });
    expect(f('-1', 1)).toEqual({ code: '40.38', inserts: ['FORMAT', '2', '-1'] });
    expect(f('99.96', 2, 1)).toEqual({ code: '40.38', inserts: ['FORMAT', '2', '99.96'] }); // rounds to 100.0
  });
  it('expp too small', () => {
    expect(f('1234567890123', undefined, undefined, 1)).toEqual({ code: '40.38', inserts: ['FORMAT', '4', '1234567890123'] });
    expect(f('1e100', undefined, undefined, 2)).toEqual({ code: '40.38', inserts: ['FORMAT', '4', '1e100'] });
  });
});
