/**
 * The evaluator's integer fast paths (expression.ts: intArith, the integer
 * evaluators put in front of arithmetic and comparison nodes, integer stem
 * tails; interpreter.ts: DO loop counters) must give exactly what the exact
 * decimal path gives.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arithExact, compare, type ArithOp } from '../../../src/rexx/arithmetic/decimal.js';
import { intArith, plainInt } from '../../../src/rexx/evaluator/expression.js';
import { run, TestHost } from '../helpers.js';

const OPS: ArithOp[] = ['+', '-', '*', '/', '%', '//'];

function exact(op: ArithOp, x: string, y: string, digits: number): string {
  try {
    return arithExact(op, x, y, { digits, fuzz: 0, form: 'SCIENTIFIC' });
  } catch (e) {
    const x2 = e as { code?: number; subcode?: number };
    return `ERR ${x2.code}.${x2.subcode}`;
  }
}

const intString = fc.oneof(
  fc.integer({ min: -999_999_999, max: 999_999_999 }).map(String),
  fc.integer({ min: -40, max: 40 }).map(String),
  fc.constantFrom('0', '-0', '1', '-1', '999999999', '-999999999', '500000000', '007', '-000000001', '31623', '-31623', '44721'),
  fc.integer({ min: 0, max: 99999 }).map((v) => String(v).padStart(9, '0')),
  fc.constantFrom('1.0', ' 5', '5 ', '+5', '1e3', '', '-', '1234567890', 'abc', '0.5'),
);

describe('integer fast path', () => {
  it('plainInt reads only an optional minus and 1 to 9 digits', () => {
    expect(plainInt('123')).toBe(123);
    expect(plainInt('-007')).toBe(-7);
    for (const s of ['', '-', '+1', ' 1', '1.0', '1e2', '1234567890', '-1234567890']) expect(plainInt(s)).toBeNaN();
  });

  it('intArith agrees with the exact path whenever it answers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPS), intString, intString, fc.constantFrom(9, 10, 12, 20, 50), (op, x, y, digits) => {
        const f = intArith(op, x, y, digits);
        if (f !== undefined) expect(f).toBe(exact(op, x, y, digits));
      }),
      { numRuns: 20000 },
    );
  });

  it('compiled expressions agree with the exact path (results and errors)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OPS),
        fc.constantFrom(...OPS),
        intString,
        intString,
        intString,
        fc.constantFrom(9, 5, 12),
        (op1, op2, x, y, z) => {
          // (x op1 y) op2 z through variables: the integer evaluator path
          const src = `numeric digits 9; x = '${x}'; y = '${y}'; z = '${z}'\nsignal on syntax\nr = (x ${op1} y) ${op2} z\nsay r\nexit\nsyntax: say 'ERR' rc`;
          const inner = exact(op1, x, y, 9);
          let want: string;
          if (inner.startsWith('ERR')) want = 'ERR ' + inner.split(' ')[1]!.split('.')[0];
          else {
            const outer = exact(op2, inner, z, 9);
            want = outer.startsWith('ERR') ? 'ERR ' + outer.split(' ')[1]!.split('.')[0] : outer;
          }
          expect(run(src).out.trim()).toBe(want);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('comparisons agree with the exact comparison (DIGITS and FUZZ)', () => {
    const ops: [string, (c: number) => boolean][] = [
      ['=', (c) => c === 0],
      ['\\=', (c) => c !== 0],
      ['>', (c) => c > 0],
      ['<', (c) => c < 0],
      ['>=', (c) => c >= 0],
      ['<=', (c) => c <= 0],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: ops.length - 1 }), intString, intString, fc.constantFrom(9, 7, 12), fc.constantFrom(0, 1, 3), (k, x, y, digits, fuzz) => {
        const [op, test] = ops[k]!;
        const n = { digits, fuzz, form: 'SCIENTIFIC' as const };
        const lx = exact('+', x, '0', digits);
        const ry = exact('-', y, '0', digits);
        const numeric = !lx.startsWith('ERR') && !ry.startsWith('ERR');
        const second = numeric ? ` (x + 0 ${op} y - 0)` : '';
        const src = `numeric digits ${digits}; numeric fuzz ${fuzz}; x = '${x}'; y = '${y}'\nsay (x ${op} y)${second}`;
        const c = compare(x, y, n);
        let want1: string;
        if (c === undefined) {
          // string comparison: blanks stripped, padded
          const a = x.trim();
          const b = y.trim();
          const len = Math.max(a.length, b.length);
          const pa = a.padEnd(len);
          const pb = b.padEnd(len);
          want1 = test(pa === pb ? 0 : pa < pb ? -1 : 1) ? '1' : '0';
        } else want1 = test(c) ? '1' : '0';
        const out = run(src).out.trim();
        expect(out.split(' ')[0]).toBe(want1);
        if (numeric) {
          const c2 = compare(lx, ry, n)!;
          expect(out.split(' ')[1]).toBe(test(c2) ? '1' : '0');
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('integer stem tails name the same variables as their strings', () => {
    const src = [
      "a. = 'D'; i = 7; a.i = 'seven'; j = '007'; a.j = 'oh-oh-seven'; k = '-0'; a.k = 'minus zero'",
      "m = 0; a.m = 'zero'; n = 3 + 4; say a.7 a.007 a.i a.j a.k a.0 a.m a.n",
      "drop a.7; say a.i a.j; t = '1 '; a.t = 'blank'; u = 1; say a.u a.t",
    ].join('\n');
    expect(run(src).out).toBe("seven oh-oh-seven seven oh-oh-seven minus zero zero zero seven\nA.7 oh-oh-seven\nD blank\n");
  });

  it('DO loop counters step exactly', () => {
    const src = [
      'do i = 999999997 to 1000000001 for 5; say i; end',
      'do i = -2 to 2 by 1.5; say i; end',
      'do i = 5 to 1 by -2; say i; end',
      "do i = '007' to 9; say i; end",
      'numeric digits 5; do i = 99998 to 100001 for 4; say i; end',
    ].join('\n');
    expect(run(src).out.split('\n').filter(Boolean)).toEqual([
      '999999997', '999999998', '999999999', '1.00000000E+9', '1.00000000E+9',
      '-2', '-0.5', '1.0',
      '5', '3', '1',
      '7', '8', '9',
      '99998', '99999', '1.0000E+5', '1.0000E+5',
    ]);
  });

  it('DO loop counters changed in the loop body (Regina gives the same)', () => {
    const src = [
      'do i = 1 to 5; if i = 2 then i = 2.5; say i; end',
      'do i = 1 to 10 by 3; say i; i = i * 2; end',
      'do i = 3 to 1 by -1; say i; end',
      'do i = -2 to 2 by 2 for 2; say i; end',
    ].join('\n');
    expect(run(src).out.split('\n').filter(Boolean).join(' ')).toBe('1 2.5 3.5 4.5 1 5 3 2 1 -2 0');
  });

  it('a cached program runs against each interpreter\'s own host', () => {
    const src = "do i = 1 to 2; say 'line' i; call sub i; end; exit\nsub: say 'sub' arg(1) f(); return\nf: return 'F'";
    const h1 = new TestHost();
    const h2 = new TestHost();
    const r1 = run(src, [], h1);
    const r2 = run(src, [], h2);
    expect(r1.out).toBe('line 1\nsub 1 F\nline 2\nsub 2 F\n');
    expect(r2.out).toBe(r1.out);
  });
});
