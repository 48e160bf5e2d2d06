/**
 * The inward side of a live migration, on the destination system: ISFC requests from
 * the source system build the guest (not running, not yet logged on: invisible to
 * QUERY), receive its pages, check the digest, and — on commit only — log it on and
 * start it. A half-built guest is removed on abort, on a failed check, or when the
 * ISFC link to its source goes down before the commit.
 *
 * Message types (ISFC, body fields):
 *   mig.check  {config, force}          → {reasons: Reason[]}
 *   mig.begin  {config, force}          → {reasons} (empty: the incoming guest exists)
 *   mig.pages  {userid, pages} + data   → {stored}
 *   mig.state  {userid, state, digest}  → {digest, match}
 *   mig.commit {userid}                 → {ok}   (the guest is logged on here and runs)
 *   mig.abort  {userid, reason}         → {ok}
 */
import { handleGuestRequest } from '../guest/services.js';
import { VirtualMachine } from '../guest/virtual-machine.js';
import { formatStorageSize } from '../directory/model.js';
import { type IsfcNode, onIsfcNode } from '../isfc/isfc.js';
import type { CpSystem } from '../system.js';
import { type GuestConfig, type GuestState, PageFingerprints, restoreGuestState, setGuestConfig, systemProfile } from './guest-image.js';

export interface Reason {
  id: string;
  inserts: (string | number)[];
}

export type ForceOption = 'ARCHITECTURE' | 'STORAGE' | 'DOMAIN';

interface Incoming {
  userid: string;
  from: string;
  vm: VirtualMachine;
  prints: PageFingerprints;
  pagesReceived: number;
  state?: GuestState;
  digestOk: boolean;
  committed: boolean;
}

const incoming = new WeakMap<CpSystem, Map<string, Incoming>>();

export function incomingOf(system: CpSystem): Map<string, Incoming> {
  let m = incoming.get(system);
  if (!m) incoming.set(system, (m = new Map()));
  return m;
}

/** Test hook: make the destination fail at a step ('begin' | 'pages' | 'state' | 'commit'). */
export const targetFaults = new Map<string, string>();

/** What the destination says about a guest that would arrive (the reasons it cannot). */
export function targetReasons(system: CpSystem, c: GuestConfig, force: ForceOption[]): Reason[] {
  const r: Reason[] = [];
  const prof = systemProfile(system);
  const u = c.userid;
  if (system.vms.has(u) || (() => { try { const loc = system.cluster.cse.locate(u); return loc !== undefined && loc.system === system.name; } catch { return false; } })())
    r.push({ id: 'HCPRLL1953I', inserts: [u, system.name] });
  if (incomingOf(system).has(u)) r.push({ id: 'HCPRLL1954I', inserts: [u] });
  if (c.storageSize > prof.maxGuestStorage && !force.includes('STORAGE'))
    r.push({ id: 'HCPRLE1945I', inserts: [u, formatStorageSize(c.storageSize), formatStorageSize(prof.maxGuestStorage), system.name] });
  const missing = c.facilities.filter((f) => !prof.facilities.includes(f));
  if (missing.length && !force.includes('ARCHITECTURE')) r.push({ id: 'HCPRLE1944I', inserts: [u, missing.join(' '), system.name] });
  if (c.cpLevel > prof.cpLevel) r.push({ id: 'HCPRLE1946I', inserts: [u, system.name, prof.cpLevelName, '(source)', c.cpLevelName] });
  const vols = prof.volumes ?? [...system.cluster.config.volumes.keys()];
  for (const v of c.volumes) if (!vols.includes(v.volser)) r.push({ id: 'HCPRLI1951I', inserts: [u, v.vdev.toString(16).toUpperCase().padStart(4, '0'), v.volser, system.name] });
  if (!system.cluster.directoryFor?.(system.name)?.users.has(u) && !system.cluster.directory.users.has(u))
    r.push({ id: 'HCPRLL1953I', inserts: [u, `${system.name} (not in its directory)`] });
  return r;
}

function fault(system: CpSystem, step: string): void {
  const f = targetFaults.get(`${system.name}:${step}`) ?? targetFaults.get(step);
  if (f) throw new Error(f);
}

/** Remove a half-built incoming guest (never one that has been committed). */
export function discardIncoming(system: CpSystem, userid: string): void {
  const m = incomingOf(system);
  const inc = m.get(userid);
  if (!inc || inc.committed) return;
  m.delete(userid);
  void inc.vm.resetGuest();
}

function setup(system: CpSystem, node: IsfcNode): void {
  const get = (userid: string, from: string): Incoming => {
    const inc = incomingOf(system).get(userid);
    if (!inc || inc.from !== from) throw new Error(`no inward migration of ${userid} from ${from} on ${system.name}`);
    return inc;
  };
  node.handle('mig.check', (m) => {
    const b = m.body as { config: GuestConfig; force: ForceOption[] };
    return { reasons: targetReasons(system, b.config, b.force) };
  });
  node.handle('mig.begin', (m) => {
    const b = m.body as { config: GuestConfig; force: ForceOption[] };
    fault(system, 'begin');
    const reasons = targetReasons(system, b.config, b.force);
    if (reasons.length) return { reasons };
    const cluster = system.cluster;
    const entry = (cluster.directoryFor?.(system.name) ?? cluster.directory).users.get(b.config.userid) ?? cluster.directory.users.get(b.config.userid)!;
    const vm = new VirtualMachine(entry.userid, entry, system, { handle: handleGuestRequest });
    setGuestConfig(vm, b.config);
    incomingOf(system).set(vm.userid, {
      userid: vm.userid,
      from: m.from,
      vm,
      prints: new PageFingerprints(vm.storage.pages),
      pagesReceived: 0,
      digestOk: false,
      committed: false,
    });
    return { reasons: [] };
  });
  node.handle('mig.pages', (m) => {
    const b = m.body as { userid: string; pages: number[] };
    const inc = get(b.userid, m.from);
    fault(system, 'pages');
    const data = m.data!;
    const bytes = inc.vm.storage.bytes;
    for (let i = 0; i < b.pages.length; i++) bytes.set(data.subarray(i * 4096, (i + 1) * 4096), b.pages[i]! * 4096);
    // fingerprints of the pages as stored here (read back from this guest's memory)
    inc.prints.take(b.pages, new Int32Array(bytes.buffer, 0, bytes.length >>> 2), true);
    inc.pagesReceived += b.pages.length;
    return { stored: b.pages.length };
  });
  node.handle('mig.state', (m) => {
    const b = m.body as { userid: string; state: GuestState; digest: string; corrupt?: boolean };
    const inc = get(b.userid, m.from);
    fault(system, 'state');
    if (b.corrupt) {
      // test hook: a page that arrived damaged
      const p = inc.prints.present.indexOf(1);
      const bytes = inc.vm.storage.bytes;
      bytes[p * 4096 + 17] ^= 0xff;
      inc.prints.take([p], new Int32Array(bytes.buffer, 0, bytes.length >>> 2), true);
    }
    inc.state = b.state;
    const digest = inc.prints.digest(b.state);
    inc.digestOk = digest === b.digest;
    return { digest, match: inc.digestOk };
  });
  node.handle('mig.commit', async (m) => {
    const b = m.body as { userid: string; links: { vdev: number; owner: string; ownerVdev: number; access: 'R' | 'W'; mode: string }[] };
    const inc = get(b.userid, m.from);
    fault(system, 'commit');
    if (!inc.digestOk || !inc.state) throw new Error('memory digest not verified');
    if (system.vms.has(inc.userid)) throw new Error(`${inc.userid} is already logged on at ${system.name}`);
    inc.committed = true;
    incomingOf(system).delete(inc.userid);
    const cluster = system.cluster;
    const vm = inc.vm;
    system.vms.set(vm.userid, vm);
    try {
      cluster.cse.claim(vm.userid, system.name);
    } catch {
      /* CSE session records are advisory here */
    }
    for (const l of b.links ?? []) cluster.store.addLink({ ...l, system: system.name, userid: vm.userid });
    await restoreGuestState(vm, inc.state);
    resetNic(vm);
    system.operatorLine(`USER ${vm.userid.padEnd(8)} RELOCATED FROM ${m.from.padEnd(8)} USERS = ${system.vms.size}`);
    return { ok: true };
  });
  node.handle('mig.query', (m) => ({ running: system.vms.get((m.body as { userid: string }).userid)?.guest?.alive === true }));
  node.handle('mig.abort', (m) => {
    const b = m.body as { userid: string };
    const inc = incomingOf(system).get(b.userid);
    if (inc && inc.from === m.from) discardIncoming(system, b.userid);
    return { ok: true };
  });
  // a link that goes down takes the half-built guests from that system with it
  node.onLink((peer, up) => {
    if (up) return;
    for (const inc of [...incomingOf(system).values()]) if (inc.from === peer) discardIncoming(system, inc.userid);
  });
}

/** NIC reset after the move: the guest LAN learns the guest's new place (gratuitous ARP). */
export const nicResets = new WeakMap<VirtualMachine, number>();
function resetNic(vm: VirtualMachine): void {
  for (const d of vm.devices.values()) if (d.type === 'NIC') nicResets.set(vm, Date.now());
}

onIsfcNode(setup);
