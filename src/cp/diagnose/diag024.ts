/**
 * DIAGNOSE X'24' — device type and features (CP-REFERENCE.md §2.4 [V emx370]).
 * args: [vdev] (-1 = the virtual console). result: 8 bytes, VDEVTYPC VDEVTYPE VDEVSTAT
 * VDEVFLAG (Ry) then RDEVTYPC RDEVTYPE RDEVMDL RDEVFTR (Ry+1); rc = the vdev (Rx, useful
 * for -1). cc 0 ok, cc 2 a virtual device with no real device (spooled unit record),
 * cc 3 no such device. The class/type codes are those of CP's VDEV/RDEV blocks
 * (NON-IBM approximations: console 80/00, reader 40/.., DASD 04/..).
 */
import type { VirtualDevice } from '../guest/devices.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { DiagResult } from './index.js';

function codes(d: VirtualDevice): [number, number] {
  switch (d.type) {
    case 'CONS':
      return [0x80, 0x00];
    case 'RDR':
      return [0x40, 0x84];
    case 'PUN':
      return [0x20, 0x82];
    case 'PRT':
      return [0x10, 0x41];
    case 'DASD':
      return [0x04, d.devtype === '3390' ? 0x08 : 0x02];
    case 'NIC':
      return [0x02, 0x00];
  }
}

export function diag024(vm: VirtualMachine, args: (string | number)[]): DiagResult {
  const a = Number(args[0] ?? -1);
  const dev = a === -1 ? vm.consoleDevice() : vm.devices.get(a);
  if (!dev) return { rc: a, cc: 3, result: '' };
  const [typc, type] = codes(dev);
  const stat = dev.type === 'DASD' && dev.access === 'R' ? 0x01 : 0x00;
  const v = String.fromCharCode(typc, type, stat, 0);
  const spooled = dev.type === 'RDR' || dev.type === 'PUN' || dev.type === 'PRT' || (dev.type === 'DASD' && dev.origin === 'TDISK');
  const r = spooled ? '\0\0\0\0' : String.fromCharCode(typc, type, 0, 0);
  return { rc: dev.vdev, cc: dev.type === 'RDR' || dev.type === 'PUN' || dev.type === 'PRT' ? 2 : 0, result: v + r };
}
