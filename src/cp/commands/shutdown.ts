/**
 * SHUTDOWN [REIPL]  (class A): log every user of this system off and stop it. The
 * other systems of the cluster keep running; when the last system stops, the cluster
 * closes its store. Response: `SYSTEM SHUTDOWN STARTED` then, to every terminal,
 * `HCPSHU960I System shutdown complete`. (NON-IBM: no REIPL.)
 */
import type { CommandContext } from './context.js';
import { logoffUser } from './logon.js';
import { type Operands, showToken } from './tokenize.js';

export async function shutdownCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  const w = ops.next();
  if (w) return ctx.msg('HCPSHU003E', showToken(w));
  const sys = ctx.system;
  ctx.out('SYSTEM SHUTDOWN STARTED');
  sys.shuttingDown = true;
  for (const t of sys.terminals) t.write('HCPSHU960I System shutdown complete');
  for (const vm of [...sys.vms.values()]) await logoffUser(vm, { quiet: true });
  for (const t of [...sys.terminals]) t.close();
  ctx.cluster.systems.delete(sys.name);
  // CSE: the other systems see it leave (its ISFC links drop); its users and links are gone
  ctx.cluster.cse.systemLeft(sys.name);
  // the last system of this process: close the store once this command has answered
  // (AT sysname CMD SHUTDOWN from another process still gets its response)
  if (ctx.cluster.systems.size === 0) setImmediate(() => void ctx.cluster.shutdown());
  return 0;
}
