/**
 * The Linux-like workload guest (DESIGN.md §4; IPL LINUX PARM RATE=n WSS=size):
 * it writes its storage at a configurable rate (pages per second) over a configurable
 * working set, and keeps a counter that proves it kept running: the counter is in the
 * first 8 bytes of page 0 (so it moves with the guest's memory) and in the control
 * block's COUNTER word (so CP can show it without a call). Every page it writes carries
 * the counter value and the page number, so a copy can be checked for consistency.
 *
 * Console: it answers `counter`, `status`, `rate n`, `wss size` typed at the console
 * (polled; it never blocks in a read), printing one line each.
 */
import { CTL_COUNTER, CTL_THROTTLE, type GuestChannel, type GuestStartData } from '../../common/channel.js';
import { PAGE_SIZE } from '../storage/guest-storage.js';

export interface WorkloadParms {
  rate: number;
  wss: number;
}

/** 'LNXW': page 0 holds the workload's state after the counter */
const STATE_MAGIC = 0x4c4e5857;

export function parseWorkloadParm(parm: string, storageSize: number): WorkloadParms {
  const p: WorkloadParms = { rate: 100, wss: Math.min(8 * 1024 * 1024, storageSize - PAGE_SIZE) };
  for (const [, k, v] of parm.matchAll(/(\w+)=(\S+)/g)) {
    const key = k!.toUpperCase();
    if (key === 'RATE' && /^\d+$/.test(v!)) p.rate = Number(v);
    if (key === 'WSS') {
      const m = /^(\d+)([KMG]?)$/i.exec(v!);
      if (m) p.wss = Number(m[1]) * ({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase() as 'K'] ?? 1);
    }
  }
  p.wss = Math.max(PAGE_SIZE, Math.min(p.wss, storageSize - PAGE_SIZE));
  return p;
}

export function runLinuxWorkload(ch: GuestChannel, data: GuestStartData): void {
  const bytes = new Uint8Array(data.storage.data);
  const bits = new Int32Array(data.storage.bits);
  const view = new DataView(data.storage.data);
  const pages = bytes.length / PAGE_SIZE;
  const p = parseWorkloadParm(data.parm, bytes.length);
  ch.write(`Linux-like workload guest ${data.userid} starting: storage ${bytes.length / 1048576}M, working set ${p.wss / 1048576}M, rate ${p.rate} pages/s`);
  let counter = Number(view.getBigUint64(0));
  let next = 1;
  // the rest of the guest's state lives in page 0 beside the counter, so that it moves
  // with its memory (live migration): magic, rate, working set, next page to write
  // (a fresh IPL takes RATE and WSS from its PARM; a migrated guest resumes: PARM ... RESUME)
  if (/\bRESUME\b/i.test(data.parm) && view.getUint32(8) === STATE_MAGIC) {
    p.rate = view.getUint32(12);
    p.wss = view.getUint32(16) * PAGE_SIZE;
    next = view.getUint32(20) || 1;
  }
  if (counter) ch.write(`resuming at counter ${counter}`);
  let owed = 0;
  let last = Date.now();
  let lastPoll = 0;
  const ctl = ch.ctl;
  for (;;) {
    ch.checkpoint();
    const now = Date.now();
    // a throttled CPU (migration auto-converge) runs, and so dirties, less
    owed += ((now - last) * p.rate * (100 - Atomics.load(ctl, CTL_THROTTLE))) / 100_000;
    last = now;
    const wsPages = Math.max(1, Math.min(pages - 1, Math.floor(p.wss / PAGE_SIZE)));
    for (; owed >= 1; owed--) {
      counter++;
      const base = next * PAGE_SIZE;
      view.setBigUint64(base, BigInt(counter));
      view.setUint32(base + 8, next);
      bytes.fill(counter & 0xff, base + 12, base + 64);
      Atomics.or(bits, next >>> 5, 1 << (next & 31));
      next = next >= wsPages ? 1 : next + 1;
    }
    counter++;
    view.setBigUint64(0, BigInt(counter));
    view.setUint32(8, STATE_MAGIC);
    view.setUint32(12, p.rate);
    view.setUint32(16, Math.floor(p.wss / PAGE_SIZE));
    view.setUint32(20, next);
    Atomics.or(bits, 0, 1);
    Atomics.store(ctl, CTL_COUNTER, counter | 0);
    if (now - lastPoll >= 100) {
      lastPoll = now;
      const line = ch.poll();
      if (line !== undefined) answer(ch, line.trim(), p, () => counter);
    }
    ch.sleep(10);
  }
}

function answer(ch: GuestChannel, line: string, p: WorkloadParms, counter: () => number): void {
  const [w = '', v] = line.split(/\s+/);
  switch (w.toLowerCase()) {
    case '':
      return;
    case 'counter':
      return ch.write(`counter=${counter()}`);
    case 'status':
      return ch.write(`counter=${counter()} rate=${p.rate} wss=${p.wss / 1048576}M`);
    case 'rate':
      if (v && /^\d+$/.test(v)) p.rate = Number(v);
      return ch.write(`rate=${p.rate}`);
    case 'wss': {
      const n = parseWorkloadParm(`WSS=${v ?? ''}`, Number.MAX_SAFE_INTEGER).wss;
      if (v) p.wss = n;
      return ch.write(`wss=${p.wss / 1048576}M`);
    }
    default:
      return ch.write(`-sh: ${w}: command not found`);
  }
}
