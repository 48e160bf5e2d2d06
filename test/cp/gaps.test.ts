// Issue 3 gaps: SMSG delivery to a listening program, T-disk contents in the store (and gone
// at DETACH/LOGOFF), every message id the CP code issues is in the one catalogue.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultClusterFolder } from '../../src/cp/cluster-folder.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../../src/console/core/harness.js';
import { mdiskRead, mdiskWrite } from '../../src/cp/guest/cms-services.js';
import { hasMessage } from '../../src/cp/messages.js';

let tc: TestCluster | undefined;
afterEach(async () => {
  await tc?.shutdown();
  tc = undefined;
});

async function logon(con: ReturnType<TestCluster['console']>, user: string) {
  await con.type(`LOGON ${user} NOIPL`);
  return con.type(user);
}

describe('SMSG', () => {
  it('reaches a program that listens (SET SMSG ON), on this system and the other', async () => {
    tc = await startCluster({ autolog: false });
    const op = tc.console('VMSYS1');
    const u = tc.console('VMSYS2');
    await logon(op, 'OPERATOR');
    await logon(u, 'USER3');
    expect(await op.type('SMSG USER3 MIGRATE LNXA5VM MVVAN2')).toEqual(['HCPMFS057I USER3 not receiving; SMSG off']);
    await u.type('SET SMSG ON');
    expect(await op.type('SMSG USER3 MIGRATE LNXA5VM MVVAN2')).toEqual([]);
    expect(await op.type('SMSG USER3 AT VMSYS2 SECOND')).toEqual([]);
    const vm = tc.cluster.findUser('USER3')!;
    expect(vm.smsgQueue.map((m) => [m.from, m.text, m.kind])).toEqual([
      ['OPERATOR', 'MIGRATE LNXA5VM MVVAN2', 'SMSG'],
      ['OPERATOR', 'SECOND', 'SMSG'],
    ]);
    // SET MSG IUCV sends MSG to the program too
    await u.type('SET MSG IUCV');
    expect(await op.type('MSG USER3 TO THE PROGRAM')).toEqual([]);
    expect(vm.smsgQueue.at(-1)).toMatchObject({ text: 'TO THE PROGRAM', kind: 'MSG' });
  });
});

describe('T-disks', () => {
  it('keep their contents in the store until DETACH or LOGOFF', async () => {
    tc = await startCluster({ autolog: false });
    const a = tc.console();
    await logon(a, 'USER1');
    expect(await a.type('DEFINE T3390 AS 0300 CYL 2')).toEqual(['DASD 0300 DEFINED']);
    const vm = tc.cluster.findUser('USER1')!;
    const dev = vm.devices.get(0x300)!;
    if (dev.type !== 'DASD') throw new Error('no T-disk');
    const key = dev.owner;
    expect(key).toMatch(/^\*TDISK\*USER1\*/);
    const store = tc.cluster.store;
    const data = new Uint8Array(4096).fill(0x5a);
    expect(mdiskWrite(vm, 0x300, [{ block: 7, data }], false, 'TMP300')).toEqual({ rc: 0 });
    const back = mdiskRead(vm, 0x300, [7]);
    expect(back.rc).toBe(0);
    expect(back.blocks[0]![100]).toBe(0x5a);
    expect(store.readBlocks(key, 0x300, 7, 1)[0]).toBeDefined();
    expect(store.getMinidisk(key, 0x300)?.label).toBe('TMP300');
    expect(await a.type('DETACH 0300')).toEqual(['DASD 0300 DETACHED']);
    expect(store.readBlocks(key, 0x300, 7, 1)[0]).toBeUndefined();
    expect(store.getMinidisk(key, 0x300)).toBeUndefined();
    // a new T-disk at the same address starts empty; LOGOFF destroys it
    await a.type('DEFINE T3390 AS 0300 CYL 2');
    const dev2 = vm.devices.get(0x300)!;
    if (dev2.type !== 'DASD') throw new Error('no T-disk');
    expect(dev2.owner).not.toBe(key);
    expect(mdiskRead(vm, 0x300, [7]).blocks[0]).toBeNull();
    mdiskWrite(vm, 0x300, [{ block: 1, data }]);
    await a.type('LOGOFF');
    expect(store.readBlocks(dev2.owner, 0x300, 1, 1)[0]).toBeUndefined();
    expect(store.getMinidisk(dev2.owner, 0x300)).toBeUndefined();
  });
});

describe('LINK passwords', () => {
  it('a minidisk without the password for the mode is not linked (HCPLNM111E); a wrong one (HCPLNM113E)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'vmrexx-pw-'));
    for (const f of readdirSync(defaultClusterFolder())) copyFileSync(join(defaultClusterFolder(), f), join(folder, f));
    appendFileSync(join(folder, 'USER.DIRECT'), 'USER NOPW NOLOG 8M 8M G\n  MDISK 0191 3390 0091 0005 VMUSR1 MR\nUSER SOMEPW NOLOG 8M 8M G\n  MDISK 0191 3390 0096 0002 VMUSR1 MR RPASS\n');
    tc = await startCluster({ autolog: false, folder });
    const a = tc.console();
    await logon(a, 'USER1');
    expect(await a.type('LINK NOPW 0191 0391 RR')).toEqual(['HCPLNM111E NOPW 0191 not linked; no read password']);
    expect(await a.type('LINK SOMEPW 0191 0391 W')).toEqual(['HCPLNM111E SOMEPW 0191 not linked; no write password']);
    expect(await a.type('LINK SOMEPW 0191 0391 RR WRONG')).toEqual(['HCPLNM113E SOMEPW 0191 not linked; password incorrect']);
    expect(await a.type('LINK SOMEPW 0191 0391 RR RPASS')).toEqual([]);
    expect(await a.type('Q V 0391')).toEqual([expect.stringMatching(/^DASD 0391 3390 VMUSR1 R\/O +2 CYL/)]);
  });
});

describe('the message catalogue', () => {
  it('has every HCP message id the CP code issues', () => {
    const root = join(import.meta.dirname, '..', '..', 'src', 'cp');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(join(root, 'commands'));
    walk(join(root, 'cse'));
    walk(join(root, 'minidisk'));
    walk(join(root, 'spool'));
    const missing: string[] = [];
    for (const f of files)
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:msg|message)\('(HCP[A-Z]{3}\d{3,4}[A-Z])'/g)) if (!hasMessage(m[1]!)) missing.push(`${f}: ${m[1]}`);
    expect(missing).toEqual([]);
  });
});
