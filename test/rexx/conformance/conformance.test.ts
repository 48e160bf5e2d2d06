/**
 * The shared REXX conformance suite (../shared/conformance) run against
 * bin/vmrexx exactly as its runner does. Every program not listed in
 * known-failures.txt must pass, so the pass count only goes up; a program
 * listed there that now passes fails the test too, so the list stays honest.
 */
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const runner = path.resolve(root, '../shared/conformance/run-conformance.sh');
const knownFile = path.join(__dirname, 'known-failures.txt');

function known(): Set<string> {
  if (!fs.existsSync(knownFile)) return new Set();
  return new Set(
    fs
      .readFileSync(knownFile, 'utf8')
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean),
  );
}

describe.skipIf(!fs.existsSync(runner))('shared conformance suite', () => {
  it('passes every program except the known failures', () => {
    let out: string;
    try {
      out = execFileSync(runner, [path.join(root, 'bin/vmrexx')], {
        encoding: 'utf8',
        env: { ...process.env, CONF_CHECK_RC: '1' },
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    const results = new Map<string, boolean>();
    for (const line of out.split('\n')) {
      const m = /^(PASS|FAIL) (\S+)/.exec(line);
      if (m) results.set(m[2]!, m[1] === 'PASS');
    }
    expect(results.size).toBeGreaterThan(50);
    const k = known();
    const regressions = [...results].filter(([n, ok]) => !ok && !k.has(n)).map(([n]) => n);
    const fixed = [...results].filter(([n, ok]) => ok && k.has(n)).map(([n]) => n);
    expect(regressions, 'programs that fail (run the runner with CONF_VERBOSE=1)').toEqual([]);
    expect(fixed, 'programs that now pass: remove them from known-failures.txt').toEqual([]);
  });
});
