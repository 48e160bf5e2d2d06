/**
 * The migration function package (issue 5; DESIGN.md §3 "Bulk data stays native"):
 * REXX functions over the TRACK (X'100') and Migration (X'104') DIAGNOSEs, for the
 * moving vans (execs/MVVAN EXEC) and the demo orchestrator (execs/MIGRATE EXEC).
 * Every function returns "rc text": rc 0 = done, otherwise the CP return code and why
 * (`parse value MIGBEGIN(user, dest) with rc reasons`). Page transfer is one call per
 * pass (MIGSEND), done natively by CP: a REXX loop over pages would be the wrong design.
 *
 *   MIGBEGIN(user, dest [,maxquiesce])  begin outward migration (eligibility, tracking)
 *   MIGINWARD(user)                     begin inward migration (on the destination)
 *   MIGCONFIG(user)                     get guest configuration (JSON)
 *   MIGSETCONFIG(user)                  set the configuration on the destination
 *   MIGBITS(user)                       retrieve migration change bits: pages to send
 *   MIGSEND(user)                       send them: "0 sent still-dirty ms"
 *   MIGSTUN(user)                       stun the guest
 *   MIGSTATE(user)                      get guest state (JSON; digest taken)
 *   MIGRESTORE(user)                    state + digest to the destination, which restores
 *                                       and starts the guest: "0 sent pages ms quiesce-ms report"
 *   MIGABORT(user [,reason])            abort: the guest runs on at the source
 *   TRACK(user [,R|W])                  TRACK the guest's storage (shared, no copy): "0 pages"
 *   TRACKPEEK(user, address, length)    hex bytes of the TRACKed storage, read in place
 *   LANPING(user [,timeout [,wait [,lan]]])  PING user's NIC on the guest LAN (DIAG X'108')
 */
import type { CmsFunction, CmsFunctionContext } from './index.js';

function diag(ctx: CmsFunctionContext, code: number, ...args: (string | number)[]): { rc: number; cc: number; result: string; storage?: { data: SharedArrayBuffer; readOnly: boolean } } {
  return ctx.ch.diag(code, ...args) as ReturnType<typeof diag>;
}

const tracked = new Map<string, { bytes: Uint8Array; readOnly: boolean }>();

function m104(fn: string, extra = 0): CmsFunction {
  return (args, ctx) => {
    const user = (args[0] ?? '').toUpperCase();
    const r = diag(ctx, 0x104, fn, user, ...args.slice(1, 1 + extra).map((a) => a ?? ''));
    return `${r.rc} ${r.result}`.trimEnd();
  };
}

export const functions: Record<string, CmsFunction> = {
  MIGBEGIN: (args, ctx) => {
    const r = diag(ctx, 0x104, 'BEGIN', 'OUTWARD', (args[0] ?? '').toUpperCase(), (args[1] ?? '').toUpperCase(), args[2] ?? '');
    return `${r.rc} ${r.result}`.trimEnd();
  },
  MIGINWARD: (args, ctx) => {
    const r = diag(ctx, 0x104, 'BEGIN', 'INWARD', (args[0] ?? '').toUpperCase());
    return `${r.rc} ${r.result}`.trimEnd();
  },
  MIGCONFIG: m104('GETCONFIG'),
  MIGSETCONFIG: m104('SETCONFIG'),
  MIGBITS: m104('CHANGEBITS'),
  MIGSEND: (args, ctx) => {
    const r = diag(ctx, 0x100, 'SEND', (args[0] ?? '').toUpperCase());
    return `${r.rc} ${r.result}`.trimEnd();
  },
  MIGSTUN: m104('STUN'),
  MIGSTATE: m104('GETSTATE'),
  MIGRESTORE: m104('RESTORE'),
  MIGABORT: m104('ABORT', 1),
  TRACK: (args, ctx) => {
    const user = (args[0] ?? '').toUpperCase();
    const r = diag(ctx, 0x100, 'ATTACH', user, (args[1] ?? 'R').toUpperCase());
    if (r.rc === 0 && r.storage) tracked.set(user, { bytes: new Uint8Array(r.storage.data), readOnly: r.storage.readOnly });
    return `${r.rc} ${r.result.split(' ')[0] ?? ''}`.trimEnd();
  },
  /** LANPING(user [,timeout-ms [,wait-ms [,lan]]]): "0 system counter ms" or "1 ms" (no reply) */
  LANPING: (args, ctx) => {
    const r = diag(ctx, 0x108, 'PING', (args[0] ?? '').toUpperCase(), args[1] ?? '', args[2] ?? '', (args[3] ?? '').toUpperCase());
    return `${r.rc} ${r.result}`.trimEnd();
  },
  TRACKPEEK: (args) => {
    const t = tracked.get((args[0] ?? '').toUpperCase());
    if (!t) return '';
    const addr = parseInt(args[1] ?? '0', 16) || 0;
    const len = Math.min(256, Number(args[2] ?? '16') || 16);
    return Buffer.from(t.bytes.subarray(addr, addr + len)).toString('hex').toUpperCase();
  },
};
