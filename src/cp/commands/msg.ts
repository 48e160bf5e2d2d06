/**
 * MSG/MESSAGE, MSGNOH, SMSG, WARNING (CP-REFERENCE.md §1.6).
 *   receiver (SET MSG ON):  hh:mm:ss * MSG FROM MAINT    : text
 *   receiver (SET WNG ON):  hh:mm:ss * WNG FROM OPERATOR: text
 *   MSGNOH: the text alone.  SMSG: only to a program that listens (SET SMSG ON|IUCV);
 *   otherwise HCPMFS057I userid not receiving; SMSG off.
 * `userid AT sysname` reaches a user on another system of the cluster.
 */
import { hms } from '../../common/timefmt.js';
import { isValidUserid } from '../directory/model.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { CommandContext } from './context.js';
import { type Operands, showToken } from './tokenize.js';

type Kind = 'MSG' | 'WNG' | 'MSGNOH' | 'SMSG';

function targets(ctx: CommandContext, ops: Operands, kind: Kind): { list: VirtualMachine[]; all: boolean; name: string } | number {
  const w = ops.next();
  if (!w) return ctx.msg('HCPMSG020E');
  if (w === 'ALL') {
    if (kind === 'SMSG' || !ctx.vm.hasClass('AB')) return ctx.msg('HCPCFC003E', 'ALL');
    return { list: ctx.system.sortedUsers(), all: true, name: 'ALL' };
  }
  const userid = w === '*' ? ctx.vm.userid : w;
  if (!isValidUserid(userid)) return ctx.msg('HCPMSG020E');
  let vm: VirtualMachine | undefined;
  if (ops.peek() === 'AT') {
    ops.next();
    const sys = ops.next();
    if (!sys) return ctx.msg('HCPMSG026E');
    const s = ctx.cluster.system(sys);
    if (!s) return ctx.msg('HCPCFC003E', showToken(sys));
    vm = s.vms.get(userid);
  } else vm = ctx.system.vms.get(userid);
  if (!vm) return ctx.msg('HCPMSG045E', userid);
  return { list: [vm], all: false, name: userid };
}

function send(ctx: CommandContext, ops: Operands, kind: Kind): number {
  const t = targets(ctx, ops, kind);
  if (typeof t === 'number') return t;
  const text = ops.rest();
  if (kind === 'SMSG' && text === '') return ctx.msg('HCPMSG026E');
  const now = hms(ctx.system.clock.now());
  const from = ctx.vm.userid.padEnd(8);
  let rc = 0;
  for (const vm of t.list) {
    const setting = kind === 'WNG' ? vm.settings.wng : kind === 'SMSG' ? vm.settings.smsg : vm.settings.msg;
    if (setting === 'OFF') {
      if (!t.all) rc = ctx.msg('HCPMFS057I', vm.userid, `${kind === 'MSGNOH' ? 'MSG' : kind} off`);
      continue;
    }
    if (setting === 'IUCV' || kind === 'SMSG') {
      vm.deliverSmsg({ from: ctx.vm.userid, text, kind });
      continue;
    }
    if (!vm.terminal && !vm.consoleDevice()?.spooling) {
      if (!t.all) rc = ctx.msg('HCPMFS057I', vm.userid, 'disconnected');
      continue;
    }
    if (kind === 'MSGNOH') vm.out(text);
    else vm.out(`${now} * ${kind} FROM ${from}: ${text}`);
  }
  return rc;
}

export const msgCmd = (ctx: CommandContext, ops: Operands) => send(ctx, ops, 'MSG');
export const msgnohCmd = (ctx: CommandContext, ops: Operands) => send(ctx, ops, 'MSGNOH');
export const smsgCmd = (ctx: CommandContext, ops: Operands) => send(ctx, ops, 'SMSG');
export const warningCmd = (ctx: CommandContext, ops: Operands) => send(ctx, ops, 'WNG');
