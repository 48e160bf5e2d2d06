// Runs every console transcript under test/cp/transcripts (issue 3 "Done when").
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTranscript } from '../../src/cli/transcript.js';

const dir = join(import.meta.dirname, 'transcripts');

describe('console transcripts', () => {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    it(f, async () => {
      const r = await runTranscript(join(dir, f));
      expect(r.diff.join('\n')).toBe('');
      expect(r.passed).toBe(true);
    });
  }
});
