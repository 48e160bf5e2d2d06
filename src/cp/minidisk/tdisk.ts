/**
 * Temporary disks (DEFINE T3390 / TEMPDISK, directory MDISK T-DISK; CP-REFERENCE.md §1.5):
 * their blocks live in the store under the owner key `*TDISK*userid` (the key CMS file
 * I/O uses, src/cp/guest/cms-services.ts) with the CMS label in meta `tdisk:<key>:<vdev>`.
 * A T-disk starts empty (whatever an earlier session left is dropped) and its contents
 * are destroyed when it is detached or its user logs off, as on z/VM.
 */
import type { CpStore } from '../store/store.js';

export function tdiskOwner(userid: string): string {
  return `*TDISK*${userid}`;
}

/** Drop a T-disk's contents and label. */
export function dropTdisk(store: CpStore, userid: string, vdev: number): void {
  const owner = tdiskOwner(userid);
  try {
    store.transaction(() => {
      store.clearMinidisk(owner, vdev);
      store.deleteMeta(`tdisk:${owner}:${vdev}`);
    });
  } catch {
    /* the store may be closing (SHUTDOWN) */
  }
}
