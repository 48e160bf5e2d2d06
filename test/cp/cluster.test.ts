// Consoles, messages, reconnect, FORCE, worker guests and persistence (issue 3).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestCluster, startCluster } from '../../src/console/core/harness.js';
import { Cluster } from '../../src/cp/cluster.js';

let tc: TestCluster | undefined;
afterEach(async () => {
  await tc?.shutdown();
  tc = undefined;
});

async function logon(con: ReturnType<TestCluster['console']>, user: string, extra = ' NOIPL') {
  await con.type(`LOGON ${user}${extra}`);
  return con.type(user);
}

describe('consoles', () => {
  it('delivers MSG, honours SET MSG OFF, and refuses a second LOGON', async () => {
    tc = await startCluster({ autolog: false });
    const a = tc.console();
    const b = tc.console();
    await logon(a, 'MAINT');
    await logon(b, 'USER1');
    expect(await a.type('MSG USER1 HELLO THERE')).toEqual([]);
    expect(b.output.at(-1)).toMatch(/^\d\d:\d\d:\d\d \* MSG FROM MAINT   : HELLO THERE$/);
    await b.type('SET MSG OFF');
    expect(await a.type('MSG USER1 AGAIN')).toEqual(['HCPMFS057I USER1 not receiving; MSG off']);
    expect(await a.type('MSG NOBODY X')).toEqual(['HCPMSG045E NOBODY not logged on']);
    const c = tc.console();
    await c.type('LOGON USER1');
    expect(await c.type('USER1')).toEqual(['HCPLGA054E Already logged on LDEV L0021']);
  });

  it('DISCONNECT keeps the machine; LOGON reconnects; FORCE ends it', async () => {
    tc = await startCluster({ autolog: false });
    const a = tc.console();
    await logon(a, 'USER2');
    const d = await a.type('DISCONNECT');
    expect(d[0]).toMatch(/^DISCONNECT AT /);
    const op = tc.console();
    await logon(op, 'OPERATOR');
    expect(await op.type('Q USER2')).toEqual(['USER2    - DSC']);
    await a.type('LOGON USER2');
    expect((await a.type('USER2'))[0]).toMatch(/^RECONNECTED AT /);
    expect(await op.type('Q USER2')).toEqual(['USER2    - L0020']);
    const f = await op.type('FORCE USER2');
    expect(f.at(-1)).toMatch(/LOGOFF AS  USER2 .*FORCED BY OPERATOR/);
    expect(await op.type('Q USER2')).toEqual(['HCPCQU045E USER2 not logged on']);
    expect(a.output.some((l) => /^LOGOFF AT /.test(l))).toBe(true);
  });

  it('reaches the second system with MSG AT and shows SSI users', async () => {
    tc = await startCluster({ autolog: false });
    const a = tc.console('VMSYS1');
    const b = tc.console('VMSYS2');
    await logon(a, 'MAINT');
    await logon(b, 'USER3');
    expect(await a.type('Q USER3')).toEqual(['USER3    - SSI']);
    expect(await a.type('MSG USER3 AT VMSYS2 HI')).toEqual([]);
    expect(b.output.at(-1)).toMatch(/MSG FROM MAINT   : HI$/);
    expect(await b.type('Q USERID')).toEqual(['USER3    AT VMSYS2']);
  });
});

describe('worker-thread guests', () => {
  it('runs the Linux-like workload; SYSTEM RESET stops it, CP stays responsive', async () => {
    tc = await startCluster({ autolog: false });
    const a = tc.console();
    await a.type('LOGON LNXA5VM');
    await a.type('LNXA5VM');
    await a.waitFor(/Linux-like workload guest LNXA5VM starting/);
    const vm = tc.cluster.findUser('LNXA5VM')!;
    const c0 = vm.guest!.counter;
    await new Promise((r) => setTimeout(r, 300));
    expect(vm.guest!.counter).toBeGreaterThan(c0);
    expect(vm.storage.residentPages()).toBeGreaterThan(1);
    // type-ahead reaches the polling guest
    a.session.submitLine('counter');
    await a.waitFor(/^counter=\d+$/);
    const r = await a.type('#CP SYSTEM RESET');
    expect(r).toContain('System reset.');
    expect(vm.guest).toBeNull();
    expect(await a.type('Q USERID')).toEqual(['LNXA5VM  AT VMSYS1']);
    await a.type('LOGOFF');
  });

  it('CMS passes unknown commands to CP; PA1 gives CP READ and BEGIN resumes', async () => {
    tc = await startCluster({ autolog: false });
    const a = tc.console();
    await a.type('LOGON USER1');
    const l = await a.type('USER1');
    expect(l.at(-1)).toMatch(/^Ready; T=/);
    expect(a.session.state).toBe('VM READ');
    const q = await a.type('QUERY NAMES');
    expect(q[0]).toBe('USER1    - L0020');
    await a.attention();
    expect(a.session.state).toBe('CP READ');
    expect(await a.type('Q USERID')).toEqual(['USER1    AT VMSYS1']);
    await a.type('BEGIN');
    expect(a.session.state).toBe('VM READ');
  });
});

describe('persistence', () => {
  it('a restarted cluster finds its spool files', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'vmrexx-p-')), 'c.db');
    tc = await startCluster({ autolog: false, dataFile });
    const a = tc.console();
    await logon(a, 'USER1');
    await a.type('SPOOL CONSOLE START TO *');
    await a.type('Q USERID');
    const sent = await a.type('CLOSE CONSOLE NAME KEEP ME');
    expect(sent[0]).toMatch(/^CON FILE 0001 SENT TO   USER1    RDR AS  0001 RECS 0001/);
    await a.type('SPOOL CONSOLE STOP');
    await tc.shutdown();
    tc = await startCluster({ autolog: false, dataFile });
    const b = tc.console();
    const l = await logon(b, 'USER1');
    expect(l).toContain('FILES:   0001 RDR,   NO PRT,   NO PUN');
    const q = await b.type('Q RDR');
    expect(q[1]).toMatch(/^USER1    0001 T CON 00000001 001 NONE .* KEEP      ME        USER1$/);
  });

  it('a file reported as sent survives SIGKILL', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'vmrexx-k-')), 'c.db');
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'vmrexx');
    const child = spawn(process.execPath, [bin, 'ipl', '--data', dataFile, '--noautolog'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    const sentSeen = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (/SENT TO/.test(out)) resolve();
      }),
    );
    child.stdin.write('LOGON USER2 NOIPL\nUSER2\nSPOOL CONSOLE START TO *\nQ USERID\nCLOSE CONSOLE\n');
    await sentSeen;
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const c = await Cluster.open({ dataFile, autolog: false });
    try {
      const files = c.store.listSpoolFiles({ owner: 'USER2', queue: 'RDR' });
      expect(files.map((f) => f.spoolid)).toEqual([1]);
      expect(c.store.readSpoolRecords(1)).toEqual(['USER2    AT VMSYS1']);
      expect(c.directory.users.has('MAINT')).toBe(true);
    } finally {
      await c.shutdown();
    }
  });
});
