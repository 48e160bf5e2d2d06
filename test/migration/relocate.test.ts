// Live guest migration in one process: VMRELOCATE TEST/MOVE/STATUS/CANCEL, eligibility, faults (issue 5).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster, type TestConsole } from '../../src/console/core/harness.js';
import { linkInMemory, isfcNode } from '../../src/cp/isfc/isfc.js';
import { setSystemProfile } from '../../src/cp/migration/guest-image.js';
import { plannedFaults } from '../../src/cp/migration/relocate.js';
import type { Cluster } from '../../src/cp/cluster.js';

let tc: TestCluster;
let op: TestConsole;

async function logonOperator(c: TestCluster): Promise<TestConsole> {
  const con = c.console();
  await con.type('LOGON OPERATOR');
  await con.type('OPERATOR');
  await con.type('#CP TERM MORE 0 0').catch(() => undefined);
  return con;
}

/** Type a VMRELOCATE MOVE and wait for its outcome; the output lines since it was typed. */
async function move(cmd: string): Promise<string[]> {
  const from = op.output.length;
  await op.type(cmd, 120_000);
  await op.waitFor(/has been relocated|HCPRLH1960E|HCPRLH1940E/, 120_000);
  await new Promise((r) => setTimeout(r, 50));
  return op.output.slice(from);
}

function where(cluster: Cluster, userid: string): string[] {
  return [...cluster.systems.values()].filter((s) => s.vms.has(userid)).map((s) => s.name);
}

async function counter(cluster: Cluster, userid: string): Promise<number> {
  const vm = cluster.findUser(userid)!;
  return Number(new DataView(vm.storage.bytes.buffer).getBigUint64(0));
}

async function waitCounterAbove(cluster: Cluster, userid: string, n: number): Promise<number> {
  for (let i = 0; i < 400; i++) {
    const c = await counter(cluster, userid);
    if (c > n) return c;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${userid} counter stuck at ${n}`);
}

beforeEach(async () => {
  tc = await startCluster();
  op = await logonOperator(tc);
  await waitCounterAbove(tc.cluster, 'LNXA5VM', 5);
});

afterEach(async () => {
  plannedFaults.clear();
  await tc.shutdown();
});

describe('VMRELOCATE in one process', () => {
  it('TEST says the guest is eligible, and nothing moves', async () => {
    const out = await op.type('VMRELOCATE TEST LNXA5VM TO VMSYS2');
    expect(out).toContain('User LNXA5VM is eligible for relocation to VMSYS2');
    expect(where(tc.cluster, 'LNXA5VM')).toEqual(['VMSYS1']);
  });

  it('MOVE relocates the running guest: it runs on VMSYS2 only, counter continued, digest matched', async () => {
    const before = await counter(tc.cluster, 'LNXA5VM');
    const out = await move('VMRELOCATE MOVE LNXA5VM VMSYS2');
    const text = out.join('\n');
    expect(text).toContain('Relocation of LNXA5VM from VMSYS1 to VMSYS2 started');
    expect(text).toMatch(/Relocation of LNXA5VM pass 1: \d+ pages sent, \d+ still dirty/);
    expect(text).toContain('User LNXA5VM has been relocated from VMSYS1 to VMSYS2');
    expect(text).toContain('memory digest matched');
    expect(where(tc.cluster, 'LNXA5VM')).toEqual(['VMSYS2']);
    const vm = tc.cluster.findUser('LNXA5VM')!;
    expect(vm.guest?.alive).toBe(true);
    const after = await waitCounterAbove(tc.cluster, 'LNXA5VM', before);
    expect(after).toBeGreaterThan(before);
    const q = await op.type('QUERY LNXA5VM');
    expect(q.join('\n')).toMatch(/LNXA5VM.*VMSYS2|VMSYS2.*LNXA5VM|LNXA5VM/);
    // and back again
    const back = await move('VMRELOCATE MOVE LNXA5VM VMSYS1');
    expect(back.join('\n')).toContain('User LNXA5VM has been relocated from VMSYS2 to VMSYS1');
    expect(where(tc.cluster, 'LNXA5VM')).toEqual(['VMSYS1']);
    await waitCounterAbove(tc.cluster, 'LNXA5VM', after);
  });

  it('refuses with reasons and changes nothing', async () => {
    setSystemProfile(tc.cluster.system('VMSYS2')!, { facilities: ['ESA390', 'ZARCH'], maxGuestStorage: 64 * 1024 * 1024, cpLevel: 720 });
    const out = await move('VMRELOCATE MOVE LNXA5VM VMSYS2');
    const t = out.join('\n');
    expect(t).toContain('HCPRLH1940E LNXA5VM is not relocatable for the following reason(s):');
    expect(t).toMatch(/HCPRLE1944I LNXA5VM: Architecture features .*VX.* are not available on VMSYS2/);
    expect(t).toMatch(/HCPRLE1945I LNXA5VM: Virtual machine storage size 128M exceeds the maximum 64M allowed on VMSYS2/);
    expect(t).toMatch(/HCPRLE1946I/);
    expect(where(tc.cluster, 'LNXA5VM')).toEqual(['VMSYS1']);
    const forced = await op.type('VMRELOCATE TEST LNXA5VM VMSYS2 FORCE ARCH STORAGE');
    expect(forced.join('\n')).not.toMatch(/HCPRLE1944I|HCPRLE1945I/);
    expect(forced.join('\n')).toMatch(/HCPRLE1946I/);
  });

  it('refuses a guest with a dedicated device', async () => {
    const a = (await op.type('#CP ATTACH 0A02 TO LNXA5VM AS 0300')).join('\n');
    expect(a).toMatch(/ATTACHED|0A02/);
    const t = (await op.type('VMRELOCATE TEST LNXA5VM VMSYS2')).join('\n');
    expect(t).toMatch(/HCPRLI1950I LNXA5VM: Virtual machine device 0300 is a dedicated device/);
    expect(where(tc.cluster, 'LNXA5VM')).toEqual(['VMSYS1']);
  });

  it('refuses a CMS guest, the same system, an unknown destination, a user logged on at the target', async () => {
    expect((await op.type('VMRELOCATE TEST MVVAN1 VMSYS2')).join('\n')).toMatch(/HCPRLL1955I MVVAN1: The virtual machine runs CMS/);
    expect((await op.type('VMRELOCATE TEST LNXA5VM VMSYS1')).join('\n')).toMatch(/HCPRLE1942I/);
    expect((await op.type('VMRELOCATE TEST LNXA5VM VMSYS9')).join('\n')).toMatch(/HCPRLE1941I/);
    expect((await op.type('VMRELOCATE TEST NOBODY VMSYS2')).join('\n')).toMatch(/HCPRLH045E NOBODY not logged on/);
    expect((await op.type('VMRELOCATE FROB')).join('\n')).toMatch(/HCPRLH003E/);
    expect((await op.type('VMRELOCATE STATUS')).join('\n')).toContain('HCPRLH1963I No relocations in progress');
    expect((await op.type('VMRELOCATE CANCEL LNXA5VM')).join('\n')).toContain('HCPRLH1961E');
  });

  const steps: { step: 'begin' | 'pass' | 'stun' | 'state' | 'restore'; pass?: number }[] = [
    { step: 'begin' },
    { step: 'pass', pass: 1 },
    { step: 'pass', pass: 2 },
    { step: 'stun' },
    { step: 'state' },
    { step: 'restore' },
  ];
  for (const s of steps)
    for (const kind of ['target', 'link', 'cancel', 'van'] as const) {
      it(`${kind} failure at ${s.step}${s.pass ? ` ${s.pass}` : ''}: the guest keeps running on the source, intact`, async () => {
        plannedFaults.set('LNXA5VM', { step: s.step, pass: s.pass, kind });
        const before = await counter(tc.cluster, 'LNXA5VM');
        const out = await move('VMRELOCATE MOVE LNXA5VM VMSYS2 IMMEDIATE');
        const t = out.join('\n');
        if (s.step === 'pass' && s.pass === 2) {
          // IMMEDIATE makes one pass only: pass 2 never comes, the move completes
          expect(t).toContain('has been relocated');
          expect(where(tc.cluster, 'LNXA5VM')).toEqual(['VMSYS2']);
          return;
        }
        expect(t).toMatch(/HCPRLH1960E Relocation of LNXA5VM from VMSYS1 to VMSYS2 cancelled: .*; LNXA5VM continues to run on VMSYS1/);
        expect(where(tc.cluster, 'LNXA5VM')).toEqual(['VMSYS1']);
        const vm = tc.cluster.findUser('LNXA5VM')!;
        expect(vm.guest?.alive).toBe(true);
        await waitCounterAbove(tc.cluster, 'LNXA5VM', before);
        // nothing half-built is left on the target
        expect((await op.type('VMRELOCATE STATUS')).join('\n')).toContain('No relocations in progress');
        if (kind === 'link') linkInMemory(isfcNode(tc.cluster.system('VMSYS1')!), isfcNode(tc.cluster.system('VMSYS2')!));
        // and a new attempt succeeds
        const again = await move('VMRELOCATE MOVE LNXA5VM VMSYS2');
        expect(again.join('\n')).toContain('has been relocated');
        expect(where(tc.cluster, 'LNXA5VM')).toEqual(['VMSYS2']);
      });
    }

  it('the commit is lost on the way: the destination never starts the guest, the source resumes it', async () => {
    plannedFaults.set('LNXA5VM', { step: 'restore', kind: 'lostcommit' });
    const before = await counter(tc.cluster, 'LNXA5VM');
    const out = (await move('VMRELOCATE MOVE LNXA5VM VMSYS2')).join('\n');
    expect(out).toMatch(/HCPRLH1960E .*the commit did not reach VMSYS2; LNXA5VM continues to run on VMSYS1/);
    expect(where(tc.cluster, 'LNXA5VM')).toEqual(['VMSYS1']);
    await waitCounterAbove(tc.cluster, 'LNXA5VM', before);
  });

  it('the answer to the commit is lost: the source asks, learns the guest runs there, and removes its copy', async () => {
    plannedFaults.set('LNXA5VM', { step: 'restore', kind: 'lostreply' });
    const out = (await move('VMRELOCATE MOVE LNXA5VM VMSYS2')).join('\n');
    expect(out).toContain('User LNXA5VM has been relocated from VMSYS1 to VMSYS2');
    expect(where(tc.cluster, 'LNXA5VM')).toEqual(['VMSYS2']);
    expect(tc.cluster.findUser('LNXA5VM')!.guest?.alive).toBe(true);
  });

  it('a digest mismatch aborts the move', async () => {
    plannedFaults.set('LNXA5VM', { step: 'state', kind: 'digest' });
    const out = await move('VMRELOCATE MOVE LNXA5VM VMSYS2');
    expect(out.join('\n')).toMatch(/cancelled: memory digest mismatch/);
    expect(where(tc.cluster, 'LNXA5VM')).toEqual(['VMSYS1']);
  });
});
