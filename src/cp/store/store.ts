/**
 * The one interface to the cluster's persistent state (DESIGN.md §3 "Persistence"):
 * DASD volumes, minidisk contents, link control records, spool files and the source
 * directory. It is the shared DASD of CSE: every system of a cluster (in one process
 * or several on one machine) uses the same store. The SQLite implementation is
 * sqlite-store.ts; a PostgreSQL one for systems on different machines would implement
 * this same interface. All calls are synchronous and each mutating call is atomic.
 */

export interface VolumeRecord {
  volser: string;
  devtype: string;
  cylinders: number;
  rdev: number;
}

export interface MinidiskRecord {
  owner: string;
  vdev: number;
  volser: string;
  start: number;
  size: number;
  /** CMS format label, or undefined if never formatted */
  label?: string;
  blockSize: number;
}

/** A link control record: userid on system has owner's minidisk linked as vdev in mode. */
export interface LinkRecord {
  system: string;
  userid: string;
  vdev: number;
  owner: string;
  ownerVdev: number;
  /** 'R' (read-only) or 'W' (read/write) access actually granted */
  access: 'R' | 'W';
  /** the mode letter(s) asked for (R, RR, W, M, MW, ...) */
  mode: string;
}

export type SpoolQueue = 'RDR' | 'PRT' | 'PUN';

export interface SpoolFileRecord {
  spoolid: number;
  /** the user whose queue holds the file */
  owner: string;
  /** the user who created it */
  origin: string;
  /**
   * the system (CSE member) it was created on: the spool is shared by the collection, so
   * the reader's own system is not where the file came from. '' for files stored before
   * this was recorded (shown as the local system, as they were then).
   */
  originSystem: string;
  queue: SpoolQueue;
  /** the kind of device that created it: PUN, PRT or CON (console) */
  devtype: 'PUN' | 'PRT' | 'CON';
  class: string;
  copies: number;
  /** NONE, USER, SYS or USYS */
  hold: string;
  keep: boolean;
  name: string;
  type: string;
  dist: string;
  form: string;
  dest: string;
  tag: string;
  records: number;
  /** ms since epoch */
  created: number;
  /** ordering key within a queue (ORDER changes it) */
  seq: number;
}

export interface SpoolFilter {
  owner?: string;
  origin?: string;
  queue?: SpoolQueue;
  class?: string;
  spoolid?: number;
}

/** A system of the collection as the shared store knows it (CSE: who is up). */
export interface SystemRecord {
  name: string;
  pid: number;
  /** UP while it runs; DOWN after a clean SHUTDOWN */
  state: 'UP' | 'DOWN';
  /** ms since epoch of the last heartbeat */
  heartbeat: number;
  iplTime: number;
}

/** A logged-on user: on which system (CSE: a user is logged on to one system at a time). */
export interface SessionRecord {
  userid: string;
  system: string;
  since: number;
}

/** A message for a user (or the CP) of a system in another process (CSE cross-system traffic). */
export interface MailRecord {
  id: number;
  /** the system it is for */
  system: string;
  /** the user it is for ('' = the system's CP) */
  userid: string;
  /** MSG, WNG, MSGNOH, SMSG, OUT (a console line), CMD (AT ... CMD), REPLY */
  kind: string;
  sender: string;
  senderSystem: string;
  text: string;
  created: number;
}

export interface CpStore {
  /** Run fn in one transaction (nested calls join the outer one). */
  transaction<T>(fn: () => T): T;
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  deleteMeta(key: string): void;

  putVolume(v: VolumeRecord): void;
  listVolumes(): VolumeRecord[];

  /** Create the minidisk record if it does not exist; returns the stored record. */
  ensureMinidisk(m: MinidiskRecord): MinidiskRecord;
  getMinidisk(owner: string, vdev: number): MinidiskRecord | undefined;
  setMinidiskLabel(owner: string, vdev: number, label: string | undefined): void;
  readBlocks(owner: string, vdev: number, first: number, count: number): (Uint8Array | undefined)[];
  writeBlocks(owner: string, vdev: number, blocks: { block: number; data: Uint8Array }[]): void;
  /** Remove a minidisk record and its blocks (a T-disk that is destroyed). */
  deleteMinidisk(owner: string, vdev: number): void;
  /** Drop every block (FORMAT). */
  clearMinidisk(owner: string, vdev: number): void;

  addLink(l: LinkRecord): void;
  removeLink(system: string, userid: string, vdev: number): void;
  linksTo(owner: string, ownerVdev: number): LinkRecord[];
  linksOf(system: string, userid: string): LinkRecord[];
  clearLinks(system: string): void;

  /** Allocate a free spool ID (1-9999, wrapping, skipping those in use). */
  nextSpoolId(): number;
  /** Store a complete spool file with its records (atomic: all or nothing, durable on return). */
  putSpoolFile(f: SpoolFileRecord, records: string[]): void;
  getSpoolFile(spoolid: number): SpoolFileRecord | undefined;
  listSpoolFiles(filter: SpoolFilter): SpoolFileRecord[];
  updateSpoolFile(spoolid: number, changes: Partial<Omit<SpoolFileRecord, 'spoolid'>>): void;
  deleteSpoolFile(spoolid: number): void;
  readSpoolRecords(spoolid: number): string[];

  // ----- CSE: systems, sessions and cross-system mail (shared by every process) -----
  /** Record that a system is IPLed (state UP) by process pid. */
  systemUp(name: string, pid: number, now: number): void;
  /** Record a clean SHUTDOWN. */
  systemDown(name: string): void;
  heartbeat(name: string, now: number): void;
  listSystems(): SystemRecord[];
  /**
   * Log a user on to a system: atomic across processes. If the user is logged on to
   * another system for which alive(system) is true, nothing changes and that system is returned.
   */
  claimSession(userid: string, system: string, now: number, alive: (system: string) => boolean): string | undefined;
  releaseSession(userid: string, system: string): void;
  listSessions(): SessionRecord[];
  clearSessions(system: string): void;
  postMail(m: Omit<MailRecord, 'id'>): void;
  /** Take (and delete) the mail for the given systems. */
  takeMail(systems: string[]): MailRecord[];
  /** Every link record (reliability checks, QUERY LINKS of a volume). */
  allLinks(): LinkRecord[];

  close(): void;
}
