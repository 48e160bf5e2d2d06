// CSE transcripts: two systems in one process, and in two processes (issue 8 "Done when").
// The two-process ones start `vmrexx ipl --system ...` from the build (npm run build first).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTranscript } from '../../src/cli/transcript.js';

const dir = join(import.meta.dirname, 'transcripts');

describe('CSE transcripts', () => {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    it(f, async () => {
      const r = await runTranscript(join(dir, f));
      expect(r.diff.join('\n')).toBe('');
      expect(r.passed).toBe(true);
    }, 60_000);
  }
});
