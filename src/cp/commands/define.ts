/**
 * DEFINE (class G forms): STORAGE, T3390/T3380/TEMPDISK (T-disks), READER/PUNCH/PRINTER
 * (CP-REFERENCE.md §1.5). DEFINE STORAGE resets the virtual machine: the program ends,
 * storage is cleared, and CP says so.
 */
import { formatStorageSize, hex4, parseStorageSize, parseVdev } from '../directory/model.js';
import { defaultSpoolOptions } from '../guest/devices.js';
import { createTdisk } from '../minidisk/tdisk.js';
import type { CommandContext } from './context.js';
import { type Operands, abbrev, showToken } from './tokenize.js';

export async function defineCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  const what = ops.next();
  if (!what) return ctx.msg('HCPDEF026E');
  const vm = ctx.vm;
  if (abbrev(what, 'STORAGE', 4)) {
    ops.accept('AS');
    const w = ops.next();
    const size = w ? parseStorageSize(w) : undefined;
    if (size === undefined || size === 0 || size % 1048576 !== 0) return ctx.msg('HCPDEF025E');
    const extra = ops.next();
    if (extra) return ctx.msg('HCPCFC003E', showToken(extra));
    if (size > vm.entry.maxStorage) return ctx.msg('HCPDEF094E');
    await vm.resetGuest();
    vm.redefineStorage(size);
    ctx.out(`STORAGE = ${formatStorageSize(size)}`);
    ctx.out('Storage cleared - system reset.');
    return 0;
  }
  if (['T3390', 'T3380', 'TEMPDISK', 'T9336'].includes(what)) {
    ops.accept('AS');
    const vdev = parseVdev(ops.next());
    if (vdev === undefined) return ctx.msg('HCPDEF022E');
    let devtype = what === 'TEMPDISK' ? '3390' : what.slice(1);
    if (what === 'TEMPDISK' && ['3390', '3380', '9336'].includes(ops.peek() ?? '')) devtype = ops.next()!;
    const unit = ops.peek();
    if (unit === 'CYL' || unit === 'BLK' || unit === 'CYLS' || unit === 'BLKS') ops.next();
    const n = ops.next();
    if (!n || !/^\d{1,7}$/.test(n) || Number(n) === 0) return ctx.msg('HCPDEF026E');
    const extra = ops.next();
    if (extra) return ctx.msg('HCPCFC003E', showToken(extra));
    if (vm.devices.has(vdev)) return ctx.msg('HCPDEF092E', hex4(vdev));
    if (Number(n) > 10016) return ctx.msg('HCPDEF091E', hex4(vdev));
    vm.devices.set(vdev, createTdisk(vm.system.cluster.store, vm.userid, vdev, devtype, Number(n)));
    if (vm.settings.imsg !== 'OFF') ctx.out(`DASD ${hex4(vdev)} DEFINED`);
    return 0;
  }
  const ur: [string, number, 'RDR' | 'PUN' | 'PRT'][] = [
    ['READER', 3, 'RDR'], ['RDR', 3, 'RDR'], ['PUNCH', 3, 'PUN'], ['PCH', 3, 'PUN'], ['PRINTER', 3, 'PRT'], ['PRT', 3, 'PRT'],
  ];
  const kind = ur.find(([n, m]) => abbrev(what, n, m))?.[2];
  if (kind) {
    ops.accept('AS');
    const vdev = parseVdev(ops.next());
    if (vdev === undefined) return ctx.msg('HCPDEF022E');
    const extra = ops.next();
    if (extra) return ctx.msg('HCPCFC003E', showToken(extra));
    if (vm.devices.has(vdev)) return ctx.msg('HCPDEF092E', hex4(vdev));
    if (kind === 'RDR') vm.devices.set(vdev, { type: 'RDR', vdev, devtype: '2540', class: '*', cont: false, hold: false, eof: false, keep: false });
    else
      vm.devices.set(vdev, {
        type: kind, vdev, devtype: kind === 'PUN' ? '2540' : '1403',
        spool: { ...defaultSpoolOptions(vm.userid, 'A'), to: kind === 'PUN' ? '*' : '' }, records: [],
      });
    if (vm.settings.imsg !== 'OFF') ctx.out(`${kind} ${hex4(vdev)} DEFINED`);
    return 0;
  }
  return ctx.msg('HCPCFC003E', showToken(what));
}
