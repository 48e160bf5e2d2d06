/**
 * One running routine: the main program, an internal routine or function, or
 * an INTERPRET string's context (ANSI X3.274-1996 §8.2 "Activations"). It holds
 * the settings a CALL saves and restores — NUMERIC, TRACE, ADDRESS, condition
 * traps — and its place in the program.
 */
import type { Program, ConditionName } from '../ast.js';
import type { NumericSettings } from '../arithmetic/settings.js';
import { VarPool } from './variables.js';

export interface Trap {
  mode: 'signal' | 'call';
  label: string;
  /** CALL ON traps are delayed while their handler runs */
  delayed?: boolean;
}

/** What CONDITION() reports (ANSI §8.3.x). */
export interface ConditionInfo {
  name: ConditionName;
  description: string;
  instruction: 'SIGNAL' | 'CALL';
  /** for SYNTAX: the error; for ERROR/FAILURE: the command's RC */
  extra?: unknown;
}

/** State of an active repetitive DO loop. */
export interface DoFrame {
  doIdx: number;
  endIdx: number;
  /** control variable name if any (for LEAVE/ITERATE name and END name) */
  ctrl?: string;
  to?: string;
  by?: string;
  /** remaining iterations for DO n / FOR n; -1 when unlimited */
  left: number;
  /** repetitive (LEAVE/ITERATE apply) */
  repetitive: boolean;
  /** compiled reader and writer of the control variable */
  get?: (a: Activation) => string;
  set?: (a: Activation, v: string) => void;
  /** for a simple control variable: its integer reader and writer (expression.ts compileInt / intSetter) */
  getInt?: (a: Activation) => number;
  setInt?: (a: Activation, s: string, n: number) => void;
  /** TO and BY as plain integers (NaN when they are not), and BY's sign */
  toInt?: number;
  byInt?: number;
  byNeg?: boolean;
}

/** What a called routine starts with from its caller, and INTERPRET hands back. */
type Settings = Pick<Activation, 'numeric' | 'trace' | 'interactive' | 'address' | 'prevAddress' | 'traps'>;

/**
 * The settings a main program starts with (ANSI §8.2.x: NUMERIC DIGITS 9, FUZZ
 * 0, SCIENTIFIC; TRACE N; no traps). Every main activation shares these
 * objects, marked shared: ownNumeric and ownTraps copy them before a change.
 */
const INITIAL: Settings & Pick<Activation, 'depth' | 'condition'> = {
  numeric: { digits: 9, fuzz: 0, form: 'SCIENTIFIC' },
  trace: 'N',
  interactive: false,
  address: '',
  prevAddress: '',
  traps: new Map(),
  depth: -1,
  condition: undefined,
};

/**
 * A copy of NUMERIC settings, made as an object literal of the same shape as
 * INITIAL's: one hidden class for every activation's settings, read by every
 * arithmetic operation (`a.numeric.digits`). (A spread copy gets a class of
 * its own in V8: after a program's first NUMERIC those reads would see two.)
 */
function copyNumeric(n: NumericSettings): NumericSettings {
  return { digits: n.digits, fuzz: n.fuzz, form: n.form };
}

/**
 * A new activation is made for every CALL and function call, so its fields
 * are all set by the constructor in one order (`declare`: no class-field
 * initialisers, which V8 runs as a separate function), and what a called
 * routine inherits is shared, not copied: NUMERIC settings and condition
 * traps are copied only when one side changes them (ownNumeric, ownTraps).
 */
export class Activation {
  declare readonly program: Program;
  declare pool: VarPool;
  declare readonly args: (string | undefined)[];
  declare readonly parent: Activation | undefined;
  declare readonly kind: 'main' | 'call' | 'function' | 'interpret' | 'external';
  /** how the program was invoked, for PARSE SOURCE: COMMAND, SUBROUTINE, FUNCTION */
  declare readonly invocation: string;
  declare pc: number;
  declare numeric: NumericSettings;
  declare trace: string;
  declare interactive: boolean;
  declare address: string;
  declare prevAddress: string;
  declare traps: Map<ConditionName, Trap>;
  /** the active DO frames (`blocks`), made on first use: most routine calls run no DO loop */
  declare private frames: DoFrame[] | undefined;
  declare condition: ConditionInfo | undefined;
  /** PROCEDURE allowed only as the first clause executed in a called routine */
  declare procedureAllowed: boolean;
  /** the source line of the clause being executed (SIGL and error reports) */
  declare line: number;
  /** nesting depth (for the stack limit and trace indentation) */
  declare depth: number;
  /** the interpreter running this activation (set by the interpreter) */
  declare interp: unknown;
  /** the BifContext built-in functions called here see (made by the interpreter on first use) */
  declare bifCtx: unknown;
  /** numeric / traps may be the same object as another activation's: copy before changing */
  declare sharedNumeric: boolean;
  declare sharedTraps: boolean;
  /** an INTERPRET string executed RETURN */
  declare returned: boolean;

  /** The block stack of active DO loops (an empty array made on first use). */
  get blocks(): DoFrame[] {
    return (this.frames ??= []);
  }

  /** The NUMERIC settings, made this activation's own, for changing them. */
  ownNumeric(): NumericSettings {
    if (this.sharedNumeric) {
      this.numeric = copyNumeric(this.numeric);
      this.sharedNumeric = false;
    }
    return this.numeric;
  }

  /** The condition traps, made this activation's own, for changing them. */
  ownTraps(): Map<ConditionName, Trap> {
    if (this.sharedTraps) {
      this.traps = new Map(this.traps);
      this.sharedTraps = false;
    }
    return this.traps;
  }

  constructor(
    program: Program,
    pool: VarPool,
    args: (string | undefined)[],
    parent: Activation | undefined,
    kind: 'main' | 'call' | 'function' | 'interpret' | 'external',
    invocation: string,
  ) {
    this.program = program;
    this.pool = pool;
    this.args = args;
    this.parent = parent;
    this.kind = kind;
    this.invocation = invocation;
    this.pc = 0;
    this.frames = undefined;
    this.procedureAllowed = kind === 'call' || kind === 'function';
    this.line = 0;
    this.interp = undefined;
    this.bifCtx = undefined;
    this.returned = false;
    // a called routine starts with its caller's settings (ANSI §8.2.x; TRL2
    // §4.3.x: NUMERIC, TRACE, ADDRESS and traps are saved and restored
    // across a CALL; TIME's elapsed clock is the BIFs' routine state,
    // builtins/state.ts), shared until either side changes them
    // (ownNumeric / ownTraps copy); a main program with the initial ones.
    // Every activation gets its fields in this order (one hidden class for
    // all); INTERPRET and external routines adjust them in setUp, out of line
    // so that this constructor stays small enough to be inlined.
    const p = parent ?? INITIAL;
    this.takeSettings(p);
    this.depth = p.depth + 1;
    // condition information is visible in routines called from a handler (CONDITION() there)
    this.condition = p.condition;
    this.sharedNumeric = true;
    this.sharedTraps = true;
    if (parent === undefined) return;
    if (kind === 'interpret' || kind === 'external') this.setUp(parent, kind);
    else {
      parent.sharedNumeric = true;
      parent.sharedTraps = true;
    }
  }

  /**
   * Take the NUMERIC, TRACE and ADDRESS settings and the condition traps of
   * `from`: a caller's (a new routine starts with them) or an INTERPRET
   * string's activation (whose changes stay when it ends).
   */
  takeSettings(from: Settings): void {
    this.numeric = from.numeric;
    this.trace = from.trace;
    this.interactive = from.interactive;
    this.address = from.address;
    this.prevAddress = from.prevAddress;
    this.traps = from.traps;
  }

  /** The settings of an INTERPRET string and an external routine. */
  private setUp(parent: Activation, kind: Activation['kind']): void {
    if (kind === 'interpret') {
      // INTERPRET runs in its routine's context: the interpreter copies these
      // back when the string ends (normally or not), so they can be shared as they are
      this.sharedNumeric = parent.sharedNumeric;
      this.sharedTraps = parent.sharedTraps;
    } else {
      // an external routine: its own copies, no condition information
      this.numeric = copyNumeric(parent.numeric);
      this.traps = new Map(parent.traps);
      this.condition = undefined;
      this.sharedNumeric = false;
      this.sharedTraps = false;
    }
  }
}

/**
 * Make every field of an activation changeable before any code using them
 * is optimised (as variables.ts primeShapes does for pools, and why: V8
 * throws away the optimised code that depends on a field being "const"
 * when a store first changes it after construction). A routine's first
 * NUMERIC, SIGNAL ON, TRACE, ADDRESS or DO loop, or the first condition
 * raised, would otherwise discard the optimised call path once, at some
 * point during the run.
 */
function primeShapes(): void {
  const prog: Program = { name: '', clauses: [], labels: new Map(), lines: [] };
  const main = new Activation(prog, new VarPool(), [], undefined, 'main', 'COMMAND');
  const a = new Activation(prog, main.pool, [], main, 'function', 'FUNCTION');
  a.pool = new VarPool();
  a.pc = 1;
  a.line = 1;
  a.depth = 2;
  a.procedureAllowed = false;
  a.interp = null;
  a.bifCtx = null;
  a.ownNumeric().digits = 10;
  a.ownTraps().set('HALT', { mode: 'call', label: 'H' });
  a.takeSettings({ numeric: a.numeric, trace: 'R', interactive: true, address: 'A', prevAddress: 'B', traps: a.traps });
  void a.blocks;
  a.condition = { name: 'HALT', description: '', instruction: 'CALL' };
  a.returned = true;
}
primeShapes();
