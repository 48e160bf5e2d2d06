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
  /**
   * Optional: one Map per program run (the same object for every routine of the
   * run, a new one for the next run). BIFs keep per-run state here: RANDOM's
   * seeded sequence. Without it they key their state on the host.
   */
  runState?(): Map<string, unknown>;
  /**
   * Optional: one Map per routine activation, created as a shallow copy of the
   * caller's map when a routine is called (ANSI: the elapsed-time clock of TIME
   * is inherited by a called routine, and a reset there does not affect the
   * caller). Without it TIME's clock is per run.
   */
  routineState?(): Map<string, unknown>;
  /**
   * Optional: a number that changes from clause to clause (e.g. a clause
   * counter). DATE and TIME calls within one clause use one reading of the clock,
   * as the standard says.
   */
  clauseId?(): number;
}

export interface BifContext {
  readonly numeric: NumericSettings;
  readonly host: RexxHost;
  readonly interp: InterpreterServices;
}

export type BifFunction = (args: (string | undefined)[], ctx: BifContext) => string;

/** Where a BIF that sees only its arguments finds the NUMERIC settings: its BifContext, or the calling activation. */
export interface NumericSource {
  readonly numeric: NumericSettings;
}

/**
 * An argument of a BIF called with its arguments one by one (direct.ts):
 * undefined when omitted. At a whole-number parameter (DirectBif.ints) the
 * caller may pass a number n instead of its string when String(n) is exactly
 * the argument's string (an integer it already has: no string is made).
 */
export type DirectArg = string | number | undefined;

/**
 * The same BIF taking its arguments one by one instead of in an array: no
 * array per call, and whole numbers as numbers (DirectArg). Only for BIFs
 * that look at nothing but their arguments and the NUMERIC settings.
 */
export type DirectFn = (c: NumericSource, ...args: DirectArg[]) => string;

export interface DirectBif {
  readonly fn: DirectFn;
  /** bit i set: parameter i+1 is a whole number and may be passed as a number */
  readonly ints: number;
  /** for a BIF whose value is always a whole number: that number (fn gives its string) */
  readonly int?: DirectIntFn;
}

/** A DirectFn whose value is a whole number, as a number. */
export type DirectIntFn = (c: NumericSource, ...args: DirectArg[]) => number;

export interface BifSpec {
  /** Upper-case name as called. */
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly fn: BifFunction;
  /** the BIF with its arguments one by one, for compiled calls (fn calls it with the array's elements) */
  readonly direct?: DirectBif;
}
