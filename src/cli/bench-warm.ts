/**
 * The warm-up probe of `npm run bench` (BENCH_WARMUP=1): runs one REXX
 * program several times in one process and prints each run's time, in
 * milliseconds, as one JSON line on stderr (the program's own output goes to
 * stdout, which the bench discards).
 *
 * The first run is what a user sees after start-up: V8 runs vmrexx's code
 * and the program's compiled loops unoptimised until TurboFan has compiled
 * them (on a background thread, or by on-stack replacement for a loop
 * entered once), and deoptimises them again when a branch runs for the
 * first time. Later runs reuse that optimised code (and vmrexx's caches:
 * parsed clauses, INTERPRET strings, generated PARSE code), so first minus
 * later is what warming up costs: the part of the work that no change to
 * the steady-state speed can remove.
 *
 * The runtime is loaded as bin/vmrexx loads it (the bundle and its code
 * cache, when current), so the first run compiles no more than a real one.
 *
 * Usage: node dist/cli/bench-warm.js PROG.rexx [RUNS]
 */
import { createRequire } from 'node:module';

type Run = (argv: readonly string[]) => number;

/** runCommandLine from the bundle bin/vmrexx runs (with its code cache), else from dist/. */
async function runner(): Promise<Run> {
  const fast = createRequire(import.meta.url)('./fast-start.cjs') as { currentBundle(): { runCommandLine: Run } | undefined };
  const bundle = fast.currentBundle();
  if (bundle !== undefined) return (argv) => bundle.runCommandLine(argv);
  return (await import('./run-program.js')).runCommandLine;
}

async function main(): Promise<void> {
  const runCommandLine = await runner();
  const prog = process.argv[2];
  if (prog === undefined) {
    process.stderr.write('usage: bench-warm PROG.rexx [RUNS]\n');
    process.exitCode = 2;
    return;
  }
  const runs = Math.max(2, Number(process.argv[3] ?? 4));
  // one untimed run of a program doing nothing, as start-up is measured
  // (lazily loaded parts loaded): the first timed run is the program's own
  runCommandLine(['-e', 'nop']);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    runCommandLine([prog]);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  process.stderr.write(JSON.stringify(ms) + '\n');
}

void main();
