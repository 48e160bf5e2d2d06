/**
 * The contract between the interpreter and the built-in function library.
 *
 * A BIF gets its arguments as an array in which an omitted argument is
 * `undefined` (`SUBSTR('abc',,2)` → ['abc', undefined, '2']), and a context that
 * gives it the current NUMERIC settings, the host, and the interpreter services
 * a few BIFs need (ARG, CONDITION, SOURCELINE, SYMBOL, VALUE, TRACE, ...).
 * It returns the result string. Errors are thrown as RexxError (Error 40.x etc.).
 */
import type { RexxHost } from '../host.js';
import type { NumericSettings } from '../arithmetic/settings.js';

export interface InterpreterServices {
  /** ARG(): number of arguments of the current routine. */
  argCount(): number;
  /** ARG(n): the n-th argument (1-based), undefined when omitted. */
  arg(n: number): string | undefined;
  /** CONDITION(option) for option in C, D, I, S (already upper-cased, first letter). */
  condition(option: 'C' | 'D' | 'I' | 'S'): string;
  /** SOURCELINE() / SOURCELINE(n). */
  sourceLineCount(): number;
  sourceLine(n: number): string;
  /** SYMBOL(name): 'BAD' | 'VAR' | 'LIT' (name already validated as a string). */
  symbolState(name: string): 'BAD' | 'VAR' | 'LIT';
  /** VALUE(name [,newvalue]) on the variable pool; name must be a valid symbol (Error 40.x otherwise). */
  getVariable(name: string): string;
  setVariable(name: string, value: string): void;
  /** TRACE() setting as "?R" etc., and setting a new one (validated; Error 24 on a bad setting). */
  traceSetting(): string;
  setTrace(setting: string): void;
  /** ADDRESS() current environment. */
  address(): string;
  /** Name of the program file (for PARSE SOURCE-like needs and external lookups). */
  sourcePath(): string;
  /** Raise NOTREADY for the given stream (the interpreter decides whether it is trapped). */
  raiseNotReady(stream: string, description?: string): void;
}

export interface BifContext {
  readonly numeric: NumericSettings;
  readonly host: RexxHost;
  readonly interp: InterpreterServices;
}

export type BifFunction = (args: (string | undefined)[], ctx: BifContext) => string;

export interface BifSpec {
  /** Upper-case name as called. */
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly fn: BifFunction;
}
