// The guest LAN (issue 5): LNXA5VM's NIC answers PING on GLAN1 from anywhere in the
// cluster; during a relocation the replies wait (stun, NIC reset) but none is lost, and the
// replies continue from the new system with the counter going on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster, type TestConsole } from '../../src/console/core/harness.js';

let tc: TestCluster;
let user: TestConsole;
let op: TestConsole;

beforeAll(async () => {
  tc = await startCluster();
  user = tc.console('VMSYS2');
  await user.type('LOGON USER1');
  await user.type('USER1');
  op = tc.console();
  await op.type('LOGON OPERATOR');
  await op.type('OPERATOR');
});
afterAll(async () => tc.shutdown());

describe('PING on the guest LAN', () => {
  it('answers from the other system, with the counter', async () => {
    await user.type('PING LNXA5VM (COUNT 2 INTERVAL 0.1');
    const done = await user.waitFor(/2 sent, \d+ received/, 30_000);
    expect(done).toContain('2 sent, 2 received, 0 lost');
    expect(user.output.join('\n')).toMatch(/Reply from LNXA5VM at VMSYS1: seq=1 counter=\d+ time=/);
  });

  it('keeps answering through a relocation: replies wait, none is lost, then come from VMSYS2', async () => {
    const from = user.output.length;
    const pinging = user.type('PING LNXA5VM (COUNT 100 INTERVAL 0.05 TIMEOUT 5', 60_000); // settles when PING ends
    for (let i = 0; i < 400 && !user.output.slice(from).some((l) => /seq=3 /.test(l)); i++) await new Promise((r) => setTimeout(r, 10));
    await op.type('VMRELOCATE MOVE LNXA5VM VMSYS2');
    await op.waitFor(/has been relocated|HCPRLH1960E/, 60_000);
    await pinging;
    const out = user.output.slice(from).join('\n');
    expect(out).toContain('100 sent, 100 received, 0 lost');
    expect(out).toMatch(/Reply from LNXA5VM at VMSYS2: seq=\d+ counter=\d+ time=[\d.]+ ms \(now on VMSYS2\)/);
    const counters = [...out.matchAll(/seq=\d+ counter=(\d+)/g)].map((m) => Number(m[1])).slice(-100);
    for (let i = 1; i < counters.length; i++) expect(counters[i]).toBeGreaterThanOrEqual(counters[i - 1]!);
  });
});
