// The moving vans (issue 5 "Done when"): SMSG MVVAN1 MIGRATE LNXA5VM MVVAN2 from OPERATOR.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster, type TestConsole } from '../../src/console/core/harness.js';
import { targetFaults } from '../../src/cp/migration/target.js';

let tc: TestCluster;
let op: TestConsole;

function where(userid: string): string[] {
  return [...tc.cluster.systems.values()].filter((s) => s.vms.has(userid)).map((s) => s.name);
}
function counter(): number {
  return Number(new DataView(tc.cluster.findUser('LNXA5VM')!.storage.bytes.buffer).getBigUint64(0));
}

beforeAll(async () => {
  tc = await startCluster();
  op = tc.console();
  await op.type('LOGON OPERATOR');
  await op.type('OPERATOR');
});
afterAll(async () => tc.shutdown());

describe('moving vans', () => {
  it('SMSG MVVAN1 MIGRATE LNXA5VM MVVAN2 moves the guest; the requester is told each step', async () => {
    await new Promise((r) => setTimeout(r, 1000));
    const before = counter();
    await op.type('SMSG MVVAN1 MIGRATE LNXA5VM MVVAN2');
    const done = await op.waitFor(/MIGRATE LNXA5VM (complete|failed)/, 60_000);
    expect(done).toMatch(/MIGRATE LNXA5VM complete: VMSYS1 -> VMSYS2/);
    expect(op.output.join('\n')).toMatch(/MSG FROM MVVAN1\s*: MIGRATE LNXA5VM accepted: from VMSYS1 to VMSYS2 with MVVAN2/);
    expect(op.output.join('\n')).toMatch(/MIGRATE LNXA5VM pass 1: \d+ pages sent/);
    expect(where('LNXA5VM')).toEqual(['VMSYS2']);
    await new Promise((r) => setTimeout(r, 200));
    expect(counter()).toBeGreaterThan(before);
  });

  it('the destination fails while pages move: the van aborts, the guest runs on where it was, the requester is told', async () => {
    await op.type('#CP VMRELOCATE MOVE LNXA5VM VMSYS1 IMMEDIATE');
    await op.waitFor(/has been relocated from VMSYS2 to VMSYS1/, 60_000);
    targetFaults.set('pages', 'destination storage failure');
    try {
      const from = op.output.length;
      await op.type('SMSG MVVAN1 MIGRATE LNXA5VM MVVAN2');
      await op.waitFor(/MIGRATE LNXA5VM (complete|failed)/, 60_000);
      const t = op.output.slice(from).join('\n');
      expect(t).toMatch(/MIGRATE LNXA5VM failed: .*; it continues to run on VMSYS1/);
    } finally {
      targetFaults.clear();
    }
    expect(where('LNXA5VM')).toEqual(['VMSYS1']);
    const c = counter();
    await new Promise((r) => setTimeout(r, 200));
    expect(counter()).toBeGreaterThan(c);
  });

  it('a van that is not there: the requester is told, nothing moves', async () => {
    const { logoffUser } = await import('../../src/cp/commands/logon.js');
    await logoffUser(tc.cluster.findUser('MVVAN2')!, { forcedBy: 'OPERATOR' });
    expect(where('MVVAN2')).toEqual([]);
    const from = op.output.length;
    await op.type('SMSG MVVAN1 MIGRATE LNXA5VM MVVAN2');
    await op.waitFor(/MIGRATE LNXA5VM (complete|failed)/, 60_000);
    expect(op.output.slice(from).join('\n')).toMatch(/MIGRATE LNXA5VM failed: MVVAN2 cannot be reached/);
    expect(where('LNXA5VM')).toEqual(['VMSYS1']);
  });
});
