/**
 * Token types as Chevrotain's createToken() makes them, without loading
 * Chevrotain (issue 7, start-up: see chevrotain.ts). createToken sets name,
 * PATTERN, CATEGORIES, GROUP, LINE_BREAKS and START_CHARS_HINT from the
 * configuration and then numbers the type (tokenTypeIdx) and its categories;
 * the numbering is left to Chevrotain's Lexer and parser constructors, which
 * do it for every type they are given (augmentTokenTypes), so a type is
 * numbered once Chevrotain first lexes or parses with it. Until then a
 * token's tokenTypeIdx is undefined; the Chevrotain paths refresh it
 * (expression-parser.ts), and nothing else reads it.
 */
import type { TokenType, TokenPattern } from './chevrotain.js';

/** The pattern of Chevrotain's Lexer.NA: a type never lexed (the operators, built by joinOperators). */
export const NOT_APPLICABLE = /NOT_APPLICABLE/;

export interface TokenConfig {
  name: string;
  pattern: TokenPattern;
  categories?: TokenType[];
  group?: string;
  line_breaks?: boolean;
  start_chars_hint?: string[];
}

export function defineToken(config: TokenConfig): TokenType {
  const type: TokenType = { name: config.name, PATTERN: config.pattern };
  if (config.categories !== undefined) {
    type.CATEGORIES = config.categories;
    // createToken would list the type among each category's members at once.
    // A Chevrotain parser checks for members before it numbers the types, to
    // choose its token matcher (with categories or without), so each category
    // has one now; the numbering replaces the placeholder with the real list.
    for (const category of config.categories) (category.categoryMatches ??= []).push(-1);
  }
  if (config.group !== undefined) type.GROUP = config.group;
  if (config.line_breaks !== undefined) type.LINE_BREAKS = config.line_breaks;
  if (config.start_chars_hint !== undefined) type.START_CHARS_HINT = config.start_chars_hint;
  return type;
}
