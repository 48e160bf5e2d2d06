/**
 * The one interface through which the REXX interpreter talks to its host
 * (DESIGN.md §3: src/rexx knows nothing of CP, CMS or consoles).
 *
 * The CLI host sends commands to the shell (ADDRESS SYSTEM) and SAY to stdout;
 * a CMS guest host sends them to CMS/CP and to the virtual console.
 * Every call is synchronous.
 */
import type { RexxQueue } from './queue.js';
import type { StreamManager } from './streams.js';

/** What a host command returned: RC, and whether it is a FAILURE (not just ERROR). */
export interface CommandResult {
  rc: number;
  /** true: raise FAILURE (e.g. command not found); false: raise ERROR when rc != 0 */
  failure?: boolean;
}

/** A command's access to the variables of the program that issued it (by name, any case). */
export interface VariableAccess {
  /** the value, or undefined when the variable has none */
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** A function found outside the program (function package or external program). */
export type ExternalFunction = (args: (string | undefined)[], ctx: unknown) => string | undefined;

export interface RexxHost {
  /** Write one line of SAY output (no line end included). Strings are byte strings. */
  say(line: string): void;
  /** Write one line of trace or error-report output (stderr under the CLI). */
  traceOut(line: string): void;
  /** Read one line for PULL / PARSE PULL / PARSE EXTERNAL when the queue is empty; undefined at end of input. */
  readLine(): string | undefined;
  /**
   * Run a host command in the named environment. `vars` gives the command the
   * calling program's variables (REXX/VM's EXECCOMM: EXECIO STEM, GLOBALV GET).
   */
  command(environment: string, command: string, vars?: VariableAccess): CommandResult;
  /** Default ADDRESS environment for a new program ("SYSTEM" under the CLI, "CMS" in CMS). */
  readonly defaultAddress: string;
  /** First word of PARSE SOURCE ("UNIX", "CMS"). */
  readonly sourceSystem: string;
  /** The external data queue (program stack in CMS). */
  readonly queue: RexxQueue;
  /** Stream I/O (CHARIN, LINEOUT, STREAM, ...). */
  readonly streams: StreamManager;
  /**
   * Look up an external routine by name (function packages first, then programs
   * on disk). Returns undefined when there is none (then Error 43).
   */
  findExternal?(name: string, callerPath: string): ExternalRoutine | undefined;
  /** Wall clock, injectable for tests (DATE, TIME). */
  now(): Date;
  /** Environment variables for VALUE(name, , 'ENVIRONMENT'). */
  getEnv?(name: string): string | undefined;
  setEnv?(name: string, value: string): void;
  /** Polled every few hundred clauses: returns 'HI' to raise HALT, 'HX' to end the program. */
  pollHalt?(): 'HI' | 'HX' | undefined;
  /** USERID() */
  userid?(): string;
  /** LINESIZE() (REXX/VM): width of the terminal/console; default 80 when absent. */
  linesize?(): number;
}

/** An external routine: either native (a function package) or REXX source to run. */
export type ExternalRoutine =
  | { kind: 'native'; fn: ExternalFunction }
  | { kind: 'rexx'; path: string; source: string };
