/**
 * CP's side of the channel requests CMS makes for its file system and WAKEUP (issue 4):
 *
 *   mdiskInfo   what a virtual DASD is: owner, link access (R/W), CMS label, size in
 *               4 KiB blocks, or a host folder (the vmrexx extension below)
 *   mdiskRead   a list of blocks, in one call (DESIGN.md §6: bulk work in one call)
 *   mdiskWrite  blocks (and the label / a FORMAT's clear) in one atomic store call;
 *               refused with rc 36 when the device is linked read-only
 *   wakeupWait  wait for a timer, an SMSG (SET SMSG ON) and/or a console line
 *
 * Host folders as minidisks — a vmrexx EXTENSION, not z/VM: a comment line
 *
 *     *VMREXX HOSTFOLDER vdev path
 *
 * inside a USER entry of the directory says that the contents of that user's MDISK
 * vdev are the files `fn.ft` of a folder on the host (a relative path is taken from
 * the repository root). Being a comment, it leaves the directory valid for CP.
 */
import { isAbsolute, join } from 'node:path';
import type { ChannelReplies } from '../../common/channel.js';
import { repoRoot } from '../../common/worker-path.js';
import type { VirtualMachine } from './virtual-machine.js';

/** 4 KiB CMS blocks per cylinder (3390: 12 per track, 15 tracks). */
function blocksPerCylinder(devtype: string): number {
  if (devtype.startsWith('3380')) return 150;
  if (devtype.startsWith('9345')) return 150;
  return 180;
}

const hostFolderCache = new WeakMap<object, { text: string; map: Map<string, string> }>();

/** Parse the HOSTFOLDER extension statements: key `OWNER:vdev` → absolute path. */
export function hostFolders(directoryText: string): Map<string, string> {
  const map = new Map<string, string>();
  let user = '';
  for (const raw of directoryText.split(/\r?\n/)) {
    const line = raw.trim();
    const u = /^(?:USER|IDENTITY)\s+(\S+)/i.exec(line);
    if (u) user = u[1]!.toUpperCase();
    else if (/^PROFILE\s/i.test(line)) user = '';
    const h = /^\*VMREXX\s+HOSTFOLDER\s+([0-9A-F]{1,4})\s+(\S+)/i.exec(line);
    if (h && user) {
      const path = isAbsolute(h[2]!) ? h[2]! : join(repoRoot(), h[2]!);
      map.set(`${user}:${parseInt(h[1]!, 16)}`, path);
    }
  }
  return map;
}

function hostFolderOf(vm: VirtualMachine, owner: string, vdev: number): string | undefined {
  const store = vm.system.cluster.store;
  const text = store.getMeta('directory') ?? '';
  let c = hostFolderCache.get(store);
  if (!c || c.text !== text) {
    c = { text, map: hostFolders(text) };
    hostFolderCache.set(store, c);
  }
  return c.map.get(`${owner}:${vdev}`);
}

function dasd(vm: VirtualMachine, vdev: number) {
  const d = vm.devices.get(vdev);
  if (!d) return { rc: 1 as const };
  if (d.type !== 'DASD') return { rc: 2 as const };
  // T-disks carry their own store key as owner (src/cp/minidisk/tdisk.ts); '' is a fallback
  const owner = d.owner || `*TDISK*${vm.userid}`;
  const ownerVdev = d.owner ? d.ownerVdev : d.vdev;
  return { rc: 0 as const, d, owner, ownerVdev };
}

export function mdiskInfo(vm: VirtualMachine, vdev: number): ChannelReplies['mdiskInfo'] {
  const x = dasd(vm, vdev);
  if (x.rc !== 0) return { rc: x.rc };
  const store = vm.system.cluster.store;
  const rec = x.d.owner ? store.getMinidisk(x.owner, x.ownerVdev) : undefined;
  const label = x.d.owner ? rec?.label : store.getMeta(`tdisk:${x.owner}:${x.ownerVdev}`);
  return {
    rc: 0,
    access: x.d.access,
    owner: x.owner,
    ownerVdev: x.ownerVdev,
    label: label ?? undefined,
    cylinders: x.d.size,
    devtype: x.d.devtype,
    blocks: x.d.size * blocksPerCylinder(x.d.devtype),
    blockSize: 4096,
    hostFolder: x.d.owner ? hostFolderOf(vm, x.owner, x.ownerVdev) : undefined,
  };
}

export function mdiskRead(vm: VirtualMachine, vdev: number, list: number[]): ChannelReplies['mdiskRead'] {
  const x = dasd(vm, vdev);
  if (x.rc !== 0) return { rc: x.rc, blocks: [] };
  const store = vm.system.cluster.store;
  const out: (Uint8Array | null)[] = [];
  // contiguous runs in one query each
  let i = 0;
  while (i < list.length) {
    let j = i + 1;
    while (j < list.length && list[j] === list[j - 1]! + 1) j++;
    const got = store.readBlocks(x.owner, x.ownerVdev, list[i]!, j - i);
    for (let k = 0; k < j - i; k++) out.push(got[k] ?? null);
    i = j;
  }
  return { rc: 0, blocks: out };
}

export function mdiskWrite(
  vm: VirtualMachine,
  vdev: number,
  blocks: { block: number; data: Uint8Array }[],
  clear?: boolean,
  label?: string,
): ChannelReplies['mdiskWrite'] {
  const x = dasd(vm, vdev);
  if (x.rc !== 0) return { rc: x.rc };
  if (x.d.access !== 'W') return { rc: 36 };
  const store = vm.system.cluster.store;
  store.transaction(() => {
    if (clear) store.clearMinidisk(x.owner, x.ownerVdev);
    if (label !== undefined) {
      if (x.d.owner) store.setMinidiskLabel(x.owner, x.ownerVdev, label);
      else store.setMeta(`tdisk:${x.owner}:${x.ownerVdev}`, label);
    }
    if (blocks.length) store.writeBlocks(x.owner, x.ownerVdev, blocks.map((b) => ({ block: b.block, data: new Uint8Array(b.data) })));
  });
  return { rc: 0 };
}

/** WAKEUP: resolve on the first of a timer, an SMSG, a console line. */
export function wakeupWait(
  vm: VirtualMachine,
  req: { ms?: number; smsg?: boolean; console?: boolean },
): ChannelReplies['wakeupWait'] | Promise<ChannelReplies['wakeupWait']> {
  if (req.smsg && vm.smsgQueue.length > 0) return { event: 'smsg' };
  if (req.console && vm.typeAhead.length > 0) return { event: 'console', line: vm.typeAhead.shift() };
  if (req.ms !== undefined && req.ms <= 0) return { event: 'timer' };
  return new Promise((resolve) => {
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    let reader: ((line: string) => void) | null = null;
    const finish = (r: ChannelReplies['wakeupWait']) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      if (vm.smsgWaiter === onSmsg) vm.smsgWaiter = null;
      if (reader && vm.guestRead === reader) {
        vm.guestRead = null;
        vm.terminal?.refresh();
      }
      resolve(r);
    };
    const onSmsg = () => finish({ event: 'smsg' });
    if (req.smsg) vm.smsgWaiter = onSmsg;
    if (req.ms !== undefined) {
      timer = setTimeout(() => finish({ event: 'timer' }), req.ms);
      timer.unref?.();
    }
    if (req.console) {
      reader = (line: string) => {
        vm.guestRead = null;
        finish({ event: 'console', line });
      };
      vm.guestRead = reader;
      vm.terminal?.refresh();
    }
  });
}
