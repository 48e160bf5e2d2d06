/**
 * Minidisk links and their access modes (CP-REFERENCE.md §1.4 LINK; z/VM CP Commands
 * and Utilities Reference "LINK"). The link control records are in the cluster store
 * (shared by all systems: CSE cross-system link), so a conflict with a user on another
 * system is seen and named by that system.
 *
 *   R  read; refused if anyone has write        RR read, even if someone has write
 *   W  write; refused if anyone else is linked  WR write, else read-only (forced R/O)
 *   M  write unless someone has write           MR like M, else read-only
 *   MW write in all cases                       SR/SW/SM as R/W/M; ER/EW exclusive
 */
import type { Cluster } from '../cluster.js';
import type { DirectoryUser, MdiskStmt } from '../directory/model.js';
import { hex4 } from '../directory/model.js';
import type { DasdDevice } from '../guest/devices.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { LinkRecord } from '../store/store.js';

export type LinkOutcome =
  | { ok: true; access: 'R' | 'W'; /** an informational or warning line */ note?: { id?: string; inserts?: string[]; text?: string } }
  | { ok: false; id: string; inserts: string[] };

const MODES = new Set(['R', 'RR', 'W', 'WR', 'M', 'MR', 'MW', 'SR', 'SW', 'SM', 'ER', 'EW']);

export function isLinkMode(m: string): boolean {
  return MODES.has(m);
}

/** Which MDISK password a mode needs: read for R modes, write for W modes, multi for M modes. */
export function passwordKind(mode: string): 'read' | 'write' | 'multi' {
  if (['R', 'RR', 'SR', 'ER'].includes(mode)) return 'read';
  if (['W', 'WR', 'SW', 'EW'].includes(mode)) return 'write';
  return 'multi';
}

export function mdiskPassword(m: MdiskStmt, kind: 'read' | 'write' | 'multi'): string | undefined {
  return kind === 'read' ? m.readpw : kind === 'write' ? m.writepw : m.multipw;
}

function holders(cluster: Cluster, vm: VirtualMachine, owner: string, ownerVdev: number): LinkRecord[] {
  return cluster.store
    .linksTo(owner, ownerVdev)
    .filter((l) => !(l.system === vm.system.name && l.userid === vm.userid));
}

function describe(vm: VirtualMachine, others: LinkRecord[]): string {
  const w = others.find((l) => l.access === 'W');
  // CSE: a holder on another system is named with its system
  if (w) return `R/W by ${w.userid}${w.system === vm.system.name ? '' : ` at ${w.system}`}`;
  const n = new Set(others.map((l) => `${l.system}.${l.userid}`)).size;
  return `R/O by ${String(n).padStart(3, '0')} ${n === 1 ? 'user' : 'users'}`;
}

/** Decide the access a link in `mode` gets, given who else has the minidisk. */
export function evaluateLink(cluster: Cluster, vm: VirtualMachine, owner: string, vdev: number, asVdev: number, mode: string): LinkOutcome {
  const others = holders(cluster, vm, owner, vdev);
  const writers = others.filter((l) => l.access === 'W');
  const exclusive = others.some((l) => l.mode.startsWith('E'));
  const refuse = (): LinkOutcome => ({ ok: false, id: 'HCPLNM104E', inserts: [owner, hex4(vdev), describe(vm, others)] });
  if (exclusive) return refuse();
  const forced = (): LinkOutcome => ({ ok: true, access: 'R', note: { id: 'HCPLNM101W', inserts: [hex4(asVdev), describe(vm, others)] } });
  const granted = (access: 'R' | 'W'): LinkOutcome =>
    others.length ? { ok: true, access, note: { text: `DASD ${hex4(asVdev)} LINKED ${access === 'W' ? 'R/W' : 'R/O'}; ${describe(vm, others).toUpperCase()}` } } : { ok: true, access };
  switch (mode) {
    case 'R':
    case 'SR':
      return writers.length ? refuse() : granted('R');
    case 'ER':
      return others.length ? refuse() : granted('R');
    case 'RR':
      return granted('R');
    case 'W':
    case 'SW':
    case 'EW':
      return others.length ? refuse() : granted('W');
    case 'WR':
      return others.length ? forced() : granted('W');
    case 'M':
    case 'SM':
      return writers.length ? refuse() : granted('W');
    case 'MR':
      return writers.length ? forced() : granted('W');
    case 'MW':
      return granted('W');
    default:
      return { ok: false, id: 'HCPLNM026E', inserts: [] };
  }
}

/** Put the linked minidisk into the virtual machine and record the link. */
export function addMinidiskDevice(
  cluster: Cluster,
  vm: VirtualMachine,
  ownerEntry: DirectoryUser,
  m: MdiskStmt,
  asVdev: number,
  access: 'R' | 'W',
  mode: string,
  origin: 'MDISK' | 'LINK',
): DasdDevice {
  const vol = cluster.config.volumes.get(m.volser);
  const start = typeof m.start === 'number' ? m.start : 0;
  const size = typeof m.size === 'number' ? m.size : vol ? vol.cylinders - start : 0;
  const dev: DasdDevice = {
    type: 'DASD',
    vdev: asVdev,
    devtype: m.devtype,
    owner: ownerEntry.userid,
    ownerVdev: m.vdev,
    access,
    volser: m.volser,
    start,
    size,
    origin,
    rdev: vol?.rdev ?? 0,
  };
  vm.devices.set(asVdev, dev);
  cluster.store.ensureMinidisk({ owner: ownerEntry.userid, vdev: m.vdev, volser: m.volser, start, size, blockSize: 4096 });
  cluster.store.addLink({ system: vm.system.name, userid: vm.userid, vdev: asVdev, owner: ownerEntry.userid, ownerVdev: m.vdev, access, mode });
  return dev;
}

/** Link as the directory says (at LOGON): no passwords; conflicts are reported, not fatal. */
export function directoryLink(
  cluster: Cluster,
  vm: VirtualMachine,
  owner: string,
  vdev: number,
  asVdev: number,
  mode: string,
  origin: 'MDISK' | 'LINK',
): string[] {
  const ownerEntry = vm.system.directory.users.get(owner);
  const m = ownerEntry?.devices.find((d): d is MdiskStmt => d.kind === 'MDISK' && d.vdev === vdev);
  if (!ownerEntry || !m) return [vm.editMsg({ id: 'HCPLNM107E', text: `${owner} ${hex4(vdev)} not linked; not in CP directory` }) ?? ''];
  const base = mode.length > 1 && mode.endsWith('V') ? mode.slice(0, -1) : mode;
  // decide and record in one transaction: the rules hold across systems in other processes
  return cluster.store.transaction(() => {
    const r = evaluateLink(cluster, vm, owner, vdev, asVdev, base);
    if (!r.ok) {
      // the owner's own minidisk: fall back to read-only as z/VM does at LOGON
      if (origin === 'MDISK') {
        addMinidiskDevice(cluster, vm, ownerEntry, m, asVdev, 'R', 'RR', origin);
        return [`DASD ${hex4(asVdev)} forced R/O`];
      }
      return [r.inserts.length ? `${r.id} ${r.inserts[0]} ${r.inserts[1]} not linked; ${r.inserts[2]}` : r.id];
    }
    addMinidiskDevice(cluster, vm, ownerEntry, m, asVdev, r.access, base, origin);
    return [];
  });
}
