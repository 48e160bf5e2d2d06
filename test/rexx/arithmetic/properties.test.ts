/**
 * Properties of the exact path against an independent BigInt oracle, at DIGITS
 * from 1 to 1000.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arithExact, compare, type ArithOp } from '../../../src/rexx/arithmetic/decimal.js';
import { parseNumber, type Decimal } from '../../../src/rexx/arithmetic/number.js';
import type { NumericSettings } from '../../../src/rexx/arithmetic/settings.js';

/** exact rational p/q */
interface Rat {
  p: bigint;
  q: bigint;
}
const p10 = (k: number) => 10n ** BigInt(k);
function rat(d: Decimal): Rat {
  const v = BigInt(d.c) * (d.neg ? -1n : 1n);
  return d.e >= 0 ? { p: v * p10(d.e), q: 1n } : { p: v, q: p10(-d.e) };
}
function val(s: string): Rat {
  const d = parseNumber(s);
  if (!d) throw new Error('not a number: ' + s);
  return rat(d);
}
const absB = (x: bigint) => (x < 0n ? -x : x);
/** |x - y| * 2 <= ulp, where ulp = 10**u */
function withinHalfUlp(x: Rat, y: Rat, u: number): boolean {
  // |x.p/x.q - y.p/y.q| <= 10**u / 2
  const num = absB(x.p * y.q - y.p * x.q) * 2n;
  const den = x.q * y.q;
  return u >= 0 ? num <= p10(u) * den : num * p10(-u) <= den;
}
/** round half up (away from zero) a rational to `digits` significant digits: coefficient and exponent */
function oracleRound(x: Rat, digits: number): Decimal {
  if (x.p === 0n) return { neg: false, c: '0', e: 0 };
  const neg = x.p < 0n !== x.q < 0n;
  const p = absB(x.p);
  const q = absB(x.q);
  // find e with 10**(digits-1) <= p/q / 10**e < 10**digits
  let e = p.toString().length - q.toString().length - digits + 1;
  for (;;) {
    const scaledP = e >= 0 ? p : p * p10(-e);
    const scaledQ = e >= 0 ? q * p10(e) : q;
    const i = scaledP / scaledQ;
    if (i >= p10(digits)) {
      e++;
      continue;
    }
    if (i < p10(digits - 1)) {
      e--;
      continue;
    }
    const rem = scaledP - i * scaledQ;
    let c = i;
    if (rem * 2n >= scaledQ) c++;
    if (c === p10(digits)) return { neg, c: p10(digits - 1).toString(), e: e + 1 };
    return { neg, c: c.toString(), e };
  }
}
const same = (a: Rat, b: Rat) => a.p * b.q === b.p * a.q;

/** a random REXX number string with at most maxDigits significant digits */
const numStr = (maxDigits: number) =>
  fc
    .tuple(
      fc.boolean(),
      fc.oneof(fc.bigInt({ min: 0n, max: p10(maxDigits) - 1n }), fc.constantFrom(0n, 1n, 5n, 9n, p10(maxDigits) - 1n)),
      fc.integer({ min: -30, max: 30 }),
      fc.constantFrom('plain', 'exp'),
    )
    .map(([neg, c, e, how]) => {
      const cs = c.toString();
      let s: string;
      if (how === 'exp') s = cs + 'E' + (e >= 0 ? '+' : '') + e;
      else if (e >= 0) s = cs + '0'.repeat(Math.min(e, 12));
      else {
        const k = Math.min(-e, 20);
        const padded = cs.padStart(k + 1, '0');
        s = padded.slice(0, padded.length - k) + '.' + padded.slice(padded.length - k);
      }
      return (neg ? '-' : '') + s;
    });

const digitsArb = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(1, 2, 9, 50, 100, 300, 1000));
const N = (digits: number): NumericSettings => ({ digits, fuzz: 0, form: 'SCIENTIFIC' });

/** operands with at most DIGITS digits are used unchanged (no truncation) */
const opsPair = digitsArb.chain((d) => fc.tuple(fc.constant(d), numStr(Math.min(d, 60)), numStr(Math.min(d, 60))));

describe('exact arithmetic against a BigInt oracle', () => {
  it('* is the exact product rounded half up', () => {
    fc.assert(
      fc.property(opsPair, ([d, a, b]) => {
        const r = arithExact('*', a, b, N(d));
        const exact = { p: val(a).p * val(b).p, q: val(a).q * val(b).q };
        const want = oracleRound(exact, d);
        const got = parseNumber(r)!;
        expect(got.c.length).toBeLessThanOrEqual(d);
        expect(same(rat(got), rat(want))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('/ is the exact quotient rounded half up, without trailing zeros', () => {
    fc.assert(
      fc.property(opsPair, ([d, a, b]) => {
        fc.pre(val(b).p !== 0n);
        const r = arithExact('/', a, b, N(d));
        const exact = { p: val(a).p * val(b).q, q: val(a).q * val(b).p };
        const want = oracleRound(exact, d);
        const got = parseNumber(r)!;
        expect(same(rat(got), rat(want))).toBe(true);
        if (r.includes('.') && !r.includes('E')) expect(r.endsWith('0')).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('+ and - are the exact sum rounded (at the operands\u2019 most significant digit)', () => {
    fc.assert(
      fc.property(opsPair, fc.constantFrom('+', '-'), ([d, a, b], op) => {
        const r = arithExact(op as ArithOp, a, b, N(d));
        const x = val(a);
        const y = val(b);
        const yy = op === '-' ? { p: -y.p, q: y.q } : y;
        const exact = { p: x.p * yy.q + yy.p * x.q, q: x.q * yy.q };
        const got = parseNumber(r)!;
        expect(got.c.length).toBeLessThanOrEqual(d);
        // the rounding unit is at most one ulp of the larger operand at DIGITS
        const da = parseNumber(a)!;
        const db = parseNumber(b)!;
        const tops = [da, db].filter((v) => v.c !== '0').map((v) => v.e + v.c.length - 1);
        if (tops.length === 0) {
          expect(r).toBe('0');
          return;
        }
        const top = Math.max(...tops, got.c === '0' ? -Infinity : got.e + got.c.length - 1);
        // truncation to DIGITS+1 digits loses less than one unit at position top-DIGITS,
        // rounding at most half a unit at position top-DIGITS+1: |err| < 0.6 * 10**(top-DIGITS+1)
        const g = rat(got);
        const err20 = absB(g.p * exact.q - exact.p * g.q) * 20n; // 20*|err| * den
        const den = g.q * exact.q;
        const u = top - d + 1;
        const lim = u >= 0 ? 12n * p10(u) * den : (12n * den) / p10(-u);
        expect(err20 <= lim).toBe(true);
        // and when nothing needed truncating or rounding, it is exact
        const m = Math.min(da.e, db.e);
        if (top - m < d) expect(same(rat(got), exact)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('% and // satisfy a = q*b + r, |r| < |b|, sign(r) = sign(a)', () => {
    fc.assert(
      fc.property(opsPair, ([d, a, b]) => {
        fc.pre(val(b).p !== 0n);
        let q: string;
        try {
          q = arithExact('%', a, b, N(d));
        } catch (e) {
          expect((e as { code: number; subcode: number }).subcode).toBe(11);
          expect(() => arithExact('//', a, b, N(d))).toThrowError();
          return;
        }
        const r = arithExact('//', a, b, N(d));
        const qq = val(q);
        expect(qq.q).toBe(1n);
        const rr = val(r);
        const x = val(a);
        const y = val(b);
        // exactness holds when r needs no rounding (at most DIGITS digits)
        if (parseNumber(r)!.c.length < d) {
          // q*b + r == a
          const lhs = { p: qq.p * y.p * rr.q + rr.p * y.q, q: y.q * rr.q };
          expect(same(lhs, x)).toBe(true);
        }
        expect(absB(rr.p) * y.q <= absB(y.p) * rr.q).toBe(true);
        if (rr.p !== 0n) expect(rr.p < 0n).toBe(x.p < 0n);
      }),
      { numRuns: 3000 },
    );
  });

  it('compare with FUZZ 0 on numbers of at most DIGITS digits is the exact order', () => {
    fc.assert(
      fc.property(opsPair, ([d, a, b]) => {
        const x = val(a);
        const y = val(b);
        const diff = x.p * y.q - y.p * x.q;
        const want = diff === 0n ? 0 : diff < 0n ? -1 : 1;
        const got = compare(a, b, N(d));
        // a difference smaller than half a unit at DIGITS counts as equal
        if (got === 0 && want !== 0) {
          const r = arithExact('-', a, b, N(d));
          expect(r).toBe('0');
        } else expect(got).toBe(want);
        expect(compare(b, a, N(d))).toBe(got === 0 ? 0 : -got!);
      }),
      { numRuns: 3000 },
    );
  });

  it('** of integers equals the exact power rounded, when it fits the working precision', () => {
    fc.assert(
      fc.property(digitsArb, fc.integer({ min: -999, max: 999 }), fc.integer({ min: 0, max: 60 }), (d, x, k) => {
        const exact = BigInt(x) ** BigInt(k);
        const work = d + String(k).length + 1;
        fc.pre(absB(exact).toString().length <= work && String(Math.abs(x)).length <= d && String(k).length <= d);
        const r = arithExact('**', String(x), String(k), N(d));
        expect(same(val(r), rat(oracleRound({ p: exact, q: 1n }, d)))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('results read back as the same number', () => {
    fc.assert(
      fc.property(opsPair, fc.constantFrom<ArithOp>('+', '-', '*', '/'), fc.constantFrom('SCIENTIFIC', 'ENGINEERING'), ([d, a, b], op, form) => {
        fc.pre(op !== '/' || val(b).p !== 0n);
        const n = { digits: d, fuzz: 0, form } as NumericSettings;
        const r = arithExact(op, a, b, n);
        const r2 = arithExact(op, a, b, N(d));
        expect(same(val(r), val(r2))).toBe(true);
        expect(arithExact('+', r2, '0', N(d))).toBe(r2);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('large DIGITS', () => {
  it('1/3 and 2/3 at 1000 digits', () => {
    const n = N(1000);
    expect(arithExact('/', '1', '3', n)).toBe('0.' + '3'.repeat(1000));
    expect(arithExact('/', '2', '3', n)).toBe('0.' + '6'.repeat(999) + '7');
  });
  it('2**3000 at 1000 digits', () => {
    const exact = (2n ** 3000n).toString();
    const want = oracleRound({ p: 2n ** 3000n, q: 1n }, 1000);
    const r = arithExact('**', '2', '3000', N(1000));
    expect(exact.length).toBe(904);
    expect(r).toBe(exact); // 904 digits: fits
    expect(same(val(r), rat(want))).toBe(true);
    const r2 = arithExact('**', '2', '5000', N(1000));
    expect(same(val(r2), rat(oracleRound({ p: 2n ** 5000n, q: 1n }, 1000)))).toBe(true);
    expect(r2).toMatch(/^1\.4124670321394260368\d*E\+1505$/);
  });
  it('factorial of 100 at 200 digits is exact', () => {
    let f = '1';
    let b = 1n;
    for (let i = 1; i <= 100; i++) {
      f = arithExact('*', f, String(i), N(200));
      b *= BigInt(i);
    }
    expect(f).toBe(b.toString());
  });
  it('fact(60) at DIGITS 50 rounds at each step (checked against Python decimal, ROUND_HALF_UP)', () => {
    let f = '1';
    for (let i = 1; i <= 60; i++) f = arithExact('*', f, String(i), N(50));
    expect(f).toBe('8.3209871127413901442763411832233643807541726063614E+81');
  });
});
