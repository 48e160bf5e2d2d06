/**
 * Operator tokens (ANSI X3.274-1996 §6.3.2 "Operators"; TRL2 §2.3).
 *
 * The lexer emits single operator characters; `joinOperators` then builds the
 * composite operators, allowing blanks and comments between their characters
 * as the standard does (`a > = b`). Each operator gets its own token type in a
 * category, so the Chevrotain expression grammar can refer to "any comparison".
 */
import { createToken, Lexer, type TokenType } from './chevrotain.js';

export const BinaryOp = createToken({ name: 'BinaryOp', pattern: Lexer.NA });
export const AdditiveOp = createToken({ name: 'AdditiveOp', pattern: Lexer.NA, categories: [BinaryOp] });
export const NotOp = createToken({ name: 'NotOp', pattern: Lexer.NA });

/** Every operator the language has, with its precedence (higher binds tighter). */
export const OPERATORS: ReadonlyMap<string, { prec: number; type: TokenType }> = (() => {
  const m = new Map<string, { prec: number; type: TokenType }>();
  const add = (ops: string[], prec: number, category: TokenType) => {
    for (const op of ops) {
      const type = createToken({ name: `Op_${op}`, pattern: Lexer.NA, categories: [category] });
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

/** Spellings with the ISO-8859-1 not sign X'AC' map to the backslash form. */
export function canonicalOperator(op: string): string {
  return op.replace(/\xAC/g, '\\').replace(/\//g, (m, i: number, s: string) => (s === '/=' || s === '/==' ? '\\' : m));
}

export function isOperatorText(op: string): boolean {
  return OPERATORS.has(canonicalOperator(op)) || op === '\\' || op === '\xAC';
}

export const operatorTokenTypes: TokenType[] = [BinaryOp, AdditiveOp, NotOp, ...[...OPERATORS.values()].map((o) => o.type)];
