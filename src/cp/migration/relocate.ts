/**
 * One relocation as the requester sees it (VMRELOCATE MOVE/TEST, the moving vans):
 * eligibility with reasons, the "started" line, progress per pass, completion with
 * totals and downtime (or the reason it was cancelled), and the report files.
 */
import { cpMessage } from '../messages.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import { type MigrationResult, type MoveOptions, OutwardMigration, type FaultPlan } from './engine.js';
import { writeReport } from './report.js';

export interface Say {
  /** a response line */
  out(line: string): void;
  /** a catalogue message; returns its number */
  msg(id: string, ...inserts: (string | number)[]): number;
}

/** Test hook: the next relocation of this user meets this fault. */
export const plannedFaults = new Map<string, FaultPlan>();

export async function checkEligible(guest: VirtualMachine, dest: string, opts: MoveOptions, say: Say): Promise<number> {
  const m = new OutwardMigration(guest, dest, opts);
  const reasons = await m.check();
  if (!reasons.length) return 0;
  const rc = say.msg('HCPRLH1940E', guest.userid);
  for (const r of reasons) say.msg(r.id, ...r.inserts);
  return rc;
}

export interface RelocateOutcome {
  rc: number;
  result?: MigrationResult;
  report?: string;
}

export async function relocate(guest: VirtualMachine, dest: string, opts: MoveOptions, say: Say): Promise<RelocateOutcome> {
  const rc = await checkEligible(guest, dest, opts, say);
  if (rc) return { rc };
  const from = guest.system.name;
  const u = guest.userid;
  const m = new OutwardMigration(guest, dest, opts, (l) => say.out(l));
  const f = plannedFaults.get(u);
  if (f) {
    plannedFaults.delete(u);
    m.fault = f;
  }
  say.out(`Relocation of ${u} from ${from} to ${dest} started`);
  const result = await m.run();
  const report = writeReport(guest.system.cluster.dataFile, { userid: u, from, to: dest, requester: opts.requester ?? '', when: new Date(m.started) }, result);
  if (!result.ok) {
    if (m.inDoubt) return { rc: say.msg('HCPRLH1964E', u, from, dest, result.reason ?? ''), result, report };
    const n = say.msg('HCPRLH1960E', u, from, dest, result.reason ?? 'unknown reason');
    return { rc: n, result, report };
  }
  say.out(`User ${u} has been relocated from ${from} to ${dest}`);
  say.out(
    `Relocation of ${u}: ${result.passes.length} passes, ${result.pagesSent} pages sent (${((100 * result.pagesSent) / result.guestPages).toFixed(1)}% of ${result.guestPages}), ` +
      `total ${(result.totalMs / 1000).toFixed(3)} s, quiesce ${(result.quiesceMs / 1000).toFixed(3)} s, memory digest matched`,
  );
  if (report) say.out(`Relocation report: ${report}.txt (chart ${report}.svg)`);
  return { rc: 0, result, report };
}

export function sayFor(vm: VirtualMachine): Say {
  return {
    out: (l) => vm.out(l),
    msg: (id, ...ins) => {
      const line = vm.editMsg(cpMessage(id, ...ins));
      if (line !== undefined) vm.out(line);
      return Number(/(\d+)[A-Z]$/.exec(id)?.[1] ?? 0);
    },
  };
}
