/**
 * The variable pool (ANSI X3.274-1996 §7.1 "Variables"; TRL2 §4.4).
 *
 * Simple variables live in boxes so that PROCEDURE EXPOSE can share one box
 * between the caller's pool and the procedure's. A stem holds its default
 * value (from `stem. = value`) and a box per tail. A dropped compound
 * variable remembers that it was dropped, so it does not fall back to the
 * stem's default (`c. = 5; drop c.2; say c.2` says C.2).
 */

export class Box {
  /** explicitly dropped (only meaningful for compound variables) */
  dropped = false;
  /**
   * Integer cache for the evaluator's fast path: when v is (the same string
   * as) ns, n is plainInt(v) (NaN when v is not a plain integer).
   */
  ns: string | undefined = undefined;
  n = NaN;
  constructor(public v: string | undefined = undefined) {}
}

/**
 * Tails are kept in a prototype-less object, not a Map: V8's Map hashes
 * array-index strings ('1', '2', ...) badly and is ten times slower than
 * an object's elements for the typical `a.i` stems (measured on the sieve
 * of bench b6). A tail's entry is its value (a string) or, once the tail has
 * been exposed to a procedure or dropped, a Box shared with other pools.
 */
type Tails = Record<string, string | Box | undefined>;

function newTails(): Tails {
  return Object.create(null) as Tails;
}

export class Stem {
  dflt: string | undefined = undefined;
  tails: Tails = newTails();

  /** `stem. = value`: every tail, existing or not, now has this value. */
  assignAll(value: string): void {
    this.dflt = value;
    this.tails = newTails();
  }

  dropAll(): void {
    this.dflt = undefined;
    this.tails = newTails();
  }

  /** Share a box (PROCEDURE EXPOSE of a compound variable). */
  setBox(tail: string, b: Box): void {
    this.tails[tail] = b;
  }

  /** Value of tail, the default when it has none, undefined when neither (or dropped). */
  get(tail: string): string | undefined {
    const x = this.tails[tail];
    if (typeof x === 'string') return x;
    if (x !== undefined) {
      if (x.v !== undefined) return x.v;
      if (x.dropped) return undefined;
    }
    return this.dflt;
  }

  /** get() for a tail that is the canonical form of a non-negative integer (an element index). */
  getN(tail: number): string | undefined {
    const x = this.tails[tail];
    if (typeof x === 'string') return x;
    if (x !== undefined) {
      if (x.v !== undefined) return x.v;
      if (x.dropped) return undefined;
    }
    return this.dflt;
  }

  setN(tail: number, value: string): void {
    const x = this.tails[tail];
    if (x !== undefined && typeof x !== 'string') {
      x.v = value;
      x.dropped = false;
    } else this.tails[tail] = value;
  }

  set(tail: string, value: string): void {
    const x = this.tails[tail];
    if (x !== undefined && typeof x !== 'string') {
      x.v = value;
      x.dropped = false;
    } else this.tails[tail] = value;
  }

  /** The tail's box (made, holding the current value, if the tail has none yet). */
  box(tail: string): Box {
    const x = this.tails[tail];
    if (x !== undefined && typeof x !== 'string') return x;
    const b = new Box(x);
    this.tails[tail] = b;
    return b;
  }
}

/**
 * A pool's stems by name (`pool.stems`): the first two in fields, the rest in
 * a Map made when needed. A procedure that exposes a stem or uses one or two
 * of its own (the common case) costs one small object, not a Map.
 */
export class StemTable {
  private n0: string | undefined = undefined;
  private s0: Stem | undefined = undefined;
  private n1: string | undefined = undefined;
  private s1: Stem | undefined = undefined;
  private more: Map<string, Stem> | undefined = undefined;

  get(name: string): Stem | undefined {
    if (this.n0 === name) return this.s0;
    if (this.n1 === name) return this.s1;
    const m = this.more;
    return m === undefined ? undefined : m.get(name);
  }

  /** Give stem `name` the Stem s (PROCEDURE EXPOSE shares the caller's). */
  set(name: string, s: Stem): void {
    if (this.n0 === name || this.n0 === undefined) {
      this.n0 = name;
      this.s0 = s;
    } else if (this.n1 === name || this.n1 === undefined) {
      this.n1 = name;
      this.s1 = s;
    } else (this.more ??= new Map()).set(name, s);
  }
}

/** What `pool.simple` offers: the box of each simple variable by name. */
export interface SimpleVars {
  get(name: string): Box | undefined;
  set(name: string, b: Box): void;
}

/**
 * A pool's simple variables: the first six names and boxes in fields of the
 * pool itself, the rest in a Map made when needed. A procedure's pool (one per
 * call of a `name: procedure` routine) typically holds SIGL and a few
 * arguments; comparing a handful of names is faster than hashing them, and a
 * pool without a Map costs one allocation instead of three (measured on the
 * recursive functions of bench b5). Boxes are never removed (DROP empties
 * them), which the evaluator's per-pool box caches rely on.
 */
export class VarPool implements SimpleVars {
  private k0: string | undefined;
  private b0: Box | undefined;
  private k1: string | undefined;
  private b1: Box | undefined;
  private k2: string | undefined;
  private b2: Box | undefined;
  private k3: string | undefined;
  private b3: Box | undefined;
  private k4: string | undefined;
  private b4: Box | undefined;
  private k5: string | undefined;
  private b5: Box | undefined;
  /** names beyond the six in the fields */
  private more: Map<string, Box> | undefined;
  private stemTable: StemTable | undefined;
  /** SIGL's box, kept at hand: every CALL sets it in the caller's pool */
  private siglBox: Box | undefined;

  constructor() {
    this.k0 = undefined;
    this.b0 = undefined;
    this.k1 = undefined;
    this.b1 = undefined;
    this.k2 = undefined;
    this.b2 = undefined;
    this.k3 = undefined;
    this.b3 = undefined;
    this.k4 = undefined;
    this.b4 = undefined;
    this.k5 = undefined;
    this.b5 = undefined;
    this.more = undefined;
    this.stemTable = undefined;
    this.siglBox = undefined;
  }

  /** The simple variables' boxes by name (the pool itself, see SimpleVars). */
  get simple(): SimpleVars {
    return this;
  }

  /** The box of simple variable `name`, undefined when it has none yet. */
  get(name: string): Box | undefined {
    if (this.k0 === name) return this.b0;
    if (this.k1 === name) return this.b1;
    if (this.k2 === name) return this.b2;
    if (this.k3 === name) return this.b3;
    if (this.k4 === name) return this.b4;
    if (this.k5 === name) return this.b5;
    const m = this.more;
    return m === undefined ? undefined : m.get(name);
  }

  /** Give simple variable `name` the box b (PROCEDURE EXPOSE shares the caller's). */
  set(name: string, b: Box): void {
    // a name already present is replaced in place, a new one takes the first free field
    if (this.k0 === name || this.k0 === undefined) {
      this.k0 = name;
      this.b0 = b;
    } else if (this.k1 === name || this.k1 === undefined) {
      this.k1 = name;
      this.b1 = b;
    } else if (this.k2 === name || this.k2 === undefined) {
      this.k2 = name;
      this.b2 = b;
    } else if (this.k3 === name || this.k3 === undefined) {
      this.k3 = name;
      this.b3 = b;
    } else if (this.k4 === name || this.k4 === undefined) {
      this.k4 = name;
      this.b4 = b;
    } else if (this.k5 === name || this.k5 === undefined) {
      this.k5 = name;
      this.b5 = b;
    } else (this.more ??= new Map()).set(name, b);
    if (name === 'SIGL') this.siglBox = b;
  }

  /** The stems (made on first use: most procedure pools never see one). */
  get stems(): StemTable {
    return (this.stemTable ??= new StemTable());
  }

  box(name: string): Box {
    let b = this.get(name);
    if (b === undefined) {
      b = new Box();
      this.set(name, b);
    }
    return b;
  }

  /** Set SIGL (ANSI §7.2.x: the line of the CALL, SIGNAL or trapped condition). */
  setSigl(line: string): void {
    const b = this.siglBox;
    if (b !== undefined) b.v = line;
    else this.set('SIGL', new Box(line));
  }

  stem(name: string): Stem {
    let s = this.stems.get(name);
    if (!s) {
      s = new Stem();
      this.stems.set(name, s);
    }
    return s;
  }

  /** Value of a simple variable, undefined when it has none. */
  getSimple(name: string): string | undefined {
    return this.get(name)?.v;
  }

  setSimple(name: string, value: string): void {
    const b = this.get(name);
    if (b) b.v = value;
    else this.set(name, new Box(value));
  }

  /** Value of compound stem+tail, undefined when it has none (no default either). */
  getCompound(stem: string, tail: string): string | undefined {
    const s = this.stems.get(stem);
    return s === undefined ? undefined : s.get(tail);
  }

  setCompound(stem: string, tail: string, value: string): void {
    this.stem(stem).set(tail, value);
  }

  dropSimple(name: string): void {
    const b = this.get(name);
    if (b) b.v = undefined;
  }

  dropCompound(stem: string, tail: string): void {
    const b = this.stem(stem).box(tail);
    b.v = undefined;
    b.dropped = true;
  }
}
