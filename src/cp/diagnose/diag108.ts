/**
 * DIAGNOSE X'108' — guest LAN PING (installation range; vmrexx: the guest LAN of issue 5).
 * Any user may call it (the CMS PING EXEC does, through the migration function package).
 *
 *   args ['PING', userid, timeoutMs?, waitMs?, lan?]  wait waitMs first (the PING interval),
 *        then ask userid's NIC on the guest LAN (default GLAN1). rc 0: result
 *        "system counter ms" (the guest's counter in the reply, the reply time); rc 1: no
 *        reply within timeoutMs (default 2000).
 */
import type { VirtualMachine } from '../guest/virtual-machine.js';
import { lanPing } from '../migration/lan.js';
import type { DiagResult } from './index.js';

export async function diag108(vm: VirtualMachine, args: (string | number)[]): Promise<DiagResult> {
  const fn = String(args[0] ?? '').toUpperCase();
  if (fn !== 'PING') return { rc: 3, cc: 3, result: '' };
  const userid = String(args[1] ?? '').toUpperCase();
  if (!userid) return { rc: 26, cc: 3, result: '' };
  const timeout = Number(args[2] ?? '') || 2000;
  const wait = Number(args[3] ?? '') || 0;
  const lan = String(args[4] ?? '') || 'GLAN1';
  if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait, 60_000)));
  const r = await lanPing(vm.system, userid, lan.toUpperCase(), timeout);
  if (r.rc !== 0) return { rc: 1, cc: 1, result: `${Math.round(r.ms ?? 0)}` };
  return { rc: 0, cc: 0, result: `${r.system} ${r.counter} ${(r.ms ?? 0).toFixed(1)}` };
}
