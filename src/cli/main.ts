/**
 * `vmrexx` command line. Runs a REXX program like Regina does
 * (`vmrexx prog.rexx args`, `vmrexx -e 'say 2**10'`, `vmrexx -` for a program
 * on standard input, `#!/usr/bin/env vmrexx` scripts), and dispatches the
 * subcommands that start the emulated system (`ipl`, `test`, `serve`).
 * The CP, CMS and console code is loaded only for those subcommands, so
 * running a REXX program pays for none of it.
 */
import { isProgramRun } from './fast-start.cjs';

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
  if (isProgramRun(argv)) {
    // the same module bin/vmrexx runs from the bundle when that is current (fast-start.cts)
    const { runCommandLine } = await import('./run-program.js');
    process.exitCode = runCommandLine(argv);
    return;
  }
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
  process.exitCode = await subcommand(first, argv.slice(1));
}

/** ipl, test or serve (isProgramRun lists them) */
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
