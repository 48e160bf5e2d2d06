/**
 * MSG/MESSAGE, MSGNOH, SMSG, WARNING (CP-REFERENCE.md §1.6).
 *   receiver (SET MSG ON):  hh:mm:ss * MSG FROM MAINT    : text
 *   receiver (SET WNG ON):  hh:mm:ss * WNG FROM OPERATOR: text
 *   MSGNOH: the text alone.  SMSG: only to a program that listens (SET SMSG ON|IUCV);
 *   otherwise HCPMFS057I userid not receiving; SMSG off.
 * CSE (§3.1 item 3): `userid AT sysname` reaches a user on that system of the collection,
 * a bare userid reaches the user wherever they are logged on, `ALL AT sysname|ALL`
 * broadcasts (class A/B). A system that is down is refused with HCPXSY2712E. A user on a
 * system in another process gets the message through the shared store (src/cp/cse); a
 * "not receiving" answer comes back to the sender from there.
 */
import { hms } from '../../common/timefmt.js';
import { isValidUserid } from '../directory/model.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { MsgKind } from '../cse/cse.js';
import type { CommandContext } from './context.js';
import { type Operands, showToken } from './tokenize.js';

type Target = { vm: VirtualMachine } | { userid: string; system: string };

/** Deliver to a user of this process; returns the "not receiving" message if it was not delivered. */
export function deliverMessage(vm: VirtualMachine, kind: MsgKind, from: string, text: string): { id: string; inserts: string[] } | undefined {
  const setting = kind === 'WNG' ? vm.settings.wng : kind === 'SMSG' ? vm.settings.smsg : vm.settings.msg;
  if (setting === 'OFF') return { id: 'HCPMFS057I', inserts: [vm.userid, `${kind === 'MSGNOH' ? 'MSG' : kind} off`] };
  if (setting === 'IUCV' || kind === 'SMSG') {
    vm.deliverSmsg({ from, text, kind });
    return undefined;
  }
  if (!vm.terminal && !vm.consoleDevice()?.spooling) return { id: 'HCPMFS057I', inserts: [vm.userid, 'disconnected'] };
  if (kind === 'MSGNOH') vm.out(text);
  else vm.out(`${hms(vm.system.clock.now())} * ${kind} FROM ${from.padEnd(8)}: ${text}`);
  return undefined;
}

/** `sysname` of an AT operand: a member that is up, else the message number. */
function atSystem(ctx: CommandContext, sys: string): string | number {
  if (!ctx.cluster.cse.isMember(sys)) return ctx.msg('HCPXSY2713E', showToken(sys));
  if (!ctx.cluster.cse.alive(sys)) return ctx.msg('HCPXSY2712E', sys);
  return sys;
}

function targets(ctx: CommandContext, ops: Operands, kind: MsgKind): { list: Target[]; all: boolean } | number {
  const w = ops.next();
  if (!w) return ctx.msg('HCPMSG020E');
  const cse = ctx.cluster.cse;
  if (w === 'ALL') {
    if (kind === 'SMSG' || !ctx.vm.hasClass('AB')) return ctx.msg('HCPCFC003E', 'ALL');
    let systems = [ctx.system.name];
    if (ops.peek() === 'AT') {
      ops.next();
      const sys = ops.next();
      if (!sys) return ctx.msg('HCPMSG026E');
      if (sys === 'ALL' || sys === '*') systems = ctx.cluster.config.systems.map((s) => s.name).filter((n) => cse.alive(n));
      else {
        const s = atSystem(ctx, sys);
        if (typeof s === 'number') return s;
        systems = [s];
      }
    }
    const list: Target[] = [];
    for (const name of systems) {
      const local = ctx.cluster.systems.get(name);
      if (local) list.push(...local.sortedUsers().map((vm) => ({ vm })));
      else list.push(...cse.remoteSessions().filter((s) => s.system === name).map((s) => ({ userid: s.userid, system: name })));
    }
    return { list, all: true };
  }
  const userid = w === '*' ? ctx.vm.userid : w;
  if (!isValidUserid(userid)) return ctx.msg('HCPMSG020E');
  if (ops.peek() === 'AT') {
    ops.next();
    const sys = ops.next();
    if (!sys) return ctx.msg('HCPMSG026E');
    const s = atSystem(ctx, sys);
    if (typeof s === 'number') return s;
    const loc = cse.locate(userid);
    if (!loc || loc.system !== s) return ctx.msg('HCPMSG045E', userid);
    return { list: [loc.vm ? { vm: loc.vm } : { userid, system: s }], all: false };
  }
  // a bare user ID: wherever the user is logged on in the collection
  const loc = cse.locate(userid);
  if (!loc) return ctx.msg('HCPMSG045E', userid);
  return { list: [loc.vm ? { vm: loc.vm } : { userid, system: loc.system }], all: false };
}

function send(ctx: CommandContext, ops: Operands, kind: MsgKind): number {
  const t = targets(ctx, ops, kind);
  if (typeof t === 'number') return t;
  const text = ops.rest();
  if (kind === 'SMSG' && text === '') return ctx.msg('HCPMSG026E');
  let rc = 0;
  for (const target of t.list) {
    if ('vm' in target) {
      const refused = deliverMessage(target.vm, kind, ctx.vm.userid, text);
      if (refused && !t.all) rc = ctx.msg(refused.id, ...refused.inserts);
    } else ctx.cluster.cse.post(target.system, target.userid, kind, ctx.vm.userid, t.all ? '' : ctx.system.name, text);
  }
  return rc;
}

export const msgCmd = (ctx: CommandContext, ops: Operands) => send(ctx, ops, 'MSG');
export const msgnohCmd = (ctx: CommandContext, ops: Operands) => send(ctx, ops, 'MSGNOH');
export const smsgCmd = (ctx: CommandContext, ops: Operands) => send(ctx, ops, 'SMSG');
export const warningCmd = (ctx: CommandContext, ops: Operands) => send(ctx, ops, 'WNG');
