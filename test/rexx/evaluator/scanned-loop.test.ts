/**
 * DO loops of INTERPRET strings run straight from their scan
 * (evaluator/scanned-loop.ts, interpret-direct.ts runScanned) against the
 * clause loop: the same string is interpreted once on the direct path and
 * once with a condition trapped (SIGNAL ON HALT, which never fires here),
 * which makes INTERPRET run it in an activation of its own through the
 * clause loop. Output, variables and errors (number and line) must agree.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { run } from '../helpers.js';
import { scanSource, scannedDirect } from '../../../src/rexx/parser/fast-path.js';

/** The outcome of interpreting s after setup, directly or through the clause loop. */
function outcome(setup: string, s: string, direct: boolean): string {
  const trap = direct ? '' : 'signal on halt name hh; ';
  const src = `${trap}${setup}\ninterpret '${s.replace(/'/g, "''")}'\nsay s j k n\nexit\nhh: say 'halt'`;
  const r = run(src, []);
  return JSON.stringify({ out: r.out, err: r.err, error: r.error ? `${r.error.codeText}@${r.error.line}` : null });
}

/** Strings agree() was given that run from the scan (the others, with a prefix operator, say, take the general path both times). */
let direct = 0;

function agree(setup: string, s: string): string {
  if (scanSource(s) && scannedDirect()) direct++;
  const want = outcome(setup, s, false);
  expect(outcome(setup, s, true)).toBe(want);
  return want;
}

describe('DO loops of INTERPRET strings run from the scan', () => {
  it('agree with the clause loop on examples', () => {
    const cases = [
      'do j = 1 to 5; s = s + j * 7; end',
      'do j = 5 to 1 by -2; s = s || j; end j',
      'do j = 1 to 10 by 3 for 2; s = s + j; end',
      'do j = 1 for 3; s = s j; end',
      'do j = 0.5 to 2 by 0.25; s = s + j; end',
      'do j = 999999998 to 1000000001 for 6; s = s j; end',
      'do 3; s = s + 1; end',
      'do n; s = s + 1; end',
      'do; s = 1; end',
      'do j = 1 to 3; do k = j to 3; s = s + j * k; end k; end j',
      'do j = 1 to 4; j = j + 1; s = s j; end',
      "do j = 1 to 3; j = 'x'; end",
      "do j = 'a' to 3; end",
      "do j = 1 to 'b'; end",
      "do j = 1 by 'c'; end",
      'do j = 1 to 3 for -1; end',
      'do -2; end',
      'do 1.5; end',
      'do j = 3 to 1; s = 9; end; s = s + 1',
      'do j = 1 to 3 by 0; s = s + 1; if0 = 1; end',
      's = 0; do j = 1 to 3; s = s + j; end; t = s',
    ];
    direct = 0;
    for (const c of cases.filter((x) => !x.includes('if0'))) agree('s = 0; n = 4', c);
    expect(direct).toBeGreaterThanOrEqual(13); // (not those with a prefix minus or a blank concatenation)
    expect(JSON.parse(agree('s = 0', 'do j = 1 to 5; s = s + j * 7; end')).out).toBe('105 6 K N\n');
  });

  it('raise the errors of the clause loop (do-rules.ts), at the line of the INTERPRET', () => {
    const errors: [string, string][] = [
      ["do j = 'a' to 3; end", '41.6'],
      ["do j = 1 to 'b'; end", '41.4'],
      ["do j = 1 by 'c'; end", '41.5'],
      // (the step, j + 1, fails first)
      ["do j = 1 to 3; j = 'x'; end", '41.1'],
      ['do n - 6; end', '26.2'],
      ["do n || 'x'; end", '26.2'],
      ['do j = 1 to 3 for n - 5; end', '26.3'],
      ['do j = 1 for 1.5; end', '26.3'],
      ['do j = 1 to 3 by 2; s = s + 1; end j', ''],
    ];
    for (const [s, code] of errors) {
      expect(scanSource(s) && scannedDirect()).toBe(true);
      expect(JSON.parse(agree('s = 0; n = 4', s)).error).toBe(code === '' ? null : `${code}@2`);
    }
  });

  it('agree with the clause loop under other NUMERIC DIGITS', () => {
    agree('s = 0; n = 2; numeric digits 4', 'do j = 9990 to 10010 by 7; s = s + j; end');
    agree('s = 0; n = 2; numeric digits 12', 'do j = 999999990 to 1000000010 by 7; s = s + j; end');
    agree('s = 0; n = 2; numeric digits 3; numeric fuzz 1', 'do j = 95 to 105 by 3; s = s + j; end');
  });

  it('agree with the clause loop on random loops', () => {
    const num = fc.constantFrom('1', '3', '0', '-2', '2.5', '0.5', '10', "'x'", 'n', 'j', '999999999', '1E2', "' 4 '", "''");
    const expr = fc.tuple(num, fc.constantFrom('', ' + 1', ' * 2', ' - n', ' || 0', ' / 4')).map(([a, b]) => a + b);
    // (FOR and repetition counts small, and every controlled loop has a FOR: each loop ends)
    const count = fc.constantFrom('0', '2', '3', '-1', "'x'", 'n', '1.5', '2.0');
    const spec = fc.oneof(
      fc.tuple(expr, fc.option(expr, { nil: undefined }), fc.option(expr, { nil: undefined }), count, fc.nat(3)).map(([st, to, by, fr, at]) => {
        const parts = [to && `to ${to}`, by && `by ${by}`].filter(Boolean) as string[];
        parts.splice(Math.min(at, parts.length), 0, `for ${fr}`);
        return `j = ${st} ${parts.join(' ')}`;
      }),
      count,
      fc.constant(''),
    );
    const body = fc.constantFrom('s = s + 1', 's = s + j', 'j = j + 1', 'n = n + 1', 's = s || j', "j = 'y'", 'k = j * 2', 'do 2; s = s + 1; end');
    const prog = fc.tuple(spec, fc.array(body, { minLength: 1, maxLength: 3 })).map(([sp, b]) => `do ${sp}; ${b.join('; ')}; end`);
    direct = 0;
    fc.assert(
      fc.property(prog, fc.constantFrom('', 'numeric digits 5'), (p, digits) => {
        agree(`s = 0; n = 3; ${digits}`, p);
      }),
      { numRuns: 400 },
    );
    expect(direct).toBeGreaterThan(200);
  });
});
