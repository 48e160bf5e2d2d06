// The moving vans (issue 5 "Done when"): SMSG MVVAN1 MIGRATE LNXA5VM MVVAN2 from OPERATOR.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster, type TestConsole } from '../../src/console/core/harness.js';

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
    console.log(op.output.join('\n'));
    expect(done).toMatch(/MIGRATE LNXA5VM complete: VMSYS1 -> VMSYS2/);
    expect(op.output.join('\n')).toMatch(/MSG FROM MVVAN1\s*: MIGRATE LNXA5VM accepted: from VMSYS1 to VMSYS2 with MVVAN2/);
    expect(op.output.join('\n')).toMatch(/MIGRATE LNXA5VM pass 1: \d+ pages sent/);
    expect(where('LNXA5VM')).toEqual(['VMSYS2']);
    await new Promise((r) => setTimeout(r, 200));
    expect(counter()).toBeGreaterThan(before);
  });
});
