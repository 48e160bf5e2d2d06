/**
 * Running a program with the region compiler on and off (codegen.ts
 * codegenOptions), for tests that compare compiled regions with the clause
 * loop: what a run shows (output, error report, error number and line).
 */
import { expect } from 'vitest';
import { run } from '../helpers.js';
import { codegenOptions } from '../../../src/rexx/evaluator/codegen.js';

/** The outcome of running src with the region compiler on (enabled) or off. */
export function outcome(src: string, enabled: boolean): string {
  codegenOptions.enabled = enabled;
  try {
    const r = run(src);
    return JSON.stringify({ out: r.out, err: r.err, error: r.error ? `${r.error.codeText}@${r.error.line}` : null });
  } finally {
    codegenOptions.enabled = true;
  }
}

/** Expect the same outcome with the region compiler on and off; the output. */
export function sameOnOff(src: string): string {
  const off = outcome(src, false);
  const on = outcome(src, true);
  expect(on).toBe(off);
  return (JSON.parse(on) as { out: string }).out;
}
