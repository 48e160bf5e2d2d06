/**
 * LINK [TO] userid vdev1 [AS] vdev2 [mode] [[PASS=] password]   (class G)
 * (CP-REFERENCE.md §1.4). `*` names one's own directory entry. The default mode is R
 * for another user's minidisk and the MDISK mode for one's own. A password is needed
 * unless the MDISK password for the mode is ALL, the disk is one's own, or the linker
 * has OPTION LNKNOPAS; at a console CP prompts for it when it is not on the command.
 */
import type { MdiskStmt } from '../directory/model.js';
import { hex4, isValidUserid, parseVdev } from '../directory/model.js';
import { addMinidiskDevice, evaluateLink, isLinkMode, mdiskPassword, passwordKind } from '../minidisk/link.js';
import type { CommandContext } from './context.js';
import { type Operands, showToken } from './tokenize.js';

export async function linkCmd(ctx: CommandContext, ops: Operands): Promise<number> {
  const vm = ctx.vm;
  if (ops.peek() === 'TO' && ops.count > 3) ops.next();
  const ownerW = ops.next();
  if (!ownerW || !(ownerW === '*' || isValidUserid(ownerW))) return ctx.msg('HCPLNM020E');
  const owner = ownerW === '*' ? vm.userid : ownerW;
  const v1 = parseVdev(ops.next());
  if (v1 === undefined) return ctx.msg('HCPLNM022E');
  if (ops.peek() === 'AS') ops.next();
  const v2 = parseVdev(ops.next());
  if (v2 === undefined) return ctx.msg('HCPLNM022E');
  let mode: string | undefined;
  let password: string | undefined;
  if (!ops.done && isLinkMode(ops.peek()!)) mode = ops.next();
  if (!ops.done) {
    const w = ops.nextRaw()!;
    if (/^PASS=$/i.test(w)) password = ops.nextRaw();
    else if (/^PASS=/i.test(w)) password = w.slice(5);
    else if (mode === undefined && !ops.done) return ctx.msg('HCPCFC003E', showToken(w.toUpperCase()));
    else password = w;
    if (password === undefined) return ctx.msg('HCPLNM026E');
  }
  if (!ops.done) return ctx.msg('HCPCFC003E', showToken(ops.next()!));
  const entry = ctx.system.directory.users.get(owner);
  if (!entry) return ctx.msg('HCPLNM053E', owner);
  const m = entry.devices.find((d): d is MdiskStmt => d.kind === 'MDISK' && d.vdev === v1);
  if (!m) return ctx.msg('HCPLNM107E', owner, hex4(v1));
  if (vm.devices.has(v2)) return ctx.msg('HCPLNM110E', owner, hex4(v1), hex4(v2));
  const own = owner === vm.userid;
  if (mode === undefined) mode = own ? m.mode.replace(/V$/, '') : 'R';
  if (typeof m.start !== 'number') return ctx.msg('HCPLNM107E', owner, hex4(v1));
  if (!ctx.cluster.config.volumes.has(m.volser)) return ctx.msg('HCPLNM108E', owner, hex4(v1), m.volser);
  // passwords
  if (!own && !vm.entry.options.has('LNKNOPAS')) {
    const kind = passwordKind(mode);
    const need = mdiskPassword(m, kind);
    if (need === undefined) return ctx.msg('HCPLNM111E', owner, hex4(v1), kind);
    if (need.toUpperCase() !== 'ALL') {
      if (password === undefined) {
        if (!ctx.terminal || ctx.captured) return ctx.msg('HCPLNM113E', owner, hex4(v1));
        password = await ctx.terminal.prompt(`ENTER ${kind.toUpperCase()} PASSWORD:`, true);
      }
      if (password.toUpperCase() !== need.toUpperCase()) return ctx.msg('HCPLNM113E', owner, hex4(v1));
    }
  }
  if (vm.loggedOff) return 0;
  if (vm.devices.has(v2)) return ctx.msg('HCPLNM110E', owner, hex4(v1), hex4(v2));
  // decide and record in one store transaction: no other system (or process) links in between
  const linkMode = mode;
  const r = ctx.cluster.store.transaction(() => {
    const r = evaluateLink(ctx.cluster, vm, owner, v1, v2, linkMode);
    if (r.ok) addMinidiskDevice(ctx.cluster, vm, entry, m, v2, r.access, linkMode, own ? 'MDISK' : 'LINK');
    return r;
  });
  if (!r.ok) return ctx.msg(r.id, ...r.inserts);
  if (r.note?.id) return ctx.msg(r.note.id, ...(r.note.inserts ?? [])), 0;
  if (r.note?.text && vm.settings.imsg !== 'OFF') ctx.out(r.note.text);
  return 0;
}
