/**
 * The PARSE template engine (ANSI X3.274-1996 §7.4.8, TRL2 §4.6 "Parsing").
 *
 * Patterns split the source string; the targets between two patterns share
 * the piece between them, word by word. State follows the standard:
 *   cursor    — where a string pattern's search and piece start (past the
 *               last string match);
 *   lastStart — where the last match began: relative positions count from
 *               it, and the piece before a positional pattern starts there.
 * A positional pattern that does not move right gives the targets before it
 * the rest of the string.
 */
import type { Expr, TemplateItem, VarRef } from '../ast.js';
import type { Activation } from './activation.js';
import { compile, compileSetter, type Compiled } from './expression.js';
import { toWholeNumber } from '../arithmetic/decimal.js';
import { rexxError } from '../errors.js';
import { generateArgParser, generateParser, parseCodegenOptions, type ArgParser, type DirectParser } from './parse-codegen.js';

export type Assign = (a: Activation, ref: VarRef, value: string) => void;

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** A template item in one uniform shape (the AST's items have several: slow property access). */
export interface Item {
  /** 0 target, 1 literal pattern, 2 (var) pattern, 3 absolute position, 4 relative position */
  kind: number;
  ref: VarRef | null;
  /** a target's compiled assigner (null for the '.' placeholder and patterns) */
  set: ((a: Activation, v: string) => void) | null;
  v: string;
  e: Compiled | null;
  sign: number;
  /**
   * A positional pattern written as a plain number (`5`, `+2`): its value,
   * used as it is when DIGITS is 9 or more (a number of at most 9 digits is
   * then never rounded); -1 otherwise.
   */
  n: number;
  /**
   * A target that is a '.' placeholder, as is every target after it up to
   * the next pattern (or the end): its piece need not be scanned.
   */
  dotsToEnd: boolean;
}

/**
 * A template in its compiled form: its items, and once it has been parsed
 * untraced a few times (parseCodegenOptions.hotUses: most templates run once
 * or twice), a generated parser for it (parse-codegen.ts).
 */
export class CompiledTemplate {
  uses = 0;
  direct: DirectParser | null = null;
  constructor(readonly items: Item[]) {}
}

const compiledKey = Symbol('template');
type WithCompiled = { [compiledKey]?: CompiledTemplate };

/** A template in its compiled form (made once per template). */
export function compileTemplate(items: TemplateItem[]): CompiledTemplate {
  const w = items as WithCompiled;
  let tpl = w[compiledKey];
  if (tpl === undefined) {
    const out = items.map((it): Item => {
      switch (it.k) {
        case 'target':
          return { kind: 0, ref: it.ref, set: it.ref ? compileSetter(it.ref) : null, v: '', e: null, sign: 0, dotsToEnd: false, n: -1 };
        case 'lit':
          return { kind: 1, ref: null, set: null, v: it.v, e: null, sign: 0, dotsToEnd: false, n: -1 };
        case 'varpat':
          return { kind: 2, ref: it.ref, set: null, v: '', e: compile(it.ref as Expr), sign: 0, dotsToEnd: false, n: -1 };
        case 'abs':
          return { kind: 3, ref: null, set: null, v: '', e: compile(it.e), sign: 0, dotsToEnd: false, n: constPosition(it.e) };
        case 'rel':
          return { kind: 4, ref: null, set: null, v: '', e: compile(it.e), sign: it.sign, dotsToEnd: false, n: constPosition(it.e) };
      }
    });
    // from the end backwards: a placeholder is dotsToEnd when the next item
    // is a pattern, the end, or a dotsToEnd placeholder
    let dots = true;
    for (let i = out.length - 1; i >= 0; i--) {
      const x = out[i]!;
      if (x.kind !== 0) dots = true;
      else {
        dots = dots && x.ref === null;
        x.dotsToEnd = dots;
      }
    }
    tpl = new CompiledTemplate(out);
    w[compiledKey] = tpl;
  }
  return tpl;
}

/**
 * Assign source[b..e) to the targets items[from..to) word by word (the last
 * target gets the rest, less the one blank that ended the word before it).
 * Working on the range rather than on a sliced piece spares one string per
 * pattern; a run of trailing '.' placeholders is not scanned at all, since
 * nothing is assigned to them.
 *
 * noTab says whether the source has no tab (1), has one (0), or is not known
 * yet (-1; it is found out here when needed, once per parse, and returned):
 * without a tab a word ends at the next space, which indexOf finds faster
 * than a loop over the characters.
 */
function assignWords(
  a: Activation,
  items: Item[],
  from: number,
  to: number,
  source: string,
  b: number,
  e: number,
  assign: Assign,
  direct: boolean,
  noTab: number,
): number {
  let pos = b;
  const last = to - 1;
  for (let t = from; t < last; t++) {
    const item = items[t]!;
    if (item.dotsToEnd) return noTab;
    let i = pos;
    while (i < e && isBlank(source.charCodeAt(i))) i++;
    if (noTab < 0) noTab = source.indexOf('\t') < 0 ? 1 : 0;
    let j: number;
    if (noTab === 1) {
      j = source.indexOf(' ', i);
      if (j < 0 || j > e) j = e;
    } else {
      j = i;
      while (j < e && !isBlank(source.charCodeAt(j))) j++;
    }
    const ref = item.ref;
    if (ref) {
      if (direct) item.set!(a, source.slice(i, j));
      else assign(a, ref, source.slice(i, j));
    }
    pos = j < e ? j + 1 : e;
  }
  const item = items[last]!;
  const ref = item.ref;
  if (ref) {
    if (direct) item.set!(a, source.slice(pos, e));
    else assign(a, ref, source.slice(pos, e));
  }
  return noTab;
}

/** The value of a position written as 1 to 9 digits, else -1. */
function constPosition(e: Expr): number {
  return e.k === 'lit' && /^\d{1,9}$/.test(e.v) ? Number(e.v) : -1;
}

function positionValue(a: Activation, e: Compiled): number {
  return wholePosition(a, e(a));
}

/** The value v of a positional pattern's expression as a whole number (Error 26.4 when it is not one). */
export function wholePosition(a: Activation, v: string): number {
  const n = toWholeNumber(v, a.numeric);
  if (n === undefined) throw rexxError(26, 4, v);
  return n;
}

/** The template's generated parser (parse-codegen.ts), made now if it has none yet. */
export function directParser(tpl: CompiledTemplate): DirectParser {
  return (tpl.direct ??= generateParser(tpl.items, positionValue));
}

export function parseTemplate(a: Activation, source: string, template: TemplateItem[], assign: Assign): void {
  parseItems(a, source, compileTemplate(template), assign, false);
}

/**
 * Parse `source` with a compiled template. With `direct` the targets are set
 * through their compiled assigners without calling `assign` (for a caller
 * whose `assign` only sets the variable and traces it, when it is not
 * tracing); otherwise every assignment goes through `assign`.
 */
export function parseItems(a: Activation, source: string, tpl: CompiledTemplate, assign: Assign, direct: boolean): void {
  if (direct && parseCodegenOptions.enabled) {
    let f = tpl.direct;
    if (f === null && ++tpl.uses >= parseCodegenOptions.hotUses) f = directParser(tpl);
    if (f !== null) {
      f(a, source);
      return;
    }
  }
  const items = tpl.items;
  const len = source.length;
  let cursor = 0;
  let lastStart = 0;
  let tFrom = 0; // targets waiting for a piece: items[tFrom..i)
  let noTab = -1; // whether source has no tab: not known yet (see assignWords)
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const kind = item.kind;
    if (kind === 0) continue;
    // the targets before this pattern get source[pb..pe)
    let pb: number;
    let pe: number;
    if (kind <= 2) {
      const pat = kind === 1 ? item.v : item.e!(a);
      const p = pat === '' ? -1 : source.indexOf(pat, cursor);
      pb = cursor;
      if (p < 0) {
        pe = len;
        lastStart = len;
        cursor = len;
      } else {
        pe = p;
        lastStart = p;
        cursor = p + pat.length;
      }
    } else {
      const n = item.n >= 0 && a.numeric.digits >= 9 ? item.n : positionValue(a, item.e!);
      let pos = kind === 3 ? n - 1 : lastStart + item.sign * n;
      if (pos < 0) pos = 0;
      if (pos > len) pos = len;
      // the piece before a positional pattern starts where the last match
      // began: `parse var s 'k' a +2` gives a = 'kl' (the match is included)
      pb = lastStart;
      pe = pos > lastStart ? pos : len;
      lastStart = pos;
      cursor = pos;
    }
    if (i > tFrom) noTab = assignWords(a, items, tFrom, i, source, pb, pe, assign, direct, noTab);
    tFrom = i + 1;
  }
  if (items.length > tFrom) assignWords(a, items, tFrom, items.length, source, cursor, len, assign, direct, noTab);
}

const argParserKey = Symbol('args parser');
type WithArgParser = { [argParserKey]?: ArgParser };

/**
 * PARSE [UPPER|LOWER] ARG t1, t2, ... with its templates compiled once
 * (compileTemplate each): template i parses argument i of the routine, an
 * omitted or missing argument parsing as the null string (ANSI §7.4.8 and
 * §8.3.21). `convert` is the UPPER / LOWER conversion, or null. `direct` as
 * for parseItems.
 */
export function parseArgs(
  a: Activation,
  args: readonly (string | undefined)[],
  templates: CompiledTemplate[],
  convert: ((s: string) => string) | null,
  assign: Assign,
  direct: boolean,
): void {
  if (direct && parseCodegenOptions.enabled) {
    // once every template has its generated parser, one generated function runs them all
    const w = templates as WithArgParser;
    let f = w[argParserKey];
    if (f === undefined && templates.every((t) => t.direct !== null)) {
      f = w[argParserKey] = generateArgParser(templates.map((t) => t.direct!));
    }
    if (f !== undefined) {
      f(a, args, convert);
      return;
    }
  }
  for (let i = 0; i < templates.length; i++) {
    let src = args[i] ?? '';
    if (convert !== null) src = convert(src);
    parseItems(a, src, templates[i]!, assign, direct);
  }
}
