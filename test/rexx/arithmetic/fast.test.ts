/**
 * The small-integer fast path must give exactly what the exact path gives —
 * results and errors alike.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arith, arithExact, compare, normalize, prefix, toWholeNumber, type ArithOp } from '../../../src/rexx/arithmetic/decimal.js';
import { parseNumber } from '../../../src/rexx/arithmetic/number.js';
import { compareDecimal } from '../../../src/rexx/arithmetic/ops.js';
import { roundDigits } from '../../../src/rexx/arithmetic/round.js';
import { finish } from '../../../src/rexx/arithmetic/result.js';
import type { NumericSettings } from '../../../src/rexx/arithmetic/settings.js';

const OPS: ArithOp[] = ['+', '-', '*', '/', '%', '//', '**'];

function outcome(f: () => string | number | undefined): string {
  try {
    return String(f());
  } catch (e) {
    const x = e as { code?: number; subcode?: number; inserts?: string[] };
    return `ERR ${x.code}.${x.subcode} ${JSON.stringify(x.inserts)}`;
  }
}

/** integers written as the fast path reads them, biased to edge values */
const smallIntString = fc.oneof(
  fc.integer({ min: -999_999_999, max: 999_999_999 }).map(String),
  fc.integer({ min: -20, max: 20 }).map(String),
  fc.constantFrom('0', '-0', '1', '-1', '999999999', '-999999999', '100000000', '007', '-000000001', '2', '10'),
  fc.integer({ min: 0, max: 99999 }).map((v) => String(v).padStart(9, '0')),
);

const settings = fc.record({
  digits: fc.oneof(fc.integer({ min: 9, max: 20 }), fc.constantFrom(9, 10, 15, 16, 17, 18, 30, 100)),
  fuzz: fc.constant(0),
  form: fc.constantFrom<NumericSettings['form']>('SCIENTIFIC', 'ENGINEERING'),
});

describe('fast path = exact path', () => {
  it('dyadic operators', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPS), smallIntString, smallIntString, settings, (op, a, b, n) => {
        const b2 = op === '**' ? String(Number(b) % 40) : b;
        expect(outcome(() => arith(op, a, b2, n))).toBe(outcome(() => arithExact(op, a, b2, n)));
      }),
      { numRuns: 30000 },
    );
  });
  it('powers of small bases', () => {
    fc.assert(
      fc.property(fc.integer({ min: -12, max: 12 }), fc.integer({ min: -3, max: 70 }), settings, (x, y, n) => {
        expect(outcome(() => arith('**', String(x), String(y), n))).toBe(outcome(() => arithExact('**', String(x), String(y), n)));
      }),
      { numRuns: 5000 },
    );
  });
  it('prefix, normalize, toWholeNumber, compare', () => {
    fc.assert(
      fc.property(smallIntString, smallIntString, settings, fc.integer({ min: 0, max: 8 }), (a, b, n, fuzz) => {
        for (const op of ['+', '-'] as const) {
          expect(prefix(op, a, n)).toBe(arithExact(op, '0', a, n));
        }
        const d = parseNumber(a)!;
        expect(normalize(a, n)).toBe(finish(roundDigits(d, n.digits), n, a, '+', '0'));
        expect(toWholeNumber(a, n)).toBe(Number(a) === 0 ? 0 : Number(a));
        const nf = { ...n, fuzz: Math.min(fuzz, n.digits - 1) };
        expect(compare(a, b, nf)).toBe(compareDecimal(d, parseNumber(b)!, nf.digits, nf.fuzz));
      }),
      { numRuns: 20000 },
    );
  });
});
