// Live guest migration between two processes over ISFC on TCP (issue 5 "Done when").
// This process runs VMSYS1; a child process runs `vmrexx ipl --data FILE --system VMSYS2`.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachTestConsole, type TestConsole } from '../../src/console/core/harness.js';
import { Cluster } from '../../src/cp/cluster.js';
import { isfcNode } from '../../src/cp/isfc/isfc.js';
import { type IsfcTcpService, ensureIsfcTcp } from '../../src/cp/isfc/tcp.js';
import { plannedFaults } from '../../src/cp/migration/relocate.js';

const root = join(import.meta.dirname, '..', '..');
let cluster: Cluster;
let isfc: IsfcTcpService;
let child: ChildProcessWithoutNullStreams;
let childOut = '';
let op: TestConsole;
let firstCounter = 0;

async function until(what: string, f: () => boolean, ms = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!f()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}; child output:\n${childOut}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function childType(line: string): void {
  child.stdin.write(line + '\n');
}

function counter(): number {
  const vm = cluster.findUser('LNXA5VM')!;
  return Number(new DataView(vm.storage.bytes.buffer).getBigUint64(0));
}

beforeAll(async () => {
  const dataFile = join(mkdtempSync(join(tmpdir(), 'vmrexx-2p-')), 'cluster.db');
  cluster = await Cluster.open({ dataFile, systems: ['VMSYS1'] });
  isfc = await ensureIsfcTcp(cluster);
  child = spawn(process.execPath, [join(root, 'bin', 'vmrexx'), 'ipl', '--data', dataFile, '--system', 'VMSYS2'], { cwd: root });
  child.stdout.on('data', (b: Buffer) => (childOut += b.toString('latin1')));
  child.stderr.on('data', (b: Buffer) => (childOut += b.toString('latin1')));
  await until('the ISFC link to VMSYS2', () => isfcNode(cluster.system('VMSYS1')!).isUp('VMSYS2'));
  op = attachTestConsole(cluster, 'VMSYS1');
  await op.type('LOGON OPERATOR');
  await op.type('OPERATOR');
  await until('LNXA5VM to run', () => cluster.findUser('LNXA5VM') !== undefined && counter() > 5);
}, 60_000);

afterAll(async () => {
  child?.stdin.end();
  child?.kill();
  isfc?.close();
  await cluster?.shutdown();
});

describe('two processes', () => {
  it('VMRELOCATE MOVE moves LNXA5VM to the other process: it runs there and not here, counter continued', async () => {
    const before = counter();
    firstCounter = before;
    const out = (await op.type('VMRELOCATE MOVE LNXA5VM TO VMSYS2', 60_000)).join('\n');
    expect(out).toContain('User LNXA5VM has been relocated from VMSYS1 to VMSYS2');
    expect(out).toContain('memory digest matched');
    expect(cluster.findUser('LNXA5VM')).toBeUndefined();
    // the other process: QUERY shows it there, and its counter goes on from where it was
    childType('LOGON MAINT');
    childType('MAINT');
    await until('MAINT logged on in the child', () => /LOGON AT/.test(childOut));
    await new Promise((r) => setTimeout(r, 500));
    childOut = '';
    childType('#CP QUERY LNXA5VM');
    await until('QUERY LNXA5VM in the child', () => /LNXA5VM/.test(childOut));
    expect(childOut).not.toMatch(/not logged on/);
    void before;
  });

  it('VMRELOCATE from the other process brings it back, counter continued', async () => {
    // back from VMSYS2 is driven from the child's console
    childOut = '';
    childType('#CP VMRELOCATE MOVE LNXA5VM TO VMSYS1');
    await until('the relocation back to VMSYS1', () => /has been relocated from VMSYS2 to VMSYS1|HCPRL/.test(childOut), 60_000);
    expect(childOut).toContain('User LNXA5VM has been relocated from VMSYS2 to VMSYS1');
    expect(cluster.findUser('LNXA5VM')?.system.name).toBe('VMSYS1');
    const c = counter();
    expect(c).toBeGreaterThan(firstCounter);
    await until('the counter to move on', () => counter() > c);
  });

  it('the ISFC link fails during pre-copy: the guest stays here, intact; after the link is back, the move works', async () => {
    plannedFaults.set('LNXA5VM', { step: 'pass', pass: 1, kind: 'link' });
    const out = (await op.type('VMRELOCATE MOVE LNXA5VM TO VMSYS2', 60_000)).join('\n');
    expect(out).toMatch(/HCPRLH1960E Relocation of LNXA5VM from VMSYS1 to VMSYS2 cancelled: .*; LNXA5VM continues to run on VMSYS1/);
    expect(cluster.findUser('LNXA5VM')?.system.name).toBe('VMSYS1');
    const c = counter();
    await until('the counter to move on', () => counter() > c);
    await until('the ISFC link to come back', () => isfcNode(cluster.system('VMSYS1')!).isUp('VMSYS2'));
    childOut = '';
    childType('#CP VMRELOCATE STATUS');
    await until('STATUS in the child', () => /HCPRLH1963I|Incoming/.test(childOut));
    expect(childOut).toContain('No relocations in progress'); // the half-built guest was removed
    const again = (await op.type('VMRELOCATE MOVE LNXA5VM TO VMSYS2', 60_000)).join('\n');
    expect(again).toContain('has been relocated');
    childOut = '';
    childType('#CP VMRELOCATE MOVE LNXA5VM TO VMSYS1');
    await until('the relocation back', () => /has been relocated from VMSYS2 to VMSYS1|HCPRLH1960E/.test(childOut), 60_000);
    expect(cluster.findUser('LNXA5VM')?.system.name).toBe('VMSYS1');
  });

  it('the destination process dies: the link goes down and the guest cannot be moved there', async () => {
    child.kill('SIGKILL');
    await until('the ISFC link to drop', () => !isfcNode(cluster.system('VMSYS1')!).isUp('VMSYS2'));
    await op.type('VMRELOCATE MOVE LNXA5VM TO VMSYS2');
    await op.waitFor(/HCPRLE1941I LNXA5VM: Destination system VMSYS2 is not joined/, 30_000);
    const c = counter();
    await until('the counter to move on', () => counter() > c);
  });
});
