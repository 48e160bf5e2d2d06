/**
 * SQLite implementation of CpStore (DESIGN.md §3: better-sqlite3 12.x, WAL).
 * `synchronous = FULL` so a committed transaction survives a crash or SIGKILL: a spool
 * file reported as sent is in the database before the response line is written.
 * Several processes on one machine may open the same file (the CSE shared DASD);
 * busy_timeout lets their transactions queue.
 */
import Database from 'better-sqlite3';
import type {
  CpStore, LinkRecord, MailRecord, MinidiskRecord, SessionRecord, SpoolFileRecord, SpoolFilter, SystemRecord, VolumeRecord,
} from './store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS volumes (volser TEXT PRIMARY KEY, devtype TEXT NOT NULL, cylinders INTEGER NOT NULL, rdev INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS minidisks (owner TEXT NOT NULL, vdev INTEGER NOT NULL, volser TEXT NOT NULL, start INTEGER NOT NULL,
  size INTEGER NOT NULL, label TEXT, block_size INTEGER NOT NULL, PRIMARY KEY (owner, vdev));
CREATE TABLE IF NOT EXISTS minidisk_blocks (owner TEXT NOT NULL, vdev INTEGER NOT NULL, block INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY (owner, vdev, block)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS links (system TEXT NOT NULL, userid TEXT NOT NULL, vdev INTEGER NOT NULL, owner TEXT NOT NULL,
  owner_vdev INTEGER NOT NULL, access TEXT NOT NULL, mode TEXT NOT NULL, PRIMARY KEY (system, userid, vdev));
CREATE INDEX IF NOT EXISTS links_owner ON links (owner, owner_vdev);
CREATE TABLE IF NOT EXISTS spool_files (spoolid INTEGER PRIMARY KEY, owner TEXT NOT NULL, origin TEXT NOT NULL, queue TEXT NOT NULL,
  devtype TEXT NOT NULL, class TEXT NOT NULL, copies INTEGER NOT NULL, hold TEXT NOT NULL, keep INTEGER NOT NULL,
  name TEXT NOT NULL, type TEXT NOT NULL, dist TEXT NOT NULL, form TEXT NOT NULL, dest TEXT NOT NULL, tag TEXT NOT NULL,
  records INTEGER NOT NULL, created INTEGER NOT NULL, seq INTEGER NOT NULL, origin_system TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS spool_owner ON spool_files (owner, queue);
CREATE TABLE IF NOT EXISTS spool_records (spoolid INTEGER NOT NULL, n INTEGER NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (spoolid, n)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cse_systems (name TEXT PRIMARY KEY, pid INTEGER NOT NULL, state TEXT NOT NULL, heartbeat INTEGER NOT NULL,
  ipl_time INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS cse_sessions (userid TEXT PRIMARY KEY, system TEXT NOT NULL, since INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS cse_mail (id INTEGER PRIMARY KEY AUTOINCREMENT, system TEXT NOT NULL, userid TEXT NOT NULL, kind TEXT NOT NULL,
  sender TEXT NOT NULL, sender_system TEXT NOT NULL, text TEXT NOT NULL, created INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS cse_mail_system ON cse_mail (system);
`;

interface SpoolRow {
  spoolid: number; owner: string; origin: string; queue: string; devtype: string; class: string; copies: number;
  hold: string; keep: number; name: string; type: string; dist: string; form: string; dest: string; tag: string;
  records: number; created: number; seq: number; origin_system: string;
}

function fromRow(r: SpoolRow): SpoolFileRecord {
  const { origin_system, ...rest } = r;
  return {
    ...rest, originSystem: origin_system,
    queue: r.queue as SpoolFileRecord['queue'], devtype: r.devtype as SpoolFileRecord['devtype'], keep: r.keep !== 0,
  };
}

/** SQL column of a SpoolFileRecord field (only originSystem differs from its name). */
function spoolColumn(k: string): string {
  return k === 'originSystem' ? 'origin_system' : k;
}

/**
 * Bring a store written by an older build up to the current schema. CREATE TABLE IF NOT
 * EXISTS leaves an existing table alone, so columns added later are added here; their
 * defaults make old rows readable ('' origin system: recorded before it was kept).
 */
function migrate(db: Database.Database): void {
  const cols = (db.prepare('PRAGMA table_info(spool_files)').all() as { name: string }[]).map((c) => c.name);
  if (!cols.includes('origin_system')) db.exec("ALTER TABLE spool_files ADD COLUMN origin_system TEXT NOT NULL DEFAULT ''");
}

export class SqliteStore implements CpStore {
  readonly db: Database.Database;
  private depth = 0;

  constructor(readonly file: string) {
    // wait for other processes' locks from the very first statement (journal_mode needs one)
    this.db = new Database(file, { timeout: 30000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // several processes (CSE systems) share the file: a writer waits for another's transaction
    this.db.pragma('busy_timeout = 30000');
    this.transaction(() => {
      this.db.exec(SCHEMA);
      migrate(this.db);
    });
  }

  transaction<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    this.depth++;
    try {
      return this.db.transaction(fn).immediate();
    } finally {
      this.depth--;
    }
  }

  getMeta(key: string): string | undefined {
    const r = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return r?.value;
  }
  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  deleteMeta(key: string): void {
    this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
  }

  putVolume(v: VolumeRecord): void {
    this.db
      .prepare('INSERT INTO volumes (volser, devtype, cylinders, rdev) VALUES (?, ?, ?, ?) ON CONFLICT(volser) DO UPDATE SET devtype=excluded.devtype, cylinders=excluded.cylinders, rdev=excluded.rdev')
      .run(v.volser, v.devtype, v.cylinders, v.rdev);
  }
  listVolumes(): VolumeRecord[] {
    return this.db.prepare('SELECT volser, devtype, cylinders, rdev FROM volumes ORDER BY rdev').all() as VolumeRecord[];
  }

  ensureMinidisk(m: MinidiskRecord): MinidiskRecord {
    this.db
      .prepare('INSERT OR IGNORE INTO minidisks (owner, vdev, volser, start, size, label, block_size) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(m.owner, m.vdev, m.volser, m.start, m.size, m.label ?? null, m.blockSize);
    return this.getMinidisk(m.owner, m.vdev)!;
  }
  getMinidisk(owner: string, vdev: number): MinidiskRecord | undefined {
    const r = this.db
      .prepare('SELECT owner, vdev, volser, start, size, label, block_size AS blockSize FROM minidisks WHERE owner = ? AND vdev = ?')
      .get(owner, vdev) as (Omit<MinidiskRecord, 'label'> & { label: string | null }) | undefined;
    return r ? { ...r, label: r.label ?? undefined } : undefined;
  }
  setMinidiskLabel(owner: string, vdev: number, label: string | undefined): void {
    this.db.prepare('UPDATE minidisks SET label = ? WHERE owner = ? AND vdev = ?').run(label ?? null, owner, vdev);
  }
  readBlocks(owner: string, vdev: number, first: number, count: number): (Uint8Array | undefined)[] {
    const rows = this.db
      .prepare('SELECT block, data FROM minidisk_blocks WHERE owner = ? AND vdev = ? AND block >= ? AND block < ?')
      .all(owner, vdev, first, first + count) as { block: number; data: Buffer }[];
    const out: (Uint8Array | undefined)[] = new Array(count).fill(undefined);
    for (const r of rows) out[r.block - first] = new Uint8Array(r.data);
    return out;
  }
  writeBlocks(owner: string, vdev: number, blocks: { block: number; data: Uint8Array }[]): void {
    const st = this.db.prepare('INSERT OR REPLACE INTO minidisk_blocks (owner, vdev, block, data) VALUES (?, ?, ?, ?)');
    this.transaction(() => {
      for (const b of blocks) st.run(owner, vdev, b.block, Buffer.from(b.data));
    });
  }
  deleteMinidisk(owner: string, vdev: number): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM minidisk_blocks WHERE owner = ? AND vdev = ?').run(owner, vdev);
      this.db.prepare('DELETE FROM minidisks WHERE owner = ? AND vdev = ?').run(owner, vdev);
    });
  }
  clearMinidisk(owner: string, vdev: number): void {
    this.db.prepare('DELETE FROM minidisk_blocks WHERE owner = ? AND vdev = ?').run(owner, vdev);
  }

  addLink(l: LinkRecord): void {
    this.db
      .prepare('INSERT OR REPLACE INTO links (system, userid, vdev, owner, owner_vdev, access, mode) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(l.system, l.userid, l.vdev, l.owner, l.ownerVdev, l.access, l.mode);
  }
  removeLink(system: string, userid: string, vdev: number): void {
    this.db.prepare('DELETE FROM links WHERE system = ? AND userid = ? AND vdev = ?').run(system, userid, vdev);
  }
  private linkRows(sql: string, ...args: unknown[]): LinkRecord[] {
    return this.db.prepare(`SELECT system, userid, vdev, owner, owner_vdev AS ownerVdev, access, mode FROM links WHERE ${sql}`).all(...args) as LinkRecord[];
  }
  linksTo(owner: string, ownerVdev: number): LinkRecord[] {
    return this.linkRows('owner = ? AND owner_vdev = ? ORDER BY system, userid, vdev', owner, ownerVdev);
  }
  linksOf(system: string, userid: string): LinkRecord[] {
    return this.linkRows('system = ? AND userid = ? ORDER BY vdev', system, userid);
  }
  clearLinks(system: string): void {
    this.db.prepare('DELETE FROM links WHERE system = ?').run(system);
  }

  nextSpoolId(): number {
    return this.transaction(() => {
      let id = Number(this.getMeta('next_spoolid') ?? '1');
      const used = this.db.prepare('SELECT 1 FROM spool_files WHERE spoolid = ?');
      for (let tries = 0; tries < 9999; tries++) {
        if (id > 9999) id = 1;
        if (!used.get(id)) {
          this.setMeta('next_spoolid', String(id + 1));
          return id;
        }
        id++;
      }
      throw new Error('spool full');
    });
  }
  putSpoolFile(f: SpoolFileRecord, records: string[]): void {
    const ins = this.db.prepare('INSERT INTO spool_records (spoolid, n, data) VALUES (?, ?, ?)');
    this.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO spool_files (spoolid, owner, origin, origin_system, queue, devtype, class, copies, hold, keep, name, type, dist, form, dest, tag, records, created, seq)
           VALUES (@spoolid, @owner, @origin, @originSystem, @queue, @devtype, @class, @copies, @hold, @keep, @name, @type, @dist, @form, @dest, @tag, @records, @created, @seq)`,
        )
        .run({ ...f, keep: f.keep ? 1 : 0 });
      records.forEach((r, i) => ins.run(f.spoolid, i, r));
    });
  }
  getSpoolFile(spoolid: number): SpoolFileRecord | undefined {
    const r = this.db.prepare('SELECT * FROM spool_files WHERE spoolid = ?').get(spoolid) as SpoolRow | undefined;
    return r ? fromRow(r) : undefined;
  }
  listSpoolFiles(filter: SpoolFilter): SpoolFileRecord[] {
    const where: string[] = [];
    const args: unknown[] = [];
    for (const [k, v] of Object.entries(filter)) {
      if (v === undefined) continue;
      where.push(`${spoolColumn(k)} = ?`);
      args.push(v);
    }
    const sql = `SELECT * FROM spool_files ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq, spoolid`;
    return (this.db.prepare(sql).all(...args) as SpoolRow[]).map(fromRow);
  }
  updateSpoolFile(spoolid: number, changes: Partial<Omit<SpoolFileRecord, 'spoolid'>>): void {
    const keys = Object.keys(changes) as (keyof typeof changes)[];
    if (!keys.length) return;
    const vals = keys.map((k) => (k === 'keep' ? (changes.keep ? 1 : 0) : changes[k]));
    this.db.prepare(`UPDATE spool_files SET ${keys.map((k) => `${spoolColumn(k)} = ?`).join(', ')} WHERE spoolid = ?`).run(...vals, spoolid);
  }
  deleteSpoolFile(spoolid: number): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM spool_records WHERE spoolid = ?').run(spoolid);
      this.db.prepare('DELETE FROM spool_files WHERE spoolid = ?').run(spoolid);
    });
  }
  readSpoolRecords(spoolid: number): string[] {
    return (this.db.prepare('SELECT data FROM spool_records WHERE spoolid = ? ORDER BY n').all(spoolid) as { data: string }[]).map((r) => r.data);
  }

  systemUp(name: string, pid: number, now: number): void {
    this.db
      .prepare(`INSERT INTO cse_systems (name, pid, state, heartbeat, ipl_time) VALUES (?, ?, 'UP', ?, ?)
        ON CONFLICT(name) DO UPDATE SET pid = excluded.pid, state = 'UP', heartbeat = excluded.heartbeat, ipl_time = excluded.ipl_time`)
      .run(name, pid, now, now);
  }
  systemDown(name: string): void {
    this.db.prepare(`UPDATE cse_systems SET state = 'DOWN' WHERE name = ?`).run(name);
  }
  heartbeat(name: string, now: number): void {
    this.db.prepare(`UPDATE cse_systems SET heartbeat = ? WHERE name = ? AND state = 'UP'`).run(now, name);
  }
  listSystems(): SystemRecord[] {
    return this.db.prepare('SELECT name, pid, state, heartbeat, ipl_time AS iplTime FROM cse_systems ORDER BY name').all() as SystemRecord[];
  }
  claimSession(userid: string, system: string, now: number, alive: (system: string) => boolean): string | undefined {
    return this.transaction(() => {
      const r = this.db.prepare('SELECT system FROM cse_sessions WHERE userid = ?').get(userid) as { system: string } | undefined;
      if (r && r.system !== system && alive(r.system)) return r.system;
      this.db
        .prepare('INSERT INTO cse_sessions (userid, system, since) VALUES (?, ?, ?) ON CONFLICT(userid) DO UPDATE SET system = excluded.system, since = excluded.since')
        .run(userid, system, now);
      return undefined;
    });
  }
  releaseSession(userid: string, system: string): void {
    this.db.prepare('DELETE FROM cse_sessions WHERE userid = ? AND system = ?').run(userid, system);
  }
  listSessions(): SessionRecord[] {
    return this.db.prepare('SELECT userid, system, since FROM cse_sessions ORDER BY userid').all() as SessionRecord[];
  }
  clearSessions(system: string): void {
    this.db.prepare('DELETE FROM cse_sessions WHERE system = ?').run(system);
  }
  postMail(m: Omit<MailRecord, 'id'>): void {
    this.db
      .prepare('INSERT INTO cse_mail (system, userid, kind, sender, sender_system, text, created) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(m.system, m.userid, m.kind, m.sender, m.senderSystem, m.text, m.created);
  }
  takeMail(systems: string[]): MailRecord[] {
    if (!systems.length) return [];
    const marks = systems.map(() => '?').join(', ');
    // cheap check first (no write lock when there is nothing)
    const any = this.db.prepare(`SELECT 1 FROM cse_mail WHERE system IN (${marks}) LIMIT 1`).get(...systems);
    if (!any) return [];
    return this.transaction(() => {
      const rows = this.db
        .prepare(`SELECT id, system, userid, kind, sender, sender_system AS senderSystem, text, created FROM cse_mail WHERE system IN (${marks}) ORDER BY id`)
        .all(...systems) as MailRecord[];
      if (rows.length) this.db.prepare(`DELETE FROM cse_mail WHERE id <= ? AND system IN (${marks})`).run(rows[rows.length - 1]!.id, ...systems);
      return rows;
    });
  }
  allLinks(): LinkRecord[] {
    return this.linkRows('1 = 1 ORDER BY owner, owner_vdev, system, userid');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
