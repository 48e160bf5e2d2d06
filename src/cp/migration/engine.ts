/**
 * The native live-migration engine, source side (LIVE-GUEST-MIGRATION.md; CP-REFERENCE.md
 * §1.10, §5). An OutwardMigration is one relocation of one guest to one destination; its
 * steps are the Migration DIAGNOSE functions (begin, get configuration, retrieve change
 * bits, stun, get state, and — through the destination — set configuration and restore
 * state; abort), plus the bulk page transfer. VMRELOCATE drives it with run(); the
 * moving vans drive the same steps one by one through DIAGNOSE X'104'.
 *
 * Pre-copy: pass 1 sends every non-zero page; each later pass the pages changed since
 * the previous one. Iteration stops when what remains could be sent within the downtime
 * goal, after one pass with IMMEDIATE, or when the remaining set stops shrinking: then
 * the guest is throttled first (as QEMU's auto-converge: 20%, +10% per stalled pass, up
 * to 99%), and when that does not help either it is stunned only if the estimated quiesce
 * time fits MAXQUIESCE — otherwise the relocation is cancelled. During the stun the
 * quiesce time is watched: exceeding MAXQUIESCE cancels. MAXTOTAL bounds everything.
 *
 * Faults: whatever fails (destination, link, van, cancel) before the commit, the guest
 * is unstunned and keeps running on the source with its memory untouched, and the
 * destination removes the half-built guest. The commit is the only moment ownership
 * moves: the destination logs the guest on and starts it, and only after its answer is
 * the (stunned, never restarted) source copy removed. Two running copies never exist.
 */
import { cpMessage } from '../messages.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import { IsfcError, type IsfcNode, isfcNode, linkInMemory } from '../isfc/isfc.js';
import { ensureIsfcTcp } from '../isfc/tcp.js';
import { PAGE_SIZE } from '../storage/guest-storage.js';
import type { CpSystem } from '../system.js';
import {
  ChangeTracker,
  type GuestConfig,
  type GuestState,
  copyPages,
  getGuestConfig,
  getGuestState,
  PageFingerprints,
  setThrottle,
  stunGuest,
  systemProfile,
  unstunGuest,
} from './guest-image.js';
import { type ForceOption, type Reason, targetReasons } from './target.js';

export interface PassStat {
  pass: number;
  sent: number;
  /** pages found changed at the end of the pass (to send next) */
  dirty: number;
  ms: number;
  throttle: number;
  stunned: boolean;
}

export interface MoveOptions {
  maxTotalMs?: number;
  /** default 10 s (z/VM) */
  maxQuiesceMs?: number;
  immediate?: boolean;
  force?: ForceOption[];
  /** auto-converge allowed (default true) */
  throttle?: boolean;
  /** the stop-and-copy goal: stop iterating when the rest fits in this (default 20 ms) */
  downtimeGoalMs?: number;
  maxPasses?: number;
  requester?: string;
}

export type Step = 'begin' | 'pass' | 'stun' | 'state' | 'restore' | 'resume';

/**
 * Test hook: fail (or cancel) at a step. kind: target | link | van | cancel | digest |
 * lostreply | lostcommit; 'hold' (step 'pass'): once that pass's pages are sent, the
 * transfer stalls, as on a congested link, until the relocation is cancelled or the
 * migrator has an interrupt pending (a special message for the van), at most 30 s — so a
 * test can act while the move is certainly in flight, without sleeping.
 */
export interface FaultPlan {
  step: Step;
  pass?: number;
  kind: 'target' | 'link' | 'van' | 'cancel' | 'digest' | 'lostreply' | 'lostcommit' | 'hold';
}

/** How long a 'hold' fault waits at most (ms). */
const HOLD_MS = 30_000;

export class MigrationFailed extends Error {}

export interface MigrationResult {
  ok: boolean;
  reason?: string;
  passes: PassStat[];
  pagesSent: number;
  guestPages: number;
  totalMs: number;
  quiesceMs: number;
  digest?: string;
  counterAtStun?: number;
}

/** pages re-read from memory for the digest at stun (see PageFingerprints.digest) */
export const DIGEST_SAMPLE = 4096;
const BATCH = 256; // pages per ISFC message (1 MiB)
const WINDOW = 4; // messages in flight

/** Relocations in progress in this process, by user ID. */
export const relocations = new Map<string, OutwardMigration>();

export class OutwardMigration {
  readonly started = Date.now();
  readonly node: IsfcNode;
  readonly tracker: ChangeTracker;
  readonly sent: Uint8Array;
  /** fingerprints of the pages as sent (the digest is built from them at stun) */
  readonly prints: PageFingerprints;
  readonly passes: PassStat[] = [];
  config?: GuestConfig;
  status = 'Eligibility check';
  cancelRequested = '';
  pending: number[] = [];
  stunnedAt = 0;
  wasStopped = false;
  state?: GuestState;
  digest?: string;
  pagesSent = 0;
  throttle = 0;
  done = false;
  fault?: FaultPlan;
  /** the service machine driving it step by step (Migration DIAGNOSE), if any */
  owner = '';
  /** progress: a percentage that never runs backwards */
  private pct = 0;
  /** bytes/ms measured while sending */
  bandwidth = 0;

  private cancelWake: (e: Error) => void = () => undefined;
  /** rejects when the relocation is cancelled: every wait on the destination races it */
  private readonly cancelled = new Promise<never>((_, reject) => (this.cancelWake = reject));

  /** An ISFC request to the destination that a CANCEL interrupts. */
  private req(type: string, body: unknown, data?: Uint8Array, timeoutMs?: number) {
    this.checkCancel();
    return Promise.race([this.node.request(this.dest, type, body, data, timeoutMs), this.cancelled]);
  }

  constructor(
    readonly vm: VirtualMachine,
    readonly dest: string,
    readonly opts: MoveOptions,
    readonly progress: (line: string) => void = () => undefined,
  ) {
    this.cancelled.catch(() => undefined);
    this.node = isfcNode(vm.system);
    this.tracker = new ChangeTracker(vm.storage);
    this.sent = new Uint8Array(vm.storage.pages);
    this.prints = new PageFingerprints(vm.storage.pages);
  }

  get source(): CpSystem {
    return this.vm.system;
  }
  get userid(): string {
    return this.vm.userid;
  }

  // ----- eligibility --------------------------------------------------------------------

  /** Reasons the guest cannot move (nothing is changed). */
  async check(): Promise<Reason[]> {
    const cluster = this.source.cluster;
    if (!cluster.systems.has(this.dest) && cluster.config.systems.some((s) => s.name === this.dest) && !this.node.isUp(this.dest)) {
      // the destination runs in another process: bring up ISFC over TCP and give the link a moment
      await ensureIsfcTcp(cluster, { retryMs: 250 });
      for (let i = 0; i < 20 && !this.node.isUp(this.dest); i++) await new Promise((res) => setTimeout(res, 100));
    }
    const r = localReasons(this.vm, this.dest);
    if (r.some((x) => x.id === 'HCPRLE1941I' || x.id === 'HCPRLE1942I')) return r;
    const config = getGuestConfig(this.vm);
    const local = this.source.cluster.systems.get(this.dest);
    if (local) return [...r, ...targetReasons(local, config, this.opts.force ?? [])];
    try {
      const rep = await this.node.request(this.dest, 'mig.check', { config, force: this.opts.force ?? [] }, undefined, 10_000);
      return [...r, ...(rep.body as { reasons: Reason[] }).reasons];
    } catch (e) {
      return [...r, { id: 'HCPRLE1941I', inserts: [this.userid, this.dest] }];
    }
  }

  // ----- the Migration DIAGNOSE functions ------------------------------------------------

  /** Begin outward migration: the destination builds the guest (set configuration). */
  async begin(): Promise<Reason[]> {
    this.checkFault('begin');
    this.config = getGuestConfig(this.vm);
    const rep = await this.req('mig.begin', { config: this.config, force: this.opts.force ?? [] });
    const reasons = (rep.body as { reasons: Reason[] }).reasons;
    if (reasons.length === 0) this.status = 'Moving Memory';
    return reasons;
  }

  /** Retrieve migration change bits: the pages to send next (kept for sendPending). */
  retrieveChangeBits(): number {
    const fresh = this.tracker.retrieve();
    if (this.pending.length === 0) this.pending = fresh;
    else {
      // pages retrieved earlier and not sent yet stay in the set
      const mark = new Uint8Array(this.vm.storage.pages);
      for (const p of this.pending) mark[p] = 1;
      for (const p of fresh) if (!mark[p]) this.pending.push(p);
    }
    return this.pending.length;
  }

  /**
   * Send the pages of the last retrieval (bulk, native: one ISFC message per 256 pages, 4 in
   * flight). `interrupt` is the migrator's pending-interrupt test (a moving van with a
   * special message waiting): the transfer then returns early, as an interruptible
   * DIAGNOSE does, with the pages not sent kept for the next call — so the van can act on
   * the message (a CANCEL) without waiting for the whole pass.
   */
  async sendPending(interrupt?: () => boolean): Promise<number> {
    const pages = this.pending;
    this.pending = [];
    const t0 = performance.now();
    let next = 0;
    let sent = 0;
    const sendOne = async (): Promise<void> => {
      while (next < pages.length && !interrupt?.()) {
        this.checkCancel();
        const chunk = pages.slice(next, next + BATCH);
        next += BATCH;
        const data = copyPages(this.vm.storage, chunk);
        this.prints.take(chunk, new Int32Array(data.buffer, 0, data.length >>> 2), false);
        await this.req('mig.pages', { userid: this.userid, pages: chunk }, data);
        for (const p of chunk) this.sent[p] = 1;
        this.pagesSent += chunk.length;
        sent += chunk.length;
      }
    };
    await Promise.all(Array.from({ length: Math.min(WINDOW, Math.ceil(pages.length / BATCH)) }, sendOne));
    // interrupted: what was not taken stays for the next call (before any later retrieval)
    if (next < pages.length) this.pending = pages.slice(next);
    const ms = performance.now() - t0;
    if (sent >= 64 && ms > 0) {
      const bw = (sent * PAGE_SIZE) / ms;
      this.bandwidth = this.bandwidth ? (this.bandwidth + bw) / 2 : bw;
    }
    await this.holdIfPlanned(interrupt);
    return sent;
  }

  /** The 'hold' test fault: stall after this pass until cancelled or interrupted. */
  private async holdIfPlanned(interrupt?: () => boolean): Promise<void> {
    const f = this.fault;
    if (!f || f.kind !== 'hold' || f.step !== 'pass' || (f.pass !== undefined && f.pass !== this.passes.length + 1)) return;
    this.fault = undefined;
    const t0 = Date.now();
    while (!this.cancelRequested && !interrupt?.() && Date.now() - t0 < HOLD_MS) await new Promise((res) => setTimeout(res, 10));
    this.checkCancel();
  }

  /** Stun the guest: its virtual CPU parks and stores nothing more. */
  async stun(): Promise<void> {
    this.checkFault('stun');
    this.wasStopped = this.vm.guest?.stopped ?? false;
    this.stunnedAt = performance.now();
    this.status = 'Quiesced';
    if (!(await stunGuest(this.vm))) throw new MigrationFailed('the guest did not quiesce');
  }

  getState(): GuestState {
    this.state = getGuestState(this.vm);
    // memory at stun: every page's fingerprint as sent, up to DIGEST_SAMPLE of them taken again
    // from the (stunned) memory now — all of them for a guest of up to 16 MiB in use
    this.digest = this.prints.digest(this.state, { storage: this.vm.storage, sample: DIGEST_SAMPLE });
    return this.state;
  }

  /** Send the guest state and the digest; the destination checks the digest. */
  async sendState(): Promise<void> {
    this.checkFault('state');
    const rep = await this.req('mig.state', {
      userid: this.userid,
      state: this.state,
      digest: this.digest,
      corrupt: this.fault?.kind === 'digest' ? true : undefined,
    });
    const b = rep.body as { match: boolean; digest: string };
    if (!b.match) throw new MigrationFailed(`memory digest mismatch (source ${this.digest!.slice(0, 16)}, destination ${b.digest.slice(0, 16)})`);
  }

  /** Restore guest state on the destination and start it there; then the source copy goes. */
  async commit(): Promise<void> {
    this.checkFault('restore');
    this.checkQuiesce();
    this.checkCancel();
    const links = this.source.cluster.store.linksOf(this.source.name, this.userid).map(({ vdev, owner, ownerVdev, access, mode }) => ({ vdev, owner, ownerVdev, access, mode }));
    this.status = 'Resuming';
    // no link: the commit cannot go out, so nothing is in doubt
    if (!this.node.isUp(this.dest)) throw new MigrationFailed('ISFC link to the destination is down');
    this.committing = true;
    const f = this.fault;
    const lose = f && f.step === 'restore' && (f.kind === 'lostreply' || f.kind === 'lostcommit') ? f.kind : undefined;
    if (lose) this.fault = undefined;
    try {
      const sent = this.node.request(this.dest, 'mig.commit', { userid: this.userid, links }, undefined, lose === 'lostreply' ? 500 : undefined);
      if (lose === 'lostcommit') this.node.deactivate(this.dest); // the link fails before the commit arrives
      if (lose === 'lostreply') {
        // the commit arrives, its answer is lost
        this.node.blackhole.add(this.dest);
        setTimeout(() => this.node.blackhole.delete(this.dest), 700).unref?.();
      }
      await sent;
    } catch (e) {
      if (!(e instanceof IsfcError) || (e.code !== 'LINKDOWN' && e.code !== 'TIMEOUT')) throw e;
      // in doubt: did the destination start the guest? Ask it; until it answers, nothing runs
      const running = await this.resolveInDoubt(lose === 'lostcommit' ? () => linkAgain(this) : undefined);
      if (running === false) throw new MigrationFailed(`the commit did not reach ${this.dest}`);
      if (running === undefined) {
        this.inDoubt = true;
        throw new MigrationFailed(`in doubt: ${this.dest} did not answer after the commit`);
      }
    }
    this.resumedAt = performance.now(); // the guest runs on the destination: the quiesce ends
    this.committed = true;
    await removeSourceCopy(this.vm, this.dest);
    this.checkFault('resume');
  }
  committing = false;
  committed = false;
  /** the commit went out and nobody can say whether it arrived: the source copy stays stopped */
  inDoubt = false;

  /** Ask the destination whether it runs the guest (up to 10 s): true, false, or undefined (no answer). */
  private async resolveInDoubt(reconnect?: () => void): Promise<boolean | undefined> {
    const t0 = Date.now();
    reconnect?.();
    while (Date.now() - t0 < 10_000) {
      if (this.node.isUp(this.dest)) {
        try {
          const r = await this.node.request(this.dest, 'mig.query', { userid: this.userid }, undefined, 2000);
          return (r.body as { running: boolean }).running;
        } catch {
          /* ask again */
        }
      }
      await new Promise((res) => setTimeout(res, 100));
    }
    return undefined;
  }
  resumedAt = 0;

  /** Abort: the destination drops its copy; the guest runs on here. */
  async abort(reason: string): Promise<void> {
    this.status = 'Cancelled';
    if (this.committed) return;
    setThrottle(this.vm, 0);
    if (this.inDoubt) return; // never two running copies: this one stays stopped
    if (this.stunnedAt) unstunGuest(this.vm, this.wasStopped);
    // the destination removes its half-built copy (if the link is down, it does so on link-down)
    await this.node.request(this.dest, 'mig.abort', { userid: this.userid, reason }, undefined, 5000).catch(() => undefined);
  }

  // ----- the whole relocation ---------------------------------------------------------------

  async run(): Promise<MigrationResult> {
    const o = this.opts;
    const maxQ = o.maxQuiesceMs ?? 10_000;
    const goal = o.downtimeGoalMs ?? 20;
    const maxPasses = o.maxPasses ?? 30;
    let stall = 0;
    let prevDirty = Infinity;
    relocations.set(this.userid, this);
    try {
      const reasons = await this.begin();
      if (reasons.length) throw new MigrationFailed(reasons.map((r) => cpMessage(r.id, ...r.inserts).text).join('; '));
      let count = this.retrieveChangeBits();
      for (let pass = 1; ; pass++) {
        this.checkFault('pass', pass);
        const t0 = performance.now();
        const sent = await this.sendPending();
        count = this.retrieveChangeBits();
        const ms = performance.now() - t0;
        this.passes.push({ pass, sent, dirty: count, ms, throttle: this.throttle, stunned: false });
        this.report(pass, sent, count, ms);
        this.checkTotal();
        const bwPagesPerMs = this.bandwidth / PAGE_SIZE || 50;
        const fits = count <= Math.max(64, bwPagesPerMs * goal);
        if (fits || o.immediate || pass >= maxPasses) break;
        if (count >= prevDirty * 0.9) stall++;
        else stall = 0;
        prevDirty = Math.min(prevDirty, count);
        if (stall >= 2) {
          if (o.throttle !== false && this.throttle < 99) {
            this.throttle = this.throttle === 0 ? 20 : Math.min(99, this.throttle + 10);
            setThrottle(this.vm, this.throttle);
            this.progress(`Relocation of ${this.userid}: memory is not converging; guest throttled to ${100 - this.throttle}% CPU`);
            stall = 1;
            continue;
          }
          break; // not shrinking and nothing more to try: stop iterating
        }
      }
      // stop and copy, unless it would overshoot MAXQUIESCE
      const estimate = (this.pending.length * PAGE_SIZE) / (this.bandwidth || 50 * PAGE_SIZE);
      if (estimate > maxQ) throw new MigrationFailed(`estimated quiesce time ${(estimate / 1000).toFixed(3)} s exceeds MAXQUIESCE ${(maxQ / 1000).toFixed(3)} s`);
      await this.stun();
      this.retrieveChangeBits();
      const t0 = performance.now();
      const last = await this.sendPending();
      this.checkQuiesce();
      this.getState();
      await this.sendState();
      this.passes.push({ pass: this.passes.length + 1, sent: last, dirty: 0, ms: performance.now() - t0, throttle: this.throttle, stunned: true });
      this.report(this.passes.length, last, 0, performance.now() - t0, true);
      await this.commit();
      const quiesceMs = performance.now() - this.stunnedAt;
      this.done = true;
      this.status = 'Done';
      return this.result(true, undefined, quiesceMs);
    } catch (e) {
      const reason = describe(e);
      if (this.committed) {
        // the guest runs on the destination: the move happened; only the aftermath failed
        this.done = true;
        return this.result(true, undefined, performance.now() - this.stunnedAt);
      }
      await this.abort(reason);
      this.done = true;
      return this.result(false, reason, this.stunnedAt ? performance.now() - this.stunnedAt : 0);
    } finally {
      if (relocations.get(this.userid) === this) relocations.delete(this.userid);
      setThrottle(this.vm, 0);
    }
  }

  /** A pass driven from outside (the moving vans): sent pages and what is dirty now. */
  recordPass(sent: number, ms: number): PassStat {
    const st = { pass: this.passes.length + 1, sent, dirty: this.tracker.peekCount(), ms, throttle: this.throttle, stunned: this.stunnedAt > 0 };
    this.passes.push(st);
    return st;
  }

  summary(ok: boolean, reason?: string): MigrationResult {
    return this.result(ok, reason, this.stunnedAt ? performance.now() - this.stunnedAt : 0);
  }

  private result(ok: boolean, reason: string | undefined, quiesceMs: number): MigrationResult {
    return {
      ok,
      reason,
      passes: this.passes,
      pagesSent: this.pagesSent,
      guestPages: this.vm.storage.pages,
      totalMs: Date.now() - this.started,
      quiesceMs: this.stunnedAt ? (this.resumedAt ? this.resumedAt - this.stunnedAt : quiesceMs) : 0,
      digest: this.digest,
      counterAtStun: this.state?.counter,
    };
  }

  private report(pass: number, sent: number, dirty: number, ms: number, final = false): void {
    // progress: pages sent over (sent + still dirty), never going backwards
    const total = this.pagesSent + dirty;
    const pct = final ? 100 : Math.min(99, Math.floor((100 * this.pagesSent) / Math.max(1, total)));
    this.pct = Math.max(this.pct, pct);
    this.progress(
      `Relocation of ${this.userid} pass ${pass}${final ? ' (quiesced)' : ''}: ${sent} pages sent, ${dirty} still dirty, ${(ms / 1000).toFixed(3)} s, ${this.pct}%`,
    );
  }

  /** CANCEL (VMRELOCATE CANCEL, the requester, a van). */
  cancel(why = 'cancelled by request'): void {
    if (this.committing || this.cancelRequested) return;
    this.cancelRequested = why;
    this.cancelWake(new MigrationFailed(why));
  }

  private checkCancel(): void {
    if (this.cancelRequested) throw new MigrationFailed(this.cancelRequested);
  }

  private checkTotal(): void {
    const t = this.opts.maxTotalMs;
    if (t !== undefined && Date.now() - this.started > t) throw new MigrationFailed(`MAXTOTAL ${(t / 1000).toFixed(3)} s exceeded`);
    this.checkCancel();
  }

  private checkQuiesce(): void {
    const q = this.opts.maxQuiesceMs ?? 10_000;
    if (this.stunnedAt && performance.now() - this.stunnedAt > q) throw new MigrationFailed(`MAXQUIESCE ${(q / 1000).toFixed(3)} s would be exceeded`);
    this.checkTotal();
  }

  private checkFault(step: Step, pass?: number): void {
    this.checkCancel();
    const f = this.fault;
    if (!f || f.step !== step || (f.pass !== undefined && f.pass !== pass)) return;
    this.fault = undefined;
    switch (f.kind) {
      case 'cancel':
        this.cancel('cancelled by request');
        return this.checkCancel();
      case 'link':
        this.node.deactivate(this.dest);
        return;
      case 'target':
        throw new MigrationFailed(`destination ${this.dest} failed`);
      case 'van':
        throw new MigrationFailed('moving van MVVAN2 failed');
      case 'digest':
      case 'lostreply':
      case 'lostcommit':
      case 'hold':
        this.fault = f; // acted on in sendState / commit / sendPending
        return;
    }
  }
}

function describe(e: unknown): string {
  if (e instanceof IsfcError) {
    if (e.code === 'LINKDOWN') return `ISFC link to the destination is down`;
    if (e.code === 'TIMEOUT') return `the destination did not answer`;
    return `the destination failed: ${e.message}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Test hook for 'lostcommit': the in-memory link comes back a moment later. */
function linkAgain(m: OutwardMigration): void {
  const other = m.source.cluster.systems.get(m.dest);
  if (other) setTimeout(() => linkInMemory(m.node, isfcNode(other)), 100).unref?.();
}

/** Checks that need only the source. */
export function localReasons(vm: VirtualMachine, dest: string): Reason[] {
  const u = vm.userid;
  const r: Reason[] = [];
  const cluster = vm.system.cluster;
  if (dest === vm.system.name) return [{ id: 'HCPRLE1942I', inserts: [u, dest] }];
  const linked = cluster.config.isfcLinks.some(([a, b]) => (a === vm.system.name && b === dest) || (b === vm.system.name && a === dest));
  if (!linked || !isfcNode(vm.system).isUp(dest)) return [{ id: 'HCPRLE1941I', inserts: [u, dest] }];
  if (relocations.has(u)) r.push({ id: 'HCPRLL1954I', inserts: [u] });
  for (const d of vm.devices.values()) {
    if (d.type !== 'DASD') continue;
    const v = d.vdev.toString(16).toUpperCase().padStart(4, '0');
    if (d.origin === 'DEDICATED') r.push({ id: 'HCPRLI1950I', inserts: [u, v] });
    if (d.origin === 'TDISK') r.push({ id: 'HCPRLI1952I', inserts: [u, v] });
  }
  const prog = vm.guest?.program;
  if (prog && prog !== 'LINUX') r.push({ id: 'HCPRLL1955I', inserts: [u, prog] });
  void systemProfile;
  return r;
}

/** The source copy of a relocated guest goes away (it never ran again after the stun). */
export async function removeSourceCopy(vm: VirtualMachine, dest: string): Promise<void> {
  const system = vm.system;
  const cluster = system.cluster;
  await vm.resetGuest();
  for (const l of cluster.store.linksOf(system.name, vm.userid)) cluster.store.removeLink(system.name, vm.userid, l.vdev);
  system.vms.delete(vm.userid);
  try {
    cluster.cse.release(vm.userid, system.name);
    const other = cluster.systems.get(dest);
    if (other?.vms.has(vm.userid)) cluster.cse.claim(vm.userid, dest);
  } catch {
    /* advisory */
  }
  vm.loggedOff = true;
  const t = vm.terminal;
  vm.terminal = null;
  if (t) {
    t.write(`Your virtual machine has been relocated to ${dest}; reconnect there.`);
    t.release();
  }
  system.operatorLine(`USER DSC   LOGOFF AS  ${vm.userid.padEnd(8)} USERS = ${system.vms.size}    RELOCATED TO ${dest}`);
}
