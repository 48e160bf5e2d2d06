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
 * runDirect on the tree.
 */
import type { Expr, Program, VarRef } from '../ast.js';
import type { Activation } from './activation.js';
import { arith, type ArithOp } from '../arithmetic/decimal.js';
import { compile, compileSetter, intArith, type Compiled, type Runtime } from './expression.js';
import { scanned } from '../parser/fast-path.js';
import { isConstantSymbol, nameRef, symbolNameExpr } from '../parser/symbols.js';

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
  if (f !== undefined) return f;
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

/** The value of the term scanned as symbol `sym` (what evalTree gives for symbolNameExpr(sym)). */
function termValue(a: Activation, sym: string): string {
  if (isConstantSymbol(sym)) return sym;
  if (sym.indexOf('.') < 0) {
    const v = a.pool.simple.get(sym)?.v;
    return v !== undefined ? v : (a.interp as Runtime).novalue(a, sym);
  }
  return compile(symbolNameExpr(sym))(a);
}

/** The precedence of the operators the scan reads (lexer/operators.ts): || < + - < * / % //. */
function prec(op: string): number {
  return op === '||' ? 4 : op === '+' || op === '-' ? 5 : 6;
}

/** A dyadic operation the scan reads: || (a concat node), or arithmetic. */
function apply(a: Activation, op: string, x: string, y: string): string {
  return op === '||' ? x + y : applyArith(a, op as ArithOp, x, y);
}

/** Value and operator stacks of evalScanned (reused: it does not run twice at once). */
const vals: string[] = [];
const opStack: string[] = [];

/** The value of the expression scanned as terms[from .. to), as evalTree(exprOf(from, to)) gives it. */
export function evalScanned(a: Activation, from: number, to: number): string {
  const T = scanned.terms;
  const Q = scanned.quoted;
  const O = scanned.ops;
  let nv = 0;
  let no = 0;
  for (let i = from; ; i++) {
    vals[nv++] = Q[i] ? T[i]! : termValue(a, T[i]!);
    if (i === to - 1) break;
    const op = O[i]!;
    const p = prec(op);
    while (no > 0 && prec(opStack[no - 1]!) >= p) {
      const y = vals[--nv]!;
      vals[nv - 1] = apply(a, opStack[--no]!, vals[nv - 1]!, y);
    }
    opStack[no++] = op;
  }
  while (no > 0) {
    const y = vals[--nv]!;
    vals[nv - 1] = apply(a, opStack[--no]!, vals[nv - 1]!, y);
  }
  return vals[0]!;
}

/**
 * Run the assignments of the last scan (which read only assignments) in
 * activation a, as runDirect would run their program.
 */
export function runScanned(a: Activation, poll: (a: Activation) => void): void {
  const s = scanned;
  const n = s.clauses;
  for (let k = 0; k < n; k++) {
    poll(a);
    const v = evalScanned(a, s.from[k]!, s.to[k]!);
    const target = s.sym[k]!;
    if (target.indexOf('.') < 0) a.pool.box(target).v = v;
    else compileSetter(nameRef(target))(a, v);
  }
}
