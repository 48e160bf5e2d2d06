// Runs every CMS console transcript under test/cms/transcripts (issue 4 "Done when").
// A transcript with the line `## cluster test/cms/cluster` runs against that cluster
// folder (the default cluster plus USER1's 192: the host folder test/cms/execs); from
// the command line: vmrexx test --folder test/cms/cluster FILE.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTranscript } from '../../src/cli/transcript.js';

const dir = join(import.meta.dirname, 'transcripts');
const root = join(import.meta.dirname, '..', '..');

describe('CMS transcripts', () => {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    it(f, async () => {
      const m = /^## cluster (\S+)/m.exec(readFileSync(join(dir, f), 'latin1'));
      const r = await runTranscript(join(dir, f), m ? { folder: join(root, m[1]!) } : {});
      expect(r.diff.join('\n')).toBe('');
      expect(r.passed).toBe(true);
    }, 60_000);
  }
});
