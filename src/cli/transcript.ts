/**
 * `vmrexx test [--junit FILE] [--update] [--folder DIR] FILE...` (issue 3): run console
 * transcripts. In a transcript, a line starting `> ` is typed at the console; the lines
 * after it are the output expected, each exactly (trailing blanks ignored) or, starting
 * `~ `, as a regular expression matching the whole line. Lines starting `## ` are
 * comments; `## noautolog` skips the AUTOLOGs of SYSTEM CONFIG; `## system NAME` attaches
 * to that system. Lines before the first `> ` are the expected logo (omit them to skip
 * it). Each file runs against a fresh cluster in a temporary data file. A pass/fail line
 * per file, a diff for failures, exit code 1 when any failed, JUnit XML with --junit.
 *
 * CSE (several systems): `## console NAME [SYSTEM]` switches the typing to console NAME
 * (connected to SYSTEM on first use); the lines after it, before the next `> `, are the
 * output that arrived at that console meanwhile (messages, arrival notices). `## ipl SYSTEM`
 * IPLs a system again after its SHUTDOWN. The header `## process SYSTEM` runs that system
 * in its own process on the same data file (dist/cli/remote-console.js: a scripted console
 * driven over its standard input and output).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../common/worker-path.js';
import { attachTestConsole } from '../console/core/harness.js';
import { Cluster } from '../cp/cluster.js';

export interface TranscriptStep {
  input: string | null;
  expected: string[];
  /** the console this step types at (default: the first) */
  console?: string;
  /** the system a console is connected to on first use */
  system?: string;
  /** a switch to a console: expected = the output that arrived there meanwhile */
  drain?: boolean;
  /** ## ipl SYSTEM */
  ipl?: string;
}

export interface TranscriptResult {
  file: string;
  passed: boolean;
  diff: string[];
  ms: number;
  actual: TranscriptStep[];
}

export function parseTranscript(text: string): { steps: TranscriptStep[]; noautolog: boolean; system?: string; processes: string[] } {
  const steps: TranscriptStep[] = [{ input: null, expected: [] }];
  let noautolog = false;
  let system: string | undefined;
  const processes: string[] = [];
  let console: string | undefined;
  for (const raw of text.replace(/\r?\n$/, '').split(/\r?\n/)) {
    if (raw.startsWith('## ') || raw === '##') {
      const d = raw.slice(3).trim().split(/\s+/);
      const k = d[0]?.toLowerCase();
      if (k === 'noautolog') noautolog = true;
      if (k === 'system' && d[1]) system = d[1].toUpperCase();
      if (k === 'process' && d[1]) processes.push(d[1].toUpperCase());
      if (k === 'console' && d[1]) {
        console = d[1].toUpperCase();
        steps.push({ input: null, expected: [], console, system: d[2]?.toUpperCase(), drain: true });
      }
      if (k === 'ipl' && d[1]) steps.push({ input: null, expected: [], console, ipl: d[1].toUpperCase() });
      continue;
    }
    if (raw.startsWith('> ') || raw === '>') steps.push({ input: raw.slice(2), expected: [], console });
    else steps[steps.length - 1]!.expected.push(raw);
  }
  return { steps, noautolog, system, processes };
}

/** A console of a system running in a child process (dist/cli/remote-console.js, JSON lines). */
function processConsole(dataFile: string, system: string, noautolog: boolean) {
  const script = join(repoRoot(), 'dist', 'cli', 'remote-console.js');
  const child = spawn(process.execPath, [script, dataFile, system, ...(noautolog ? ['--noautolog'] : [])], { stdio: ['pipe', 'pipe', 'pipe'] });
  const replies: ((r: { lines?: string[]; ready?: boolean }) => void)[] = [];
  let stderr = '';
  let exited = false;
  let buf = '';
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString('latin1');
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const l = buf.slice(0, i);
      buf = buf.slice(i + 1);
      replies.shift()?.(JSON.parse(l) as { lines?: string[] });
    }
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.on('exit', () => {
    exited = true;
    for (const r of replies.splice(0)) r({ lines: [`*** the ${system} process ended: ${stderr.trim().split('\n')[0] ?? ''}`] });
  });
  const next = () => new Promise<{ lines?: string[] }>((resolve) => (exited ? resolve({ lines: ['*** process ended'] }) : replies.push(resolve)));
  const ready = next();
  const ask = async (req: object): Promise<string[]> => {
    await ready;
    const r = next();
    child.stdin.write(JSON.stringify(req) + '\n');
    return (await r).lines ?? [];
  };
  return {
    type: (line: string) => ask({ op: 'type', line }),
    drain: () => ask({ op: 'drain' }),
    async close() {
      if (exited) return;
      child.stdin.write(JSON.stringify({ op: 'close' }) + '\n');
      await new Promise<void>((r) => {
        const t = setTimeout(() => (child.kill('SIGKILL'), r()), 10_000);
        child.on('exit', () => (clearTimeout(t), r()));
      });
    },
  };
}

function matches(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  if (expected.startsWith('~ ')) {
    try {
      return new RegExp(`^(?:${expected.slice(2)})$`).test(actual.trimEnd());
    } catch {
      return false;
    }
  }
  return expected.trimEnd() === actual.trimEnd();
}

export async function runTranscript(file: string, opts: { folder?: string } = {}): Promise<TranscriptResult> {
  const t0 = Date.now();
  const { steps, noautolog, system, processes } = parseTranscript(readFileSync(file, 'latin1'));
  const cluster = await Cluster.open({ folder: opts.folder, autolog: !noautolog });
  // systems of `## process` run in child processes: stop them here first
  for (const p of processes) {
    const sys = cluster.system(p);
    if (sys) {
      for (const vm of [...sys.vms.values()]) await (await import('../cp/commands/logon.js')).logoffUser(vm, { quiet: true });
      cluster.systems.delete(sys.name);
      cluster.cse.systemLeft(sys.name);
    }
  }
  const diff: string[] = [];
  const actual: TranscriptStep[] = [];
  type Con = { type(line: string): Promise<string[]>; drain(): Promise<string[]>; close?(): Promise<void> };
  const consoles = new Map<string, Con>();
  const first = system ?? cluster.defaultSystem.name;
  const open = (sys: string): Con =>
    processes.includes(sys) ? processConsole(cluster.dataFile, sys, noautolog) : attachTestConsole(cluster, sys);
  try {
    consoles.set('A', open(first)); // the first console is A
    for (const step of steps) {
      let got: string[];
      try {
        if (step.ipl) {
          await cluster.iplSystem(step.ipl, { autolog: !noautolog });
          got = [];
        } else {
          const key = step.console ?? 'A';
          let con = consoles.get(key);
          if (!con) {
            con = open(step.system ?? first);
            consoles.set(key, con);
          }
          if (step.drain) {
            // output from other systems (another process polls for it): wait until as many
            // lines as expected have arrived, or a while has passed
            await new Promise((r) => setTimeout(r, 300));
            got = await con.drain();
            const until = Date.now() + 3000;
            while (got.length < step.expected.length && Date.now() < until) {
              await new Promise((r) => setTimeout(r, 100));
              got.push(...(await con.drain()));
            }
          } else got = step.input === null ? await con.drain() : await con.type(step.input);
        }
      } catch (e) {
        got = [`*** ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`];
      }
      actual.push({ input: step.input, expected: got });
      if (step.input === null && step.expected.length === 0) continue;
      const n = Math.max(got.length, step.expected.length);
      let bad = false;
      for (let i = 0; i < n; i++) if (!matches(step.expected[i] ?? '\u0000', got[i])) bad = true;
      if (bad) {
        diff.push(step.input === null ? '@@ (logo)' : `@@ > ${step.input}`);
        for (const e of step.expected) diff.push(`- ${e}`);
        for (const g of got) diff.push(`+ ${g}`);
      }
    }
  } finally {
    for (const c of consoles.values()) await c.close?.();
    await cluster.shutdown();
  }
  return { file, passed: diff.length === 0, diff, ms: Date.now() - t0, actual };
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '?');
}

export function junitReport(results: TranscriptResult[]): string {
  const failures = results.filter((r) => !r.passed).length;
  const cases = results
    .map((r) => {
      const body = r.passed ? '' : `<failure message="transcript differs">${xml(r.diff.join('\n'))}</failure>`;
      return `  <testcase classname="transcripts" name="${xml(r.file)}" time="${(r.ms / 1000).toFixed(3)}">${body}</testcase>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="vmrexx transcripts" tests="${results.length}" failures="${failures}">\n${cases}\n</testsuite>\n`;
}

/** Rewrite a transcript with the output actually seen (keeping `~` lines that still match). */
function updateTranscript(file: string, r: TranscriptResult): void {
  const { steps } = parseTranscript(readFileSync(file, 'latin1'));
  const header = readFileSync(file, 'latin1').split(/\r?\n/).filter((l) => l.startsWith('## '));
  const out: string[] = [...header];
  r.actual.forEach((a, i) => {
    const exp = steps[i]?.expected ?? [];
    if (a.input !== null) out.push(`> ${a.input}`);
    else if (exp.length === 0) return;
    a.expected.forEach((line, j) => out.push(exp[j] !== undefined && matches(exp[j]!, line) ? exp[j]! : line));
  });
  writeFileSync(file, out.join('\n') + '\n', 'latin1');
}

export async function testMain(args: string[]): Promise<number> {
  let junit: string | undefined;
  let update = false;
  let folder: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--junit') junit = args[++i];
    else if (a === '--update') update = true;
    else if (a === '--folder') folder = args[++i];
    else if (a.startsWith('--')) {
      process.stderr.write(`vmrexx test: unknown option ${a}\n`);
      return 2;
    } else files.push(a);
  }
  if (!files.length) {
    process.stderr.write('usage: vmrexx test [--junit FILE] [--update] [--folder DIR] FILE...\n');
    return 2;
  }
  const results: TranscriptResult[] = [];
  for (const f of files) {
    let r: TranscriptResult;
    try {
      r = await runTranscript(f, { folder });
    } catch (e) {
      r = { file: f, passed: false, diff: [`*** ${e instanceof Error ? e.message : String(e)}`], ms: 0, actual: [] };
    }
    results.push(r);
    process.stdout.write(`${r.passed ? 'PASS' : 'FAIL'} ${f} (${r.ms} ms)\n`);
    if (!r.passed) {
      for (const d of r.diff) process.stdout.write(`    ${d}\n`);
      if (update && r.actual.length) updateTranscript(f, r);
    }
  }
  const failed = results.filter((r) => !r.passed).length;
  process.stdout.write(`${results.length - failed} passed, ${failed} failed\n`);
  if (junit) writeFileSync(junit, junitReport(results));
  return failed ? 1 : 0;
}
