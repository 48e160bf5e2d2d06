/**
 * Temporary disks (DEFINE T3390 / TEMPDISK, directory MDISK T-DISK; CP-REFERENCE.md §1.5).
 * Each T-disk gets its own minidisk record in the store under a fresh owner key
 * `*TDISK*userid*unique`, kept on the device (DasdDevice.owner), so its blocks and CMS
 * label are stored like any minidisk's (file I/O in src/cp/guest/cms-services.ts uses the
 * device's owner key). A T-disk starts empty; its contents are destroyed when it is
 * detached or its user logs off, as on z/VM.
 */
import type { DasdDevice } from '../guest/devices.js';
import type { CpStore } from '../store/store.js';

let seq = 0;

export function isTdiskOwner(owner: string): boolean {
  return owner.startsWith('*TDISK*');
}

/** Make a new, empty T-disk: its store record and the virtual device. */
export function createTdisk(store: CpStore, userid: string, vdev: number, devtype: string, cylinders: number, volser = '(TEMP)'): DasdDevice {
  const owner = `*TDISK*${userid}*${Date.now().toString(36)}${(seq++).toString(36)}${process.pid.toString(36)}`;
  store.ensureMinidisk({ owner, vdev, volser, start: 0, size: cylinders, blockSize: 4096 });
  return { type: 'DASD', vdev, devtype, owner, ownerVdev: vdev, access: 'W', volser, start: 0, size: cylinders, origin: 'TDISK', rdev: 0 };
}

/** Destroy a T-disk's contents and record. */
export function dropTdisk(store: CpStore, d: { owner: string; ownerVdev: number }): void {
  if (!isTdiskOwner(d.owner)) return;
  try {
    store.transaction(() => {
      store.clearMinidisk(d.owner, d.ownerVdev);
      store.deleteMinidisk(d.owner, d.ownerVdev);
    });
  } catch {
    /* the store may be closing (SHUTDOWN) */
  }
}
