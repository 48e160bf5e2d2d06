/**
 * REXX conditions raised as errors: the SYNTAX condition with its standard
 * error number, subcode and message inserts (ANSI X3.274-1996 §A, "Error
 * numbers and messages"; texts as Regina 3.6 prints them).
 *
 * An error is data: {code, subcode, inserts}. It is formatted in one place
 * (catalogue.ts) so that ERRORTEXT(), CONDITION('D') and the uncaught-error
 * report all agree.
 */
import { mainMessage, secondaryMessage } from './catalogue.js';

export class RexxError extends Error {
  /** Source line of the clause that raised it (filled in by the evaluator). */
  line = 0;
  /** Set once the error has been reported or trapped. */
  constructor(
    readonly code: number,
    readonly subcode: number = 0,
    readonly inserts: readonly string[] = [],
  ) {
    super(`Error ${code}${subcode ? '.' + subcode : ''}`);
    this.name = 'RexxError';
  }

  /** "40.3" or "40" */
  get codeText(): string {
    return this.subcode ? `${this.code}.${this.subcode}` : String(this.code);
  }

  /** Main message: "Incorrect call to routine". */
  get mainText(): string {
    return mainMessage(this.code);
  }

  /** Secondary message with inserts, or '' when the error has none. */
  get secondaryText(): string {
    return this.subcode ? secondaryMessage(this.code, this.subcode, this.inserts) : '';
  }

  /**
   * The secondary message as Regina 3.6 reports it (error report and
   * CONDITION('D')): Regina shows none for Error 41.
   */
  get reportedSecondary(): string {
    return this.code === 41 ? '' : this.secondaryText;
  }
}

/** Shorthand used everywhere: `throw rexxError(40, 3, 'SUBSTR', '2')`. */
export function rexxError(code: number, subcode = 0, ...inserts: (string | number)[]): RexxError {
  return new RexxError(code, subcode, inserts.map(String));
}
