// Spool files keep the system they were created on (CSE: one spool shared by the
// collection). A store written before that column existed must still open and read.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelReplies } from '../../src/common/channel.js';
import { startCluster, type TestCluster } from '../../src/console/core/harness.js';
import { handleGuestRequest } from '../../src/cp/guest/services.js';
import { SqliteStore } from '../../src/cp/store/sqlite-store.js';
import type { SpoolFileRecord } from '../../src/cp/store/store.js';

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'vmrexx-spool-origin-')), 'cse.db');
}

function file(spoolid: number, originSystem: string): SpoolFileRecord {
  return {
    spoolid, owner: 'USER3', origin: 'USER1', originSystem, queue: 'RDR', devtype: 'PUN', class: 'A', copies: 1,
    hold: 'NONE', keep: false, name: 'HELLO', type: 'EXEC', dist: 'USER1', form: 'STANDARD', dest: 'OFF', tag: '',
    records: 1, created: 1_700_000_000_000, seq: spoolid,
  };
}

describe('spool file origin system', () => {
  it('is stored, survives reopening, and can be filtered and updated', () => {
    const path = tempDb();
    const a = new SqliteStore(path);
    a.putSpoolFile(file(1, 'VMSYS1'), ['one']);
    a.putSpoolFile(file(2, 'VMSYS2'), ['two']);
    a.db.close();
    // another process (another CSE member) opening the same data file
    const b = new SqliteStore(path);
    expect(b.getSpoolFile(1)?.originSystem).toBe('VMSYS1');
    expect(b.getSpoolFile(2)?.originSystem).toBe('VMSYS2');
    expect(b.listSpoolFiles({ owner: 'USER3', queue: 'RDR' }).map((f) => [f.spoolid, f.originSystem])).toEqual([
      [1, 'VMSYS1'],
      [2, 'VMSYS2'],
    ]);
    // the record is returned with the field name, not the SQL column name
    expect(Object.keys(b.getSpoolFile(1)!)).not.toContain('origin_system');
    b.updateSpoolFile(2, { originSystem: 'VMSYS3', tag: 'X' });
    expect(b.getSpoolFile(2)).toMatchObject({ originSystem: 'VMSYS3', tag: 'X' });
    b.db.close();
  });

  it('migrates a store written before the column existed: old files read with an empty origin system', () => {
    const path = tempDb();
    // the spool_files table exactly as earlier builds created it
    const old = new Database(path);
    old.exec(`CREATE TABLE spool_files (spoolid INTEGER PRIMARY KEY, owner TEXT NOT NULL, origin TEXT NOT NULL, queue TEXT NOT NULL,
      devtype TEXT NOT NULL, class TEXT NOT NULL, copies INTEGER NOT NULL, hold TEXT NOT NULL, keep INTEGER NOT NULL,
      name TEXT NOT NULL, type TEXT NOT NULL, dist TEXT NOT NULL, form TEXT NOT NULL, dest TEXT NOT NULL, tag TEXT NOT NULL,
      records INTEGER NOT NULL, created INTEGER NOT NULL, seq INTEGER NOT NULL);
    CREATE TABLE spool_records (spoolid INTEGER NOT NULL, n INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (spoolid, n)) WITHOUT ROWID;`);
    old.exec(`INSERT INTO spool_files VALUES (7, 'USER3', 'USER1', 'RDR', 'PUN', 'A', 1, 'NONE', 0, 'OLD', 'FILE', 'USER1',
      'STANDARD', 'OFF', '', 1, 1700000000000, 7)`);
    old.exec(`INSERT INTO spool_records VALUES (7, 0, 'kept')`);
    old.close();

    const s = new SqliteStore(path);
    const cols = (s.db.prepare('PRAGMA table_info(spool_files)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toContain('origin_system');
    expect(s.getSpoolFile(7)).toMatchObject({ spoolid: 7, origin: 'USER1', originSystem: '', name: 'OLD', keep: false });
    expect(s.readSpoolRecords(7)).toEqual(['kept']);
    // new files in the migrated store carry their system
    s.putSpoolFile(file(8, 'VMSYS2'), ['new']);
    s.db.close();
    // opening again (migration already done) is harmless
    const again = new SqliteStore(path);
    expect(again.getSpoolFile(8)?.originSystem).toBe('VMSYS2');
    expect(again.getSpoolFile(7)?.originSystem).toBe('');
    again.db.close();
  });
});

describe('reader list seen by CMS (guest channel)', () => {
  let tc: TestCluster | undefined;
  afterEach(async () => {
    await tc?.shutdown();
    tc = undefined;
  });

  it('gives each file its origin system; a file stored without one shows the local system', async () => {
    tc = await startCluster({ autolog: false });
    const b = tc.console('VMSYS2');
    await b.type('LOGON USER3 NOIPL');
    await b.type('USER3');
    const store = tc.cluster.store;
    store.putSpoolFile({ ...file(store.nextSpoolId(), 'VMSYS1'), name: 'REMOTE' }, ['r']);
    // as a store from before the column was kept would give it
    store.putSpoolFile({ ...file(store.nextSpoolId(), ''), name: 'LEGACY' }, ['l']);
    const vm = tc.cluster.findUser('USER3')!;
    expect(vm.system.name).toBe('VMSYS2');
    const r = (await handleGuestRequest(vm, { op: 'readerList' })) as ChannelReplies['readerList'];
    expect(r.files.map((f) => [f.name, f.origin, f.originSystem])).toEqual([
      ['REMOTE', 'USER1', 'VMSYS1'],
      ['LEGACY', 'USER1', 'VMSYS2'],
    ]);
  });
});
