/**
 * SLEEP [n [SEC|MIN|HRS]]  (any class; z/VM CP Commands "SLEEP"): CP waits; attention or
 * a message ends the wait early. Without a time it waits until attention.
 */
import type { CommandContext } from './context.js';
import { type Operands, abbrev, showToken } from './tokenize.js';

export async function sleepCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  let ms = Infinity;
  const n = ops.next();
  if (n !== undefined) {
    if (!/^\d{1,4}$/.test(n)) return ctx.msg('HCPSLP026E');
    const unit = ops.next() ?? 'SEC';
    if (abbrev(unit, 'SEC', 3) || abbrev(unit, 'SECS', 3) || unit === 'SECONDS') ms = Number(n) * 1000;
    else if (abbrev(unit, 'MIN', 3) || unit === 'MINS' || unit === 'MINUTES') ms = Number(n) * 60_000;
    else if (abbrev(unit, 'HRS', 2) || unit === 'HOURS' || unit === 'HOUR') ms = Number(n) * 3_600_000;
    else return ctx.msg('HCPSLP003E', showToken(unit));
    if (!ops.done) return ctx.msg('HCPSLP003E', showToken(ops.next()!));
  }
  if (!ctx.terminal && ms === Infinity) return 0;
  await new Promise<void>((resolve) => {
    const timer = ms === Infinity ? undefined : setTimeout(done, ms);
    function done() {
      if (timer) clearTimeout(timer);
      ctx.terminal?.onAttention(null);
      resolve();
    }
    ctx.terminal?.onAttention(done);
  });
  return 0;
}
