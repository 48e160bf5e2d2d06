/**
 * The region compiler's strict switch (evaluator/codegen.ts codegenOptions.strict):
 * on under vitest, so that a generated source JavaScript refuses fails the
 * test that made it instead of silently leaving the loop to the clause loop;
 * off, the same defect gives no region (null).
 */
import { describe, expect, it, afterEach } from 'vitest';
import { codegenOptions, instantiate } from '../../../src/rexx/evaluator/codegen.js';

const strict = codegenOptions.strict;

afterEach(() => {
  codegenOptions.strict = strict;
});

describe('codegenOptions.strict', () => {
  it('is on under vitest', () => {
    expect(strict).toBe(true);
  });

  it('makes a rejected generated source an error, naming the source', () => {
    codegenOptions.strict = true;
    expect(() => instantiate('return function region(a) { if (', [])).toThrow(/generated source rejected[\s\S]*region\(a\)/);
  });

  it('off, a rejected source gives no region', () => {
    codegenOptions.strict = false;
    expect(instantiate('return function region(a) { if (', [])).toBeNull();
  });

  it('a good source gives the region function, with its constants', () => {
    const f = instantiate('const k0 = K[0];\nreturn function region(a) { return { value: k0 + a }; };', ['x']);
    expect(f?.('y' as never)).toEqual({ value: 'xy' });
  });
});
