/**
 * QUERY VIRTUAL (ALL, STORAGE, CPUS, DASD, CONSOLE, READER, PUNCH, PRINTER, NIC, vdev)
 * and the device status blocks shared with `QUERY vdev` (CP-REFERENCE.md §1.3, layouts [R]/[V]):
 *   STORAGE = 32M MAX = 128M INC = 1M STANDBY = 0  RESERVED = 96M
 *   CPU 00  ID  FF0123452097C000 (BASE) CP   CPUAFF ON
 *   DASD 0191 3390 VMUSR1 R/W         10 CYL ON DASD  0A01 SUBCHANNEL = 0003
 *   CONS 0009 ON LDEV L0020   TERM STOP
 *        0009 CL T NOCONT NOHOLD COPY 001    READY FORM STANDARD
 *        0009 TO SYSTEM   PRT DIST MAINT    FLASHC 000 DEST OFF
 */
import { formatStorageSize, hex4 } from '../directory/model.js';
import type { VirtualDevice } from '../guest/devices.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { CommandContext } from './context.js';
import { type Operands, abbrev } from './tokenize.js';

export function storageLine(vm: VirtualMachine): string {
  const s = vm.storage.size;
  const max = Math.max(vm.entry.maxStorage, s);
  const reserved = max - s;
  return `STORAGE = ${formatStorageSize(s)} MAX = ${formatStorageSize(max)} INC = 1M STANDBY = 0  RESERVED = ${reserved ? formatStorageSize(reserved) : '0'}`;
}

export function cpuLines(vm: VirtualMachine): string[] {
  const id = `FF${vm.system.slot.toString(16).toUpperCase().padStart(2, '0')}0000${'2964'}8000`;
  return [`CPU 00  ID  ${id} (BASE) CP   CPUAFF ON${vm.guest?.stopped ? ' STOPPED' : ''}`];
}

function subchannel(vm: VirtualMachine, d: VirtualDevice): string {
  const all = [...vm.devices.keys()].sort((a, b) => a - b);
  return hex4(all.indexOf(d.vdev));
}

/** The status lines of one virtual device. */
export function deviceLines(vm: VirtualMachine, d: VirtualDevice): string[] {
  const v = hex4(d.vdev);
  const pad = '     ';
  switch (d.type) {
    case 'CONS': {
      const where = vm.terminal ? `LDEV ${vm.terminal.name}` : 'DSC';
      const sp = d.spool;
      return [
        `CONS ${v} ON ${where.padEnd(10)} ${d.term ? 'TERM' : 'NOTERM'} ${d.spooling ? 'START' : 'STOP'}`,
        `${pad}${v} CL ${sp.class} ${sp.cont ? 'CONT  ' : 'NOCONT'} ${sp.hold ? 'HOLD  ' : 'NOHOLD'} COPY ${String(sp.copies).padStart(3, '0')}    READY FORM ${sp.form}`,
        `${pad}${v} TO ${(sp.to === '*' ? vm.userid : sp.to || 'SYSTEM').padEnd(8)} ${sp.to ? 'RDR' : 'PRT'} DIST ${sp.dist.padEnd(8)} FLASHC 000 DEST OFF`,
      ];
    }
    case 'RDR':
      return [
        `RDR  ${v} CL ${d.class} ${d.cont ? 'CONT  ' : 'NOCONT'} ${d.hold ? 'HOLD  ' : 'NOHOLD'} ${d.eof ? 'EOF   ' : 'NOEOF '} READY`,
        `${pad}${v} ${d.devtype} CLOSED ${d.keep ? 'KEEP  ' : 'NOKEEP'} NORESCAN SUBCHANNEL = ${subchannel(vm, d)}`,
      ];
    case 'PUN':
    case 'PRT': {
      const sp = d.spool;
      const to = sp.to === '*' ? vm.userid : sp.to;
      return [
        `${d.type}  ${v} CL ${sp.class} ${sp.cont ? 'CONT  ' : 'NOCONT'} ${sp.hold ? 'HOLD  ' : 'NOHOLD'} COPY ${String(sp.copies).padStart(3, '0')}    ${d.records.length ? 'OPEN ' : 'READY'} FORM ${sp.form}`,
        `${pad}${v} TO ${(to || 'SYSTEM').padEnd(8)} ${to ? 'RDR' : d.type} DIST ${sp.dist.padEnd(8)} ${d.type === 'PRT' ? 'FLASHC 000 ' : ''}DEST OFF`,
      ];
    }
    case 'DASD': {
      const vol = d.origin === 'TDISK' ? '(TEMP)' : d.volser;
      const unit = d.devtype === '9336' || d.devtype === 'FB-512' ? 'BLK' : 'CYL';
      const on = d.origin === 'TDISK' ? 'ON DASD  TEMP' : `ON DASD  ${hex4(d.rdev)}`;
      return [`DASD ${v} ${d.devtype} ${vol.padEnd(6)} ${d.access === 'W' ? 'R/W' : 'R/O'}${String(d.size).padStart(11)} ${unit} ${on} SUBCHANNEL = ${subchannel(vm, d)}`];
    }
    case 'NIC':
      return [
        `NIC  ${v} ${d.nicType}  DEVICES ${d.devices}${d.lan ? `  LAN SYSTEM ${d.lan}` : '  NOT COUPLED'}`,
      ];
  }
}

function byType(vm: VirtualMachine, type: VirtualDevice['type']): VirtualDevice[] {
  return [...vm.devices.values()].filter((d) => d.type === type).sort((a, b) => a.vdev - b.vdev);
}

const ORDER: VirtualDevice['type'][] = ['CONS', 'RDR', 'PUN', 'PRT', 'DASD', 'NIC'];

export function queryVirtual(ctx: CommandContext, ops: Operands): number {
  const vm = ctx.vm;
  const what = ops.next() ?? 'ALL';
  const extra = ops.next();
  if (extra) return ctx.msg('HCPCQV003E', extra);
  const show = (types: VirtualDevice['type'][]) => {
    let any = false;
    for (const t of types) for (const d of byType(vm, t)) for (const l of deviceLines(vm, d)) ((any = true), ctx.out(l));
    return any;
  };
  if (abbrev(what, 'ALL', 3)) {
    ctx.out(storageLine(vm));
    for (const l of cpuLines(vm)) ctx.out(l);
    show(ORDER);
    return 0;
  }
  if (abbrev(what, 'STORAGE', 2)) return void ctx.out(storageLine(vm)), 0;
  if (abbrev(what, 'CPUS', 3)) return void cpuLines(vm).forEach((l) => ctx.out(l)), 0;
  const kinds: [string, number, VirtualDevice['type'], string][] = [
    ['DASD', 2, 'DASD', 'DASD'],
    ['CONSOLE', 3, 'CONS', 'CONSOLE'],
    ['READER', 1, 'RDR', 'RDR'],
    ['RDR', 3, 'RDR', 'RDR'],
    ['PUNCH', 2, 'PUN', 'PUN'],
    ['PCH', 3, 'PUN', 'PUN'],
    ['PRINTER', 2, 'PRT', 'PRT'],
    ['PRT', 3, 'PRT', 'PRT'],
    ['NIC', 3, 'NIC', 'NIC'],
    ['UR', 2, 'RDR', 'UR'],
  ];
  for (const [name, min, type, word] of kinds) {
    if (!abbrev(what, name, min)) continue;
    const types: VirtualDevice['type'][] = word === 'UR' ? ['RDR', 'PUN', 'PRT'] : [type];
    if (!show(types)) ctx.out(`No ${word} devices defined`);
    return 0;
  }
  if (/^[0-9A-F]{1,4}$/.test(what)) {
    const d = vm.devices.get(parseInt(what, 16));
    if (!d) return ctx.msg('HCPQVD040E', hex4(parseInt(what, 16)));
    deviceLines(vm, d).forEach((l) => ctx.out(l));
    return 0;
  }
  return ctx.msg('HCPCQV003E', what);
}
