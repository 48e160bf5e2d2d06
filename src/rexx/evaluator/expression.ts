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
import type { Box, Stem, VarPool } from './variables.js';
import { bifCallSite } from '../builtins/call-site.js';
import { LabelSite } from './label-site.js';

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
    const name = p.v;
    const get = simpleGetter(name);
    return (a) => get(a) ?? name;
  }
  if (parts.every((p) => 'c' in p)) {
    const s = parts.map((p) => (p as { c: string }).c).join('.');
    return () => s;
  }
  const getters = parts.map((p) => ('c' in p ? p.c : simpleGetter(p.v)));
  const names = parts.map((p) => ('c' in p ? p.c : p.v));
  if (parts.length === 2) {
    const g0 = getters[0]!;
    const g1 = getters[1]!;
    const n0 = names[0]!;
    const n1 = names[1]!;
    if (typeof g0 === 'string' && typeof g1 !== 'string') return (a) => g0 + '.' + (g1(a) ?? n1);
    if (typeof g0 !== 'string' && typeof g1 !== 'string') return (a) => (g0(a) ?? n0) + '.' + (g1(a) ?? n1);
  }
  return (a) => {
    let s = '';
    for (let i = 0; i < getters.length; i++) {
      const g = getters[i]!;
      if (i > 0) s += '.';
      if (typeof g === 'string') s += g;
      else s += g(a) ?? names[i]!;
    }
    return s;
  };
}

/**
 * A reader of simple variable `name` that remembers the box it found in the
 * last pool it looked in (once that pool is worth it: VarPool.settled).
 * Boxes are never removed from a pool (DROP only empties them), so the box
 * stays valid for as long as the pool is current.
 */
export function simpleGetter(name: string): (a: Activation) => string | undefined {
  let lastPool: VarPool | undefined;
  let lastBox: Box | undefined;
  return (a) => {
    const p = a.pool;
    if (p === lastPool) return lastBox!.v;
    const b = p.simple.get(name);
    if (b === undefined) return undefined; // no box yet: look again next time
    if (p.settled()) {
      lastPool = p;
      lastBox = b;
    }
    return b.v;
  };
}

/** The stem object `name` of the current pool, remembered per pool like simpleGetter. */
function stemGetter(name: string, create: boolean): (a: Activation) => Stem | undefined {
  let lastPool: VarPool | undefined;
  let lastStem: Stem | undefined;
  return (a) => {
    const p = a.pool;
    if (p === lastPool) return lastStem;
    const s = create ? p.stem(name) : p.stems.get(name);
    if (s === undefined) return undefined;
    if (p.settled()) {
      lastPool = p;
      lastStem = s;
    }
    return s;
  };
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
      const name = ref.name;
      let lastPool: VarPool | undefined;
      let lastBox: Box | undefined;
      return (a, v) => {
        const p = a.pool;
        if (p === lastPool) {
          lastBox!.v = v;
          return;
        }
        const b = p.box(name);
        b.v = v;
        if (p.settled()) {
          lastPool = p;
          lastBox = b;
        }
      };
    }
    case 'stem': {
      const name = ref.name;
      return (a, v) => a.pool.stem(name).assignAll(v);
    }
    case 'comp': {
      const stem = stemGetter(ref.stem, true);
      const tail = compileTail(ref.tail);
      const p0 = ref.tail[0]!;
      if (ref.tail.length === 1 && 'v' in p0) {
        const idx = tailIndex(p0.v);
        return (a, v) => {
          const i = idx(a);
          if (i >= 0) stem(a)!.setN(i, v);
          else stem(a)!.set(tail(a), v);
        };
      }
      return (a, v) => {
        const t = tail(a);
        stem(a)!.set(t, v);
      };
    }
  }
}

/** Number of decimal digits of a non-negative integer below 10**9. */
function decimalLength(n: number): number {
  return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : 9;
}

/**
 * For a tail that is one simple symbol: its value as a number when that
 * value is written exactly as String(n) for an integer 0 <= n < 10**9 (no
 * sign, no leading zeros), else -1. Such a tail string and the number n name
 * the same property of a stem's tails object, and the number is found
 * without hashing a string.
 */
function tailIndex(name: string): (a: Activation) => number {
  let lastPool: VarPool | undefined;
  let lastBox: Box | undefined;
  return (a) => {
    const p = a.pool;
    let b: Box | undefined;
    if (p === lastPool) b = lastBox!;
    else {
      b = p.simple.get(name);
      if (b === undefined) return -1;
      if (p.settled()) {
        lastPool = p;
        lastBox = b;
      }
    }
    return boxIndex(b);
  };
}

/** The element index named by the value of box b (see tailIndex), or -1. */
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
      const name = e.name;
      const get = simpleGetter(name);
      return (a) => {
        const v = get(a);
        return v !== undefined ? v : rt(a).novalue(a, name);
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
      const getStem = stemGetter(stem, false);
      const tail = compileTail(e.tail);
      const p0 = e.tail[0]!;
      if (e.tail.length === 1 && 'v' in p0) {
        const idx = tailIndex(p0.v);
        return (a) => {
          const i = idx(a);
          if (i >= 0) {
            const st = getStem(a);
            const v = st === undefined ? undefined : st.getN(i);
            return v !== undefined ? v : rt(a).novalue(a, stem + String(i));
          }
          const t = tail(a);
          const st = getStem(a);
          const v = st === undefined ? undefined : st.get(t);
          return v !== undefined ? v : rt(a).novalue(a, stem + t);
        };
      }
      return (a) => {
        const t = tail(a);
        const st = getStem(a);
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
      const name = e.name;
      const quoted = e.quoted;
      const args = e.args.map((x) => (x ? compile(x) : null));
      // a BIF name goes straight to the BIF unless an internal label shadows it;
      // an internal routine's label is looked up once per program (label-site.ts)
      const bif = bifCallSite(name, quoted);
      const label = quoted ? undefined : new LabelSite(name);
      const invoke = (a: Activation, vals: (string | undefined)[]): string => {
        if (bif !== undefined) {
          const v = bif(a, vals);
          if (v !== undefined) return v;
        }
        if (label !== undefined) {
          const idx = label.find(a);
          if (idx >= 0) return rt(a).callLabel(a, label.program, idx, name, vals);
        }
        return rt(a).callFunction(a, name, quoted, vals);
      };
      // one or two arguments, none omitted (fib(n - 1), ack(m, n)): the
      // values in an array literal (packed, no loop over the closures)
      const f0 = args[0];
      const f1 = args[1];
      if (args.length === 1 && f0) return (a) => invoke(a, [f0(a)]);
      if (args.length === 2 && f0 && f1) return (a) => invoke(a, [f0(a), f1(a)]);
      return (a) => {
        const vals: (string | undefined)[] = new Array(args.length);
        for (let i = 0; i < args.length; i++) {
          const f = args[i];
          vals[i] = f ? f(a) : undefined;
        }
        return invoke(a, vals);
      };
    }
    case 'bin': {
      const generic = binary(e.op, compile(e.l), compile(e.r));
      return withIntPath(e, generic);
    }
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
      const name = e.name;
      let lastPool: VarPool | undefined;
      let lastBox: Box | undefined;
      return (a) => {
        const p = a.pool;
        let b: Box | undefined;
        if (p === lastPool) b = lastBox!;
        else {
          b = p.simple.get(name);
          if (b === undefined) return NaN;
          if (p.settled()) {
            lastPool = p;
            lastBox = b;
          }
        }
        const v = b.v;
        if (v === b.ns) return b.n;
        if (v === undefined) return NaN;
        const n = plainInt(v);
        b.ns = v;
        b.n = n;
        return n;
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
  let lastPool: VarPool | undefined;
  let lastBox: Box | undefined;
  return (a, s, n) => {
    const p = a.pool;
    let b: Box;
    if (p === lastPool) b = lastBox!;
    else {
      b = p.box(name);
      if (p.settled()) {
        lastPool = p;
        lastBox = b;
      }
    }
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
