/**
 * Scripted consoles for tests (issue 3: "the same as a library for vitest:
 * startCluster, console.type, console.waitFor"). A TestConsole is a ConsoleSession whose
 * output is collected; type() enters a line and resolves with the output it caused, once
 * CP or the guest is waiting for input again (or nothing has happened for a while when a
 * guest runs without reading).
 */
import { Cluster, type ClusterOptions } from '../../cp/cluster.js';
import { ConsoleSession } from './session.js';

export interface TestConsole {
  readonly session: ConsoleSession;
  /** every output line so far */
  readonly output: string[];
  /** Type a line; resolves with the output lines that followed it. */
  type(line: string, timeoutMs?: number): Promise<string[]>;
  /** Wait until an output line matches (searching from the last type()); resolves with it. */
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Attention (PA1); resolves with the output that followed. */
  attention(): Promise<string[]>;
  /** Output since connecting that no type() has returned yet (the logo, messages). */
  drain(): Promise<string[]>;
}

export interface TestCluster {
  readonly cluster: Cluster;
  console(system?: string): TestConsole;
  shutdown(): Promise<void>;
}

const QUIET_MS = 25;
const RUNNING_QUIET_MS = 400;

export async function startCluster(opts: ClusterOptions = {}): Promise<TestCluster> {
  const cluster = await Cluster.open(opts);
  return {
    cluster,
    console(system?: string) {
      const sys = system ? cluster.system(system) : cluster.defaultSystem;
      if (!sys) throw new Error(`no system ${system}`);
      return attachTestConsole(cluster, sys.name);
    },
    shutdown: () => cluster.shutdown(),
  };
}

export function attachTestConsole(cluster: Cluster, systemName: string): TestConsole {
  const output: string[] = [];
  let mark = 0;
  /** where the output of the last type() began: waitFor searches from here */
  let since = 0;
  const waiters = new Set<() => void>();
  const sys = cluster.system(systemName)!;
  const session = ConsoleSession.connect(sys, (e) => {
    if (e.type === 'output') output.push(e.line);
    for (const w of [...waiters]) w();
  });

  const settle = (timeoutMs: number): Promise<string[]> =>
    new Promise((resolve, reject) => {
      const start = Date.now();
      const tick = () => {
        const quiet = Date.now() - session.lastActivity;
        const done =
          session.state === 'CLOSED' ||
          (session.idle && quiet >= QUIET_MS) ||
          (session.state === 'RUNNING' && session.pending === 0 && quiet >= RUNNING_QUIET_MS);
        if (done) {
          const lines = output.slice(mark);
          mark = output.length;
          resolve(lines);
        } else if (Date.now() - start > timeoutMs) reject(new Error(`console did not settle in ${timeoutMs} ms; output so far:\n${output.slice(mark).join('\n')}`));
        else setTimeout(tick, 5);
      };
      setTimeout(tick, 5);
    });

  return {
    session,
    output,
    async type(line, timeoutMs = 15_000) {
      await settle(timeoutMs); // anything before the line belongs to the previous step
      mark = output.length;
      since = mark;
      session.submitLine(line);
      session.lastActivity = Date.now();
      return settle(timeoutMs);
    },
    waitFor(pattern, timeoutMs = 15_000) {
      const re = typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern;
      const from = since;
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = output.slice(from).find((l) => re.test(l));
          if (hit !== undefined) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${re}; output:\n${output.slice(from).join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async attention() {
      mark = output.length;
      session.attention();
      session.lastActivity = Date.now();
      return settle(15_000);
    },
    drain() {
      return settle(15_000);
    },
  };
}
