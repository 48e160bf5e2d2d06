/**
 * BIF programs (test/rexx/builtins/programs): each NAME.rexx runs in-process and
 * its output must equal NAME.out, produced by Regina 3.6 (`regina ./NAME.rexx`).
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { run, TestHost } from '../helpers.js';

const dir = path.join(__dirname, 'programs');
const programs = fs.readdirSync(dir).filter((f) => f.endsWith('.rexx')).sort();

describe('BIF program suite', () => {
  for (const f of programs) {
    it(f, () => {
      const src = fs.readFileSync(path.join(dir, f)).toString('latin1');
      const r = run(src, [], new TestHost());
      const expected = fs.readFileSync(path.join(dir, f.replace(/\.rexx$/, '.out'))).toString('latin1');
      expect(r.out).toBe(expected);
    });
  }
});
