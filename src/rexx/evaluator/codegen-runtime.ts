/**
 * What the JavaScript made by the region compiler (codegen.ts) calls: the
 * slow paths of its inline fast paths, and the DO-loop rules of the clause
 * loop (interpreter.ts doStart / loopContinues / iterate) that are not worth
 * writing out inline. Each function here does exactly what the clause loop
 * does in the same case, with the same REXX error (ANSI X3.274-1996 §7.3.x
 * DO; §7.2 expressions), so that a compiled region cannot be told apart from
 * the clause loop running the same clauses.
 *
 * Generated code is cached on the shared Program, so nothing here may hold
 * an interpreter: every function takes the activation and finds it there.
 */
import type { Clause } from '../ast.js';
import type { Activation } from './activation.js';
import { digitLed, type Box, type Stem } from './variables.js';
import { arith, normalize, prefix, type ArithOp } from '../arithmetic/decimal.js';
import { rexxError } from '../errors.js';
import { ExitSignal } from './signals.js';
import { fastCompare, intArith, plainInt } from './expression.js';
import { mustBeNumber, pastTo, repetitions, stepped } from './do-rules.js';
import type { BifCallSite } from '../builtins/call-site.js';
import { tableVersion } from '../builtins/registry.js';

/** The interpreter services a compiled region uses (interpreter.ts). */
export interface RegionInterp {
  readonly host: { say(line: string): void; pollHalt?: () => 'HI' | 'HX' | undefined };
  /** CALL ON handlers waiting for the end of the clause that raised them */
  readonly pending: readonly unknown[];
  clauseCount: number;
  /** the clause a compiled region was running when it threw (read by execute's catch) */
  faultPc: number;
  pollHalt(a: Activation): void;
  runPending(a: Activation): void;
  /** the clause loop's own execution of one clause (no control flow, untraced) */
  stepClause(a: Activation, c: Clause): void;
  novalue(a: Activation, name: string): string;
  callFunction(a: Activation, name: string, quoted: boolean, args: (string | undefined)[]): string;
  callRoutine(a: Activation, name: string, quoted: boolean, args: (string | undefined)[], asFunction: boolean): string | undefined;
  lostDigits(a: Activation, v: string): void;
}

function ri(a: Activation): RegionInterp {
  return a.interp as RegionInterp;
}

/** Integer value of a box (expression.ts buildInt 'var'), refreshing its cache. */
export function int(b: Box): number {
  const v = b.v;
  if (v === b.ns) return b.n;
  if (v === undefined) return NaN;
  const n = plainInt(v);
  b.ns = v;
  b.n = n;
  return n;
}

/**
 * A register's locals (codegen-expr.ts: v null for an integer n not yet
 * written as a string; k the string n was computed from) written back to
 * its box, the box's ns/n cache included. Called where the code is cold
 * (before a call, a CALL ON handler, HALT polling, the end of the region):
 * one call in place of the same statements written out for every register
 * at every such place, which V8 would otherwise have to compile.
 */
export function wb(b: Box, v: string | null | undefined, k: string | null | undefined, n: number): void {
  if (v === null) {
    b.v = b.ns = String(n);
    b.n = n;
    return;
  }
  b.v = v;
  if (k === null) {
    b.ns = undefined;
    b.n = NaN;
  } else {
    b.ns = k;
    b.n = n;
  }
}

/** plainInt of a variable's value, NaN when it has none (a register's integer cache). */
export function pint(v: string | undefined): number {
  return v === undefined ? NaN : plainInt(v);
}

/**
 * A call of a BIF that does not look into the pool, with its arguments
 * evaluated (codegen-expr.ts bif): its value, or undefined when the general
 * path (fn, with the variables in their boxes) must make the call: also when
 * the BIF table has changed since generation `gen`, the one the region was
 * generated with.
 */
export function bif(a: Activation, site: BifCallSite, gen: number, args: (string | undefined)[]): string | undefined {
  if (tableVersion.n !== gen) return undefined;
  return site(a, args);
}

/** CALL name (interpreter.ts callRoutine): the routine's value, undefined when it returned none. */
export function call(a: Activation, name: string, quoted: boolean, args: (string | undefined)[]): string | undefined {
  return ri(a).callRoutine(a, name, quoted, args, false);
}

/** A function call by the general path (expression.ts 'call'). */
export function fn(a: Activation, name: string, quoted: boolean, args: (string | undefined)[]): string {
  return ri(a).callFunction(a, name, quoted, args);
}

/** HALT polling with the registers written back first (they are loaded again after). */
export function pollNow(a: Activation): void {
  const r = ri(a);
  r.pollHalt(a);
  if (r.pending.length > 0) r.runPending(a);
}

export function nov(a: Activation, name: string): string {
  return ri(a).novalue(a, name);
}

/*
 * The stem helpers look a tail up by its string as it is: a tail that names
 * an element ('5', not '05' or '-0') is the same property as the number
 * (variables.ts Stem), and V8 finds the element from the string (its
 * array-index hash) faster than a scan of the digits here would, without
 * the box's integer cache being written for it. A tail held as an integer
 * (a register with no string yet) is looked up as that number.
 */

/** Compound variable stem.var (one simple symbol as the tail), as expression.ts reads it. */
export function cget1(a: Activation, st: Stem, b: Box, stem: string, name: string): string {
  const t = b.v ?? name;
  const v = st.get(t);
  return v !== undefined ? v : ri(a).novalue(a, stem + t);
}

/**
 * cget1 for a tail variable kept in a local (codegen-expr.ts registers):
 * v null means the value is String(n), an integer below 10**9 in
 * magnitude, which names element n when n >= 0 (String(-0) is '0').
 */
export function cgetR(a: Activation, st: Stem, v: string | null | undefined, n: number, stem: string, name: string): string {
  if (v === null) {
    if (n >= 0) {
      const x = st.getN(n);
      return x !== undefined ? x : ri(a).novalue(a, stem + String(n));
    }
    v = String(n);
  }
  const t = v ?? name;
  const x = st.get(t);
  return x !== undefined ? x : ri(a).novalue(a, stem + t);
}

/**
 * The integer value (plainInt) of compound variable stem.var, as cget1
 * finds it; NaN when it has no value (the string path raises NOVALUE).
 */
export function cint1(st: Stem, b: Box, name: string): number {
  return pint(st.get(b.v ?? name));
}

/** cint1 for a tail variable kept in a local (cgetR). */
export function cintR(st: Stem, v: string | null | undefined, n: number, name: string): number {
  return pint(v === null ? (n >= 0 ? st.getN(n) : st.get(String(n))) : st.get(v ?? name));
}

/** cint1 for any other tail (already evaluated). */
export function cint(st: Stem, t: string): number {
  return pint(st.get(t));
}

/** cset1 for a tail variable kept in a local. */
export function csetR(st: Stem, v: string | null | undefined, n: number, name: string, value: string): void {
  if (v === null) {
    if (n >= 0) st.setN(n, value);
    else st.set(String(n), value);
  } else st.set(v ?? name, value);
}

/** Compound variable with any other tail (already evaluated). */
export function cget(a: Activation, st: Stem, stem: string, t: string): string {
  const v = st.get(t);
  return v !== undefined ? v : ri(a).novalue(a, stem + t);
}

/** Assignment to stem.var (expression.ts buildSetter 'comp'). */
export function cset1(st: Stem, b: Box, name: string, v: string): void {
  st.set(b.v ?? name, v);
}

/*
 * A compound variable read and assigned in one clause (`x.t = x.t + 1`,
 * codegen-expr.ts assignComp) is looked up once: its tail's Box (ccell),
 * kept in the region's local cb, is read and written directly, and its
 * integer cache (Box ns/n) spares the next read a parse. The functions
 * below are Stem.get/set on that box.
 */

/**
 * The box of tail t for assignComp, null for a tail that starts with a
 * digit: elements ('5') are found fast among an object's elements and a box
 * for each would cost more than it saves (measured: +40% on `p.i = p.i + 1`
 * over 300000 elements), so those take the plain path, as do the rare
 * other digit-led tails ('05', '1A').
 */
export function ccell(st: Stem, t: string): Box | null {
  return digitLed(t) ? null : st.box(t);
}

/** Stem.get on the tail's box, NOVALUE (as cget) when it has no value. */
export function cbget(a: Activation, st: Stem, c: Box, stem: string, tail: string): string {
  const v = c.v;
  if (v !== undefined) return v;
  const d = st.dflt;
  return d !== undefined && !c.dropped ? d : ri(a).novalue(a, stem + tail);
}

/** The integer value (plainInt) of cbget's value; NaN when none (the string path raises NOVALUE). */
export function cbint(st: Stem, c: Box): number {
  if (c.v !== undefined) return int(c);
  const d = st.dflt;
  return d === undefined || c.dropped ? NaN : plainInt(d);
}

/** Stem.set on the tail's box. */
export function cbset(c: Box, v: string): void {
  c.v = v;
  c.dropped = false;
}

/** cbset of integer n (below 10**9 in magnitude), kept in the box's integer cache as well. */
export function cbsetI(c: Box, n: number): void {
  c.v = c.ns = String(n);
  c.n = n;
  c.dropped = false;
}

/** A dyadic arithmetic operator off the inline integer path (expression.ts binary). */
export function ar(a: Activation, op: ArithOp, x: string, y: string): string {
  const f = intArith(op, x, y, a.numeric.digits);
  if (f !== undefined) return f;
  if (a.traps.size > 0 && a.traps.has('LOSTDIGITS')) {
    ri(a).lostDigits(a, x);
    ri(a).lostDigits(a, y);
  }
  return arith(op, x, y, a.numeric);
}

export { fastCompare as cmp };

/** The pair arithmetic of compiled expressions (codegen-expr.ts genNum). */
export {
  pairOf as pof,
  pairAdd as padd,
  pairMul as pmul,
  pairDiv as pdiv,
  pairIntDiv as pidiv,
  pairPrefix as ppre,
  pairString as pstr,
} from '../arithmetic/pair.js';

/** The same above DIGITS 15, on Decimals (codegen-expr.ts genDec). */
export {
  chainOf as dof,
  chainOfInt as dint,
  chainAdd as dadd,
  chainMul as dmul,
  chainDiv as ddiv,
  chainIntDiv as didiv,
  chainPrefix as dpre,
  chainString as dstr,
} from '../arithmetic/chain.js';

export function pre(a: Activation, op: '+' | '-', x: string): string {
  return prefix(op, x, a.numeric);
}

/** Strict comparison (§7.2.3): exact code units, no padding. */
export function strict(x: string, y: string): number {
  return x === y ? 0 : x < y ? -1 : 1;
}

/** An operand of & | && \ (Error 34.sub when not 0 or 1). */
export function lg(v: string, op: string, sub: number): boolean {
  if (v === '1') return true;
  if (v === '0') return false;
  throw rexxError(34, sub, op, v);
}

/** The value of IF / WHEN / WHILE / UNTIL (Error 34.1 to 34.4). */
export function cond(v: string, sub: number): boolean {
  if (v === '1') return true;
  if (v === '0') return false;
  throw rexxError(34, sub, v);
}

export function and(x: boolean, y: boolean): boolean {
  return x && y;
}

export function or(x: boolean, y: boolean): boolean {
  return x || y;
}

export function say(a: Activation, v: string): void {
  ri(a).host.say(v);
}

export function exit(v: string | undefined): ExitSignal {
  return new ExitSignal(v);
}

/** RETURN (interpreter.ts step 'return'). */
export function ret(a: Activation, v: string | undefined): { value: string | undefined } {
  if (a.kind === 'main') throw new ExitSignal(v);
  if (a.kind === 'interpret') a.returned = true;
  return { value: v };
}

/** DO expr: the repetition count (Error 26.2). */
export function count(a: Activation, v: string): number {
  return repetitions(a, v, 2);
}

/** FOR expr (Error 26.3). */
export function forCount(a: Activation, v: string): number {
  return repetitions(a, v, 3);
}

/** Start, TO and BY must be numbers (Error 41.6, 41.4, 41.5). */
export { mustBeNumber as num };

export function norm(a: Activation, v: string): string {
  return normalize(v, a.numeric)!;
}

export { plainInt };

/**
 * The TO test off the integer path (interpreter.ts loopContinues): whether
 * the control variable has passed TO.
 */
export function toDone(a: Activation, b: Box, name: string, to: string, toI: number, byNeg: boolean): boolean {
  let v = b.v;
  if (v === undefined) v = ri(a).novalue(a, name);
  return pastTo(a, v, to, toI, byNeg);
}

/** Stepping the control variable off the integer path (interpreter.ts iterate; do-rules.ts stepped). */
export function stepVar(a: Activation, b: Box, name: string, by: string, byI: number): void {
  let cur = b.v;
  if (cur === undefined) cur = ri(a).novalue(a, name);
  b.v = stepped(a, cur, by, byI);
}

/** Run the pending CALL ON handlers at the end of a clause. */
export function pend(a: Activation): void {
  const r = ri(a);
  if (r.pending.length > 0) r.runPending(a);
}

export function step(a: Activation, c: Clause): void {
  ri(a).stepClause(a, c);
}

/** Note the clause being run when an exception leaves a region (interpreter.ts execute's catch). */
export function fault(a: Activation, pc: number): void {
  ri(a).faultPc = pc;
}
