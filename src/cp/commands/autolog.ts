/**
 * AUTOLOG userid password [cmd]  (classes A,B) and XAUTOLOG userid [SYNC|ASYNC] (A,B,G)
 * (CP-REFERENCE.md §1.8). A class G user may XAUTOLOG only users whose directory entry
 * names it on an XAUTOLOG or LOGONBY statement. The user is logged on disconnected and
 * IPLs what its directory says. Issuer: `Command accepted`, then
 * `AUTO LOGON  ***       LNXA5VM  USERS = 7` (with `BY userid`).
 */
import { isValidUserid } from '../directory/model.js';
import type { CommandContext } from './context.js';
import { logonVirtualMachine } from './logon.js';
import { type Operands, showToken } from './tokenize.js';

async function start(ctx: CommandContext, userid: string): Promise<number> {
  const entry = ctx.system.directory.users.get(userid)!;
  if (ctx.cluster.findUser(userid)) return ctx.msg('HCPCFX054E', userid);
  if (ctx.cluster.cse.claim(userid, ctx.system.name)) return ctx.msg('HCPCFX054E', userid);
  ctx.out('Command accepted');
  await logonVirtualMachine(ctx.system, entry, null, { autologBy: ctx.vm.userid });
  // the operator console already showed it (system.operatorLine)
  if (!(ctx.vm.userid === 'OPERATOR' && ctx.vm.terminal && !ctx.captured))
    ctx.out(`AUTO LOGON  ***       ${userid.padEnd(8)} USERS = ${ctx.system.vms.size}  BY ${ctx.vm.userid}`);
  return 0;
}

export async function autologCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  const u = ops.next();
  if (!u || !isValidUserid(u)) return ctx.msg('HCPCFX020E');
  const pw = ops.nextRaw();
  if (!pw) return ctx.msg('HCPCFX026E');
  const entry = ctx.system.directory.users.get(u);
  if (!entry) return ctx.msg('HCPCFX053E', u);
  if (entry.password === 'NOLOG' || (entry.password !== 'AUTOONLY' && entry.password !== 'LBYONLY' && pw.toUpperCase() !== entry.password)) return ctx.msg('HCPCFX050E', u);
  return start(ctx, u);
}

export async function xautologCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  const u = ops.next();
  if (!u || !isValidUserid(u)) return ctx.msg('HCPCFX020E');
  while (!ops.done) {
    const w = ops.next()!;
    if (w !== 'SYNC' && w !== 'ASYNC') return ctx.msg('HCPCFC003E', showToken(w));
  }
  const entry = ctx.system.directory.users.get(u);
  if (!entry) return ctx.msg('HCPCFX053E', u);
  if (!ctx.vm.hasClass('AB') && !entry.xautolog.includes(ctx.vm.userid) && !entry.logonby.includes(ctx.vm.userid))
    return ctx.msg('HCPCFX1350E', u, ctx.vm.userid);
  if (entry.password === 'NOLOG') return ctx.msg('HCPCFX050E', u);
  return start(ctx, u);
}
