/**
 * Expressions as JavaScript source, for the region compiler (codegen.ts).
 *
 * Each expression is written three ways: as a REXX string (genStr), as an
 * integer (genInt: a number, NaN when the value is not a plain integer made
 * without rounding — the same evaluator as expression.ts compileInt, with the
 * same cases), and, for comparisons and logical operators, as a JavaScript
 * boolean (genBool). The string form puts the integer form in front of each
 * arithmetic or comparison node exactly as expression.ts withIntPath does,
 * and falls back to the same slow functions (codegen-runtime.ts), so a
 * compiled expression gives what the closure gives, errors included. A BIF
 * that sees only its arguments is called directly with them; nodes with
 * nothing to gain (other function calls, stems, the rest) call their closure
 * from expression.ts compile(), with the variables kept in locals written
 * back around it (outside).
 *
 * An arithmetic expression of two or more operators on variables and
 * literals also has a pair form (genNum, arithmetic/pair.ts: intermediate
 * results as a coefficient and an exponent in double locals, DIGITS 9 to
 * 15) and a chain form (genDec, arithmetic/chain.ts: as Decimals, above
 * DIGITS 15), tried before the string form (numPaths): only the final value
 * is written out, each intermediate being exactly what its string would
 * read back as.
 *
 * Variables are read through boxes hoisted into locals at region entry (the
 * variable pool of an activation does not change inside a region, and boxes
 * are never removed from a pool: variables.ts).
 */
import type { Expr, TailPart } from '../ast.js';
import { compile, plainInt } from './expression.js';
import { bifCallSite } from '../builtins/call-site.js';
import { genDirectBif, genDirectBifInt } from './codegen-bif.js';
import { lookupBuiltin, registryGeneration } from '../builtins/registry.js';
import type { BifSpec } from '../builtins/types.js';
import { parseNumber } from '../arithmetic/number.js';
import { pairResult } from '../arithmetic/pair.js';

/**
 * Built-in functions that look into the variable pool (VALUE, SYMBOL) or
 * change the tracing of the region's routine (TRACE): every other BIF sees
 * only its arguments and the activation's settings, so it can be called with
 * the variables still in locals.
 */
const POOL_BIFS = new Set(['VALUE', 'SYMBOL', 'TRACE']);

const ARITH = new Set(['+', '-', '*', '/', '%', '//', '**']);
const INT_OPS = new Set(['+', '-', '*', '/', '%', '//']);
/** normal comparisons and the JavaScript operator on numbers (or on the sign of normalCompare) */
const NORMAL: Record<string, string> = {
  '=': '===', '\\=': '!==', '<>': '!==', '><': '!==', '>': '>', '<': '<', '>=': '>=', '\\<': '>=', '<=': '<=', '\\>': '<=',
};
const STRICT: Record<string, string> = {
  '==': '===', '\\==': '!==', '>>': '>', '<<': '<', '>>=': '>=', '\\<<': '>=', '<<=': '<=', '\\>>': '<=',
};

/** A pair form (genNum): the coefficient's code, and where its exponent is once that has run. */
interface Pair {
  c: string;
  x: string;
}

/**
 * Each operator's function in pair.ts (r_p...) and chain.ts (r_d...), and
 * its flag argument: the call of family `f` on operands' code `args` (the
 * settings follow), or null for an operator with none.
 */
const OP_CALLS: Record<string, readonly [string, string] | undefined> = {
  '+': ['add', ', false'],
  '-': ['add', ', true'],
  '*': ['mul', ''],
  '/': ['div', ''],
  '%': ['idiv', ', false'],
  '//': ['idiv', ', true'],
};

function opCall(f: 'p' | 'd', op: string, args: string): string | null {
  const c = OP_CALLS[op];
  return c === undefined ? null : `r_${f}${c[0]}(${args}${c[1]}, a.numeric)`;
}

/** Thrown when an expression cannot be compiled into a region (the clause loop runs it). */
export class NotCompilable extends Error {}

/**
 * The arithmetic tiers that can run at a NUMERIC DIGITS setting: below 9
 * only the string path (r_ar: the integer paths need DIGITS >= 9,
 * expression.ts buildInt); 9 to 15 the integer and pair paths; above 15
 * the integer and chain paths.
 */
export type DigitsClass = 'below9' | 'pair' | 'chain';

export function digitsClass(digits: number): DigitsClass {
  return digits < 9 ? 'below9' : digits <= 15 ? 'pair' : 'chain';
}

export class ExprGen {
  /** values the generated code refers to as k0, k1, ... */
  readonly consts: unknown[] = [];
  /** simple variable name -> local holding its box */
  readonly boxes = new Map<string, string>();
  /** stem name ('A.') -> local holding the Stem */
  readonly stems = new Map<string, string>();
  /**
   * Variables kept in JavaScript locals instead of their boxes (a region
   * that nothing outside it can look into: codegen.ts). For box bK: bKv is
   * the value (null: not yet written as a string, it is String(bKn)), and
   * bKn is the integer value of bKk (the box's ns/n cache, in locals).
   */
  regs = new Set<string>();
  /** set when the code made so far calls something that reads or sets variables in the pool */
  escapes = false;
  /**
   * Variables that stay in their boxes even when the others go to locals:
   * code called from the region reads or sets them in the pool, and no
   * other (a PARSE template's generated parser: parse-region.ts).
   */
  readonly pinned = new Set<string>();
  /**
   * Set when nothing in the region can change its NUMERIC settings (no
   * NUMERIC, no INTERPRET: a routine called from it, a CALL ON handler
   * included, changes only its own copy, activation.ts ownNumeric): the
   * tests of DIGITS and FUZZ before the integer, pair and chain paths are
   * then made once, when the region starts (the locals dg, d9, f9, d15 that
   * codegen.ts declares), instead of reading a.numeric at every operator.
   */
  numFixed = false;
  /**
   * In a region with numFixed, the DIGITS class the code is made for
   * (codegen.ts makes one variant of such a region per class, when it first
   * runs in it): only that class's tiers are written, without their tests of
   * DIGITS. Undefined: every tier, each behind its test.
   */
  dclass: DigitsClass | undefined = undefined;

  /** Whether the code has the tiers of DIGITS class c (all when the class is not known). */
  private tiers(c: DigitsClass): boolean {
    return this.dclass === undefined || this.dclass === c;
  }

  /** NUMERIC DIGITS. */
  digits(): string {
    return this.numFixed ? 'dg' : 'a.numeric.digits';
  }

  /** `NUMERIC DIGITS >= 9` (the integer paths: expression.ts buildInt). */
  digits9(): string {
    if (this.dclass !== undefined) return this.dclass === 'below9' ? 'false' : 'true';
    return this.numFixed ? 'd9' : 'a.numeric.digits >= 9';
  }

  /** `NUMERIC DIGITS - FUZZ >= 9` (integer comparison: expression.ts fastCompare). */
  fuzz9(): string {
    return this.numFixed ? 'f9' : 'a.numeric.digits - a.numeric.fuzz >= 9';
  }

  /** number of BIF call sites (each has a local for its argument list) */
  nSites = 0;
  /** number temporaries used by the current clause, and the most any clause used */
  private nTemp = 0;
  maxTemp = 0;

  konst(v: unknown): string {
    let i = this.consts.indexOf(v);
    if (i < 0) i = this.consts.push(v) - 1;
    return `k${i}`;
  }

  box(name: string): string {
    let b = this.boxes.get(name);
    if (b === undefined) this.boxes.set(name, (b = `b${this.boxes.size}`));
    return b;
  }

  stem(name: string): string {
    let s = this.stems.get(name);
    if (s === undefined) this.stems.set(name, (s = `s${this.stems.size}`));
    return s;
  }

  /** Start a clause: its temporaries may reuse the previous clause's. */
  clause(): void {
    this.nTemp = 0;
  }

  temp(): string {
    const t = `n${this.nTemp++}`;
    if (this.nTemp > this.maxTemp) this.maxTemp = this.nTemp;
    return t;
  }

  // ---------------------------------------------------------------- strings

  genStr(e: Expr): string {
    switch (e.k) {
      case 'lit':
        return JSON.stringify(e.v);
      case 'var':
        return this.varRead(e.name);
      case 'comp':
        return this.compRead(e.stem, e.tail);
      case 'concat':
        return e.blank ? `(${this.genStr(e.l)} + " " + ${this.genStr(e.r)})` : `(${this.genStr(e.l)} + ${this.genStr(e.r)})`;
      case 'pre': {
        if (e.op === '\\') return `(${this.genBool(e)} ? "1" : "0")`;
        return this.numPaths(e, () => `r_pre(a, ${JSON.stringify(e.op)}, ${this.genStr(e.e)})`);
      }
      case 'bin': {
        if (ARITH.has(e.op)) {
          const slow = this.genArith(e);
          // (inside the string path of a pair path: no integer path either,
          // as the pair path has taken every case it could have)
          const i = this.pairs ? this.genIntTop(e) : null;
          if (i === null) return slow;
          const t = this.temp();
          // String(-0) is '0': no negative zero can appear
          return `((${t} = ${i}) === ${t} ? String(${t}) : ${slow})`;
        }
        if (e.op in NORMAL || e.op in STRICT || e.op === '&' || e.op === '|' || e.op === '&&') {
          return `(${this.genBool(e)} ? "1" : "0")`;
        }
        return this.closure(e);
      }
      case 'call': {
        if (e.name === 'TRACE') throw new NotCompilable(); // TRACE() changes the tracing of the region's routine
        // (the BIF the name finds, looked up once for both forms)
        const spec = lookupBuiltin(e.name);
        return genDirectBif(this, e, spec) ?? this.bif(e, spec) ?? this.closure(e);
      }
      default:
        return this.closure(e);
    }
  }

  /**
   * An arithmetic operator node off the integer path: the pair path
   * (genNumTop), then the operator on its operands' strings (r_ar), which
   * also raises the errors.
   */
  genArith(e: Extract<Expr, { k: 'bin' }>): string {
    return this.numPaths(e, () => `r_ar(a, ${JSON.stringify(e.op)}, ${this.genStr(e.l)}, ${this.genStr(e.r)})`);
  }

  /**
   * The string code `slow()` of an arithmetic expression (an operator or a
   * prefix + -) with the pair path (DIGITS 9 to 15) and the chain path
   * (above 15) in front of it, when the expression has them.
   */
  private numPaths(e: Expr, slow: () => string): string {
    // one operator makes no intermediate result to keep: the string path
    // (r_ar, whose fast paths are the same operations) costs as much, and
    // the code stays smaller
    if (!this.pairs || operators(e) < 2) return slow();
    // (an expression has a pair form exactly when it has a chain form: genNum, genDec)
    const p = this.tiers('pair') ? this.genNumTop(e) : null;
    const d = this.tiers('chain') ? this.genDecTop(e) : null;
    if (p === null && d === null) return slow();
    // when the pair path declines, its subexpressions would decline too (or
    // rarely matter): the string path below has none, which keeps the code small
    this.pairs = false;
    let code: string;
    try {
      code = slow();
    } finally {
      this.pairs = true;
    }
    if (d !== null) code = `((u = r_dstr(${d}, a.numeric)) !== undefined ? u : ${code})`;
    if (p === null) return code;
    const c = this.temp();
    return `((${c} = ${p.c}) === ${c} ? r_pstr(${c}, ${p.x}, a.numeric) : ${code})`;
  }


  /** whether genArith writes pair paths (not inside the string path of one) */
  private pairs = true;

  /** Note code that reads or sets variables behind the generated code's back. */
  escape(): void {
    this.escapes = true;
  }

  private closure(e: Expr): string {
    this.escape();
    return this.outside(`${this.konst(compile(e))}(a)`);
  }

  /**
   * A call of BIF `spec` (the name's: lookupBuiltin) that does not look into the pool (POOL_BIFS), with its
   * arguments evaluated here: the variables may stay in locals. The call site
   * (builtins/call-site.ts) answers undefined when an internal label shadows
   * the name; and when the BIF table has changed since (registerBuiltin) the
   * name may no longer be such a BIF: both then take the general path
   * (expression.ts 'call') with the same argument values, the locals written
   * back around it.
   */
  private bif(e: Extract<Expr, { k: 'call' }>, spec: BifSpec | undefined): string | null {
    if (spec === undefined || POOL_BIFS.has(spec.name)) return null;
    const site = bifCallSite(e.name, e.quoted);
    if (site === undefined) return null;
    const v = this.site();
    const args = e.args.map((x) => (x ? this.genStr(x) : 'undefined')).join(', ');
    const general = this.outside(`r_fn(a, ${JSON.stringify(e.name)}, ${e.quoted}, ${v})`);
    return `((u = r_bif(a, ${this.konst(site)}, ${registryGeneration()}, ${v} = [${args}])) !== undefined ? u : ${general})`;
  }

  /** A new local for the argument list of a call site. */
  site(): string {
    return `v${this.nSites++}`;
  }

  /**
   * Expression `call`, which may read or set variables, with the locals
   * written back before it and reloaded after it (live false meanwhile: if it
   * throws, the boxes hold the values, changed or not by what it ran).
   */
  outside(call: string): string {
    if (this.regs.size === 0) return call;
    return `(${this.flushExpr()}live = false, u = ${call}, live = true, ${this.loadExpr()}u)`;
  }

  /** Statements running `code` (statements) with the locals written back before and reloaded after. */
  outsideStmt(code: string): string {
    if (this.regs.size === 0) return code;
    return `${this.flush()}live = false;\n${code}live = true;\n${this.load()}`;
  }

  /** The end of a clause that may have raised a condition trapped by CALL ON: its handlers run now. */
  pend(): string {
    if (this.regs.size === 0) return 'r_pend(a);\n';
    return `if (I.pending.length > 0) {\n${this.outsideStmt('r_pend(a);\n')}}\n`;
  }

  private varRead(name: string): string {
    if (this.regs.has(name)) {
      const b = this.box(name);
      return `(${b}v !== null ? (${b}v !== undefined ? ${b}v : r_nov(a, ${JSON.stringify(name)})) : (${b}v = ${b}k = String(${b}n)))`;
    }
    return `((t = ${this.box(name)}.v) !== undefined ? t : r_nov(a, ${JSON.stringify(name)}))`;
  }

  private compRead(stem: string, tail: TailPart[]): string {
    const s = this.stem(stem);
    if (this.isCell(stem, tail)) return `r_cbget(a, ${s}, cb, ${JSON.stringify(stem)}, ${this.tail(tail)})`;
    const p0 = tail[0]!;
    if (tail.length === 1 && 'v' in p0) {
      const n = p0.v;
      if (this.regs.has(n)) {
        const b = this.box(n);
        return `r_cgetR(a, ${s}, ${b}v, ${b}n, ${JSON.stringify(stem)}, ${JSON.stringify(n)})`;
      }
      return `r_cget1(a, ${s}, ${this.box(n)}, ${JSON.stringify(stem)}, ${JSON.stringify(n)})`;
    }
    return `r_cget(a, ${s}, ${JSON.stringify(stem)}, ${this.tail(tail)})`;
  }

  /**
   * A compound variable's integer value (NaN when it is not a plain integer
   * or has no value: NOVALUE is left to the string path, which evaluates the
   * operands in their order).
   */
  private compInt(stem: string, tail: TailPart[]): string {
    const s = this.stem(stem);
    if (this.isCell(stem, tail)) return `r_cbint(${s}, cb)`;
    const p0 = tail[0]!;
    if (tail.length === 1 && 'v' in p0) {
      const n = p0.v;
      if (this.regs.has(n)) {
        const b = this.box(n);
        return `r_cintR(${s}, ${b}v, ${b}n, ${JSON.stringify(n)})`;
      }
      return `r_cint1(${s}, ${this.box(n)}, ${JSON.stringify(n)})`;
    }
    return `r_cint(${s}, ${this.tail(tail)})`;
  }

  /** The compound variable whose tail's box is in local cb (assignComp), null when none. */
  private cell: { stem: string; tail: TailPart[] } | null = null;

  private isCell(stem: string, tail: TailPart[]): boolean {
    const c = this.cell;
    return c !== null && c.stem === stem && sameTail(c.tail, tail);
  }

  /**
   * Assignment `stem.tail = e` where e reads stem.tail itself
   * (`tot.d = tot.d + sal`): the tail's box (codegen-runtime.ts ccell; the
   * plain path when it declines) is looked up once, before e,
   * and read and written through local cb (codegen-runtime.ts cbget), an
   * integer result kept in its integer cache. Only when e calls nothing
   * (not even a BIF): then evaluating e runs no REXX code that could change
   * the tail's variables or the stem (NOVALUE either returns the name or
   * leaves the clause), so looking the tail up first finds the box the
   * assignment after e would find. Null when e does not have that shape.
   */
  assignComp(stem: string, tail: TailPart[], e: Expr): string | null {
    if (hasCall(e) || !readsComp(e, stem, tail)) return null;
    const st = this.stem(stem);
    const p0 = tail[0]!;
    // (a tail variable holding an integer not yet written as a string names an element: ccell would decline it)
    const reg = tail.length === 1 && 'v' in p0 && this.regs.has(p0.v) ? `${this.box(p0.v)}v !== null && ` : '';
    let s = `if (${reg}(cb = r_ccell(${st}, ${this.tail(tail)})) !== null) {\n`;
    this.cell = { stem, tail };
    try {
      const ni = e.k === 'bin' && e.op !== '**' ? this.genIntTop(e) : null;
      if (ni !== null && e.k === 'bin') {
        const t = this.temp();
        s += `if ((${t} = ${ni}) === ${t}) r_cbsetI(cb, ${t});\nelse r_cbset(cb, ${this.genArith(e)});\n`;
      } else s += `r_cbset(cb, ${this.genStr(e)});\n`;
    } finally {
      this.cell = null;
    }
    return `${s}} else {\n${this.setComp(stem, tail, this.genStr(e))}}\n`;
  }

  /** Assignment of JavaScript string `v` to compound stem.name (one simple symbol as the tail). */
  setComp1(st: string, name: string, v: string): string {
    if (!this.regs.has(name)) return `r_cset1(${st}, ${this.box(name)}, ${JSON.stringify(name)}, ${v});\n`;
    const b = this.box(name);
    return `r_csetR(${st}, ${b}v, ${b}n, ${JSON.stringify(name)}, ${v});\n`;
  }

  /** Assignment of JavaScript string `v` to compound variable stem.tail (expression.ts buildSetter 'comp'). */
  setComp(stem: string, tail: TailPart[], v: string): string {
    const st = this.stem(stem);
    const p0 = tail[0]!;
    if (tail.length === 1 && 'v' in p0) return this.setComp1(st, p0.v, v);
    return `t = ${v}; ${st}.set(${this.tail(tail)}, t);\n`;
  }

  /** A simple variable's value in a tail: its name when it has none (compileTail). */
  private tailPart(name: string): string {
    if (!this.regs.has(name)) return `(${this.box(name)}.v ?? ${JSON.stringify(name)})`;
    const b = this.box(name);
    return `(${b}v === null ? String(${b}n) : ${b}v ?? ${JSON.stringify(name)})`;
  }

  /** A tail's value (expression.ts compileTail): constant parts as written, symbols by value or name. */
  tail(parts: TailPart[]): string {
    if (parts.every((p) => 'c' in p)) return JSON.stringify(parts.map((p) => (p as { c: string }).c).join('.'));
    return parts.map((p) => ('c' in p ? JSON.stringify(p.c) : this.tailPart(p.v))).join(' + "." + ');
  }

  /** Assignment of JavaScript string `v` to simple variable `name`. */
  setStr(name: string, v: string): string {
    const b = this.box(name);
    return this.regs.has(name) ? `${b}v = ${v};\n` : `${b}.v = ${v};\n`;
  }

  /**
   * Assignment `name = src` of one variable kept in a local to another:
   * the value's three locals copied as they are, so that an integer not
   * yet written as a string (v null) stays one (`j = k` in a loop would
   * otherwise make the string, and the next `j - gap` read it back); null
   * when either is not in a local. An unset src raises NOVALUE as varRead.
   */
  copyVar(name: string, src: string): string | null {
    if (!this.regs.has(name) || !this.regs.has(src)) return null;
    const b = this.box(name);
    const f = this.box(src);
    return `${b}v = ${f}v !== undefined ? ${f}v : r_nov(a, ${JSON.stringify(src)}); ${b}k = ${f}k; ${b}n = ${f}n;\n`;
  }

  /** Assignment of integer `n` (a local: read twice) to simple variable `name`, with its string. */
  setInt(name: string, n: string): string {
    const b = this.box(name);
    return this.regs.has(name) ? `${b}v = ${b}k = null; ${b}n = ${n};` : `${b}.v = ${b}.ns = String(${n}); ${b}.n = ${n};`;
  }

  /** A simple variable's integer value (expression.ts buildInt 'var'): NaN when unset or not a plain integer. */
  intRead(name: string): string {
    const b = this.box(name);
    if (this.regs.has(name)) return `(${b}v === ${b}k ? ${b}n : (${b}k = ${b}v, ${b}n = r_pint(${b}v)))`;
    return `(${b}.v === ${b}.ns ? ${b}.n : r_int(${b}))`;
  }

  /**
   * Code copying the registers (or one) into their boxes (before anything
   * outside can look), as statements. The locals are left as they are:
   * every write-back is followed by load() or leaves the region.
   */
  flush(only?: string): string {
    let s = '';
    for (const name of only !== undefined ? [only] : this.regs) {
      if (!this.regs.has(name)) continue;
      s += `${this.wb(name)};\n`;
    }
    return s;
  }

  /** A call of r_wb writing back one register (codegen-runtime.ts wb). */
  private wb(name: string): string {
    const b = this.box(name);
    return `r_wb(${b}, ${b}v, ${b}k, ${b}n)`;
  }

  /** flush() as a list of comma expressions (each followed by ', '). */
  private flushExpr(): string {
    let s = '';
    for (const name of this.regs) s += `${this.wb(name)}, `;
    return s;
  }

  /** load() as a list of comma expressions (each followed by ', '). */
  private loadExpr(): string {
    let s = '';
    for (const name of this.regs) {
      const b = this.box(name);
      s += `${b}v = ${b}.v, ${b}k = ${b}.ns, ${b}n = ${b}.n, `;
    }
    return s;
  }

  /** Code loading the registers (or one) from their boxes. */
  load(only?: string): string {
    let s = '';
    for (const name of only !== undefined ? [only] : this.regs) {
      if (!this.regs.has(name)) continue;
      const b = this.box(name);
      s += `${b}v = ${b}.v; ${b}k = ${b}.ns; ${b}n = ${b}.n;\n`;
    }
    return s;
  }

  /** Declarations of the registers' locals. */
  declare(): string {
    let s = '';
    for (const name of this.regs) {
      const b = this.box(name);
      s += `let ${b}v = ${b}.v, ${b}k = ${b}.ns, ${b}n = ${b}.n;\n`;
    }
    return s;
  }

  // ---------------------------------------------------------------- integers

  /**
   * The integer evaluator with its NUMERIC DIGITS >= 9 guard (expression.ts
   * buildInt checks DIGITS at every operator; nothing can change DIGITS while
   * a side-effect-free expression is evaluated, so once is the same), or
   * null when the expression has no integer form or never has an integer
   * value (a literal that is not a plain integer).
   */
  genIntTop(e: Expr): string | null {
    if (this.dclass === 'below9') return null; // (no integer path can succeed)
    const i = this.genInt(e);
    if (i === null) return null;
    if (this.dclass !== undefined) return i;
    return e.k === 'bin' || e.k === 'pre' ? `(${this.digits9()} ? ${i} : NaN)` : i;
  }

  private genInt(e: Expr): string | null {
    switch (e.k) {
      case 'lit': {
        const n = plainInt(e.v);
        return n === n ? `${n}` : null;
      }
      case 'var':
        return this.intRead(e.name);
      case 'comp':
        return this.compInt(e.stem, e.tail);
      case 'pre': {
        if (e.op === '\\') return null;
        const x = this.genInt(e.e);
        if (x === null) return null;
        return e.op === '+' ? x : `(-${x})`;
      }
      case 'bin': {
        if (!INT_OPS.has(e.op)) return null;
        const l = this.genInt(e.l);
        if (l === null) return null;
        const r = this.genInt(e.r);
        if (r === null) return null;
        const s = this.temp();
        // the cases of expression.ts intArith: exact integer results below 10**9 in magnitude
        switch (e.op) {
          case '+':
          case '-':
          case '*':
            return `((${s} = ${l} ${e.op} ${r}) < 1e9 && ${s} > -1e9 ? ${s} : NaN)`;
          case '/': {
            const y = this.temp();
            // (NaN % y is NaN: refused too)
            return `(${s} = ${l}, ${y} = ${r}, ${y} === 0 || ${s} % ${y} !== 0 ? NaN : ${s} / ${y})`;
          }
          case '%': {
            const y = this.temp();
            return `(${s} = ${l}, ${y} = ${r}, ${y} === 0 ? NaN : (${s} - ${s} % ${y}) / ${y})`;
          }
          default: {
            const y = this.temp();
            return `(${s} = ${l}, ${y} = ${r}, ${y} === 0 ? NaN : ${s} % ${y})`;
          }
        }
      }
      case 'call':
        // an integer-valued BIF (LENGTH, WORDS, POS ...) in its quiet integer form
        return genDirectBifInt(this, e);
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------- pairs

  /**
   * The pair evaluator (arithmetic/pair.ts) of an arithmetic expression at
   * NUMERIC DIGITS 9 to 15: intermediate results stay a coefficient and an
   * exponent in locals instead of being written out and parsed again; only
   * the final value is written. `c` is the code of the coefficient (NaN when
   * any step declines: the caller then evaluates the expression on the
   * string path, so only side-effect-free expressions have a pair form, as
   * for genInt), `x` the local or constant holding the exponent once `c` has
   * been evaluated. null when the expression has no pair form.
   */
  genNumTop(e: Expr): Pair | null {
    if (e.k !== 'bin' && e.k !== 'pre') return null;
    const p = this.genNum(e);
    if (p === null) return null;
    // (the integer forms of subexpressions assume DIGITS >= 9: genIntTop)
    if (this.dclass !== undefined) return p;
    if (this.numFixed) return { c: `(d9 && dg <= 15 ? ${p.c} : NaN)`, x: p.x };
    const d = this.temp();
    return { c: `((${d} = a.numeric.digits) >= 9 && ${d} <= 15 ? ${p.c} : NaN)`, x: p.x };
  }

  private genNum(e: Expr): Pair | null {
    switch (e.k) {
      case 'lit': {
        const d = parseNumber(e.v);
        // (a longer coefficient may exceed DIGITS: read at run time)
        if (d === undefined) return null;
        if (d.c.length <= 9) return { c: `${d.neg ? -Number(d.c) : Number(d.c)}`, x: `${d.c === '0' ? 0 : d.e}` };
        return this.pairRead(JSON.stringify(e.v));
      }
      case 'var': {
        if (!this.regs.has(e.name)) return this.pairRead(`${this.box(e.name)}.v`);
        const b = this.box(e.name);
        const c = this.temp();
        const x = this.temp();
        // (null: the value is the integer bKn)
        return { c: `(${b}v === null ? (${x} = 0, ${b}n) : (${c} = r_pof(${b}v, ${this.digits()}), ${x} = ${this.konst(pairResult)}.e, ${c}))`, x };
      }
      case 'pre': {
        if (e.op === '\\') return null;
        const p = this.genNum(e.e);
        if (p === null) return null;
        return this.pairOp(`r_ppre(${p.c}, ${p.x}, ${e.op === '-'}, a.numeric)`);
      }
      case 'bin': {
        if (OP_CALLS[e.op] === undefined) return null;
        const l = this.genNum(e.l);
        if (l === null) return null;
        const r = this.genNum(e.r);
        if (r === null) return null;
        const op = this.pairOp(opCall('p', e.op, `${l.c}, ${l.x}, ${r.c}, ${r.x}`)!);
        // an operator on two plain operands tries the inline integer path first (i % 7)
        if ((e.l.k !== 'var' && e.l.k !== 'lit') || (e.r.k !== 'var' && e.r.k !== 'lit')) return op;
        const i = this.genInt(e);
        if (i === null) return op;
        const t = this.temp();
        return { c: `((${t} = ${i}) === ${t} ? (${op.x} = 0, ${t}) : ${op.c})`, x: op.x };
      }
      default:
        return null;
    }
  }

  /** The pair of a string read at run time (NaN: not a number, unset, or longer than DIGITS). */
  private pairRead(s: string): Pair {
    return this.pairOp(`r_pof(${s}, ${this.digits()})`);
  }

  /** The pair returned by a call of pair.ts, its exponent saved in a new local. */
  private pairOp(call: string): Pair {
    const c = this.temp();
    const x = this.temp();
    return { c: `(${c} = ${call}, ${x} = ${this.konst(pairResult)}.e, ${c})`, x };
  }

  // ---------------------------------------------------------------- chains

  /**
   * The chain evaluator (arithmetic/chain.ts) of an expression with a pair
   * form, for NUMERIC DIGITS above 15: the same tree with intermediate
   * results kept as Decimals, undefined when any step declines (the caller
   * then takes the string path). null when there is none.
   */
  genDecTop(e: Expr): string | null {
    const d = this.genDec(e);
    if (d === null || this.dclass !== undefined) return d;
    return `(${this.numFixed ? 'd15' : 'a.numeric.digits > 15'} ? ${d} : undefined)`;
  }

  private genDec(e: Expr): string | null {
    switch (e.k) {
      case 'lit': {
        const d = parseNumber(e.v);
        if (d === undefined) return null;
        // (at most 16 digits: never longer than DIGITS here)
        return d.c.length <= 16 ? this.konst(d) : `r_dof(${JSON.stringify(e.v)}, ${this.digits()})`;
      }
      case 'var': {
        if (!this.regs.has(e.name)) return `r_dof(${this.box(e.name)}.v, ${this.digits()})`;
        const b = this.box(e.name);
        return `(${b}v === null ? r_dint(${b}n) : r_dof(${b}v, ${this.digits()}))`;
      }
      case 'pre': {
        if (e.op === '\\') return null;
        const x = this.genDec(e.e);
        return x === null ? null : `r_dpre(${x}, ${e.op === '-'}, a.numeric)`;
      }
      case 'bin': {
        if (OP_CALLS[e.op] === undefined) return null;
        const l = this.genDec(e.l);
        if (l === null) return null;
        const r = this.genDec(e.r);
        if (r === null) return null;
        return opCall('d', e.op, `${l}, ${r}`);
      }
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------- booleans

  /** Whether e's value is always '0' or '1' (a comparison or logical operator). */
  isBool(e: Expr): boolean {
    if (e.k === 'pre') return e.op === '\\';
    if (e.k !== 'bin') return false;
    return e.op in NORMAL || e.op in STRICT || e.op === '&' || e.op === '|' || e.op === '&&';
  }

  /** e as a condition of IF (34.1), WHEN (34.2), WHILE (34.3) or UNTIL (34.4). */
  genCond(e: Expr, sub: number): string {
    return this.isBool(e) ? this.genBool(e) : `r_cond(${this.genStr(e)}, ${sub})`;
  }

  /** An operand of a logical operator (Error 34.sub when it is not 0 or 1). */
  private logical(e: Expr, op: string, sub: number): string {
    return this.isBool(e) ? this.genBool(e) : `r_lg(${this.genStr(e)}, ${JSON.stringify(op)}, ${sub})`;
  }

  genBool(e: Expr): string {
    if (e.k === 'pre') return `!${this.logical(e.e, '\\', 6)}`;
    if (e.k !== 'bin') throw new Error('genBool: not a logical expression');
    const op = e.op;
    const js = NORMAL[op];
    if (js !== undefined) {
      const slow = `(r_cmp(a, ${this.genStr(e.l)}, ${this.genStr(e.r)}) ${js} 0)`;
      const li = this.genIntTop(e.l);
      const ri = li === null ? null : this.genIntTop(e.r);
      if (li === null || ri === null) return slow;
      // two plain integers with DIGITS-FUZZ >= 9 compare exactly (expression.ts fastCompare)
      const p = this.temp();
      const q = this.temp();
      return `((${this.fuzz9()} && (${p} = ${li}) === ${p} && (${q} = ${ri}) === ${q}) ? ${p} ${js} ${q} : ${slow})`;
    }
    const sj = STRICT[op];
    if (sj !== undefined) {
      if (sj === '===' || sj === '!==') return `(${this.genStr(e.l)} ${sj} ${this.genStr(e.r)})`;
      return `(r_strict(${this.genStr(e.l)}, ${this.genStr(e.r)}) ${sj} 0)`;
    }
    // & | &&: both operands are evaluated, the left checked before the right is evaluated
    const l = this.logical(e.l, op, 5);
    const r = this.logical(e.r, op, 6);
    if (op === '&') return `r_and(${l}, ${r})`;
    if (op === '|') return `r_or(${l}, ${r})`;
    return `(${l} !== ${r})`;
  }
}

/** The number of arithmetic operators (prefix + - included) in an expression. */
function operators(e: Expr): number {
  if (e.k === 'bin') return (OP_CALLS[e.op] !== undefined ? 1 : 0) + operators(e.l) + operators(e.r);
  if (e.k === 'pre') return (e.op !== '\\' ? 1 : 0) + operators(e.e);
  return 0;
}

/** Whether two tails are written with the same parts (so name the same compound while their symbols keep their values). */
function sameTail(x: TailPart[], y: TailPart[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if ('c' in p ? !('c' in q) || p.c !== q.c : !('v' in q) || p.v !== q.v) return false;
  }
  return true;
}

/** Whether e reads compound variable stem.tail (the same symbols, so the same tail while nothing changes them). */
function readsComp(e: Expr, stem: string, tail: TailPart[]): boolean {
  switch (e.k) {
    case 'comp':
      return e.stem === stem && sameTail(e.tail, tail);
    case 'bin':
    case 'concat':
      return readsComp(e.l, stem, tail) || readsComp(e.r, stem, tail);
    case 'pre':
      return readsComp(e.e, stem, tail);
    default:
      return false;
  }
}

/** Whether an expression calls a function (so a clause with it may raise NOTREADY, change a.line...). */
export function hasCall(e: Expr | null | undefined): boolean {
  if (!e) return false;
  switch (e.k) {
    case 'call':
      return true;
    case 'bin':
    case 'concat':
      return hasCall(e.l) || hasCall(e.r);
    case 'pre':
      return hasCall(e.e);
    default:
      return false;
  }
}
