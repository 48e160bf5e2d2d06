/**
 * From tokens to a Program (ast.ts): split the token stream into clauses,
 * classify each (ANSI X3.274-1996 §6.4 and ooRexx order: label, assignment,
 * keyword instruction, command), parse its operands, and lay out the control
 * structures (DO/END, IF/THEN/ELSE, SELECT/WHEN/OTHERWISE) as a flat clause
 * array with jump indexes. Errors found here are raised before the program
 * runs, as Regina does (e.g. Error 14 "Incomplete DO/SELECT/IF").
 */
import type { Clause, ClauseBody, Program, DoSpec, Expr, DropItem, ParseSource, VarRef, ConditionName } from '../ast.js';
import { tokenize, type RxToken } from '../lexer/lexer.js';
import { Eol, Semicolon, Symbol, StringLit, Colon, Comma, LParen, RParen } from '../lexer/tokens.js';
import { parseExpression, parseWholeExpression, parseTemplateList } from './expression-parser.js';
import { nameRef, symbolRef } from './symbols.js';
import {
  INSTRUCTION_KEYWORDS,
  TERM_THEN,
  TERM_DO_COUNT,
  TERM_DO_CTRL,
  TERM_WITH,
  CONDITIONS_SIGNAL,
  CONDITIONS_CALL,
} from './keywords.js';
import { rexxError, RexxError } from '../errors.js';

interface Range {
  from: number;
  to: number;
}

/** Split source lines the way SOURCELINE and the error report see them. */
export function sourceLines(source: string): string[] {
  const lines = source.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === '' && source.endsWith('\n')) lines.pop();
  return lines;
}

export function parseProgram(source: string, name: string): Program {
  const toks = tokenize(source);
  const p = new ProgramParser(toks, source);
  let clauses: Clause[];
  try {
    clauses = p.parseAll();
  } catch (e) {
    // An incomplete DO/SELECT/IF is noticed at the end of the program.
    if (e instanceof RexxError && e.code === 14) e.line = Math.max(1, sourceLines(source).length);
    throw e;
  }
  const labels = new Map<string, number>();
  clauses.forEach((c, i) => {
    if (c.k === 'label' && !labels.has(c.name)) labels.set(c.name, i);
  });
  return { name, clauses, labels, lines: sourceLines(source) };
}

class ProgramParser {
  private ranges: Range[] = [];
  private ri = 0;
  private out: Clause[] = [];

  constructor(
    private toks: RxToken[],
    private source: string,
  ) {
    let start = 0;
    for (let i = 0; i <= toks.length; i++) {
      const t = toks[i];
      if (t === undefined || t.tokenType === Eol || t.tokenType === Semicolon) {
        this.ranges.push({ from: start, to: i });
        start = i + 1;
      }
    }
  }

  // ---- clause stream ----

  /** Current non-empty clause range, splitting off leading labels; undefined at end. */
  private peek(): Range | undefined {
    while (this.ri < this.ranges.length) {
      const r = this.ranges[this.ri]!;
      if (r.from >= r.to) {
        this.ri++;
        continue;
      }
      return r;
    }
    return undefined;
  }

  private lineOf(r: Range): number {
    return this.toks[r.from]!.startLine ?? 1;
  }

  private tok(i: number): RxToken | undefined {
    return this.toks[i];
  }

  /** The clause's keyword, if its first token is an instruction keyword in keyword position. */
  private keyword(r: Range): string | undefined {
    const t = this.toks[r.from]!;
    if (t.tokenType !== Symbol) return undefined;
    const n = this.toks[r.from + 1];
    if (n && r.from + 1 < r.to && (n.op === '=' || n.tokenType === Colon)) return undefined;
    return INSTRUCTION_KEYWORDS.has(t.value) ? t.value : undefined;
  }

  private text(r: Range): string {
    const a = this.toks[r.from]!;
    const b = this.toks[r.to - 1]!;
    return this.source.slice(a.startOffset, b.endOffset! + 1);
  }

  private emit(c: Clause): number {
    this.out.push(c);
    return this.out.length - 1;
  }

  /** Errors found at a token report that token's line (as Regina does). */
  private at(e: RexxError, line: number): RexxError {
    e.line = line;
    return e;
  }

  private fail(e: unknown, line: number): never {
    if (e instanceof RexxError) {
      if (!e.line) e.line = line;
      throw e;
    }
    throw e;
  }

  parseAll(): Clause[] {
    while (this.peek()) {
      const r = this.peek()!;
      const kw = this.keyword(r);
      if (kw === 'END' || kw === 'ELSE' || kw === 'THEN' || kw === 'WHEN' || kw === 'OTHERWISE') {
        this.fail(this.misplaced(kw), this.lineOf(r));
      }
      this.instruction();
    }
    return this.out;
  }

  private misplaced(kw: string): RexxError {
    switch (kw) {
      case 'END':
        return rexxError(10, 1);
      case 'THEN':
        return rexxError(8, 1);
      case 'ELSE':
        return rexxError(8, 2);
      case 'WHEN':
        return rexxError(9, 1);
      default:
        return rexxError(9, 2);
    }
  }

  /** Parse one instruction (which may be a whole DO/SELECT/IF construct). */
  private instruction(): void {
    const r = this.peek();
    if (!r) return;
    const line = this.lineOf(r);
    try {
      this.instructionAt(r, line);
    } catch (e) {
      this.fail(e, line);
    }
  }

  private instructionAt(r: Range, line: number): void {
    const t0 = this.toks[r.from]!;
    const t1 = r.from + 1 < r.to ? this.toks[r.from + 1] : undefined;
    // label
    if ((t0.tokenType === Symbol || t0.tokenType === StringLit) && t1?.tokenType === Colon) {
      this.emit({ k: 'label', name: t0.value, line });
      r.from += 2;
      return;
    }
    const text = this.text(r);
    // assignment
    if (t0.tokenType === Symbol && t1?.op === '=') {
      const ref = nameRef(t0.value);
      const e = r.from + 2 < r.to ? parseWholeExpression(this.toks, r.from + 2, r.to) : null;
      if (!e) throw rexxError(35, 1, '');
      this.emit({ k: 'assign', ref, e, line, text });
      this.ri++;
      return;
    }
    const kw = this.keyword(r);
    if (!kw) {
      const e = parseWholeExpression(this.toks, r.from, r.to);
      this.emit({ k: 'command', e, line, text });
      this.ri++;
      return;
    }
    const a = r.from + 1; // operands start
    const z = r.to;
    switch (kw) {
      case 'IF':
        return this.ifInstr(r, line, text);
      case 'DO':
        return this.doInstr(r, line, text);
      case 'SELECT':
        return this.selectInstr(r, line, text);
      case 'END':
      case 'THEN':
      case 'ELSE':
      case 'WHEN':
      case 'OTHERWISE':
        throw this.misplaced(kw);
    }
    this.ri++;
    this.emit({ ...this.simple(kw, a, z), line, text } as Clause);
  }

  private optExpr(a: number, z: number): Expr | null {
    return a < z ? parseWholeExpression(this.toks, a, z) : null;
  }

  private sym(i: number): string | undefined {
    const t = this.toks[i];
    return t && t.tokenType === Symbol ? t.value : undefined;
  }

  /** Non-structural instructions. */
  private simple(kw: string, a: number, z: number): ClauseBody {
    const toks = this.toks;
    switch (kw) {
      case 'SAY':
        return { k: 'say', e: this.optExpr(a, z) };
      case 'NOP':
        if (a < z) throw rexxError(21, 1, toks[a]!.image);
        return { k: 'nop' };
      case 'EXIT':
        return { k: 'exit', e: this.optExpr(a, z) };
      case 'RETURN':
        return { k: 'return', e: this.optExpr(a, z) };
      case 'INTERPRET':
        return { k: 'interpret', e: this.optExpr(a, z) ?? { k: 'lit', v: '' } };
      case 'OPTIONS':
        return { k: 'options', e: this.optExpr(a, z) ?? { k: 'lit', v: '' } };
      case 'PUSH':
        return { k: 'push', e: this.optExpr(a, z) };
      case 'QUEUE':
        return { k: 'queue', e: this.optExpr(a, z) };
      case 'LEAVE':
      case 'ITERATE': {
        if (a >= z) return { k: kw === 'LEAVE' ? 'leave' : 'iterate' };
        const n = this.sym(a);
        if (!n) throw rexxError(20, 2, toks[a]!.image);
        if (a + 1 < z) throw rexxError(21, 1, toks[a + 1]!.image);
        return { k: kw === 'LEAVE' ? 'leave' : 'iterate', name: n };
      }
      case 'DROP':
        return { k: 'drop', refs: this.varList(a, z) };
      case 'UPPER': {
        const refs: VarRef[] = [];
        for (let i = a; i < z; i++) {
          if (toks[i]!.tokenType !== Symbol) throw rexxError(20, 1, toks[i]!.image);
          refs.push(symbolRef(toks[i]!));
        }
        return { k: 'upper', refs };
      }
      case 'PROCEDURE': {
        if (a >= z) return { k: 'procedure', expose: null };
        if (this.sym(a) !== 'EXPOSE') throw rexxError(25, 17, toks[a]!.image);
        return { k: 'procedure', expose: this.varList(a + 1, z) };
      }
      case 'NUMERIC':
        return this.numeric(a, z);
      case 'ADDRESS':
        return this.address(a, z);
      case 'ARG':
        return { k: 'parse', upper: true, src: { k: 'arg' }, tpl: parseTemplateList(toks, a, z) };
      case 'PULL':
        return { k: 'parse', upper: true, src: { k: 'pull' }, tpl: parseTemplateList(toks, a, z) };
      case 'PARSE':
        return this.parse(a, z);
      case 'CALL':
        return this.call(a, z);
      case 'SIGNAL':
        return this.signal(a, z);
      case 'TRACE':
        return this.trace(a, z);
    }
    throw rexxError(49, 1, 'parser', 0, kw);
  }

  /** DROP / EXPOSE lists: symbols and (symbol) indirections. */
  private varList(a: number, z: number): DropItem[] {
    const toks = this.toks;
    const items: DropItem[] = [];
    for (let i = a; i < z; i++) {
      const t = toks[i]!;
      if (t.tokenType === LParen) {
        const s = toks[i + 1];
        if (!s || s.tokenType !== Symbol || i + 2 >= z || toks[i + 2]!.tokenType !== RParen) {
          throw rexxError(20, 1, s ? s.image : '');
        }
        items.push({ k: 'indirect', ref: symbolRef(s) });
        i += 2;
      } else if (t.tokenType === Symbol) {
        items.push({ k: 'ref', ref: symbolRef(t) });
      } else throw rexxError(20, 1, t.image);
    }
    return items;
  }

  private numeric(a: number, z: number): ClauseBody {
    const w = this.sym(a);
    if (w === 'DIGITS') return { k: 'numeric', what: 'digits', e: this.optExpr(a + 1, z) };
    if (w === 'FUZZ') return { k: 'numeric', what: 'fuzz', e: this.optExpr(a + 1, z) };
    if (w === 'FORM') {
      const f = this.sym(a + 1);
      if (a + 1 >= z) return { k: 'numeric', what: 'form', e: null, form: 'SCIENTIFIC' };
      if ((f === 'SCIENTIFIC' || f === 'ENGINEERING') && a + 2 === z) return { k: 'numeric', what: 'form', e: null, form: f };
      if (f === 'VALUE') return { k: 'numeric', what: 'form', e: parseWholeExpression(this.toks, a + 2, z) };
      const t = this.toks[a + 1]!;
      if (t.tokenType === Symbol && a + 2 === z) throw rexxError(25, 11, 'ENGINEERING SCIENTIFIC', t.image);
      return { k: 'numeric', what: 'form', e: parseWholeExpression(this.toks, a + 1, z) };
    }
    throw rexxError(25, 15, 'DIGITS FORM FUZZ', a < z ? this.toks[a]!.image : '');
  }

  private address(a: number, z: number): ClauseBody {
    if (a >= z) return { k: 'address' };
    const t = this.toks[a]!;
    if (t.tokenType === Symbol && t.value === 'VALUE') return { k: 'address', value: parseWholeExpression(this.toks, a + 1, z) };
    if (t.tokenType === Symbol || t.tokenType === StringLit) {
      const env = t.value;
      return { k: 'address', env, cmd: this.optExpr(a + 1, z) ?? undefined };
    }
    return { k: 'address', value: parseWholeExpression(this.toks, a, z) };
  }

  private parse(a: number, z: number): ClauseBody {
    let upper = false;
    let lower = false;
    let i = a;
    const w0 = this.sym(i);
    if (w0 === 'UPPER') {
      upper = true;
      i++;
    } else if (w0 === 'LOWER') {
      lower = true;
      i++;
    } else if (w0 === 'CASELESS') i++;
    const w = this.sym(i);
    let src: ParseSource;
    let tplFrom = i + 1;
    switch (w) {
      case 'ARG':
        src = { k: 'arg' };
        break;
      case 'PULL':
        src = { k: 'pull' };
        break;
      case 'EXTERNAL':
        src = { k: 'external' };
        break;
      case 'LINEIN':
        src = { k: 'linein' };
        break;
      case 'NUMERIC':
        src = { k: 'numeric' };
        break;
      case 'SOURCE':
        src = { k: 'source' };
        break;
      case 'VERSION':
        src = { k: 'version' };
        break;
      case 'VAR': {
        const v = this.toks[i + 1];
        if (!v || i + 1 >= z || v.tokenType !== Symbol) throw rexxError(20, 1, v && i + 1 < z ? v.image : '');
        src = { k: 'var', ref: symbolRef(v) };
        tplFrom = i + 2;
        break;
      }
      case 'VALUE': {
        // expression up to WITH
        let e: Expr | null = null;
        let next = i + 1;
        if (!(this.sym(next) === 'WITH')) {
          const r = parseExpression(this.toks, i + 1, z, TERM_WITH);
          e = r.e;
          next = r.next;
        }
        if (next >= z || this.sym(next) !== 'WITH') throw rexxError(38, 3);
        src = { k: 'value', e };
        tplFrom = next + 1;
        break;
      }
      default:
        throw rexxError(25, 12, 'ARG EXTERNAL LINEIN NUMERIC PULL SOURCE VALUE VAR VERSION', i < z ? this.toks[i]!.image : '');
    }
    return { k: 'parse', upper, lower, src, tpl: parseTemplateList(this.toks, tplFrom, z) };
  }

  /** Argument list of CALL: comma-separated optional expressions. */
  private argList(a: number, z: number): (Expr | null)[] {
    const args: (Expr | null)[] = [];
    if (a >= z) return args;
    let i = a;
    for (;;) {
      if (i < z && this.toks[i]!.tokenType === Comma) {
        args.push(null);
        i++;
        if (i >= z) {
          args.push(null);
          break;
        }
        continue;
      }
      if (i >= z) {
        args.push(null);
        break;
      }
      const r = parseExpression(this.toks, i, z);
      args.push(r.e);
      i = r.next;
      if (i >= z) break;
      if (this.toks[i]!.tokenType !== Comma) {
        if (this.toks[i]!.tokenType === RParen) throw rexxError(37, 2);
        throw rexxError(35, 1, this.toks[i]!.image);
      }
      i++;
      if (i >= z) {
        args.push(null);
        break;
      }
    }
    // trailing omitted arguments are not arguments at all
    while (args.length > 0 && args[args.length - 1] === null) args.pop();
    return args;
  }

  private condTrap(a: number, z: number, isCall: boolean): ClauseBody {
    const on = this.sym(a) === 'ON';
    const set = isCall ? CONDITIONS_CALL : CONDITIONS_SIGNAL;
    const c = this.sym(a + 1);
    const list = isCall ? 'ERROR FAILURE HALT NOTREADY' : 'ERROR FAILURE HALT LOSTDIGITS NOTREADY NOVALUE SYNTAX';
    if (!c || !set.has(c)) {
      throw rexxError(25, (isCall ? 1 : 3) + (on ? 0 : 1), list, a + 1 < z ? this.toks[a + 1]!.image : '');
    }
    let label: string | undefined;
    if (a + 2 < z) {
      if (!on || this.sym(a + 2) !== 'NAME') throw rexxError(21, 1, this.toks[a + 2]!.image);
      const n = this.toks[a + 3];
      if (!n || a + 3 >= z || (n.tokenType !== Symbol && n.tokenType !== StringLit)) throw rexxError(19, 3, n ? n.image : '');
      label = n.value;
      if (a + 4 < z) throw rexxError(21, 1, this.toks[a + 4]!.image);
    }
    const cond = c as ConditionName;
    return isCall ? { k: 'callon', on, cond, label } : { k: 'signalon', on, cond, label };
  }

  private call(a: number, z: number): ClauseBody {
    const t = this.toks[a];
    if (!t || a >= z) throw rexxError(19, 2, '');
    const w = this.sym(a);
    if ((w === 'ON' || w === 'OFF') && a + 1 < z && this.toks[a + 1]!.tokenType === Symbol) return this.condTrap(a, z, true);
    if (t.tokenType !== Symbol && t.tokenType !== StringLit) throw rexxError(19, 2, t.image);
    return { k: 'call', name: t.value, quoted: t.tokenType === StringLit, args: this.argList(a + 1, z) };
  }

  private signal(a: number, z: number): ClauseBody {
    const t = this.toks[a];
    if (!t || a >= z) throw rexxError(19, 4, '');
    const w = this.sym(a);
    if ((w === 'ON' || w === 'OFF') && a + 1 < z && this.toks[a + 1]!.tokenType === Symbol) return this.condTrap(a, z, false);
    if (w === 'VALUE') return { k: 'signalvalue', e: parseWholeExpression(this.toks, a + 1, z) };
    if (t.tokenType === Symbol || t.tokenType === StringLit) {
      if (a + 1 < z) throw rexxError(21, 1, this.toks[a + 1]!.image);
      return { k: 'signal', name: t.value };
    }
    return { k: 'signalvalue', e: parseWholeExpression(this.toks, a, z) };
  }

  private trace(a: number, z: number): ClauseBody {
    if (a >= z) return { k: 'trace', e: null, setting: 'N' };
    const t = this.toks[a]!;
    if (t.tokenType === Symbol && t.value === 'VALUE') return { k: 'trace', e: parseWholeExpression(this.toks, a + 1, z) };
    if ((t.tokenType === Symbol || t.tokenType === StringLit) && a + 1 === z) return { k: 'trace', e: null, setting: t.value };
    // prefix characters like "?" or "!" lex as separate tokens: take the raw text
    const raw = this.source.slice(t.startOffset, this.toks[z - 1]!.endOffset! + 1).replace(/\s+/g, '');
    if (/^[?!]*[A-Za-z]*$/.test(raw)) return { k: 'trace', e: null, setting: raw.toUpperCase() };
    return { k: 'trace', e: parseWholeExpression(this.toks, a, z) };
  }

  // ---- structures ----

  /**
   * After the IF/WHEN expression: THEN may follow in the same clause or start
   * the next one. Leaves the clause stream at the THEN instruction.
   */
  private expectThen(r: Range, next: number, isWhen: boolean, line: number): void {
    if (next < r.to) {
      if (this.sym(next) !== 'THEN') throw rexxError(18, isWhen ? 2 : 1, line, this.toks[next]!.image);
      r.from = next + 1; // the rest of this clause is the THEN instruction
      if (r.from >= r.to) this.ri++;
      return;
    }
    this.ri++;
    const n = this.peek();
    if (!n || this.keyword(n) !== 'THEN') {
      throw this.at(rexxError(18, isWhen ? 2 : 1, line, n ? this.toks[n.from]!.image : ''), n ? this.lineOf(n) : line);
    }
    n.from++;
    if (n.from >= n.to) this.ri++;
  }

  /** The single instruction after THEN / ELSE / OTHERWISE-less contexts. */
  private branch(after: 'THEN' | 'ELSE', line: number): void {
    const n = this.peek();
    if (!n) throw rexxError(14, after === 'THEN' ? 3 : 4);
    const kw = this.keyword(n);
    if (kw === 'END') throw rexxError(10, after === 'THEN' ? 5 : 6);
    if (kw === 'ELSE' || kw === 'THEN' || kw === 'WHEN' || kw === 'OTHERWISE') throw this.misplaced(kw);
    // a label cannot be the whole branch; parse labels then the instruction
    const before = this.out.length;
    this.instruction();
    while (this.out.length > before && this.out[this.out.length - 1]!.k === 'label' && this.peek()) {
      this.instruction();
    }
    void line;
  }

  private ifInstr(r: Range, line: number, text: string): void {
    const { e, next } = parseExpression(this.toks, r.from + 1, r.to, TERM_THEN);
    const ifIdx = this.emit({ k: 'if', e, elseIdx: -1, line, text: this.source.slice(this.toks[r.from]!.startOffset, this.toks[next - 1]!.endOffset! + 1) });
    this.expectThen(r, next, false, line);
    this.branch('THEN', line);
    const n = this.peek();
    if (n && this.keyword(n) === 'ELSE') {
      const j = this.emit({ k: 'jump', to: -1, what: 'else', line: this.lineOf(n) });
      (this.out[ifIdx] as { elseIdx: number }).elseIdx = this.out.length;
      n.from++;
      if (n.from >= n.to) this.ri++;
      this.branch('ELSE', line);
      (this.out[j] as { to: number }).to = this.out.length;
    } else {
      (this.out[ifIdx] as { elseIdx: number }).elseIdx = this.out.length;
    }
    void text;
  }

  private doSpec(a: number, z: number): DoSpec {
    const spec: DoSpec = { kind: 'simple', order: [] };
    if (a >= z) return spec;
    const toks = this.toks;
    let i = a;
    const t0 = toks[a]!;
    const w0 = this.sym(a);
    if (t0.tokenType === Symbol && toks[a + 1]?.op === '=' && a + 1 < z) {
      // controlled repetitive: name = start [TO e] [BY e] [FOR e]
      spec.kind = 'ctrl';
      spec.ctrl = nameRef(t0.value);
      const s = parseExpression(toks, a + 2, z, TERM_DO_CTRL);
      spec.start = s.e;
      i = s.next;
      while (i < z) {
        const w = this.sym(i);
        if (w !== 'TO' && w !== 'BY' && w !== 'FOR') break;
        const key = w.toLowerCase() as 'to' | 'by' | 'for';
        if (spec.order.includes(key)) throw rexxError(27, 1, w);
        const x = parseExpression(toks, i + 1, z, TERM_DO_CTRL);
        spec[key] = x.e;
        spec.order.push(key);
        i = x.next;
      }
    } else if (w0 === 'FOREVER' && (a + 1 >= z || TERM_DO_COUNT.has(this.sym(a + 1) ?? ''))) {
      spec.kind = 'forever';
      i = a + 1;
    } else if (w0 === 'WHILE' || w0 === 'UNTIL') {
      spec.kind = 'forever';
    } else {
      spec.kind = 'count';
      const x = parseExpression(toks, a, z, TERM_DO_COUNT);
      spec.count = x.e;
      i = x.next;
    }
    if (i < z) {
      const w = this.sym(i);
      if (w === 'WHILE' || w === 'UNTIL') {
        const x = parseExpression(toks, i + 1, z, TERM_DO_CTRL);
        if (w === 'WHILE') spec.whileE = x.e;
        else spec.untilE = x.e;
        i = x.next;
      }
    }
    if (i < z) throw rexxError(27, 1, this.sym(i) ?? toks[i]!.image);
    if (spec.kind === 'forever' && !spec.whileE && !spec.untilE && w0 !== 'FOREVER') spec.kind = 'simple';
    return spec;
  }

  private doInstr(r: Range, line: number, text: string): void {
    const spec = this.doSpec(r.from + 1, r.to);
    const doIdx = this.emit({ k: 'do', spec, endIdx: -1, line, text });
    this.ri++;
    for (;;) {
      const n = this.peek();
      if (!n) throw rexxError(14, 1);
      if (this.keyword(n) === 'END') {
        const endLine = this.lineOf(n);
        let name: string | undefined;
        if (n.from + 1 < n.to) {
          const t = this.toks[n.from + 1]!;
          if (t.tokenType !== Symbol) throw rexxError(21, 1, t.image);
          name = t.value;
          if (n.from + 2 < n.to) throw rexxError(21, 1, this.toks[n.from + 2]!.image);
          const cv = spec.ctrl ? (spec.ctrl as { name: string }).name : undefined;
          if (!cv) throw rexxError(10, 4, line, t.image);
          if (cv !== name) throw rexxError(10, 3, line, t.image);
        }
        const endIdx = this.emit({ k: 'end', doIdx, name, line: endLine, text: this.text(n) });
        (this.out[doIdx] as { endIdx: number }).endIdx = endIdx;
        this.ri++;
        return;
      }
      const kw = this.keyword(n);
      if (kw === 'THEN' || kw === 'ELSE' || kw === 'WHEN' || kw === 'OTHERWISE') throw this.misplaced(kw);
      this.instruction();
    }
  }

  private selectInstr(r: Range, line: number, text: string): void {
    if (r.from + 1 < r.to) throw rexxError(21, 1, this.toks[r.from + 1]!.image);
    const selIdx = this.emit({ k: 'select', endIdx: -1, otherwiseIdx: -1, line, text });
    this.ri++;
    const jumps: number[] = [];
    let lastWhen = -1;
    let sawWhen = false;
    for (;;) {
      const n = this.peek();
      if (!n) throw rexxError(14, 2);
      const kw = this.keyword(n);
      const nline = this.lineOf(n);
      if (kw === 'WHEN') {
        sawWhen = true;
        const { e, next } = parseExpression(this.toks, n.from + 1, n.to, TERM_THEN);
        const w = this.emit({ k: 'when', e, nextIdx: -1, selectIdx: selIdx, line: nline, text: this.source.slice(this.toks[n.from]!.startOffset, this.toks[next - 1]!.endOffset! + 1) });
        if (lastWhen >= 0) (this.out[lastWhen] as { nextIdx: number }).nextIdx = w;
        lastWhen = w;
        this.expectThen(n, next, true, nline);
        this.branch('THEN', nline);
        jumps.push(this.emit({ k: 'jump', to: -1, what: 'endwhen', line: nline }));
        continue;
      }
      if (kw === 'OTHERWISE') {
        if (!sawWhen) throw this.at(rexxError(7, 1, line, this.toks[n.from]!.image), nline);
        const o = this.emit({ k: 'otherwise', selectIdx: selIdx, line: nline, text: 'otherwise' });
        (this.out[lastWhen] as { nextIdx: number }).nextIdx = o;
        (this.out[selIdx] as { otherwiseIdx: number }).otherwiseIdx = o;
        n.from++;
        if (n.from >= n.to) this.ri++;
        for (;;) {
          const m = this.peek();
          if (!m) throw rexxError(14, 2);
          const k2 = this.keyword(m);
          if (k2 === 'END') break;
          if (k2 === 'THEN' || k2 === 'ELSE' || k2 === 'WHEN' || k2 === 'OTHERWISE') throw this.misplaced(k2);
          this.instruction();
        }
        continue;
      }
      if (kw === 'END') {
        if (!sawWhen) throw this.at(rexxError(7, 1, line, this.toks[n.from]!.image), nline);
        if (n.from + 1 < n.to) throw rexxError(10, 4, line, this.toks[n.from + 1]!.image);
        if ((this.out[selIdx] as { otherwiseIdx: number }).otherwiseIdx < 0) {
          // no OTHERWISE: reaching here after all WHENs were false is Error 7.3
          const err = this.emit({ k: 'error', err: rexxError(7, 3, line), line });
          (this.out[lastWhen] as { nextIdx: number }).nextIdx = err;
        }
        const endIdx = this.emit({ k: 'end', doIdx: selIdx, select: true, line: nline, text: 'end' });
        (this.out[selIdx] as { endIdx: number }).endIdx = endIdx;
        for (const j of jumps) (this.out[j] as { to: number }).to = endIdx;
        this.ri++;
        return;
      }
      throw this.at(rexxError(7, sawWhen ? 2 : 1, line, this.toks[n.from]!.image), nline);
    }
  }
}
