/**
 * Console load benchmark (issue 9, part of `npm run bench`): `vmrexx serve` on a
 * cluster with 100 extra class G users, then 50 TN3270 sessions and 50 browser
 * (WebSocket) sessions on loopback, all logged on at once, each entering commands
 * for CONSOLE_BENCH_SECONDS (default 60, the issue's "a minute").
 *
 * Every command line is `MSG * Tn.a#MSG * Tn.b` (two CP commands split by LINEND);
 * the client waits until both tokens are on its screen (pressing CLEAR whenever the
 * status area says MORE...), keeps every page it saw, and at the end checks that
 * every token arrived, once each, in order: "lost" counts any that did not.
 * Console latency = Enter to the second token on the screen, per command.
 * Reference: a plain loopback TCP echo with the same number of clients (the physical
 * floor for a round trip); the ratio is console p50 / echo p50.
 *
 * Environment: CONSOLE_BENCH_SECONDS (60), CONSOLE_BENCH_TN3270 (50),
 * CONSOLE_BENCH_WEB (50), CONSOLE_BENCH_THINK_MS (pause between commands, 0).
 * Timing lives here, never in tests.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pkg from '@xterm/headless';
import { WebSocket } from 'ws';

import { defaultClusterFolder, readClusterFolder } from '../cp/cluster-folder.js';
import { TnClient } from '../console/tn3270/client-sim.js';
import { startServe } from './serve.js';

const { Terminal } = pkg;

interface Client {
  kind: 'tn3270' | 'web';
  /** screen rows as text */
  rows(): string[];
  status(): string;
  /** resolves at the next screen change */
  changed(): Promise<void>;
  enter(text: string): void;
  clear(): void;
  close(): void;
}

const now = () => performance.now();

/* ---------------- TN3270 client ---------------- */

async function tnClient(port: number): Promise<Client> {
  const c = await TnClient.connect(port, { terminalType: 'IBM-3278-2-E' });
  // the screen as text, made again only after a write
  let cache: string[] = [];
  let cachedAt = -1;
  const rows = () => {
    if (cachedAt !== c.display.writes) {
      cache = c.display.text();
      cachedAt = c.display.writes;
    }
    return cache;
  };
  return {
    kind: 'tn3270',
    rows,
    status: () => (rows()[23] ?? '').slice(60).trim(),
    changed: () => {
      const w = c.display.writes;
      return c.until(() => c.display.writes !== w, 'a screen change', 30_000).catch(() => undefined);
    },
    enter: (text) => {
      c.display.type(text);
      c.sendRecord(c.display.aid('ENTER'));
    },
    clear: () => c.sendRecord(c.display.aid('CLEAR')),
    close: () => c.close(),
  };
}

/* ---------------- WebSocket client (the page's protocol, drawn by headless xterm.js) ---------------- */

async function webClient(url: string): Promise<Client> {
  const term = new Terminal({ rows: 24, cols: 80, allowProposedApi: true, scrollback: 0 });
  const ws = new WebSocket(url.replace(/^http/, 'ws') + 'ws');
  let waiters: (() => void)[] = [];
  let writes = 0;
  ws.on('message', (data, isBinary) => {
    if (!isBinary) return;
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
    term.write(buf.toString('utf8'), () => {
      writes++;
      const w = waiters;
      waiters = [];
      for (const f of w) f();
    });
  });
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'resize', cols: 80, rows: 24 }));
  let cache: string[] = [];
  let cachedAt = -1;
  const rows = () => {
    if (cachedAt === writes) return cache;
    const b = term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < 24; y++) out.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? '');
    cachedAt = writes;
    return (cache = out);
  };
  const key = (s: string) => ws.send(Buffer.from(s, 'utf8'), { binary: true });
  return {
    kind: 'web',
    rows,
    status: () => (rows()[23] ?? '').slice(60).trim(),
    changed: () =>
      new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 30_000);
        waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      }),
    enter: (text) => key(text + '\r'),
    clear: () => key('\x0c'),
    close: () => {
      ws.close();
      term.dispose();
    },
  };
}

/* ---------------- one session ---------------- */

async function until(c: Client, pred: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = now() + ms;
  while (!pred()) {
    if (now() > end) throw new Error(`${c.kind}: timed out waiting for ${what}:\n${c.rows().join('\n')}`);
    await Promise.race([c.changed(), new Promise((r) => setTimeout(r, 50))]);
  }
}

interface SessionResult {
  kind: 'tn3270' | 'web';
  latencies: number[];
  commands: number;
  lost: number;
}

async function logon(c: Client, userid: string): Promise<void> {
  const has = (t: string) => () => c.rows().some((l) => l.includes(t));
  await until(c, has('Enter LOGON userid'), 'the logo');
  c.enter(`LOGON ${userid} NOIPL`);
  await until(c, has('ENTER PASSWORD'), 'the password prompt');
  c.enter(userid);
  await until(c, () => has('LOGON AT')() && c.status().startsWith('CP READ'), 'CP READ after LOGON');
}

/** commands completed by all sessions (progress lines) */
let completed = 0;

/** The line CP writes for `MSG * token` (not the echo of the command). */
const answer = (token: string) => (l: string) => l.includes('MSG FROM') && l.trimEnd().endsWith(` ${token}`);

async function run(c: Client, id: number, endAt: number, thinkMs: number): Promise<SessionResult> {
  const latencies: number[] = [];
  const pages: string[][] = [];
  const outputArea = () => c.rows().slice(0, 22);
  let seq = 0;
  while (now() < endAt) {
    seq++;
    const a = `T${id}.${seq}a`;
    const b = `T${id}.${seq}b`;
    const t0 = now();
    c.enter(`MSG * ${a}#MSG * ${b}`);
    // wait for the second answer, turning pages as MORE... asks
    for (;;) {
      const screen = outputArea();
      if (screen.some(answer(b)) && c.status().startsWith('CP READ')) break;
      if (c.status().startsWith('MORE...')) {
        pages.push(screen);
        c.clear();
        await c.changed();
        continue;
      }
      await until(c, () => c.status().startsWith('MORE...') || (outputArea().some(answer(b)) && c.status().startsWith('CP READ')), `${b}`, 30_000);
    }
    latencies.push(now() - t0);
    completed++;
    if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs));
  }
  pages.push(outputArea());
  // every token once, in order, across the pages seen
  const seen = pages.flat().flatMap((l) => {
    const m = /MSG FROM .*:\s*(T\d+\.\d+[ab])$/.exec(l.trimEnd());
    return m ? [m[1]!] : [];
  });
  const want: string[] = [];
  for (let i = 1; i <= seq; i++) want.push(`T${id}.${i}a`, `T${id}.${i}b`);
  let lost = 0;
  let j = 0;
  for (const w of want) {
    const k = seen.indexOf(w, j);
    if (k < 0) lost++;
    else j = k + 1;
  }
  lost += Math.max(0, seen.length - want.length); // duplicates
  return { kind: c.kind, latencies, commands: seq, lost };
}

/* ---------------- the reference: loopback TCP echo ---------------- */

async function loopbackEcho(clients: number, ms: number): Promise<number[]> {
  const server = createServer((s) => s.on('data', (d) => s.write(d)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  const endAt = now() + ms;
  const lat: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const s = connect(port, '127.0.0.1');
      await new Promise<void>((r) => s.once('connect', () => r()));
      while (now() < endAt) {
        const t0 = now();
        await new Promise<void>((r) => {
          s.once('data', () => r());
          s.write('MSG * ping\r\n');
        });
        lat.push(now() - t0);
      }
      s.destroy();
    }),
  );
  await new Promise<void>((r) => server.close(() => r()));
  return lat;
}

/* ---------------- report ---------------- */

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1)).padStart(8);

/** A cluster folder: the default one plus BNCH001..BNCHnnn (class G, password = user ID, no disks). */
function benchFolder(users: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmrexx-bench-consoles-'));
  const src = readClusterFolder(defaultClusterFolder());
  copyFileSync(join(src.folder, src.configFile), join(dir, 'SYSTEM.CONFIG'));
  let text = readFileSync(join(src.folder, src.directoryFile), 'latin1').replace(/\s*$/, '\n');
  for (let i = 1; i <= users; i++) {
    const u = `BNCH${String(i).padStart(3, '0')}`;
    text += `*\nUSER ${u} ${u} 4M 16M G\n`;
  }
  writeFileSync(join(dir, 'USER.DIRECT'), text, 'latin1');
  return dir;
}

export async function benchConsoles(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const seconds = Number(env['CONSOLE_BENCH_SECONDS'] ?? 60);
  const nTn = Number(env['CONSOLE_BENCH_TN3270'] ?? 50);
  const nWeb = Number(env['CONSOLE_BENCH_WEB'] ?? 50);
  const think = Number(env['CONSOLE_BENCH_THINK_MS'] ?? 0);
  const folder = benchFolder(nTn + nWeb);
  const dataDir = mkdtempSync(join(tmpdir(), 'vmrexx-bench-data-'));
  console.log(`\nconsoles: ${nTn} TN3270 + ${nWeb} WebSocket sessions on loopback, logged on at once, commands for ${seconds} s each`);
  const h = await startServe({ folder, dataFile: join(dataDir, 'bench.db'), tn3270Port: 0, httpPort: 0, autolog: false, logonAttempts: 0 });
  const clients: Client[] = [];
  let ok = true;
  try {
    const t0 = now();
    for (let i = 0; i < nTn; i++) clients.push(await tnClient(h.tn3270.port));
    for (let i = 0; i < nWeb; i++) clients.push(await webClient(h.web.url));
    await Promise.all(clients.map((c, i) => logon(c, `BNCH${String(i + 1).padStart(3, '0')}`)));
    const logonS = (now() - t0) / 1000;
    const users = [...h.cluster.defaultSystem.vms.keys()].filter((u) => u.startsWith('BNCH')).length;
    console.log(`consoles: ${users} users logged on at once in ${logonS.toFixed(1)} s`);
    if (users !== nTn + nWeb) ok = false;
    const endAt = now() + seconds * 1000;
    completed = 0;
    const started = now();
    const progress = setInterval(() => {
      console.log(`consoles: ${((now() - started) / 1000).toFixed(0)} s of ${seconds}, ${completed} commands`);
    }, 10_000);
    let results: SessionResult[];
    try {
      results = await Promise.all(clients.map((c, i) => run(c, i + 1, endAt, think)));
    } finally {
      clearInterval(progress);
    }
    const echo = await loopbackEcho(nTn + nWeb, Math.min(5000, seconds * 1000));
    console.log(`${'sessions'.padEnd(16)} ${'commands'.padStart(9)} ${'per_s'.padStart(8)} ${'p50_ms'.padStart(8)} ${'p90_ms'.padStart(8)} ${'p99_ms'.padStart(8)} ${'max_ms'.padStart(8)} lost`);
    const line = (name: string, rs: SessionResult[]) => {
      const lat = rs.flatMap((r) => r.latencies);
      const n = rs.reduce((a, r) => a + r.commands, 0);
      const lost = rs.reduce((a, r) => a + r.lost, 0);
      if (lost > 0) ok = false;
      console.log(
        `${name.padEnd(16)} ${String(n).padStart(9)} ${(n / seconds).toFixed(0).padStart(8)} ${ms(pct(lat, 50))} ${ms(pct(lat, 90))} ${ms(pct(lat, 99))} ${ms(lat.reduce((a, x) => Math.max(a, x), 0))} ${lost}`,
      );
      return lat;
    };
    line(`tn3270 x${nTn}`, results.filter((r) => r.kind === 'tn3270'));
    line(`websocket x${nWeb}`, results.filter((r) => r.kind === 'web'));
    const all = line('all', results);
    console.log(`${`tcp echo x${nTn + nWeb}`.padEnd(16)} ${String(echo.length).padStart(9)} ${''.padStart(8)} ${ms(pct(echo, 50))} ${ms(pct(echo, 90))} ${ms(pct(echo, 99))} ${ms(echo.reduce((a, x) => Math.max(a, x), 0))}`);
    console.log(
      `consoles: p50 latency ${pct(all, 50).toFixed(2)} ms = ${(pct(all, 50) / pct(echo, 50)).toFixed(1)}x a loopback echo (two CP commands, paging, rendering); lost ${results.reduce((a, r) => a + r.lost, 0)}`,
    );
  } catch (e) {
    ok = false;
    console.log(`consoles: FAILED: ${(e as Error).message}`);
  } finally {
    for (const c of clients) c.close();
    await h.close();
    rmSync(folder, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
  return ok;
}

/** For bench.ts: run, and mark the process failed when output was lost or a session failed. */
export async function mainConsoles(): Promise<void> {
  const ok = await benchConsoles();
  if (!ok) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) void mainConsoles();
