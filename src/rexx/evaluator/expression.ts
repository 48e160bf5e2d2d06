/**
 * Expression evaluation (ANSI X3.274-1996 §7.2 "Expressions and operators").
 * Each expression tree is compiled once into a JavaScript closure and the
 * closure is kept on the node, so a loop body evaluates without re-walking the
 * tree or re-dispatching on node kinds.
 */
import type { Expr, Program, TailPart, VarRef } from '../ast.js';
import type { Activation } from './activation.js';
import { arith, prefix, compare, type ArithOp } from '../arithmetic/decimal.js';
import { rexxError } from '../errors.js';
import type { Box } from './variables.js';
import { bifCallSite, type BifCallSite } from '../builtins/call-site.js';
import { LabelSite } from './label-site.js';
import { cbint, cbsetI, ccell, int } from './codegen-runtime.js';
import { StemSite, VarSite } from './var-site.js';

export type Compiled = (a: Activation) => string;

/** What compiled expressions need from the interpreter. */
export interface Runtime {
  /** An unset variable was referenced: raise NOVALUE if trapped; returns the value to use. */
  novalue(a: Activation, name: string): string;
  callFunction(a: Activation, name: string, quoted: boolean, args: (string | undefined)[]): string;
  /** callFunction of the internal routine at clause idx of prog (the call site found its label). */
  callLabel(a: Activation, prog: Program, idx: number, name: string, args: (string | undefined)[]): string;
  /** Called before each arithmetic operation when LOSTDIGITS is trapped. */
  lostDigits(a: Activation, v: string): void;
}

/**
 * The interpreter running activation a (compiled expressions are cached on
 * shared program trees, so they must not hold on to one interpreter).
 */
function rt(a: Activation): Runtime {
  return a.interp as Runtime;
}

const compiledKey = Symbol('compiled');
type WithCompiled = { [compiledKey]?: Compiled };

export function compile(e: Expr): Compiled {
  const w = e as WithCompiled;
  return (w[compiledKey] ??= build(e));
}

/** Evaluate a tail: constant parts as written, simple symbols replaced by their values. */
export function compileTail(parts: TailPart[]): (a: Activation) => string {
  if (parts.length === 1) {
    const p = parts[0]!;
    if ('c' in p) {
      const c = p.c;
      return () => c;
    }
    const site = new VarSite(p.v);
    return (a) => tailValue(a, site);
  }
  if (parts.every((p) => 'c' in p)) {
    const s = parts.map((p) => (p as { c: string }).c).join('.');
    return () => s;
  }
  const sites = parts.map((p) => ('c' in p ? p.c : new VarSite(p.v)));
  if (parts.length === 2) {
    const g0 = sites[0]!;
    const g1 = sites[1]!;
    if (typeof g0 === 'string' && typeof g1 !== 'string') return (a) => g0 + '.' + tailValue(a, g1);
    if (typeof g0 !== 'string' && typeof g1 !== 'string') return (a) => tailValue(a, g0) + '.' + tailValue(a, g1);
  }
  return (a) => {
    let s = '';
    for (let i = 0; i < sites.length; i++) {
      const g = sites[i]!;
      if (i > 0) s += '.';
      s += typeof g === 'string' ? g : tailValue(a, g);
    }
    return s;
  };
}

/** A simple symbol's part of a tail: its value, its name when it has none. */
function tailValue(a: Activation, site: VarSite): string {
  const b = site.find(a);
  if (b !== undefined) {
    const v = b.v;
    if (v !== undefined) return v;
  }
  return site.name;
}

const setterKey = Symbol('setter');
type WithSetter = { [setterKey]?: (a: Activation, v: string) => void };

/** An assigner for a variable reference (simple, stem or compound), compiled once per node. */
export function compileSetter(ref: VarRef): (a: Activation, v: string) => void {
  const w = ref as WithSetter;
  return (w[setterKey] ??= buildSetter(ref));
}

function buildSetter(ref: VarRef): (a: Activation, v: string) => void {
  switch (ref.k) {
    case 'var': {
      const site = new VarSite(ref.name);
      return (a, v) => {
        site.make(a).v = v;
      };
    }
    case 'stem': {
      const name = ref.name;
      return (a, v) => a.pool.stem(name).assignAll(v);
    }
    case 'comp': {
      const stem = new StemSite(ref.stem);
      const tail = compileTail(ref.tail);
      const p0 = ref.tail[0]!;
      if (ref.tail.length === 1 && 'v' in p0) {
        const name = p0.v;
        const site = new VarSite(name);
        return (a, v) => {
          const b = site.find(a);
          const st = stem.make(a);
          if (b === undefined) st.set(name, v);
          else {
            const i = boxIndex(b);
            if (i >= 0) st.setN(i, v);
            else st.set(b.v ?? name, v);
          }
        };
      }
      return (a, v) => {
        const t = tail(a);
        stem.make(a).set(t, v);
      };
    }
  }
}

/** compoundUpdate on or off (tests compare it with the general path; read when a clause is compiled). */
export const updateOptions = { enabled: true };

function sameTail(x: TailPart[], y: TailPart[]): boolean {
  return x.length === y.length && x.every((p, i) => {
    const q = y[i]!;
    return 'c' in p ? 'c' in q && p.c === q.c : 'v' in q && p.v === q.v;
  });
}

/**
 * The assignment clause `stem.tail = stem.tail op e` (`count.name =
 * count.name + 1`) with op one of + - * / % // and e an integer-path
 * expression (compileInt: literals, simple variables and arithmetic, no
 * calls), null for any other. The tail is evaluated and the stem looked up
 * once, for the read and the write: e can run no REXX code between them
 * (NOVALUE either gives a name or leaves the clause by SIGNAL), so they are
 * the ones the clause's setter would find after evaluating the expression.
 * A tail that does not start with a digit is read and written through its
 * box (codegen-runtime.ts ccell, as compiled regions do: a stem's named
 * tails are in a Map, and the box spares a second hashing and keeps the
 * value's integer form); an element's entry is read and set as it is. The
 * integer result is the one intOp gives; whenever that declines (no value,
 * no stem, not plain integers, DIGITS below 9, a result of 10 digits) the
 * clause runs its general closures from the start, which is unobservable
 * since nothing has been changed.
 */
export function compoundUpdate(ref: VarRef, e: Expr): ((a: Activation) => void) | null {
  if (!updateOptions.enabled || ref.k !== 'comp' || e.k !== 'bin' || !ARITH.has(e.op)) return null;
  const l = e.l;
  if (l.k !== 'comp' || l.stem !== ref.stem || !sameTail(l.tail, ref.tail)) return null;
  const r = compileInt(e.r);
  if (r === null) return null;
  const op = e.op;
  const stems = new StemSite(ref.stem);
  const tail = compileTail(ref.tail);
  const set = compileSetter(ref);
  const value = compile(e);
  return (a) => {
    const st = stems.find(a);
    if (st !== undefined) {
      const t = tail(a);
      const b = ccell(st, t);
      if (b === null) {
        // an element ('5'): its entry as it is
        const x = st.get(t);
        if (x !== undefined) {
          const n = intOp(op, plainInt(x), r(a), a.numeric.digits);
          if (n === n) {
            st.set(t, String(n));
            return;
          }
        }
      } else {
        const x = cbint(st, b);
        if (x === x) {
          const n = intOp(op, x, r(a), a.numeric.digits);
          if (n === n) {
            cbsetI(b, n);
            return;
          }
        }
      }
    }
    set(a, value(a));
  };
}

/** Number of decimal digits of a non-negative integer below 10**9. */
function decimalLength(n: number): number {
  return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : 9;
}

/**
 * The element index named by the value of box b: its value as a number when
 * that value is written exactly as String(n) for an integer 0 <= n < 10**9
 * (no sign, no leading zeros), else -1. Such a tail string and the number n
 * name the same property of a stem's tails object, and the number is found
 * without hashing a string.
 */
export function boxIndex(b: Box): number {
  const v = b.v;
  if (v === undefined) return -1;
  let n: number;
  if (v === b.ns) n = b.n;
  else {
    n = plainInt(v);
    b.ns = v;
    b.n = n;
  }
  if (!(n >= 0) || v.length !== decimalLength(n)) return -1; // NaN, negative, '-0', leading zeros
  return n;
}

/** Resolve the current derived name of a reference (for messages and NOVALUE). */
export function derivedName(a: Activation, ref: VarRef): string {
  if (ref.k !== 'comp') return ref.name;
  return ref.stem + compileTail(ref.tail)(a);
}

function isLogical(v: string): boolean {
  return v === '0' || v === '1';
}

function build(e: Expr): Compiled {
  switch (e.k) {
    case 'lit': {
      const v = e.v;
      return () => v;
    }
    case 'var': {
      const site = new VarSite(e.name);
      return (a) => {
        const b = site.find(a);
        if (b !== undefined) {
          const v = b.v;
          if (v !== undefined) return v;
        }
        return rt(a).novalue(a, site.name);
      };
    }
    case 'stem': {
      const name = e.name;
      return (a) => {
        const s = a.pool.stems.get(name);
        if (s && s.dflt !== undefined) return s.dflt;
        return rt(a).novalue(a, name);
      };
    }
    case 'comp': {
      const stem = e.stem;
      const stems = new StemSite(stem);
      const tail = compileTail(e.tail);
      const p0 = e.tail[0]!;
      if (e.tail.length === 1 && 'v' in p0) {
        // the tail variable's box looked up once, for its index and its value
        // (in a pool the sites do not remember, a procedure call's, each
        // lookup is a scan of the pool's names)
        const name = p0.v;
        const site = new VarSite(name);
        return (a) => {
          const b = site.find(a);
          const st = stems.find(a);
          let t = name;
          if (b !== undefined) {
            const i = boxIndex(b);
            if (i >= 0) {
              const v = st === undefined ? undefined : st.getN(i);
              return v !== undefined ? v : rt(a).novalue(a, stem + String(i));
            }
            if (b.v !== undefined) t = b.v;
          }
          const v = st === undefined ? undefined : st.get(t);
          return v !== undefined ? v : rt(a).novalue(a, stem + t);
        };
      }
      return (a) => {
        const t = tail(a);
        const st = stems.find(a);
        const v = st === undefined ? undefined : st.get(t);
        return v !== undefined ? v : rt(a).novalue(a, stem + t);
      };
    }
    case 'concat': {
      const l = compile(e.l);
      const r = compile(e.r);
      return e.blank ? (a) => l(a) + ' ' + r(a) : (a) => l(a) + r(a);
    }
    case 'pre': {
      const x = compile(e.e);
      if (e.op === '\\') {
        return (a) => {
          const v = x(a);
          if (v === '0') return '1';
          if (v === '1') return '0';
          throw rexxError(34, 6, '\\', v);
        };
      }
      const op = e.op;
      return (a) => prefix(op, x(a), a.numeric);
    }
    case 'call': {
      const args = e.args.map((x) => (x ? compile(x) : null));
      const site = new FunctionSite(e.name, e.quoted);
      // one or two arguments, none omitted (fib(n - 1), ack(m, n)): the
      // values in an array literal (packed, no loop over the closures)
      const f0 = args[0];
      const f1 = args[1];
      if (args.length === 1 && f0) return (a) => site.invoke(a, [f0(a)]);
      if (args.length === 2 && f0 && f1) return (a) => site.invoke(a, [f0(a), f1(a)]);
      return (a) => {
        const vals: (string | undefined)[] = new Array(args.length);
        for (let i = 0; i < args.length; i++) {
          const f = args[i];
          vals[i] = f ? f(a) : undefined;
        }
        return site.invoke(a, vals);
      };
    }
    case 'bin': {
      const generic = binary(e.op, compile(e.l), compile(e.r));
      return withIntPath(e, generic);
    }
  }
}

/**
 * A function call's target (ANSI §7.2.5 / §8.2.x): a BIF name goes straight
 * to the BIF unless an internal label shadows it; an internal routine's
 * label is looked up once per program (label-site.ts). A class, as VarSite
 * (var-site.ts): the call closures of all sites then call one method.
 */
class FunctionSite {
  declare private readonly name: string;
  declare private readonly quoted: boolean;
  declare private readonly bif: BifCallSite | undefined;
  declare private readonly label: LabelSite | undefined;

  constructor(name: string, quoted: boolean) {
    this.name = name;
    this.quoted = quoted;
    this.bif = bifCallSite(name, quoted);
    this.label = quoted ? undefined : new LabelSite(name);
  }

  invoke(a: Activation, vals: (string | undefined)[]): string {
    const bif = this.bif;
    if (bif !== undefined) {
      const v = bif(a, vals);
      if (v !== undefined) return v;
    }
    const label = this.label;
    if (label !== undefined) {
      const idx = label.find(a);
      if (idx >= 0) return rt(a).callLabel(a, label.program, idx, this.name, vals);
    }
    return rt(a).callFunction(a, this.name, this.quoted, vals);
  }
}

/**
 * The value of s when it is written as an optional '-' and 1 to 9 decimal
 * digits, else NaN. Such an operand has at most 9 significant digits, so at
 * NUMERIC DIGITS 9 or more it is never truncated or rounded before an
 * operation, and LOSTDIGITS cannot arise from it.
 */
export function plainInt(s: string): number {
  const n = s.length;
  if (n === 0 || n > 10) return NaN;
  let i = 0;
  let c = s.charCodeAt(0);
  let neg = false;
  if (c === 45) {
    if (n === 1) return NaN;
    neg = true;
    i = 1;
  } else if (n === 10) return NaN;
  let v = 0;
  for (; i < n; i++) {
    c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return neg ? -v : v;
}

/**
 * The small-integer fast path of the dyadic arithmetic operators, evaluated
 * in the compiled closure before the exact decimal path. Applies when both
 * operands are plainInt and NUMERIC DIGITS >= 9, and only when the exact
 * result is an integer of magnitude below 10**9: then it has at most 9 <=
 * DIGITS digits, no rounding happens, and the standard's result is that
 * integer written plainly (String(r); -0 cannot arise: String(-0) is '0'
 * anyway). Every other case (rounding, a fractional quotient, division by
 * zero, **) returns undefined and the exact path decides. Property tests
 * (test/rexx/evaluator/fastpath.test.ts) compare this with arithExact.
 */
export function intArith(op: string, x: string, y: string, digits: number): string | undefined {
  const a = plainInt(x);
  if (a !== a) return undefined;
  const b = plainInt(y);
  if (b !== b) return undefined;
  const r = intOp(op, a, b, digits);
  return r === r ? String(r) : undefined;
}

/**
 * intArith on the operands' values (plainInt already applied): the exact
 * result when it is an integer below 10**9 in magnitude (zero without a
 * sign), else NaN. INTERPRET's direct evaluation (interpret-direct.ts) keeps
 * integers as numbers and calls this without writing them out.
 */
export function intOp(op: string, x: number, y: number, digits: number): number {
  if (digits < 9) return NaN;
  let r: number;
  switch (op) {
    case '+':
      r = x + y;
      break;
    case '-':
      r = x - y;
      break;
    case '*':
      r = x * y; // rounded only when |r| >= 1e9, which is refused
      break;
    case '/':
      if (y === 0 || x % y !== 0) return NaN;
      r = x / y;
      break;
    case '%':
      if (y === 0) return NaN;
      r = (x - (x % y)) / y;
      break;
    case '//':
      if (y === 0) return NaN;
      r = x % y;
      break;
    default:
      return NaN;
  }
  return r >= 1e9 || r <= -1e9 ? NaN : r === 0 ? 0 : r;
}

// ---------------------------------------------------------------- integer path

/**
 * An integer evaluator of an expression: its value as a number when the
 * expression's REXX value is a plain integer (plainInt) computed without any
 * rounding, else NaN. Only for side-effect-free expressions (literals,
 * simple variables, prefix +/- and the operators + - * / % //), so that
 * when it gives NaN the string path can evaluate the same expression again
 * with no visible difference. It never raises a condition: an unset
 * variable gives NaN and the string path reports NOVALUE.
 */
export type IntFn = (a: Activation) => number;

const intKey = Symbol('int');
type WithInt = { [intKey]?: IntFn | null };

export function compileInt(e: Expr): IntFn | null {
  const w = e as WithInt;
  let f = w[intKey];
  if (f === undefined) f = w[intKey] = buildInt(e);
  return f;
}

function buildInt(e: Expr): IntFn | null {
  switch (e.k) {
    case 'lit': {
      const n = plainInt(e.v);
      return () => n;
    }
    case 'var': {
      const site = new VarSite(e.name);
      return (a) => {
        const b = site.find(a);
        return b === undefined ? NaN : int(b);
      };
    }
    case 'pre': {
      if (e.op === '\\') return null;
      const x = compileInt(e.e);
      if (!x) return null;
      // at DIGITS >= 9 prefix +/- of a plain integer is exact (see prefix())
      if (e.op === '+') return (a) => (a.numeric.digits >= 9 ? x(a) : NaN);
      return (a) => (a.numeric.digits >= 9 ? -x(a) : NaN);
    }
    case 'bin': {
      const op = e.op;
      if (op !== '+' && op !== '-' && op !== '*' && op !== '/' && op !== '%' && op !== '//') return null;
      const vk = varLit(e);
      if (vk !== null && (op === '+' || op === '-' || op === '*')) return varLitArith(op, vk.site, vk.k);
      const l = compileInt(e.l);
      if (!l) return null;
      const r = compileInt(e.r);
      if (!r) return null;
      // the same cases as intArith: exact integer results below 10**9 in magnitude
      switch (op) {
        case '+':
          return (a) => {
            if (a.numeric.digits < 9) return NaN;
            const s = l(a) + r(a);
            return s < 1e9 && s > -1e9 ? s : NaN;
          };
        case '-':
          return (a) => {
            if (a.numeric.digits < 9) return NaN;
            const s = l(a) - r(a);
            return s < 1e9 && s > -1e9 ? s : NaN;
          };
        case '*':
          return (a) => {
            if (a.numeric.digits < 9) return NaN;
            const s = l(a) * r(a);
            return s < 1e9 && s > -1e9 ? s : NaN;
          };
        case '/':
          return (a) => {
            if (a.numeric.digits < 9) return NaN;
            const x = l(a);
            const y = r(a);
            if (y === 0 || x % y !== 0) return NaN; // (NaN % y is NaN: also refused)
            return x / y;
          };
        case '%':
          return (a) => {
            if (a.numeric.digits < 9) return NaN;
            const x = l(a);
            const y = r(a);
            if (y === 0) return NaN;
            return (x - (x % y)) / y;
          };
        default:
          return (a) => {
            if (a.numeric.digits < 9) return NaN;
            const y = r(a);
            if (y === 0) return NaN;
            return l(a) % y;
          };
      }
    }
    default:
      return null;
  }
}

const ARITH = new Set(['+', '-', '*', '/', '%', '//']);
const COMPARE = new Set(['=', '\\=', '<>', '><', '>', '<', '>=', '\\<', '<=', '\\>']);

/**
 * For `var op constant` with a plain-integer constant (`n - 1`, `i < 2`):
 * the variable's site and the constant's value. Such a node is evaluated by
 * one closure instead of three (the operator's and its operands'): fewer
 * calls, and fewer call sites whose targets vary from node to node (the
 * closures made from one function literal share V8's feedback).
 */
function varLit(e: Extract<Expr, { k: 'bin' }>): { site: VarSite; k: number } | null {
  if (e.l.k !== 'var' || e.r.k !== 'lit') return null;
  const k = plainInt(e.r.v);
  return k === k ? { site: new VarSite(e.l.name), k } : null;
}

/** buildInt's + - * for varLit's operands: intOp on the variable's integer and the constant. */
function varLitArith(op: '+' | '-' | '*', site: VarSite, k: number): IntFn {
  return (a) => {
    const b = site.find(a);
    return b === undefined ? NaN : intOp(op, int(b), k, a.numeric.digits);
  };
}

/** Put the integer path in front of a binary node's string closure where it applies. */
function withIntPath(e: Extract<Expr, { k: 'bin' }>, generic: Compiled): Compiled {
  if (ARITH.has(e.op)) {
    const ni = compileInt(e);
    if (!ni) return generic;
    return (a) => {
      const v = ni(a);
      // String(-0) is '0': no negative zero can appear
      return v === v ? String(v) : generic(a);
    };
  }
  if (COMPARE.has(e.op)) {
    const li = compileInt(e.l);
    const ri = li && compileInt(e.r);
    if (!li || !ri) return generic;
    const test = intTest(e.op);
    const vk = varLit(e);
    if (vk !== null) {
      // `n < 2`: as below, the variable and the constant read in place
      const { site, k } = vk;
      return (a) => {
        if (a.numeric.digits - a.numeric.fuzz >= 9) {
          const b = site.find(a);
          if (b !== undefined) {
            const p = int(b);
            if (p === p) return test(p, k) ? '1' : '0';
          }
        }
        return generic(a);
      };
    }
    return (a) => {
      // two plain integers with DIGITS-FUZZ >= 9 compare exactly (see fastCompare)
      if (a.numeric.digits - a.numeric.fuzz >= 9) {
        const p = li(a);
        if (p === p) {
          const q = ri(a);
          if (q === q) return test(p, q) ? '1' : '0';
        }
      }
      return generic(a);
    };
  }
  return generic;
}

function intTest(op: string): (p: number, q: number) => boolean {
  switch (op) {
    case '=':
      return (p, q) => p === q;
    case '>':
      return (p, q) => p > q;
    case '<':
      return (p, q) => p < q;
    case '>=':
    case '\\<':
      return (p, q) => p >= q;
    case '<=':
    case '\\>':
      return (p, q) => p <= q;
    default:
      return (p, q) => p !== q;
  }
}

/** A writer of simple variable `name` that also records the integer value in the box. */
export function intSetter(name: string): (a: Activation, s: string, n: number) => void {
  const site = new VarSite(name);
  return (a, s, n) => {
    const b = site.make(a);
    b.v = s;
    b.ns = s;
    b.n = n;
  };
}

function binary(op: string, l: Compiled, r: Compiled): Compiled {
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '//':
    case '**': {
      const o = op as ArithOp;
      const slow = (a: Activation, x: string, y: string): string => {
        if (a.traps.size > 0 && a.traps.has('LOSTDIGITS')) {
          rt(a).lostDigits(a, x);
          rt(a).lostDigits(a, y);
        }
        return arith(o, x, y, a.numeric);
      };
      if (op === '+') {
        return (a) => {
          const x = l(a);
          const y = r(a);
          if (a.numeric.digits >= 9) {
            const p = plainInt(x);
            if (p === p) {
              const q = plainInt(y);
              if (q === q) {
                const s = p + q;
                if (s < 1e9 && s > -1e9) return String(s);
              }
            }
          }
          return slow(a, x, y);
        };
      }
      if (op === '-') {
        return (a) => {
          const x = l(a);
          const y = r(a);
          if (a.numeric.digits >= 9) {
            const p = plainInt(x);
            if (p === p) {
              const q = plainInt(y);
              if (q === q) {
                const s = p - q;
                if (s < 1e9 && s > -1e9) return s === 0 ? '0' : String(s);
              }
            }
          }
          return slow(a, x, y);
        };
      }
      return (a) => {
        const x = l(a);
        const y = r(a);
        const f = intArith(o, x, y, a.numeric.digits);
        return f !== undefined ? f : slow(a, x, y);
      };
    }
    case '&':
      return (a) => {
        const x = l(a);
        if (!isLogical(x)) throw rexxError(34, 5, '&', x);
        const y = r(a);
        if (!isLogical(y)) throw rexxError(34, 6, '&', y);
        return x === '1' && y === '1' ? '1' : '0';
      };
    case '|':
      return (a) => {
        const x = l(a);
        if (!isLogical(x)) throw rexxError(34, 5, '|', x);
        const y = r(a);
        if (!isLogical(y)) throw rexxError(34, 6, '|', y);
        return x === '1' || y === '1' ? '1' : '0';
      };
    case '&&':
      return (a) => {
        const x = l(a);
        if (!isLogical(x)) throw rexxError(34, 5, '&&', x);
        const y = r(a);
        if (!isLogical(y)) throw rexxError(34, 6, '&&', y);
        return x !== y ? '1' : '0';
      };
    // strict comparisons: exact bytes, no padding (§7.2.3)
    case '==':
      return (a) => (l(a) === r(a) ? '1' : '0');
    case '\\==':
      return (a) => (l(a) !== r(a) ? '1' : '0');
    case '>>':
      return (a) => (strictCompare(l(a), r(a)) > 0 ? '1' : '0');
    case '<<':
      return (a) => (strictCompare(l(a), r(a)) < 0 ? '1' : '0');
    case '>>=':
    case '\\<<':
      return (a) => (strictCompare(l(a), r(a)) >= 0 ? '1' : '0');
    case '<<=':
    case '\\>>':
      return (a) => (strictCompare(l(a), r(a)) <= 0 ? '1' : '0');
    // normal comparisons
    case '=':
      return (a) => (fastCompare(a, l(a), r(a)) === 0 ? '1' : '0');
    case '\\=':
    case '<>':
    case '><':
      return (a) => (fastCompare(a, l(a), r(a)) !== 0 ? '1' : '0');
    case '>':
      return (a) => (fastCompare(a, l(a), r(a)) > 0 ? '1' : '0');
    case '<':
      return (a) => (fastCompare(a, l(a), r(a)) < 0 ? '1' : '0');
    case '>=':
    case '\\<':
      return (a) => (fastCompare(a, l(a), r(a)) >= 0 ? '1' : '0');
    case '<=':
    case '\\>':
      return (a) => (fastCompare(a, l(a), r(a)) <= 0 ? '1' : '0');
  }
  throw rexxError(35, 1, op);
}

/**
 * normalCompare with two fast cases: identical strings are always equal (as
 * numbers or as strings, under any FUZZ), and two plainInt operands with
 * DIGITS-FUZZ >= 9 compare exactly (their difference is exact and rounding
 * it cannot change its sign).
 */
export function fastCompare(a: Activation, x: string, y: string): number {
  if (x === y) return 0;
  const p = plainInt(x);
  if (p === p) {
    const q = plainInt(y);
    if (q === q && a.numeric.digits - a.numeric.fuzz >= 9) return p < q ? -1 : p > q ? 1 : 0;
  }
  return normalCompare(a, x, y);
}

export function strictCompare(x: string, y: string): number {
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * Normal comparison (§7.2.3): numerically (with FUZZ) when both are numbers,
 * otherwise as strings with leading and trailing blanks ignored and the
 * shorter padded with blanks.
 */
export function normalCompare(a: Activation, x: string, y: string): number {
  const c = compare(x, y, a.numeric);
  if (c !== undefined) return c;
  const xs = stripBlanks(x);
  const ys = stripBlanks(y);
  const n = Math.max(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const cx = i < xs.length ? xs.charCodeAt(i) : 32;
    const cy = i < ys.length ? ys.charCodeAt(i) : 32;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
  return 0;
}

function stripBlanks(s: string): string {
  let i = 0;
  let j = s.length;
  while (i < j && s.charCodeAt(i) === 32) i++;
  while (j > i && s.charCodeAt(j - 1) === 32) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}
