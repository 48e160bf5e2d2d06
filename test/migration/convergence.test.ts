// Convergence (issue 5): a writer faster than the link is throttled until the move
// converges, or — with throttling forbidden — the relocation is cancelled rather than
// letting the quiesce time exceed MAXQUIESCE. Outcomes only; never durations.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster, type TestConsole } from '../../src/console/core/harness.js';
import { isfcNode } from '../../src/cp/isfc/isfc.js';
import { relocate } from '../../src/cp/migration/relocate.js';

let tc: TestCluster;
let op: TestConsole;

/** Type a VMRELOCATE MOVE and wait for its outcome; the output since it was typed. */
async function move(cmd: string): Promise<string> {
  const from = op.output.length;
  await op.type(cmd, 120_000);
  await op.waitFor(/has been relocated|HCPRLH1960E|HCPRLH1940E/, 120_000);
  await new Promise((r) => setTimeout(r, 50));
  return op.output.slice(from).join('\n');
}

function where(userid: string): string[] {
  return [...tc.cluster.systems.values()].filter((s) => s.vms.has(userid)).map((s) => s.name);
}

beforeEach(async () => {
  tc = await startCluster();
  op = tc.console();
  await op.type('LOGON OPERATOR');
  await op.type('OPERATOR');
  // LNXA5VM becomes a writer far faster than any link: 200,000 pages/s over 16 MiB
  await tc.cluster.findUser('LNXA5VM')!.ipl('LINUX', 'RATE=200000 WSS=16M');
  await new Promise((r) => setTimeout(r, 300));
});

afterEach(async () => {
  await tc.shutdown();
});

describe('convergence', () => {
  // the downtime goal is 0 here (only <= 64 dirty pages may be left for the stop and copy), so
  // that the outcome does not depend on how fast this machine copies memory
  const lines: string[] = [];
  const say = { out: (l: string) => void lines.push(l), msg: (id: string, ...i: (string | number)[]) => (lines.push(`${id} ${i.join(' ')}`), 1) };

  it('auto-converge throttles the fast writer until the move completes', async () => {
    lines.length = 0;
    const r = await relocate(tc.cluster.findUser('LNXA5VM')!, 'VMSYS2', { downtimeGoalMs: 0, requester: 'OPERATOR' }, say);
    const out = lines.join('\n');
    expect(out).toMatch(/memory is not converging; guest throttled to \d+% CPU/);
    expect(r.rc).toBe(0);
    expect(out).toContain('User LNXA5VM has been relocated from VMSYS1 to VMSYS2');
    expect(r.result!.passes.some((p) => p.throttle > 0)).toBe(true);
    expect(where('LNXA5VM')).toEqual(['VMSYS2']);
    // the throttle ends with the move
    const vm = tc.cluster.findUser('LNXA5VM')!;
    expect(Atomics.load(vm.guest!.ctl, 7)).toBe(0);
  });

  it('without throttling, a move that cannot fit MAXQUIESCE is cancelled and the guest runs on', async () => {
    lines.length = 0;
    const r = await relocate(tc.cluster.findUser('LNXA5VM')!, 'VMSYS2', { downtimeGoalMs: 0, throttle: false, maxQuiesceMs: 1, requester: 'OPERATOR' }, say);
    expect(r.result!.ok).toBe(false);
    expect(lines.join('\n')).toMatch(/HCPRLH1960E LNXA5VM VMSYS1 VMSYS2 .*MAXQUIESCE/);
    expect(r.result!.quiesceMs).toBeLessThanOrEqual(1_000); // never stunned for long (it is cancelled before)
    expect(where('LNXA5VM')).toEqual(['VMSYS1']);
    const vm = tc.cluster.findUser('LNXA5VM')!;
    expect(vm.guest?.alive).toBe(true);
    expect(vm.guest?.stopped).toBe(false);
  });

  it('the same from the console: VMRELOCATE ... NOTHROTTLE MAXQUIESCE either moves within it or cancels', async () => {
    const out = await move('VMRELOCATE MOVE LNXA5VM VMSYS2 NOTHROTTLE MAXQUIESCE 0.001');
    expect(out).toMatch(/has been relocated|HCPRLH1960E .*MAXQUIESCE.*; LNXA5VM continues to run on VMSYS1/);
    expect(where('LNXA5VM').length).toBe(1);
  });

  it('MAXTOTAL cancels a move that takes too long', async () => {
    const out = await move('VMRELOCATE MOVE LNXA5VM VMSYS2 NOTHROTTLE MAXTOTAL 0.001');
    expect(out).toMatch(/cancelled: MAXTOTAL 0.001 s exceeded; LNXA5VM continues to run on VMSYS1/);
    expect(where('LNXA5VM')).toEqual(['VMSYS1']);
  });

  it('ASYNC returns at once; STATUS shows the move; CANCEL stops it and the guest stays', async () => {
    const n1 = isfcNode(tc.cluster.system('VMSYS1')!);
    n1.blackhole.add('VMSYS2'); // the destination stops answering: the move hangs in pre-copy
    try {
      await op.type('VMRELOCATE MOVE LNXA5VM VMSYS2 ASYNC');
      await new Promise((r) => setTimeout(r, 200));
      const st = (await op.type('VMRELOCATE STATUS LNXA5VM DETAILS')).join('\n');
      expect(st).toMatch(/LNXA5VM\s+VMSYS1\s+VMSYS2\s+OPERATOR/);
    } finally {
      n1.blackhole.delete('VMSYS2');
    }
    const from = op.output.length;
    await op.type('VMRELOCATE CANCEL LNXA5VM');
    await op.waitFor(/HCPRLH1960E .*cancelled by OPERATOR; LNXA5VM continues to run on VMSYS1/, 60_000);
    expect(op.output.slice(from).join('\n')).toContain('HCPRLH1962I Relocation of LNXA5VM is being cancelled');
    expect(where('LNXA5VM')).toEqual(['VMSYS1']);
    expect(tc.cluster.findUser('LNXA5VM')!.guest?.stopped).toBe(false);
  });
});
