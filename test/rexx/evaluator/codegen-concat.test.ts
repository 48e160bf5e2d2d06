/**
 * Concatenation chains written as one JavaScript sum (evaluator/codegen-concat.ts):
 * for random trees of concatenations (abuttal and blank) of literals and
 * variables, the generated expression gives the tree's string and reads
 * the variables in the tree's order; and regions using it agree with the
 * clause loop.
 */
import { describe, expect, it, afterEach } from 'vitest';
import fc from 'fast-check';
import type { Expr } from '../../../src/rexx/ast.js';
import { genConcat } from '../../../src/rexx/evaluator/codegen-concat.js';
import { codegenOptions } from '../../../src/rexx/evaluator/codegen.js';
import { run } from '../helpers.js';

/** The tree's value, operands evaluated left to right (the order noted in `reads`). */
function value(e: Expr, vars: Record<string, string>, reads: string[]): string {
  if (e.k === 'lit') return e.v;
  if (e.k === 'var') {
    reads.push(e.name);
    return vars[e.name]!;
  }
  if (e.k !== 'concat') throw new Error('unexpected');
  const l = value(e.l, vars, reads);
  const r = value(e.r, vars, reads);
  return e.blank ? l + ' ' + r : l + r;
}

const leaf: fc.Arbitrary<Expr> = fc.oneof(
  fc.constantFrom('', 'a', ' b ', "'").map((v): Expr => ({ k: 'lit', v })),
  fc.constantFrom('X', 'Y', 'Z').map((name): Expr => ({ k: 'var', name })),
);
const tree: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('e'), tie('e'), fc.boolean()).map(([l, r, blank]): Expr => ({ k: 'concat', blank, l, r })),
  ),
})).e;

afterEach(() => {
  codegenOptions.enabled = true;
});

describe('concatenation chains as one sum', () => {
  it('give the tree value, reading the operands in order', () => {
    const vars = { X: 'x1', Y: '', Z: ' z ' };
    fc.assert(
      fc.property(tree, (e) => {
        const gen = {
          genStr: (p: Expr): string => (p.k === 'lit' ? JSON.stringify(p.v) : p.k === 'var' ? `read(${JSON.stringify(p.name)})` : 'BAD'),
        };
        const code = genConcat(gen, e);
        const reads: string[] = [];
        const got = new Function('read', `return ${code};`)((n: string) => {
          reads.push(n);
          return vars[n as keyof typeof vars];
        }) as string;
        const want: string[] = [];
        expect(got).toBe(value(e, vars, want));
        expect(reads).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });

  it('joins the literals and blanks between operands', () => {
    const lit = (v: string): Expr => ({ k: 'lit', v });
    const v = (name: string): Expr => ({ k: 'var', name });
    const e: Expr = { k: 'concat', blank: true, l: { k: 'concat', blank: false, l: lit('x'), r: v('I') }, r: { k: 'concat', blank: true, l: lit('='), r: v('J') } };
    expect(genConcat({ genStr: (p) => (p.k === 'lit' ? JSON.stringify(p.v) : p.k === 'var' ? p.name : '?') }, e)).toBe('("x" + I + " = " + J)');
  });

  it('in regions, agree with the clause loop', () => {
    const src = `do i = 1 to 3\n  s = 'a' || i 'b' i i || 'c' '' i\n  say 'x' i '=' s || '!'\nend\nsay s`;
    codegenOptions.enabled = false;
    const off = run(src, []).out;
    codegenOptions.enabled = true;
    expect(run(src, []).out).toBe(off);
    expect(off.split('\n')[0]).toBe('x 1 = a1 b 1 1c  1!');
  });
});
