/**
 * The region compiler: a repetitive DO loop of the flat clause array, with
 * everything nested in it, becomes one JavaScript function (new Function):
 * DO loops become JavaScript loops, LEAVE and ITERATE labelled break and
 * continue, IF and SELECT if/else, variables locals holding their boxes,
 * and expressions JavaScript (codegen-expr.ts) with inline integer paths.
 * The clause loop (interpreter.ts execute) calls the function at the DO
 * clause when TRACE is N or O, and carries on after the loop's END.
 *
 * The function does what the clause loop would do, clause by clause
 * (ANSI X3.274-1996 §7.3.x DO and §8 "Evaluation"):
 *  - the local `pc` and a.line follow the clause being run, so an error
 *    reports the same clause and line (execute's catch reads faultPc), and
 *    SIGL, CONDITION and tracebacks are unchanged;
 *  - pending CALL ON handlers run at the end of each clause that can raise
 *    one (a command, a function call, a clause run by the clause loop's code);
 *  - HALT is polled once per iteration;
 *  - the DO rules are the clause loop's: start, TO, BY and FOR evaluated
 *    once in the order written, the control variable read back from its box
 *    at each step (the body may change it), the same errors (26.2, 26.3,
 *    41.4-41.6, 34.3, 34.4).
 *  - in a region that calls nothing but BIFs that see only their
 *    arguments (no other function call, no CALL, no clause run by the
 *    clause loop's code), variables live in JavaScript locals — an integer
 *    result is not written as a string until something needs the string —
 *    and go back to their boxes when the region ends or throws, and around
 *    what can look into the pool: a CALL ON handler, HALT polling, a BIF
 *    name shadowed by a label (each reloads them after: they may have
 *    changed).
 * Regions with what the clause loop must see (a label, SIGNAL, TRACE or
 * TRACE(), PROCEDURE, a compound control variable, LEAVE or ITERATE of a
 * loop outside the region) are not compiled. INTERPRET is (see interpret()).
 */
import type { Clause, Program, Expr } from '../ast.js';
import type { Activation } from './activation.js';
import { structureLoop, type Node } from './codegen-structure.js';
import { ExprGen, NotCompilable, hasCall, digitsClass, type DigitsClass } from './codegen-expr.js';
import * as runtime from './codegen-runtime.js';
import { RexxError } from '../errors.js';
import { regionParse } from './parse-region.js';
import { LoopTransfer } from './signals.js';
import { loopFrame, resume } from './codegen-resume.js';
import { genConcat } from './codegen-concat.js';
import { procedureReach } from './procedure-reach.js';
import { guardDecls } from './codegen-bif.js';

export type RegionFn = (a: Activation) => { value: string | undefined } | undefined;

/** The environment, where the host has one (the interpreter itself needs none: DESIGN.md §3). */
const ENV = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;

/**
 * Switches for tests. `enabled`: compiled regions run (false: the clause
 * loop runs every loop, for tests that compare the two). `strict`: a
 * generated source that JavaScript refuses (new Function throws: a defect of
 * the generator) is an error instead of a region left to the clause loop,
 * which would show only as lost speed; on under vitest (which sets VITEST
 * in the environment) or with VMREXX_CODEGEN_STRICT=1, off in production.
 */
export const codegenOptions = {
  enabled: true,
  strict: ENV !== undefined && (ENV['VITEST'] !== undefined || ENV['VMREXX_CODEGEN_STRICT'] === '1'),
  /** region functions primed for V8 when made (prime()); off with VMREXX_CODEGEN_PRIME=0, for measuring */
  prime: ENV?.['VMREXX_CODEGEN_PRIME'] !== '0',
};

/** The runtime functions, as locals of the generated code (r_name). */
const RUNTIME_NAMES = Object.keys(runtime).filter((k) => typeof (runtime as Record<string, unknown>)[k] === 'function');

interface Loop {
  label: string;
  ctrl: string | undefined;
}

/** A DO the code being generated is inside of, with the locals of its state (for the clause loop's frame: codegen-resume.ts). */
interface Open {
  idx: number;
  /** JavaScript expressions: the FOR or repetition count left (-1: none), TO and BY (undefined: none) */
  left: string;
  to: string;
  by: string;
}

class RegionGen {
  private readonly x = new ExprGen();
  private readonly loops: Loop[] = [];
  private readonly open: Open[] = [];
  private nLoops = 0;

  constructor(
    private readonly clauses: readonly Clause[],
    /** the clause loop's closure for a plain clause (null: its step) */
    private readonly plain: (c: Clause) => ((a: Activation) => unknown) | null,
    /** the NUMERIC DIGITS class to generate for (a region that cannot change NUMERIC: ExprGen.dclass), undefined: any */
    dclass: DigitsClass | undefined,
  ) {
    this.x.dclass = dclass;
  }

  /** Set the clause being run: its index for errors, its line for SIGL and reports. */
  private at(i: number): string {
    this.x.clause();
    return `pc = ${i}; a.line = ${this.clauses[i]!.line};\n`;
  }

  private block(nodes: Node[]): string {
    return nodes.map((n) => this.node(n)).join('');
  }

  private node(n: Node): string {
    switch (n.k) {
      case 'clause':
        return this.clause(n.idx);
      case 'if': {
        const c = this.clauses[n.idx] as Extract<Clause, { k: 'if' }>;
        let s = this.at(n.idx) + `${this.ifCond(c.e, 1)} {\n${this.block(n.then)}}`;
        if (n.else) s += ` else {\n${this.block(n.else)}}`;
        return s + '\n';
      }
      case 'select': {
        // WHEN tests in turn; no OTHERWISE: the 'error' clause raises 7.3
        let tail: string;
        if (n.otherwise) tail = this.block(n.otherwise);
        else tail = this.at(n.errIdx) + `r_step(a, ${this.x.konst(this.clauses[n.errIdx])});\n`;
        for (let i = n.whens.length - 1; i >= 0; i--) {
          const w = n.whens[i]!;
          const c = this.clauses[w.idx] as Extract<Clause, { k: 'when' }>;
          tail = this.at(w.idx) + `${this.ifCond(c.e, 2)} {\n${this.block(w.body)}} else {\n${tail}}\n`;
        }
        return tail;
      }
      case 'do':
        return this.loop(n);
    }
  }

  /**
   * `if (cond)` for a condition of IF (34.1), WHEN (34.2), WHILE (34.3) or
   * UNTIL (34.4), negated for WHILE. When the expression calls a function,
   * the pending CALL ON handlers run after it is evaluated and before the
   * branch is taken (the end of the clause that evaluates it).
   */
  private ifCond(e: Expr, sub: number, negate = false): string {
    const c = this.x.genCond(e, sub);
    const not = negate ? '!' : '';
    if (!hasCall(e)) return `if (${not}(${c}))`;
    return `cond = ${c};\n${this.x.pend()}if (${not}cond)`;
  }

  private clause(i: number): string {
    const c = this.clauses[i]!;
    const x = this.x;
    switch (c.k) {
      case 'nop':
        return '';
      case 'assign': {
        let s = this.at(i);
        const ref = c.ref;
        if (ref.k === 'var') {
          const e = c.e;
          const ni = e.k === 'bin' && e.op !== '**' ? x.genIntTop(e) : null;
          if (ni !== null && e.k === 'bin') {
            // an integer result also goes into the box's integer cache (interpreter.ts compileClause 'assign')
            const t = x.temp();
            const slow = x.genArith(e); // (with the pair and chain paths of codegen-expr.ts)
            s += `if ((${t} = ${ni}) === ${t}) { ${x.setInt(ref.name, t)} } else ${x.setStr(ref.name, slow)}`;
          } else s += (e.k === 'var' ? x.copyVar(ref.name, e.name) : null) ?? x.setStr(ref.name, genConcat(x, e));
        } else if (ref.k === 'stem') {
          s += `${x.stem(ref.name)}.assignAll(${x.genStr(c.e)});\n`;
        } else s += x.assignComp(ref.stem, ref.tail, c.e) ?? x.setComp(ref.stem, ref.tail, x.genStr(c.e));
        return s + (hasCall(c.e) ? x.pend() : '');
      }
      case 'say':
        if (!c.e) break;
        return this.at(i) + `r_say(a, ${genConcat(x, c.e)});\n` + (hasCall(c.e) ? x.pend() : '');
      case 'leave':
      case 'iterate': {
        const target = this.target(c.name);
        // ITERATE steps the loop with this clause current (interpreter.ts leaveIterate)
        if (c.k === 'leave') return `break ${target};\n`;
        return this.at(i) + `continue ${target};\n`;
      }
      case 'exit':
        return this.at(i) + `throw r_exit(${c.e ? x.genStr(c.e) : 'undefined'});\n`;
      case 'return':
        // (the registers go back to their boxes before the caller sees the pool)
        return this.at(i) + `t = ${c.e ? x.genStr(c.e) : 'undefined'};\n${x.flush()}return r_ret(a, t);\n`;
      default:
        break;
    }
    // everything else: the clause loop's own code for the clause
    if (c.k === 'call' && c.name === 'TRACE') throw new NotCompilable(); // CALL TRACE changes the region's tracing
    if (c.k === 'call') return this.call(i, c);
    if (c.k === 'interpret') return this.interpret(i, c);
    const f = this.plain(c);
    const at = this.at(i);
    // PARSE VAR / VALUE: run by the region itself, not by the clause's closure (parse-region.ts)
    const parse = c.k === 'parse' ? regionParse(c, x) : null;
    if (parse !== null) return at + parse;
    x.escape();
    const call = f ? `${x.konst(f)}(a);\n` : `r_step(a, ${x.konst(c)});\n`;
    return at + x.outsideStmt(call) + x.pend();
  }

  /**
   * CALL name [args] (interpreter.ts compileClause 'call'): the arguments
   * evaluated here in order, the locals written back around the call (the
   * routine may look into the pool, and change it), then RESULT set, or
   * dropped when the routine returned nothing. A routine that starts with
   * PROCEDURE sees only what it exposes, and SIGL (procedure-reach.ts):
   * those stay in their boxes, the others in locals across the call.
   */
  private call(i: number, c: Extract<Clause, { k: 'call' }>): string {
    const x = this.x;
    const reach = c.quoted ? null : procedureReach(this.clauses, c.name);
    if (reach === null) x.escape();
    else for (const n of reach) x.pinned.add(n);
    let s = this.at(i);
    // (the arguments before the write-back: a function call in one writes back and reloads on its own)
    const v = x.site();
    s += `${v} = [${c.args.map((e) => (e ? x.genStr(e) : 'undefined')).join(', ')}];\n`;
    const run = `t = r_call(a, ${JSON.stringify(c.name)}, ${c.quoted}, ${v});\na.line = ${c.line};\n`;
    s += reach === null ? x.outsideStmt(run) : run;
    // (t: the routine's value, undefined when it returned none)
    s += x.setStr('RESULT', 't');
    return s + x.pend();
  }

  /**
   * INTERPRET (interpreter.ts interpretString): the string runs in the
   * activation, where it can read and set any variable (so the region keeps
   * none in locals), change NUMERIC settings (read afresh by the generated
   * code), SIGNAL (an exception the clause loop takes, as from a call) or
   * RETURN. When it turned tracing on, or ran LEAVE or ITERATE, the clause
   * loop takes over at the next clause with the region's loops as its DO
   * frames (codegen-resume.ts): traced clauses are its to run, and it
   * applies LEAVE and ITERATE, and runs the CALL ON handlers pending, in
   * its own order.
   */
  private interpret(i: number, c: Extract<Clause, { k: 'interpret' }>): string {
    const x = this.x;
    x.escape();
    const frames = this.open
      .map((o) => `${x.konst(loopFrame)}(${x.konst(this.clauses[o.idx])}, ${o.idx}, ${o.left}, ${o.to}, ${o.by})`)
      .join(', ');
    return (
      this.at(i) +
      `t = ${genConcat(x, c.e)};\n` +
      x.outsideStmt('w = I.interpretString(a, t);\n') +
      `if (w !== undefined || (a.trace !== "N" && a.trace !== "O")) {\n${x.flush()}live = false;\n` +
      `if (w !== undefined && !(w instanceof ${x.konst(LoopTransfer)})) return w;\n` +
      `${x.konst(resume)}(a, [${frames}], ${i + 1});\n` +
      `if (w !== undefined) I.loopTransfer(a, w);\nreturn undefined;\n}\n` +
      x.pend()
    );
  }

  /** The label of the loop LEAVE/ITERATE [name] applies to (§7.3.x: the innermost, or the one with that control variable). */
  private target(name: string | undefined): string {
    for (let i = this.loops.length - 1; i >= 0; i--) {
      const l = this.loops[i]!;
      if (name === undefined || l.ctrl === name) return l.label;
    }
    throw new NotCompilable(); // a loop outside the region (or none: the clause loop raises Error 28)
  }

  private loop(n: Extract<Node, { k: 'do' }>): string {
    const c = this.clauses[n.idx] as Extract<Clause, { k: 'do' }>;
    const spec = c.spec;
    if (spec.kind === 'simple') {
      this.open.push({ idx: n.idx, left: '-1', to: 'undefined', by: 'undefined' });
      const body = this.block(n.body);
      this.open.pop();
      return this.at(n.idx) + `{\n${body}}\n`;
    }
    const x = this.x;
    const k = this.nLoops++;
    const label = `L${k}`;
    const first = `f${k}`;
    const left = `c${k}`;
    let init = this.at(n.idx);
    let decl = `let ${first} = true`;
    let ctrl: string | undefined;
    let cb = '';
    let to = '';
    let by = '';
    const hasFor = spec.kind === 'count' || (spec.kind === 'ctrl' && spec.for !== undefined);
    if (hasFor) decl += `, ${left} = 0`;
    if (spec.kind === 'count') {
      init += `${left} = r_count(a, ${x.genStr(spec.count!)});\n` + (hasCall(spec.count) ? x.pend() : '');
    } else if (spec.kind === 'ctrl') {
      const ref = spec.ctrl!;
      if (ref.k !== 'var') throw new NotCompilable();
      ctrl = ref.name;
      cb = x.box(ctrl);
      // start, then TO / BY / FOR in the order written, each evaluated once (interpreter.ts doStart)
      init += `{ const st = r_num(${x.genStr(spec.start!)}, 6);\n`;
      for (const key of spec.order) {
        const v = x.genStr(spec[key]!);
        if (key === 'to') init += `to${k} = r_norm(a, r_num(${v}, 4));\n`;
        else if (key === 'by') init += `by${k} = r_norm(a, r_num(${v}, 5));\n`;
        else init += `${left} = r_forCount(a, ${v});\n`;
      }
      init += x.setStr(ctrl, 'r_norm(a, st)') + '}\n';
      if (spec.to) {
        to = `to${k}`;
        decl += `, ${to} = "", ${to}I = 0`;
        init += `${to}I = r_plainInt(${to});\n`;
      }
      by = `by${k}`;
      decl += `, ${by} = "1", ${by}I = 1, ${by}N = false`;
      if (spec.by) init += `${by}I = r_plainInt(${by}); ${by}N = ${by}.startsWith("-");\n`;
      if ([spec.start, spec.to, spec.by, spec.for].some((e) => hasCall(e))) init += x.pend();
    }
    this.loops.push({ label, ctrl });
    this.open.push({ idx: n.idx, left: hasFor ? left : '-1', to: to || 'undefined', by: ctrl === undefined ? 'undefined' : by });
    const body = this.block(n.body);
    this.open.pop();
    this.loops.pop();
    const cbInt = ctrl === undefined ? '' : x.intRead(ctrl);
    // the slow paths read (and step) the control variable in its box
    const viaBox = (code: string): string => (ctrl === undefined ? code : `{\n${x.flush(ctrl)}${code}${x.load(ctrl)}}\n`);
    // end of an iteration (after END, or ITERATE): UNTIL, then step the control variable
    let next = '';
    if (spec.untilE) next += `${this.ifCond(spec.untilE, 4)} break ${label};\n`;
    // (below DIGITS 9 the integer paths never run (nor does DIGITS-FUZZ reach 9): the slow paths alone)
    const ints = x.dclass !== 'below9';
    // code run at the top of every iteration, the first included (see below)
    let top = '';
    if (ctrl !== undefined) {
      const t = x.temp();
      const p = x.temp();
      const slow = viaBox(`r_stepVar(a, ${cb}, ${JSON.stringify(ctrl)}, ${by}, ${by}I);\n`);
      const fits = `${by}I === ${by}I && ${x.digits9()} && (${p} = ${cbInt}) === ${p} && (${t} = ${p} + ${by}I) < 1e9 && ${t} > -1e9`;
      if (!ints) next += slow;
      else if (!x.regs.has(ctrl) || hasCall(spec.untilE)) next += `if (${fits}) { ${x.setInt(ctrl, t)} }\n` + `else ${slow}`;
      else {
        // A control variable in a local: whether its step stays an integer is
        // worked out at the top of every iteration, the first included, and
        // used from the second on. Between the two only UNTIL runs, and one
        // that calls nothing cannot change the variable (a function call
        // could raise a condition whose CALL ON handler runs before the step
        // and sets it: that loop steps as above). V8 compiles code that has not run yet as a
        // bail-out (no type feedback); an outer loop whose first iteration
        // runs an inner loop long enough for V8 to optimize the region would
        // otherwise bail out of that code at its first step, and wait for
        // the region to be compiled again (measured on bench b4).
        top += `sk${k} = ${fits};\n`;
        decl += `, sk${k} = false`;
        next += `if (sk${k}) { ${x.setInt(ctrl, t)} }\n` + `else ${slow}`;
      }
    }
    // the tests at the top of each iteration: TO, FOR/count, WHILE (interpreter.ts loopContinues)
    let tests = '';
    if (to) {
      const p = x.temp();
      const slow = viaBox(`if (r_toDone(a, ${cb}, ${JSON.stringify(ctrl)}, ${to}, ${to}I, ${by}N)) break ${label};\n`);
      if (!ints) tests += slow;
      else
        tests +=
          `if (${to}I === ${to}I && ${x.fuzz9()} && (${p} = ${cbInt}) === ${p}) { if (${by}N ? ${p} < ${to}I : ${p} > ${to}I) break ${label}; }\n` +
          `else ${slow}`;
    }
    if (hasFor) tests += `if (${left} === 0) break ${label};\n${left}--;\n`;
    if (spec.whileE) tests += `${this.ifCond(spec.whileE, 3, true)} break ${label};\n`;
    // END: the clause being run, for the step, UNTIL, the tests and HALT
    // polling at the top of the next iteration (ITERATE sets its own); its
    // line is set there, by code that runs in the first iteration as well
    // (a store run first after V8 has optimized the region would bail out)
    const end = this.clauses[n.endIdx]!;
    this.x.clause();
    return (
      `{ ${decl};\n${init}` +
      `${label}: for (;; ${first} = false) {\n` +
      `a.line = pc === ${n.endIdx} ? ${end.line} : a.line;\n` +
      top +
      (next ? `if (!${first}) {\n${next}}\n` : '') +
      tests +
      this.tick() +
      body +
      `pc = ${n.endIdx};\n` +
      '}\n}\n'
    );
  }

  /**
   * HALT polling (interpreter.ts execute: every 256 clauses; here once per
   * iteration), with the registers in their boxes while a CALL ON HALT
   * handler may run.
   */
  private tick(): string {
    // (halt: whether the host polls at all, read once when the region starts
    // (a host's pollHalt is a method of its class): a read of I.host.pollHalt
    // first made after V8 has optimized the loop, at the 256th iteration,
    // would throw the optimized code away)
    return `if ((++I.clauseCount & 255) === 0 && halt) {\n${this.x.outsideStmt('r_pollNow(a);\n')}}\n`;
  }

  /** The source of the function that makes the region function. */
  source(root: Extract<Node, { k: 'do' }>): string {
    const x = this.x;
    x.numFixed = numericFixed(this.clauses, root);
    if (!x.numFixed) x.dclass = undefined;
    const code = this.loop(root);
    // (only the runtime functions the code uses: less for V8 to parse and keep)
    const used = new Set([...code.matchAll(/\br_(\w+)/g)].map((m) => m[1]));
    let s = RUNTIME_NAMES.filter((k) => used.has(k) || k === 'fault' || k === 'wb').map((k) => `const r_${k} = R.${k};\n`).join('');
    s += x.consts.map((_, i) => `const k${i} = K[${i}];\n`).join('');
    // (called with null: the priming call of instantiate, n turns of an empty loop)
    s += 'return function region(a, n) {\nprime: {\nif (a === null) {\nfor (let i = n; i > 0; i--);\nbreak prime;\n}\n';
    for (const [name, b] of x.boxes) s += `const ${b} = a.pool.box(${JSON.stringify(name)});\n`;
    for (const [name, st] of x.stems) s += `const ${st} = a.pool.stem(${JSON.stringify(name)});\n`;
    s += x.declare();
    s += guardDecls(x);
    if (x.numFixed) s += 'const dg = a.numeric.digits, d9 = dg >= 9, f9 = dg - a.numeric.fuzz >= 9, d15 = dg > 15;\n';
    s += `const I = a.interp;\nconst halt = !!I.host.pollHalt;\nlet pc = ${root.idx}, t = "", u = "", cond = false, live = true, w = undefined, cb = null`;
    for (let i = 0; i < x.nSites; i++) s += `, v${i} = []`;
    for (let i = 0; i < x.maxTemp; i++) s += `, n${i} = 0`;
    s += ';\na.procedureAllowed = false;\n';
    s += `try {\n${code}} catch (e) {\nif (live) {\n${x.flush()}}\nr_fault(a, pc);\nthrow e;\n}\n`;
    s += `${x.flush()}a.pc = ${root.endIdx + 1};\nreturn undefined;\n}\nreturn undefined;\n};\n`;
    return s;
  }

  consts(): unknown[] {
    return this.x.consts;
  }

  /**
   * Whether nothing in the region reads or sets variables behind the
   * generated code's back. (Keeping the variables in locals also where calls
   * run only in IF/SELECT branches, written back and reloaded around each,
   * measured slower on bench b9: 0.52 s against 0.44 s.)
   */
  closed(): boolean {
    return !this.x.escapes;
  }

  /** The simple variables of the region that can live in locals (all but the pinned: codegen-expr.ts). */
  registers(): string[] {
    return [...this.x.boxes.keys()].filter((n) => !this.x.pinned.has(n));
  }

  /** Generate again with these variables in locals (the first generation found the region closed). */
  promote(names: string[]): void {
    for (const n of names) this.x.regs.add(n);
  }
}

/**
 * Whether nothing in the region can change its NUMERIC settings: no
 * NUMERIC, no INTERPRET (a routine called from it, a CALL ON handler
 * included, changes only its own copy: activation.ts ownNumeric).
 */
function numericFixed(clauses: readonly Clause[], root: Extract<Node, { k: 'do' }>): boolean {
  return clauses.slice(root.idx, root.endIdx + 1).every((c) => c.k !== 'numeric' && c.k !== 'interpret');
}

/**
 * The compiled form of the repetitive DO loop at clause doIdx, or null when
 * it has something the clause loop must run. `plain` gives the clause
 * loop's closure for a clause without control flow of its own.
 *
 * A region that cannot change NUMERIC gets one variant per DIGITS class
 * (codegen-expr.ts DigitsClass), each with only the arithmetic tiers that
 * can run in it: the one for DIGITS 9 to 15 (DIGITS 9 is the default) made
 * now, the others when the region first runs with DIGITS in their class.
 * The code V8 compiles is then smaller (at DIGITS 9 no chain paths, at
 * DIGITS 50 no pair paths, below 9 no integer paths), and does not test
 * DIGITS before each tier.
 */
export function compileRegion(
  prog: Program,
  doIdx: number,
  plain: (c: Clause) => ((a: Activation) => unknown) | null,
): RegionFn | null {
  const root = structureLoop(prog.clauses, doIdx);
  if (root === null || root.k !== 'do') return null;
  if (!numericFixed(prog.clauses, root)) return made(generate(prog, root, plain, undefined));
  // (the variant for DIGITS 9 to 15 generated now tells whether the region compiles at all; JavaScript gets it when it first runs)
  const first = generate(prog, root, plain, 'pair');
  if (first === null) return null;
  const variants: Record<DigitsClass, RegionFn | undefined> = { below9: undefined, pair: undefined, chain: undefined };
  const make = (c: DigitsClass): RegionFn => {
    // (a variant JavaScript refuses, a generator defect, gives way to the one with every tier)
    const f = made(c === 'pair' ? first : generate(prog, root, plain, c)) ?? made(generate(prog, root, plain, undefined));
    if (f === null) throw new Error('region compiler: no variant of a region that compiled');
    return f;
  };
  return (a) => {
    const c = digitsClass(a.numeric.digits);
    return (variants[c] ??= make(c))(a);
  };
}

/**
 * The region function for DIGITS class `dclass` (undefined: any), null when
 * the clause loop must run the loop (compileRegion; exported for tests that
 * read the code of a variant).
 */
export function compileRegionFor(prog: Program, doIdx: number, plain: (c: Clause) => ((a: Activation) => unknown) | null, dclass: DigitsClass | undefined): RegionFn | null {
  const root = structureLoop(prog.clauses, doIdx);
  return root === null || root.k !== 'do' ? null : made(generate(prog, root, plain, dclass));
}

/** A region's generated source and its constants (RegionGen source and consts). */
interface Generated {
  src: string;
  consts: unknown[];
}

/** The region's source for DIGITS class `dclass` (undefined: any), null when the clause loop must run the loop. */
function generate(
  prog: Program,
  root: Extract<Node, { k: 'do' }>,
  plain: (c: Clause) => ((a: Activation) => unknown) | null,
  dclass: DigitsClass | undefined,
): Generated | null {
  let g = new RegionGen(prog.clauses, plain, dclass);
  let src: string;
  try {
    src = g.source(root);
    if (g.closed()) {
      // nothing outside the generated code can see the variables while it
      // runs (no function call, no clause run by the clause loop's code):
      // keep them in locals, written back on the way out
      const regs = g.registers();
      if (regs.length > 0) {
        g = new RegionGen(prog.clauses, plain, dclass);
        g.promote(regs);
        src = g.source(root);
      }
    }
  } catch (e) {
    // NotCompilable; or a RexxError from compiling an expression that the
    // clause loop reports only if the clause is reached
    if (e instanceof NotCompilable || e instanceof RexxError) return null;
    throw e;
  }
  return { src, consts: g.consts() };
}

function made(g: Generated | null): RegionFn | null {
  return g === null ? null : instantiate(g.src, g.consts);
}

/**
 * Have V8 give the region function its feedback vector (where it records
 * the types each operation sees, which its optimizing compiler relies on)
 * before the region runs. V8 allocates it lazily, once a function has run
 * 8 times its own size in bytecode (--lazy-feedback-allocation,
 * --interrupt-budget-factor-for-feedback-allocation; counted at loop
 * back-edges and returns, skipped code not counted). A region is entered
 * once, so the code it runs before that records nothing: in nested loops
 * the outer loop's code, which runs again only when the first inner loop
 * has ended, by when V8 has optimized the region with that code compiled
 * as a bail-out; the bail-out throws the optimized code away and V8
 * compiles the region again (bench b4: two compilations of its main
 * region, one when primed). The priming call runs an empty loop (11 bytes
 * of bytecode a turn) long enough to pass the budget: the bytecode is
 * never longer than the source in characters, and the budget left over
 * once the vector is made (--interrupt-budget, 66 KB) takes what goes
 * past. V8 versions that count otherwise just spend the loop's few
 * microseconds.
 */
function prime(f: RegionFn, src: string): void {
  const turns = Math.min(Math.ceil((src.length * 8) / 11), 200_000);
  (f as unknown as (a: null, n: number) => void)(null, turns);
}

/**
 * The region function of generated source `src` (RegionGen source) with
 * its constants, or null when JavaScript refuses the source: a defect of
 * the generator, after which the clause loop runs the loop, as it always
 * can, unless codegenOptions.strict asks for the error.
 */
export function instantiate(src: string, consts: unknown[]): RegionFn | null {
  try {
    const make = new Function('R', 'K', src) as (r: typeof runtime, k: unknown[]) => RegionFn;
    const f = make(runtime, consts);
    if (codegenOptions.prime) prime(f, src);
    return f;
  } catch (e) {
    if (codegenOptions.strict) throw new Error(`region compiler: generated source rejected (${String(e)}):\n${src}`);
    return null;
  }
}

