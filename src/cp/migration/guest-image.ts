/**
 * What moves with a guest besides its pages (LIVE-GUEST-MIGRATION.md "Migration
 * DIAGNOSE": get/set guest configuration, get/restore guest state), the change
 * tracking of its storage, and the integrity digest.
 *
 * Configuration: everything the target must rebuild — storage size, virtual devices
 * and their state (console, spool devices and open files, minidisk links and modes,
 * NIC), CPU and architecture features, SET options, privilege classes, the IPLed system.
 * State: the virtual CPU (the program it runs, its PARM, the counter word, throttle) and
 * pending interrupts (special messages and console lines not yet read).
 */
import { createHash } from 'node:crypto';
import { CTL_COUNTER, CTL_KILL, CTL_PARKED, CTL_STOP, CTL_THROTTLE } from '../../common/channel.js';

let stunGeneration = 0;
const ZERO_PAGE = Buffer.alloc(PAGE_SIZE);
import type { VirtualDevice } from '../guest/devices.js';
import type { SmsgItem, VirtualMachine, VmSettings } from '../guest/virtual-machine.js';
import { PAGE_SHIFT, PAGE_SIZE, type GuestStorage } from '../storage/guest-storage.js';
import type { LinkRecord } from '../store/store.js';
import type { CpSystem } from '../system.js';

/** Architecture facilities every system of this emulation offers (a target may lack some: see setSystemProfile). */
export const DEFAULT_FACILITIES = ['ESA390', 'ZARCH', 'DFP', 'EXTIMM', 'GIEF', 'VX'];

export interface SystemProfile {
  /** CP level: a target accepts guests from systems at its level or lower */
  cpLevel: number;
  cpLevelName: string;
  facilities: string[];
  /** largest guest storage the system accepts (bytes) */
  maxGuestStorage: number;
  /** DASD volumes the system can reach (undefined: every volume of SYSTEM CONFIG) */
  volumes?: string[];
}

const profiles = new WeakMap<CpSystem, Partial<SystemProfile>>();

/** Override a system's profile (tests, and systems that differ from the default). */
export function setSystemProfile(system: CpSystem, p: Partial<SystemProfile>): void {
  profiles.set(system, { ...profiles.get(system), ...p });
}

export function systemProfile(system: CpSystem): SystemProfile {
  const p = profiles.get(system) ?? {};
  return {
    cpLevel: p.cpLevel ?? 730,
    cpLevelName: p.cpLevelName ?? `7.3.0`,
    facilities: p.facilities ?? DEFAULT_FACILITIES,
    maxGuestStorage: p.maxGuestStorage ?? 64 * 1024 ** 3,
    volumes: p.volumes,
  };
}

export interface GuestConfig {
  userid: string;
  storageSize: number;
  classes: string;
  settings: VmSettings;
  machine: { mode: string; maxCpus: number };
  /** the facilities the guest was started with (those of its system) */
  facilities: string[];
  cpLevel: number;
  cpLevelName: string;
  devices: VirtualDevice[];
  links: LinkRecord[];
  iplName: string;
  byAutolog: string;
  /** volumes holding the guest's minidisks */
  volumes: { vdev: number; volser: string }[];
}

export interface GuestState {
  program: string;
  parm: string;
  counter: number;
  inCp: boolean;
  smsgQueue: SmsgItem[];
  typeAhead: string[];
  ioCount: number;
}

export function getGuestConfig(vm: VirtualMachine): GuestConfig {
  const prof = systemProfile(vm.system);
  const devices = JSON.parse(JSON.stringify([...vm.devices.values()])) as VirtualDevice[];
  return {
    userid: vm.userid,
    storageSize: vm.storage.size,
    classes: vm.classes,
    settings: { ...vm.settings },
    machine: { ...vm.entry.machine },
    facilities: prof.facilities,
    cpLevel: prof.cpLevel,
    cpLevelName: prof.cpLevelName,
    devices,
    links: vm.system.cluster.store.linksOf(vm.system.name, vm.userid),
    iplName: vm.iplName,
    byAutolog: vm.byAutolog,
    volumes: devices.flatMap((d) => (d.type === 'DASD' && (d.origin === 'MDISK' || d.origin === 'LINK') ? [{ vdev: d.vdev, volser: d.volser }] : [])),
  };
}

/** Rebuild configuration on a (not yet running) virtual machine on the target. */
export function setGuestConfig(vm: VirtualMachine, c: GuestConfig): void {
  if (vm.storage.size !== c.storageSize) vm.redefineStorage(c.storageSize);
  vm.classes = c.classes;
  Object.assign(vm.settings, c.settings);
  vm.devices.clear();
  for (const d of c.devices) vm.devices.set(d.vdev, d);
  vm.iplName = c.iplName;
  vm.byAutolog = c.byAutolog;
}

export function getGuestState(vm: VirtualMachine): GuestState {
  const g = vm.guest;
  return {
    program: g?.program ?? '',
    parm: g?.parm ?? '',
    counter: g ? g.counter : 0,
    inCp: vm.inCp,
    smsgQueue: [...vm.smsgQueue],
    typeAhead: [...vm.typeAhead],
    ioCount: vm.ioCount,
  };
}

/** Restore the state and start the virtual CPU where it stopped. */
export async function restoreGuestState(vm: VirtualMachine, s: GuestState): Promise<void> {
  vm.smsgQueue.push(...s.smsgQueue);
  vm.typeAhead.push(...s.typeAhead);
  vm.ioCount = s.ioCount;
  if (s.program) {
    // the program resumes from its state in memory (the Linux-like workload: PARM ... RESUME)
    await vm.ipl(s.program, s.program === 'LINUX' ? `${s.parm.replace(/\s*\bRESUME\b/gi, '')} RESUME`.trim() : s.parm);
    if (vm.guest) Atomics.store(vm.guest.ctl, CTL_COUNTER, s.counter | 0);
    vm.inCp = s.inCp;
  }
}

// ----- stun ------------------------------------------------------------------------------------

/** Stop the guest's virtual CPU and wait until it is parked (it stores nothing more). */
export async function stunGuest(vm: VirtualMachine, timeoutMs = 2000): Promise<boolean> {
  const g = vm.guest;
  if (!g) return true;
  // a fresh STOP value: the guest echoes it in PARKED once it is parked on it
  const gen = 2 + (stunGeneration++ % 1_000_000);
  Atomics.store(g.ctl, CTL_STOP, gen);
  Atomics.notify(g.ctl, CTL_STOP);
  Atomics.notify(g.ctl, CTL_KILL); // ends a guest's short sleep early, so it parks now
  const t0 = Date.now();
  while (Atomics.load(g.ctl, CTL_PARKED) !== gen) {
    if (!g.alive) return true;
    if (Date.now() - t0 > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 0));
    Atomics.notify(g.ctl, CTL_KILL);
  }
  return true;
}

/** Let the guest run again (wasStopped: it was stopped before the stun, e.g. SET RUN OFF in CP READ). */
export function unstunGuest(vm: VirtualMachine, wasStopped = false): void {
  const g = vm.guest;
  if (!g) return;
  setThrottle(vm, 0);
  g.setStopped(wasStopped);
}

export function setThrottle(vm: VirtualMachine, percent: number): void {
  if (vm.guest) Atomics.store(vm.guest.ctl, CTL_THROTTLE, percent);
}

// ----- change tracking -------------------------------------------------------------------------

/**
 * Migration change bits over a guest's storage (DESIGN.md §3): the first retrieval
 * returns every non-zero page and resets the bits; later ones the pages changed since.
 * Bits are cleared with Atomics.exchange before the pages are copied, so a page
 * written during a copy is sent again.
 */
export class ChangeTracker {
  private first = true;
  constructor(readonly storage: GuestStorage) {}

  retrieve(): number[] {
    const bits = this.storage.bits;
    const out: number[] = [];
    if (this.first) {
      this.first = false;
      for (let i = 0; i < bits.length; i++) Atomics.exchange(bits, i, 0);
      // native compares against a zero page (memcmp): a 2 GiB sparse guest is scanned quickly
      const buf = Buffer.from(this.storage.bytes.buffer, 0, this.storage.size);
      for (let p = 0; p < this.storage.pages; p++) if (buf.compare(ZERO_PAGE, 0, PAGE_SIZE, p * PAGE_SIZE, (p + 1) * PAGE_SIZE) !== 0) out.push(p);
      return out;
    }
    for (let i = 0; i < bits.length; i++) {
      let word = Atomics.exchange(bits, i, 0);
      while (word !== 0) {
        const b = 31 - Math.clz32(word & -word);
        out.push(i * 32 + b);
        word &= word - 1;
      }
    }
    return out;
  }

  /** Count of pages changed since the last retrieval, without clearing. */
  peekCount(): number {
    let n = 0;
    const bits = this.storage.bits;
    for (let i = 0; i < bits.length; i++) {
      let w = Atomics.load(bits, i);
      while (w !== 0) {
        w &= w - 1;
        n++;
      }
    }
    return n;
  }
}

/** Copy pages out of storage into one buffer (bulk, native). */
export function copyPages(storage: GuestStorage, pages: number[]): Uint8Array {
  const out = new Uint8Array(pages.length * PAGE_SIZE);
  const src = storage.bytes;
  for (let i = 0; i < pages.length; i++) {
    const off = pages[i]! << PAGE_SHIFT;
    out.set(src.subarray(off, off + PAGE_SIZE), i * PAGE_SIZE);
  }
  return out;
}

/** Store received pages (the target's copy: it runs nothing yet, so no change bits). */
export function storePages(storage: GuestStorage, pages: number[], data: Uint8Array): void {
  const dst = storage.bytes;
  for (let i = 0; i < pages.length; i++) dst.set(data.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE), pages[i]! << PAGE_SHIFT);
}

/** 64-bit fingerprint of one 4 KiB page (two 32-bit lanes over its words): lo, hi. */
export function pageFingerprint(words: Int32Array, base: number): [number, number] {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9747b28c | 0;
  for (let i = base, e = base + (PAGE_SIZE >>> 2); i < e; i++) {
    const w = words[i]!;
    h1 = Math.imul(h1 ^ w, 0x01000193);
    h2 = Math.imul(h2 + w, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return [h1 >>> 0, h2 >>> 0];
}

/** Per-page fingerprints of the pages one side holds: taken as pages are sent or stored. */
export class PageFingerprints {
  readonly present: Uint8Array;
  readonly lo: Uint32Array;
  readonly hi: Uint32Array;
  constructor(pages: number) {
    this.present = new Uint8Array(pages);
    this.lo = new Uint32Array(pages);
    this.hi = new Uint32Array(pages);
  }
  /** Record pages[k] from words at page slot k*1024 + offset (a copy buffer or the storage itself). */
  take(pages: number[], words: Int32Array, fromStorage: boolean): void {
    for (let k = 0; k < pages.length; k++) {
      const p = pages[k]!;
      const [a, b] = pageFingerprint(words, (fromStorage ? p : k) * (PAGE_SIZE >>> 2));
      this.present[p] = 1;
      this.lo[p] = a;
      this.hi[p] = b;
    }
  }
  /**
   * The digest: SHA-256 over every present page's number and fingerprint, and the state.
   * `live` (the source at stun): re-fingerprint up to `sample` present pages from memory as
   * it is now — a page changed without its change bit then breaks the digest.
   */
  digest(state: GuestState, live?: { storage: GuestStorage; sample: number }): string {
    const h = createHash('sha256');
    const n = this.present.length;
    let count = 0;
    for (let p = 0; p < n; p++) if (this.present[p]) count++;
    const step = live ? Math.max(1, Math.ceil(count / live.sample)) : 0;
    const words = live ? new Int32Array(live.storage.bytes.buffer, 0, live.storage.size >>> 2) : undefined;
    const rec = new Uint32Array(3 * 1024);
    let r = 0;
    let seen = 0;
    for (let p = 0; p < n; p++) {
      if (!this.present[p]) continue;
      let a = this.lo[p]!;
      let b = this.hi[p]!;
      if (words && seen++ % step === 0) [a, b] = pageFingerprint(words, p * (PAGE_SIZE >>> 2));
      rec[r++] = p;
      rec[r++] = a;
      rec[r++] = b;
      if (r === rec.length) {
        h.update(rec);
        r = 0;
      }
    }
    h.update(rec.subarray(0, r));
    h.update(JSON.stringify({ program: state.program, parm: state.parm, counter: state.counter }));
    return h.digest('hex');
  }
}

/**
 * Digest of a guest's memory and state: SHA-256 over every page in `present` (the pages
 * ever sent / received — all others are zero on both sides), in page order, and the state.
 */
export function memoryDigest(storage: GuestStorage, present: Uint8Array, state: GuestState): string {
  const h = createHash('sha256');
  const bytes = storage.bytes;
  let runStart = -1;
  for (let p = 0; p <= storage.pages; p++) {
    const on = p < storage.pages && present[p] === 1;
    if (on && runStart < 0) runStart = p;
    if (!on && runStart >= 0) {
      h.update(bytes.subarray(runStart << PAGE_SHIFT, p << PAGE_SHIFT));
      h.update(`|${runStart}-${p}|`);
      runStart = -1;
    }
  }
  h.update(JSON.stringify({ program: state.program, parm: state.parm, counter: state.counter }));
  return h.digest('hex');
}
