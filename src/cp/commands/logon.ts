/**
 * LOGON/LOGIN, LOGOFF/LOGOUT, DISCONNECT and the pre-logon commands
 * (CP-REFERENCE.md §1.8; CONSOLE-3270.md §1.4). Also the logon procedure shared with
 * AUTOLOG/XAUTOLOG: build the virtual machine from its directory entry (devices, links,
 * storage), run its directory COMMAND statements, IPL what the directory says.
 *
 * Layouts [R]:
 *   z/VM Version 7 Release 3.0, service level 0000 (64-bit),
 *   built on IBM Virtualization Technology
 *   There is no logmsg data
 *   FILES:   NO RDR,   NO PRT,   NO PUN
 *   LOGON AT 10:12:33 UTC WEDNESDAY 11/26/25
 *   ...
 *   CONNECT= 00:00:09 VIRTCPU= 000:00.00 TOTCPU= 000:00.00
 *   LOGOFF AT 10:12:42 UTC WEDNESDAY 11/26/25
 */
import { cputime, elapsed, stamp } from '../../common/timefmt.js';
import type { Cluster } from '../cluster.js';
import type { DirectoryUser } from '../directory/model.js';
import { hex4 } from '../directory/model.js';
import { defaultSpoolOptions } from '../guest/devices.js';
import { VirtualMachine } from '../guest/virtual-machine.js';
import { handleGuestRequest } from '../guest/services.js';
import { directoryLink } from '../minidisk/link.js';
import { createTdisk, dropTdisk } from '../minidisk/tdisk.js';
import { closeDevice } from '../spool/spool.js';
import type { CpSystem } from '../system.js';
import { type CpTerminal, PRELOGON_MENU } from '../terminal.js';
import { logonGuard } from '../logon-guard.js';
import type { CommandContext } from './context.js';
import { iplVirtualMachine } from './ipl.js';
import { filesLine } from './query.js';
import { Operands, abbrev } from './tokenize.js';

export const CPLEVEL_LINE = 'z/VM Version 7 Release 3.0, service level 0000 (64-bit)';

const services = { handle: handleGuestRequest };

/** Create and start a virtual machine for a directory entry. */
export async function logonVirtualMachine(
  system: CpSystem,
  entry: DirectoryUser,
  terminal: CpTerminal | null,
  opts: { noipl?: boolean; autologBy?: string } = {},
): Promise<VirtualMachine> {
  const cluster = system.cluster;
  const vm = new VirtualMachine(entry.userid, entry, system, services);
  vm.byAutolog = opts.autologBy ?? '';
  system.vms.set(vm.userid, vm);
  if (terminal) {
    vm.terminal = terminal;
    terminal.vm = vm;
  }
  const notes: string[] = [];
  for (const d of entry.devices) {
    switch (d.kind) {
      case 'CONSOLE':
        vm.devices.set(d.vdev, { type: 'CONS', vdev: d.vdev, devtype: d.devtype, spool: { ...defaultSpoolOptions(vm.userid, d.spoolClass), to: '' }, spooling: false, term: true, records: [] });
        break;
      case 'SPOOL':
        if (d.devclass === 'READER')
          vm.devices.set(d.vdev, { type: 'RDR', vdev: d.vdev, devtype: d.devtype, class: d.spoolClass, cont: false, hold: false, eof: false, keep: false });
        else
          vm.devices.set(d.vdev, {
            type: d.devclass === 'PUNCH' ? 'PUN' : 'PRT',
            vdev: d.vdev,
            devtype: d.devtype,
            spool: { ...defaultSpoolOptions(vm.userid, d.spoolClass), to: d.devclass === 'PUNCH' ? '*' : '' },
            records: [],
          });
        break;
      case 'MDISK':
        if (typeof d.start === 'number') notes.push(...directoryLink(cluster, vm, entry.userid, d.vdev, d.vdev, d.mode, 'MDISK'));
        else if (d.start === 'T-DISK') vm.devices.set(d.vdev, createTdisk(cluster.store, vm.userid, d.vdev, d.devtype, typeof d.size === 'number' ? d.size : 0));
        else
          vm.devices.set(d.vdev, {
            type: 'DASD', vdev: d.vdev, devtype: d.devtype, owner: '', ownerVdev: d.vdev, access: 'W', volser: d.start === 'V-DISK' ? 'VDSK' : '(TEMP)',
            start: 0, size: typeof d.size === 'number' ? d.size : 0, origin: 'TDISK', rdev: 0,
          });
        break;
      case 'LINK':
        notes.push(...directoryLink(cluster, vm, d.owner, d.vdev, d.asVdev, d.mode, 'LINK'));
        break;
      case 'NICDEF':
        vm.devices.set(d.vdev, { type: 'NIC', vdev: d.vdev, nicType: d.type, devices: d.devices, lan: d.lanName });
        break;
    }
  }
  if (!vm.consoleDevice())
    vm.devices.set(0x0009, { type: 'CONS', vdev: 0x0009, devtype: '3215', spool: { ...defaultSpoolOptions(vm.userid, 'T'), to: '' }, spooling: false, term: true, records: [] });
  const now = system.clock.now();
  vm.out(`${CPLEVEL_LINE},`);
  vm.out('built on IBM Virtualization Technology');
  vm.out('There is no logmsg data');
  vm.out(filesLine(cluster, vm.userid));
  for (const n of notes) if (n) vm.out(n);
  vm.out(`LOGON AT ${stamp(now)}`);
  system.operatorLine(
    opts.autologBy
      ? `AUTO LOGON  ***       ${vm.userid.padEnd(8)} USERS = ${system.vms.size}${opts.autologBy !== 'SYSTEM' ? `  BY ${opts.autologBy}` : ''}`
      : `USER LOGON AS ${vm.userid.padEnd(8)} USERS = ${system.vms.size}`,
  );
  for (const c of entry.commands) await cluster.commands.execute(vm, c);
  if (entry.ipl && !opts.noipl) await iplVirtualMachine(vm, entry.ipl.target, entry.ipl.parm ?? '', (l) => vm.out(l), (id, ...ins) => vm.msg(id, ...ins));
  return vm;
}

/** AUTOLOG at system IPL (SYSTEM CONFIG Autolog) and for AUTOLOG/XAUTOLOG. */
export async function autologUser(system: CpSystem, userid: string, by: string): Promise<VirtualMachine | undefined> {
  const entry = system.directory.users.get(userid);
  if (!entry || system.cluster.findUser(userid)) return undefined;
  if (system.cluster.cse.claim(userid, system.name)) return undefined; // logged on to another system
  return logonVirtualMachine(system, entry, null, { autologBy: by });
}

/** End a virtual machine's session (LOGOFF, FORCE, SHUTDOWN). */
export async function logoffUser(vm: VirtualMachine, opts: { quiet?: boolean; forcedBy?: string; hold?: boolean } = {}): Promise<void> {
  if (vm.loggedOff || vm.logoffPending) return;
  vm.logoffPending = true;
  const system = vm.system;
  const cluster = system.cluster;
  await vm.resetGuest();
  const cons = vm.consoleDevice();
  if (cons?.spooling && cons.records.length) {
    cons.spooling = false;
    try {
      closeDevice(cluster, vm, cons, {}, () => undefined);
    } catch {
      /* the store may be closing */
    }
  }
  if (!cluster.shutDown || !opts.quiet) {
    try {
      cluster.store.transaction(() => {
        for (const l of cluster.store.linksOf(system.name, vm.userid)) cluster.store.removeLink(system.name, vm.userid, l.vdev);
      });
    } catch {
      /* the store may be closing */
    }
  }
  cluster.cse.release(vm.userid, system.name);
  // T-disks are destroyed at LOGOFF
  for (const d of vm.devices.values()) if (d.type === 'DASD' && d.origin === 'TDISK') dropTdisk(cluster.store, d);
  const now = system.clock.now();
  const t = vm.terminal;
  if (t && !opts.quiet) {
    t.write(`CONNECT= ${elapsed(now.getTime() - vm.logonTime.getTime())} VIRTCPU= ${cputime(0)} TOTCPU= ${cputime(0)}`);
    t.write(`LOGOFF AT ${stamp(now)}`);
  }
  system.vms.delete(vm.userid);
  vm.loggedOff = true;
  system.operatorLine(
    `USER DSC   LOGOFF AS  ${vm.userid.padEnd(8)} USERS = ${system.vms.size}${opts.forcedBy ? `    FORCED BY ${opts.forcedBy}` : ''}`,
  );
  vm.terminal = null;
  if (t) {
    if (opts.hold || system.shuttingDown) t.vm = null;
    else t.release();
  }
}

/** A line typed at the logo: LOGON/LOGIN, LOGOFF (ignored), MSG, DIAL; anything else shows the menu. */
export async function prelogonCommand(cluster: Cluster, terminal: CpTerminal, line: string): Promise<void> {
  const ops = new Operands(line.replace(/\t/g, ' '));
  const verb = ops.next();
  if (verb === undefined) return;
  if (abbrev(verb, 'LOGON', 1) || abbrev(verb, 'LOGIN', 4)) return logonAtTerminal(cluster, terminal, ops);
  if (abbrev(verb, 'LOGOFF', 3) || abbrev(verb, 'LOGOUT', 4)) return;
  if (abbrev(verb, 'MSG', 1) || abbrev(verb, 'MESSAGE', 2)) {
    const to = ops.next();
    const target = to ? terminal.system.vms.get(to) : undefined;
    if (!to) terminal.message('HCPMSG020E');
    else if (!target) terminal.message('HCPMSG045E', to);
    else target.out(`MSG FROM LOGON   : ${ops.rest()}`);
    return;
  }
  for (const l of PRELOGON_MENU) terminal.write(l);
}

async function logonAtTerminal(cluster: Cluster, terminal: CpTerminal, ops: Operands): Promise<void> {
  const system = terminal.system;
  const userid = ops.next();
  if (!userid || !/^[A-Z0-9@#$_-]{1,8}$/.test(userid)) {
    terminal.message('HCPLGA020E');
    return;
  }
  let by: string | undefined;
  let inlinePw: string | undefined;
  let noipl = false;
  while (!ops.done) {
    const w = ops.peek()!;
    if (w === 'BY') {
      ops.next();
      by = ops.next();
      if (!by) return void terminal.message('HCPLGA020E');
    } else if (w === 'NOIPL') {
      ops.next();
      noipl = true;
    } else if (inlinePw === undefined && cluster.config.features.has('PASSWORDS_ON_CMDS_LOGON')) inlinePw = ops.nextRaw();
    else {
      terminal.message('HCPCFC003E', ops.next()!);
      return;
    }
  }
  const entry = system.directory.users.get(userid);
  if (!entry) {
    terminal.message('HCPLGA053E', userid);
    return logonGuard(cluster).failure(terminal, undefined);
  }
  const checkAs = by ? system.directory.users.get(by) : entry;
  const pw = inlinePw ?? (await terminal.prompt('ENTER PASSWORD (IT WILL NOT APPEAR WHEN TYPED):', true));
  if (!checkAs || ['NOLOG', 'AUTOONLY', 'LBYONLY'].includes(checkAs.password) || pw.toUpperCase() !== checkAs.password) {
    terminal.message('HCPLGA050E');
    return logonGuard(cluster).failure(terminal, userid);
  }
  if (by && !entry.logonby.includes(by)) {
    terminal.message('HCPLGA050E');
    return logonGuard(cluster).failure(terminal, userid);
  }
  if (!by && (entry.password === 'NOLOG' || entry.password === 'LBYONLY')) {
    terminal.message('HCPLGA050E');
    return logonGuard(cluster).failure(terminal, userid);
  }
  logonGuard(cluster).success(terminal, userid);
  if (!by && entry.password === 'AUTOONLY') {
    terminal.message('HCPLGA093E', userid);
    return;
  }
  const existing = cluster.findUser(userid);
  if (existing) {
    if (existing.system !== system) return void terminal.message('HCPLGA054E', `system ${existing.system.name}`);
    if (existing.terminal) return void terminal.message('HCPLGA054E', `LDEV ${existing.terminal.name}`);
    if (existing.logoffPending) return void terminal.message('HCPCQU361E', userid);
    // reconnect
    existing.terminal = terminal;
    terminal.vm = existing;
    terminal.write(`RECONNECTED AT ${stamp(system.clock.now())}`);
    system.operatorLine(`USER RECONN ${userid.padEnd(8)} USERS = ${system.vms.size}`);
    return;
  }
  // CSE: a user is logged on to one system of the collection at a time
  const held = cluster.cse.claim(userid, system.name);
  if (held) return void terminal.message('HCPLGA054E', `system ${held}`);
  await logonVirtualMachine(system, entry, terminal, { noipl });
}

/** LOGON typed while logged on. */
export function logonCmd(ctx: CommandContext): number {
  return ctx.msg('HCPLGA054E', ctx.vm.terminal ? `LDEV ${ctx.vm.terminal.name}` : '');
}

export async function logoffCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  let hold = false;
  while (!ops.done) {
    const w = ops.next()!;
    if (abbrev(w, 'HOLD', 4)) hold = true;
    else if (abbrev(w, 'QUICKLY', 1)) continue;
    else return ctx.msg('HCPCFC003E', w);
  }
  await logoffUser(ctx.vm, { hold });
  return 0;
}

export function disconnectCmd(ctx: CommandContext, ops: Operands): number {
  const w = ops.next();
  if (w !== undefined && !abbrev(w, 'HOLD', 4)) return ctx.msg('HCPCFC003E', w);
  const vm = ctx.vm;
  const t = vm.terminal;
  if (!t) return 0;
  t.write(`DISCONNECT AT ${stamp(vm.system.clock.now())}`);
  vm.terminal = null;
  vm.system.operatorLine(`USER DSC   ${vm.userid.padEnd(8)} USERS = ${vm.system.vms.size}`);
  t.release();
  return 0;
}

export { hex4 };
