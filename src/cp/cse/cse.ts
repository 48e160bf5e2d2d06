/**
 * Cross-System Extensions (CP-REFERENCE.md §3.1; issue 8): what lets up to four systems
 * act as one — in one process or one process per system on the same machine.
 *
 * Everything shared lives in the cluster store (the CSE "shared DASD"): spool files and
 * link control records (already there), plus
 *   - cse_systems:  which systems are IPLed, by which process, and their heartbeat,
 *   - cse_sessions: which system each logged-on user is on (one system at a time),
 *   - cse_mail:     messages, spool-arrival notices and AT ... CMD traffic for a user or
 *                   system in another process (polled cheaply: one indexed SELECT).
 * Systems in this process are reached directly (no store round trip). Cross-process
 * traffic would move to ISFC (src/cp/isfc) when it exists; the store path keeps working.
 *
 * A system is alive while it is in this process, or its record is UP, its process exists
 * and its heartbeat is recent (a SIGKILLed system is seen down at the next poll: the
 * others report its ISFC link drop).
 */
import type { Cluster } from '../cluster.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import { cpMessage } from '../messages.js';
import type { MailRecord, SessionRecord, SystemRecord } from '../store/store.js';
import type { CpSystem } from '../system.js';

export const POLL_MS = 100;
export const HEARTBEAT_MS = 500;
/**
 * A system whose heartbeat is older than this is taken as down (env VMREXX_CSE_STALE_MS).
 * On one machine the process check decides at once (a killed process is down, a busy one
 * is not); the heartbeat covers a reused process id and systems on other machines.
 */
export const STALE_MS = Number(process.env.VMREXX_CSE_STALE_MS ?? 30_000);

export type MsgKind = 'MSG' | 'WNG' | 'MSGNOH' | 'SMSG';

/** Where a user is: in this process (vm), or on a system in another process. */
export type Location = { vm: VirtualMachine; system: string } | { vm?: undefined; system: string };

export interface RemoteResult {
  rc: number;
  lines: string[];
}

/** Deliver a message to a logged-on user of this process; returns the "not receiving" message, if any. */
export type LocalDeliver = (vm: VirtualMachine, kind: MsgKind, from: string, text: string) => { id: string; inserts: string[] } | undefined;

export class Cse {
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastBeat = 0;
  /** liveness of the other systems as last reported to the operators */
  private readonly seen = new Map<string, boolean>();
  private readonly waiting = new Map<string, (r: RemoteResult) => void>();
  private token = 0;
  /** systems of this process already recorded as IPLed */
  private readonly registered = new WeakSet<CpSystem>();
  private systemsCache: { at: number; list: SystemRecord[] } = { at: 0, list: [] };
  directoryVersion = '';
  /** set by commands/msg.ts (keeps this module free of command imports) */
  localDeliver: LocalDeliver | undefined;
  /** set by the command processor: run a command for AT ... CMD from another process */
  runRemoteCommand: ((system: CpSystem, userid: string, classes: string, command: string, from: string) => Promise<RemoteResult>) | undefined;

  constructor(readonly cluster: Cluster) {}

  private get store() {
    return this.cluster.store;
  }

  private now(): number {
    return Date.now();
  }

  /** The systems of this process are IPLed: record them and start polling. */
  start(): void {
    const now = this.now();
    for (const s of this.cluster.systems.values()) if (!this.registered.has(s)) this.systemIpled(s, now);
    this.directoryVersion = this.store.getMeta('directory_version') ?? '';
    for (const r of this.store.listSystems()) if (!this.cluster.systems.has(r.name)) this.seen.set(r.name, this.recordAlive(r, now));
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), POLL_MS);
      this.timer.unref();
    }
  }

  /** A system of this process (re)IPLed: its earlier users and links are gone. */
  systemIpled(s: CpSystem, now = this.now()): void {
    this.registered.add(s);
    this.store.transaction(() => {
      this.store.clearSessions(s.name);
      this.store.clearLinks(s.name);
      this.store.systemUp(s.name, process.pid, now);
    });
    this.systemsCache.at = 0;
    for (const o of this.cluster.systems.values()) if (o !== s) o.operatorLine(line('HCPXSY2710I', s.name));
    this.seen.set(s.name, true);
  }

  /** A system of this process shut down cleanly. */
  systemLeft(name: string): void {
    try {
      this.store.transaction(() => {
        this.store.clearSessions(name);
        this.store.systemDown(name);
      });
    } catch {
      /* the store may be closed */
    }
    this.systemsCache.at = 0;
    this.seen.set(name, false);
    for (const o of this.cluster.systems.values()) if (o.name !== name) o.operatorLine(line('HCPXSY2711I', name));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const name of this.cluster.systems.keys()) {
      try {
        this.store.transaction(() => {
          this.store.clearSessions(name);
          this.store.systemDown(name);
        });
      } catch {
        /* closing */
      }
    }
    for (const w of this.waiting.values()) w({ rc: -1, lines: [] });
    this.waiting.clear();
  }

  private recordAlive(r: SystemRecord, now: number): boolean {
    if (r.state !== 'UP' || now - r.heartbeat >= STALE_MS) return false;
    // every system runs on this machine (DESIGN.md §3): a process that is gone is down at once
    if (r.pid !== process.pid) {
      try {
        process.kill(r.pid, 0);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
      }
    }
    return true;
  }

  /** Systems as the store knows them (cached for one poll interval). */
  systemRecords(): SystemRecord[] {
    const now = this.now();
    if (now - this.systemsCache.at > POLL_MS) this.systemsCache = { at: now, list: this.store.listSystems() };
    return this.systemsCache.list;
  }

  /** Is a system of the collection up (here, or in another process)? */
  alive(name: string): boolean {
    if (this.cluster.systems.has(name)) return true;
    const r = this.systemRecords().find((x) => x.name === name);
    return !!r && this.recordAlive(r, this.now());
  }

  isMember(name: string): boolean {
    return this.cluster.config.systems.some((s) => s.name === name);
  }

  /** Where a user is logged on in the collection. */
  locate(userid: string): Location | undefined {
    const vm = this.cluster.findUser(userid);
    if (vm) return { vm, system: vm.system.name };
    const s = this.remoteSessions().find((x) => x.userid === userid);
    return s ? { system: s.system } : undefined;
  }

  /** Users logged on to live systems in other processes. */
  remoteSessions(): SessionRecord[] {
    return this.store.listSessions().filter((s) => !this.cluster.systems.has(s.system) && this.alive(s.system));
  }

  /** LOGON/AUTOLOG: claim the user for a system; returns the system that has it, if another. */
  claim(userid: string, system: string): string | undefined {
    for (const s of this.cluster.systems.values()) if (s.name !== system && s.vms.has(userid)) return s.name;
    return this.store.claimSession(userid, system, this.now(), (sys) => this.alive(sys));
  }

  release(userid: string, system: string): void {
    try {
      this.store.releaseSession(userid, system);
    } catch {
      /* the store may be closed at shutdown */
    }
  }

  /** Send to a user on a system of another process. */
  post(system: string, userid: string, kind: string, sender: string, senderSystem: string, text: string): void {
    this.store.postMail({ system, userid, kind, sender, senderSystem, text, created: this.now() });
  }

  /** A console line for a user wherever they are (spool arrival notices, replies). */
  tellUser(userid: string, kind: 'OUT' | 'IMSG', text: string): void {
    const loc = this.locate(userid);
    if (!loc) return;
    if (loc.vm) {
      if (kind === 'IMSG' && loc.vm.settings.imsg === 'OFF') return;
      loc.vm.out(text);
    } else this.post(loc.system, userid, kind, '', '', text);
  }

  /** AT system CMD command, for a system in another process: waits for the answer. */
  remoteCommand(system: string, vm: VirtualMachine, command: string, timeoutMs = 10_000): Promise<RemoteResult> {
    const token = `${process.pid}.${++this.token}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(token);
        resolve({ rc: -1, lines: [] });
      }, timeoutMs);
      this.waiting.set(token, (r) => {
        clearTimeout(timer);
        this.waiting.delete(token);
        resolve(r);
      });
      this.post(system, '', 'CMD', vm.userid, vm.system.name, JSON.stringify({ token, classes: vm.classes, command }));
    });
  }

  /** One poll: heartbeat, mail, systems coming and going, directory updates. */
  tick(): void {
    if (this.cluster.shutDown || !this.cluster.systems.size) return;
    const now = this.now();
    try {
      if (now - this.lastBeat >= HEARTBEAT_MS) {
        this.lastBeat = now;
        for (const name of this.cluster.systems.keys()) this.store.heartbeat(name, now);
      }
      for (const m of this.store.takeMail([...this.cluster.systems.keys()]))
        this.deliver(m).catch(() => {
          /* a malformed or undeliverable item: dropped, as CP drops a message to a user who left */
        });
      this.systemsCache.at = 0;
      for (const r of this.systemRecords()) {
        if (this.cluster.systems.has(r.name)) continue;
        const up = this.recordAlive(r, now);
        const was = this.seen.get(r.name);
        if (was === up) continue;
        this.seen.set(r.name, up);
        if (was === undefined && !up) continue;
        for (const s of this.cluster.systems.values()) s.operatorLine(line(up ? 'HCPXSY2710I' : 'HCPXSY2711I', r.name));
      }
      const v = this.store.getMeta('directory_version') ?? '';
      if (v !== this.directoryVersion) {
        this.directoryVersion = v;
        this.cluster.reloadDirectory();
      }
    } catch {
      /* busy or closing: try again at the next tick */
    }
  }

  private async deliver(m: MailRecord): Promise<void> {
    const system = this.cluster.systems.get(m.system);
    if (!system) return;
    if (m.kind === 'CMD') {
      const { token, classes, command } = JSON.parse(m.text) as { token: string; classes: string; command: string };
      const r = this.runRemoteCommand ? await this.runRemoteCommand(system, m.sender, classes, command, m.senderSystem) : { rc: -1, lines: [] };
      this.post(m.senderSystem, m.sender, 'REPLY', '', system.name, JSON.stringify({ token, ...r }));
      return;
    }
    if (m.kind === 'REPLY') {
      const r = JSON.parse(m.text) as { token: string; rc: number; lines: string[] };
      this.waiting.get(r.token)?.({ rc: r.rc, lines: r.lines });
      return;
    }
    const vm = system.vms.get(m.userid);
    if (!vm) {
      if (m.senderSystem && (m.kind === 'MSG' || m.kind === 'WNG' || m.kind === 'MSGNOH' || m.kind === 'SMSG'))
        this.post(m.senderSystem, m.sender, 'EMSG', '', system.name, JSON.stringify({ id: 'HCPMSG045E', inserts: [m.userid] }));
      return;
    }
    switch (m.kind) {
      case 'OUT':
        vm.out(m.text);
        return;
      case 'IMSG':
        if (vm.settings.imsg !== 'OFF') vm.out(m.text);
        return;
      case 'EMSG': {
        const e = JSON.parse(m.text) as { id: string; inserts: string[] };
        vm.msg(e.id, ...e.inserts);
        return;
      }
      case 'MSG':
      case 'WNG':
      case 'MSGNOH':
      case 'SMSG': {
        const refused = this.localDeliver?.(vm, m.kind, m.sender, m.text);
        if (refused && m.senderSystem) this.post(m.senderSystem, m.sender, 'EMSG', '', system.name, JSON.stringify(refused));
        return;
      }
    }
  }
}

function line(id: string, ...inserts: string[]): string {
  const m = cpMessage(id, ...inserts);
  return `${m.id} ${m.text}`;
}
