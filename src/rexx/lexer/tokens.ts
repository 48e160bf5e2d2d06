/**
 * REXX token types (ANSI X3.274-1996 §6.2 "Lexical level"; TRL2 §2.1 "Tokens").
 *
 * Keywords are NOT tokens: REXX keywords are not reserved (`say = 1` assigns),
 * so every symbol lexes as `Symbol` and the clause classifier decides what a
 * symbol means from its position (see parser/clauses.ts).
 */
import type { TokenType } from './chevrotain.js';
import { defineToken } from './token-type.js';
import {
  matchComment,
  matchContinuation,
  matchString,
  matchSymbol,
  SYMBOL_START_CHARS,
} from './patterns.js';

// Blanks first: they are the most common token (Chevrotain performance guide).
export const Blank = defineToken({ name: 'Blank', pattern: /[ \t\f\v\r]+/, group: 'ws' });
export const Continuation = defineToken({
  name: 'Continuation',
  pattern: { exec: matchContinuation },
  start_chars_hint: [','],
  line_breaks: true,
  group: 'ws',
});
/** Skipped: its group, Chevrotain's Lexer.SKIPPED, is set where the Chevrotain Lexer is built (lexer.ts). */
export const Comment = defineToken({
  name: 'Comment',
  pattern: { exec: matchComment },
  start_chars_hint: ['/'],
  line_breaks: true,
});
/** End of line: ends a clause (unless after a continuation comma). */
export const Eol = defineToken({ name: 'Eol', pattern: /\r?\n/, line_breaks: true });
export const Semicolon = defineToken({ name: 'Semicolon', pattern: ';' });

/** '...' or "..." with doubled quotes; also '..'X and '..'B (payload tells which). */
export const StringLit = defineToken({
  name: 'StringLit',
  pattern: { exec: matchString },
  start_chars_hint: ["'", '"'],
  line_breaks: false,
});
/** Any symbol: variable, constant (numbers, with signed exponents), or keyword. */
export const Symbol = defineToken({
  name: 'Symbol',
  pattern: { exec: matchSymbol },
  start_chars_hint: SYMBOL_START_CHARS,
});

export const LParen = defineToken({ name: 'LParen', pattern: '(' });
export const RParen = defineToken({ name: 'RParen', pattern: ')' });
export const Comma = defineToken({ name: 'Comma', pattern: ',' });
export const Colon = defineToken({ name: 'Colon', pattern: ':' });

/**
 * Operator characters. Composite operators (`**`, `\==`, `>=` ...) are built from
 * these after lexing, because the standard allows blanks and comments between
 * the characters of a composite operator (`3 > = 2` is `3 >= 2`).
 * X'AC' is the not sign in ISO-8859-1 (the source is read as bytes).
 */
export const OpChar = defineToken({ name: 'OpChar', pattern: /[+\-*/%|&=<>\\\xAC]/ });

export const allTokens: TokenType[] = [
  Blank,
  Eol,
  Comment, // before OpChar: "/*" must not lex as "/"
  Continuation, // before Comma
  StringLit,
  Symbol,
  Semicolon,
  LParen,
  RParen,
  Comma,
  Colon,
  OpChar,
];
