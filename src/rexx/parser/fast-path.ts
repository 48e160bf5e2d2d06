/**
 * A fast front end for the commonest small sources: one line of assignments
 * `symbol = term op term ...` separated by semicolons, where the terms are
 * symbols and the operators are + - * / % //. INTERPRET strings built in
 * loops (`interpret 'x'i '=' i '*' 3`) are mostly of this shape, and going
 * through the Chevrotain lexer and parser costs some 20 µs for each.
 *
 * The grammar stays Chevrotain's: this only recognises sources whose tokens
 * are unambiguous (no strings, comments, parentheses, prefix operators,
 * exponents, composite or blank-separated operator characters, implicit
 * concatenation) and builds the tree with the same helpers the parser uses
 * (symbolNameExpr, nameRef, buildTree). Anything else returns undefined and
 * takes the full path. A property test (test/rexx/parser/fast-path.test.ts)
 * checks that whatever this accepts parses to exactly the same Program.
 */
import type { Clause, Expr, Program } from '../ast.js';
import { buildTree } from './precedence.js';
import { isConstantSymbol, nameRef, symbolNameExpr } from './symbols.js';

/** Characters of a symbol: A-Z a-z 0-9 . ! ? _ @ # $ */
const SYM = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.!?_@#$') SYM[c.charCodeAt(0)] = 1;

function isSym(c: number): boolean {
  return c < 128 && SYM[c] === 1;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Upper-case ASCII (a symbol's value). */
function upper(s: string): string {
  let lower = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      lower = true;
      break;
    }
  }
  return lower ? s.toUpperCase() : s;
}

/**
 * A constant symbol that could be (part of) a number with an exponent, whose
 * sign the real lexer may join: refused.
 */
function hasExponent(sym: string): boolean {
  if (!isConstantSymbol(sym)) return false;
  for (let i = 0; i < sym.length; i++) {
    const c = sym.charCodeAt(i);
    if (c === 69 || c === 101) return true;
  }
  return false;
}

export function fastParseProgram(source: string, name: string): Program | undefined {
  const n = source.length;
  if (n === 0 || n > 400) return undefined;
  const clauses: Clause[] = [];
  let i = 0;
  while (i < n) {
    // one clause: [blanks] SYMBOL [blanks] '=' [blanks] expr [blanks] (';' | end)
    while (i < n && isBlank(source.charCodeAt(i))) i++;
    if (i >= n) break;
    if (source.charCodeAt(i) === 59) {
      i++;
      continue; // empty clause
    }
    const start = i;
    while (i < n && isSym(source.charCodeAt(i))) i++;
    if (i === start) return undefined;
    const target = upper(source.slice(start, i));
    if (isConstantSymbol(target)) return undefined; // an error for the full path to report
    while (i < n && isBlank(source.charCodeAt(i))) i++;
    if (i >= n || source.charCodeAt(i) !== 61) return undefined;
    i++;
    const parts: Expr[] = [];
    const ops: string[] = [];
    let end = i;
    for (;;) {
      while (i < n && isBlank(source.charCodeAt(i))) i++;
      const ts = i;
      while (i < n && isSym(source.charCodeAt(i))) i++;
      if (i === ts) return undefined; // a term must follow '=' or an operator
      const sym = upper(source.slice(ts, i));
      if (hasExponent(sym)) return undefined;
      parts.push(symbolNameExpr(sym));
      end = i;
      while (i < n && isBlank(source.charCodeAt(i))) i++;
      if (i >= n) break;
      const c = source.charCodeAt(i);
      if (c === 59) break;
      let op: string;
      if (c === 43) op = '+';
      else if (c === 45) op = '-';
      else if (c === 42) op = '*';
      else if (c === 37) op = '%';
      else if (c === 47) {
        if (i + 1 < n && source.charCodeAt(i + 1) === 47) {
          op = '//';
          i++;
        } else op = '/';
      } else return undefined;
      i++;
      // the next character must start a term: no composite or prefix operators
      let j = i;
      while (j < n && isBlank(source.charCodeAt(j))) j++;
      if (j >= n || !isSym(source.charCodeAt(j))) return undefined;
      ops.push(op);
    }
    const ref = nameRef(target);
    const e = buildTree(parts, ops);
    clauses.push({ k: 'assign', ref, e, line: 1, text: source.slice(start, end) });
    if (i < n) i++; // the ';'
  }
  if (clauses.length === 0) return undefined;
  return { name, clauses, labels: new Map(), lines: [source] };
}
