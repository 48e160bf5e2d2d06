// Issue 3 gaps: SMSG delivery to a listening program, T-disk contents in the store (and gone
// at DETACH/LOGOFF), every message id the CP code issues is in the one catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
    const data = new Uint8Array(4096).fill(0x5a);
    expect(mdiskWrite(vm, 0x300, [{ block: 7, data }], false, 'TMP300')).toEqual({ rc: 0 });
    const back = mdiskRead(vm, 0x300, [7]);
    expect(back.rc).toBe(0);
    expect(back.blocks[0]![100]).toBe(0x5a);
    expect(tc.cluster.store.readBlocks('*TDISK*USER1', 0x300, 7, 1)[0]).toBeDefined();
    expect(await a.type('DETACH 0300')).toEqual(['DASD 0300 DETACHED']);
    expect(tc.cluster.store.readBlocks('*TDISK*USER1', 0x300, 7, 1)[0]).toBeUndefined();
    expect(tc.cluster.store.getMeta('tdisk:*TDISK*USER1:768')).toBeUndefined();
    // a new T-disk at the same address starts empty; LOGOFF destroys it
    await a.type('DEFINE T3390 AS 0300 CYL 2');
    mdiskWrite(vm, 0x300, [{ block: 1, data }]);
    await a.type('LOGOFF');
    expect(tc.cluster.store.readBlocks('*TDISK*USER1', 0x300, 1, 1)[0]).toBeUndefined();
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
