/**
 * The write-back of a region's registers (codegen-runtime.ts wb, called by
 * codegen-expr.ts flush): the box must end up as the statements it replaced
 * left it, for every state a register can be in; and what a CALL ON HALT
 * handler or a BIF shadowed by a label sees of the variables a region keeps
 * in locals (integers not yet written as strings, NOVALUE, strings that are
 * not numbers) must be what the clause loop shows.
 */
import { describe, expect, it, afterEach } from 'vitest';
import fc from 'fast-check';
import { run, TestHost } from '../helpers.js';
import { codegenOptions } from '../../../src/rexx/evaluator/codegen.js';
import { wb } from '../../../src/rexx/evaluator/codegen-runtime.js';
import { Box } from '../../../src/rexx/evaluator/variables.js';
import { plainInt } from '../../../src/rexx/evaluator/expression.js';

/** The statements codegen-expr.ts flush wrote out for each register before wb, as it wrote them (for box b0). */
const inlineWriteBack = new Function(
  'b0',
  'b0v',
  'b0k',
  'b0n',
  'if (b0v === null) b0v = b0k = String(b0n);\nb0.v = b0v; if (b0k === null) { b0.ns = undefined; b0.n = NaN; } else { b0.ns = b0k; b0.n = b0n; }\n',
) as (b: Box, v: string | null | undefined, k: string | null | undefined, n: number) => void;

function fields(b: Box): unknown[] {
  return [b.v, b.ns, b.n];
}

afterEach(() => {
  codegenOptions.enabled = true;
});

describe('register write-back', () => {
  it('wb leaves the box as the inline statements did, in every register state', () => {
    const str = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }).map(String), fc.constantFrom('', 'abc', '1.5', ' 7', '007'));
    const state = fc.oneof(
      // an integer not yet written as a string
      fc.integer({ min: -999_999_999, max: 999_999_999 }).map((n) => [null, null, n] as const),
      // a string with its integer cache (k is v, n its plainInt), or a stale cache
      str.map((v) => [v, v, plainInt(v)] as const),
      fc.tuple(str, str, fc.double()).map(([v, k, n]) => [v, k, n] as const),
      // unset, with or without a cache
      fc.constantFrom([undefined, undefined, NaN] as const, [undefined, null, NaN] as const, ['x', null, 5] as const),
    );
    const old = fc.tuple(fc.option(str, { nil: undefined }), fc.option(str, { nil: undefined }), fc.double());
    fc.assert(
      fc.property(state, old, ([v, k, n], [ov, ons, on]) => {
        const a = new Box(ov);
        a.ns = ons;
        a.n = on;
        const b = new Box(ov);
        b.ns = ons;
        b.n = on;
        wb(a, v, k, n);
        inlineWriteBack(b, v, k, n);
        expect(fields(a)).toEqual(fields(b));
      }),
    );
  });
});

function both(src: string, setup?: (h: TestHost) => void): void {
  const outcome = (enabled: boolean): string => {
    codegenOptions.enabled = enabled;
    const h = new TestHost();
    setup?.(h);
    const r = run(src, [], h);
    return JSON.stringify({ out: r.out, err: r.err, error: r.error ? `${r.error.codeText}@${r.error.line}` : null });
  };
  const off = outcome(false);
  expect(outcome(true)).toBe(off);
}

describe('what code outside a region sees of its registers', () => {
  it('a CALL ON HALT handler sees integers, strings and unset variables, and its changes are seen after', () => {
    both(
      // (the handler runs at a different iteration with the region compiler
      // on and off: what it shows and changes must not depend on which)
      `call on halt name h
n = 0; s = 'a'; drop u
do i = 1 to 3000
  n = n + 3; s = left(s || i, 5); k = i // 7
end
say (n - 3 * (i - 1)) length(s) symbol('U') u
exit
h: say 'h' datatype(n, 'W') (n // 3) length(s) datatype(k, 'W') symbol('U'); n = n + 1000000; u = 'set'; return`,
      (h) => {
        let polls = 0;
        h.pollHalt = () => (++polls === 3 ? 'HI' : undefined);
      },
    );
  });

  it('a BIF shadowed by a label is called with the registers in the pool', () => {
    both(`t = 0; w = 'a b c'
do i = 1 to 40
  t = t + words(w) + length(i * 3)
  if i // 10 = 0 then w = w i
end
say t w i
exit
words: t = t * 2; say 'words' arg(1) t i; return 1
`);
  });
});

describe('NUMERIC settings read once per region (codegen-expr.ts numFixed)', () => {
  it('a routine or handler called from the region changes only its own settings', () => {
    both(`call on halt name h
s = 0
do i = 1 to 2000
  s = s + i * 99999 + f(i) - i / 3
  if i // 500 = 0 then say s (i * 123456789) (i > 999999999.5)
end
say s digits()
exit
f: numeric digits 5; return arg(1) * 7
h: numeric digits 4; numeric fuzz 2; return`, (h) => {
      let polls = 0;
      h.pollHalt = () => (++polls === 2 ? 'HI' : undefined);
    });
  });

  it('NUMERIC and INTERPRET in the region change what follows in it', () => {
    both(`s = 0
do i = 1 to 60
  if i = 20 then numeric digits 5
  if i = 40 then interpret 'numeric digits 12; numeric fuzz 3'
  s = s + i * 99999; t = i * 123457 // 1000; if s > 6000000 then say i s t (s = 6000001)
end
say s t digits() fuzz()`);
  });
});
