/**
 * VMRELOCATE (class A; CP-REFERENCE.md §1.10): live guest relocation as a CP command.
 *
 *   VMRELOCATE TEST   userid [TO] dest [FORCE ARCHITECTURE|DOMAIN|STORAGE ...]
 *   VMRELOCATE MOVE   userid [TO] dest [SYNC|ASYNC] [IMMEDIATE]
 *                     [MAXTOTAL s|NOMAXTOTAL] [MAXQUIESCE s|NOMAXQUIESCE]
 *                     [FORCE ARCHITECTURE|DOMAIN|STORAGE ...] [NOTHROTTLE]
 *   VMRELOCATE STATUS [userid|ALL|INCOMING|OUTGOING] [DETAILS]
 *   VMRELOCATE CANCEL userid
 *
 * Defaults as z/VM: SYNC, no MAXTOTAL, MAXQUIESCE 10 seconds. NON-IBM: seconds may have
 * decimals (MAXQUIESCE 0.05); NOTHROTTLE forbids auto-converge.
 */
import { formatStorageSize } from '../directory/model.js';
import { relocations, type MoveOptions } from '../migration/engine.js';
import { relocate, sayFor, checkEligible } from '../migration/relocate.js';
import { incomingOf, type ForceOption } from '../migration/target.js';
import type { CommandContext } from './context.js';
import { type Operands, abbrev } from './tokenize.js';

function seconds(w: string | undefined): number | undefined {
  if (!w || !/^\d+(\.\d+)?$/.test(w)) return undefined;
  return Math.round(Number(w) * 1000);
}

export async function vmrelocateCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  const sub = ops.next();
  if (!sub) return ctx.msg('HCPRLH026E');
  if (abbrev(sub, 'STATUS', 4)) return status(ctx, ops);
  if (abbrev(sub, 'CANCEL', 3)) {
    const u = ops.next();
    if (!u) return ctx.msg('HCPRLH026E');
    const extra = ops.next();
    if (extra) return ctx.msg('HCPRLH003E', extra);
    const m = relocations.get(u);
    if (!m) return ctx.msg('HCPRLH1961E', u);
    m.cancel(`cancelled by ${ctx.vm.userid}`);
    return ctx.msg('HCPRLH1962I', u);
  }
  const test = abbrev(sub, 'TEST', 4);
  if (!test && !abbrev(sub, 'MOVE', 4)) return ctx.msg('HCPRLH003E', sub);
  const userid = ops.next();
  if (!userid) return ctx.msg('HCPRLH026E');
  ops.accept('TO', 2);
  const dest = ops.next();
  if (!dest) return ctx.msg('HCPRLH026E');
  const opts: MoveOptions = { requester: ctx.vm.userid, force: [] };
  let async = false;
  while (!ops.done) {
    const w = ops.next()!;
    if (abbrev(w, 'FORCE', 5)) {
      const kinds: ForceOption[] = [];
      while (!ops.done && ['ARCHITECTURE', 'DOMAIN', 'STORAGE'].some((k) => abbrev(ops.peek()!, k, 4))) {
        const k = ops.next()!;
        kinds.push((['ARCHITECTURE', 'DOMAIN', 'STORAGE'] as const).find((x) => abbrev(k, x, 4))!);
      }
      if (!kinds.length) return ctx.msg('HCPRLH026E');
      opts.force!.push(...kinds);
    } else if (test) return ctx.msg('HCPRLH003E', w);
    else if (abbrev(w, 'SYNC', 4)) async = false;
    else if (abbrev(w, 'ASYNC', 5)) async = true;
    else if (abbrev(w, 'IMMEDIATE', 3)) opts.immediate = true;
    else if (abbrev(w, 'MAXTOTAL', 4) || abbrev(w, 'MAXQUIESCE', 4)) {
      const s = seconds(ops.next());
      if (s === undefined) return ctx.msg('HCPRLH026E');
      if (w.startsWith('MAXT')) opts.maxTotalMs = s;
      else opts.maxQuiesceMs = s;
    } else if (abbrev(w, 'NOMAXTOTAL', 6)) opts.maxTotalMs = undefined;
    else if (abbrev(w, 'NOMAXQUIESCE', 6)) opts.maxQuiesceMs = Number.MAX_SAFE_INTEGER;
    else if (w === 'NOTHROTTLE') opts.throttle = false;
    else return ctx.msg('HCPRLH003E', w);
  }
  const guest = ctx.cluster.findUser(userid);
  if (!guest || guest.loggedOff) return ctx.msg('HCPRLH045E', userid);
  const say = { out: ctx.out, msg: ctx.msg };
  if (test) {
    const rc = await checkEligible(guest, dest, opts, say);
    if (rc === 0) ctx.out(`User ${userid} is eligible for relocation to ${dest}`);
    return rc;
  }
  if (async) {
    const requester = ctx.vm;
    void relocate(guest, dest, opts, sayFor(requester));
    return 0;
  }
  return (await relocate(guest, dest, opts, say)).rc;
}

function status(ctx: CommandContext, ops: Operands): number {
  const w = ops.next();
  const details = ops.accept('DETAILS', 3);
  const rows: string[] = [];
  const all = !w || w === 'ALL';
  if (all || w === 'OUTGOING' || (w && relocations.has(w)))
    for (const m of relocations.values()) {
      if (w && !all && w !== 'OUTGOING' && m.userid !== w) continue;
      const el = Math.floor((Date.now() - m.started) / 1000);
      rows.push(`${m.userid.padEnd(8)} ${m.source.name.padEnd(8)} ${m.dest.padEnd(8)} ${(m.opts.requester ?? '').padEnd(8)} ${m.status.padEnd(17)} ${hms(el)}`);
      if (details)
        rows.push(`         Pass ${m.passes.length}, ${m.pagesSent} pages sent, ${m.passes.at(-1)?.dirty ?? 0} still dirty, storage ${formatStorageSize(m.vm.storage.size)}, throttle ${m.throttle}%`);
    }
  if (all || w === 'INCOMING' || w)
    for (const s of ctx.cluster.systems.values())
      for (const inc of incomingOf(s).values()) {
        if (w && !all && w !== 'INCOMING' && inc.userid !== w) continue;
        rows.push(`${inc.userid.padEnd(8)} ${inc.from.padEnd(8)} ${s.name.padEnd(8)} ${''.padEnd(8)} ${'Incoming'.padEnd(17)} --:--:--`);
      }
  if (!rows.length) {
    if (w && !all && w !== 'INCOMING' && w !== 'OUTGOING') return ctx.msg('HCPRLH1961E', w);
    return ctx.msg('HCPRLH1963I');
  }
  ctx.out('User     From     To       By       Status            Elapsed');
  for (const r of rows) ctx.out(r);
  return 0;
}

function hms(s: number): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(s / 3600))}:${p(Math.floor(s / 60) % 60)}:${p(s % 60)}`;
}
