/**
 * The double fast path (small.ts) and the result memo (number.ts
 * rememberNumber, result.ts finish) must give exactly what the exact path
 * gives: results and errors alike, across DIGITS, FORM, signs, exponents,
 * zeros and rounding edges.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arith, arithExact, type ArithOp } from '../../../src/rexx/arithmetic/decimal.js';
import {
  clearNumberMemo,
  coefficient,
  parseNumber,
  parseNumberUncached,
  smallInt,
  type Decimal,
} from '../../../src/rexx/arithmetic/number.js';
import { smallArith, smallIntArith } from '../../../src/rexx/arithmetic/small.js';
import { layout, readsBack } from '../../../src/rexx/arithmetic/layout.js';
import type { NumericSettings } from '../../../src/rexx/arithmetic/settings.js';

function outcome(f: () => string | undefined): string {
  try {
    return String(f());
  } catch (e) {
    const x = e as { code?: number; subcode?: number; inserts?: string[] };
    return `ERR ${x.code}.${x.subcode} ${JSON.stringify(x.inserts)}`;
  }
}

/**
 * Checks one case: the fast path, when it answers, gives what the exact path
 * gives, and arith (which tries the fast path first) always does. Returns
 * whether the fast path answered, so a test can check it is really used.
 */
function agreesWithExact(fastPath: () => string | undefined, op: ArithOp, a: string, b: string, n: NumericSettings): boolean {
  clearNumberMemo();
  const fast = outcome(fastPath);
  clearNumberMemo();
  const exact = outcome(() => arithExact(op, a, b, n));
  if (fast !== 'undefined') expect(fast).toBe(exact);
  clearNumberMemo();
  expect(outcome(() => arith(op, a, b, n))).toBe(exact);
  return fast !== 'undefined';
}

/** coefficients biased to rounding edges: …5, …49, 999…, 100…, powers of two */
const coef = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 17n - 1n }).map(String),
  fc.integer({ min: 0, max: 9999 }).map(String),
  fc.integer({ min: 0, max: 99_999_999 }).map(String),
  fc.integer({ min: 1, max: 17 }).chain((k) =>
    fc.constantFrom('9'.repeat(k), '1' + '0'.repeat(k - 1), '5'.repeat(k), '4'.repeat(k - 1) + '5', '9'.repeat(k - 1) + '5', '1' + '0'.repeat(k - 1) + '5'),
  ),
  fc.constantFrom('0', '1', '5', '7', '0.5', '25', '9007199254740993', '999999999999999'),
);

/** a REXX number string: sign, coefficient, exponent written plainly or with E */
const numStr = fc
  .tuple(
    fc.constantFrom('', '-', '+', ' -'),
    coef,
    fc.oneof(fc.integer({ min: -25, max: 25 }), fc.constantFrom(999_999_990, -999_999_990, 999_999_999, -999_999_999)),
    fc.constantFrom('plain', 'exp', 'exp'),
  )
  .map(([sign, c, e, how]) => {
    if (how === 'exp' || Math.abs(e) > 40) return sign + c + 'E' + (e >= 0 ? '+' : '') + e;
    if (e >= 0) return sign + c + '0'.repeat(e);
    const digits = c.replace('.', '');
    const padded = digits.padStart(-e + 1, '0');
    return sign + padded.slice(0, padded.length + e) + '.' + padded.slice(padded.length + e);
  });

const settings = fc.record({
  digits: fc.oneof(fc.integer({ min: 1, max: 17 }), fc.constantFrom(1, 2, 9, 12, 15, 16, 20, 50, 60)),
  fuzz: fc.constant(0),
  form: fc.constantFrom<NumericSettings['form']>('SCIENTIFIC', 'ENGINEERING'),
});

const OPS: ArithOp[] = ['+', '-', '*', '/'];

describe('double fast path = exact path', () => {
  it('+ - * / on numbers of every shape', () => {
    let used = 0;
    fc.assert(
      fc.property(fc.constantFrom(...OPS), numStr, numStr, settings, (op, a, b, n) => {
        if (agreesWithExact(() => smallArith(op as '+', a, b, n), op, a, b, n)) used++;
      }),
      { numRuns: 40000 },
    );
    expect(used).toBeGreaterThan(4000); // the fast path is really exercised
  });

  it('/ with long divisors (the long division in chunks)', () => {
    let used = 0;
    const digitsOf = (k: number) => fc.bigInt({ min: 10n ** BigInt(k - 1), max: 10n ** BigInt(k) - 1n }).map(String);
    const operand = fc.integer({ min: 1, max: 15 }).chain(digitsOf);
    fc.assert(
      fc.property(operand, operand, fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 15 }), fc.boolean(), (a, b, e, digits, neg) => {
        const n: NumericSettings = { digits, fuzz: 0, form: 'SCIENTIFIC' };
        const x = (neg ? '-' : '') + a + 'E' + e;
        const fast = smallArith('/', x, b, n);
        if (fast !== undefined) {
          used++;
          expect(fast).toBe(arithExact('/', x, b, n));
        }
      }),
      { numRuns: 30000 },
    );
    expect(used).toBeGreaterThan(3000);
  });

  it('+ - * on small integers whose result is rounded (smallIntArith)', () => {
    let rounded = 0;
    const small = fc.oneof(
      fc.integer({ min: -999_999_999, max: 999_999_999 }),
      fc.integer({ min: -99_999, max: 99_999 }),
      fc.constantFrom(0, 1, -1, 999_999_999, -999_999_999, 500_000_000, 999_999_995, 99_999_999, 94_906_267, 94_906_266),
    ).map(String);
    const digits9to15 = fc.record({
      digits: fc.oneof(fc.constant(9), fc.integer({ min: 9, max: 15 })),
      fuzz: fc.constant(0),
      form: fc.constantFrom<NumericSettings['form']>('SCIENTIFIC', 'ENGINEERING'),
    });
    const texts = fc.oneof(small, small.map((s) => (s.startsWith('-') ? s : '-' + s)), fc.constantFrom('-0', '00012', '1.5', '', ' 1'));
    fc.assert(
      fc.property(fc.constantFrom<'+' | '-' | '*'>('+', '-', '*'), texts, texts, fc.oneof(settings, digits9to15), (op, a, b, n) => {
        clearNumberMemo();
        const x = smallInt(a);
        const y = smallInt(b);
        const fast = x !== x || y !== y ? 'undefined' : outcome(() => smallIntArith(op, x, y, n));
        clearNumberMemo();
        const exact = outcome(() => arithExact(op, a, b, n));
        if (fast !== 'undefined') {
          if (fast.includes('E')) rounded++;
          expect(fast).toBe(exact);
        }
      }),
      { numRuns: 40000 },
    );
    expect(rounded).toBeGreaterThan(1200);
  });

  it('% and // on numbers of every shape, and on whole numbers near the limits', () => {
    let used = 0;
    // whole numbers: up to 16 digits, written plainly or as rounded results are (1.58380000E+9)
    const whole = fc
      .tuple(fc.constantFrom('', '-'), fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.integer({ min: 0, max: 8 }), fc.boolean())
      .map(([sign, v, e, expo]) => {
        const c = v.toString();
        if (!expo) return sign + c + '0'.repeat(e);
        return sign + c[0] + (c.length > 1 ? '.' + c.slice(1) : '') + 'E+' + (c.length - 1 + e);
      });
    const operand = fc.oneof(numStr, whole, fc.integer({ min: -2000, max: 2000 }).map(String));
    fc.assert(
      fc.property(fc.constantFrom<'%' | '//'>('%', '//'), operand, operand, settings, (op, a, b, n) => {
        if (agreesWithExact(() => smallArith(op, a, b, n), op, a, b, n)) used++;
      }),
      { numRuns: 40000 },
    );
    expect(used).toBeGreaterThan(2500);
  });

  it('results fed back as operands (warm memo) = cold exact path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom<ArithOp>(...OPS, '%', '//'), numStr), { minLength: 1, maxLength: 12 }),
        numStr,
        settings,
        (steps, start, n) => {
          clearNumberMemo();
          let warm = start;
          const trace: string[] = [];
          for (const [op, b] of steps) {
            const r = outcome(() => arith(op, warm, b, n));
            trace.push(r);
            if (!r.startsWith('ERR')) warm = r;
          }
          let cold = start;
          for (let i = 0; i < steps.length; i++) {
            const [op, b] = steps[i]!;
            clearNumberMemo();
            const r = outcome(() => arithExact(op, cold, b, n));
            expect(trace[i]).toBe(r);
            if (!r.startsWith('ERR')) cold = r;
          }
        },
      ),
      { numRuns: 4000 },
    );
  });
});

describe('result memo', () => {
  const decimalArb = fc.record({
    neg: fc.boolean(),
    c: fc.bigInt({ min: 1n, max: 10n ** 20n }).map(String),
    e: fc.integer({ min: -60, max: 60 }),
  });
  it('a result is remembered only when it reads back as itself', () => {
    fc.assert(
      fc.property(decimalArb, settings, (d, n) => {
        const s = layout(d, n);
        const back = parseNumberUncached(s)!;
        const same = back.neg === d.neg && back.c === d.c && back.e === d.e;
        if (readsBack(d, n)) expect(same).toBe(true);
        // the common results are taken: SCIENTIFIC with no zeros appended
        if (n.form === 'SCIENTIFIC' && (d.e <= 0 || s.includes('E'))) expect(readsBack(d, n)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
  it('remembered results carry the right BigInt coefficient', () => {
    fc.assert(
      fc.property(fc.constantFrom<ArithOp>('+', '-', '*', '/', '%', '//', '**'), numStr, numStr, settings, (op, a, b, n) => {
        clearNumberMemo();
        const b2 = op === '**' ? String(Number(b.length) % 7) : b;
        let r: string;
        try {
          r = arith(op, a, b2, n);
        } catch {
          return;
        }
        const d: Decimal = parseNumber(r)!;
        const cold = parseNumberUncached(r)!;
        expect([d.neg, d.c, d.e]).toEqual([cold.neg, cold.c, cold.e]);
        if (d.b !== undefined) expect(d.b).toBe(BigInt(d.c));
        if (d.v !== undefined) expect(d.c.length <= 15 && d.v === Number(d.c)).toBe(true);
        expect(coefficient(d)).toBe(BigInt(d.c));
      }),
      { numRuns: 20000 },
    );
  });
});
