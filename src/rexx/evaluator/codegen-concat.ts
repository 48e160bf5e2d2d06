/**
 * A chain of concatenations (`'x' || i // 50 '=' i '*' 3`) as one
 * JavaScript sum of its operands, for the region compiler (codegen.ts:
 * INTERPRET strings, assignments and SAY).
 * Written node by node, each blank and each literal costs a concatenation
 * of its own, each making a new string (V8 copies strings shorter than 13
 * characters, and makes a rope of longer ones, to be flattened again when
 * the string is read); here the blanks and adjacent literals are joined
 * when the code is generated, so `'x' || a '=' b '*' 3` makes 4 strings
 * instead of 8. Concatenation is associative and only its operands can
 * fail, and JavaScript evaluates a sum's operands left to right, so the
 * operands are evaluated in the same order and give the same string.
 */
import type { Expr } from '../ast.js';

/** Something that writes an expression's string value as JavaScript (codegen-expr.ts ExprGen). */
export interface StrGen {
  genStr(e: Expr): string;
}

/** The operands of the concatenations at the top of e, in order, literals and blanks joined. */
function operands(e: Expr, out: Expr[]): void {
  if (e.k === 'concat') {
    operands(e.l, out);
    if (e.blank) literal(' ', out);
    operands(e.r, out);
  } else if (e.k === 'lit') literal(e.v, out);
  else out.push(e);
}

function literal(v: string, out: Expr[]): void {
  const last = out[out.length - 1];
  if (last !== undefined && last.k === 'lit') out[out.length - 1] = { k: 'lit', v: last.v + v };
  else out.push({ k: 'lit', v });
}

/** The string value of e, as x.genStr(e) gives it, with its concatenations joined into one sum. */
export function genConcat(x: StrGen, e: Expr): string {
  if (e.k !== 'concat') return x.genStr(e);
  const parts: Expr[] = [];
  operands(e, parts);
  return `(${parts.map((p) => x.genStr(p)).join(' + ')})`;
}
