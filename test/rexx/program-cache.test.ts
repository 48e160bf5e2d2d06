/**
 * The table of INTERPRET strings (program-cache.ts): a string of assignments
 * met once is only scanned, met again it is parsed and kept; strings used
 * again and again stay while a stream of strings met once passes through,
 * and strings no longer used make way for new ones.
 */
import { describe, expect, it } from 'vitest';
import { getInterpreted, interpretedOrScanned } from '../../src/rexx/program-cache.js';

describe('INTERPRET string table', () => {
  it('scans a string of assignments met once, parses and compiles it met again, then keeps it', () => {
    const src = 'pc1 = 1 + 2; pc2 = pc1 * 3';
    expect(interpretedOrScanned(src)).toBeNull();
    const ip = interpretedOrScanned(src)!;
    expect(ip.prog.clauses.map((c) => c.k)).toEqual(['assign', 'assign']);
    expect(ip.plan!.runs).toBe(1); // compiled on its next run
    expect(interpretedOrScanned(src)).toBe(ip);
    expect(getInterpreted(src)).toBe(ip);
  });

  it('parses other strings at once, keeping them from their second time (the fast front end) or the first (the full parser)', () => {
    const src = 'do pcj = 1 to 2; say pcj; end';
    const once = interpretedOrScanned(src)!;
    expect(once.plan).toBeNull();
    expect(once.prog.clauses.map((c) => c.k)).toEqual(['do', 'say', 'end']);
    const ip = interpretedOrScanned(src)!;
    expect(ip).not.toBe(once);
    expect(ip.prog).toEqual(once.prog);
    expect(interpretedOrScanned(src)).toBe(ip);
    const full = 'if pcj then say pcj';
    const fip = interpretedOrScanned(full)!;
    expect(interpretedOrScanned(full)).toBe(fip);
  });

  it('leaves a string of assignments and DO loops, met for the first time, to be run from its scan', () => {
    const src = 'do pck = 1 to 2; pcs = pck; end';
    expect(interpretedOrScanned(src)).toBeNull();
    const ip = interpretedOrScanned(src)!;
    expect(ip.plan).toBeNull(); // (a plan is for assignments only)
    expect(interpretedOrScanned(src)).toBe(ip);
  });

  it('does not keep strings that do not parse', () => {
    expect(() => getInterpreted('pcx = ')).toThrow();
    expect(() => interpretedOrScanned('pcx = ')).toThrow();
  });

  it('keeps strings used again and again while many met once pass through', () => {
    const hot = Array.from({ length: 50 }, (_, k) => `sum = sum + hx${k}`);
    const last = new Map<string, unknown>();
    let reparsed = 0;
    for (let i = 0; i < 20000; i++) {
      interpretedOrScanned(`hx${i % 50} = ${i} * 3 + ${i % 7}`);
      if (i % 100 === 0) interpretedOrScanned(`do j = 1 to 5; sum = sum + j * ${i}; end`);
      const h = hot[i % 50]!;
      const ip = interpretedOrScanned(h);
      if (i >= 1000) {
        expect(ip).not.toBeNull(); // parsed long ago
        if (last.has(h) && last.get(h) !== ip) reparsed++;
        last.set(h, ip);
      }
    }
    // almost always the same object: (nearly) never dropped and parsed again
    expect(reparsed).toBeLessThan(20);
  });

  it('makes way for new strings used again and again when the old ones are no longer used', () => {
    const phase = (tag: string, n: number) => Array.from({ length: n }, (_, k) => `${tag}${k} = ${k}`);
    const one = phase('pa', 1500);
    for (let r = 0; r < 3; r++) for (const s of one) interpretedOrScanned(s);
    const two = phase('pb', 500);
    for (let r = 0; r < 12; r++) for (const s of two) interpretedOrScanned(s);
    // most of the new strings are kept now
    let kept = 0;
    for (const s of two) {
      const ip = interpretedOrScanned(s);
      if (ip !== null && interpretedOrScanned(s) === ip) kept++;
    }
    expect(kept).toBeGreaterThan(350);
  });

  it('tells apart long strings that differ only in the middle', () => {
    const pad = 'x'.repeat(100);
    const a = `pl1 = '${pad}' || 1 || '${pad}'`;
    const b = `pl1 = '${pad}' || 2 || '${pad}'`;
    for (let r = 0; r < 4; r++) {
      expect(getInterpreted(a).prog.lines[0]).toBe(a);
      expect(getInterpreted(b).prog.lines[0]).toBe(b);
      expect(interpretedOrScanned(a)?.prog.lines[0] ?? a).toBe(a);
    }
  });
});
