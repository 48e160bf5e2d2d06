/**
 * The REXX token stream without Chevrotain's Lexer (issue 7, start-up).
 *
 * Building Chevrotain's Lexer analyses every token pattern (regexp-to-ast,
 * first-character tables) and costs some 3 ms at each start of vmrexx, more
 * than lexing a whole program. The token set (tokens.ts) is small and its
 * custom matchers (patterns.ts) already do the hard parts, so this lexer
 * produces the very result Chevrotain's tokenize() gives for the same text:
 * the same matchers tried in the same order at each offset (Chevrotain's
 * first-character optimisation picks the candidates by the character, as the
 * switch below does), the same token objects (createFullToken's fields, the
 * payload of a custom match) and the same line and column arithmetic (lines
 * end at LF: lexer.ts gives Chevrotain that line terminator).
 *
 * Whatever it does not reproduce exactly it refuses (returns undefined), and
 * the caller lexes with Chevrotain: a character no token starts with (the
 * error path, with Chevrotain's error recovery), such as one above U+00FF.
 * A matcher that throws (an unfinished comment or string, a bad hex string)
 * throws here at the same offset as in Chevrotain, which tries the same
 * matchers in the same order before it. test/rexx/lexer/fast-lexer.test.ts
 * checks the equality on random texts.
 */
import type { IToken, TokenType } from './chevrotain.js';
import { matchComment, matchContinuation, matchString, matchSymbol, isSymbolChar } from './patterns.js';
import { Blank, Eol, Continuation, StringLit, Symbol, Semicolon, LParen, RParen, Comma, Colon, OpChar } from './tokens.js';

/** What Chevrotain's Lexer.tokenize returns, as far as lexer.ts reads it. */
export interface LexResult {
  tokens: IToken[];
  groups: { ws: IToken[] };
  errors: never[];
}

/** The operator characters of OpChar's pattern /[+\-*\/%|&=<>\\\xAC]/ (the / is tried after Comment). */
function isOpChar(c: number): boolean {
  return (
    c === 0x2b || c === 0x2d || c === 0x2a || c === 0x2f || c === 0x25 || c === 0x7c || c === 0x26 ||
    c === 0x3d || c === 0x3c || c === 0x3e || c === 0x5c || c === 0xac
  );
}

/** Blank's pattern /[ \t\f\v\r]+/ */
function isBlankChar(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b || c === 0x0d;
}

export function fastTokenize(text: string): LexResult | undefined {
  const n = text.length;
  const tokens: IToken[] = [];
  const ws: IToken[] = [];
  let offset = 0;
  let line = 1;
  let column = 1;
  while (offset < n) {
    const c = text.charCodeAt(offset);
    let type: TokenType;
    let image: string;
    let payload: unknown;
    /** Comment and Continuation may span lines */
    let multiLine = false;
    if (isBlankChar(c)) {
      let end = offset + 1;
      while (end < n && isBlankChar(text.charCodeAt(end))) end++;
      type = Blank;
      image = text.slice(offset, end);
    } else if (isSymbolChar(c)) {
      type = Symbol;
      image = matchSymbol(text, offset)![0];
    } else if (c === 0x0a) {
      type = Eol;
      image = '\n';
      multiLine = true;
    } else if (c === 0x27 || c === 0x22) {
      const m = matchString(text, offset)! as RegExpExecArray & { payload?: unknown };
      type = StringLit;
      image = m[0];
      payload = m.payload;
    } else if (c === 0x2c) {
      const m = matchContinuation(text, offset);
      if (m !== null) {
        type = Continuation;
        image = m[0];
        multiLine = true;
      } else {
        type = Comma;
        image = ',';
      }
    } else if (c === 0x2f) {
      const m = matchComment(text, offset);
      if (m !== null) {
        // Lexer.SKIPPED: no token, only the position moves on
        ({ line, column } = advance(m[0], line, column, undefined));
        offset += m[0].length;
        continue;
      }
      type = OpChar;
      image = '/';
    } else if (c === 0x3b) {
      type = Semicolon;
      image = ';';
    } else if (c === 0x28) {
      type = LParen;
      image = '(';
    } else if (c === 0x29) {
      type = RParen;
      image = ')';
    } else if (c === 0x3a) {
      type = Colon;
      image = ':';
    } else if (isOpChar(c)) {
      type = OpChar;
      image = text[offset]!;
    } else {
      return undefined; // no token starts here: Chevrotain reports it
    }
    const len = image.length;
    // createFullToken's object, field for field
    const token: IToken & { payload?: unknown } = {
      image,
      startOffset: offset,
      endOffset: offset + len - 1,
      startLine: line,
      endLine: line,
      startColumn: column,
      endColumn: column + len - 1,
      tokenTypeIdx: type.tokenTypeIdx!,
      tokenType: type,
    };
    if (payload !== undefined) token.payload = payload;
    if (type === Blank || type === Continuation) ws.push(token);
    else tokens.push(token);
    if (multiLine) ({ line, column } = advance(image, line, column, token));
    else column += len;
    offset += len;
  }
  return { tokens, groups: { ws }, errors: [] };
}

/**
 * The position after a match that may hold line ends, and the token's end
 * position, as Chevrotain's tokenizeInternal and
 * updateTokenEndLineColumnLocation compute them.
 */
function advance(image: string, line: number, column: number, token: IToken | undefined): { line: number; column: number } {
  const len = image.length;
  let count = 0;
  let last = -1;
  for (let i = image.indexOf('\n'); i >= 0; i = image.indexOf('\n', i + 1)) {
    count++;
    last = i;
  }
  if (count === 0) return { line, column: column + len };
  const newLine = line + count;
  const newColumn = len - last;
  if (token !== undefined) {
    const endsInLT = last === len - 1;
    const fix = endsInLT ? -1 : 0;
    if (!(count === 1 && endsInLT)) {
      token.endLine = newLine + fix;
      token.endColumn = newColumn - 1 + -fix;
    }
  }
  return { line: newLine, column: newColumn };
}
