/**
 * Expressions and PARSE templates read without Chevrotain's parser (issue 7,
 * start-up): a recursive descent over the same token stream that builds the
 * same trees as the Chevrotain grammar in expression-parser.ts, which stays
 * the definition of the language.
 *
 * Constructing the Chevrotain parser (performSelfAnalysis: recording the
 * grammar, computing the lookahead functions) costs some 6 ms at every start
 * of vmrexx, more than parsing a typical program. This reader takes each
 * decision the way the grammar's lookahead does (the comments name the
 * production), and wherever the outcome is an error or not plainly the
 * grammar's (a binary operator not followed by a term, an unclosed
 * parenthesis, a throw from a semantic action, such as template-items.ts's errors) it gives up and returns
 * undefined: the caller then parses with Chevrotain, which produces the
 * result or the error as before. A property test
 * (test/rexx/parser/expression-fast.test.ts) checks that whatever this
 * returns equals Chevrotain's result, token index included.
 */
import type { Expr, Template, TemplateItem } from '../ast.js';
import type { RxToken } from '../lexer/lexer.js';
import { StringLit, Symbol, LParen, RParen, Comma } from '../lexer/tokens.js';
import { NotOp } from '../lexer/operators.js';
import { buildTree } from './precedence.js';
import { symbolExpr, symbolRef } from './symbols.js';
import { symbolItem, positionItem, positionNumber } from './template-items.js';

/** The tokens being read and the end of the range (one parse at a time: parsing is synchronous). */
let toks: RxToken[] = [];
let end = 0;
let pos = 0;

const NO_TERMS: ReadonlySet<string> = new Set();

function at(i: number): RxToken | undefined {
  return i < end ? toks[i] : undefined;
}

/** A composite operator (category BinaryOp, AdditiveOp included); `op` is set on operators only. */
function isBinaryOp(t: RxToken): boolean {
  return t.op !== undefined && t.tokenType !== NotOp;
}

function isAdditiveOp(t: RxToken): boolean {
  return t.tokenType !== NotOp && (t.op === '+' || t.op === '-');
}

/** FIRST(term): a prefix operator or the start of a primary. */
function startsTerm(t: RxToken | undefined): boolean {
  if (t === undefined) return false;
  const tt = t.tokenType;
  return tt === Symbol || tt === StringLit || tt === LParen || tt === NotOp || isAdditiveOp(t);
}

/**
 * The expression in toks[from..to) up to a sub-keyword of `terms`, and the
 * index of the first token after it, or undefined: parse with Chevrotain.
 */
export function fastExpression(
  tokens: RxToken[],
  from: number,
  to: number,
  terms: ReadonlySet<string>,
): { e: Expr; next: number } | undefined {
  toks = tokens;
  end = to;
  pos = from;
  try {
    const e = expression(terms);
    return e === undefined ? undefined : { e, next: pos };
  } catch {
    return undefined; // a semantic action threw: Chevrotain throws it again in its place
  } finally {
    toks = [];
  }
}

/** expression: term ( BinaryOp term | {startsTerm} term )* with the gate "not a sub-keyword" */
function expression(terms: ReadonlySet<string>): Expr | undefined {
  const first = term();
  if (first === undefined) return undefined;
  const parts: Expr[] = [first];
  const ops: string[] = [];
  for (;;) {
    const t = at(pos);
    if (t === undefined) break;
    if (t.tokenType === Symbol && terms.has(t.value)) break;
    let op: string;
    if (isBinaryOp(t)) {
      // (when no term follows, term() gives up: Chevrotain reports the error)
      op = t.op!;
      pos++;
    } else if (startsTerm(t)) {
      op = t.space ? ' ' : '';
    } else break;
    const right = term();
    if (right === undefined) return undefined;
    ops.push(op);
    parts.push(right);
  }
  return buildTree(parts, ops);
}

/** term: ( AdditiveOp | NotOp )* primary */
function term(): Expr | undefined {
  const prefixes: string[] = [];
  for (let t = at(pos); t !== undefined && (t.tokenType === NotOp || isAdditiveOp(t)); t = at(pos)) {
    prefixes.push(t.op!);
    pos++;
  }
  let e = primary();
  if (e === undefined) return undefined;
  for (let i = prefixes.length - 1; i >= 0; i--) e = { k: 'pre', op: prefixes[i] as '+' | '-' | '\\', e };
  return e;
}

/** primary: ( expression ) | name( args ) with the "(" abutting | string | symbol */
function primary(): Expr | undefined {
  const t = at(pos);
  if (t === undefined) return undefined;
  const tt = t.tokenType;
  if (tt === LParen) {
    pos++;
    const e = expression(NO_TERMS);
    if (e === undefined || at(pos)?.tokenType !== RParen) return undefined;
    pos++;
    return e;
  }
  if (tt !== Symbol && tt !== StringLit) return undefined;
  const next = at(pos + 1);
  if (next !== undefined && next.tokenType === LParen && !next.space) {
    pos += 2;
    const args = callArgs();
    if (args === undefined || at(pos)?.tokenType !== RParen) return undefined;
    pos++;
    const quoted = tt === StringLit;
    return { k: 'call', name: t.value, quoted, args };
  }
  pos++;
  return tt === StringLit ? { k: 'lit', v: t.value } : symbolExpr(t);
}

/** args: expression? ( , expression? )* */
function callArgs(): (Expr | null)[] | undefined {
  const list: (Expr | null)[] = [];
  let cur: Expr | null = null;
  if (startsTerm(at(pos))) {
    const e = expression(NO_TERMS);
    if (e === undefined) return undefined;
    cur = e;
  }
  while (at(pos)?.tokenType === Comma) {
    pos++;
    list.push(cur);
    cur = null;
    if (startsTerm(at(pos))) {
      const e = expression(NO_TERMS);
      if (e === undefined) return undefined;
      cur = e;
    }
  }
  if (cur !== null || list.length > 0) list.push(cur);
  return list;
}

/**
 * The template list (comma-separated templates) in toks[from..to), or
 * undefined: parse with Chevrotain.
 */
export function fastTemplateList(tokens: RxToken[], from: number, to: number): Template | undefined {
  toks = tokens;
  const list: Template = [];
  try {
    let start = from;
    for (let i = from; i <= to; i++) {
      if (i === to || tokens[i]!.tokenType === Comma) {
        end = i;
        pos = start;
        const items = template();
        // a template must use all its tokens
        if (items === undefined || pos < i) return undefined;
        list.push(items);
        start = i + 1;
      }
    }
    return list;
  } catch {
    return undefined;
  } finally {
    toks = [];
  }
}

/** template: ( string | ( symbol ) | (AdditiveOp | BinaryOp) positional | symbol )* */
function template(): TemplateItem[] | undefined {
  const items: TemplateItem[] = [];
  for (;;) {
    const t = at(pos);
    if (t === undefined) return items;
    const tt = t.tokenType;
    if (tt === StringLit) {
      pos++;
      items.push({ k: 'lit', v: t.value });
    } else if (tt === LParen) {
      const v = at(pos + 1);
      if (v?.tokenType !== Symbol || at(pos + 2)?.tokenType !== RParen) return undefined;
      pos += 3;
      items.push({ k: 'varpat', ref: symbolRef(v) });
    } else if (isBinaryOp(t)) {
      pos++;
      const e = positional();
      if (e === undefined) return undefined;
      items.push(positionItem(t, e));
    } else if (tt === Symbol) {
      pos++;
      items.push(symbolItem(t));
    } else return items;
  }
}

/** positional: ( symbol ) | whole number */
function positional(): Expr | undefined {
  const t = at(pos);
  if (t?.tokenType === LParen) {
    const v = at(pos + 1);
    if (v?.tokenType !== Symbol || at(pos + 2)?.tokenType !== RParen) return undefined;
    pos += 3;
    return symbolExpr(v);
  }
  if (t?.tokenType !== Symbol) return undefined;
  pos++;
  return positionNumber(t);
}
