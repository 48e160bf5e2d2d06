/**
 * DIAGNOSE X'104' — the Migration DIAGNOSE (installation range; LIVE-GUEST-MIGRATION.md):
 * exactly the SHARE 109 functions, for an authorized service machine (OPTION MIGRATE on
 * its directory entry; anyone else: cc 3, rc 1970). args[0] is the function, by number or
 * name; args[1] the guest's user ID. Results are strings (result), rc 0 = done.
 *
 *   1 BEGIN OUTWARD userid dest     eligibility checked (rc 1940 and the reasons, one per
 *                                   line, in result), change tracking starts
 *     BEGIN INWARD userid           on the destination: may this guest come here? (rc 1940 + reasons)
 *   2 GETCONFIG userid              the guest configuration (JSON) in result
 *   3 SETCONFIG userid              the configuration is set on the destination, which
 *                                   builds the (not running) guest
 *   4 CHANGEBITS userid             retrieve migration change bits: result = pages to send
 *                                   (first call: every non-zero page); the page set is kept
 *                                   for the bulk transfer (DIAG X'100' SEND / MIGSEND)
 *   5 STUN userid                   the guest's virtual CPU stops
 *   6 GETSTATE userid               virtual CPU state and pending interrupts (JSON); the
 *                                   memory digest is taken now
 *   7 RESTORE userid                state and digest go to the destination, which checks
 *                                   the digest, restores the state and starts the guest;
 *                                   the source copy is logged off. rc 1960 + reason on failure
 *   8 ABORT userid [reason]         the guest runs on here; the destination drops its copy
 */
import type { VirtualMachine } from '../guest/virtual-machine.js';
import { cpMessage } from '../messages.js';
import { OutwardMigration, relocations } from '../migration/engine.js';
import { type GuestConfig, getGuestConfig } from '../migration/guest-image.js';
import { plannedFaults } from '../migration/relocate.js';
import { writeReport } from '../migration/report.js';
import { targetReasons } from '../migration/target.js';
import { authorized } from './diag100.js';
import type { DiagResult } from './index.js';

const NAMES = ['', 'BEGIN', 'GETCONFIG', 'SETCONFIG', 'CHANGEBITS', 'STUN', 'GETSTATE', 'RESTORE', 'ABORT'];

function fail(rc: number, text: string): DiagResult {
  return { rc, cc: 1, result: text };
}

export async function diag104(vm: VirtualMachine, args: (string | number)[]): Promise<DiagResult> {
  const denied = authorized(vm, 'MIGRATE', 0x104);
  if (denied) return denied;
  let fn = String(args[0] ?? '').toUpperCase();
  if (/^[1-8]$/.test(fn)) fn = NAMES[Number(fn)]!;
  if (fn === 'BEGIN') {
    const dir = String(args[1] ?? '').toUpperCase();
    const userid = String(args[2] ?? '').toUpperCase();
    if (!userid || (dir !== 'OUTWARD' && dir !== 'INWARD')) return { rc: 26, cc: 3, result: '' };
    if (dir === 'INWARD') {
      const entry = vm.system.cluster.directory.users.get(userid);
      if (!entry) return fail(53, `${userid} not in CP directory`);
      const c: GuestConfig = { userid, storageSize: entry.storage, facilities: [], cpLevel: 0, volumes: [] } as unknown as GuestConfig;
      const reasons = targetReasons(vm.system, c, []);
      if (reasons.length) return fail(1940, reasons.map((r) => cpMessage(r.id, ...r.inserts).text).join('\n'));
      return { rc: 0, cc: 0, result: '' };
    }
    const dest = String(args[3] ?? '').toUpperCase();
    const guest = vm.system.vms.get(userid); // a van moves guests of its own system
    if (!guest || guest.loggedOff) return fail(45, `${userid} not logged on at ${vm.system.name}`);
    if (!dest) return { rc: 26, cc: 3, result: '' };
    const m = new OutwardMigration(guest, dest, { requester: vm.userid, maxQuiesceMs: Number(args[4] ?? '') > 0 ? Number(args[4]) * 1000 : undefined });
    m.owner = vm.userid;
    const reasons = await m.check();
    if (reasons.length) return fail(1940, reasons.map((r) => cpMessage(r.id, ...r.inserts).text).join('\n'));
    relocations.set(userid, m);
    const planned = plannedFaults.get(userid); // test hook, as for VMRELOCATE
    if (planned) {
      plannedFaults.delete(userid);
      m.fault = planned;
    }
    return { rc: 0, cc: 0, result: `${guest.storage.pages}` };
  }
  const userid = String(args[1] ?? '').toUpperCase();
  if (!userid) return { rc: 26, cc: 3, result: '' };
  if (fn === 'GETCONFIG' && !relocations.has(userid)) {
    const guest = vm.system.vms.get(userid);
    return guest ? { rc: 0, cc: 0, result: JSON.stringify(getGuestConfig(guest)) } : fail(45, `${userid} not logged on`);
  }
  const m = relocations.get(userid);
  if (!m || m.owner !== vm.userid) return fail(1961, `no outward migration of ${userid} by ${vm.userid}`);
  const end = (ok: boolean, reason?: string) => {
    relocations.delete(userid);
    const r = m.summary(ok, reason);
    const base = writeReport(vm.system.cluster.dataFile, { userid, from: m.source.name, to: m.dest, requester: vm.userid, when: new Date(m.started) }, r);
    return base;
  };
  try {
    switch (fn) {
      case 'GETCONFIG':
        return { rc: 0, cc: 0, result: JSON.stringify(getGuestConfig(m.vm)) };
      case 'SETCONFIG': {
        const reasons = await m.begin();
        if (reasons.length) {
          relocations.delete(userid);
          return fail(1940, reasons.map((r) => cpMessage(r.id, ...r.inserts).text).join('\n'));
        }
        return { rc: 0, cc: 0, result: '' };
      }
      case 'CHANGEBITS':
        return { rc: 0, cc: 0, result: String(m.retrieveChangeBits()) };
      case 'STUN':
        await m.stun();
        return { rc: 0, cc: 0, result: '' };
      case 'GETSTATE':
        return { rc: 0, cc: 0, result: JSON.stringify(m.getState()) };
      case 'RESTORE': {
        if (!m.state) m.getState();
        await m.sendState();
        await m.commit();
        const base = end(true);
        const r = m.summary(true);
        return { rc: 0, cc: 0, result: `${r.pagesSent} ${r.guestPages} ${r.totalMs} ${Math.round(r.quiesceMs)} ${base ?? ''}` };
      }
      case 'ABORT': {
        const reason = String(args[2] ?? 'aborted by the migrator');
        await m.abort(reason);
        end(false, reason);
        return { rc: 0, cc: 0, result: '' };
      }
    }
    return { rc: 3, cc: 3, result: '' };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (m.committed) {
      end(true);
      return { rc: 0, cc: 0, result: '' };
    }
    await m.abort(reason);
    end(false, reason);
    return fail(1960, reason);
  }
}
