/**
 * One running routine: the main program, an internal routine or function, or
 * an INTERPRET string's context (ANSI X3.274-1996 §8.2 "Activations"). It holds
 * the settings a CALL saves and restores — NUMERIC, TRACE, ADDRESS, condition
 * traps, elapsed-time clock — and its place in the program.
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

export class Activation {
  pc = 0;
  numeric: NumericSettings;
  trace: string;
  interactive = false;
  address: string;
  prevAddress: string;
  traps: Map<ConditionName, Trap>;
  blocks: DoFrame[] = [];
  condition: ConditionInfo | undefined;
  /** PROCEDURE allowed only as the first clause executed in a called routine */
  procedureAllowed: boolean;
  /** routine name for error messages ("44.1 No data returned from function") */
  routine = '';
  /** the source line of the clause being executed (SIGL and error reports) */
  line = 0;
  /** nesting depth (for the stack limit and trace indentation) */
  depth: number;
  /** TIME('E'/'R') clock start for this activation (inherited from caller) */
  elapsedStart: number | undefined;
  /** the interpreter running this activation (set by the interpreter) */
  interp!: unknown;
  /** the BifContext built-in functions called here see (made by the interpreter on first use) */
  bifCtx: unknown = undefined;
  /** numeric / traps may be the same object as another activation's: copy before changing */
  sharedNumeric = false;
  sharedTraps = false;

  /** The NUMERIC settings, made this activation's own, for changing them. */
  ownNumeric(): NumericSettings {
    if (this.sharedNumeric) {
      this.numeric = { ...this.numeric };
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

  /** an INTERPRET string executed RETURN */
  returned = false;

  constructor(
    readonly program: Program,
    public pool: VarPool,
    readonly args: (string | undefined)[],
    readonly parent: Activation | undefined,
    readonly kind: 'main' | 'call' | 'function' | 'interpret' | 'external',
    /** how the program was invoked, for PARSE SOURCE: COMMAND, SUBROUTINE, FUNCTION */
    readonly invocation: string,
  ) {
    if (parent && kind === 'interpret') {
      this.sharedNumeric = parent.sharedNumeric;
      this.sharedTraps = parent.sharedTraps;
      // INTERPRET runs in its routine's context: the interpreter copies these
      // back when the string ends (normally or not), so they can be shared
      this.numeric = parent.numeric;
      this.trace = parent.trace;
      this.interactive = parent.interactive;
      this.address = parent.address;
      this.prevAddress = parent.prevAddress;
      this.traps = parent.traps;
      this.depth = parent.depth + 1;
      this.elapsedStart = parent.elapsedStart;
      this.condition = parent.condition;
    } else if (parent && kind !== 'external') {
      // a called routine starts with its caller's NUMERIC settings and traps:
      // shared until either side changes them (ownNumeric / ownTraps copy)
      this.numeric = parent.numeric;
      this.sharedNumeric = true;
      parent.sharedNumeric = true;
      this.trace = parent.trace;
      this.interactive = parent.interactive;
      this.address = parent.address;
      this.prevAddress = parent.prevAddress;
      this.traps = parent.traps;
      this.sharedTraps = true;
      parent.sharedTraps = true;
      this.depth = parent.depth + 1;
      this.elapsedStart = parent.elapsedStart;
      this.condition = parent.condition;
    } else if (parent) {
      this.numeric = { ...parent.numeric };
      this.trace = parent.trace;
      this.interactive = parent.interactive;
      this.address = parent.address;
      this.prevAddress = parent.prevAddress;
      this.traps = new Map(parent.traps);
      this.depth = parent.depth + 1;
      this.elapsedStart = parent.elapsedStart;
      // condition information is visible in routines called from a handler (CONDITION() there)
      this.condition = kind === 'external' ? undefined : parent.condition;
    } else {
      this.numeric = { digits: 9, fuzz: 0, form: 'SCIENTIFIC' };
      this.trace = 'N';
      this.address = '';
      this.prevAddress = '';
      this.traps = new Map();
      this.depth = 0;
      this.elapsedStart = undefined;
    }
    this.procedureAllowed = kind === 'call' || kind === 'function';
  }
}
