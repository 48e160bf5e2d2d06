/**
 * INTERPRET strings of assignments run without an activation
 * (evaluator/interpret-direct.ts): the scan evaluated as it stands
 * (runScanned), the tree walked (runDirect, first run) and the compiled
 * closures (runDirect, later runs) must leave the same variables and raise
 * the same errors as the compiled clauses of the parsed program.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Activation } from '../../../src/rexx/evaluator/activation.js';
import { VarPool } from '../../../src/rexx/evaluator/variables.js';
import { compile, compileSetter, intOp, plainInt, type Runtime } from '../../../src/rexx/evaluator/expression.js';
import { directPlan, runDirect, runScanned } from '../../../src/rexx/evaluator/interpret-direct.js';
import { arithExact, type ArithOp } from '../../../src/rexx/arithmetic/decimal.js';
import { fastParseProgram, scanSource, scannedDirect } from '../../../src/rexx/parser/fast-path.js';
import { parseProgram } from '../../../src/rexx/parser/program.js';
import type { Program } from '../../../src/rexx/ast.js';

const runtime: Runtime = {
  novalue: (_a, name) => name,
  callFunction: () => {
    throw new Error('no calls here');
  },
  lostDigits: () => {},
};

const NAMES = ['A', 'B', 'C', 'U', 'S.A', 'S.1', 'S.'];

function activation(values: Record<string, string>, digits: number): Activation {
  const prog: Program = { name: 'T', clauses: [], labels: new Map(), lines: [] };
  const a = new Activation(prog, new VarPool(), [], undefined, 'main', 'COMMAND');
  a.interp = runtime;
  a.numeric = { digits, fuzz: 0, form: 'SCIENTIFIC' };
  for (const [k, v] of Object.entries(values)) {
    if (k.includes('.')) a.pool.setCompound('S.', k.slice(2), v);
    else a.pool.setSimple(k, v);
  }
  return a;
}

/** The variables a test reads back, and the error raised if any. */
function outcome(a: Activation, run: () => void): string {
  let err = '';
  try {
    run();
  } catch (e) {
    const x = e as { code?: number; subcode?: number; message?: string };
    if (x.code === undefined) throw e;
    err = `ERR ${x.code}.${x.subcode} ${x.message}`;
  }
  const vals = NAMES.map((n) => (n.includes('.') ? a.pool.getCompound('S.', n.slice(2)) : a.pool.getSimple(n)));
  return JSON.stringify([err, vals]);
}

const noPoll = (): void => {};

/** The Box integer cache is right wherever it is set: n is plainInt(v) when ns is v. */
function checkIntCache(a: Activation): void {
  for (const n of NAMES) {
    if (n.includes('.')) continue;
    const b = a.pool.simple.get(n);
    if (b !== undefined && b.v !== undefined && b.ns === b.v) expect(b.n).toBe(plainInt(b.v));
  }
}

/** What the clause loop's compiled assignment does: set(compile(e)). */
function reference(a: Activation, src: string): void {
  for (const c of parseProgram(src, 'INTERPRET').clauses) {
    if (c.k !== 'assign') throw new Error('not an assignment');
    compileSetter(c.ref)(a, compile(c.e)(a));
  }
}

const value = fc.oneof(
  fc.integer({ min: -999, max: 999 }).map(String),
  fc.integer({ min: -999_999_999, max: 999_999_999 }).map(String),
  fc.constantFrom('0', '-0', '1', '999999999', '123456789012', '0.5', '1E3', ' 7 ', 'abc', '', '2.50', '-1'),
);
const term = fc.constantFrom('a', 'B', 'c', 'u', 's.a', 'S.1', 'S.', '7', '0', '12345', '0.5', '.5', '999999999', '3.0', '1', "'12'", '"x"', "''", "' 4 '", '007', '1234567890', '0000000012', "'-3'");
const op = fc.constantFrom('+', '-', '*', '/', '%', '//', ' + ', ' * ', '\t-\t', '||', ' || ');
const expr = fc.tuple(term, fc.array(fc.tuple(op, term), { maxLength: 5 })).map(([t, rest]) => t + rest.map(([o, x]) => o + x).join(''));
const clause = fc.tuple(fc.constantFrom('a', 'B', 'u', 's.a', 'S.1', 'S.'), fc.constantFrom('=', ' = '), expr).map(([t, e, x]) => t + e + x);
const source = fc.array(clause, { minLength: 1, maxLength: 3 }).map((cs) => cs.join('; '));
const values = fc.record({ A: value, B: value, C: value, 'S.A': value, 'S.1': value });

describe('INTERPRET strings of assignments run directly', () => {
  it('agree with the compiled clauses: scanned, tree-walked and compiled', () => {
    let errors = 0;
    fc.assert(
      fc.property(source, values, fc.constantFrom(9, 5, 12), (src, vals, digits) => {
        const want = (() => {
          const a = activation(vals, digits);
          return outcome(a, () => reference(a, src));
        })();
        if (want.startsWith('["ERR')) errors++;
        expect(scanSource(src)).toBe(true);
        expect(scannedDirect()).toBe(true);
        const a1 = activation(vals, digits);
        expect(outcome(a1, () => runScanned(a1, noPoll))).toBe(want);
        checkIntCache(a1);
        const plan = directPlan(fastParseProgram(src, 'INTERPRET')!)!;
        const a2 = activation(vals, digits);
        expect(outcome(a2, () => runDirect(a2, plan, noPoll))).toBe(want);
        const a3 = activation(vals, digits);
        expect(outcome(a3, () => runDirect(a3, plan, noPoll))).toBe(want);
      }),
      { numRuns: 1500 },
    );
    // both outcomes are exercised: values set, and errors 41 / 42 raised
    expect(errors).toBeGreaterThan(100);
    expect(errors).toBeLessThan(1400);
  });

  it('agree with the compiled clauses when strings follow one another (values left with their integer)', () => {
    fc.assert(
      fc.property(fc.array(source, { minLength: 2, maxLength: 4 }), values, fc.constantFrom(9, 5), (srcs, vals, digits) => {
        const a0 = activation(vals, digits);
        const want = outcome(a0, () => srcs.forEach((src) => reference(a0, src)));
        const a1 = activation(vals, digits);
        const got = outcome(a1, () =>
          srcs.forEach((src) => {
            expect(scanSource(src)).toBe(true);
            runScanned(a1, noPoll);
          }),
        );
        expect(got).toBe(want);
        checkIntCache(a1);
      }),
      { numRuns: 500 },
    );
  });

  it('integer arithmetic on numbers agrees with the exact decimal path whenever it answers', () => {
    const int = fc.oneof(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: -50, max: 50 }));
    const ops = fc.constantFrom('+', '-', '*', '/', '%', '//', '**', '||');
    fc.assert(
      fc.property(ops, int, int, fc.constantFrom(9, 8, 12), (o, x, y, digits) => {
        const r = intOp(o, x, y, digits);
        if (r !== r) return; // not answered: the general path decides
        expect(digits).toBeGreaterThanOrEqual(9);
        expect(Object.is(r, -0)).toBe(false);
        expect(String(r)).toBe(arithExact(o as ArithOp, String(x), String(y), { digits, fuzz: 0, form: 'SCIENTIFIC' }));
      }),
      { numRuns: 3000 },
    );
  });

  it('polls before each clause', () => {
    let polls = 0;
    const a = activation({}, 9);
    expect(scanSource('a = 1; b = a + 1;; c = b * 2')).toBe(true);
    runScanned(a, () => polls++);
    expect(polls).toBe(3);
    expect(a.pool.getSimple('C')).toBe('4');
  });

  it('plans only programs of call-free assignments', () => {
    expect(directPlan(parseProgram("x = 'a' || b; y = (1 + 2) * -c", 'T'))).not.toBeNull();
    expect(directPlan(parseProgram('x = f(1)', 'T'))).toBeNull();
    expect(directPlan(parseProgram('x = 1 + length(y)', 'T'))).toBeNull();
    expect(directPlan(parseProgram('say 1', 'T'))).toBeNull();
  });
});
