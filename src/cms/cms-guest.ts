/**
 * The minimal CMS of issue 3: IPL shows the CMS level line and `Ready;`, reads command
 * lines from the console (VM READ) and passes what it does not know to CP, as CMS does
 * with IMPCP (CP-REFERENCE.md §1.8 "Ready; T=0.01/0.01 03:30:29", `Ready(00028);` for a
 * non-zero return code). The full CMS (EXEC, file system, program stack) is issue 4;
 * it builds on this loop and on the channel (src/common/channel.ts).
 *
 * Commands here: CP cmd (explicitly to CP), QUERY CMSLEVEL, anything else goes to CP;
 * when CP does not know it either: `Unknown CP/CMS command` and rc -3.
 */
import { type GuestChannel, type GuestStartData } from '../common/channel.js';

export const CMS_LEVEL = 'z/VM V7.3.0    2025-01-01 00:00';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function readyLine(rc: number, cpuMs: number, now: Date): string {
  const t = (cpuMs / 1000).toFixed(2);
  const time = `${pad2(now.getUTCHours())}:${pad2(now.getUTCMinutes())}:${pad2(now.getUTCSeconds())}`;
  const head = rc === 0 ? 'Ready;' : `Ready(${rc < 0 ? '-' + String(-rc).padStart(4, '0') : String(rc).padStart(5, '0')});`;
  return `${head} T=${t}/${t} ${time}`;
}

export function runCms(ch: GuestChannel, _data: GuestStartData): void {
  ch.write(CMS_LEVEL);
  ch.write(readyLine(0, 10, new Date()));
  for (;;) {
    const line = ch.read();
    const text = line.trim();
    if (text === '') continue;
    const start = process.hrtime.bigint();
    const rc = command(ch, text);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    ch.write(readyLine(rc, Math.max(10, ms), new Date()));
  }
}

function command(ch: GuestChannel, text: string): number {
  const [verb = '', ...rest] = text.split(/\s+/);
  const v = verb.toUpperCase();
  if (v === 'CP') {
    const r = ch.cp(rest.join(' '));
    return r.rc;
  }
  if ((v === 'QUERY' || v === 'Q') && (rest[0] ?? '').toUpperCase() === 'CMSLEVEL') {
    ch.write(CMS_LEVEL.replace(/\s+\S+\s+\S+$/, '').replace('z/VM', 'CMS Level 73, Service Level 000'));
    return 0;
  }
  // IMPCP: an unknown CMS command goes to CP
  const r = ch.cp(text, true);
  if (r.rc === 1 && r.lines.length === 1 && /^HCPCMD001E|^Unknown CP command/.test(r.lines[0]!)) {
    ch.write('Unknown CP/CMS command');
    return -3;
  }
  ch.write(...r.lines);
  return r.rc;
}
