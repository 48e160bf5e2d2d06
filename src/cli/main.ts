/**
 * `vmrexx` command line. Runs a REXX program like Regina does
 * (`vmrexx prog.rexx args`, `vmrexx -e 'say 2**10'`, `vmrexx -` for a program
 * on standard input, `#!/usr/bin/env vmrexx` scripts), and dispatches the
 * subcommands that start the emulated system (`ipl`, `test`, `serve`).
 * The CP, CMS and console code is loaded only for those subcommands, so
 * running a REXX program pays for none of it.
 */
import fs from 'node:fs';

const HELP = `vmrexx - a REXX interpreter and an emulated z/VM Control Program

Usage:
  vmrexx FILE [ARGS...]        run a REXX program (ARGS become ARG(1))
  vmrexx -e 'PROGRAM' [ARGS]   run the program text given on the command line
  vmrexx - [ARGS]              read the program from standard input
  vmrexx ipl [FOLDER] [--data FILE] [--system NAME]
                               IPL a cluster and attach a console (default: the built-in cluster)
  vmrexx test FILE...          run console transcript tests against fresh clusters
  vmrexx serve [...]           serve consoles to browsers and 3270 emulators
  vmrexx --version             print the version
  vmrexx --help                print this text

Environment: REXX_PATH is a colon-separated list of folders searched for
external routines (NAME.rexx, NAME.rex, NAME) after the program's own folder.
`;

export async function main(argv: string[]): Promise<void> {
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h') {
    process.stdout.write(HELP);
    process.exitCode = first === undefined ? 1 : 0;
    return;
  }
  if (first === '--version' || first === '-v') {
    const { VERSION_STRING } = await import('../rexx/evaluator/interpreter.js');
    process.stdout.write(`vmrexx 0.1.0 (${VERSION_STRING})\n`);
    return;
  }
  if (first === 'ipl' || first === 'test' || first === 'serve') {
    process.exitCode = await subcommand(first, argv.slice(1));
    return;
  }
  let source: string;
  let path: string;
  let rest: string[];
  if (first === '-e') {
    source = argv[1] ?? '';
    path = '-e';
    rest = argv.slice(2);
  } else if (first === '-') {
    source = fs.readFileSync(0).toString('latin1');
    path = '-';
    rest = argv.slice(1);
  } else {
    path = first;
    rest = argv.slice(1);
    try {
      source = fs.readFileSync(first).toString('latin1');
    } catch {
      process.stderr.write(`Error 3 running "${first}": Failure during initialization\nError 3.1: Failure during initialization: Program was not found\n`);
      process.exitCode = 253;
      return;
    }
  }
  process.exitCode = await runFile(source, path, rest);
}

async function subcommand(name: string, args: string[]): Promise<number> {
  switch (name) {
    case 'ipl':
      return (await import('./ipl.js')).iplMain(args);
    case 'test':
      return (await import('./transcript.js')).testMain(args);
    default:
      return (await import('./serve.js')).serveMain(args);
  }
}

async function runFile(source: string, path: string, args: string[]): Promise<number> {
  const { CliHost } = await import('./cli-host.js');
  const { runProgram } = await import('../rexx/index.js');
  const { NodeStreamManager } = await import('../rexx/streams-node.js');
  const host = new CliHost();
  host.streams = new NodeStreamManager((s: string) => host.out.write(s), () => host.flush(), host.stdin);
  const programArgs = args.length > 0 ? [args.join(' ')] : [];
  const outcome = runProgram(source, path, programArgs, host);
  host.flush();
  if (outcome.report) {
    for (const l of outcome.report) host.err.write(l + '\n');
    host.err.flush();
  }
  return outcome.exitCode;
}
