/**
 * The spool: files created by closing a virtual punch, printer or console, held in
 * the readers, printer and punch queues of users (CP-REFERENCE.md §1.7). Files live in
 * the cluster store (shared by all systems, as CSE cross-system spool), are durable
 * before CP says they were sent, and survive restarts.
 *
 * Response layouts [R]:
 *   sender:   PUN FILE 0015 SENT TO   USER1    RDR AS  0015 RECS 0003 CPY  001 A NOHOLD NOKEEP
 *   receiver: RDR FILE 0015 SENT FROM MAINT    PUN WAS 0015 RECS 0003 CPY  001 A NOHOLD NOKEEP
 *   counts:   0001 FILE  TRANSFERRED / 0003 FILES PURGED
 */
import type { Cluster } from '../cluster.js';
import type { ConsoleDevice, OutputSpoolDevice } from '../guest/devices.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { SpoolFileRecord, SpoolQueue } from '../store/store.js';

export function id4(n: number): string {
  return String(n).padStart(4, '0');
}

export function holdWord(f: { hold: string }): string {
  return f.hold === 'NONE' ? 'NOHOLD' : 'HOLD';
}

/** "RECS 0003 CPY  001 A NOHOLD NOKEEP" */
export function fileTail(f: SpoolFileRecord): string {
  return `RECS ${String(f.records).padStart(4, '0')} CPY  ${String(f.copies).padStart(3, '0')} ${f.class} ${holdWord(f)} ${f.keep ? 'KEEP' : 'NOKEEP'}`;
}

/** "0001 FILE  PURGED" / "0003 FILES PURGED" */
export function countLine(n: number, verb: string): string {
  return `${id4(n)} ${n === 1 ? 'FILE ' : 'FILES'} ${verb}`;
}

export interface CloseOptions {
  hold?: boolean;
  name?: string;
  type?: string;
  dist?: string;
  purge?: boolean;
}

/**
 * CLOSE a punch, printer or console: make a spool file of its records and put it in
 * the queue its SPOOL options name. Returns the stored file, or undefined if there was
 * nothing to close (no records) or PURGE was asked for.
 */
export function closeDevice(
  cluster: Cluster,
  vm: VirtualMachine,
  dev: OutputSpoolDevice | ConsoleDevice,
  opts: CloseOptions,
  out: (line: string) => void,
): SpoolFileRecord | undefined {
  const records = dev.records;
  dev.records = [];
  if (opts.purge || records.length === 0) return undefined;
  const sp = dev.spool;
  const devtype: SpoolFileRecord['devtype'] = dev.type === 'CONS' ? 'CON' : dev.type;
  const to = sp.to === '*' ? vm.userid : sp.to;
  const queue: SpoolQueue = to ? 'RDR' : devtype === 'PUN' ? 'PUN' : 'PRT';
  const owner = to || vm.userid;
  const store = cluster.store;
  const f: SpoolFileRecord = store.transaction(() => {
    const spoolid = store.nextSpoolId();
    const file: SpoolFileRecord = {
      spoolid,
      owner,
      origin: vm.userid,
      // CSE: the collection shares this spool, so the file must say which system made it
      originSystem: vm.system.name,
      queue,
      devtype,
      class: sp.class,
      copies: sp.copies,
      hold: (opts.hold ?? sp.hold) ? 'USER' : 'NONE',
      keep: sp.keep,
      name: (opts.name ?? sp.name).toUpperCase(),
      type: (opts.type ?? sp.type).toUpperCase(),
      dist: (opts.dist ?? sp.dist).toUpperCase(),
      form: sp.form,
      dest: 'OFF',
      tag: sp.tag,
      records: records.length,
      created: cluster.clock.now().getTime(),
      seq: spoolid,
    };
    store.putSpoolFile(file, records);
    return file;
  });
  // the file is committed: now it may be reported
  const kind = devtype;
  out(`${kind} FILE ${id4(f.spoolid)} SENT TO   ${(to || 'SYSTEM').padEnd(8)} ${queue} AS  ${id4(f.spoolid)} ${fileTail(f)}`);
  if (queue === 'RDR') notifyArrival(cluster, f);
  return f;
}

/** Tell the owner (if logged on anywhere in the cluster, with SET IMSG ON) that a file arrived in the reader. */
export function notifyArrival(cluster: Cluster, f: SpoolFileRecord, from = f.origin): void {
  const was = f.devtype === 'CON' ? 'CON' : f.devtype;
  // CSE shared spool: the owner may be logged on to any system of the collection
  cluster.cse.tellUser(f.owner, 'IMSG', `RDR FILE ${id4(f.spoolid)} SENT FROM ${from.padEnd(8)} ${was} WAS ${id4(f.spoolid)} ${fileTail(f)}`);
}

/** Files of a user's queue, in order. */
export function queueFiles(cluster: Cluster, owner: string, queue: SpoolQueue): SpoolFileRecord[] {
  return cluster.store.listSpoolFiles({ owner, queue });
}

/** Files a user may act on with TRANSFER/PURGE/ORDER/CHANGE (class G: own queue; D: anyone's). */
export function selectFiles(
  cluster: Cluster,
  owner: string,
  queue: SpoolQueue,
  sel: { spoolids?: number[]; class?: string; all?: boolean },
): SpoolFileRecord[] {
  let files = queueFiles(cluster, owner, queue);
  if (sel.class) files = files.filter((f) => f.class === sel.class);
  if (sel.spoolids) files = files.filter((f) => sel.spoolids!.includes(f.spoolid));
  return files;
}

/** Write records to a virtual punch or printer (the guest's spool I/O). */
export function writeRecords(dev: OutputSpoolDevice, records: string[]): void {
  dev.records.push(...records);
}
