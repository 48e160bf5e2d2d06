/**
 * DETACH vdev (class G) and DETACH rdev FROM userid (class B)
 * (CP-REFERENCE.md §1.5): `DASD 0191 DETACHED`; the console cannot be detached
 * (HCPDTV041E); a missing device answers HCPDTV040E and changes nothing.
 */
import { hex4, parseVdev } from '../directory/model.js';
import type { VirtualDevice } from '../guest/devices.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import { dropTdisk } from '../minidisk/tdisk.js';
import type { CommandContext } from './context.js';
import { type Operands, showToken } from './tokenize.js';

/** Remove a device: its link record, T-disk contents, open spool records. */
export function removeDevice(vm: VirtualMachine, d: VirtualDevice): void {
  const cluster = vm.system.cluster;
  vm.devices.delete(d.vdev);
  if (d.type === 'DASD') {
    if (d.origin === 'MDISK' || d.origin === 'LINK') cluster.store.removeLink(vm.system.name, vm.userid, d.vdev);
    if (d.origin === 'TDISK') dropTdisk(cluster.store, d);
  }
}

export function deviceWord(d: VirtualDevice): string {
  return d.type === 'CONS' ? 'CONS' : d.type === 'RDR' ? 'RDR' : d.type === 'NIC' ? 'NIC' : d.type === 'DASD' ? 'DASD' : d.type;
}

export function detachCmd(ctx: CommandContext, ops: Operands): number {
  const first = ops.next();
  if (!first) return ctx.msg('HCPDTV022E');
  const vdev = parseVdev(first);
  if (vdev === undefined) return ctx.msg('HCPDTV022E');
  if (ops.peek() === 'FROM') {
    if (!ctx.vm.hasClass('B')) return ctx.msg('HCPCFC003E', 'FROM');
    ops.next();
    const u = ops.next();
    if (!u) return ctx.msg('HCPDTV020E');
    const extra = ops.next();
    if (extra) return ctx.msg('HCPCFC003E', showToken(extra));
    const target = ctx.cluster.findUser(u);
    if (!target) return ctx.msg('HCPDTV045E', u);
    const d = [...target.devices.values()].find((x) => x.type === 'DASD' && x.origin === 'DEDICATED' && x.rdev === vdev);
    if (!d) return ctx.msg('HCPDTV121E', hex4(vdev), u);
    removeDevice(target, d);
    target.out(`DASD ${hex4(d.vdev)} DETACHED BY ${ctx.vm.userid}`);
    ctx.out(`DASD ${hex4(vdev)} DETACHED ${u} ${hex4(d.vdev)}`);
    return 0;
  }
  const extra = ops.next();
  if (extra) return ctx.msg('HCPCFC003E', showToken(extra));
  const d = ctx.vm.devices.get(vdev);
  if (!d) return ctx.msg('HCPDTV040E', hex4(vdev));
  if (d.type === 'CONS') return ctx.msg('HCPDTV041E', hex4(vdev));
  removeDevice(ctx.vm, d);
  if (ctx.vm.settings.imsg !== 'OFF') ctx.out(`${deviceWord(d)} ${hex4(vdev)} DETACHED`);
  return 0;
}
