/**
 * QUERY (CP-REFERENCE.md §1.3; classes §1.2, §1.11: the same operand answers for
 * class B about real resources and for class G about the virtual machine).
 * Operands: USERS, NAMES, userid, USERID, TIME, CPLEVEL, VIRTUAL ..., vdev, STORAGE,
 * DASD, LINKS, SET, PRIVCLAS, FILES, READER/PRINTER/PUNCH, CPUS.
 */
import { cputime, elapsed, hms, md, mdy, stamp } from '../../common/timefmt.js';
import type { Cluster } from '../cluster.js';
import { hex4, isValidUserid, parseVdev } from '../directory/model.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import { id4 } from '../spool/spool.js';
import type { SpoolFileRecord, SpoolQueue } from '../store/store.js';
import type { CommandContext } from './context.js';
import { cpuLines, deviceLines, queryVirtual, storageLine } from './query-virtual.js';
import { qCollect, qIslink } from './cse.js';
import { Operands, abbrev, showToken } from './tokenize.js';

export const CPLEVEL = 'z/VM Version 7 Release 3.0, service level 0000 (64-bit)';
const GENERATED = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

/** FILES:   0003 RDR,   NO PRT,   NO PUN */
export function filesLine(cluster: Cluster, userid: string): string {
  const count = (q: SpoolQueue) => {
    const n = cluster.store.listSpoolFiles({ owner: userid, queue: q }).length;
    return n ? id4(n) : 'NO';
  };
  return `FILES:   ${count('RDR')} RDR,   ${count('PRT')} PRT,   ${count('PUN')} PUN`;
}

function userLine(ctx: CommandContext, vm: VirtualMachine): string {
  if (vm.system !== ctx.system) return `${vm.userid.padEnd(8)} - SSI`;
  return `${vm.userid.padEnd(8)} - ${vm.terminal ? vm.terminal.name : 'DSC'}`;
}

function onOff(v: string): string {
  return v.padEnd(4);
}

type Sub = { name: string; min: number; classes: string; run: (ctx: CommandContext, ops: Operands) => number };

const SUBS: Sub[] = [
  { name: 'USERS', min: 1, classes: '*', run: qUsers },
  { name: 'NAMES', min: 1, classes: '*', run: qNames },
  { name: 'USERID', min: 5, classes: '*', run: (ctx, ops) => noMore(ctx, ops) ?? (ctx.out(`${ctx.vm.userid.padEnd(8)} AT ${ctx.vm.system.name}`), 0) },
  { name: 'TIME', min: 1, classes: '*', run: qTime },
  { name: 'CPLEVEL', min: 3, classes: '*', run: qCplevel },
  { name: 'COLLECT', min: 4, classes: '*', run: qCollect },
  { name: 'ISLINK', min: 6, classes: 'ABG', run: qIslink },
  { name: 'VIRTUAL', min: 1, classes: 'G', run: queryVirtual },
  { name: 'CPUS', min: 3, classes: 'G', run: (ctx, ops) => noMore(ctx, ops) ?? (cpuLines(ctx.vm).forEach((l) => ctx.out(l)), 0) },
  { name: 'STORAGE', min: 3, classes: 'B', run: qStorage },
  { name: 'DASD', min: 2, classes: 'B', run: qDasd },
  // class G: the same operands answer about the virtual machine (CP-REFERENCE.md §1.11 DMKCQP/DMKCQG)
  { name: 'STORAGE', min: 3, classes: 'G', run: (ctx, ops) => noMore(ctx, ops) ?? (ctx.out(storageLine(ctx.vm)), 0) },
  { name: 'DASD', min: 2, classes: 'G', run: (ctx, ops) => queryVirtual(ctx, new Operands(['DASD', ...ops.remaining()].join(' '))) },
  { name: 'LINKS', min: 2, classes: 'BG', run: qLinks },
  { name: 'SET', min: 1, classes: 'G', run: qSet },
  { name: 'PRIVCLAS', min: 5, classes: '*', run: qPrivclas },
  { name: 'FILES', min: 1, classes: 'DG', run: (ctx, ops) => noMore(ctx, ops) ?? (ctx.out(filesLine(ctx.cluster, ctx.vm.userid)), 0) },
  { name: 'READER', min: 1, classes: 'DG', run: (ctx, ops) => qSpool(ctx, ops, 'RDR') },
  { name: 'RDR', min: 3, classes: 'DG', run: (ctx, ops) => qSpool(ctx, ops, 'RDR') },
  { name: 'PRINTER', min: 1, classes: 'DG', run: (ctx, ops) => qSpool(ctx, ops, 'PRT') },
  { name: 'PRT', min: 3, classes: 'DG', run: (ctx, ops) => qSpool(ctx, ops, 'PRT') },
  { name: 'PUNCH', min: 2, classes: 'DG', run: (ctx, ops) => qSpool(ctx, ops, 'PUN') },
  { name: 'PCH', min: 3, classes: 'DG', run: (ctx, ops) => qSpool(ctx, ops, 'PUN') },
];

function noMore(ctx: CommandContext, ops: Operands): number | undefined {
  const w = ops.next();
  return w === undefined ? undefined : ctx.msg('HCPCQV003E', showToken(w));
}

export function queryCmd(ctx: CommandContext, ops: Operands): number {
  const w = ops.next();
  if (w === undefined) return ctx.msg('HCPCFC026E');
  const sub = SUBS.find((s) => abbrev(w, s.name, s.min) && ctx.vm.hasClass(s.classes));
  if (sub) return sub.run(ctx, ops);
  // QUERY xxxx: a user ID (anywhere in the collection), else a virtual device
  const vm = ctx.cluster.findUser(w);
  if (vm) return noMore(ctx, ops) ?? (ctx.out(userLine(ctx, vm)), 0);
  const remote = ctx.cluster.cse.locate(w);
  if (remote) return noMore(ctx, ops) ?? (ctx.out(`${w.padEnd(8)} - SSI`), 0);
  const vdev = parseVdev(w);
  if (vdev !== undefined && ctx.vm.devices.has(vdev)) {
    const more = noMore(ctx, ops);
    if (more !== undefined) return more;
    deviceLines(ctx.vm, ctx.vm.devices.get(vdev)!).forEach((l) => ctx.out(l));
    return 0;
  }
  if (vdev !== undefined && !ctx.cluster.directory.users.has(w)) return ctx.msg('HCPQVD040E', hex4(vdev));
  if (!isValidUserid(w)) return ctx.msg('HCPCQV003E', showToken(w));
  return ctx.msg('HCPCQU045E', w);
}

function qUsers(ctx: CommandContext, ops: Operands): number {
  const u = ops.next();
  if (u !== undefined) {
    const more = noMore(ctx, ops);
    if (more !== undefined) return more;
    const vm = ctx.cluster.findUser(u);
    if (!vm && ctx.cluster.cse.locate(u)) return void ctx.out(`${u.padEnd(8)} - SSI`), 0;
    if (!vm) return ctx.msg('HCPCQU045E', u);
    ctx.out(userLine(ctx, vm));
    return 0;
  }
  ctx.out(`${String(ctx.system.vms.size).padStart(5)} USERS, ${'0'.padStart(4)} DIALED, ${'0'.padStart(4)} NET`);
  return 0;
}

function qNames(ctx: CommandContext, ops: Operands): number {
  const more = noMore(ctx, ops);
  if (more !== undefined) return more;
  // CSE: users on the other systems of the collection are listed too, marked SSI
  const all = new Map<string, string>();
  for (const s of ctx.cluster.systems.values()) for (const vm of s.vms.values()) all.set(vm.userid, userLine(ctx, vm));
  for (const r of ctx.cluster.cse.remoteSessions()) if (!all.has(r.userid)) all.set(r.userid, `${r.userid.padEnd(8)} - SSI`);
  const entries = [...all.keys()].sort().map((k) => all.get(k)!);
  for (let i = 0; i < entries.length; i += 4) ctx.out(entries.slice(i, i + 4).join(' , '));
  return 0;
}

function qTime(ctx: CommandContext, ops: Operands): number {
  const more = noMore(ctx, ops);
  if (more !== undefined) return more;
  const now = ctx.system.clock.now();
  ctx.out(`TIME IS ${stamp(now)}`);
  ctx.out(`CONNECT= ${elapsed(now.getTime() - ctx.vm.logonTime.getTime())} VIRTCPU= ${cputime(0)} TOTCPU= ${cputime(0)}`);
  return 0;
}

function qCplevel(ctx: CommandContext, ops: Operands): number {
  const more = noMore(ctx, ops);
  if (more !== undefined) return more;
  ctx.out(CPLEVEL);
  ctx.out(`Generated at ${mdy(GENERATED)} ${hms(GENERATED)} UTC`);
  ctx.out(`IPL at ${mdy(ctx.system.iplTime)} ${hms(ctx.system.iplTime)} UTC`);
  return 0;
}

function qStorage(ctx: CommandContext, ops: Operands): number {
  const more = noMore(ctx, ops);
  if (more !== undefined) return more;
  // NON-IBM: the emulated real storage is a fixed 16G
  ctx.out('STORAGE = 16G CONFIGURED = 16G INC = 256M STANDBY = 0  RESERVED = 0');
  return 0;
}

function qDasd(ctx: CommandContext, ops: Operands): number {
  const w = ops.next();
  const vols = ctx.cluster.store.listVolumes();
  const sel = w === undefined ? vols : vols.filter((v) => v.volser === w || hex4(v.rdev) === (parseVdev(w) !== undefined ? hex4(parseVdev(w)!) : ''));
  if (w !== undefined && !sel.length) return ctx.msg('HCPQVD040E', showToken(w));
  const more = noMore(ctx, ops);
  if (more !== undefined) return more;
  const cpOwned = new Set(ctx.cluster.config.cpOwned);
  for (const v of sel) {
    const att = [...ctx.system.vms.values()].flatMap((vm) =>
      [...vm.devices.values()].filter((d) => d.type === 'DASD' && d.origin === 'DEDICATED' && d.rdev === v.rdev).map((d) => ({ vm, d })),
    )[0];
    if (att) ctx.out(`DASD ${hex4(v.rdev)} ATTACHED TO ${att.vm.userid.padEnd(8)} ${hex4(att.d.vdev)} ${att.d.type === 'DASD' && att.d.access === 'W' ? 'R/W' : 'R/O'} ${v.volser}`);
    else {
      const links = ctx.cluster.store.listVolumes().length ? countLinksOn(ctx, v.volser) : 0;
      ctx.out(`DASD ${hex4(v.rdev)} CP ${cpOwned.has(v.volser) ? 'OWNED ' : 'SYSTEM'} ${v.volser.padEnd(6)} ${String(links).padStart(4, '0')}`);
    }
  }
  return 0;
}

function countLinksOn(ctx: CommandContext, volser: string): number {
  let n = 0;
  for (const s of ctx.cluster.systems.values())
    for (const vm of s.vms.values()) for (const d of vm.devices.values()) if (d.type === 'DASD' && d.volser === volser && d.origin !== 'DEDICATED') n++;
  return n;
}

function qLinks(ctx: CommandContext, ops: Operands): number {
  const w = ops.next();
  if (w === undefined) return ctx.msg('HCPCFC026E');
  const more = noMore(ctx, ops);
  if (more !== undefined) return more;
  const vdev = parseVdev(w);
  if (vdev === undefined) return ctx.msg('HCPCFC022E');
  const d = ctx.vm.devices.get(vdev);
  if (!d) return ctx.msg('HCPQVD040E', hex4(vdev));
  if (d.type !== 'DASD' || !d.owner || d.origin === 'TDISK') return ctx.msg('HCPQVD040E', hex4(vdev));
  const links = ctx.cluster.store.linksTo(d.owner, d.ownerVdev);
  const entries = links.map((l) => `${l.userid.padEnd(8)} ${hex4(l.vdev)} ${l.access === 'W' ? 'R/W' : 'R/O'}${l.system !== ctx.system.name ? ` AT ${l.system}` : ''}`);
  for (let i = 0; i < entries.length; i += 4) ctx.out(entries.slice(i, i + 4).join(', '));
  return 0;
}

function qSet(ctx: CommandContext, ops: Operands): number {
  const more = noMore(ctx, ops);
  if (more !== undefined) return more;
  const s = ctx.vm.settings;
  ctx.out(`MSG ${onOff(s.msg)}, WNG ${onOff(s.wng)}, EMSG ${onOff(s.emsg)}, ACNT OFF, RUN ${s.run ? 'ON' : 'OFF'}`);
  ctx.out('LINEDIT ON , TIMER OFF , ISAM OFF, ECMODE ON');
  ctx.out('ASSIST OFF , PAGEX OFF, AUTOPOLL OFF');
  ctx.out(`IMSG ${onOff(s.imsg)}, AFFINITY NONE`);
  ctx.out(`MACHINE ${ctx.vm.entry.machine.mode}, SVCACCL OFF, ITRACE OFF`);
  ctx.out(`SMSG ${s.smsg}`);
  return 0;
}

function qPrivclas(ctx: CommandContext, ops: Operands): number {
  const u = ops.next();
  let vm = ctx.vm;
  if (u !== undefined) {
    if (!ctx.vm.hasClass('ABC')) return ctx.msg('HCPCQV003E', u);
    const t = ctx.cluster.findUser(u);
    if (!t) return ctx.msg('HCPCQU045E', u);
    vm = t;
  }
  const more = noMore(ctx, ops);
  if (more !== undefined) return more;
  ctx.out(`Privilege classes for user ${vm.userid}`);
  ctx.out(`Currently: ${vm.classes}`);
  ctx.out(`Directory: ${vm.entry.classes}`);
  ctx.out('The privilege classes are not locked against changes.');
  return 0;
}

/** QUERY READER|PRINTER|PUNCH [*|userid|SYSTEM] [spoolid] [ALL] [CLASS c] */
function qSpool(ctx: CommandContext, ops: Operands, queue: SpoolQueue): number {
  let owner: string | undefined = ctx.vm.userid;
  let all = false;
  let cls: string | undefined;
  let spoolid: number | undefined;
  let first = true;
  while (!ops.done) {
    const w = ops.next()!;
    if (w === 'ALL') all = true;
    else if (abbrev(w, 'CLASS', 2)) {
      cls = ops.next();
      if (!cls || !/^[A-Z0-9*]$/.test(cls)) return ctx.msg('HCPCFC026E');
      if (cls === '*') cls = undefined;
    } else if (/^\d{1,4}$/.test(w)) spoolid = Number(w);
    else if (first && (w === '*' || w === 'SYSTEM' || isValidUserid(w))) {
      if (w === '*') owner = ctx.vm.userid;
      else if (w === 'SYSTEM') {
        if (!ctx.vm.hasClass('D')) return ctx.msg('HCPCQV003E', w);
        owner = undefined;
      } else {
        if (w !== ctx.vm.userid && !ctx.vm.hasClass('D')) return ctx.msg('HCPCQV003E', w);
        if (!ctx.cluster.directory.users.has(w)) return ctx.msg('HCPCQV053E', w);
        owner = w;
      }
    } else return ctx.msg('HCPCQV003E', showToken(w));
    first = false;
  }
  let files = ctx.cluster.store.listSpoolFiles({ owner, queue, class: cls, spoolid });
  if (!files.length) {
    ctx.out(`NO ${queue} FILES`);
    return 0;
  }
  ctx.out(`${all ? 'ORIGINID' : 'OWNERID '} FILE CLASS RECORDS  CPY HOLD DATE  TIME     NAME      TYPE      DIST`);
  files = [...files];
  for (const f of files) ctx.out(spoolLine(f, all));
  return 0;
}

export function spoolLine(f: SpoolFileRecord, all: boolean): string {
  const d = new Date(f.created);
  return [
    (all ? f.origin : f.owner).padEnd(8),
    id4(f.spoolid),
    f.class,
    f.devtype,
    String(f.records).padStart(8, '0'),
    String(f.copies).padStart(3, '0'),
    f.hold.padEnd(4),
    md(d),
    hms(d),
    f.name.padEnd(8),
    '',
    f.type.padEnd(8),
    '',
    f.dist,
  ].join(' ').replace(/\s+$/, '');
}
