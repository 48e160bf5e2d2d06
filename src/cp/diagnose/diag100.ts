/**
 * DIAGNOSE X'100' — TRACK (installation range; LIVE-GUEST-MIGRATION.md "TRACK DIAGNOSE";
 * DESIGN.md §3): gives an authorized guest access to another guest's storage as a data
 * space — the shared buffer itself, never a copy. Authorization: OPTION TRACK on the
 * caller's directory entry; anyone else gets cc 3, rc 1970 (HCPDIA1970E on the console,
 * as z/VM refuses a privileged DIAGNOSE).
 *
 *   args ['ATTACH', userid, 'R'|'W']  cc 0: result "pages changebits-words", and the reply
 *                                     carries storage {data, bits, readOnly}; cc 2 rc 45:
 *                                     not logged on here; rc 1954: W while it is not being
 *                                     migrated inward (only an inward guest may be written)
 *   args ['SEND', userid]             bulk transfer of the pages found by the last
 *                                     "retrieve migration change bits" of the caller's
 *                                     outward migration (DIAG X'104'): result = "sent
 *                                     still-dirty ms"; it returns early when a special
 *                                     message arrives for the caller meanwhile (the rest
 *                                     stays pending for the next SEND); rc 1960 + why on failure
 *   args ['DETACH', userid]           cc 0
 */
import type { VirtualMachine } from '../guest/virtual-machine.js';
import { relocations } from '../migration/engine.js';
import { incomingOf } from '../migration/target.js';
import type { DiagResult } from './index.js';

export function authorized(vm: VirtualMachine, option: string, code: number): DiagResult | undefined {
  if (vm.entry.options.has(option)) return undefined;
  vm.msg('HCPDIA1970E', code.toString(16).toUpperCase(), vm.userid);
  return { rc: 1970, cc: 3, result: '' };
}

export async function diag100(vm: VirtualMachine, args: (string | number)[]): Promise<DiagResult & { storage?: unknown }> {
  const denied = authorized(vm, 'TRACK', 0x100);
  if (denied) return denied;
  const fn = String(args[0] ?? '').toUpperCase();
  const userid = String(args[1] ?? '').toUpperCase();
  if (!userid) return { rc: 26, cc: 3, result: '' };
  if (fn === 'ATTACH') {
    const mode = String(args[2] ?? 'R').toUpperCase();
    const inward = incomingOf(vm.system).get(userid);
    const target = vm.system.vms.get(userid);
    if (mode === 'W') {
      if (!inward) return { rc: 1954, cc: 2, result: '' };
      const s = inward.vm.storage;
      return { rc: 0, cc: 0, result: `${s.pages} ${s.bits.length}`, storage: { ...s.buffers, readOnly: false } };
    }
    const g = target ?? inward?.vm;
    if (!g) return { rc: 45, cc: 2, result: '' };
    return { rc: 0, cc: 0, result: `${g.storage.pages} ${g.storage.bits.length}`, storage: { ...g.storage.buffers, readOnly: true } };
  }
  if (fn === 'DETACH') return { rc: 0, cc: 0, result: '' };
  if (fn === 'SEND') {
    const m = relocations.get(userid);
    if (!m || m.owner !== vm.userid) return { rc: 1961, cc: 2, result: '' };
    try {
      const t0 = performance.now();
      // a special message arriving for the caller interrupts the transfer (see sendPending);
      // only a new one: messages it left unread must not stop every later pass
      const queued = vm.smsgQueue.length;
      const n = await m.sendPending(() => vm.smsgQueue.length > queued);
      const st = m.recordPass(n, performance.now() - t0);
      return { rc: 0, cc: 0, result: `${n} ${st.dirty} ${Math.round(st.ms)}` };
    } catch (e) {
      return { rc: 1960, cc: 1, result: e instanceof Error ? e.message : String(e) };
    }
  }
  return { rc: 3, cc: 3, result: '' };
}
