/**
 * INDICATE USER [userid]  (class G for oneself, E for others; CP-REFERENCE.md §1.3 [V]):
 *   USERID=MAINT    MACH=ESA STOR=64M VIRT=V XSTORE=---
 *   IPLSYS=CMS      DEVNUM=00012
 *   PAGES: RES=226  WS=168  LOCKEDREAL=0  RESVD=0
 *   CPU 00: CTIME=00:00 VTIME=000:00 TTIME=000:00 IO=000049
 *           RDR=000000 PRT=000001 PCH=000000 TYPE=CP   CPUAFFIN=ON
 * NON-IBM: the state line (STATE=...) and the workload counter are added.
 */
import { formatStorageSize } from '../directory/model.js';
import type { CommandContext } from './context.js';
import { type Operands, abbrev, showToken } from './tokenize.js';

export function indicateCmd(ctx: CommandContext, ops: Operands): number {
  const w = ops.next() ?? 'USER';
  if (!abbrev(w, 'USER', 4)) return ctx.msg('HCPIND003E', showToken(w));
  const u = ops.next();
  let vm = ctx.vm;
  if (u !== undefined && u !== '*' && u !== ctx.vm.userid) {
    if (!ctx.vm.hasClass('E')) return ctx.msg('HCPIND003E', showToken(u));
    const t = ctx.cluster.findUser(u);
    if (!t) return ctx.msg('HCPIND045E', u);
    vm = t;
  }
  if (!ops.done) return ctx.msg('HCPIND003E', showToken(ops.next()!));
  const res = vm.storage.residentPages();
  const count = (q: 'RDR' | 'PRT' | 'PUN') => String(ctx.cluster.store.listSpoolFiles({ owner: vm.userid, queue: q }).length).padStart(6, '0');
  ctx.out(`USERID=${vm.userid.padEnd(8)} MACH=${vm.entry.machine.mode} STOR=${formatStorageSize(vm.storage.size)} VIRT=V XSTORE=---`);
  ctx.out(`IPLSYS=${(vm.iplName || '').padEnd(8)} DEVNUM=${String(vm.devices.size).padStart(5, '0')}`);
  ctx.out(`PAGES: RES=${res}  WS=${res}  LOCKEDREAL=0  RESVD=0`);
  ctx.out(`CPU 00: CTIME=00:00 VTIME=000:00 TTIME=000:00 IO=${String(vm.ioCount).padStart(6, '0')}`);
  ctx.out(`        RDR=${count('RDR')} PRT=${count('PRT')} PCH=${count('PUN')} TYPE=CP   CPUAFFIN=ON`);
  ctx.out(`STATE=${vm.disconnected ? 'DISCONNECTED' : vm.state}${vm.guest && vm.iplName === 'LINUX' ? ` COUNTER=${vm.guest.counter}` : ''}`);
  return 0;
}
