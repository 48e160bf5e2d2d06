/**
 * The variable pool (ANSI X3.274-1996 §7.1 "Variables"; TRL2 §4.4).
 *
 * Simple variables live in boxes so that PROCEDURE EXPOSE can share one box
 * between the caller's pool and the procedure's. A stem holds its default
 * value (from `stem. = value`) and a box per tail. A dropped compound
 * variable remembers that it was dropped, so it does not fall back to the
 * stem's default (`c. = 5; drop c.2; say c.2` says C.2).
 */

/*
 * The classes here are made for every call of a procedure (a pool, a box per
 * variable, a stem table), so their fields are `declare`d and set in the
 * constructor: class-field initialisers are run by V8 as a separate function
 * for every object (measured: Box's took a quarter of its construction in
 * calls to a procedure).
 */

export class Box {
  declare v: string | undefined;
  /** explicitly dropped (only meaningful for compound variables) */
  declare dropped: boolean;
  /**
   * Integer cache for the evaluator's fast path: when v is (the same string
   * as) ns, n is plainInt(v) (NaN when v is not a plain integer).
   */
  declare ns: string | undefined;
  declare n: number;
  constructor(v: string | undefined = undefined) {
    this.v = v;
    this.dropped = false;
    this.ns = undefined;
    this.n = NaN;
  }
}

/**
 * A tail that starts with a digit ('5', and the rare '05' or '1A') is kept
 * in a prototype-less object, not a Map: V8's Map hashes array-index
 * strings ('1', '2', ...) badly and is ten times slower than an object's
 * elements for the typical `a.i` stems (measured on the sieve of bench b6).
 * Any other tail ('DEPT', 'k123', '') is kept in a Map: V8 looks a
 * dictionary-mode object's property up by an internalised key, so a tail
 * made afresh for each lookup (`tot.dept` with dept just parsed from a
 * record) was first looked up in the string table and turned into a thin
 * string, at every lookup; a Map hashes the string and compares contents
 * (measured on bench b4's record loop: a tenth less time once warm). The
 * first character decides, so a tail is always kept in the same one. A
 * tail's entry is its value (a string) or, once the tail has been exposed
 * to a procedure or dropped, a Box shared with other pools.
 */
type Tails = Record<string, string | Box | undefined>;

function newTails(): Tails {
  return Object.create(null) as Tails;
}

/** Whether tail t is kept among a stem's elements (Stem.tails) rather than in its Map (Stem.named). */
export function digitLed(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** Stem.get of entry x. */
function entryValue(x: string | Box | undefined, dflt: string | undefined): string | undefined {
  if (typeof x === 'string') return x;
  if (x !== undefined) {
    if (x.v !== undefined) return x.v;
    if (x.dropped) return undefined;
  }
  return dflt;
}

export class Stem {
  declare dflt: string | undefined;
  /** the tails that start with a digit */
  declare tails: Tails;
  /**
   * The other tails (see Tails). Made with the stem and emptied, never
   * replaced, by assignAll / dropAll: a field that keeps one kind of value
   * spares optimised code a deopt when it first changes (primeShapes).
   */
  declare named: Map<string, string | Box>;
  /**
   * Whether any of `tails` is a Box. Until one is (a tail exposed or
   * dropped), an element is set without first looking at what it holds
   * (measured: a tenth off bench b6's sieve and sort once warm).
   * (primeShapes drops an element, so the field changes at load time.)
   */
  declare elementBoxes: boolean;

  constructor() {
    this.dflt = undefined;
    this.tails = newTails();
    this.named = new Map();
    this.elementBoxes = false;
  }

  /** `stem. = value`: every tail, existing or not, now has this value. */
  assignAll(value: string): void {
    this.dflt = value;
    this.clear();
  }

  dropAll(): void {
    this.dflt = undefined;
    this.clear();
  }

  private clear(): void {
    this.tails = newTails();
    this.elementBoxes = false;
    this.named.clear();
  }

  /** Share a box (PROCEDURE EXPOSE of a compound variable). */
  setBox(tail: string, b: Box): void {
    if (digitLed(tail)) {
      this.tails[tail] = b;
      this.elementBoxes = true;
    } else this.named.set(tail, b);
  }

  /** Value of tail, the default when it has none, undefined when neither (or dropped). */
  get(tail: string): string | undefined {
    return entryValue(digitLed(tail) ? this.tails[tail] : this.named.get(tail), this.dflt);
  }

  /** get() for a tail that is the canonical form of a non-negative integer (an element index). */
  getN(tail: number): string | undefined {
    return entryValue(this.tails[tail], this.dflt);
  }

  setN(tail: number, value: string): void {
    if (!this.elementBoxes) {
      this.tails[tail] = value;
      return;
    }
    const x = this.tails[tail];
    if (x !== undefined && typeof x !== 'string') {
      x.v = value;
      x.dropped = false;
    } else this.tails[tail] = value;
  }

  set(tail: string, value: string): void {
    const m = this.named;
    const digits = digitLed(tail);
    if (digits && !this.elementBoxes) {
      this.tails[tail] = value;
      return;
    }
    const x = digits ? this.tails[tail] : m.get(tail);
    if (x !== undefined && typeof x !== 'string') {
      x.v = value;
      x.dropped = false;
    } else if (digits) this.tails[tail] = value;
    else m.set(tail, value);
  }

  /** The tail's box (made, holding the current value, if the tail has none yet). */
  box(tail: string): Box {
    const digits = digitLed(tail);
    const x = digits ? this.tails[tail] : this.named.get(tail);
    if (x !== undefined && typeof x !== 'string') return x;
    const b = new Box(x);
    if (digits) {
      this.tails[tail] = b;
      this.elementBoxes = true;
    } else this.named.set(tail, b);
    return b;
  }
}

/**
 * A pool's stems by name (`pool.stems`): the first two in fields, the rest in
 * a Map made when needed. A procedure that exposes a stem or uses one or two
 * of its own (the common case) costs one small object, not a Map.
 */
export class StemTable {
  declare private n0: string | undefined;
  declare private s0: Stem | undefined;
  declare private n1: string | undefined;
  declare private s1: Stem | undefined;
  declare private more: Map<string, Stem> | undefined;

  constructor() {
    this.n0 = undefined;
    this.s0 = undefined;
    this.n1 = undefined;
    this.s1 = undefined;
    this.more = undefined;
  }

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
/** Cache misses after which a pool is remembered by the caches that look into it (VarPool.settled). */
const SETTLED = 16;

export class VarPool implements SimpleVars {
  declare private k0: string | undefined;
  declare private b0: Box | undefined;
  declare private k1: string | undefined;
  declare private b1: Box | undefined;
  declare private k2: string | undefined;
  declare private b2: Box | undefined;
  declare private k3: string | undefined;
  declare private b3: Box | undefined;
  declare private k4: string | undefined;
  declare private b4: Box | undefined;
  declare private k5: string | undefined;
  declare private b5: Box | undefined;
  /** names beyond the six in the fields */
  declare private more: Map<string, Box> | undefined;
  declare private stemTable: StemTable | undefined;
  /** SIGL's box, kept at hand: every CALL sets it in the caller's pool */
  declare private siglBox: Box | undefined;
  /**
   * The line SIGL holds while it has no box yet (-1: none). Every call sets
   * SIGL in the caller's pool, and the pool of a `name: procedure` routine
   * starts without one, so a box (and the line as a string) would be made
   * for every routine that calls another; most never look at SIGL. get()
   * makes the box when the name is first looked up.
   */
  declare private siglLine: number;
  /** lookups by the evaluator's caches that found this pool not remembered (see settled) */
  declare private misses: number;

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
    this.siglLine = -1;
    this.misses = 0;
  }

  /**
   * Whether the evaluator's per-site caches (expression.ts: each remembers
   * the box or stem it found in the last pool it looked in) should remember
   * this pool; asked when one has looked it up again. A pool is worth
   * remembering once it has been looked in often: the main program's, or a
   * routine's that runs a while. The pool of a short procedure call (one per
   * call of a `name: procedure` routine) would be remembered only to be
   * replaced at the next call, and remembering it costs more than the lookup
   * it saves: a cache is an old object, and storing a new pool in it goes
   * through V8's write barrier (measured on the recursive functions of
   * bench b5: removing these stores made it 7% faster).
   */
  settled(): boolean {
    return ++this.misses > SETTLED;
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
    if (m !== undefined) {
      const b = m.get(name);
      if (b !== undefined) return b;
    }
    return this.siglLine >= 0 && name === 'SIGL' ? this.siglNow() : undefined;
  }

  /** SIGL's box, made now for the line setSigl left pending. */
  private siglNow(): Box {
    const b = this.add('SIGL', new Box(String(this.siglLine)));
    this.siglLine = -1;
    return b;
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
    if (name === 'SIGL') {
      this.siglBox = b;
      this.siglLine = -1;
    }
  }

  /** The stems (made on first use: most procedure pools never see one). */
  get stems(): StemTable {
    return (this.stemTable ??= new StemTable());
  }

  box(name: string): Box {
    const b = this.get(name);
    return b !== undefined ? b : this.add(name, new Box());
  }

  /** Give `name`, which has no box yet, the box b (set() without looking for the name again). */
  private add(name: string, b: Box): Box {
    if (this.k0 === undefined) {
      this.k0 = name;
      this.b0 = b;
    } else if (this.k1 === undefined) {
      this.k1 = name;
      this.b1 = b;
    } else if (this.k2 === undefined) {
      this.k2 = name;
      this.b2 = b;
    } else if (this.k3 === undefined) {
      this.k3 = name;
      this.b3 = b;
    } else if (this.k4 === undefined) {
      this.k4 = name;
      this.b4 = b;
    } else if (this.k5 === undefined) {
      this.k5 = name;
      this.b5 = b;
    } else (this.more ??= new Map()).set(name, b);
    if (name === 'SIGL') this.siglBox = b;
    return b;
  }

  /**
   * Set SIGL to `line` (>= 0), the line of a CALL or function call (ANSI
   * §7.2.x): into its box if it has one (compiled code may hold the box),
   * else kept as a number until SIGL is looked up (siglLine).
   */
  setSigl(line: number): void {
    const b = this.siglBox;
    if (b !== undefined) b.v = String(line);
    else this.siglLine = line;
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
    else this.add(name, new Box(value));
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

/**
 * Make every field of a pool, a box, a stem table and a stem changeable,
 * and give the pool's methods their type feedback for every name slot,
 * before any code using them is optimised.
 *
 * V8 marks an object field "const" until a store first changes it after
 * construction; optimised code (the pool's constructor, and every call
 * path that makes or reads a pool, inlined into its callers) depends on
 * that, and all of it is thrown away and compiled again when a later store
 * first changes the field: when the first pool fills its third name slot,
 * say, or the first compound variable is dropped. Measured: two such events
 * in bench b5 (the first call of a two-argument and of a four-argument
 * routine), each discarding about twelve optimised functions of the call
 * path, none after this.
 *
 * Likewise, code optimised while every pool seen held one name has no
 * feedback for the comparisons with the later slots, and each inlined copy
 * of get() or add() is thrown away when a pool with more names comes
 * (measured: eight such in bench b5). So pools are filled here often
 * enough for V8 to keep the feedback (it allocates a function's feedback
 * vector after its first few calls), with names as the parser makes them
 * (strings that are not internalised) and as literals.
 */
function primeShapes(): void {
  for (let k = 0; k < 12; k++) {
    const p = new VarPool();
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((n, i) => (k & 1 ? n : (n + i).toUpperCase()));
    for (const n of names) p.box(n).v = n;
    for (const n of names) p.setSimple(n, p.getSimple(n)!);
    p.setSigl(k);
    p.get('SIGL');
    p.set('SIGL', new Box('2'));
    p.setSigl(3);
    p.stem('S.').assignAll('s');
    p.stem('T.').dropAll();
    p.stem('U.');
    p.dropCompound('S.', '1');
    p.dropSimple('A');
    const b = p.box(names[0]!);
    b.ns = 'A';
    b.n = 1;
    b.n = NaN;
    for (let i = 0; i <= SETTLED; i++) p.settled();
  }
}
primeShapes();
