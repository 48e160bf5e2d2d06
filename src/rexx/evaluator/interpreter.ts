/**
 * The clause loop: executes a Program's flat clause array (ANSI X3.274-1996 §8
 * "Evaluation"; ooRexx's activation model, STYLE.md §6). One Interpreter runs
 * one program invocation (with its internal routines, INTERPRET strings and
 * external REXX routines) against one host.
 *
 * Control flow: DO loops keep frames on the activation's block stack; IF,
 * ELSE, WHEN and SELECT are jumps laid out by the parser; SIGNAL clears the
 * block stack and jumps to a label; RETURN ends `execute`; EXIT and trapped
 * conditions are thrown (signals.ts).
 */
import type { Clause, Program, VarRef, DropItem, ConditionName, DoSpec } from '../ast.js';
import type { RexxHost, VariableAccess } from '../host.js';
import { Activation, type DoFrame, type ConditionInfo } from './activation.js';
import { VarPool } from './variables.js';
import { ActivationBifContext } from './bif-context.js';
import { compile, compileInt, compileTail, compileSetter, compoundUpdate, derivedName, intSetter, type Runtime } from './expression.js';
import { compileTemplate, parseArgs, parseItems, parseTemplate } from './parse-template.js';
import { ExitSignal, SignalTransfer, LoopTransfer, HaltExit } from './signals.js';
import { RexxError, rexxError } from '../errors.js';
import { toWholeNumber, isNumber } from '../arithmetic/decimal.js';
import { lookupBuiltin, callBuiltin } from '../builtins/registry.js';
import type { BifContext, InterpreterServices } from '../builtins/types.js';
import { getProgram, getInterpreted, interpretedOrScanned, type Interpreted } from '../program-cache.js';
import { runDirect, runScanned } from './interpret-direct.js';
import { completeCtrlFrame } from './do-frame.js';
import { pastTo, startLimits, stepped, takeRepetition, type DoPart } from './do-rules.js';
import { Tracer, parseTraceSetting } from './trace.js';
import { symbolNameExpr } from '../parser/symbols.js';
import { compileRegion, codegenOptions } from './codegen.js';
import { callOptions } from './call-options.js';
import { argNames, setArgNames } from './arg-names.js';
import { routineEntry } from './routine-entry.js';
import { exposePlan, usable, ExposePlan, EXPOSE_IN_ORDER, EXPOSE_INDIRECT } from './expose-plan.js';
import { LabelSite } from './label-site.js';

/** Deepest nesting of calls before Error 11 (the JS stack must hold it too). */
const MAX_DEPTH = 100000;

export const VERSION_STRING = 'REXX-vmrexx_0.1 5.00 25 Nov 2026';

export interface RunResult {
  /** EXIT/RETURN value of the program, undefined when none */
  result: string | undefined;
}

interface PendingCall {
  label: string;
  info: ConditionInfo;
}

export class Interpreter implements Runtime {
  readonly tracer: Tracer;
  /** clauses run, for HALT polling (also counted by compiled regions: codegen-runtime.ts tick) */
  clauseCount = 0;
  /** CALL ON handlers waiting for the end of the clause that raised them */
  readonly pending: PendingCall[] = [];
  /** the clause a compiled region was running when it threw, for execute's catch (-1: none) */
  faultPc = -1;
  /** Options set by the OPTIONS instruction (upper-cased words). */
  readonly options = new Set<string>();

  constructor(
    readonly host: RexxHost,
    /** program path as given (for PARSE SOURCE and error reports) */
    readonly path: string,
  ) {
    this.tracer = new Tracer(host);
  }

  // ------------------------------------------------------------------ entry

  run(program: Program, args: (string | undefined)[], invocation = 'COMMAND'): RunResult {
    const act = new Activation(program, new VarPool(), args, undefined, 'main', invocation);
    act.address = this.host.defaultAddress;
    act.prevAddress = this.host.defaultAddress;
    act.interp = this;
    try {
      const v = this.execute(act);
      return { result: v };
    } catch (e) {
      if (e instanceof ExitSignal) return { result: e.value };
      throw e;
    }
  }

  // ------------------------------------------------------------------ variables

  novalue(a: Activation, name: string): string {
    const trap = a.traps.get('NOVALUE');
    if (trap) this.raise(a, 'NOVALUE', name);
    return name;
  }

  /**
   * LOSTDIGITS (ANSI §7.4.x): raised when an operand of an arithmetic operation
   * has more significant digits than NUMERIC DIGITS.
   */
  lostDigits(a: Activation, v: string): void {
    if (!isNumber(v)) return;
    const m = /^\s*[+-]?\s*0*([0-9]*)\.?([0-9]*)/.exec(v);
    if (!m) return;
    let digits = (m[1] ?? '') + (m[2] ?? '');
    digits = digits.replace(/^0+/, '');
    if (digits.length > a.numeric.digits) this.raise(a, 'LOSTDIGITS', v);
  }

  assign(a: Activation, ref: VarRef, value: string): void {
    compileSetter(ref)(a, value);
    if (a.trace === 'R' || a.trace === 'I') this.tracer.assigned(a, value);
  }

  /** Value of a variable reference for PARSE VAR, EXPOSE lists etc. */
  private valueOf(a: Activation, ref: VarRef): string {
    return compile(ref as import('../ast.js').Expr)(a);
  }

  private drop(a: Activation, ref: VarRef): void {
    switch (ref.k) {
      case 'var':
        a.pool.dropSimple(ref.name);
        break;
      case 'stem':
        a.pool.stem(ref.name).dropAll();
        break;
      case 'comp':
        a.pool.dropCompound(ref.stem, compileTail(ref.tail)(a));
        break;
    }
  }

  /** Expand (name) items: the words of name's value are variable names. */
  private expandList(
    a: Activation,
    items: DropItem[],
    each: (ref: VarRef, indirect: boolean) => void,
    includeListVar: boolean,
  ): void {
    for (const it of items) {
      // EXPOSE (list) exposes list itself too; DROP (list) drops only the names in it
      if (it.k === 'ref' || includeListVar) each(it.ref, false);
      if (it.k === 'indirect') {
        const words = this.valueOf(a, it.ref).split(/[ \t]+/).filter((w) => w !== '');
        for (const w of words) {
          const name = w.toUpperCase();
          const e = symbolNameExpr(name);
          if (e.k === 'lit') throw rexxError(20, 1, w);
          each(e as VarRef, true);
        }
      }
    }
  }

  // ------------------------------------------------------------------ conditions

  /**
   * Raise a condition. Trapped by SIGNAL ON: transfers control (throws).
   * Trapped by CALL ON: the handler runs at the end of the clause. Returns
   * whether it was trapped.
   */
  raise(a: Activation, cond: ConditionName, description: string, extra?: unknown): boolean {
    const trap = a.traps.get(cond);
    if (!trap) return false;
    const info: ConditionInfo = { name: cond, description, instruction: trap.mode === 'signal' ? 'SIGNAL' : 'CALL', extra };
    if (trap.mode === 'signal') {
      a.ownTraps().delete(cond);
      a.condition = info;
      throw new SignalTransfer(a, trap.label);
    }
    if (trap.delayed) return true;
    this.pending.push({ label: trap.label, info });
    return true;
  }

  runPending(a: Activation): void {
    while (this.pending.length > 0) {
      const p = this.pending.shift()!;
      const trap = a.traps.get(p.info.name);
      if (trap) trap.delayed = true;
      const act = this.callInternal(a, p.label, [], 'call');
      act.condition = p.info;
      try {
        this.execute(act);
      } finally {
        const t2 = a.traps.get(p.info.name);
        if (t2) t2.delayed = false;
      }
    }
  }

  /** HI/HX polling, every 256 clauses. */
  pollHalt(a: Activation): void {
    const h = this.host.pollHalt?.();
    if (h === 'HX') throw new HaltExit();
    if (h === 'HI') {
      if (!this.raise(a, 'HALT', 'HI')) throw rexxError(4, 1, 'HI');
    }
  }

  // ------------------------------------------------------------------ calls

  /** The program whose labels a CALL or SIGNAL in `a` sees: an INTERPRET string's routine's. */
  private labelsProgram(a: Activation): Program {
    let x: Activation = a;
    while (x.kind === 'interpret' && x.parent) x = x.parent;
    return x.program;
  }

  /** Set up an activation for an internal routine starting at `label`. */
  private callInternal(
    a: Activation,
    label: string,
    args: (string | undefined)[],
    kind: 'call' | 'function',
  ): Activation {
    const prog = this.labelsProgram(a);
    const idx = prog.labels.get(label);
    if (idx === undefined) throw rexxError(16, 1, label);
    return this.enter(a, prog, idx, args, kind);
  }

  /** Run the internal routine at clause idx (its label) of prog, called from `a`: its RETURN value. */
  runRoutine(a: Activation, prog: Program, idx: number, args: (string | undefined)[], kind: 'call' | 'function'): string | undefined {
    return this.execute(this.enter(a, prog, idx, args, kind));
  }

  /** The activation of the internal routine at clause idx (its label) of prog, called from `a`. */
  private enter(
    a: Activation,
    prog: Program,
    idx: number,
    args: (string | undefined)[],
    kind: 'call' | 'function',
  ): Activation {
    if (a.depth >= MAX_DEPTH) throw rexxError(11, 1, MAX_DEPTH);
    const act = new Activation(prog, a.pool, args, a, kind, kind === 'call' ? 'SUBROUTINE' : 'FUNCTION');
    act.interp = this;
    act.pc = idx;
    // SIGL: the line of the CALL or function call, in the caller's pool (ANSI §8.2.x)
    a.pool.setSigl(a.line);
    if ((act.trace === 'N' || act.trace === 'O') && callOptions.enterProcedure) this.enterProcedure(act, prog, idx);
    return act;
  }

  /**
   * `name: procedure [expose names]`, the usual start of a routine: run the
   * label and the PROCEDURE here, so that the clause loop starts after them
   * (two clause dispatches less per call). Only where that is exactly what
   * the clause loop would do: untraced, no CALL ON handler waiting to run
   * after the label, no HALT poll due on either clause (the clause count
   * advances by the same two), and an EXPOSE list of names only (an
   * indirect `(list)` reads a variable, which can raise NOVALUE in the routine).
   * A PARSE ARG of simple variables after the PROCEDURE is run here too.
   */
  private enterProcedure(act: Activation, prog: Program, idx: number): void {
    const e = routineEntry(prog, idx, upperAscii);
    if (e === null || this.pending.length > 0) return;
    const n = this.clauseCount;
    if (((n + 1) & 255) === 0 || ((n + 2) & 255) === 0) return;
    const plan = e.plan === null ? null : usable(e.plan);
    if (plan === null) act.pool = new VarPool();
    else if (plan === EXPOSE_INDIRECT) return;
    else if (plan === EXPOSE_IN_ORDER) this.expose(act, e.expose!);
    else act.pool = plan.pool(act.pool);
    // then `parse arg n` (simple variables only), as its compiled clause
    // does it untraced (compileClause 'parse'), when no HALT poll is due on
    // it either: it can raise no condition, so no handler can be pending after it
    const args = e.args;
    let skip = 2;
    if (args !== null && callOptions.enterArgs && callOptions.argNames && ((n + 3) & 255) !== 0) {
      setArgNames(act.pool, act.args, args.names, args.convert);
      skip = 3;
    }
    this.clauseCount = n + skip;
    act.pc = idx + skip;
    act.procedureAllowed = false;
  }

  /** CALL name / name(): internal label, built-in function, external routine (§8.2.x search order). */
  callRoutine(a: Activation, name: string, quoted: boolean, args: (string | undefined)[], asFunction: boolean): string | undefined {
    if (!quoted) {
      const prog = a.kind === 'interpret' ? this.labelsProgram(a) : a.program;
      const idx = prog.labels.get(name);
      if (idx !== undefined) return this.runRoutine(a, prog, idx, args, asFunction ? 'function' : 'call');
    }
    return this.callOutside(a, name, args, asFunction);
  }

  /**
   * callRoutine of a name that is not an internal label: a built-in function
   * or an external routine. (Apart so that callRoutine, which compiled CALLs
   * make for every internal routine, stays small enough to be inlined.)
   */
  private callOutside(a: Activation, name: string, args: (string | undefined)[], asFunction: boolean): string | undefined {
    const bif = lookupBuiltin(name);
    if (bif) return callBuiltin(bif, args, this.bifContext(a));
    const ext = this.host.findExternal?.(name, this.path);
    if (ext) {
      if (ext.kind === 'native') return ext.fn(args, this.bifContext(a));
      const prog = getProgram(ext.source, ext.path);
      const sub = new Interpreter(this.host, ext.path);
      const act = new Activation(prog, new VarPool(), args, a, 'external', asFunction ? 'FUNCTION' : 'SUBROUTINE');
      act.interp = sub;
      act.numeric = { digits: 9, fuzz: 0, form: 'SCIENTIFIC' };
      act.traps = new Map();
      act.trace = 'N';
      try {
        return sub.execute(act);
      } catch (e) {
        if (e instanceof ExitSignal) return e.value;
        throw e;
      }
    }
    throw rexxError(43, 1, name);
  }

  callFunction(a: Activation, name: string, quoted: boolean, args: (string | undefined)[]): string {
    const savedLine = a.line;
    const v = this.callRoutine(a, name, quoted, args, true);
    a.line = savedLine;
    if (v === undefined) throw rexxError(44, 1, name);
    return v;
  }

  /** callFunction of internal routine `name` at clause idx of prog, found by the call site (label-site.ts). */
  callLabel(a: Activation, prog: Program, idx: number, name: string, args: (string | undefined)[]): string {
    const savedLine = a.line;
    const v = this.runRoutine(a, prog, idx, args, 'function');
    a.line = savedLine;
    if (v === undefined) throw rexxError(44, 1, name);
    return v;
  }

  // ------------------------------------------------------------------ BIF services

  /**
   * The context a built-in function sees, made once per activation (kept on
   * it); the services object, which most BIFs never use, only when asked for.
   */
  bifContext(a: Activation): BifContext {
    const cached = a.bifCtx as BifContext | undefined;
    if (cached !== undefined && cached.host === this.host) return cached;
    const c = new ActivationBifContext(a, this.host, this.servicesFn);
    a.bifCtx = c;
    return c;
  }

  private readonly servicesFn = (a: Activation): InterpreterServices => this.services(a);

  private services(a: Activation): InterpreterServices {
    const self = this;
    // ARG() and friends see the routine, not an INTERPRET context
    const routine = (): Activation => {
      let x = a;
      while (x.kind === 'interpret' && x.parent) x = x.parent;
      return x;
    };
    return {
      argCount() {
        const args = routine().args;
        let n = args.length;
        while (n > 0 && args[n - 1] === undefined) n--;
        return n;
      },
      arg(n) {
        return routine().args[n - 1];
      },
      condition(opt) {
        const c = a.condition;
        if (!c) return '';
        switch (opt) {
          case 'C':
            return c.name;
          case 'D':
            return c.description;
          case 'I':
            return c.instruction;
          case 'S': {
            const t = a.traps.get(c.name);
            if (!t) return 'OFF';
            return t.delayed ? 'DELAY' : 'ON';
          }
        }
      },
      sourceLineCount() {
        return self.labelsProgram(a).lines.length;
      },
      sourceLine(n) {
        return self.labelsProgram(a).lines[n - 1] ?? '';
      },
      symbolState(name) {
        const up = name.toUpperCase();
        if (!isValidSymbol(up)) return 'BAD';
        const e = symbolNameExpr(up);
        if (e.k === 'lit') return 'LIT';
        if (e.k === 'var') return a.pool.getSimple(up) !== undefined ? 'VAR' : 'LIT';
        if (e.k === 'stem') {
          const s = a.pool.stems.get(up);
          return s && s.dflt !== undefined ? 'VAR' : 'LIT';
        }
        if (e.k === 'comp') return a.pool.getCompound(e.stem, compileTail(e.tail)(a)) !== undefined ? 'VAR' : 'LIT';
        return 'LIT';
      },
      getVariable(name) {
        const up = name.toUpperCase();
        const e = symbolNameExpr(up);
        if (e.k === 'lit') return up;
        if (e.k === 'var') return a.pool.getSimple(up) ?? up;
        if (e.k === 'stem') return a.pool.stems.get(up)?.dflt ?? up;
        if (e.k === 'comp') {
          const t = compileTail(e.tail)(a);
          return a.pool.getCompound(e.stem, t) ?? e.stem + t;
        }
        return up;
      },
      setVariable(name, value) {
        const up = name.toUpperCase();
        const e = symbolNameExpr(up);
        if (e.k === 'lit') throw rexxError(40, 1, 'VALUE');
        self.assign(a, e as VarRef, value);
      },
      traceSetting() {
        return (a.interactive ? '?' : '') + a.trace;
      },
      setTrace(setting) {
        self.applyTrace(a, setting);
      },
      address() {
        return a.address;
      },
      sourcePath() {
        return self.path;
      },
      raiseNotReady(stream, description) {
        self.raise(a, 'NOTREADY', stream, description);
      },
    };
  }

  // ------------------------------------------------------------------ trace

  applyTrace(a: Activation, setting: string): void {
    const r = parseTraceSetting(setting, a.trace, a.interactive);
    if (r === undefined) return; // a number: skip count for interactive trace
    a.trace = r.letter;
    a.interactive = r.interactive;
  }

  // ------------------------------------------------------------------ the clause loop

  /** Run `a` from a.pc until RETURN or the end of the program; returns the RETURN value. */
  execute(a: Activation): string | undefined {
    const prog = a.program;
    const clauses = prog.clauses;
    const n = clauses.length;
    // (a plain array for the line numbers: an Int32Array per INTERPRET string costs an ArrayBuffer each)
    const comp = (prog.compiled ??= [new Array<ClauseFn | null | undefined>(n), clauses.map((c) => c.line)]) as [
      (ClauseFn | null | undefined)[],
      number[],
    ];
    const fast = comp[0];
    const lines = comp[1];
    const host = this.host;
    const pending = this.pending;
    for (;;) {
      if (a.pc >= n) {
        return undefined;
      }
      let pc = a.pc;
      try {
        // Untraced: run the compiled clauses in a tight loop until one has no
        // compiled form (or tracing starts).
        while (a.trace === 'N' || a.trace === 'O') {
          pc = a.pc;
          if (pc >= n) return undefined;
          a.line = lines[pc]!;
          let f = fast[pc];
          if (f === undefined) f = fast[pc] = this.compileClause(clauses[pc]!, prog, pc, a.kind === 'interpret');
          if (f === null) break;
          if ((++this.clauseCount & 255) === 0 && host.pollHalt) this.pollHalt(a);
          const r = f(a);
          if (r !== undefined) return r.value;
          if (pending.length > 0) this.runPending(a);
        }
        pc = a.pc;
        if (pc >= n) return undefined;
        const c = clauses[pc]!;
        a.line = c.line;
        if ((++this.clauseCount & 255) === 0 && host.pollHalt) this.pollHalt(a);
        const traced = a.trace !== 'N' && a.trace !== 'O';
        if (traced) this.tracer.clause(a, c);
        const at = a.pc;
        const r = this.step(a, c);
        if (traced && a.interactive && !this.inDebug && c.k !== 'label' && c.k !== 'jump') this.debugPause(a, at);
        if (r !== CONTINUE) return r.value;
        if (this.pending.length > 0) this.runPending(a);
      } catch (err) {
        if (this.faultPc >= 0) {
          // thrown inside a compiled region: the clause it was running
          pc = this.faultPc;
          this.faultPc = -1;
        }
        const c = clauses[pc]!;
        let e = err;
        // JavaScript stack exhausted by deep recursion: Error 11 here (if this
        // frame has no room either, the RangeError reaches the caller's frame)
        if (e instanceof RangeError) e = rexxError(11, 1, a.depth);
        if (e instanceof SignalTransfer) {
          if (e.act === a) {
            this.signalTo(a, e.label);
            continue;
          }
          throw e;
        }
        if (e instanceof RexxError) {
          if (!e.line) e.line = c.line;
          if (!(e as { traceback?: unknown }).traceback) (e as unknown as { traceback: string[] }).traceback = [];
          if (!(e as unknown as { reported?: boolean }).reported && a.kind !== 'interpret') {
            (e as unknown as { traceback: string[] }).traceback.push(this.tracebackLine(a, c));
          }
          const trap = a.traps.get('SYNTAX');
          if (trap && trap.mode === 'signal') {
            a.ownTraps().delete('SYNTAX');
            a.condition = {
              name: 'SYNTAX',
              // Regina: CONDITION('D') is the secondary message as the error report shows it
              description: e.subcode && e.reportedSecondary ? `Error ${e.codeText}: ${e.reportedSecondary}` : e.mainText,
              instruction: 'SIGNAL',
              extra: e,
            };
            a.pool.setSimple('RC', e.codeText.includes('.') ? String(e.code) : String(e.code));
            this.signalTo(a, trap.label, e.line);
            continue;
          }
          throw e;
        }
        // (a JavaScript stack overflow is turned into Error 11 by runProgram)
        throw e;
      }
    }
  }

  private readonly assignFn = (act: Activation, ref: VarRef, v: string): void => this.assign(act, ref, v);

  private inDebug = false;
  private debugNoticeShown = false;

  /**
   * Interactive trace (TRACE ?x, TRL2 §11.3): after a traced clause, read
   * lines from the input and interpret them; a null line goes on, '='
   * executes the clause again, TRACE OFF (or the end of input) ends debugging.
   */
  private debugPause(a: Activation, clauseIdx: number): void {
    if (!this.debugNoticeShown) {
      this.debugNoticeShown = true;
      this.host.traceOut('       +++ Interactive trace.  "Trace Off" to end debug. ENTER to continue. +++');
    }
    this.inDebug = true;
    try {
      for (;;) {
        const line = this.host.readLine();
        if (line === undefined) {
          a.interactive = false;
          return;
        }
        if (line === '') return;
        if (line.trim() === '=') {
          a.pc = clauseIdx;
          return;
        }
        const pc = a.pc;
        try {
          this.interpret(a, line);
        } catch (e) {
          if (!(e instanceof RexxError)) throw e;
          this.host.traceOut(`Error ${e.code} in interactive trace: ${e.mainText}`);
        }
        a.pc = pc;
        if (!a.interactive) return;
      }
    } finally {
      this.inDebug = false;
    }
  }

  private tracebackLine(a: Activation, c: Clause): string {
    const text = c.text ?? a.program.lines[c.line - 1]?.trim() ?? '';
    return `${String(c.line).padStart(6)} +++ ${'   '.repeat(a.depth)}${text}`;
  }

  /** SIGNAL label: terminate active DO/SELECT/IF in this activation and go to the label (§7.4.x SIGNAL). */
  private signalTo(a: Activation, label: string, line?: number): void {
    if (a.kind === 'interpret' && a.parent) {
      throw new SignalTransfer(a.parent, label);
    }
    const idx = a.program.labels.get(label);
    a.pool.setSimple('SIGL', String(line ?? a.line));
    if (idx === undefined) throw rexxError(16, 1, label);
    a.blocks.length = 0;
    a.pc = idx;
  }

  /**
   * The untraced fast form of the commonest clauses, as a closure made once
   * per clause (null: use step). Each does exactly what step does for the
   * clause when TRACE is N or O. A repetitive DO loop of `prog` (when
   * given) is compiled with all it contains into one function (codegen.ts);
   * in an INTERPRET string, only when the loop is reached a second time
   * (most INTERPRET strings run once).
   */
  private compileClause(c: Clause, prog?: Program, idx = 0, interpreted = false): ClauseFn | null {
    switch (c.k) {
      case 'label':
        return (a) => {
          a.pc++;
        };
      case 'nop':
        return (a) => {
          a.pc++;
          a.procedureAllowed = false;
        };
      case 'assign': {
        // `x.t = x.t + n`: the tail and the stem looked up once (expression.ts)
        const update = compoundUpdate(c.ref, c.e);
        if (update !== null) {
          return (a) => {
            update(a);
            a.pc++;
            a.procedureAllowed = false;
          };
        }
        const e = compile(c.e);
        const set = compileSetter(c.ref);
        const ni = c.ref.k === 'var' && c.e.k === 'bin' ? compileInt(c.e) : null;
        if (ni && c.ref.k === 'var') {
          // an integer result also goes into the box's integer cache
          const setInt = intSetter(c.ref.name);
          return (a) => {
            const v = ni(a);
            if (v === v) setInt(a, String(v), v);
            else set(a, e(a));
            a.pc++;
            a.procedureAllowed = false;
          };
        }
        return (a) => {
          set(a, e(a));
          a.pc++;
          a.procedureAllowed = false;
        };
      }
      case 'say': {
        if (!c.e) return null;
        const e = compile(c.e);
        return (a) => {
          (a.interp as Interpreter).host.say(e(a));
          a.pc++;
          a.procedureAllowed = false;
        };
      }
      case 'if': {
        const e = compile(c.e);
        const elseIdx = c.elseIdx;
        return (a) => {
          const v = e(a);
          if (v === '1') a.pc++;
          else if (v === '0') a.pc = elseIdx;
          else throw rexxError(34, 1, v);
          a.procedureAllowed = false;
        };
      }
      case 'when': {
        const e = compile(c.e);
        const nextIdx = c.nextIdx;
        return (a) => {
          const v = e(a);
          if (v === '1') a.pc++;
          else if (v === '0') a.pc = nextIdx;
          else throw rexxError(34, 2, v);
        };
      }
      case 'jump': {
        const to = c.to;
        return (a) => {
          a.pc = to;
        };
      }
      case 'do': {
        const plain: ClauseFn = (a) => {
          (a.interp as Interpreter).doStart(a, c);
          a.procedureAllowed = false;
        };
        if (prog === undefined || c.spec.kind === 'simple') return plain;
        if (!interpreted) return this.region(prog, idx) ?? plain;
        let seen = 0;
        return (a) => {
          if (++seen < 2) return plain(a);
          const f = this.region(prog, idx) ?? plain;
          (prog.compiled as ClauseFn[][])[0]![idx] = f;
          return f(a);
        };
      }
      case 'end':
        if (c.select) {
          return (a) => {
            a.pc++;
            a.procedureAllowed = false;
          };
        }
        return (a) => (a.interp as Interpreter).doEnd(a, c);
      case 'select':
      case 'otherwise':
        return (a) => {
          a.pc++;
          a.procedureAllowed = false;
        };
      case 'return': {
        const e = c.e ? compile(c.e) : undefined;
        return (a) => {
          const v = e ? e(a) : undefined;
          if (a.kind === 'main') throw new ExitSignal(v);
          if (a.kind === 'interpret') a.returned = true;
          // (one object for every RETURN: execute takes the value out at once)
          RETURNED.value = v;
          return RETURNED;
        };
      }
      case 'call': {
        const args = c.args.map((x) => (x ? compile(x) : null));
        const name = c.name;
        const quoted = c.quoted;
        const result = compileSetter({ k: 'var', name: 'RESULT' });
        const label = quoted ? undefined : new LabelSite(name);
        return (a) => {
          const vals: (string | undefined)[] = new Array(args.length);
          for (let i = 0; i < args.length; i++) {
            const f = args[i];
            vals[i] = f ? f(a) : undefined;
          }
          const savedLine = a.line;
          const interp = a.interp as Interpreter;
          const idx = label === undefined ? -1 : label.find(a);
          const v =
            idx >= 0
              ? interp.runRoutine(a, label!.program, idx, vals, 'call')
              : interp.callOutside(a, name, vals, false); // (no label: the LabelSite looked)
          a.line = savedLine;
          if (v === undefined) a.pool.dropSimple('RESULT');
          else result(a, v);
          a.pc++;
          a.procedureAllowed = false;
        };
      }
      case 'leave':
      case 'iterate': {
        const kind = c.k;
        const name = c.name;
        return (a) => {
          (a.interp as Interpreter).leaveIterate(a, kind, name);
        };
      }
      case 'exit': {
        const e = c.e ? compile(c.e) : undefined;
        return (a) => {
          throw new ExitSignal(e ? e(a) : undefined);
        };
      }
      case 'interpret': {
        const e = compile(c.e);
        return (a) => {
          const r = (a.interp as Interpreter).interpret(a, e(a));
          return r === CONTINUE ? undefined : r;
        };
      }
      case 'parse': {
        const s = c.src;
        if (c.tpl.length === 1 && (s.k === 'var' || s.k === 'value')) {
          // the common PARSE VAR / PARSE VALUE with one template, compiled once:
          // untraced, the targets are set without going through assign()
          const get = s.k === 'var' ? compile(s.ref as import('../ast.js').Expr) : s.e ? compile(s.e) : () => '';
          const items = compileTemplate(c.tpl[0]!);
          const upper = c.upper;
          const lower = c.lower;
          return (a) => {
            let src = get(a);
            if (upper) src = upperAscii(src);
            else if (lower) src = src.toLowerCase();
            const t = a.trace;
            parseItems(a, src, items, (a.interp as Interpreter).assignFn, t !== 'R' && t !== 'I');
            a.pc++;
            a.procedureAllowed = false;
          };
        }
        if (s.k === 'arg') {
          // PARSE ARG (`parse arg m, n`), its templates compiled once: as parse()
          // does it, untraced targets set without going through assign()
          const tpls = c.tpl.map(compileTemplate);
          const convert = c.upper ? upperAscii : c.lower ? (x: string) => x.toLowerCase() : null;
          const names = argNames(c.tpl);
          return (a) => {
            let r: Activation = a;
            while (r.kind === 'interpret' && r.parent) r = r.parent;
            const t = a.trace;
            if (names !== null && t !== 'R' && t !== 'I') setArgNames(a.pool, r.args, names, convert);
            else parseArgs(a, r.args, tpls, convert, (a.interp as Interpreter).assignFn, t !== 'R' && t !== 'I');
            a.pc++;
            a.procedureAllowed = false;
          };
        }
        return (a) => {
          (a.interp as Interpreter).parse(a, c);
          a.pc++;
          a.procedureAllowed = false;
        };
      }
      case 'procedure':
        return (a) => {
          (a.interp as Interpreter).procedure(a, c.expose);
          a.pc++;
          a.procedureAllowed = false;
        };
      default:
        return null;
    }
  }

  /** The compiled form of the DO loop at clause idx (codegen.ts), or null; off when codegenOptions.enabled is false. */
  private region(prog: Program, idx: number): ClauseFn | null {
    const f = compileRegion(prog, idx, (c) => this.compileClause(c));
    if (f === null) return null;
    const c = prog.clauses[idx] as Extract<Clause, { k: 'do' }>;
    return (a) => {
      if (codegenOptions.enabled) return f(a);
      (a.interp as Interpreter).doStart(a, c);
      a.procedureAllowed = false;
      return undefined;
    };
  }

  /** One clause with no control flow of its own, run by the clause loop's code (for compiled regions). */
  stepClause(a: Activation, c: Clause): void {
    this.step(a, c);
  }

  private step(a: Activation, c: Clause): typeof CONTINUE | { value: string | undefined } {
    switch (c.k) {
      case 'label':
        a.pc++;
        return CONTINUE;
      case 'nop':
        break;
      case 'say': {
        const v = c.e ? compile(c.e)(a) : '';
        if (a.trace === 'R' || a.trace === 'I') this.tracer.result(a, v);
        this.host.say(v);
        break;
      }
      case 'assign': {
        const v = compile(c.e)(a);
        this.assign(a, c.ref, v);
        break;
      }
      case 'command': {
        const v = compile(c.e)(a);
        if (a.trace === 'R' || a.trace === 'I') this.tracer.result(a, v);
        this.command(a, a.address, v, c);
        break;
      }
      case 'if': {
        const v = compile(c.e)(a);
        if (v === '1') a.pc++;
        else if (v === '0') a.pc = c.elseIdx;
        else throw rexxError(34, 1, v);
        a.procedureAllowed = false;
        return CONTINUE;
      }
      case 'jump':
        a.pc = c.to;
        return CONTINUE;
      case 'select':
        break;
      case 'when': {
        const v = compile(c.e)(a);
        if (v === '1') a.pc++;
        else if (v === '0') a.pc = c.nextIdx;
        else throw rexxError(34, 2, v);
        return CONTINUE;
      }
      case 'otherwise':
        break;
      case 'do':
        this.doStart(a, c);
        a.procedureAllowed = false;
        return CONTINUE;
      case 'end':
        if (c.select) break;
        this.doEnd(a, c);
        return CONTINUE;
      case 'leave':
      case 'iterate':
        this.leaveIterate(a, c.k, c.name);
        return CONTINUE;
      case 'exit': {
        const v = c.e ? compile(c.e)(a) : undefined;
        throw new ExitSignal(v);
      }
      case 'return': {
        const v = c.e ? compile(c.e)(a) : undefined;
        if (a.kind === 'main') throw new ExitSignal(v);
        if (a.kind === 'interpret') {
          a.returned = true;
        }
        return { value: v };
      }
      case 'call': {
        const args = c.args.map((x) => (x ? compile(x)(a) : undefined));
        const savedLine = a.line;
        const v = this.callRoutine(a, c.name, c.quoted, args, false);
        a.line = savedLine;
        if (v === undefined) a.pool.dropSimple('RESULT');
        else a.pool.setSimple('RESULT', v);
        break;
      }
      case 'callon':
      case 'signalon':
        if (c.on) a.ownTraps().set(c.cond, { mode: c.k === 'callon' ? 'call' : 'signal', label: c.label ?? c.cond });
        else a.ownTraps().delete(c.cond);
        break;
      case 'signal':
        this.signalTo(a, c.name);
        return CONTINUE;
      case 'signalvalue': {
        const v = compile(c.e)(a);
        this.signalTo(a, v);
        return CONTINUE;
      }
      case 'drop':
        this.expandList(a, c.refs, (ref) => this.drop(a, ref), false);
        break;
      case 'interpret':
        return this.interpret(a, compile(c.e)(a));
      case 'numeric':
        this.numeric(a, c);
        break;
      case 'options': {
        const v = compile(c.e)(a);
        for (const w of v.toUpperCase().split(/\s+/)) if (w) this.options.add(w);
        break;
      }
      case 'parse':
        this.parse(a, c);
        break;
      case 'procedure':
        this.procedure(a, c.expose);
        break;
      case 'push':
        this.host.queue.push(c.e ? compile(c.e)(a) : '');
        break;
      case 'queue':
        this.host.queue.queue(c.e ? compile(c.e)(a) : '');
        break;
      case 'address':
        this.address(a, c);
        break;
      case 'trace': {
        const s = c.e ? compile(c.e)(a) : c.setting!;
        this.applyTrace(a, s);
        break;
      }
      case 'upper':
        for (const ref of c.refs) {
          const v = this.valueOf(a, ref);
          this.assign(a, ref, upperAscii(v));
        }
        break;
      case 'error': {
        const e = c.err;
        throw new RexxError(e.code, e.subcode, e.inserts);
      }
    }
    a.pc++;
    a.procedureAllowed = false;
    return CONTINUE;
  }

  // ------------------------------------------------------------------ commands

  private command(a: Activation, env: string, cmd: string, c: Clause): void {
    const services = () => this.bifContext(a).interp;
    const vars: VariableAccess = {
      get: (name) => {
        const n = name.toUpperCase();
        return services().symbolState(n) === 'VAR' ? services().getVariable(n) : undefined;
      },
      set: (name, value) => services().setVariable(name.toUpperCase(), value),
    };
    const r = this.host.command(env, cmd, vars);
    a.pool.setSimple('RC', String(r.rc));
    if (r.failure) {
      if (a.trace === 'F' || a.trace === 'E' || a.trace === 'C' || a.trace === 'A' || a.trace === 'R' || a.trace === 'I' || a.trace === 'L') {
        this.tracer.commandFailed(a, c, r.rc);
      }
      if (!this.raise(a, 'FAILURE', cmd, r.rc)) this.raise(a, 'ERROR', cmd, r.rc);
    } else if (r.rc !== 0) {
      if (a.trace === 'E' || a.trace === 'C' || a.trace === 'A' || a.trace === 'R' || a.trace === 'I' || a.trace === 'L') {
        this.tracer.commandFailed(a, c, r.rc);
      }
      this.raise(a, 'ERROR', cmd, r.rc);
    }
  }

  private address(a: Activation, c: Extract<Clause, { k: 'address' }>): void {
    if (c.value) {
      const env = compile(c.value)(a);
      a.prevAddress = a.address;
      a.address = env;
      return;
    }
    if (c.env === undefined) {
      const t = a.address;
      a.address = a.prevAddress;
      a.prevAddress = t;
      return;
    }
    if (c.cmd) {
      const v = compile(c.cmd)(a);
      this.command(a, c.env, v, c);
      return;
    }
    a.prevAddress = a.address;
    a.address = c.env;
  }

  // ------------------------------------------------------------------ NUMERIC

  private numeric(a: Activation, c: Extract<Clause, { k: 'numeric' }>): void {
    const nine = { digits: 9, fuzz: 0, form: 'SCIENTIFIC' as const };
    if (c.what === 'digits') {
      const v = c.e ? compile(c.e)(a) : '9';
      const d = toWholeNumber(v, nine);
      if (d === undefined || d < 0) throw rexxError(26, 5, v);
      // DIGITS must exceed FUZZ: 0 is reported as 33.1, as Regina does
      if (d <= a.numeric.fuzz) throw rexxError(33, 1, d, a.numeric.fuzz);
      a.ownNumeric().digits = d;
    } else if (c.what === 'fuzz') {
      const v = c.e ? compile(c.e)(a) : '0';
      const f = toWholeNumber(v, nine);
      if (f === undefined || f < 0) throw rexxError(26, 6, v);
      if (f >= a.numeric.digits) throw rexxError(33, 1, a.numeric.digits, f);
      a.ownNumeric().fuzz = f;
    } else {
      if (c.form) {
        a.ownNumeric().form = c.form;
        return;
      }
      const v = compile(c.e!)(a);
      const u = v.toUpperCase();
      if (u.startsWith('S')) a.ownNumeric().form = 'SCIENTIFIC';
      else if (u.startsWith('E')) a.ownNumeric().form = 'ENGINEERING';
      else throw rexxError(33, 3, v);
    }
  }

  // ------------------------------------------------------------------ PARSE

  private parse(a: Activation, c: Extract<Clause, { k: 'parse' }>): void {
    const s = c.src;
    if (c.tpl.length === 1 && (s.k === 'var' || s.k === 'value')) {
      // the common PARSE VAR / PARSE VALUE with one template
      let src = s.k === 'var' ? compile(s.ref as import('../ast.js').Expr)(a) : s.e ? compile(s.e)(a) : '';
      if (c.upper) src = upperAscii(src);
      else if (c.lower) src = src.toLowerCase();
      parseTemplate(a, src, c.tpl[0]!, this.assignFn);
      return;
    }
    const sources: string[] = [];
    switch (s.k) {
      case 'arg': {
        let r: Activation = a;
        while (r.kind === 'interpret' && r.parent) r = r.parent;
        for (let i = 0; i < Math.max(c.tpl.length, 1); i++) sources.push(r.args[i] ?? '');
        break;
      }
      case 'pull':
        sources.push(this.pullLine());
        break;
      case 'external':
        sources.push(this.host.readLine() ?? '');
        break;
      case 'linein': {
        const r = this.host.streams.linein('', undefined, 1);
        if (r.notready) this.raise(a, 'NOTREADY', r.notready.stream);
        sources.push(r.data);
        break;
      }
      case 'numeric':
        sources.push(`${a.numeric.digits} ${a.numeric.fuzz} ${a.numeric.form}`);
        break;
      case 'source': {
        let r: Activation = a;
        while (r.parent && r.kind === 'interpret') r = r.parent;
        sources.push(`${this.host.sourceSystem} ${r.invocation} ${this.path}`);
        break;
      }
      case 'version':
        sources.push(VERSION_STRING);
        break;
      case 'var':
        sources.push(this.valueOf(a, s.ref));
        break;
      case 'value':
        sources.push(s.e ? compile(s.e)(a) : '');
        break;
    }
    const assign = this.assignFn;
    for (let i = 0; i < c.tpl.length; i++) {
      let src = i < sources.length ? sources[i]! : '';
      if (c.upper) src = upperAscii(src);
      else if (c.lower) src = src.toLowerCase();
      parseTemplate(a, src, c.tpl[i]!, assign);
    }
  }

  /** PULL: the queue first, then the host's input. */
  pullLine(): string {
    const q = this.host.queue.pull();
    if (q !== undefined) return q;
    return this.host.readLine() ?? '';
  }

  // ------------------------------------------------------------------ PROCEDURE

  /**
   * PROCEDURE [EXPOSE list] (ANSI §8.3.x; TRL2 §4.3.x): the routine gets a new
   * variable pool holding only what it exposes of the caller's. SIGL, set in
   * the caller's pool by the CALL, is not among them unless exposed (ANSI;
   * Regina: SYMBOL('SIGL') is LIT after a plain PROCEDURE).
   */
  private procedure(a: Activation, expose: DropItem[] | null): void {
    if (!a.procedureAllowed) throw rexxError(17, 1);
    if (expose === null) a.pool = new VarPool();
    else {
      const plan = exposePlan(expose);
      if (plan instanceof ExposePlan) a.pool = plan.pool(a.pool);
      else this.expose(a, expose);
    }
  }

  /**
   * PROCEDURE EXPOSE: a new pool for `a`, sharing what the list names of
   * a's pool. (Apart from procedure() so that a call's inlined code stays
   * small enough for V8 to inline the Activation constructor too.)
   */
  private expose(a: Activation, expose: DropItem[]): void {
    const caller = a.pool;
    const pool = new VarPool();
    // expose in order, a compound name's tail and a (list) evaluated in the
    // new pool: a tail sees only the variables exposed before it in the list
    // (`expose t s.t` exposes S.<t's value>, `expose s.t` exposes S.T), as
    // in Regina 3.6 and TRL2 ("variables are exposed in sequence from left
    // to right"); a (list)'s variable is exposed before it is read
    a.pool = pool;
    try {
      for (const it of expose) {
        if (it.k === 'ref') this.exposeOne(a, caller, pool, it.ref);
        else this.expandList(a, [it], (ref) => this.exposeOne(a, caller, pool, ref), true);
      }
    } finally {
      a.pool = pool;
    }
  }

  /** Share one variable, stem or compound variable of pool `caller` with `pool` (a.pool is pool). */
  private exposeOne(a: Activation, caller: VarPool, pool: VarPool, ref: VarRef): void {
    switch (ref.k) {
      case 'var':
        pool.simple.set(ref.name, caller.box(ref.name));
        break;
      case 'stem':
        pool.stems.set(ref.name, caller.stem(ref.name));
        break;
      case 'comp': {
        const tail = compileTail(ref.tail)(a);
        pool.stem(ref.stem).setBox(tail, caller.stem(ref.stem).box(tail));
        break;
      }
    }
  }

  // ------------------------------------------------------------------ INTERPRET

  /** HALT polling for clauses run outside the clause loop (interpret-direct.ts), counted the same way. */
  private readonly pollFn = (a: Activation): void => {
    if ((++this.clauseCount & 255) === 0 && this.host.pollHalt) this.pollHalt(a);
  };

  private interpret(a: Activation, source: string): typeof CONTINUE | { value: string | undefined } {
    const r = this.interpretString(a, source);
    if (r === undefined) {
      a.pc++;
      return CONTINUE;
    }
    if (r instanceof LoopTransfer) {
      this.leaveIterate(a, r.kind, r.name);
      return CONTINUE;
    }
    return r;
  }

  /**
   * Run INTERPRET source in activation a: undefined when it ran to its end,
   * { value } when it ran RETURN, or the LEAVE or ITERATE it ran for a loop
   * of a's (interpret applies it to a's DO frames; a compiled region,
   * codegen.ts, to its own loops). a.pc is left as it was.
   */
  interpretString(a: Activation, source: string): { value: string | undefined } | LoopTransfer | undefined {
    // untraced and nothing trapped: a string of only assignments runs here (interpret-direct.ts)
    const direct = (a.trace === 'N' || a.trace === 'O') && a.traps.size === 0;
    let ip: Interpreted | null;
    try {
      ip = direct ? interpretedOrScanned(source) : getInterpreted(source);
    } catch (e) {
      if (e instanceof RexxError) e.line = a.line;
      throw e;
    }
    if (direct && (ip === null || ip.plan !== null)) {
      try {
        if (ip === null) runScanned(a, this.pollFn);
        else runDirect(a, ip.plan!, this.pollFn);
      } catch (e) {
        if (e instanceof RexxError) e.line = a.line;
        throw e;
      }
      return undefined;
    }
    const prog = ip!.prog;
    for (const c of prog.clauses) if (c.k === 'label') throw rexxError(47, 1, c.name);
    const act = new Activation(prog, a.pool, a.args, a, 'interpret', a.invocation);
    act.interp = this;
    act.depth = a.depth;
    // clause lines inside INTERPRET report the INTERPRET's line
    const line = a.line;
    let v: string | undefined;
    try {
      v = this.execute(act);
    } catch (e) {
      this.copyBack(a, act);
      if (e instanceof LoopTransfer) return e;
      if (e instanceof RexxError) e.line = line;
      throw e;
    }
    this.copyBack(a, act);
    a.line = line;
    if (act.returned) {
      if (a.kind === 'main') throw new ExitSignal(v);
      if (a.kind === 'interpret') a.returned = true;
      return { value: v };
    }
    return undefined;
  }

  /** A LEAVE or ITERATE run by an INTERPRET in a compiled region for a loop outside the region: a's DO frames take it. */
  loopTransfer(a: Activation, t: LoopTransfer): void {
    this.leaveIterate(a, t.kind, t.name);
  }

  /** INTERPRET runs in the routine's context: settings it changes stay changed. */
  private copyBack(a: Activation, act: Activation): void {
    a.takeSettings(act);
    a.sharedNumeric = act.sharedNumeric;
    a.sharedTraps = act.sharedTraps;
    a.pool = act.pool;
    if (act.condition) a.condition = act.condition;
  }

  // ------------------------------------------------------------------ DO loops

  private doStart(a: Activation, c: Extract<Clause, { k: 'do' }>): void {
    const spec = c.spec;
    const frame: DoFrame = { doIdx: a.pc, endIdx: c.endIdx, left: -1, repetitive: spec.kind !== 'simple' };
    switch (spec.kind) {
      case 'simple':
        a.blocks.push(frame);
        a.pc++;
        return;
      case 'forever':
        break;
      case 'count':
        startLimits(a, spec, evalCompiled, frame);
        break;
      case 'ctrl': {
        // (start, TO, BY, FOR evaluated in order, then the control variable set: do-rules.ts)
        const start = startLimits(a, spec, evalCompiled, frame)!;
        const ref = spec.ctrl!;
        completeCtrlFrame(frame, ref);
        this.assign(a, ref, start);
        break;
      }
    }
    a.blocks.push(frame);
    if (this.loopContinues(a, spec, frame)) a.pc++;
    else {
      a.blocks.pop();
      a.pc = c.endIdx + 1;
    }
  }

  /** The tests at the top of each iteration: TO, FOR/count, WHILE (§7.3.x DO). */
  private loopContinues(a: Activation, spec: DoSpec, f: DoFrame): boolean {
    if (spec.kind === 'ctrl' && f.to !== undefined) {
      const t = f.toInt!;
      if (t === t && f.getInt !== undefined && a.numeric.digits - a.numeric.fuzz >= 9) {
        const p = f.getInt(a); // NaN when unset or not a plain integer: the general path below
        if (p === p) {
          if (f.byNeg ? p < t : p > t) return false;
          return this.loopContinuesRest(a, spec, f);
        }
      }
      if (pastTo(a, f.get!(a), f.to, t, f.byNeg!)) return false;
    }
    return this.loopContinuesRest(a, spec, f);
  }

  /** The FOR/count and WHILE tests of loopContinues. */
  private loopContinuesRest(a: Activation, spec: DoSpec, f: DoFrame): boolean {
    if (!takeRepetition(f)) return false;
    if (spec.whileE) {
      const w = compile(spec.whileE)(a);
      if (w === '0') return false;
      if (w !== '1') throw rexxError(34, 3, w);
    }
    return true;
  }

  private doEnd(a: Activation, c: Extract<Clause, { k: 'end' }>): void {
    const f = a.blocks[a.blocks.length - 1];
    if (!f || f.doIdx !== c.doIdx) throw rexxError(10, 1);
    if (!f.repetitive) {
      a.blocks.pop();
      a.pc++;
      return;
    }
    this.iterate(a, f);
  }

  /** End of an iteration: UNTIL, step the control variable, then the top tests. */
  private iterate(a: Activation, f: DoFrame): void {
    const d = a.program.clauses[f.doIdx] as Extract<Clause, { k: 'do' }>;
    const spec = d.spec;
    if (spec.untilE) {
      const u = compile(spec.untilE)(a);
      if (u === '1') return this.exitLoop(a, f);
      if (u !== '0') throw rexxError(34, 4, u);
    }
    if (spec.kind === 'ctrl') {
      const b = f.byInt!;
      if (f.getInt !== undefined && b === b && a.numeric.digits >= 9 && a.trace !== 'R' && a.trace !== 'I') {
        const p = f.getInt(a);
        if (p === p) {
          const s = p + b; // exact below 10**9 (see intArith)
          if (s < 1e9 && s > -1e9) {
            f.setInt!(a, String(s), s);
            if (this.loopContinues(a, spec, f)) a.pc = f.doIdx + 1;
            else this.exitLoop(a, f);
            return;
          }
        }
      }
      const next = stepped(a, f.get!(a), f.by!, b);
      f.set!(a, next);
      if (a.trace === 'R' || a.trace === 'I') this.tracer.assigned(a, next);
    }
    if (this.loopContinues(a, spec, f)) a.pc = f.doIdx + 1;
    else this.exitLoop(a, f);
  }

  private exitLoop(a: Activation, f: DoFrame): void {
    while (a.blocks.length > 0 && a.blocks.pop() !== f);
    a.pc = f.endIdx + 1;
  }

  private leaveIterate(a: Activation, kind: 'leave' | 'iterate', name: string | undefined): void {
    for (let i = a.blocks.length - 1; i >= 0; i--) {
      const f = a.blocks[i]!;
      if (!f.repetitive) continue;
      if (name !== undefined && f.ctrl !== name) continue;
      a.blocks.length = i + 1;
      if (kind === 'leave') this.exitLoop(a, f);
      else this.iterate(a, f);
      return;
    }
    if (a.kind === 'interpret') throw new LoopTransfer(kind, name);
    if (name !== undefined) throw rexxError(28, kind === 'leave' ? 3 : 4, name);
    throw rexxError(28, kind === 'leave' ? 1 : 2);
  }
}

const CONTINUE = Symbol('continue');

/** Part p of a DO's specification evaluated through its compiled closure (as the clause loop evaluates it). */
function evalCompiled(a: Activation, spec: DoSpec, p: DoPart): string {
  return compile(spec[p]!)(a);
}

/**
 * What a compiled RETURN clause hands to the clause loop: the same object
 * each time, its value read by execute before any other clause runs (a RETURN
 * per routine call need not allocate).
 */
const RETURNED: { value: string | undefined } = { value: undefined };

type ClauseFn = (a: Activation) => { value: string | undefined } | undefined | void;

export function upperAscii(s: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) {
      out += s.slice(start, i) + String.fromCharCode(c - 32);
      start = i + 1;
    }
  }
  return start === 0 ? s : out + s.slice(start);
}

export function isValidSymbol(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok =
      (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) ||
      c === 0x2e || c === 0x21 || c === 0x3f || c === 0x5f || c === 0x40 || c === 0x23 || c === 0x24;
    if (!ok) return false;
  }
  return true;
}

/** Whether a value is a valid number (exported for BIFs that need the interpreter's view). */
export { isNumber };
