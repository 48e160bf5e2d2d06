/**
 * IPL, SYSTEM RESET/CLEAR, BEGIN (CP-REFERENCE.md §1.8; z/VM CP Commands "IPL",
 * "SYSTEM", "BEGIN"). IPL of a named system starts its program in a worker thread:
 * CMS (src/cms) or LINUX (the Linux-like workload guest). IPL of the CMS system disk
 * (190) starts CMS as well. A program that is running is reset first, whatever it
 * is doing (the worker is terminated).
 */
import { hex4, parseVdev } from '../directory/model.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { CommandContext } from './context.js';
import { type Operands, abbrev } from './tokenize.js';

export const NAMED_SYSTEMS = ['CMS', 'LINUX'];

export async function iplVirtualMachine(
  vm: VirtualMachine,
  target: string,
  parm: string,
  out: (l: string) => void,
  msg: (id: string, ...ins: (string | number)[]) => number,
  clear = false,
): Promise<number> {
  const t = target.toUpperCase();
  let program: string | undefined;
  if (NAMED_SYSTEMS.includes(t)) program = t;
  else {
    const vdev = parseVdev(t);
    if (vdev === undefined) return msg('HCPCFG040E', t);
    const dev = vm.devices.get(vdev);
    if (!dev) return msg('HCPCFG040E', hex4(vdev));
    // the CMS system disk (MAINT 190) holds the CMS nucleus
    if (dev.type === 'DASD' && dev.owner === 'MAINT' && dev.ownerVdev === 0x190) program = 'CMS';
    else return msg('HCPVMI030E', hex4(vdev));
  }
  if (clear) {
    await vm.resetGuest();
    vm.storage.clear();
  }
  await vm.ipl(program, parm);
  void out;
  return 0;
}

export async function iplCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  const target = ops.next();
  if (!target) return ctx.msg('HCPCFG026E');
  let clear = false;
  let parm = '';
  while (!ops.done) {
    const w = ops.next()!;
    if (w === 'CLEAR') clear = true;
    else if (w === 'NOCLEAR') clear = false;
    else if (w === 'PARM') {
      parm = ops.rest();
      if (!parm) return ctx.msg('HCPCFG026E');
    } else if (w === 'LOADPARM') {
      if (!ops.next()) return ctx.msg('HCPCFG026E');
    } else return ctx.msg('HCPCFG003E', w);
  }
  return iplVirtualMachine(ctx.vm, target, parm, ctx.out, ctx.msg, clear);
}

export async function systemCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  const w = ops.next();
  if (!w) return ctx.msg('HCPSYS026E');
  const extra = ops.next();
  if (extra) return ctx.msg('HCPSYS003E', extra);
  if (abbrev(w, 'RESET', 5)) {
    await ctx.vm.resetGuest();
    ctx.out('System reset.');
    return 0;
  }
  if (abbrev(w, 'CLEAR', 5)) {
    await ctx.vm.resetGuest();
    ctx.vm.storage.clear();
    ctx.out('Storage cleared - system reset.');
    return 0;
  }
  return ctx.msg('HCPSYS003E', w);
}

export function beginCmd(ctx: CommandContext, ops: Operands): number {
  const w = ops.next();
  if (w) return ctx.msg('HCPCFC003E', w);
  if (!ctx.vm.guest) return ctx.msg('HCPDSP450W');
  ctx.vm.begin();
  return 0;
}
