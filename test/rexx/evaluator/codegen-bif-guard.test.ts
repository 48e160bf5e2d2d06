/**
 * The guard of direct BIF calls in compiled regions (codegen-bif.ts,
 * builtins/call-site.ts DirectBifSite): whether a label shadows the name is
 * settled once when the region starts, and the BIF table's generation is
 * compared at each call. These tests change the table or the labels seen in
 * the middle of a loop, by each way there is, and check the calls that
 * follow reach what the clause loop reaches.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { run, TestHost } from '../helpers.js';
import { codegenOptions } from '../../../src/rexx/evaluator/codegen.js';
import { lookupBuiltin, registerBuiltin, tableVersion } from '../../../src/rexx/builtins/registry.js';
import { DirectBifSite } from '../../../src/rexx/builtins/call-site.js';
import type { BifSpec } from '../../../src/rexx/builtins/types.js';
import type { Activation } from '../../../src/rexx/evaluator/activation.js';

afterEach(() => {
  codegenOptions.enabled = true;
});

/** LENGTH answering 100, and a restore of the real one. */
const FAKE_LENGTH: BifSpec = { name: 'LENGTH', min: 1, max: 1, fn: () => '100' };

/** Output and error of the program, with the region compiler on or off, LENGTH restored after. */
function outcome(src: string, enabled: boolean, setup: (h: TestHost) => void): string {
  const original = lookupBuiltin('LENGTH')!;
  codegenOptions.enabled = enabled;
  const host = new TestHost();
  setup(host);
  try {
    const r = run(src, [], host);
    return JSON.stringify({ out: r.out, error: r.error ? `${r.error.codeText}@${r.error.line}` : null });
  } finally {
    if (lookupBuiltin('LENGTH') !== original) registerBuiltin(original);
  }
}

/** The output with the region compiler on, after checking the clause loop gives the same. */
function same(src: string, setup: (h: TestHost) => void = () => {}): string {
  const off = outcome(src, false, setup);
  const on = outcome(src, true, setup);
  expect(on).toBe(off);
  return (JSON.parse(on) as { out: string }).out;
}

/** An external routine that replaces LENGTH. */
function swapper(h: TestHost): void {
  h.externals.set('SWAP', { kind: 'native', fn: () => (registerBuiltin(FAKE_LENGTH), '') });
}

describe('direct BIF calls after the BIF table changes mid-loop', () => {
  it('by an external function called in an expression of a region with its variables in locals', () => {
    const src = "n = 0\ndo i = 1 to 3\n  n = n + length('abc')\n  s = length('ab') i\n  if i = 1 then x = swap()\n  say n s\nend\n";
    expect(same(src, swapper)).toBe('3 2 1\n103 100 2\n203 100 3\n');
  });

  it('by a command handler', () => {
    const src = "do i = 1 to 3\n  say length('abc') + i length('ab')\n  if i = 2 then 'SWAP'\nend\n";
    const setup = (h: TestHost): void => {
      h.commandResult = () => (registerBuiltin(FAKE_LENGTH), { rc: 0 });
    };
    expect(same(src, setup)).toBe('4 2\n5 2\n103 100\n');
  });

  it('by a registered BIF called from the region (its variables staying in locals)', () => {
    const original = lookupBuiltin('LENGTH')!;
    registerBuiltin({ name: 'SWAPBIF', min: 0, max: 0, fn: () => (registerBuiltin(FAKE_LENGTH), '') });
    try {
      const src = "n = 0\ndo i = 1 to 3\n  n = n + length('abc')\n  if i = 1 then x = swapbif()\n  say n length('ab') + i\nend\n";
      // (the first run replaces LENGTH: put it back before the second)
      const off = outcome(src, false, () => {});
      registerBuiltin(original);
      expect(outcome(src, true, () => {})).toBe(off);
      expect((JSON.parse(off) as { out: string }).out).toBe('3 101\n103 102\n203 103\n');
    } finally {
      registerBuiltin(original);
    }
  });

  it('in a region run again after the table changed (the entry check)', () => {
    const src = "do j = 1 to 2\n  do i = 1 to 2\n    say j i length('abc')\n  end\n  if j = 1 then call swap\nend\n";
    expect(same(src, swapper)).toBe('1 1 3\n1 2 3\n2 1 100\n2 2 100\n');
  });
});

describe('direct BIF calls and the labels that shadow them', () => {
  it('a label in an INTERPRET string run in the loop does not shadow the BIF for the loop', () => {
    const src = "do i = 1 to 3\n  say length('abc') i\n  if i = 1 then interpret 'nop; length: nop'\nend\nexit\n";
    same(src);
  });

  it('the same INTERPRET string compiled once and run in programs with and without the label', () => {
    const loop = "interpret \"n = 0; do i = 1 to 3; n = n + length('abcd'); end; say n\"\n";
    const plain = `${loop}exit\n`;
    const shadowed = `${loop}exit\nlength: return 7\n`;
    expect(same(plain)).toBe('12\n');
    expect(same(shadowed)).toBe('21\n');
    expect(same(plain)).toBe('12\n');
  });

  it('a region in an internal routine reached from the main program sees the program labels', () => {
    const src = "call r\nexit\nr: n = ''\ndo i = 1 to 2\n  n = n left('xyz', i)\nend\nsay n\nreturn\nleft: return 'L'arg(2)\n";
    expect(same(src)).toBe(' L1 L2\n');
  });
});

describe('DirectBifSite.entry', () => {
  it('keeps the call while the table changes for other names, not once the name is another BIF', () => {
    const original = lookupBuiltin('LENGTH')!;
    // (quoted: no labels searched, so no activation is looked at)
    const site = new DirectBifSite('LENGTH', true, original);
    const none = undefined as unknown as Activation;
    try {
      expect(site.entry(none)).toBe(tableVersion.n);
      registerBuiltin({ name: 'GUARDTESTOTHER', min: 0, max: 0, fn: () => '' });
      expect(site.entry(none)).toBe(tableVersion.n);
      registerBuiltin(FAKE_LENGTH);
      expect(site.entry(none)).toBe(-1);
    } finally {
      registerBuiltin(original);
    }
    expect(site.entry(none)).toBe(tableVersion.n);
  });
});
