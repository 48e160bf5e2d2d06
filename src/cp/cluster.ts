/**
 * A cluster: up to 4 systems sharing one source directory, the spool and minidisk link
 * control (CSE), and one store (DESIGN.md §3-4). Cluster.open() builds it from a
 * cluster folder (or finds it again in an existing data file), checks the directory
 * and SYSTEM CONFIG as DIRECTXA would (refusing to IPL with errors), IPLs the systems
 * and AUTOLOGs the users SYSTEM CONFIG names.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, systemClock } from '../common/clock.js';
import { readClusterFolder } from './cluster-folder.js';
import { CommandProcessor } from './commands/dispatch.js';
import { autologUser } from './commands/logon.js';
import { type SystemConfig, parseSystemConfig } from './config/system-config.js';
import { Cse } from './cse/cse.js';
import { collectionSpansProcesses, ensureIsfcTcp, stopIsfcTcp } from './isfc/tcp.js';
import { buildObjectDirectories, formatDiagnostic } from './directory/directxa.js';
import type { Directory } from './directory/model.js';
import type { VirtualMachine } from './guest/virtual-machine.js';
import type { CpStore } from './store/store.js';
import { SqliteStore } from './store/sqlite-store.js';
import { CpSystem } from './system.js';

export interface ClusterOptions {
  /** cluster folder (USER DIRECT + SYSTEM CONFIG); default: the built-in default cluster */
  folder?: string;
  /** SQLite data file; default: a new temporary file */
  dataFile?: string;
  clock?: Clock;
  /** AUTOLOG the users SYSTEM CONFIG names (default true) */
  autolog?: boolean;
  /** only these systems run in this process (default: all) */
  systems?: string[];
}

/** The directory or SYSTEM CONFIG has errors: the cluster cannot IPL. */
export class ClusterConfigError extends Error {
  constructor(readonly report: string[]) {
    super(report.join('\n'));
  }
}

export class Cluster {
  readonly systems = new Map<string, CpSystem>();
  readonly commands: CommandProcessor;
  /** CSE: systems, sessions and cross-system traffic (src/cp/cse) */
  readonly cse: Cse;
  shutDown = false;
  /** each system's object directory (CSE: one source, SYSAFFIN per system) */
  directories = new Map<string, Directory>();

  private constructor(
    readonly store: CpStore,
    /** the default system's object directory (use CpSystem.directory for a system's own) */
    public directory: Directory,
    readonly config: SystemConfig,
    readonly clock: Clock,
    readonly dataFile: string,
  ) {
    this.commands = new CommandProcessor(this);
    this.cse = new Cse(this);
    this.commands.wireCse();
  }

  /** A system's object directory. */
  directoryFor(system: string): Directory {
    return this.directories.get(system) ?? this.directory;
  }

  /** Install object directories built by DIRECTXA: new logons use them; logged-on users keep theirs. */
  installDirectories(bySystem: Map<string, Directory>): void {
    this.directories = bySystem;
    this.directory = bySystem.get(this.config.defaultSystem) ?? [...bySystem.values()][0] ?? this.directory;
  }

  /** Rebuild the object directories from the source in the store (another system ran DIRECTXA). */
  reloadDirectory(): void {
    const text = this.store.getMeta('directory');
    if (text === undefined) return;
    const r = buildObjectDirectories(text, this.store.getMeta('directory_file') ?? 'USER DIRECT', this.config);
    if (r.ok) this.installDirectories(r.bySystem);
  }

  /** IPL a system of the collection in this process (again, after its SHUTDOWN). */
  async iplSystem(name: string, opts: { autolog?: boolean } = {}): Promise<CpSystem> {
    const def = this.config.systems.find((s) => s.name === name.toUpperCase());
    if (!def) throw new Error(`no system ${name} in this cluster`);
    if (this.systems.has(def.name)) return this.systems.get(def.name)!;
    if (this.cse.alive(def.name)) throw new Error(`system ${def.name} is already running`);
    this.reloadDirectory();
    const sys = new CpSystem(this, def.name, def.slot);
    this.systems.set(def.name, sys);
    this.cse.systemIpled(sys);
    this.cse.start();
    if (opts.autolog !== false) for (const u of this.config.autolog.get(sys.name) ?? []) await autologUser(sys, u, 'SYSTEM');
    return sys;
  }

  static async open(opts: ClusterOptions = {}): Promise<Cluster> {
    const dataFile = opts.dataFile ?? join(mkdtempSync(join(tmpdir(), 'vmrexx-')), 'cluster.db');
    const store = new SqliteStore(dataFile);
    try {
      let dirText = store.getMeta('directory');
      let dirFile = store.getMeta('directory_file') ?? 'USER DIRECT';
      let cfgText = store.getMeta('config');
      let cfgFile = store.getMeta('config_file') ?? 'SYSTEM CONFIG';
      const fresh = dirText === undefined || cfgText === undefined;
      if (fresh) {
        const src = readClusterFolder(opts.folder);
        dirText = src.directoryText;
        dirFile = src.directoryFile;
        cfgText = src.configText;
        cfgFile = src.configFile;
      }
      const cfg = parseSystemConfig(cfgText!, cfgFile);
      const dx = buildObjectDirectories(dirText!, dirFile, cfg.config);
      const cfgErrors = cfg.diagnostics.filter((d) => d.severity === 'error');
      if (!dx.ok || cfgErrors.length) {
        throw new ClusterConfigError([...cfg.diagnostics.map(formatDiagnostic), ...dx.report]);
      }
      const cluster = new Cluster(store, dx.bySystem.get(cfg.config.defaultSystem) ?? [...dx.bySystem.values()][0]!, cfg.config, opts.clock ?? systemClock, dataFile);
      cluster.installDirectories(dx.bySystem);
      if (fresh) cluster.initialiseStore(dirText!, dirFile, cfgText!, cfgFile);
      const names = opts.systems ?? cfg.config.systems.map((s) => s.name);
      for (const s of cfg.config.systems) {
        if (!names.includes(s.name)) continue;
        if (cluster.cse.alive(s.name)) throw new Error(`system ${s.name} is already running (process ${store.listSystems().find((r) => r.name === s.name)?.pid})`);
        store.clearLinks(s.name); // links of an earlier run ended with it
        cluster.systems.set(s.name, new CpSystem(cluster, s.name, s.slot));
      }
      cluster.cse.start();
      // ISFC over TCP when systems of the collection run in other processes (src/cp/isfc)
      if (collectionSpansProcesses(cluster)) await ensureIsfcTcp(cluster);
      if (opts.autolog !== false) {
        for (const sys of cluster.systems.values())
          for (const u of cfg.config.autolog.get(sys.name) ?? []) await autologUser(sys, u, 'SYSTEM');
      }
      return cluster;
    } catch (e) {
      store.close();
      throw e;
    }
  }

  /** First IPL with a fresh data file: record the source, the volumes, and format the A-disks. */
  private initialiseStore(dirText: string, dirFile: string, cfgText: string, cfgFile: string): void {
    const store = this.store;
    store.transaction(() => {
      store.setMeta('directory', dirText);
      store.setMeta('directory_file', dirFile);
      store.setMeta('config', cfgText);
      store.setMeta('config_file', cfgFile);
      store.setMeta('created', this.clock.now().toISOString());
      for (const v of this.config.volumes.values()) store.putVolume(v);
      for (const u of this.directory.users.values())
        for (const d of u.devices) {
          if (d.kind !== 'MDISK' || typeof d.start !== 'number') continue;
          const vol = this.config.volumes.get(d.volser);
          const size = typeof d.size === 'number' ? d.size : (vol?.cylinders ?? 0) - d.start;
          // every CMS minidisk of the shipped directory is formatted (DESIGN.md §4)
          const label = (u.userid === 'MAINT' ? 'MNT' : u.userid.slice(0, 3)) + d.vdev.toString(16).toUpperCase().padStart(3, '0').slice(-3);
          store.ensureMinidisk({ owner: u.userid, vdev: d.vdev, volser: d.volser, start: d.start, size, blockSize: 4096, label });
        }
    });
  }

  get defaultSystem(): CpSystem {
    return this.systems.get(this.config.defaultSystem) ?? [...this.systems.values()][0]!;
  }

  system(name: string): CpSystem | undefined {
    return this.systems.get(name.toUpperCase());
  }

  /** A logged-on user anywhere in the cluster. */
  findUser(userid: string): VirtualMachine | undefined {
    for (const s of this.systems.values()) {
      const vm = s.vms.get(userid);
      if (vm) return vm;
    }
    return undefined;
  }

  /** Log everyone off, end every guest, close the store. */
  async shutdown(): Promise<void> {
    if (this.shutDown) return;
    this.shutDown = true;
    const { logoffUser } = await import('./commands/logon.js');
    this.cse.stop();
    await stopIsfcTcp(this);
    for (const s of this.systems.values()) {
      s.shuttingDown = true;
      for (const vm of [...s.vms.values()]) await logoffUser(vm, { quiet: true });
      for (const t of [...s.terminals]) t.close();
    }
    this.store.close();
  }
}
