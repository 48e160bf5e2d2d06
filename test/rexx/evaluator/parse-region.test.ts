/**
 * PARSE VAR / PARSE VALUE inside compiled DO-loop regions (parse-region.ts):
 * a template of constant patterns run by its generated parser with its
 * targets pinned to their boxes, any other template written into the region
 * with the region's own locals. Every program runs with the region compiler
 * on and off and must give the same output, error (number and line) and
 * final variables; random templates check the pieces, random programs check
 * that the loop's other variables, kept in locals, stay right around the
 * parses.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outcome, sameOnOff as same } from './region-outcome.js';

/** A REXX expression for string s (tabs as '09'x). */
function rexxString(s: string): string {
  return s
    .split('\t')
    .map((p) => `'${p}'`)
    .join(" || '09'x || ");
}

describe('PARSE in a compiled region', () => {
  it('constant patterns: targets, placeholders, compound targets whose tail is the loop variable', () => {
    const out = same(
      [
        "rec.1 = 'id=7 name=ann x dept=D3'; rec.2 = ' id=8  name=bob  dept=D4 '; rec.3 = 'no fields'",
        't. = 0; s = 0',
        'do i = 1 to 3',
        "  parse var rec.i 'id=' id . 'name=' name . 'dept=' dept .",
        '  parse var rec.i w.i rest',
        '  parse value rec.i with 3 px +4 py 1 pz =2 q',
        '  t.dept = t.dept + i; s = s + i * 2',
        "  say i '['id']['name']['dept']['w.i']['rest']['px']['py']['pz']['q']' t.dept s",
        'end',
        'say i id name dept w.1 w.2 w.3 s',
      ].join('\n'),
    );
    expect(out).toContain("1 [7][ann][D3][id=7][name=ann x dept=D3][=7 n][ame=ann x dept=D3][i][d=7 name=ann x dept=D3] 1 2");
  });

  it('the loop variable itself as a target, and a target read by the loop test', () => {
    same('n = 5\ndo i = 1 to n\n  parse value i + 1 \'x 9\' with i . n\n  say i n\nend\nsay i n');
  });

  it('variable patterns and computed positions read the locals of the region', () => {
    const out = same(
      [
        "sep = ','; s = 'a,b;c,d'",
        'do k = 1 to 4',
        '  p = k + 1',
        '  parse var s x (sep) y =(p) z +(k) w',
        "  if k = 2 then sep = ';'",
        "  say k x || '|' || y || '|' || z || '|' || w",
        'end',
      ].join('\n'),
    );
    expect(out.split('\n')).toHaveLength(5);
  });

  it('NOVALUE in a variable pattern, and Error 26.4 in a position, at the same line', () => {
    same("signal on novalue\ns = 'a b'\ndo i = 1 to 3\n  if i = 2 then parse var s x (nosuch) y\n  say i x\nend\nexit\nnovalue: say 'NOVALUE' condition('D') sigl i");
    same("s = 'abcdef'\ndo i = 1 to 3\n  p = word('2 1.5 3', i)\n  parse var s a =(p) b\n  say i a b\nend");
    same("numeric digits 1\ns = 'abcdefghijklm'\ndo i = 1 to 2\n  parse var s a 12 b\n  say i a b\nend");
  });

  it('a source or pattern with a function call', () => {
    same("do i = 1 to 3\n  parse value f(i) with v1 (i) v2 +(g(i)) v3\n  say v1 || '|' || v2 || '|' || v3\nend\nexit\nf: return 'q'arg(1)'yz' arg(1)\ng: return arg(1)");
    same("do i = 1 to 3\n  parse value copies('ab ', i) with v1 v2 v3\n  say v1 || '|' || v2 || '|' || v3\nend");
  });

  it('agrees with the clause loop on random templates and sources', () => {
    const lit = fc.constantFrom("','", "' '", "'b'", "'cd'", "''", "';x'");
    const item = fc.oneof(
      fc.constantFrom('v1', 'v2', 'v3', 'w.i', 'w.j', '.', 'i2'),
      lit,
      fc.constantFrom('(sep)', '(w.i)', '(v1)'),
      fc.integer({ min: 1, max: 12 }).map(String),
      fc.integer({ min: 0, max: 5 }).map((n) => `+${n}`),
      fc.integer({ min: 0, max: 5 }).map((n) => `-${n}`),
      fc.constantFrom('=(j)', '+(j)', '-(i)'),
    );
    const source = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ' ', '\t', ',', ';', 'x'), { maxLength: 14 }).map((a) => a.join(''));
    let errors = 0;
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 7 }), fc.array(source, { minLength: 2, maxLength: 2 }), (tpl, srcs) => {
        const src = [
          `src.1 = ${rexxString(srcs[0]!)}; src.2 = ${rexxString(srcs[1]!)}`,
          "sep = ';'; w. = 'c'; i2 = 1; t = 0",
          'do i = 1 to 4',
          '  j = i // 2 + 1',
          `  parse var src.j ${tpl.join(' ')}`,
          '  t = t + i * j',
          "  say i j t '['v1']['v2']['v3']['w.i']['w.j']['i2']'",
          'end',
          'say t i j',
        ].join('\n');
        const on = outcome(src, true);
        expect(on).toBe(outcome(src, false));
        if (!on.includes('"error":null')) errors++;
      }),
      { numRuns: 150 },
    );
    expect(errors).toBeLessThan(50); // (most programs run to the end)
  });
});
