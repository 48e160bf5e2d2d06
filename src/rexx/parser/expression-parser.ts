/**
 * The Chevrotain grammar for REXX expressions and PARSE templates
 * (ANSI X3.274-1996 §6.3 "Expressions", §7.4.8 "PARSE"; grammar/rexx.ebnf is the
 * readable form). One clause's tokens are parsed at a time; the clause parser
 * (instructions.ts) decides which rule applies and passes the set of
 * sub-keywords that end an expression at this place (TO, BY, THEN, WITH, ...),
 * as ooRexx's terminator sets do.
 *
 * Expressions are read as a flat list `term (op term)*` and then arranged by
 * precedence (precedence.ts), as the ECMAScript example grammar and Langium do.
 * Implicit concatenation is found from token offsets: a term that follows a
 * term with blanks between is blank concatenation, without blanks abuttal.
 */
import { chevrotain, type EmbeddedActionsParser, type TokenType } from '../lexer/chevrotain.js';
import { allTokens, StringLit, Symbol, LParen, RParen, Comma, Eol, Semicolon, Colon } from '../lexer/tokens.js';
import { operatorTokenTypes, BinaryOp, AdditiveOp, NotOp } from '../lexer/operators.js';
import type { RxToken } from '../lexer/lexer.js';
import type { Expr, TemplateItem, Template } from '../ast.js';
import { buildTree } from './precedence.js';
import { symbolExpr, symbolRef } from './symbols.js';
import { symbolItem, positionItem, positionNumber } from './template-items.js';
import { fastExpression, fastTemplateList } from './expression-fast.js';
import { rexxError } from '../errors.js';

const EMPTY: ReadonlySet<string> = new Set();

/**
 * The grammar, as a class made when first needed: Chevrotain is loaded
 * only then in the start-up bundle (lexer/chevrotain.ts).
 */
function defineParser(Base: typeof EmbeddedActionsParser) {
  return class RexxExpressionParser extends Base {
    constructor() {
      super([...allTokens, ...operatorTokenTypes], {
        maxLookahead: 2,
        skipValidations: true,
        recoveryEnabled: false,
      });
      this.performSelfAnalysis();
    }

    /** Is LA(1) a sub-keyword that ends the expression here? */
    private isTerm(terms: ReadonlySet<string>): boolean {
      const t = this.LA(1) as RxToken;
      return t.tokenType === Symbol && terms.has(t.value);
    }

    /** Can LA(1) start a term (for implicit concatenation)? */
    private startsTerm(): boolean {
      const tt = this.LA(1).tokenType;
      return tt === StringLit || tt === Symbol || tt === LParen || tt === NotOp;
    }

    public expression = this.RULE('expression', (terms: ReadonlySet<string> = EMPTY): Expr => {
      const parts: Expr[] = [];
      const ops: string[] = [];
      parts.push(this.SUBRULE(this.term, { ARGS: [terms] }));
      this.MANY({
        GATE: () => !this.isTerm(terms),
        DEF: () => {
          this.OR([
            {
              ALT: () => {
                const op = this.CONSUME(BinaryOp) as RxToken;
                const right = this.SUBRULE2(this.term, { ARGS: [terms] });
                this.ACTION(() => {
                  ops.push(op.op!);
                  parts.push(right);
                });
              },
            },
            {
              GATE: () => this.startsTerm(),
              ALT: () => {
                const next = this.LA(1) as RxToken;
                const right = this.SUBRULE3(this.term, { ARGS: [terms] });
                this.ACTION(() => {
                  ops.push(next.space ? ' ' : '');
                  parts.push(right);
                });
              },
            },
          ]);
        },
      });
      return this.ACTION(() => buildTree(parts, ops));
    });

    private term = this.RULE('term', (terms: ReadonlySet<string> = EMPTY): Expr => {
      const prefixes: string[] = [];
      this.MANY(() => {
        const t = this.OR([
          { ALT: () => this.CONSUME(AdditiveOp) },
          { ALT: () => this.CONSUME(NotOp) },
        ]) as RxToken;
        this.ACTION(() => prefixes.push(t.op!));
      });
      const p = this.SUBRULE(this.primary, { ARGS: [terms] });
      return this.ACTION(() => {
        let e = p;
        for (let i = prefixes.length - 1; i >= 0; i--) e = { k: 'pre', op: prefixes[i] as '+' | '-' | '\\', e };
        return e;
      });
    });

    private primary = this.RULE('primary', (terms: ReadonlySet<string> = EMPTY): Expr => {
      return this.OR([
        {
          ALT: () => {
            this.CONSUME(LParen);
            const e = this.SUBRULE(this.expression, { ARGS: [EMPTY] });
            this.CONSUME(RParen);
            return e;
          },
        },
        {
          // A function call: the "(" abuts the name.
          GATE: () => this.LA(2).tokenType === LParen && !(this.LA(2) as RxToken).space,
          ALT: () => {
            const name = this.OR2([{ ALT: () => this.CONSUME2(Symbol) }, { ALT: () => this.CONSUME2(StringLit) }]) as RxToken;
            this.CONSUME2(LParen);
            const args = this.SUBRULE(this.args);
            this.CONSUME2(RParen);
            return this.ACTION((): Expr => {
              const quoted = name.tokenType === StringLit;
              return { k: 'call', name: quoted ? name.value : name.value, quoted, args };
            });
          },
        },
        {
          ALT: () => {
            const s = this.CONSUME(StringLit) as RxToken;
            return this.ACTION((): Expr => ({ k: 'lit', v: s.value }));
          },
        },
        {
          ALT: () => {
            const s = this.CONSUME(Symbol) as RxToken;
            return this.ACTION(() => symbolExpr(s));
          },
        },
      ]);
    });

    /** Function arguments: any may be omitted (`f(a,,c)`). */
    private args = this.RULE('args', (): (Expr | null)[] => {
      const list: (Expr | null)[] = [];
      let cur: Expr | null = null;
      this.OPTION(() => {
        cur = this.SUBRULE(this.expression, { ARGS: [EMPTY] });
      });
      this.MANY(() => {
        this.CONSUME(Comma);
        this.ACTION(() => {
          list.push(cur);
          cur = null;
        });
        this.OPTION2(() => {
          cur = this.SUBRULE2(this.expression, { ARGS: [EMPTY] });
        });
      });
      return this.ACTION(() => {
        if (cur !== null || list.length > 0) list.push(cur);
        return list;
      });
    });

    /** One PARSE template (between commas): targets and patterns. */
    public template = this.RULE('template', (): TemplateItem[] => {
      const items: TemplateItem[] = [];
      this.MANY(() => {
        const item = this.OR([
          {
            ALT: () => {
              const s = this.CONSUME(StringLit) as RxToken;
              return this.ACTION((): TemplateItem => ({ k: 'lit', v: s.value }));
            },
          },
          {
            ALT: () => {
              this.CONSUME(LParen);
              const v = this.CONSUME2(Symbol) as RxToken;
              this.CONSUME(RParen);
              return this.ACTION((): TemplateItem => ({ k: 'varpat', ref: symbolRef(v) }));
            },
          },
          {
            ALT: () => {
              const sign = this.OR2([{ ALT: () => this.CONSUME(AdditiveOp) }, { ALT: () => this.CONSUME(BinaryOp) }]) as RxToken;
              const e = this.SUBRULE(this.positional);
              return this.ACTION(() => positionItem(sign, e));
            },
          },
          {
            ALT: () => {
              const s = this.CONSUME3(Symbol) as RxToken;
              return this.ACTION(() => symbolItem(s));
            },
          },
        ]);
        this.ACTION(() => items.push(item));
      });
      return items;
    });

    /** After + - =: a whole number or (expression-free variable reference). */
    private positional = this.RULE('positional', (): Expr => {
      return this.OR([
        {
          ALT: () => {
            this.CONSUME(LParen);
            const v = this.CONSUME(Symbol) as RxToken;
            this.CONSUME(RParen);
            return this.ACTION(() => symbolExpr(v));
          },
        },
        {
          ALT: () => {
            const n = this.CONSUME2(Symbol) as RxToken;
            return this.ACTION(() => positionNumber(n));
          },
        },
      ]);
    });
  };
}

type RexxExpressionParser = InstanceType<ReturnType<typeof defineParser>>;

let parser: RexxExpressionParser | undefined;
function getParser(): RexxExpressionParser {
  parser ??= new (defineParser(chevrotain().EmbeddedActionsParser))();
  return parser;
}

/**
 * Run the parser with JavaScript stack traces off: Chevrotain reports an
 * expression that stops before the end of its tokens (at TO, THEN, WITH...)
 * with an exception object, and capturing a stack trace for each made
 * parsing a short DO clause several times slower.
 */
function withoutStackTraces<T>(f: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return f();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * toks[from..to) for the Chevrotain parser, which matches tokens by their
 * type's number: tokens lexed before Chevrotain numbered the types
 * (lexer/token-type.ts) get it now.
 */
function numbered(toks: RxToken[], from: number, to: number): RxToken[] {
  const input = toks.slice(from, to);
  for (const t of input) t.tokenTypeIdx = t.tokenType.tokenTypeIdx!;
  return input;
}

/** Index (in toks) of the first token the last rule did not consume. */
function consumed(p: RexxExpressionParser, from: number): number {
  // exportLexerState() is Chevrotain's (untyped) position of the last consumed token.
  return from + (p as unknown as { exportLexerState(): number }).exportLexerState() + 1;
}

/** Report a Chevrotain failure at token index `at` as the REXX error the standard gives. */
function syntaxErrorAt(toks: RxToken[], at: number): never {
  const t = toks[at];
  if (!t) throw rexxError(35, 1, '');
  if (t.tokenType === RParen) throw rexxError(37, 2);
  if (t.tokenType === Comma) throw rexxError(37, 1);
  throw rexxError(35, 1, t.image);
}

/**
 * Parse an expression from toks[from..to) stopping at a sub-keyword in `terms`.
 * Returns the expression and the index of the first token after it.
 */
export function parseExpression(
  toks: RxToken[],
  from: number,
  to: number,
  terms: ReadonlySet<string> = EMPTY,
): { e: Expr; next: number } {
  // the same result without building the Chevrotain parser, when the reader can (expression-fast.ts)
  return fastExpression(toks, from, to, terms) ?? chevrotainExpression(toks, from, to, terms);
}

/** parseExpression by the Chevrotain grammar itself: results and errors. */
export function chevrotainExpression(
  toks: RxToken[],
  from: number,
  to: number,
  terms: ReadonlySet<string> = EMPTY,
): { e: Expr; next: number } {
  const p = getParser();
  p.input = numbered(toks, from, to);
  const e = withoutStackTraces(() => p.expression(terms));
  // Stopping before the end is fine here (a sub-keyword follows): the caller checks.
  const errors = p.errors.filter((x) => x.name !== 'NotAllInputParsedException');
  if (errors.length > 0) {
    // find the offending token
    const bad = errors[0]!.token as RxToken;
    const idx = toks.indexOf(bad);
    if (bad.tokenType === chevrotain().EOF || idx < 0) {
      // ran out of tokens: an open parenthesis or a dangling operator
      let depth = 0;
      for (let i = from; i < to; i++) {
        if (toks[i]!.tokenType === LParen) depth++;
        else if (toks[i]!.tokenType === RParen) depth--;
      }
      if (depth > 0) throw rexxError(36);
      const last = toks[to - 1];
      throw rexxError(35, 1, last ? last.image : '');
    }
    syntaxErrorAt(toks, idx);
  }
  return { e, next: consumed(p, from) };
}

/** Parse a whole-clause expression: everything in toks[from..to) must be used. */
export function parseWholeExpression(toks: RxToken[], from: number, to: number): Expr {
  const { e, next } = parseExpression(toks, from, to);
  if (next < to) syntaxErrorAt(toks, next);
  return e;
}

/** Parse a template list (comma-separated templates) from toks[from..to). */
export function parseTemplateList(toks: RxToken[], from: number, to: number): Template {
  return fastTemplateList(toks, from, to) ?? chevrotainTemplateList(toks, from, to);
}

/** parseTemplateList by the Chevrotain grammar itself: results and errors. */
export function chevrotainTemplateList(toks: RxToken[], from: number, to: number): Template {
  const p = getParser();
  const list: Template = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || toks[i]!.tokenType === Comma) {
      p.input = numbered(toks, start, i);
      const items = withoutStackTraces(() => p.template());
      const errors = p.errors.filter((x) => x.name !== 'NotAllInputParsedException');
      if (errors.length > 0) {
        const bad = errors[0]!.token as RxToken;
        throw rexxError(38, 1, bad.tokenType === chevrotain().EOF ? '' : bad.image);
      }
      const next = consumed(p, start);
      if (next < i) throw rexxError(38, 1, toks[next]!.image);
      list.push(items);
      start = i + 1;
    }
  }
  return list;
}

export const clauseEndTypes: TokenType[] = [Eol, Semicolon];
export { Colon };

/** The grammar's productions as Chevrotain serializes them (for the grammar snapshot test). */
export function serializedGrammar(): unknown {
  return getParser().getSerializedGastProductions();
}
