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
  constructor(public v: string | undefined = undefined) {}
}

/**
 * Tails are kept in a prototype-less object, not a Map: V8's Map hashes
 * array-index strings ('1', '2', ...) badly and is ten times slower than
 * an object's elements for the typical `a.i` stems (measured on the sieve
 * of bench b6).
 */
type Tails = Record<string, Box | undefined>;

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
    const b = this.tails[tail];
    if (b !== undefined) {
      if (b.v !== undefined) return b.v;
      if (b.dropped) return undefined;
    }
    return this.dflt;
  }

  set(tail: string, value: string): void {
    const b = this.tails[tail];
    if (b !== undefined) {
      b.v = value;
      b.dropped = false;
    } else this.tails[tail] = new Box(value);
  }

  box(tail: string): Box {
    let b = this.tails[tail];
    if (!b) {
      b = new Box();
      this.tails[tail] = b;
    }
    return b;
  }
}

export class VarPool {
  readonly simple = new Map<string, Box>();
  readonly stems = new Map<string, Stem>();

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
