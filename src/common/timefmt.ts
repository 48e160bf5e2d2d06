/**
 * Date and time layouts used in CP responses (CP-REFERENCE.md §1.3 QUERY TIME,
 * §1.8 "LOGON AT hh:mm:ss zone weekday mm/dd/yy"). The zone is always UTC here
 * (NON-IBM: real CP shows the TIMEZONE_DEFINITION of SYSTEM CONFIG).
 */
const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

export const ZONE = 'UTC';

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** hh:mm:ss */
export function hms(d: Date): string {
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** mm/dd/yy */
export function mdy(d: Date): string {
  return `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${pad2(d.getUTCFullYear() % 100)}`;
}

/** mm/dd */
export function md(d: Date): string {
  return `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}`;
}

export function weekday(d: Date): string {
  return DAYS[d.getUTCDay()]!;
}

/** "hh:mm:ss UTC WEDNESDAY 11/26/25" as in LOGON AT / LOGOFF AT / TIME IS. */
export function stamp(d: Date): string {
  return `${hms(d)} ${ZONE} ${weekday(d)} ${mdy(d)}`;
}

/** Elapsed milliseconds as hh:mm:ss (CONNECT=). */
export function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}

/** CPU milliseconds as mmm:ss.hh (VIRTCPU=, TOTCPU=). */
export function cputime(ms: number): string {
  const hs = Math.floor(ms / 10);
  const m = Math.floor(hs / 6000);
  const s = Math.floor(hs / 100) % 60;
  return `${String(m).padStart(3, '0')}:${pad2(s)}.${pad2(hs % 100)}`;
}
