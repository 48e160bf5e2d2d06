/**
 * INTERPRET strings that are only assignments (`x17 = 1234 * 3 + 2`,
 * `sum = sum + x17`), run in the caller's activation without the machinery a
 * general string needs: no Activation, no compiled clause array, and — the
 * first time a string is seen — no compiled closures either. Programs that
 * build INTERPRET strings in a loop mostly execute each distinct string once,
 * so compiling it would cost more than evaluating its small tree directly
 * (bench b8). A string executed again is compiled (compile/compileSetter of
 * expression.ts, cached on the tree) and runs as fast as in a program.
 *
 * This is only used when nothing could tell the difference from a separate
 * INTERPRET activation (interpreter.ts interpret()): TRACE off, no condition
 * trapped (so no NOVALUE, LOSTDIGITS or SYNTAX handling, no CALL ON handler
 * queued), and no function calls in the expressions (a called routine would
 * see the activation). What remains observable — the variables set and the
 * errors raised, which the caller reports at the INTERPRET clause's line —
 * is the same. A property test (test/rexx/evaluator/interpret-direct.test.ts)
 * compares evalTree with the compiled closures.
 *
 * A string seen for the first time has not even been made into a tree: the
 * fast front end's scan (parser/fast-path.ts) is evaluated as it stands
 * (runScanned), operator precedence applied with two stacks the way
 * buildTree does, so operands are evaluated and operations applied in the
 * same order as in the tree. The same property test compares it with
 * runDirect on the tree. Such a string may also hold DO loops (`do j = 1
 * to 5; s = s + j * 7; end`), run from the scan as well (scanned-loop.ts;
 * its property test compares them with the clause loop).
 */
import type { Expr, Program, VarRef } from '../ast.js';
import type { Activation } from './activation.js';
import { arith, type ArithOp } from '../arithmetic/decimal.js';
import { compile, compileSetter, intArith, intOp, plainInt, type Compiled, type Runtime } from './expression.js';
import { ASSIGN, CONSTANT, DO, NUMBER, SIMPLE, STRING, scanned, type ScanSpec } from '../parser/fast-path.js';
import type { DoPart } from './do-rules.js';
import { nextIteration, startLoop, type ScannedLoop } from './scanned-loop.js';
import { nameRef, symbolNameExpr } from '../parser/symbols.js';

/** A string of assignments, ready to run. */
export interface DirectPlan {
  refs: VarRef[];
  exprs: Expr[];
  /** times run: the first run walks the trees, later runs use closures */
  runs: number;
  compiled: Compiled[] | undefined;
  setters: ((a: Activation, v: string) => void)[] | undefined;
}

/** Whether an expression calls nothing (its evaluation cannot see the activation). */
function callFree(e: Expr): boolean {
  switch (e.k) {
    case 'call':
      return false;
    case 'bin':
    case 'concat':
      return callFree(e.l) && callFree(e.r);
    case 'pre':
      return callFree(e.e);
    default:
      return true;
  }
}

/** The plan of a program made only of assignments of call-free expressions; null otherwise. */
export function directPlan(prog: Program): DirectPlan | null {
  const refs: VarRef[] = [];
  const exprs: Expr[] = [];
  for (const c of prog.clauses) {
    if (c.k !== 'assign' || !callFree(c.e)) return null;
    refs.push(c.ref);
    exprs.push(c.e);
  }
  return { refs, exprs, runs: 0, compiled: undefined, setters: undefined };
}

function isArith(op: string): op is ArithOp {
  return op === '+' || op === '-' || op === '*' || op === '/' || op === '%' || op === '//' || op === '**';
}

/** A dyadic arithmetic operation, as the compiled operator does it (expression.ts binary). */
function applyArith(a: Activation, op: ArithOp, x: string, y: string): string {
  // the small-integer path, then the exact one
  const f = intArith(op, x, y, a.numeric.digits);
  return f !== undefined ? f : exactArith(a, op, x, y);
}

/** applyArith past its small-integer path (which is known to decline). */
function exactArith(a: Activation, op: ArithOp, x: string, y: string): string {
  if (a.traps.size > 0 && a.traps.has('LOSTDIGITS')) {
    (a.interp as Runtime).lostDigits(a, x);
    (a.interp as Runtime).lostDigits(a, y);
  }
  return arith(op, x, y, a.numeric);
}

/**
 * The value of e, as compile(e)(a) gives it, without making closures for the
 * commonest nodes (literals, simple variables, arithmetic, concatenation).
 * Other nodes are handed to their compiled closure.
 */
export function evalTree(a: Activation, e: Expr): string {
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'var': {
      const v = a.pool.simple.get(e.name)?.v;
      return v !== undefined ? v : (a.interp as Runtime).novalue(a, e.name);
    }
    case 'concat': {
      const l = evalTree(a, e.l);
      const r = evalTree(a, e.r);
      return e.blank ? l + ' ' + r : l + r;
    }
    case 'bin': {
      const op = e.op;
      if (!isArith(op)) break;
      const x = evalTree(a, e.l);
      return applyArith(a, op, x, evalTree(a, e.r));
    }
  }
  return compile(e)(a);
}

/**
 * Run the assignments in order in activation a. `poll` is called before each
 * (the interpreter's HALT polling, which counts clauses).
 */
export function runDirect(a: Activation, plan: DirectPlan, poll: (a: Activation) => void): void {
  const n = plan.refs.length;
  if (plan.runs++ === 0) {
    for (let i = 0; i < n; i++) {
      poll(a);
      const v = evalTree(a, plan.exprs[i]!);
      const ref = plan.refs[i]!;
      if (ref.k === 'var') a.pool.box(ref.name).v = v;
      else compileSetter(ref)(a, v);
    }
    return;
  }
  const es = (plan.compiled ??= plan.exprs.map(compile));
  const ss = (plan.setters ??= plan.refs.map(compileSetter));
  for (let i = 0; i < n; i++) {
    poll(a);
    ss[i]!(a, es[i]!(a));
  }
}

/** The precedence of the operators the scan reads (lexer/operators.ts): || < + - < * / % //. */
function prec(op: string): number {
  return op === '||' ? 4 : op === '+' || op === '-' ? 5 : 6;
}

/**
 * The value stack of evalScanned (reused: it does not run twice at once).
 * An entry is a string (strs) and its plainInt value (ints), either of
 * which may not be made yet: an integer result has no string until one is
 * needed (strs undefined, ints its value), and a string not yet examined
 * has UNKNOWN for its value. So `x17 = 17 * 3 + 4` parses no number and
 * makes one string.
 */
const strs: (string | undefined)[] = [];
const ints: number[] = [];
const opStack: string[] = [];
/** ints[k] not yet computed (plainInt never gives an infinity) */
const UNKNOWN = Infinity;

function strAt(k: number): string {
  let v = strs[k];
  if (v === undefined) v = strs[k] = String(ints[k]!);
  return v;
}

function intAt(k: number): number {
  let n = ints[k]!;
  if (n === UNKNOWN) n = ints[k] = plainInt(strs[k]!);
  return n;
}

/** Push the value of term i of the scan at stack position k (what evalTree gives for its tree). */
function pushTerm(a: Activation, k: number, i: number): void {
  const kind = scanned.termKind[i];
  const sym = scanned.terms[i]!;
  if (kind === NUMBER) {
    // a whole number (its string String(n), made when needed)
    strs[k] = undefined;
    ints[k] = scanned.ints[i]!;
  } else if (kind === STRING) {
    strs[k] = sym;
    ints[k] = UNKNOWN;
  } else if (kind === CONSTANT) {
    strs[k] = sym;
    ints[k] = scanned.ints[i]!;
  } else if (kind === SIMPLE) {
    const b = a.pool.simple.get(sym);
    const v = b?.v;
    if (v === undefined) {
      strs[k] = (a.interp as Runtime).novalue(a, sym);
      ints[k] = UNKNOWN;
    } else {
      strs[k] = v;
      ints[k] = v === b!.ns ? b!.n : UNKNOWN;
    }
  } else {
    strs[k] = compile(symbolNameExpr(sym))(a);
    ints[k] = UNKNOWN;
  }
}

/** Replace stack entries k and k + 1 by the result of operator op on them (as the tree's node computes it). */
function applyAt(a: Activation, op: string, k: number): void {
  if (op === '||') {
    strs[k] = strAt(k) + strAt(k + 1);
    ints[k] = UNKNOWN;
    return;
  }
  const x = intAt(k);
  const y = intAt(k + 1);
  // (x and y are what intArith reads from the strings: when intOp declines, so does intArith)
  const r = x === x && y === y ? intOp(op, x, y, a.numeric.digits) : NaN;
  if (r === r) {
    strs[k] = undefined;
    ints[k] = r;
  } else {
    strs[k] = exactArith(a, op as ArithOp, strAt(k), strAt(k + 1));
    ints[k] = UNKNOWN;
  }
}

/**
 * Evaluate the expression scanned as terms[from .. to) onto the bottom of
 * the stack, as evalTree(exprOf(from, to)) evaluates it: operands in order,
 * operators applied with the precedence and left-to-right grouping buildTree
 * gives them.
 */
function evalScannedAt(a: Activation, from: number, to: number): void {
  const O = scanned.ops;
  let nv = 0;
  let no = 0;
  for (let i = from; ; i++) {
    pushTerm(a, nv++, i);
    if (i === to - 1) break;
    const op = O[i]!;
    const p = prec(op);
    while (no > 0 && prec(opStack[no - 1]!) >= p) {
      nv--;
      applyAt(a, opStack[--no]!, nv - 1);
    }
    opStack[no++] = op;
  }
  while (no > 0) {
    nv--;
    applyAt(a, opStack[--no]!, nv - 1);
  }
}

/** The value of the expression scanned as terms[from .. to), as evalTree(exprOf(from, to)) gives it. */
export function evalScanned(a: Activation, from: number, to: number): string {
  evalScannedAt(a, from, to);
  return strAt(0);
}

/**
 * Run the last scan (which read only assignments, DO and END: scannedDirect)
 * in activation a, as the clause loop would run its program (DO loops:
 * scanned-loop.ts). A simple variable set to an integer gets its integer
 * value too (the Box cache the compiled expressions read).
 */
export function runScanned(a: Activation, poll: (a: Activation) => void): void {
  const s = scanned;
  const n = s.clauses;
  let loops: ScannedLoop[] | undefined;
  for (let k = 0; k < n; ) {
    poll(a);
    const kind = s.kind[k];
    if (kind === ASSIGN) {
      assignScanned(a, k);
      k++;
    } else if (kind === DO) {
      const l = startLoop(a, s.spec[k]!, evalPart);
      if (l === null) k = s.to[k]! + 1;
      else {
        (loops ??= []).push(l);
        k++;
      }
    } else {
      // END: of the innermost loop (the scan matched them)
      const l = loops![loops!.length - 1]!;
      if (l.repetitive && nextIteration(a, l)) k = s.from[k]! + 1;
      else {
        loops!.pop();
        k++;
      }
    }
  }
}

/** Part p of the specification of a DO of the last scan (its range evaluated where it stands). */
function evalPart(a: Activation, spec: ScanSpec, p: DoPart): string {
  const r = spec[p]!;
  return evalScanned(a, r.from, r.to);
}

/** Assignment k of the last scan. */
function assignScanned(a: Activation, k: number): void {
  const s = scanned;
  evalScannedAt(a, s.from[k]!, s.to[k]!);
  const v = strAt(0);
  const target = s.sym[k]!;
  if (target.indexOf('.') < 0) {
    const b = a.pool.box(target);
    b.v = v;
    const iv = ints[0]!;
    if (iv !== UNKNOWN) {
      b.ns = v;
      b.n = iv;
    }
  } else compileSetter(nameRef(target))(a, v);
}
