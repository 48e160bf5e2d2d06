// Systems coming and going (issue 8): VMSYS2 runs in its own process and dies (SIGKILL).
// VMSYS1 reports the ISFC link drop, refuses cross-system operations to it, keeps the dead
// system's link records (its users may have been writing) until XLINK RESET, and lets the
// dead system's users log on here. Needs the build (npm run build).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../../src/console/core/harness.js';
import { repoRoot } from '../../src/common/worker-path.js';

let tc: TestCluster | undefined;
afterEach(async () => {
  await tc?.shutdown();
  tc = undefined;
});

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a system that dies', () => {
  it('is reported, refused, and its link records are reset by the operator', async () => {
    tc = await startCluster({ autolog: false, systems: ['VMSYS1'] });
    const data = tc.cluster.dataFile;
    const child = spawn(process.execPath, [join(repoRoot(), 'bin', 'vmrexx'), 'ipl', '--system', 'VMSYS2', '--data', data, '--noautolog'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      child.stdin.write('LOGON USER3 NOIPL\nUSER3\nQ USERID\n');
      await until(() => /USER3\s+AT VMSYS2/.test(out));
      const op = tc.console('VMSYS1');
      await op.type('LOGON OPERATOR NOIPL');
      await op.type('OPERATOR');
      const a = tc.console('VMSYS1');
      await a.type('LOGON MAINT NOIPL');
      await a.type('MAINT');
      expect(await a.type('Q USER3')).toEqual(['USER3    - SSI']);
      expect(await a.type('LINK USER3 0191 0291 W')).toEqual(['HCPLNM104E USER3 0191 not linked; R/W by USER3 at VMSYS2']);
      child.kill('SIGKILL');
      await op.waitFor('HCPXSY2711I System VMSYS2 has left the collection; ISFC link to VMSYS2 is down', 5000);
      expect(await a.type('Q USER3')).toEqual(['HCPCQU045E USER3 not logged on']);
      expect(await a.type('MSG USER3 AT VMSYS2 HELLO')).toEqual(['HCPXSY2712E System VMSYS2 is not available; ISFC link to VMSYS2 is down']);
      expect(await a.type('AT VMSYS2 CMD Q N')).toEqual(['HCPXSY2712E System VMSYS2 is not available; ISFC link to VMSYS2 is down']);
      // the dead system's write link still protects the minidisk ...
      expect(await a.type('LINK USER3 0191 0291 W')).toEqual(['HCPLNM104E USER3 0191 not linked; R/W by USER3 at VMSYS2']);
      // ... until the operator resets its link records (IPL of VMSYS2 would do the same)
      expect(await op.type('XLINK RESET VMSYS2')).toEqual(['0003 LINK RECORDS OF SYSTEM VMSYS2 RESET']);
      expect(await a.type('LINK USER3 0191 0291 W')).toEqual([]);
      expect(await a.type('Q LINKS 0291')).toEqual(['MAINT    0291 R/W']);
      // the dead system's user may log on here now
      const b = tc.console('VMSYS1');
      await b.type('LOGON USER3 NOIPL');
      expect((await b.type('USER3')).some((l) => /^LOGON AT /.test(l))).toBe(true);
      expect(await a.type('Q COLLECT')).toEqual(['Collection members:', '  VMSYS1   Slot 1  Up   (this system)', '  VMSYS2   Slot 2  Down']);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);
});

describe('one system, one process', () => {
  it('refuses to IPL a system that is already running on the data file', async () => {
    tc = await startCluster({ autolog: false, systems: ['VMSYS1'] });
    const { Cluster } = await import('../../src/cp/cluster.js');
    await expect(Cluster.open({ dataFile: tc.cluster.dataFile, autolog: false, systems: ['VMSYS1'] })).rejects.toThrow(/VMSYS1 is already running/);
    // the other system may start, and they see each other
    const other = await Cluster.open({ dataFile: tc.cluster.dataFile, autolog: false, systems: ['VMSYS2'] });
    try {
      expect(tc.cluster.cse.alive('VMSYS2')).toBe(true);
      expect(other.cse.alive('VMSYS1')).toBe(true);
    } finally {
      await other.shutdown();
    }
    await new Promise((r) => setTimeout(r, 250)); // the next poll sees it go
    expect(tc.cluster.cse.alive('VMSYS2')).toBe(false);
  });
});
