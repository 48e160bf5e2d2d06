/**
 * The pair arithmetic (pair.ts) of compiled expressions must give, operation
 * by operation and along chains, what the string path gives with every
 * intermediate result written out and read back: the same strings, the
 * same pairs when a result is read back, and — when it declines (NaN) — no
 * claim at all (the string path then runs, errors included).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arithExact, prefix, type ArithOp } from '../../../src/rexx/arithmetic/decimal.js';
import { clearNumberMemo, parseNumber } from '../../../src/rexx/arithmetic/number.js';
import {
  pairAdd,
  pairDiv,
  pairExp,
  pairIntDiv,
  pairMul,
  pairOf,
  pairPrefix,
  pairString,
} from '../../../src/rexx/arithmetic/pair.js';
import type { NumericSettings } from '../../../src/rexx/arithmetic/settings.js';
import { coefficients, numberStrings, outcome } from './operands.js';

const numStr = numberStrings(coefficients(15), 25);

const settings = fc.record({
  digits: fc.oneof(fc.integer({ min: 9, max: 15 }), fc.constant(9)),
  fuzz: fc.constant(0),
  form: fc.constantFrom<NumericSettings['form']>('SCIENTIFIC', 'ENGINEERING'),
});

type Pair = { v: number; e: number };

function read(s: string, n: NumericSettings): Pair {
  const v = pairOf(s, n.digits);
  return { v, e: pairExp() };
}

function op2(op: ArithOp, x: Pair, y: Pair, n: NumericSettings): Pair {
  let v: number;
  switch (op) {
    case '+':
      v = pairAdd(x.v, x.e, y.v, y.e, false, n);
      break;
    case '-':
      v = pairAdd(x.v, x.e, y.v, y.e, true, n);
      break;
    case '*':
      v = pairMul(x.v, x.e, y.v, y.e, n);
      break;
    case '/':
      v = pairDiv(x.v, x.e, y.v, y.e, n);
      break;
    case '%':
      v = pairIntDiv(x.v, x.e, y.v, y.e, false, n);
      break;
    default:
      v = pairIntDiv(x.v, x.e, y.v, y.e, true, n);
  }
  return { v, e: pairExp() };
}

/** The pair a string reads back as, or null when it is not one (too long, not a number). */
function expectReadsBack(s: string, p: Pair, n: NumericSettings): void {
  const d = parseNumber(s)!;
  expect(d).toBeDefined();
  expect(d.c.length).toBeLessThanOrEqual(n.digits);
  expect(p.v).toBe(d.c === '0' ? 0 : d.neg ? -Number(d.c) : Number(d.c));
  expect(Object.is(p.v, -0)).toBe(false);
  if (p.v !== 0) expect(p.e).toBe(d.e);
}

const OPS: ArithOp[] = ['+', '-', '*', '/', '%', '//'];

describe('pair arithmetic = string path', () => {
  it('each operation on numbers of every shape', () => {
    const used = new Map<string, number>();
    fc.assert(
      fc.property(fc.constantFrom(...OPS), numStr, numStr, settings, (op, a, b, n) => {
        clearNumberMemo();
        const x = read(a, n);
        const y = read(b, n);
        const exact = outcome(() => arithExact(op, a, b, n));
        if (x.v !== x.v || y.v !== y.v) return;
        const r = op2(op, x, y, n);
        if (exact.startsWith('ERR')) expect(r.v).toBeNaN(); // (the string path raises it)
        if (r.v !== r.v) return;
        used.set(op, (used.get(op) ?? 0) + 1);
        expect(pairString(r.v, r.e, n)).toBe(exact);
        expectReadsBack(exact, r, n);
      }),
      { numRuns: 60000 },
    );
    // (% and // take whole numbers only: fewer cases apply)
    for (const op of OPS) expect(used.get(op) ?? 0).toBeGreaterThan(op === '%' || op === '//' ? 250 : 1500);
  });

  it('small integers and decimals as in loops (i / 7, i % 7 * 0.5, 3 * x + 1)', () => {
    const small = fc.oneof(
      fc.integer({ min: -100_000, max: 100_000 }).map(String),
      fc.integer({ min: -999_999_999, max: 999_999_999 }).map(String),
      fc.constantFrom('0', '0.5', '7', '-0.5', '1.50', '0.001', '1E+3', '1E-3'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...OPS), small, small, settings, (op, a, b, n) => {
        const x = read(a, n);
        const y = read(b, n);
        const exact = outcome(() => arithExact(op, a, b, n));
        const r = op2(op, x, y, n);
        if (r.v !== r.v) return;
        expect(pairString(r.v, r.e, n)).toBe(exact);
        expectReadsBack(exact, r, n);
      }),
      { numRuns: 30000 },
    );
  });

  it('prefix + and -', () => {
    fc.assert(
      fc.property(fc.constantFrom<'+' | '-'>('+', '-'), numStr, settings, (op, a, n) => {
        const x = read(a, n);
        const exact = outcome(() => prefix(op, a, n));
        if (x.v !== x.v) return;
        const v = pairPrefix(x.v, x.e, op === '-', n);
        if (v !== v) return;
        expect(pairString(v, pairExp(), n)).toBe(exact);
        expectReadsBack(exact, { v, e: pairExp() }, n);
      }),
      { numRuns: 20000 },
    );
  });

  it('chains: results used as operands without being written out', () => {
    let whole = 0;
    fc.assert(
      fc.property(
        numStr,
        fc.array(fc.tuple(fc.constantFrom(...OPS), numStr, fc.boolean()), { minLength: 1, maxLength: 8 }),
        settings,
        (start, steps, n) => {
          let s = start;
          let p = read(start, n);
          for (const [op, b, swap] of steps) {
            const exact = outcome(() => (swap ? arithExact(op, b, s, n) : arithExact(op, s, b, n)));
            const q = read(b, n);
            const r = swap ? op2(op, q, p, n) : op2(op, p, q, n);
            if (exact.startsWith('ERR')) {
              expect(r.v).toBeNaN();
              return;
            }
            if (r.v !== r.v || p.v !== p.v) {
              // declined: carry on from the string (as the string path would)
              s = exact;
              p = read(exact, n);
              continue;
            }
            expect(pairString(r.v, r.e, n)).toBe(exact);
            s = exact;
            p = r;
          }
          whole++;
        },
      ),
      { numRuns: 20000 },
    );
    expect(whole).toBeGreaterThan(1000);
  });
});
