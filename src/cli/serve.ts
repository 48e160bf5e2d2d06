/**
 * `vmrexx serve`: IPL a cluster and serve its consoles to 3270 emulators
 * (TN3270/TN3270E: x3270, c3270, s3270) and to browsers (xterm.js over a
 * WebSocket). Each connection is its own console session on the chosen
 * system, starting at the logo screen (issue 9).
 *
 * Security: the servers listen on loopback unless told otherwise; binding
 * another address while any shipped default password (password = user ID) is
 * unchanged is refused with an explanation, unless --insecure is given.
 * Failed LOGONs are counted per connection and per user: after --logon-attempts
 * (default 5) the terminal is held for --logon-delay seconds (default 5) and
 * dropped (src/cp/logon-guard.ts).
 */
import { Cluster, ClusterConfigError } from '../cp/cluster.js';
import type { CpSystem } from '../cp/system.js';
import { logonGuard } from '../cp/logon-guard.js';
import { ScreenSession } from '../console/core/screen-session.js';
import { startTn3270Server, type Tn3270Server } from '../console/tn3270/index.js';
import type { TerminalInfo } from '../console/tn3270/session-port.js';
import { startWebConsoleServer, type WebConsoleServer } from '../console/web/index.js';

export const SERVE_USAGE =
  'usage: vmrexx serve [FOLDER] [--data FILE] [--system NAME] [--host ADDR] [--tn3270-port N] [--http-port N] [--insecure]\n' +
  '                    [--logon-attempts N] [--logon-delay SECONDS]';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Users whose password is still their own user ID, as shipped. */
export function defaultPasswordUsers(cluster: Cluster): string[] {
  const out: string[] = [];
  for (const u of cluster.directory.users.values()) if (u.password.toUpperCase() === u.userid.toUpperCase()) out.push(u.userid);
  return out;
}

export interface ServeHandle {
  cluster: Cluster;
  tn3270: Tn3270Server;
  web: WebConsoleServer;
  close(): Promise<void>;
}

export interface ServeOptions {
  folder?: string;
  dataFile?: string;
  systemName?: string;
  host?: string;
  tn3270Port?: number;
  httpPort?: number;
  insecure?: boolean;
  autolog?: boolean;
  /** failed LOGONs (per connection or per user) before a terminal is dropped; 0 = never (default 5) */
  logonAttempts?: number;
  /** seconds a terminal is held before it is dropped (default 5) */
  logonDelaySeconds?: number;
}

/** Start both servers on an IPLed cluster (also used by the tests). */
export async function startServe(opts: ServeOptions): Promise<ServeHandle> {
  const host = opts.host ?? '127.0.0.1';
  const cluster = await Cluster.open({ folder: opts.folder, dataFile: opts.dataFile, autolog: opts.autolog ?? true });
  try {
    if (opts.logonAttempts !== undefined) logonGuard(cluster).configure({ limit: opts.logonAttempts });
    if (opts.logonDelaySeconds !== undefined) logonGuard(cluster).configure({ delayMs: opts.logonDelaySeconds * 1000 });
    if (!isLoopback(host) && !opts.insecure) {
      const weak = defaultPasswordUsers(cluster);
      if (weak.length > 0) {
        throw new Error(
          `refusing to listen on ${host}: these users still have their shipped password (the user ID): ${weak.join(' ')}.\n` +
            'Change their passwords in the USER DIRECT file of your cluster folder, or use --insecure to serve anyway.',
        );
      }
    }
    const system: CpSystem | undefined = opts.systemName ? cluster.system(opts.systemName) : cluster.defaultSystem;
    if (!system) throw new Error(`no system ${opts.systemName} in this cluster (${[...cluster.systems.keys()].join(', ')})`);
    const factory = (t: TerminalInfo) => new ScreenSession(system, t);
    const tn3270 = await startTn3270Server({ port: opts.tn3270Port ?? 3270, host, sessionFactory: factory });
    let web: WebConsoleServer;
    try {
      web = await startWebConsoleServer({ port: opts.httpPort ?? 8080, host, sessionFactory: factory });
    } catch (e) {
      await tn3270.close();
      throw e;
    }
    return {
      cluster,
      tn3270,
      web,
      async close() {
        await Promise.allSettled([tn3270.close(), web.close()]);
        await cluster.shutdown();
      },
    };
  } catch (e) {
    await cluster.shutdown();
    throw e;
  }
}

function nonNegative(opt: string, v: string): number {
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v) || !Number.isFinite(n)) throw new Error(`${opt} needs a number, not ${v}`);
  return n;
}

export async function serveMain(args: string[]): Promise<number> {
  const o: ServeOptions = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const val = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--data') o.dataFile = val();
      else if (a === '--system') o.systemName = val();
      else if (a === '--host') o.host = val();
      else if (a === '--tn3270-port') o.tn3270Port = Number(val());
      else if (a === '--http-port') o.httpPort = Number(val());
      else if (a === '--insecure') o.insecure = true;
      else if (a === '--noautolog') o.autolog = false;
      else if (a === '--logon-attempts') o.logonAttempts = nonNegative(a, val());
      else if (a === '--logon-delay') o.logonDelaySeconds = nonNegative(a, val());
      else if (a === '--help' || a === '-h') {
        process.stdout.write(SERVE_USAGE + '\n');
        return 0;
      } else if (a.startsWith('--') || o.folder !== undefined) throw new Error(`unexpected argument ${a}`);
      else o.folder = a;
    } catch (e) {
      process.stderr.write(`vmrexx serve: ${(e as Error).message}\n${SERVE_USAGE}\n`);
      return 2;
    }
  }
  let h: ServeHandle;
  try {
    h = await startServe(o);
  } catch (e) {
    if (e instanceof ClusterConfigError) {
      process.stderr.write(e.report.join('\n') + '\n');
      return 8;
    }
    process.stderr.write(`vmrexx serve: ${(e as Error).message}\n`);
    return 8;
  }
  process.stdout.write(
    `vmrexx: consoles of ${[...h.cluster.systems.keys()].join(', ')} served\n` +
      `  3270 emulators: x3270 -model 3279-2 -codepage cp037 ${h.tn3270.host}:${h.tn3270.port}   (or c3270 / s3270)\n` +
      `  browser:        ${h.web.url}\n` +
      'Press Ctrl-C to shut the cluster down.\n',
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('vmrexx: shutting down\n');
  await h.close();
  return 0;
}
