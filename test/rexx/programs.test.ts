/**
 * The project's own REXX program suite (test/rexx/programs): each NAME.rexx
 * runs in-process and its output must equal NAME.out byte for byte (made by
 * Regina 3.6 with regen.sh, or by hand where the standard and Regina differ),
 * and its exit status NAME.rc when present.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { run, TestHost } from './helpers.js';

const dir = path.join(__dirname, 'programs');
const programs = fs.readdirSync(dir).filter((f) => f.endsWith('.rexx')).sort();

describe('REXX program suite', () => {
  for (const f of programs) {
    it(f, () => {
      const src = fs.readFileSync(path.join(dir, f)).toString('latin1');
      const host = new TestHost();
      const r = run(src, [], host);
      const expected = fs.readFileSync(path.join(dir, f.replace(/\.rexx$/, '.out'))).toString('latin1');
      expect(r.out).toBe(expected);
      const rcFile = path.join(dir, f.replace(/\.rexx$/, '.rc'));
      if (fs.existsSync(rcFile)) expect(String(r.exitCode)).toBe(fs.readFileSync(rcFile, 'utf8').trim());
    });
  }
});
