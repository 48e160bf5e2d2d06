// The moving vans (issue 5 "Done when"): SMSG MVVAN1 MIGRATE LNXA5VM MVVAN2 from OPERATOR.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster, type TestConsole } from '../../src/console/core/harness.js';
import { relocations } from '../../src/cp/migration/engine.js';
import { plannedFaults } from '../../src/cp/migration/relocate.js';
import { incomingOf, targetFaults } from '../../src/cp/migration/target.js';

let tc: TestCluster;
let op: TestConsole;

function where(userid: string): string[] {
  return [...tc.cluster.systems.values()].filter((s) => s.vms.has(userid)).map((s) => s.name);
}
function counter(): number {
  return Number(new DataView(tc.cluster.findUser('LNXA5VM')!.storage.bytes.buffer).getBigUint64(0));
}

/** Wait (up to 20 s) until a condition holds. */
async function until(ok: () => boolean): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > 20_000) throw new Error('condition not met in 20 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Start a van move of LNXA5VM that stalls after pass 1 (a planned 'hold'
 * fault, which the caller clears) and wait until pages are in flight; returns
 * where the operator's output of the move starts.
 */
async function startHeldMove(): Promise<number> {
  plannedFaults.set('LNXA5VM', { step: 'pass', pass: 1, kind: 'hold' });
  const from = op.output.length;
  await op.type('SMSG MVVAN1 MIGRATE LNXA5VM MVVAN2');
  await op.waitFor(/MIGRATE LNXA5VM accepted/, 60_000);
  await until(() => (relocations.get('LNXA5VM')?.pagesSent ?? 0) > 0);
  return from;
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

  it('SMSG MVVAN1 CANCEL LNXA5VM stops the move in flight: the guest runs on, the destination drops its copy, the requester is told', async () => {
    expect(where('LNXA5VM')).toEqual(['VMSYS1']);
    const vmsys2 = tc.cluster.systems.get('VMSYS2')!;
    // pass 1 stalls once its pages are sent, until a message reaches the van: in flight for sure
    try {
      const from = await startHeldMove();
      expect(incomingOf(vmsys2).has('LNXA5VM')).toBe(true); // the destination's partial copy
      await op.type('SMSG MVVAN1 CANCEL LNXA5VM');
      await op.waitFor(/MIGRATE LNXA5VM (complete|failed)/, 60_000);
      const t = op.output.slice(from).join('\n');
      expect(t).toMatch(/MSG FROM MVVAN1\s*: CANCEL LNXA5VM accepted: the migration stops at its next step/);
      expect(t).toMatch(/MSG FROM MVVAN1\s*: MIGRATE LNXA5VM failed: cancelled by OPERATOR; it continues to run on VMSYS1/);
      expect(t).not.toMatch(/MIGRATE LNXA5VM complete/);
    } finally {
      plannedFaults.clear();
    }
    expect(where('LNXA5VM')).toEqual(['VMSYS1']);
    expect(incomingOf(vmsys2).has('LNXA5VM')).toBe(false);
    expect(relocations.has('LNXA5VM')).toBe(false);
    const c = counter();
    await new Promise((r) => setTimeout(r, 200));
    expect(counter()).toBeGreaterThan(c);
    // nothing in flight now: the van says so
    const from = op.output.length;
    await op.type('SMSG MVVAN1 CANCEL LNXA5VM');
    await op.waitFor(/CANCEL LNXA5VM: no migration/, 20_000);
    expect(op.output.slice(from).join('\n')).toMatch(/MSG FROM MVVAN1\s*: CANCEL LNXA5VM: no migration of LNXA5VM in progress by MVVAN1/);
  });

  it('VMRELOCATE CANCEL stops a move the van drives, too', async () => {
    try {
      const from = await startHeldMove();
      await op.type('#CP VMRELOCATE CANCEL LNXA5VM');
      await op.waitFor(/MIGRATE LNXA5VM (complete|failed)/, 60_000);
      const t = op.output.slice(from).join('\n');
      expect(t).toMatch(/HCPRLH1962I Relocation of LNXA5VM is being cancelled/);
      expect(t).toMatch(/MIGRATE LNXA5VM failed: page transfer failed: cancelled by OPERATOR; it continues to run on VMSYS1/);
    } finally {
      plannedFaults.clear();
    }
    expect(where('LNXA5VM')).toEqual(['VMSYS1']);
    expect(incomingOf(tc.cluster.systems.get('VMSYS2')!).has('LNXA5VM')).toBe(false);
  });

  it('after a CANCEL the van moves the guest again on request', async () => {
    const from = op.output.length;
    await op.type('SMSG MVVAN1 MIGRATE LNXA5VM MVVAN2');
    await op.waitFor(/MIGRATE LNXA5VM (complete|failed)/, 60_000);
    expect(op.output.slice(from).join('\n')).toMatch(/MIGRATE LNXA5VM complete: VMSYS1 -> VMSYS2/);
    expect(where('LNXA5VM')).toEqual(['VMSYS2']);
    await op.type('#CP VMRELOCATE MOVE LNXA5VM VMSYS1 IMMEDIATE');
    await op.waitFor(/has been relocated from VMSYS2 to VMSYS1/, 60_000);
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
