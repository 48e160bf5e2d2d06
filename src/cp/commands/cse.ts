/**
 * CSE commands (CP-REFERENCE.md §1.9 AT, §3.1 XLINK, §3.2 QUERY COLLECT / ISLINK, §4.2 DIRECTXA):
 *
 *   AT sysname CMD command        run a CP command on another system of the collection
 *                                 (its response lines come back prefixed `sysname: `)
 *   XLINK DISPLAY [volser]        link flags (R/W links) per volume and system
 *   XLINK RESET sysname           drop the link records (and sessions) of a system that is
 *                                 down — e.g. after it died; IPL does the same for its own
 *   DIRECTXA [EDIT] [RDR spoolid] rebuild every system's object directory from the source
 *                                 directory (or a new source in a reader file); new logons
 *                                 on every system use it, logged-on users keep theirs
 *   QUERY COLLECT / QUERY ISLINK  the collection's members and the ISFC links to them
 *
 * NON-IBM layouts for XLINK RESET, DIRECTXA (z/VM's DIRECTXA is a CMS utility) and the
 * HCPXSY messages; QUERY COLLECT/ISLINK follow the spirit of z/VM's [R].
 */
import { buildObjectDirectories } from '../directory/directxa.js';
import { hex4 } from '../directory/model.js';
import { existingIsfcNode } from '../isfc/isfc.js';
import type { CommandContext } from './context.js';
import { type Operands, abbrev, showToken } from './tokenize.js';

export async function atCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  const sys = ops.next();
  if (!sys) return ctx.msg('HCPXSY026E');
  if (!ops.accept('CMD', 3)) return ctx.msg('HCPXSY026E');
  const command = ops.rest();
  if (!command) return ctx.msg('HCPXSY026E');
  const cse = ctx.cluster.cse;
  if (!cse.isMember(sys)) return ctx.msg('HCPXSY2713E', showToken(sys));
  if (!cse.alive(sys)) return ctx.msg('HCPXSY2712E', sys);
  const lines: string[] = [];
  let rc: number;
  const local = ctx.cluster.systems.get(sys);
  if (local) rc = await ctx.cluster.commands.execute(ctx.vm, command, { capture: lines, system: local, terminal: undefined });
  else {
    const r = await cse.remoteCommand(sys, ctx.vm, command);
    if (r.rc < 0) return ctx.msg('HCPXSY2716E', sys);
    rc = r.rc;
    lines.push(...r.lines);
  }
  for (const l of lines) ctx.out(`${sys}: ${l}`);
  return rc;
}

export function xlinkCmd(ctx: CommandContext, ops: Operands): number {
  const w = ops.next();
  if (!w) return ctx.msg('HCPXSY026E');
  const store = ctx.cluster.store;
  if (abbrev(w, 'RESET', 3)) {
    const sys = ops.next();
    if (!sys) return ctx.msg('HCPXSY026E');
    if (!ops.done) return ctx.msg('HCPXSY003E', showToken(ops.next()!));
    if (!ctx.cluster.cse.isMember(sys)) return ctx.msg('HCPXSY2713E', showToken(sys));
    if (ctx.cluster.cse.alive(sys)) return ctx.msg('HCPXSY2714E', sys);
    const n = store.transaction(() => {
      const links = store.allLinks().filter((l) => l.system === sys);
      store.clearLinks(sys);
      store.clearSessions(sys);
      return links.length;
    });
    ctx.out(`${String(n).padStart(4, '0')} LINK RECORDS OF SYSTEM ${sys} RESET`);
    return 0;
  }
  if (abbrev(w, 'DISPLAY', 4)) {
    const vol = ops.next();
    if (!ops.done) return ctx.msg('HCPXSY003E', showToken(ops.next()!));
    const volumes = store.listVolumes().filter((v) => !vol || v.volser === vol);
    if (vol && !volumes.length) return ctx.msg('HCPXSY003E', showToken(vol));
    const links = store.allLinks().filter((l) => l.access === 'W');
    for (const v of volumes) {
      const flags = links
        .map((l) => ({ l, md: store.getMinidisk(l.owner, l.ownerVdev) }))
        .filter((x) => x.md?.volser === v.volser)
        .sort((a, b) => a.md!.start - b.md!.start || (a.l.system < b.l.system ? -1 : 1));
      ctx.out(`-CYL- READ/WRITE FLAGS ON ${v.volser} (SYSTEMS=${ctx.cluster.config.systems.length})`);
      if (!flags.length) ctx.out('----- NO LINK FLAGS ON THIS VOLUME');
      for (const { l, md } of flags)
        ctx.out(`${String(md!.start).padStart(5, '0')} R/W  ${l.system.padEnd(8)} ${l.userid.padEnd(8)} ${hex4(l.vdev)} (${l.owner} ${hex4(l.ownerVdev)})`);
    }
    return 0;
  }
  return ctx.msg('HCPXSY003E', showToken(w));
}

export function directxaCmd(ctx: CommandContext, ops: Operands): number {
  let edit = false;
  let spoolid: number | undefined;
  while (!ops.done) {
    const w = ops.next()!;
    if (w === 'EDIT' || w === '(EDIT') edit = true;
    else if (w === 'RDR' || abbrev(w, 'READER', 1)) {
      const id = ops.next();
      if (!id || !/^\d{1,4}$/.test(id)) return ctx.msg('HCPDIR026E');
      spoolid = Number(id);
    } else return ctx.msg('HCPDIR003E', showToken(w));
  }
  const store = ctx.cluster.store;
  let text: string;
  let file = store.getMeta('directory_file') ?? 'USER DIRECT';
  if (spoolid !== undefined) {
    const f = store.getSpoolFile(spoolid);
    if (!f || f.owner !== ctx.vm.userid || f.queue !== 'RDR') return ctx.msg('HCPDIR042E', String(spoolid).padStart(4, '0'));
    text = store.readSpoolRecords(spoolid).join('\n');
    file = `${f.name || 'USER'} ${f.type || 'DIRECT'}`.trim();
  } else text = store.getMeta('directory') ?? '';
  const r = buildObjectDirectories(text, file, ctx.cluster.config);
  for (const l of r.report.slice(0, -1)) ctx.out(l);
  if (!r.ok || edit) {
    ctx.out(r.ok ? 'EOJ DIRECTORY NOT UPDATED (EDIT)' : 'EOJ DIRECTORY NOT UPDATED');
    return r.ok ? 0 : ctx.msg('HCPDIR008E');
  }
  store.transaction(() => {
    store.setMeta('directory', text);
    store.setMeta('directory_file', file);
    // every system (in any process) sees the new version and builds its object directory
    store.setMeta('directory_version', `${Date.now()}.${process.pid}`);
  });
  ctx.cluster.installDirectories(r.bySystem);
  ctx.cluster.cse.directoryVersion = store.getMeta('directory_version') ?? '';
  // minidisks new in this directory get their store records on first LINK/LOGON
  ctx.out(r.report.at(-1)!);
  return 0;
}

/** QUERY COLLECT: the systems of the collection and their state. */
export function qCollect(ctx: CommandContext, ops: Operands): number {
  if (!ops.done) return ctx.msg('HCPCQV003E', showToken(ops.next()!));
  const cse = ctx.cluster.cse;
  ctx.out('Collection members:');
  for (const s of ctx.cluster.config.systems) {
    const up = cse.alive(s.name);
    const here = s.name === ctx.system.name ? ' (this system)' : '';
    ctx.out(`  ${s.name.padEnd(8)} Slot ${s.slot}  ${up ? 'Up  ' : 'Down'}${here}`);
  }
  return 0;
}

/** QUERY ISLINK: the ISFC links from this system to the other members. */
export function qIslink(ctx: CommandContext, ops: Operands): number {
  if (!ops.done) return ctx.msg('HCPCQV003E', showToken(ops.next()!));
  const cse = ctx.cluster.cse;
  const me = ctx.system.name;
  const peers = new Set<string>();
  for (const [a, b] of ctx.cluster.config.isfcLinks) {
    if (a === me) peers.add(b);
    if (b === me) peers.add(a);
  }
  if (!peers.size) {
    ctx.out('No ISFC links are defined');
    return 0;
  }
  // an ISFC node (src/cp/isfc) knows its links; without one, CSE traffic goes in memory
  // between systems of this process and through the shared store to other processes
  const node = existingIsfcNode(ctx.system);
  for (const p of [...peers].sort()) {
    const link = node?.peers().find((x) => x.peer === p);
    const up = link ? link.up : cse.alive(p);
    const how = link ? (link.transport === 'TCP' ? 'TCP' : 'in memory') : ctx.cluster.systems.has(p) ? 'in memory' : 'shared store';
    ctx.out(`Node ${p.padEnd(8)} Link state: ${up ? 'Up  ' : 'Down'}  Transport: ${how}`);
  }
  return 0;
}
