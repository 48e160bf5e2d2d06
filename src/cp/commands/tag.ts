/**
 * TAG DEV vdev [text] | TAG FILE spoolid [text] | TAG QUERY DEV vdev | TAG QUERY FILE spoolid
 * (CP-REFERENCE.md §1.7): a tag of up to 136 characters that travels with spool files
 * (RSCS uses it for the destination).
 */
import { hex4, parseVdev } from '../directory/model.js';
import type { CommandContext } from './context.js';
import { type Operands, abbrev, showToken } from './tokenize.js';

export function tagCmd(ctx: CommandContext, ops: Operands): number {
  let query = false;
  if (abbrev(ops.peek() ?? '', 'QUERY', 1)) {
    ops.next();
    query = true;
  }
  const what = ops.next();
  if (!what) return ctx.msg('HCPTAG026E');
  const id = ops.next();
  if (!id) return ctx.msg('HCPTAG026E');
  if (abbrev(what, 'DEV', 3)) {
    const vdev = parseVdev(id);
    if (vdev === undefined) return ctx.msg('HCPCFC022E');
    const d = ctx.vm.devices.get(vdev);
    if (!d || (d.type !== 'PUN' && d.type !== 'PRT' && d.type !== 'CONS')) return ctx.msg('HCPTAG040E', hex4(vdev));
    if (query) {
      if (!ops.done) return ctx.msg('HCPCFC003E', showToken(ops.next()!));
      ctx.out(d.spool.tag);
      return 0;
    }
    const text = ops.rest();
    if (text.length > 136) return ctx.msg('HCPTAG026E');
    d.spool.tag = text;
    return 0;
  }
  if (abbrev(what, 'FILE', 4)) {
    if (!/^\d{1,4}$/.test(id)) return ctx.msg('HCPTAG026E');
    const f = ctx.cluster.store.getSpoolFile(Number(id));
    if (!f || (f.owner !== ctx.vm.userid && f.origin !== ctx.vm.userid && !ctx.vm.hasClass('D'))) return ctx.msg('HCPTAG042E', id.padStart(4, '0'));
    if (query) {
      if (!ops.done) return ctx.msg('HCPCFC003E', showToken(ops.next()!));
      ctx.out(f.tag);
      return 0;
    }
    const text = ops.rest();
    if (text.length > 136) return ctx.msg('HCPTAG026E');
    ctx.cluster.store.updateSpoolFile(f.spoolid, { tag: text });
    return 0;
  }
  return ctx.msg('HCPCFC003E', showToken(what));
}
