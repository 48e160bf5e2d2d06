/**
 * The one-entry memo of generated parsers (parse-codegen.ts generateParser):
 * a template whose patterns are all constants, parsing the same string as
 * the call before, gives its targets the values it gave them then. Whatever
 * the sequence of sources, the targets set in between, and the NUMERIC
 * DIGITS in force, a program must print exactly what it prints without the
 * memo, and without generated parsers at all (parseItems' loop), in a
 * compiled region and in the clause loop.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { run } from '../helpers.js';
import { parseCodegenOptions } from '../../../src/rexx/evaluator/parse-codegen.js';
import { codegenOptions } from '../../../src/rexx/evaluator/codegen.js';

const defaults = { ...parseCodegenOptions };
afterAll(() => {
  Object.assign(parseCodegenOptions, defaults);
  codegenOptions.enabled = true;
});

/** Output of `src` with the memo, without it, and without generated parsers; regions on and off. */
function outputs(src: string, hotUses = 1): string[] {
  const out: string[] = [];
  for (const regions of [true, false]) {
    for (const mode of [
      { enabled: true, memo: true },
      { enabled: true, memo: false },
      { enabled: false, memo: false },
    ]) {
      codegenOptions.enabled = regions;
      Object.assign(parseCodegenOptions, mode, { hotUses });
      const r = run(src);
      out.push(r.out + '|' + (r.error?.codeText ?? '') + '|' + r.err);
    }
  }
  codegenOptions.enabled = true;
  Object.assign(parseCodegenOptions, defaults);
  return out;
}

function expectSame(src: string, hotUses = 1): string {
  const outs = outputs(src, hotUses);
  for (const o of outs) expect(o, src).toBe(outs[0]);
  return outs[0]!;
}

const TARGETS = ['V1', 'V2', 'V3', 'S.V1', 'S.V2', '.'];
const itemArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TARGETS) },
  { weight: 2, arbitrary: fc.constantFrom("'a'", "'b '", "','", "''") },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 6 }).map((n) => (n < 0 ? `-${-n}` : `+${n}`)) },
);
const sourceArb = fc.array(fc.constantFrom('a', 'b', ' ', ',', 'x', '1'), { maxLength: 12 }).map((cs) => cs.join(''));

const SHOW = "say V1'/'V2'/'V3'/'S.1'/'S.a'/'S.V1'/'S.V2";

describe('generated parser memo', () => {
  it('assigns what a full parse does, for any sequence of sources (property)', () => {
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 1, maxLength: 8 }),
        fc.array(sourceArb, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(2), fc.boolean(), fc.boolean()), { minLength: 2, maxLength: 8 }),
        (items, sources, steps) => {
          const tpl = items.join(' ');
          const lines = [
            "s. = 'd'; V1 = 'a'; V2 = 1",
            ...sources.map((s, i) => `src.${i} = '${s}'`),
            // the same steps in a loop (a compiled region) and written out (the clause loop)
            `do k = 1 to ${steps.length}`,
            '  parse value word(steps, k) with j "," reset "," drop',
            '  if reset then do; V1 = "?"; V2 = "?"; V3 = "?"; s.1 = "r"; end',
            '  if drop then drop V3 s.',
            `  parse var src.j ${tpl}`,
            `  ${SHOW}`,
            'end',
            ...steps.flatMap(([j, reset, drop]) => [
              ...(reset ? ['V1 = "?"; V2 = "?"; V3 = "?"; s.1 = "r"'] : []),
              ...(drop ? ['drop V3 s.'] : []),
              `parse var src.${Math.min(j, sources.length - 1)} ${tpl}`,
              SHOW,
            ]),
          ];
          const stepWords = steps.map(([j, reset, drop]) => `${Math.min(j, sources.length - 1)},${+reset},${+drop}`).join(' ');
          expectSame(`steps = '${stepWords}'\n` + lines.join('\n'));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a compound target whose tail is an earlier target is set anew each time', () => {
    const src = [
      "s. = '-'",
      'do k = 1 to 6',
      '  if k = 4 then s. = "new"',
      "  parse value 'p q r' with v s.v w s.w",
      '  say k v s.v w s.w s.p s.q',
      'end',
    ].join('\n');
    // (v holds 'p': s.v is S.p, not S.P)
    expect(expectSame(src)).toContain('3 p q r  - -\n4 p q r  new new\n5 p q r  new new\n');
  });

  it('a stem target is assigned every time', () => {
    const src = ["x = 'a b'", 'do k = 1 to 4', '  s.7 = k', '  parse var x s. y', '  say k s.7 s.9 y', 'end'].join('\n');
    expect(expectSame(src)).toBe('1 a a b\n2 a a b\n3 a a b\n4 a a b\n||');
  });

  it('below DIGITS 9 a position is evaluated again: Error 26.4 as without the memo', () => {
    const src = [
      "s = copies('x', 20)",
      'signal on syntax',
      'do k = 1 to 5',
      '  if k = 4 then numeric digits 3',
      '  parse var s 12345 a +1',
      '  say k length(a)',
      'end',
      'exit',
      'syntax: say "error" rc "line" sigl k',
    ].join('\n');
    expect(expectSame(src, 2)).toContain('error 26 line 5 4');
  });

  it('equal strings made separately share the memo; different ones do not', () => {
    const src = [
      'do k = 1 to 8',
      "  x = 'ab' || (k // 3 = 0) 'c,d'",
      "  parse var x v1 ',' v2 1 v3 +2",
      '  say k v1 v2 v3',
      'end',
    ].join('\n');
    expect(expectSame(src)).toContain('2 ab0 c ,d ab\n3 ab1 c ,d ab\n4 ab0 c ,d ab\n');
  });

  it('a site that stopped using the memo after many new sources still parses right', () => {
    const src = [
      'do k = 1 to 40',
      "  if k <= 20 then x = 'r'k 'a,b'; else x = 'same a,b'",
      "  parse var x v1 v2 ',' v3",
      '  if k // 2 = 0 then v1 = "?"',
      '  if k > 17 then say k v1 v2 v3',
      'end',
    ].join('\n');
    const out = expectSame(src);
    expect(out).toContain('20 ? a b\n21 same a b\n22 ? a b\n');
    expect(out).toContain('40 ? a b\n||');
  });

  it('a source longer than the memo keeps is parsed each time', () => {
    const src = ["x = copies('ab ', 3000) 'end'", 'do k = 1 to 4', "  a = 'z'", '  parse var x a b 9000 c', '  say k a length(b) c', 'end'].join('\n');
    expect(expectSame(src)).toBe('1 ab 8996   end\n2 ab 8996   end\n3 ab 8996   end\n4 ab 8996   end\n||');
  });
});
