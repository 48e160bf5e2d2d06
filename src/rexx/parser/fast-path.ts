/**
 * A fast front end for the commonest small sources: one line of clauses
 * separated by semicolons, each an assignment `symbol = term op term ...`, a
 * SAY, a DO with a simple, counted or controlled (`name = e TO e BY e FOR e`)
 * specification, or an END; the terms are symbols and plain strings, and the
 * operators are + - * / % // and ||. INTERPRET strings built in loops (`interpret 'x'i '=' i '*'
 * 3`, `interpret 'do j = 1 to 5; s = s + j; end'`) are mostly of this shape,
 * and going through the Chevrotain lexer and parser costs some 20 µs for each
 * (far more while that code is not yet optimised by the JIT).
 *
 * The grammar stays Chevrotain's: this only recognises sources whose tokens
 * are unambiguous (no hex or binary strings, comments, parentheses, prefix
 * operators, exponents, composite or blank-separated operator characters,
 * implicit concatenation, other keywords) and builds the tree with the same helpers
 * the parser uses (symbolNameExpr, nameRef, buildTree), in the same shape
 * (parser/program.ts doSpec and doInstr). Anything else returns undefined and
 * takes the full path, which also reports every error. A property test
 * (test/rexx/parser/fast-path.test.ts) checks that whatever this accepts
 * parses to exactly the same Program.
 *
 * Scanning and building are separate: scanSource() leaves the clauses in the
 * `scanned` record (expressions as flat term and operator lists, a DO's
 * specification as ranges of them), from which fastParseProgram builds the
 * tree, and from which an INTERPRET string of assignments and DO loops seen
 * for the first time is run without a tree at all
 * (evaluator/interpret-direct.ts, scanned-loop.ts).
 */
import type { Clause, DoSpec, Expr, Program } from '../ast.js';
import { buildTree } from './precedence.js';
import { isConstantSymbol, nameRef, symbolNameExpr } from './symbols.js';
import { TERM_DO_COUNT, TERM_DO_CTRL } from './keywords.js';

/**
 * Characters of a symbol: A-Z a-z 0-9 . ! ? _ @ # $, each with the classes
 * symbol() gathers in the one pass over it (SYM_CHAR for all).
 */
const SYM_CHAR = 1;
const LOWER = 2;
/** E or e: a constant symbol with one could be a number with an exponent */
const EXP = 4;
const NON_DIGIT = 8;
const DOT = 16;
const SYM = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.!?_@#$') {
  const code = c.charCodeAt(0);
  SYM[code] =
    SYM_CHAR |
    (c >= 'a' && c <= 'z' ? LOWER : 0) |
    (c === 'E' || c === 'e' ? EXP : 0) |
    (c >= '0' && c <= '9' ? 0 : NON_DIGIT) |
    (c === '.' ? DOT : 0);
}
/** The upper-case code of each character of a symbol (a table, not a call: see HASH). */
const UPPER = new Uint8Array(128);
for (let c = 0; c < 128; c++) UPPER[c] = c >= 97 && c <= 122 ? c - 32 : c;

/**
 * The scanner's hashes (of a source, of a name) are polynomial hashes modulo
 * 2**25, a step `h = (h * 31 + c) & HASH`: the values stay small integers
 * (h * 31 + c < 2**30), so until the scanner is optimised by the JIT a step
 * is three arithmetic bytecodes with no call (FNV's Math.imul is a call
 * there) and no heap number. In a program that INTERPRETs a stream of new
 * strings (bench b8) the scan runs unoptimised for thousands of strings,
 * and the hashing was its largest cost there. The steps are written out in
 * the loops for the same reason. hashEnd mixes the high bits into the low
 * ones the tables index by.
 */
const HASH = 0x1ffffff;

function hashEnd(h: number): number {
  return h ^ (h >>> 12);
}

function isSym(c: number): boolean {
  return c < 128 && SYM[c] !== 0;
}

/** The classes of the characters of the last symbol read, or-ed together. */
let symClasses = 0;
/** The value of the last symbol read when it is a plain integer (at most nine digits), else NaN. */
let symInt = NaN;
/** What the last symbol read is (symbols.ts symbolNameExpr): CONSTANT, SIMPLE or NAME. */
let symKind = 0;

/**
 * The kinds of terms (scanned.termKind): a whole number (its string not
 * made: scanned.ints), a string, a constant symbol, a simple symbol, a
 * stem or compound symbol.
 */
export const NUMBER = 0;
export const STRING = 1;
export const CONSTANT = 2;
export const SIMPLE = 3;
export const NAME = 4;

/**
 * Whether the last symbol read is a constant symbol that could be (part of)
 * a number with an exponent, whose sign the real lexer may join: refused.
 */
function hasExponent(sym: string): boolean {
  return (symClasses & EXP) !== 0 && isConstantSymbol(sym);
}

const NO_TERMS: ReadonlySet<string> = new Set();

export const ASSIGN = 0;
export const DO = 1;
export const END = 2;
export const SAY = 3;

/** The terms[from .. to) of one expression of the scan. */
export interface ScanRange {
  from: number;
  to: number;
}

/**
 * A DO's specification as scanned (parser/program.ts doSpec's DoSpec, with
 * its expressions left as ranges of the scan): programOfScan makes the
 * DoSpec, and a loop run from the scan (evaluator/scanned-loop.ts)
 * evaluates the ranges where they stand, making no tree.
 */
export interface ScanSpec {
  kind: 'simple' | 'count' | 'ctrl';
  /** the control variable ('' when none) */
  ctrl: string;
  order: ('to' | 'by' | 'for')[];
  start?: ScanRange;
  to?: ScanRange;
  by?: ScanRange;
  for?: ScanRange;
  count?: ScanRange;
}

/**
 * What the last scan read, in arrays reused from one scan to the next
 * (scanning is synchronous, and its users read the result before anything
 * else can scan).
 */
export const scanned = {
  /**
   * the terms of all expressions read, in order: upper-cased symbols, or a
   * string's value; undefined for a whole number written as String(ints[i])
   * writes it (no string is made for it until one is needed: termText)
   */
  terms: [] as (string | undefined)[],
  /** termKind[i]: what terms[i] is (NUMBER, STRING: the value of a string, ANSI §6.2.1.2, CONSTANT, SIMPLE, NAME) */
  termKind: [] as number[],
  /** ints[i]: for a symbol of at most nine digits its value (as plainInt gives it), else NaN */
  ints: [] as number[],
  /** ops[i]: the operator between terms[i] and terms[i + 1] of one expression */
  ops: [] as string[],
  /** number of clauses read; the arrays below are indexed by clause */
  clauses: 0,
  kind: [] as number[],
  /** ASSIGN: the target; END: the name after END ('' when none) */
  sym: [] as string[],
  /**
   * ASSIGN, SAY: the expression's terms are terms[from .. to) (SAY without
   * one: from is -1); END: from is its DO's index; DO: to is its END's
   */
  from: [] as number[],
  to: [] as number[],
  /** DO: the specification */
  spec: [] as (ScanSpec | undefined)[],
  /** the clause's text is the source from textFrom to textTo */
  textFrom: [] as number[],
  textTo: [] as number[],
};

/** The longest source scanned. */
export const MAX_SOURCE = 400;

/** The scanner's state: the source (in buf) and the position (one scan at a time). */
let src = '';
/**
 * The source's character codes, then a 0 (which no test below matches): read
 * many times over by the scan, a typed array is several times cheaper than
 * charCodeAt.
 */
const buf = new Uint16Array(MAX_SOURCE + 1);

/**
 * Put source (at most MAX_SOURCE long) in buf for the scan, and give a hash
 * of it (HASH) made on the way: the table of INTERPRET strings looks a
 * string up by this hash just before it is scanned (program-cache.ts), and
 * reading the characters once serves both.
 */
export function loadSource(source: string): number {
  const n = source.length;
  let h = n;
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    buf[i] = c;
    h = (h * 31 + c) & HASH;
  }
  buf[n] = 0;
  src = source;
  return hashEnd(h);
}
let pos = 0;
/** end offset of the last token read (a clause's text ends there) */
let tokEnd = 0;
/** number of terms in scanned.terms */
let nTerms = 0;

function skipBlanks(): void {
  pos = blanksEnd(pos);
}

/** The position of the first character from p on that is not a blank (each tested here, not by a call: see HASH). */
function blanksEnd(p: number): number {
  const n = src.length;
  for (; p < n; p++) {
    const c = buf[p]!;
    if (c !== 32 && c !== 9) break;
  }
  return p;
}

/**
 * Names read before, upper-cased, by a hash of their characters: a name
 * read again (INTERPRET strings built in a loop name the same variables
 * over and over) is the same string, with no slice or upper-casing made,
 * its hash already computed for the variable pool's Map, and equal by
 * identity to the key it is stored under.
 */
const NAMES = 1024; // a power of two
const names: (string | undefined)[] = new Array<string | undefined>(NAMES).fill(undefined);

/** The name from start to end of buf (upper-cased, classes those of its characters): the one in `names`, or a new one put there. */
function nameAt(start: number, end: number, classes: number, h: number): string {
  const slot = hashEnd(h) & (NAMES - 1);
  const known = names[slot];
  const len = end - start;
  if (known !== undefined && known.length === len) {
    let j = 0;
    while (j < len && known.charCodeAt(j) === UPPER[buf[start + j]!]) j++;
    if (j === len) return known;
  }
  const sym = src.slice(start, end);
  return (names[slot] = (classes & LOWER) !== 0 ? sym.toUpperCase() : sym);
}

/** The upper-cased symbol at pos (pos moves past it), or '' when there is none. */
function symbol(): string {
  const n = src.length;
  const start = pos;
  let p = start;
  let classes = 0;
  let value = 0;
  let h = 0;
  while (p < n) {
    const c = buf[p]!;
    const k = c < 128 ? SYM[c]! : 0;
    if (k === 0) break;
    classes |= k;
    value = value * 10 + c - 48; // meaningful only for digits
    h = (h * 31 + UPPER[c]!) & HASH;
    p++;
  }
  if (p === start) return '';
  pos = p;
  tokEnd = p;
  symClasses = classes;
  // what plainInt (evaluator/expression.ts) gives for the symbol
  symInt = (classes & NON_DIGIT) === 0 && p - start <= 9 ? value : NaN;
  const c0 = buf[start]!;
  if (c0 !== 46 && (c0 < 48 || c0 > 57)) {
    symKind = (classes & DOT) !== 0 ? NAME : SIMPLE;
    return nameAt(start, p, classes, h);
  }
  symKind = CONSTANT;
  const sym = src.slice(start, p);
  return (classes & LOWER) !== 0 ? sym.toUpperCase() : sym;
}

/**
 * A whole number term at pos written the way String() writes its value
 * (digits, no leading zero, at most nine): pos moves past it and its value
 * is returned; else NaN, pos unmoved (symbol() reads the term).
 */
function wholeNumber(): number {
  const n = src.length;
  let p = pos;
  let value = 0;
  while (p < n) {
    const c = buf[p]!;
    if (c < 48 || c > 57) break;
    value = value * 10 + c - 48;
    p++;
  }
  const len = p - pos;
  if (len === 0 || len > 9 || (len > 1 && buf[pos]! === 48) || (p < n && isSym(buf[p]!))) return NaN;
  pos = p;
  tokEnd = p;
  return value;
}

/** The text of term i of the last scan (a string's value, a symbol, or a whole number's digits). */
export function termText(i: number): string {
  const t = scanned.terms[i];
  return t !== undefined ? t : String(scanned.ints[i]!);
}

/**
 * The value of the plain string at pos (a quote), pos moving past it; undefined
 * when it is not one that stands alone: unterminated or across lines (an
 * error for the full path), a hex or binary string, or followed directly by
 * a symbol character (abuttal) or a parenthesis (a function call).
 */
function quotedString(): string | undefined {
  const q = buf[pos]!;
  const n = src.length;
  let value = '';
  let seg = pos + 1;
  let i = seg;
  for (;;) {
    if (i >= n) return undefined;
    const c = buf[i]!;
    if (c === 10 || c === 13) return undefined;
    if (c === q) {
      value += src.slice(seg, i);
      if (i + 1 < n && buf[i + 1]! === q) {
        // a doubled quote stands for one
        value += src[i];
        i += 2;
        seg = i;
        continue;
      }
      i++;
      break;
    }
    i++;
  }
  if (i < n && (isSym(buf[i]!) || buf[i]! === 40)) return undefined;
  pos = i;
  tokEnd = i;
  return value;
}

function isQuote(c: number): boolean {
  return c === 39 || c === 34;
}

/** Whether the clause ends at pos (end of source or ';'). */
function atClauseEnd(): boolean {
  return pos >= src.length || buf[pos]! === 59;
}

/**
 * `term (op term)*` from pos (blanks skipped first), stopping at the end of
 * the clause or before a symbol in `terms` where an operator could follow
 * (Chevrotain's isTerm gate). Returns the index of its first term in
 * scanned.terms (it ends at nTerms), or -1: not a shape handled here.
 */
function expression(terms: ReadonlySet<string>): number {
  const n = src.length;
  const T = scanned.terms;
  const O = scanned.ops;
  const first = nTerms;
  for (;;) {
    skipBlanks();
    if (pos < n && isQuote(buf[pos]!)) {
      const v = quotedString();
      if (v === undefined) return -1;
      scanned.termKind[nTerms] = STRING;
      scanned.ints[nTerms] = NaN;
      T[nTerms++] = v;
    } else {
      const v = wholeNumber();
      if (v === v) {
        scanned.termKind[nTerms] = NUMBER;
        scanned.ints[nTerms] = v;
        T[nTerms++] = undefined;
      } else {
        const sym = symbol();
        if (sym === '' || hasExponent(sym)) return -1; // a term must follow '=' or an operator
        scanned.termKind[nTerms] = symKind;
        scanned.ints[nTerms] = symInt;
        T[nTerms++] = sym;
      }
    }
    skipBlanks();
    if (atClauseEnd()) break;
    const c = buf[pos]!;
    if (isSym(c)) {
      // a sub-keyword ends the expression; any other symbol would be an implicit concatenation
      const at = pos;
      const end = tokEnd;
      if (!terms.has(symbol())) return -1;
      pos = at;
      tokEnd = end;
      break;
    }
    let op: string;
    if (c === 43) op = '+';
    else if (c === 45) op = '-';
    else if (c === 42) op = '*';
    else if (c === 37) op = '%';
    else if (c === 47) {
      if (pos + 1 < n && buf[pos + 1]! === 47) {
        op = '//';
        pos++;
      } else op = '/';
    } else if (c === 124 && pos + 1 < n && buf[pos + 1]! === 124) {
      op = '||';
      pos++;
    } else return -1;
    pos++;
    // the next character must start a term: no composite or prefix operators
    const j = blanksEnd(pos);
    if (j >= n || !(isSym(buf[j]!) || isQuote(buf[j]!))) return -1;
    O[nTerms - 1] = op;
  }
  return first;
}

function termOf(i: number): Expr {
  const t = termText(i);
  return scanned.termKind[i] === STRING ? { k: 'lit', v: t } : symbolNameExpr(t);
}

/** The tree of the expression scanned as terms[from .. to) (what buildTree makes of it in the parser). */
export function exprOf(from: number, to: number): Expr {
  if (to - from === 1) return termOf(from);
  const parts: Expr[] = [];
  for (let i = from; i < to; i++) parts.push(termOf(i));
  return buildTree(parts, scanned.ops.slice(from, to - 1));
}

/** An expression read, as its range of terms, or undefined. */
function rangeExpression(terms: ReadonlySet<string>): ScanRange | undefined {
  const from = expression(terms);
  return from < 0 ? undefined : { from, to: nTerms };
}

/** The specification of a DO (program.ts doSpec), pos after the DO keyword. */
function doSpec(): ScanSpec | undefined {
  const spec: ScanSpec = { kind: 'simple', ctrl: '', order: [] };
  skipBlanks();
  if (atClauseEnd()) return spec;
  const at = pos;
  const w0 = symbol();
  if (w0 === '') return undefined;
  skipBlanks();
  if (pos < src.length && buf[pos]! === 61) {
    // controlled repetitive: name = start [TO e] [BY e] [FOR e]
    if (pos + 1 < src.length && buf[pos + 1]! === 61) return undefined; // '=='
    if (isConstantSymbol(w0)) return undefined; // an error for the full path to report
    pos++;
    spec.kind = 'ctrl';
    spec.ctrl = w0;
    const start = rangeExpression(TERM_DO_CTRL);
    if (!start) return undefined;
    spec.start = start;
    while (!atClauseEnd()) {
      const w = symbol();
      if (w !== 'TO' && w !== 'BY' && w !== 'FOR') return undefined; // WHILE / UNTIL: not handled here
      const key = w === 'TO' ? 'to' : w === 'BY' ? 'by' : 'for';
      if (spec.order.includes(key)) return undefined; // Error 27 from the full path
      const e = rangeExpression(TERM_DO_CTRL);
      if (!e) return undefined;
      spec[key] = e;
      spec.order.push(key);
    }
    return spec;
  }
  if (w0 === 'FOREVER' || w0 === 'WHILE' || w0 === 'UNTIL') return undefined;
  pos = at;
  spec.kind = 'count';
  const count = rangeExpression(TERM_DO_COUNT);
  if (!count || !atClauseEnd()) return undefined; // WHILE / UNTIL: not handled here
  spec.count = count;
  return spec;
}

/**
 * Scan a source into `scanned`. Returns whether it has the shapes handled
 * here (then the full parser would accept it too, giving the same clauses).
 */
export function scanSource(source: string): boolean {
  const n = source.length;
  if (n === 0 || n > MAX_SOURCE) return false;
  if (src !== source) loadSource(source);
  pos = 0;
  nTerms = 0;
  direct = true;
  const s = scanned;
  let k = 0;
  /** DO clauses not yet ended */
  let open = 0;
  while (pos < n) {
    skipBlanks();
    if (pos >= n) break;
    if (buf[pos]! === 59) {
      pos++;
      continue; // empty clause
    }
    const start = pos;
    const first = symbol();
    if (first === '') return false;
    skipBlanks();
    if (pos < n && buf[pos]! === 61) {
      // [blanks] SYMBOL [blanks] '=' [blanks] expr [blanks]
      if (isConstantSymbol(first)) return false; // an error for the full path to report
      pos++;
      const from = expression(NO_TERMS);
      if (from < 0) return false;
      s.kind[k] = ASSIGN;
      s.sym[k] = first;
      s.from[k] = from;
      s.to[k] = nTerms;
    } else if (first === 'SAY') {
      // SAY [expr]
      let from = -1;
      if (!atClauseEnd()) {
        from = expression(NO_TERMS);
        if (from < 0) return false;
      }
      s.kind[k] = SAY;
      direct = false;
      s.from[k] = from;
      s.to[k] = nTerms;
    } else if (first === 'DO') {
      const spec = doSpec();
      if (!spec) return false;
      open++;
      s.kind[k] = DO;
      s.spec[k] = spec;
      if (spec.ctrl.indexOf('.') >= 0) direct = false; // (a stem or compound control variable)
    } else if (first === 'END') {
      if (open === 0) return false; // Error 10 from the full path
      // the DO this END closes: the last one not yet ended
      let d = k - 1;
      for (let depth = 0; ; d--) {
        if (s.kind[d] === END) depth++;
        else if (s.kind[d] === DO && depth-- === 0) break;
      }
      open--;
      let endName = '';
      if (!atClauseEnd()) {
        endName = symbol();
        // END name must name the loop's control variable (else an error for the full path)
        if (endName === '' || endName !== s.spec[d]!.ctrl) return false;
        skipBlanks();
      }
      s.kind[k] = END;
      s.sym[k] = endName;
      s.from[k] = d; // the DO's index
      s.to[d] = k; // (and the DO its END's)
    } else return false; // another instruction, or a command
    if (!atClauseEnd()) return false;
    s.textFrom[k] = start;
    s.textTo[k] = tokEnd;
    k++;
    pos++; // the ';' (or past the end)
  }
  s.clauses = k;
  return k > 0 && open === 0;
}

/** Whether the last scan read only assignments, END, and DO loops with a simple control variable if any. */
let direct = true;

/**
 * Whether the last scan read only assignments, END, and DO loops with a
 * simple control variable if any (what evaluator/interpret-direct.ts
 * runScanned runs).
 */
export function scannedDirect(): boolean {
  return direct;
}

export function fastParseProgram(source: string, name: string): Program | undefined {
  return scanSource(source) ? programOfScan(source, name) : undefined;
}

/** The DoSpec of a DO of the last scan (what program.ts doSpec makes of it). */
function doSpecOf(ss: ScanSpec): DoSpec {
  const spec: DoSpec = { kind: ss.kind, order: ss.order };
  if (ss.ctrl !== '') spec.ctrl = nameRef(ss.ctrl);
  for (const part of ['count', 'start', 'to', 'by', 'for'] as const) {
    const r = ss[part];
    if (r !== undefined) spec[part] = exprOf(r.from, r.to);
  }
  return spec;
}

/** The program of the last scan, which read source and returned true. */
export function programOfScan(source: string, name: string): Program {
  const s = scanned;
  const clauses: Clause[] = [];
  for (let k = 0; k < s.clauses; k++) {
    const text = source.slice(s.textFrom[k], s.textTo[k]);
    switch (s.kind[k]) {
      case ASSIGN:
        clauses.push({ k: 'assign', ref: nameRef(s.sym[k]!), e: exprOf(s.from[k]!, s.to[k]!), line: 1, text });
        break;
      case SAY: {
        const from = s.from[k]!;
        clauses.push({ k: 'say', e: from < 0 ? null : exprOf(from, s.to[k]!), line: 1, text });
        break;
      }
      case DO:
        clauses.push({ k: 'do', spec: doSpecOf(s.spec[k]!), endIdx: -1, line: 1, text });
        s.spec[k] = undefined; // (not kept alive by the scanner)
        break;
      default: {
        const doIdx = s.from[k]!;
        (clauses[doIdx] as { endIdx: number }).endIdx = k;
        const endName = s.sym[k];
        clauses.push({ k: 'end', doIdx, name: endName === '' ? undefined : endName, line: 1, text });
      }
    }
  }
  return { name, clauses, labels: new Map(), lines: [source] };
}
