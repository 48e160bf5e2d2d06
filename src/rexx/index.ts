/**
 * The public API of the REXX runtime: parse and run a program against a host.
 * Nothing here knows about CP, CMS or consoles (DESIGN.md §2).
 */
import type { RexxHost } from './host.js';
import { getProgram } from './program-cache.js';
import { sourceLines } from './parser/program.js';
import { Interpreter } from './evaluator/interpreter.js';
import { RexxError } from './errors.js';
import { HaltExit } from './evaluator/signals.js';

export type { RexxHost, CommandResult, ExternalRoutine, VariableAccess } from './host.js';
export { RexxError, rexxError } from './errors.js';
export { RexxQueue } from './queue.js';

export interface ProgramOutcome {
  /** the value of EXIT or the main program's RETURN */
  result: string | undefined;
  /** the error that ended the program, already formatted */
  error?: RexxError;
  /** lines of the error report as Regina prints them */
  report?: string[];
  /** process-style exit status: EXIT n mod 256, 256-N after Error N */
  exitCode: number;
  /** ended by HX */
  halted?: boolean;
}

/** Lines of the report for an uncaught error (Regina 3.6's layout). */
export function errorReport(e: RexxError, path: string): string[] {
  const lines: string[] = [];
  const tb = (e as unknown as { traceback?: string[] }).traceback;
  if (tb) lines.push(...tb);
  lines.push(`Error ${e.code} running "${path}", line ${e.line}: ${e.mainText}`);
  // Regina prints no secondary message for Error 41 (conformance NOTES.md)
  const sec = e.reportedSecondary;
  if (e.subcode && sec) lines.push(`Error ${e.code}.${e.subcode}: ${sec}`);
  return lines;
}

/** Exit status for EXIT value (Regina: n mod 256; non-numbers give 0). */
export function exitStatus(result: string | undefined): number {
  if (result === undefined) return 0;
  const t = result.trim();
  if (!/^[+-]?\d+$/.test(t)) return 0;
  const n = Number(t) % 256;
  return n < 0 ? n + 256 : n;
}

/**
 * Run REXX source. Errors are returned, not thrown: an uncaught SYNTAX
 * condition gives the report lines and exit code 256-N.
 */
export function runProgram(
  source: string,
  path: string,
  args: (string | undefined)[],
  host: RexxHost,
  invocation = 'COMMAND',
): ProgramOutcome {
  try {
    const prepared = prepareSource(source);
    const program = getProgram(prepared, path);
    if (prepared !== source && source.startsWith('#!')) program.lines = sourceLines(source.replace(/\x1a$/, ''));
    const interp = new Interpreter(host, path);
    const r = interp.run(program, args, invocation);
    return { result: r.result, exitCode: exitStatus(r.result) };
  } catch (e) {
    if (e instanceof RexxError) {
      if (!e.line) e.line = 1;
      return { result: undefined, error: e, report: errorReport(e, path), exitCode: (256 - e.code) & 255 };
    }
    if (e instanceof HaltExit) return { result: undefined, exitCode: 0, halted: true };
    if (e instanceof RangeError) {
      // nesting too deep for the parser or the evaluator: never a JavaScript crash
      const err = new RexxError(11, 1, ['']);
      err.line = 1;
      return { result: undefined, error: err, report: errorReport(err, path), exitCode: 256 - 11 };
    }
    throw e;
  } finally {
    host.streams.closeAll();
  }
}

/**
 * Source as Regina reads it: a first line starting with "#!" is kept for
 * SOURCELINE but not executed; one trailing EOF character (X'1A') is ignored.
 */
export function prepareSource(source: string): string {
  let s = source;
  if (s.endsWith('\x1a')) s = s.slice(0, -1);
  if (s.startsWith('#!')) {
    const nl = s.indexOf('\n');
    s = '/*' + ' '.repeat(Math.max(0, (nl < 0 ? s.length : nl) - 2)).slice(0) + '*/' + (nl < 0 ? '' : s.slice(nl));
  }
  return s;
}
