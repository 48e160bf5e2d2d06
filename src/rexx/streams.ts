/**
 * Stream I/O as the REXX standard describes it (ANSI X3.274-1996 §9.8 "Input and
 * output streams"): character and line positions per stream, opened implicitly,
 * NOTREADY on errors and end of input. The BIFs CHARIN, CHAROUT, CHARS, LINEIN,
 * LINEOUT, LINES and STREAM call this interface; the CLI host implements it on
 * host files, a CMS host on CMS files.
 *
 * A name of '' means the default stream (standard input for reads, standard
 * output for writes).
 */
export interface NotReady {
  /** The stream name, reported as CONDITION('D'). */
  stream: string;
  /** e.g. "ERROR", "NOTREADY" state after the failing operation. */
  description?: string;
}

export interface StreamManager {
  charin(name: string, start: number | undefined, count: number): { data: string; notready?: NotReady };
  charout(name: string, data: string | undefined, start: number | undefined): { left: number; notready?: NotReady };
  chars(name: string): number;
  linein(name: string, line: number | undefined, count: number): { data: string; notready?: NotReady };
  lineout(name: string, data: string | undefined, line: number | undefined): { left: number; notready?: NotReady };
  lines(name: string, mode: 'C' | 'N'): number;
  /** STREAM(name, 'S'|'D'|'C', command) */
  stream(name: string, operation: string, command?: string): string;
  /** Close everything (end of program). */
  closeAll(): void;
}
