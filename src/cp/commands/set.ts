/**
 * SET MSG|WNG|IMSG|SMSG ON|OFF|IUCV, SET EMSG ON|OFF|CODE|TEXT|IUCV, SET RUN ON|OFF
 * (CP-REFERENCE.md §1.9). A bad value answers HCPSET003E and changes nothing.
 */
import type { EmsgSetting } from '../messages.js';
import type { OnOffIucv } from '../guest/virtual-machine.js';
import type { CommandContext } from './context.js';
import { type Operands, abbrev, showToken } from './tokenize.js';

export function setCmd(ctx: CommandContext, ops: Operands): number {
  const what = ops.next();
  if (!what) return ctx.msg('HCPSET026E');
  const value = ops.next();
  if (!value) return ctx.msg('HCPSET026E');
  const extra = ops.next();
  if (extra) return ctx.msg('HCPSET003E', showToken(extra));
  const s = ctx.vm.settings;
  const onOffIucv = (v: string): OnOffIucv | undefined => (v === 'ON' || v === 'OFF' || v === 'IUCV' ? v : undefined);
  if (abbrev(what, 'EMSG', 4)) {
    if (!['ON', 'OFF', 'CODE', 'TEXT', 'IUCV'].includes(value)) return ctx.msg('HCPSET003E', showToken(value));
    s.emsg = value as EmsgSetting;
    return 0;
  }
  for (const key of ['MSG', 'WNG', 'IMSG', 'SMSG'] as const) {
    if (!abbrev(what, key, key.length)) continue;
    const v = onOffIucv(value);
    if (!v) return ctx.msg('HCPSET003E', showToken(value));
    s[key.toLowerCase() as 'msg' | 'wng' | 'imsg' | 'smsg'] = v;
    return 0;
  }
  if (abbrev(what, 'RUN', 3)) {
    if (value !== 'ON' && value !== 'OFF') return ctx.msg('HCPSET003E', showToken(value));
    s.run = value === 'ON';
    return 0;
  }
  return ctx.msg('HCPSET003E', showToken(what));
}
