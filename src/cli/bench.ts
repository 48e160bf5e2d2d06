/**
 * `npm run bench`: REXX speed against the reference in the same run (issue 7).
 *
 * Runs every benchmark program (../shared/bench/*.rexx and bench/*.rexx)
 * under vmrexx and under Regina, alternating A B A B so machine drift hits
 * both alike, checks each output against NAME.out, and prints per program the
 * median wall time of each, the speedup (Regina / vmrexx) and the peak RSS of
 * each; then the geometric mean. It also measures start-up: `vmrexx hello.rexx`
 * against `node -e 0` (the floor) and Regina, and (unless BENCH_WARMUP=0)
 * how much of each program's time is the JIT warming up (bench-warm.ts).
 *
 * Timing lives here, never in tests: these machines are noisy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const vmrexx = path.join(root, 'bin/vmrexx');

interface Sample {
  seconds: number;
  kb: number;
  out: string;
}

function timed(cmd: string[], stdin = ''): Sample {
  const tmp = path.join(os.tmpdir(), `vmrexx-bench-${process.pid}.time`);
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', tmp, ...cmd], {
    input: stdin,
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'latin1',
  });
  const [s, kb] = fs.readFileSync(tmp, 'utf8').trim().split('\n').pop()!.split(' ');
  fs.rmSync(tmp, { force: true });
  return { seconds: Number(s), kb: Number(kb), out: r.stdout ?? '' };
}

/** Wall time with sub-10ms resolution (GNU time rounds to 10 ms). */
function wall(cmd: string[]): number {
  const t0 = process.hrtime.bigint();
  spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function programs(args: string[]): string[] {
  if (args.length > 0) return args.map((a) => path.resolve(a));
  const dirs = [path.resolve(root, '../shared/bench'), path.join(root, 'bench')];
  const list: string[] = [];
  for (const d of dirs) {
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d).sort()) if (f.endsWith('.rexx')) list.push(path.join(d, f));
  }
  return list;
}

/**
 * The warm-up table (bench-warm.ts): each program run 4 times in one
 * process, 3 such processes; the median first run against the median of the
 * later runs, and what the difference is of the program's median wall time
 * in the table above (start-up included).
 */
function warmUp(argv: string[], walls: Map<string, number>): void {
  const probe = path.join(here, 'bench-warm.js');
  console.log('warm-up: each program run 4 times in one process (first: as in the table above, less start-up; later: runs 2-4)');
  console.log(`${'program'.padEnd(22)} ${'first_ms'.padStart(9)} ${'later_ms'.padStart(9)} ${'warm-up_ms'.padStart(11)} ${'of wall'.padStart(8)}`);
  for (const prog of programs(argv)) {
    const first: number[] = [];
    const later: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = spawnSync(process.execPath, ['--stack-size=4000', probe, prog, '4'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'latin1' });
      const line = (r.stderr ?? '').trim().split('\n').pop() ?? '';
      if (!line.startsWith('[')) continue;
      const ms = JSON.parse(line) as number[];
      first.push(ms[0]!);
      later.push(...ms.slice(1));
    }
    if (first.length === 0) continue;
    const f = median(first);
    const l = median(later);
    const wall = walls.get(prog);
    const share = wall === undefined ? '-' : `${Math.round((100 * (f - l)) / (wall * 1000))}%`;
    console.log(
      `${path.basename(prog, '.rexx').padEnd(22)} ${f.toFixed(0).padStart(9)} ${l.toFixed(0).padStart(9)} ${(f - l).toFixed(0).padStart(11)} ${share.padStart(8)}`,
    );
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  const runs = Number(process.env['RUNS'] ?? 5);
  const ref = process.env['REF'] ?? 'regina';
  const haveRef = spawnSync('sh', ['-c', `command -v ${ref}`]).status === 0;
  console.log(`vmrexx benchmark on ${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, node ${process.version}, ${runs} runs each`);
  if (!haveRef) console.log(`reference "${ref}" not found: install regina-rexx to compare`);
  console.log(
    `${'program'.padEnd(22)} ${'vmrexx_s'.padStart(9)} ${'regina_s'.padStart(9)} ${'speedup'.padStart(8)} ${'vmrexx_kb'.padStart(10)} ${'regina_kb'.padStart(10)} check`,
  );
  let logSum = 0;
  let n = 0;
  let slowest = Infinity;
  let wrong = 0;
  const walls = new Map<string, number>();
  for (const prog of programs(argv)) {
    const name = path.basename(prog, '.rexx');
    const expFile = prog.replace(/\.rexx$/, '.out');
    const expected = fs.existsSync(expFile) ? fs.readFileSync(expFile, 'latin1') : undefined;
    const ct: number[] = [];
    const rt: number[] = [];
    let ckb = 0;
    let rkb = 0;
    let ok = true;
    for (let i = 0; i < runs; i++) {
      const c = timed([vmrexx, prog]);
      ct.push(c.seconds);
      ckb = Math.max(ckb, c.kb);
      if (expected !== undefined && c.out !== expected) ok = false;
      if (haveRef) {
        const r = timed([ref, prog]);
        rt.push(r.seconds);
        rkb = Math.max(rkb, r.kb);
      }
    }
    const c = Math.max(median(ct), 0.005);
    const r = haveRef ? median(rt) : NaN;
    const s = r / c;
    if (!ok) wrong++;
    if (haveRef) {
      logSum += Math.log(s);
      n++;
      slowest = Math.min(slowest, s);
    }
    walls.set(prog, c);
    console.log(
      `${name.padEnd(22)} ${c.toFixed(2).padStart(9)} ${haveRef ? r.toFixed(2).padStart(9) : '-'.padStart(9)} ${(haveRef ? s.toFixed(2) + 'x' : '-').padStart(8)} ${String(ckb).padStart(10)} ${String(rkb || '-').padStart(10)} ${ok ? 'ok' : 'WRONG'}`,
    );
  }
  // start-up
  const hello = path.join(os.tmpdir(), `vmrexx-hello-${process.pid}.rexx`);
  fs.writeFileSync(hello, "say 'hello'\n");
  const nodeT: number[] = [];
  const vmT: number[] = [];
  const regT: number[] = [];
  for (let i = 0; i < (process.env['BENCH_NO_STARTUP'] === '1' ? 0 : Math.max(runs, 10)); i++) {
    nodeT.push(wall([process.execPath, '-e', '0']));
    vmT.push(wall([vmrexx, hello]));
    if (haveRef) regT.push(wall([ref, hello]));
  }
  fs.rmSync(hello, { force: true });
  const fmt = (x: number) => `${(x * 1000).toFixed(1)} ms`;
  if (vmT.length > 0) console.log(
    `start-up: vmrexx hello.rexx ${fmt(median(vmT))}, node -e 0 ${fmt(median(nodeT))} (+${fmt(median(vmT) - median(nodeT))})` +
      (haveRef ? `, regina ${fmt(median(regT))}` : ''),
  );
  if (n > 0) console.log(`bench: geomean speedup ${Math.exp(logSum / n).toFixed(2)}x, slowest ${slowest.toFixed(2)}x, wrong ${wrong}`);
  else console.log(`bench: wrong ${wrong}`);
  process.exitCode = wrong === 0 ? 0 : 1;
  if (process.env['BENCH_WARMUP'] !== '0') warmUp(argv, walls);
  // then, one after the other so neither skews the other's timings:
  // live guest migration (issue 5), and 50 TN3270 + 50 WebSocket console sessions (issue 9).
  // Given programs (or BENCH_REXX_ONLY=1), only the REXX table is wanted.
  if (argv.length > 0 || process.env['BENCH_REXX_ONLY'] === '1') return;
  void (async () => {
    await (await import('./bench-migration.js')).mainMigration();
    await (await import('./bench-consoles.js')).mainConsoles();
  })();
}

main();
