/**
 * ATTACH rdev [TO] userid [AS vdev] [R/O]   (class B; CP-REFERENCE.md §1.5)
 * Attaches a real DASD volume (a Volume of SYSTEM CONFIG) to a logged-on user:
 * `DASD 0A02 ATTACHED TO USER1    0A02`. DETACH rdev FROM userid gives it back.
 */
import { hex4, isValidUserid, parseVdev } from '../directory/model.js';
import type { CommandContext } from './context.js';
import { type Operands, showToken } from './tokenize.js';

export function attachCmd(ctx: CommandContext, ops: Operands): number {
  const rdev = parseVdev(ops.next());
  if (rdev === undefined) return ctx.msg('HCPCFC022E');
  ops.accept('TO');
  const u = ops.next();
  if (!u || !(u === '*' || isValidUserid(u))) return ctx.msg('HCPCFC020E');
  let vdev = rdev;
  let ro = false;
  while (!ops.done) {
    const w = ops.next()!;
    if (w === 'AS') {
      const v = parseVdev(ops.next());
      if (v === undefined) return ctx.msg('HCPCFC022E');
      vdev = v;
    } else if (w === 'R/O' || w === 'RO') ro = true;
    else return ctx.msg('HCPCFC003E', showToken(w));
  }
  const target = u === '*' ? ctx.vm : ctx.cluster.findUser(u);
  if (!target || target.system !== ctx.system) return ctx.msg('HCPATR045E', u === '*' ? ctx.vm.userid : u);
  const vol = ctx.cluster.store.listVolumes().find((v) => v.rdev === rdev);
  if (!vol) return ctx.msg('HCPATR040E', hex4(rdev));
  for (const s of ctx.cluster.systems.values())
    for (const vm of s.vms.values())
      for (const d of vm.devices.values())
        if (d.type === 'DASD' && d.origin === 'DEDICATED' && d.rdev === rdev) return ctx.msg('HCPATR120E', hex4(rdev), hex4(rdev));
  if (ctx.cluster.config.cpOwned.includes(vol.volser)) return ctx.msg('HCPATR120E', hex4(rdev), hex4(rdev));
  if (target.devices.has(vdev)) return ctx.msg('HCPATR121E', hex4(rdev), target.userid, hex4(vdev));
  target.devices.set(vdev, {
    type: 'DASD', vdev, devtype: vol.devtype, owner: '', ownerVdev: vdev, access: ro ? 'R' : 'W', volser: vol.volser,
    start: 0, size: vol.cylinders, origin: 'DEDICATED', rdev,
  });
  ctx.out(`DASD ${hex4(rdev)} ATTACHED TO ${target.userid.padEnd(8)} ${hex4(vdev)}${ro ? ' R/O' : ''}`);
  if (target !== ctx.vm) target.out(`DASD ${hex4(vdev)} ATTACHED BY ${ctx.vm.userid}`);
  return 0;
}
