/**
 * Arrange a flat `term op term op ...` list into a tree by REXX operator
 * precedence (TRL2 §2.3.4, ANSI §6.3.2): all dyadic operators are
 * left-associative, `**` included (`2**3**2` is 64). Prefix operators were
 * already applied to their terms, binding tighter than `**` (`-2**2` is 4).
 * The implicit concatenations are '' (abuttal) and ' ' (blank).
 */
import type { Expr } from '../ast.js';
import { OPERATORS, CONCAT_PREC } from '../lexer/operators.js';

function prec(op: string): number {
  if (op === '' || op === ' ') return CONCAT_PREC;
  return OPERATORS.get(op)!.prec;
}

function make(op: string, l: Expr, r: Expr): Expr {
  if (op === '' || op === ' ') return { k: 'concat', blank: op === ' ', l, r };
  if (op === '||') return { k: 'concat', blank: false, l, r };
  return { k: 'bin', op, l, r };
}

export function buildTree(parts: Expr[], ops: string[]): Expr {
  if (ops.length === 0) return parts[0]!;
  const out: Expr[] = [parts[0]!];
  const stack: string[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const p = prec(op);
    while (stack.length > 0 && prec(stack[stack.length - 1]!) >= p) {
      const r = out.pop()!;
      const l = out.pop()!;
      out.push(make(stack.pop()!, l, r));
    }
    stack.push(op);
    out.push(parts[i + 1]!);
  }
  while (stack.length > 0) {
    const r = out.pop()!;
    const l = out.pop()!;
    out.push(make(stack.pop()!, l, r));
  }
  return out[0]!;
}
