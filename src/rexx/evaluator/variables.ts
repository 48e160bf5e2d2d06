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

export class VarPool {
  readonly simple = new Map<string, Box>();
  private stemMap: Map<string, Stem> | undefined = undefined;

  /** The stems (made on first use: most procedure pools never see one). */
  get stems(): Map<string, Stem> {
    return (this.stemMap ??= new Map());
  }

  box(name: string): Box {
    let b = this.simple.get(name);
    if (!b) {
      b = new Box();
      this.simple.set(name, b);
    }
    return b;
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
    return this.simple.get(name)?.v;
  }

  setSimple(name: string, value: string): void {
    const b = this.simple.get(name);
    if (b) b.v = value;
    else this.box(name).v = value;
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
    const b = this.simple.get(name);
    if (b) b.v = undefined;
  }

  dropCompound(stem: string, tail: string): void {
    const b = this.stem(stem).box(tail);
    b.v = undefined;
    b.dropped = true;
  }
}
