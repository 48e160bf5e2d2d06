// Migration transcripts (issue 5 "Done when"): console scripts in test/migration/transcripts,
// one process and two processes (## process VMSYS2). Output is compared line by line in
// order, across step boundaries: asynchronous lines (MSG replies from the moving vans, the
// CMS IPL) may land just before or after the next input without the test caring.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTranscript, runTranscript } from '../../src/cli/transcript.js';

const dir = join(import.meta.dirname, 'transcripts');

function matches(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  if (expected.startsWith('~ ')) return new RegExp(`^(?:${expected.slice(2)})$`).test(actual.trimEnd());
  return expected.trimEnd() === actual.trimEnd();
}

describe('migration transcripts', () => {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    it(f, async () => {
      const file = join(dir, f);
      const steps = parseTranscript(readFileSync(file, 'latin1')).steps;
      // a step without input (the logo, a switch to another console) that expects no lines is not checked
      const skip = steps.map((s) => s.input === null && s.expected.length === 0);
      const expected = steps.flatMap((s) => s.expected);
      const r = await runTranscript(file);
      const actual = r.actual.flatMap((s, i) => (skip[i] ? [] : s.expected));
      const problems: string[] = [];
      for (let i = 0; i < Math.max(expected.length, actual.length); i++)
        if (!matches(expected[i] ?? '', actual[i])) {
          problems.push(`line ${i + 1}: expected ${JSON.stringify(expected[i])}, got ${JSON.stringify(actual[i])}`);
          break;
        }
      expect(problems.join('\n') + (problems.length ? `\nactual:\n${actual.join('\n')}` : '')).toBe('');
    }, 120_000);
  }
});
