/**
 * `vmrexx FILE [ARGS]`, `vmrexx -e 'PROGRAM' [ARGS]`, `vmrexx - [ARGS]`: run
 * one REXX program on the command-line host, as Regina does.
 *
 * This is the whole start-up path of a REXX program, so it is kept apart from
 * main.ts (which also dispatches `ipl`, `test` and `serve`): it imports only
 * the REXX runtime, statically and synchronously, which lets the build bundle
 * it into one file that bin/vmrexx loads with a V8 code cache
 * (build-bundle.ts, fast-start.cts). main.ts imports it for the same runs
 * when the bundle is missing or stale.
 */
// a named import: in the bundle a default import costs an interop copy of the whole module (esbuild's __toESM)
import { readFileSync } from 'node:fs';
import { CliHost } from './cli-host.js';
import { runProgram } from '../rexx/index.js';
import { NodeStreamManager } from '../rexx/streams-node.js';

/** Run the program that argv names; returns the process exit status. */
export function runCommandLine(argv: readonly string[]): number {
  const first = argv[0] ?? '';
  let source: string;
  let path: string;
  let rest: readonly string[];
  if (first === '-e') {
    source = argv[1] ?? '';
    path = '-e';
    rest = argv.slice(2);
  } else if (first === '-') {
    source = readFileSync(0).toString('latin1');
    path = '-';
    rest = argv.slice(1);
  } else {
    path = first;
    rest = argv.slice(1);
    try {
      source = readFileSync(first).toString('latin1');
    } catch {
      // Regina's wording and status (256 - 3) for a program file that cannot be read
      process.stderr.write(`Error 3 running "${first}": Failure during initialization\nError 3.1: Failure during initialization: Program was not found\n`);
      return 253;
    }
  }
  return runSource(source, path, rest);
}

function runSource(source: string, path: string, args: readonly string[]): number {
  const host = new CliHost();
  host.streams = new NodeStreamManager((s: string) => host.out.write(s), () => host.flush(), host.stdin);
  // Regina passes the command-line arguments as one string, ARG(1)
  const programArgs = args.length > 0 ? [args.join(' ')] : [];
  const outcome = runProgram(source, path, programArgs, host);
  host.flush();
  if (outcome.report) {
    for (const l of outcome.report) host.err.write(l + '\n');
    host.err.flush();
  }
  return outcome.exitCode;
}
