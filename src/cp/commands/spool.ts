/**
 * SPOOL and CLOSE (CP-REFERENCE.md §1.7):
 *   SPOOL Reader|RDR|vdev [CLass c|*] [CONt|NOCont] [HOld|NOHold] [EOF|NOEof] [KEEP|NOKEEP]
 *   SPOOL Printer|PUnch|vdev [CLass c] [CONt|NOCont] [HOld|NOHold] [COpy n] [TO|FOR userid|*|SYSTEM | OFF]
 *         [DIST d] [FORM f] [KEEP|NOKEEP] [CLOSE|PURGE]
 *   SPOOL CONsole [same] [STArt|STOp] [TErm|NOTErm] [CLOSE|PURGE]
 *   CLOSE vdev|RDR|PRT|PUN|CONSOLE [HOLD|NOHOLD] [DIST d] [NAME fn [ft]] [PURGE]
 * All options are checked before any is applied: a bad one changes nothing.
 */
import { hex4, isValidUserid, parseVdev } from '../directory/model.js';
import type { VirtualDevice } from '../guest/devices.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import { closeDevice } from '../spool/spool.js';
import type { CommandContext } from './context.js';
import { type Operands, abbrev, showToken } from './tokenize.js';

/** Find the device a SPOOL/CLOSE/TAG operand names: a vdev or a device class word. */
export function spoolDevice(vm: VirtualMachine, word: string): VirtualDevice | undefined | 'bad' {
  const classes: [string, number, VirtualDevice['type']][] = [
    ['READER', 1, 'RDR'], ['RDR', 3, 'RDR'], ['PRINTER', 1, 'PRT'], ['PRT', 3, 'PRT'], ['PUNCH', 2, 'PUN'], ['PCH', 3, 'PUN'], ['CONSOLE', 3, 'CONS'],
  ];
  const c = classes.find(([n, m]) => abbrev(word, n, m));
  if (c) return [...vm.devices.values()].filter((d) => d.type === c[2]).sort((a, b) => a.vdev - b.vdev)[0];
  const v = parseVdev(word);
  if (v === undefined) return 'bad';
  return vm.devices.get(v);
}

export async function spoolCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  const w = ops.next();
  if (!w) return ctx.msg('HCPCSQ026E');
  const dev = spoolDevice(ctx.vm, w);
  if (dev === 'bad') return ctx.msg('HCPCSQ022E');
  if (!dev) return ctx.msg('HCPSPL040E', /^[0-9A-F]{1,4}$/.test(w) ? hex4(parseInt(w, 16)) : w);
  if (dev.type === 'DASD' || dev.type === 'NIC') return ctx.msg('HCPSPL040E', hex4(dev.vdev));
  if (ops.done) return ctx.msg('HCPSPL026E');
  const ch: Record<string, string | number | boolean> = {};
  let close = false;
  let purge = false;
  while (!ops.done) {
    const o = ops.next()!;
    if (abbrev(o, 'CLASS', 2)) {
      const c = ops.next();
      if (!c || !/^[A-Z0-9*]$/.test(c) || (c === '*' && dev.type !== 'RDR')) return ctx.msg('HCPSPL026E');
      ch.class = c;
    } else if (abbrev(o, 'CONT', 3)) ch.cont = true;
    else if (abbrev(o, 'NOCONT', 3)) ch.cont = false;
    else if (abbrev(o, 'HOLD', 2)) ch.hold = true;
    else if (abbrev(o, 'NOHOLD', 3)) ch.hold = false;
    else if (dev.type === 'RDR' && o === 'EOF') ch.eof = true;
    else if (dev.type === 'RDR' && abbrev(o, 'NOEOF', 3)) ch.eof = false;
    else if (o === 'KEEP') ch.keep = true;
    else if (o === 'NOKEEP') ch.keep = false;
    else if (dev.type !== 'RDR' && abbrev(o, 'COPY', 2)) {
      const n = ops.next();
      if (!n || !/^\d{1,3}$/.test(n) || Number(n) < 1 || Number(n) > 255) return ctx.msg('HCPSPL026E');
      ch.copies = Number(n);
    } else if (dev.type !== 'RDR' && (abbrev(o, 'TO', 1) || abbrev(o, 'FOR', 1))) {
      const u = ops.next();
      if (!u) return ctx.msg('HCPSPL026E');
      if (u === '*') ch.to = '*';
      else if (u === 'SYSTEM') ch.to = '';
      else if (!isValidUserid(u)) return ctx.msg('HCPSPL026E');
      else if (!ctx.cluster.directory.users.has(u)) return ctx.msg('HCPSPL053E', u);
      else ch.to = u;
    } else if (dev.type !== 'RDR' && o === 'OFF') ch.to = '';
    else if (dev.type !== 'RDR' && abbrev(o, 'DIST', 4)) {
      const d = ops.next();
      if (!d || d.length > 8) return ctx.msg('HCPSPL026E');
      ch.dist = d;
    } else if (dev.type !== 'RDR' && abbrev(o, 'FORM', 4)) {
      const f = ops.next();
      if (!f || f.length > 8) return ctx.msg('HCPSPL026E');
      ch.form = f;
    } else if (dev.type === 'CONS' && abbrev(o, 'START', 3)) ch.start = true;
    else if (dev.type === 'CONS' && abbrev(o, 'STOP', 3)) ch.start = false;
    else if (dev.type === 'CONS' && abbrev(o, 'TERM', 2)) ch.term = true;
    else if (dev.type === 'CONS' && abbrev(o, 'NOTERM', 4)) ch.term = false;
    else if (dev.type !== 'RDR' && abbrev(o, 'CLOSE', 2)) close = true;
    else if (dev.type !== 'RDR' && abbrev(o, 'PURGE', 3)) purge = true;
    else return ctx.msg('HCPSPL003E', showToken(o));
  }
  // all options valid: apply them
  if (dev.type === 'RDR') {
    if (ch.class !== undefined) dev.class = ch.class as string;
    if (ch.cont !== undefined) dev.cont = ch.cont as boolean;
    if (ch.hold !== undefined) dev.hold = ch.hold as boolean;
    if (ch.eof !== undefined) dev.eof = ch.eof as boolean;
    if (ch.keep !== undefined) dev.keep = ch.keep as boolean;
    return 0;
  }
  const sp = dev.spool;
  if (ch.class !== undefined) sp.class = ch.class as string;
  if (ch.cont !== undefined) sp.cont = ch.cont as boolean;
  if (ch.hold !== undefined) sp.hold = ch.hold as boolean;
  if (ch.keep !== undefined) sp.keep = ch.keep as boolean;
  if (ch.copies !== undefined) sp.copies = ch.copies as number;
  if (ch.to !== undefined) sp.to = ch.to as string;
  if (ch.dist !== undefined) sp.dist = ch.dist as string;
  if (ch.form !== undefined) sp.form = ch.form as string;
  if (dev.type === 'CONS') {
    if (ch.term !== undefined) dev.term = ch.term as boolean;
    if (ch.start === true) dev.spooling = true;
  }
  if (close || purge) closeDevice(ctx.cluster, ctx.vm, dev, { purge }, ctx.out);
  if (dev.type === 'CONS' && ch.start === false) dev.spooling = false;
  return 0;
}

export function closeCmd(ctx: CommandContext, ops: Operands): number {
  const w = ops.next();
  if (!w) return ctx.msg('HCPCSQ022E');
  const dev = spoolDevice(ctx.vm, w);
  if (dev === 'bad') return ctx.msg('HCPCSQ022E');
  if (!dev || dev.type === 'DASD' || dev.type === 'NIC') return ctx.msg('HCPCSQ040E', /^[0-9A-F]{1,4}$/.test(w) ? hex4(parseInt(w, 16)) : w);
  let hold: boolean | undefined;
  let name: string | undefined;
  let type: string | undefined;
  let dist: string | undefined;
  let purge = false;
  while (!ops.done) {
    const o = ops.next()!;
    if (abbrev(o, 'HOLD', 2)) hold = true;
    else if (abbrev(o, 'NOHOLD', 3)) hold = false;
    else if (abbrev(o, 'PURGE', 3)) purge = true;
    else if (abbrev(o, 'DIST', 4)) {
      dist = ops.next();
      if (!dist || dist.length > 8) return ctx.msg('HCPCSQ026E');
    } else if (abbrev(o, 'NAME', 2)) {
      name = ops.next();
      if (!name || name.length > 8) return ctx.msg('HCPCSQ026E');
      if (!ops.done && !['HOLD', 'NOHOLD', 'PURGE', 'DIST'].some((k) => abbrev(ops.peek()!, k, 2))) {
        type = ops.next();
        if (type!.length > 8) return ctx.msg('HCPCSQ026E');
      }
    } else return ctx.msg('HCPCSQ003E', showToken(o));
  }
  if (dev.type === 'RDR') return 0;
  closeDevice(ctx.cluster, ctx.vm, dev, { hold, name, type, dist, purge }, ctx.out);
  return 0;
}
