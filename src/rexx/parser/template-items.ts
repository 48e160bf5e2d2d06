/**
 * The items of a PARSE template (ANSI X3.274-1996 §7.4.8.1) as the grammar's
 * semantic actions make them, shared by the Chevrotain grammar
 * (expression-parser.ts) and the reader that parses without it
 * (expression-fast.ts), so both build the same items and raise the same
 * errors.
 */
import type { Expr, TemplateItem } from '../ast.js';
import type { RxToken } from '../lexer/lexer.js';
import { rexxError } from '../errors.js';
import { symbolRef } from './symbols.js';

/** A symbol in a template: a target, the placeholder `.`, or an absolute position. */
export function symbolItem(s: RxToken): TemplateItem {
  if (s.value === '.') return { k: 'target', ref: null };
  if (/^[0-9]/.test(s.value)) {
    if (!/^[0-9]+$/.test(s.value)) throw rexxError(38, 1, s.image);
    return { k: 'abs', e: { k: 'lit', v: s.value } };
  }
  if (s.value.startsWith('.')) return { k: 'target', ref: null };
  return { k: 'target', ref: symbolRef(s) };
}

/** A signed or absolute position: `+ n`, `- (v)`, `= n`; any other operator is Error 38.1. */
export function positionItem(sign: RxToken, e: Expr): TemplateItem {
  if (sign.op === '+' || sign.op === '-') return { k: 'rel', sign: sign.op === '+' ? 1 : -1, e };
  if (sign.op === '=') return { k: 'abs', e };
  throw rexxError(38, 1, sign.image);
}

/** The whole number after a sign. */
export function positionNumber(n: RxToken): Expr {
  if (!/^[0-9]+$/.test(n.value)) throw rexxError(38, 1, n.image);
  return { k: 'lit', v: n.value };
}
