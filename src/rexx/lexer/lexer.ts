/**
 * The REXX lexer: Chevrotain tokenizes (tokens.ts, patterns.ts), then two small
 * passes shape the stream for the clause parser:
 *   1. each token learns whether blanks stood before it (`space`) — comments do
 *      not count, so a comment alone between two terms abuts them (as Regina and the standard treat it);
 *   2. operator characters join into composite operators (operators.ts).
 * Lexing errors become REXX errors: 13.1 invalid character, 6.x unmatched
 * comment or quote, 15.x bad hex/binary string.
 */
import { chevrotain, type Lexer, type IToken, type TokenType } from './chevrotain.js';
import { rexxError } from '../errors.js';
import { fastTokenize } from './fast-lexer.js';
import { allTokens, OpChar, StringLit, Symbol, Eol, Semicolon, Comma, Comment } from './tokens.js';
import { OPERATORS, NotOp, canonicalOperator } from './operators.js';
import type { StringPayload } from './patterns.js';

export interface RxToken extends IToken {
  /** blanks (or a continuation) between the previous token and this one */
  space: boolean;
  /** for strings: the value (hex/binary converted); for symbols: upper-cased image */
  value: string;
  /** for strings: 'S' | 'X' | 'B' */
  strKind?: 'S' | 'X' | 'B';
  /** for operators: canonical operator text ('\\==', '**', ...) */
  op?: string;
}

let lexer: Lexer | undefined;

function getLexer(): Lexer {
  // Built once (Chevrotain performance guide); tokenize() holds no state between calls.
  if (lexer !== undefined) return lexer;
  const { Lexer } = chevrotain();
  Comment.GROUP = Lexer.SKIPPED; // see tokens.ts
  lexer = new Lexer(allTokens, {
    positionTracking: 'full',
    // Lines end at LF alone, as in Regina and sourceLines(): by default a CR
    // (in the blanks before the LF of a CRLF file) would count as a line of its own
    lineTerminatorsPattern: /\n/g,
    lineTerminatorCharacters: ['\n'],
    ensureOptimizations: false,
    skipValidations: true,
  });
  return lexer;
}

/** Chevrotain's own lexing of source (the reference fast-lexer.ts is tested against). */
export function chevrotainLex(source: string): ReturnType<Lexer['tokenize']> {
  return getLexer().tokenize(source);
}

export { StringLit, Symbol, Eol, Semicolon, Comma };

export function tokenize(source: string): RxToken[] {
  // the same result, without building Chevrotain's Lexer when the text allows (fast-lexer.ts)
  const res = fastTokenize(source) ?? chevrotainLex(source);
  if (res.errors.length > 0) {
    const err = res.errors[0]!;
    const ch = source.charCodeAt(err.offset);
    const e = rexxError(13, 1, ch.toString(16).padStart(2, '0')); // lower case, as Regina prints it
    e.line = err.line ?? 1;
    throw e;
  }
  const ws = res.groups['ws'] ?? [];
  const toks = res.tokens as RxToken[];
  // Pass 1: spacing and values.
  let w = 0;
  let prevEnd = -1;
  for (const t of toks) {
    while (w < ws.length && ws[w]!.startOffset < t.startOffset) {
      if (ws[w]!.startOffset > prevEnd) t.space = true;
      w++;
    }
    t.space ??= false;
    if (t.tokenType === StringLit) {
      const p = (t as IToken & { payload: StringPayload }).payload;
      t.value = p.value;
      t.strKind = p.kind;
    } else if (t.tokenType === Symbol) {
      t.value = t.image.toUpperCase();
    } else t.value = t.image;
    prevEnd = t.endOffset!;
  }
  return joinOperators(toks);
}

/**
 * Join runs of operator characters into the longest valid operators. Blanks
 * between the characters are allowed (ANSI §6.2.2), so `>` `=` with a blank
 * between still make `>=`; a prefix `\` stands alone.
 */
function joinOperators(toks: RxToken[]): RxToken[] {
  const out: RxToken[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.tokenType !== OpChar) {
      out.push(t);
      i++;
      continue;
    }
    // Gather the run of consecutive operator characters.
    let j = i;
    while (j < toks.length && toks[j]!.tokenType === OpChar) j++;
    let k = i;
    while (k < j) {
      // longest match from k
      let best = 0;
      let bestOp = '';
      let text = '';
      for (let m = k; m < j && m - k < 3; m++) {
        text += toks[m]!.image;
        const c = canonicalOperator(text);
        if (OPERATORS.has(c)) {
          best = m - k + 1;
          bestOp = c;
        }
      }
      const first = toks[k]!;
      if (best === 0) {
        // A lone not sign is the prefix NOT operator.
        const c = canonicalOperator(first.image);
        first.op = c;
        first.tokenType = NotOp as TokenType;
        first.tokenTypeIdx = (NotOp as TokenType).tokenTypeIdx!;
        out.push(first);
        k++;
        continue;
      }
      const last = toks[k + best - 1]!;
      const type = OPERATORS.get(bestOp)!.type;
      // the tokens are this call's own: the first one becomes the operator
      const joined = first;
      joined.image = bestOp;
      joined.endOffset = last.endOffset;
      joined.endLine = last.endLine;
      joined.endColumn = last.endColumn;
      joined.tokenType = type;
      joined.tokenTypeIdx = type.tokenTypeIdx!;
      joined.op = bestOp;
      joined.value = bestOp;
      out.push(joined);
      k += best;
    }
    i = j;
  }
  return out;
}
