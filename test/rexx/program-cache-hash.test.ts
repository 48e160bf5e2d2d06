/**
 * The table of INTERPRET strings (program-cache.ts) keeps a string met once
 * as its hash alone: another string with the same hash is then taken for
 * met before, which only makes it parsed at first sight. (A file of its
 * own: the table starts empty, so every string stored here is kept.)
 */
import { describe, expect, it } from 'vitest';
import { interpretedOrScanned } from '../../src/rexx/program-cache.js';
import { loadSource } from '../../src/rexx/parser/fast-path.js';
import { run } from './helpers.js';

describe('INTERPRET string table: equal hashes', () => {
  it('takes a string with the hash of one met once for met before, with the same outcome', () => {
    // 'Aa' and 'BB' have the same polynomial hash (31 * 65 + 97 = 31 * 66 + 66): so do these strings
    const a = 'hcAa = 1';
    const b = 'hcBB = 1';
    expect(loadSource(a)).toBe(loadSource(b));
    expect(interpretedOrScanned(a)).toBeNull(); // met once: kept as its hash
    const ip = interpretedOrScanned(b)!; // taken for met before: parsed at once
    expect(ip.prog.lines[0]).toBe(b);
    expect(interpretedOrScanned(b)).toBe(ip);
    // a string kept with its parse is told apart by its characters
    const c = 'hdAa = 1';
    const d = 'hdBB = 1';
    expect(interpretedOrScanned(c)).toBeNull();
    const ipc = interpretedOrScanned(c)!;
    expect(ipc.prog.lines[0]).toBe(c);
    expect(interpretedOrScanned(d)).toBeNull(); // scanned, not c's
    const r = run("interpret 'heAa = 1'; interpret 'heBB = 1'; interpret 'heAa = heAa + 1'; say heAa heBB", []);
    expect(r.out).toBe('2 1\n');
  });

});
