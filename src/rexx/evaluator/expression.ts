/**
 * Expression evaluation (ANSI X3.274-1996 §7.2 "Expressions and operators").
 * Each expression tree is compiled once into a JavaScript closure and the
 * closure is kept on the node, so a loop body evaluates without re-walking the
 * tree or re-dispatching on node kinds.
 */
import type { Expr, TailPart, VarRef } from '../ast.js';
import type { Activation } from './activation.js';
import { arith, prefix, compare, type ArithOp } from '../arithmetic/decimal.js';
import { rexxError } from '../errors.js';

export type Compiled = (a: Activation) => string;

/** What compiled expressions need from the interpreter. */
export interface Runtime {
  /** An unset variable was referenced: raise NOVALUE if trapped; returns the value to use. */
  novalue(a: Activation, name: string): string;
  callFunction(a: Activation, name: string, quoted: boolean, args: (string | undefined)[]): string;
  /** Called before each arithmetic operation when LOSTDIGITS is trapped. */
  lostDigits(a: Activation, v: string): void;
}

let runtime: Runtime;
export function setRuntime(rt: Runtime): void {
  runtime = rt;
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
    return (a) => a.pool.getSimple(name) ?? name;
  }
  if (parts.every((p) => 'c' in p)) {
    const s = parts.map((p) => (p as { c: string }).c).join('.');
    return () => s;
  }
  return (a) => {
    let s = '';
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i > 0) s += '.';
      if ('c' in p) s += p.c;
      else s += a.pool.getSimple(p.v) ?? p.v;
    }
    return s;
  };
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
      return (a) => {
        const v = a.pool.getSimple(name);
        return v !== undefined ? v : runtime.novalue(a, name);
      };
    }
    case 'stem': {
      const name = e.name;
      return (a) => {
        const s = a.pool.stems.get(name);
        if (s && s.dflt !== undefined) return s.dflt;
        return runtime.novalue(a, name);
      };
    }
    case 'comp': {
      const stem = e.stem;
      const tail = compileTail(e.tail);
      return (a) => {
        const t = tail(a);
        const v = a.pool.getCompound(stem, t);
        return v !== undefined ? v : runtime.novalue(a, stem + t);
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
      return (a) => {
        const vals: (string | undefined)[] = new Array(args.length);
        for (let i = 0; i < args.length; i++) {
          const f = args[i];
          vals[i] = f ? f(a) : undefined;
        }
        return runtime.callFunction(a, name, quoted, vals);
      };
    }
    case 'bin':
      return binary(e.op, compile(e.l), compile(e.r));
  }
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
      return (a) => {
        const x = l(a);
        const y = r(a);
        if (a.traps.size > 0 && a.traps.has('LOSTDIGITS')) {
          runtime.lostDigits(a, x);
          runtime.lostDigits(a, y);
        }
        return arith(o, x, y, a.numeric);
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
      return (a) => (normalCompare(a, l(a), r(a)) === 0 ? '1' : '0');
    case '\\=':
    case '<>':
    case '><':
      return (a) => (normalCompare(a, l(a), r(a)) !== 0 ? '1' : '0');
    case '>':
      return (a) => (normalCompare(a, l(a), r(a)) > 0 ? '1' : '0');
    case '<':
      return (a) => (normalCompare(a, l(a), r(a)) < 0 ? '1' : '0');
    case '>=':
    case '\\<':
      return (a) => (normalCompare(a, l(a), r(a)) >= 0 ? '1' : '0');
    case '<=':
    case '\\>':
      return (a) => (normalCompare(a, l(a), r(a)) <= 0 ? '1' : '0');
  }
  throw rexxError(35, 1, op);
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
