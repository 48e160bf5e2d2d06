/**
 * Failed LOGON attempts (issue 9 "Security"): counted per connection (CpTerminal)
 * and per user ID (across connections, for a window of time). When either count
 * reaches the limit, CP answers HCPLGA6050E, keeps the terminal busy (RUNNING,
 * nothing read) for the delay, then drops the connection — as z/VM delays and
 * disconnects a terminal after repeated invalid passwords. A successful LOGON
 * clears the user's count. Passwords are never stored here: only counts.
 *
 * The policy is per cluster (logonGuard(cluster).configure(...), `vmrexx serve
 * --logon-attempts N --logon-delay S`); time comes from injectable timers so tests
 * never sleep.
 */
import type { Cluster } from './cluster.js';
import type { CpTerminal } from './terminal.js';

export interface GuardTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  now(): number;
}

export interface LogonGuardOptions {
  /** failed attempts (per connection or per user) before the terminal is dropped; 0 = never */
  limit: number;
  /** how long CP keeps the terminal before dropping it, ms */
  delayMs: number;
  /** how long a user's failures are remembered, ms */
  windowMs: number;
  timers: GuardTimers;
}

export const DEFAULT_LOGON_GUARD: Omit<LogonGuardOptions, 'timers'> = { limit: 5, delayMs: 5_000, windowMs: 15 * 60_000 };

const REAL: GuardTimers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  now: () => Date.now(),
};

export class LogonGuard {
  opts: LogonGuardOptions = { ...DEFAULT_LOGON_GUARD, timers: REAL };
  private readonly users = new Map<string, { count: number; last: number }>();
  /** terminals dropped so far (for the operator and tests) */
  dropped = 0;

  configure(o: Partial<LogonGuardOptions>): this {
    this.opts = { ...this.opts, ...o };
    return this;
  }

  /** Failures counted for a user now (0 after the window). */
  userFailures(userid: string): number {
    const u = this.users.get(userid);
    if (!u) return 0;
    if (this.opts.timers.now() - u.last > this.opts.windowMs) {
      this.users.delete(userid);
      return 0;
    }
    return u.count;
  }

  /** A LOGON for `userid` succeeded: its count starts again. */
  success(terminal: CpTerminal, userid: string): void {
    this.users.delete(userid);
    terminal.logonFailures = 0;
  }

  /**
   * A LOGON failed (the caller has shown HCPLGA050E). Resolves at once while under
   * the limit; at the limit, shows HCPLGA6050E, waits the delay and drops the
   * terminal, then resolves.
   */
  async failure(terminal: CpTerminal, userid: string | undefined): Promise<void> {
    terminal.logonFailures++;
    let userCount = 0;
    if (userid) {
      userCount = this.userFailures(userid) + 1;
      this.users.set(userid, { count: userCount, last: this.opts.timers.now() });
    }
    const { limit, delayMs } = this.opts;
    if (limit <= 0 || (terminal.logonFailures < limit && userCount < limit)) return;
    terminal.message('HCPLGA6050E');
    await new Promise<void>((r) => this.opts.timers.setTimeout(r, delayMs));
    this.dropped++;
    terminal.close();
  }
}

const guards = new WeakMap<Cluster, LogonGuard>();

/** The LOGON policy of a cluster. */
export function logonGuard(cluster: Cluster): LogonGuard {
  let g = guards.get(cluster);
  if (!g) guards.set(cluster, (g = new LogonGuard()));
  return g;
}
