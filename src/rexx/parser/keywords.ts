/**
 * Instruction keywords and the sub-keywords that end an expression in each
 * place (ANSI X3.274-1996 §7; ooRexx's TERM_* sets). Keywords are recognised
 * only as the first token of a clause that is not an assignment or a label.
 */
export const INSTRUCTION_KEYWORDS: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARG', 'CALL', 'DO', 'DROP', 'ELSE', 'END', 'EXIT', 'IF', 'INTERPRET', 'ITERATE',
  'LEAVE', 'NOP', 'NUMERIC', 'OPTIONS', 'OTHERWISE', 'PARSE', 'PROCEDURE', 'PULL', 'PUSH',
  'QUEUE', 'RETURN', 'SAY', 'SELECT', 'SIGNAL', 'THEN', 'TRACE', 'UPPER', 'WHEN',
]);

export const TERM_THEN: ReadonlySet<string> = new Set(['THEN']);
// TO, BY and FOR end a repetition count too, so that `DO 3 TO 5` is Error 27.1
// (they are keywords anywhere in a DO clause; Regina 3.6 does the same)
export const TERM_DO_COUNT: ReadonlySet<string> = new Set(['TO', 'BY', 'FOR', 'WHILE', 'UNTIL']);
export const TERM_DO_CTRL: ReadonlySet<string> = new Set(['TO', 'BY', 'FOR', 'WHILE', 'UNTIL']);
export const TERM_WITH: ReadonlySet<string> = new Set(['WITH']);

export const CONDITIONS_SIGNAL: ReadonlySet<string> = new Set([
  'ERROR', 'FAILURE', 'HALT', 'NOVALUE', 'NOTREADY', 'SYNTAX', 'LOSTDIGITS',
]);
export const CONDITIONS_CALL: ReadonlySet<string> = new Set(['ERROR', 'FAILURE', 'HALT', 'NOTREADY']);
