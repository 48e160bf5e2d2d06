/**
 * FORCE userid [IMMED]  (class A; CP-REFERENCE.md §1.8): the user's session ends as by
 * LOGOFF, whatever its program is doing. The operator sees
 * `USER DSC   LOGOFF AS  USER1    USERS = 6    FORCED BY OPERATOR`.
 */
import { isValidUserid } from '../directory/model.js';
import type { CommandContext } from './context.js';
import { logoffUser } from './logon.js';
import { type Operands, showToken } from './tokenize.js';

export async function forceCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  const u = ops.next();
  if (!u || !isValidUserid(u)) return ctx.msg('HCPCFX020E');
  const w = ops.next();
  if (w && w !== 'IMMED' && w !== 'IMMEDIATE') return ctx.msg('HCPCFC003E', showToken(w));
  const vm = ctx.system.vms.get(u);
  if (!vm) return ctx.msg('HCPCFX045E', u);
  if (vm.logoffPending) return ctx.msg('HCPCQU361E', u);
  if (vm.terminal && vm !== ctx.vm) vm.terminal.write(`FORCED BY ${ctx.vm.userid}`);
  await logoffUser(vm, { forcedBy: ctx.vm.userid });
  // the operator console already showed it (system.operatorLine)
  if (!(ctx.vm.userid === 'OPERATOR' && ctx.vm.terminal && !ctx.captured))
    ctx.out(`USER DSC   LOGOFF AS  ${u.padEnd(8)} USERS = ${ctx.system.vms.size}    FORCED BY ${ctx.vm.userid}`);
  return 0;
}
