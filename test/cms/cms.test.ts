// CMS in the guest (issue 4): runaway EXECs stopped by HI/HX while another user is
// unaffected, WAKEUP with SMSG/TIME/CONS, persistence of files and GLOBALV LASTING
// across a restart, PROFILE EXEC at IPL, HT/RT.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster, type TestConsole } from '../../src/console/core/harness.js';

const folder = join(import.meta.dirname, 'cluster');
let tc: TestCluster | undefined;

afterEach(async () => {
  await tc?.shutdown();
  tc = undefined;
});

/** Type a line and wait (robust under load) until an output line matches `until`. */
async function run(c: TestConsole, line: string, until: RegExp): Promise<string[]> {
  const start = c.output.length;
  await c.type(line);
  await c.waitFor(until, 20_000);
  return c.output.slice(start);
}

async function logon(c: TestConsole, user: string): Promise<void> {
  await c.type(`LOGON ${user}`);
  const out = await run(c, user, /^Ready/);
  expect(out.join('\n')).toMatch(/Ready;/);
}

describe('CMS immediate commands', () => {
  it('HI and HX stop a runaway EXEC from the same console; another user is unaffected', async () => {
    tc = await startCluster({ folder, autolog: false });
    const c1 = tc.console();
    const c2 = tc.console();
    await logon(c1, 'USER1');
    await logon(c2, 'USER2');
    await c1.type('ACCESS 192 B');
    expect(await run(c1, 'LOOP', /^looping$/)).toEqual(['looping']);
    // USER2 works normally while USER1 loops
    const q = await run(c2, 'HELLO friend', /^Ready/);
    expect(q[0]).toBe('Hello, friend!');
    expect(q[1]).toMatch(/^Ready;/);
    const t = await run(c2, 'Q TIME', /^Ready/);
    expect(t[0]).toMatch(/^TIME IS/);
    // HI with SIGNAL ON HALT
    const hi = await run(c1, 'HI', /^Ready/);
    expect(hi[0]).toMatch(/^HALT trapped at line \d+$/);
    expect(hi[1]).toMatch(/^Ready\(00007\);/);
    // HI without a trap: Error 4
    expect(await run(c1, 'LOOPX', /^looping$/)).toEqual(['looping']);
    const hi2 = await run(c1, 'HI', /^Ready/);
    expect(hi2.join('\n')).toMatch(/DMSREX450E Error 4 running LOOPX EXEC, line \d+: Program interrupted/);
    expect(hi2[hi2.length - 1]).toMatch(/^Ready\(20004\);/);
    // HX ends it at once
    expect(await run(c1, 'LOOPX', /^looping$/)).toEqual(['looping']);
    const hx = await run(c1, 'HX', /^Ready/);
    expect(hx[0]).toBe('CMS');
    expect(hx[1]).toMatch(/^Ready;/);
    // and the machine still works
    expect((await run(c1, 'ARGSX ok', /^Ready/))[0]).toBe('args: <ok>');
  }, 60_000);

  it('HT suppresses EXEC output until RT', async () => {
    tc = await startCluster({ folder, autolog: false });
    const c1 = tc.console();
    await logon(c1, 'USER1');
    await c1.type('ACCESS 192 B');
    const r = await run(c1, 'HTRT', /^Ready/);
    expect(r.slice(0, 2)).toEqual(['before HT', 'after RT']);
    expect(r[2]).toMatch(/^Ready;/);
  }, 30_000);
});

describe('WAKEUP', () => {
  it('waits for a timer, an SMSG (SET SMSG ON) and a console line', async () => {
    tc = await startCluster({ folder, autolog: false });
    const c1 = tc.console();
    const c2 = tc.console();
    await logon(c1, 'USER1');
    await logon(c2, 'USER2');
    await c1.type('ACCESS 192 B');
    await c1.type('WAKE');
    await c1.waitFor(/^waiting for smsg$/);
    expect(c1.output).toContain('timer rc 0');
    await c2.type('SMSG USER1 hello there');
    const got = await c1.waitFor(/^got:/);
    expect(got).toBe('got: *SMSG    USER2    hello there');
    expect(c1.output).toContain('smsg rc 5');
    const cons = await run(c1, 'some text', /^bad time rc/);
    expect(cons.slice(0, 2)).toEqual(['cons rc 6', 'typed: some text']);
    expect(cons.join('\n')).toMatch(/bad time rc 24/);
    await c1.waitFor(/^waiting for msg$/);
    await c2.type('MSG USER1 via iucv');
    expect(await c1.waitFor(/^msg:/)).toBe('msg: *MSG     USER2    via iucv');
  }, 60_000);
});

describe('CMS file system persistence', () => {
  it('files, GLOBALV LASTING and PROFILE EXEC survive a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vmrexx-cms-'));
    const dataFile = join(dir, 'cluster.db');
    try {
      tc = await startCluster({ dataFile, autolog: false });
      let c = tc.console();
      await logon(c, 'USER1');
      await c.type('XEDIT PROFILE EXEC A');
      await c.type('INPUT');
      await c.type("/* PROFILE EXEC */ say 'profile ran for' userid()");
      await c.type('');
      await c.type('FILE');
      await c.type('GLOBALV SELECT KEEP SETL COLOUR green');
      const l = await c.type('LISTFILE * * A');
      expect(l).toContain('PROFILE  EXEC     A1');
      await tc.shutdown();
      tc = await startCluster({ dataFile, autolog: false });
      c = tc.console();
      await c.type('LOGON USER1');
      const out = await run(c, 'USER1', /^Ready/);
      expect(out).toContain('profile ran for USER1');
      expect(await c.type('TYPE PROFILE EXEC A')).toContain("/* PROFILE EXEC */ say 'profile ran for' userid()");
      const g = await c.type('GLOBALV SELECT KEEP LIST');
      expect(g).toContain('  COLOUR   green');
    } finally {
      await tc?.shutdown();
      tc = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
