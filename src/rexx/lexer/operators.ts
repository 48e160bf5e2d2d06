/**
 * Operator tokens (ANSI X3.274-1996 §6.3.2 "Operators"; TRL2 §2.3).
 *
 * The lexer emits single operator characters; `joinOperators` then builds the
 * composite operators, allowing blanks and comments between their characters
 * as the standard does (`a > = b`). Each operator gets its own token type in a
 * category, so the Chevrotain expression grammar can refer to "any comparison".
 */
import type { TokenType } from './chevrotain.js';
import { defineToken, NOT_APPLICABLE } from './token-type.js';

export const BinaryOp = defineToken({ name: 'BinaryOp', pattern: NOT_APPLICABLE });
export const AdditiveOp = defineToken({ name: 'AdditiveOp', pattern: NOT_APPLICABLE, categories: [BinaryOp] });
export const NotOp = defineToken({ name: 'NotOp', pattern: NOT_APPLICABLE });

/** Every operator the language has, with its precedence (higher binds tighter). */
export const OPERATORS: ReadonlyMap<string, { prec: number; type: TokenType }> = (() => {
  const m = new Map<string, { prec: number; type: TokenType }>();
  const add = (ops: string[], prec: number, category: TokenType) => {
    for (const op of ops) {
      const type = defineToken({ name: `Op_${op}`, pattern: NOT_APPLICABLE, categories: [category] });
      m.set(op, { prec, type });
    }
  };
  // TRL2 §2.3.4 precedence: ** > * / % // > + - > concatenation > comparison > & > | &&
  add(['|', '&&'], 1, BinaryOp);
  add(['&'], 2, BinaryOp);
  add(
    ['=', '\\=', '<>', '><', '>', '<', '>=', '\\<', '<=', '\\>', '==', '\\==', '>>', '<<', '>>=', '\\<<', '<<=', '\\>>'],
    3,
    BinaryOp,
  );
  add(['||'], 4, BinaryOp);
  add(['+', '-'], 5, AdditiveOp);
  add(['*', '/', '%', '//'], 6, BinaryOp);
  add(['**'], 7, BinaryOp);
  return m;
})();

export const NOT_TYPE = NotOp;

/** Precedence of the implicit blank and abuttal concatenation operators. */
export const CONCAT_PREC = 4;

/**
 * Spellings with the ISO-8859-1 not sign X'AC' map to the backslash form, and
 * so do `/=` and `/==`. (Without regular expressions: compiling one costs
 * more than lexing a small program, issue 7.)
 */
export function canonicalOperator(op: string): string {
  const s = op.indexOf('\xAC') < 0 ? op : op.split('\xAC').join('\\');
  return s === '/=' ? '\\=' : s === '/==' ? '\\==' : s;
}

export function isOperatorText(op: string): boolean {
  return OPERATORS.has(canonicalOperator(op)) || op === '\\' || op === '\xAC';
}

export const operatorTokenTypes: TokenType[] = [BinaryOp, AdditiveOp, NotOp, ...[...OPERATORS.values()].map((o) => o.type)];
