/**
 * What a symbol means (ANSI X3.274-1996 §6.2.1.1, TRL2 §2.2.3): a constant symbol
 * (starts with a digit or a period: its value is itself, upper-cased), a simple
 * symbol, a stem (one period, at the end) or a compound symbol (stem + tail,
 * whose simple-symbol parts are replaced by their values).
 */
import type { Expr, TailPart, VarRef } from '../ast.js';
import type { RxToken } from '../lexer/lexer.js';
import { rexxError } from '../errors.js';

export function isConstantSymbol(name: string): boolean {
  const c = name.charCodeAt(0);
  return c === 0x2e || (c >= 0x30 && c <= 0x39);
}

export function splitTail(tail: string): TailPart[] {
  return tail.split('.').map((p): TailPart => (p === '' || isConstantSymbol(p) ? { c: p } : { v: p }));
}

/** The expression a symbol token stands for. */
export function symbolExpr(t: RxToken): Expr {
  return symbolNameExpr(t.value);
}

export function symbolNameExpr(name: string): Expr {
  if (isConstantSymbol(name)) return { k: 'lit', v: name };
  const dot = name.indexOf('.');
  if (dot < 0) return { k: 'var', name };
  if (dot === name.length - 1) return { k: 'stem', name };
  return { k: 'comp', stem: name.slice(0, dot + 1), tail: splitTail(name.slice(dot + 1)), name };
}

/** A symbol used as a variable reference (assignment, PARSE target, DROP...). */
export function symbolRef(t: RxToken): VarRef {
  return nameRef(t.value);
}

export function nameRef(name: string): VarRef {
  if (isConstantSymbol(name)) {
    // Error 31: a number, or a symbol starting with a digit or a period
    if (/^[0-9]/.test(name)) throw rexxError(31, /^([0-9]+\.?[0-9]*|\.[0-9]+)(E[+-]?[0-9]+)?$/.test(name) ? 1 : 2, name);
    throw rexxError(31, 3, name);
  }
  const e = symbolNameExpr(name);
  return e as VarRef;
}
