/**
 * The per-site caches of the expression closures (expression.ts): the box of
 * a simple variable, or the Stem of a stem, that a site found in the last
 * pool it looked in, remembered once that pool is worth it
 * (VarPool.settled). Boxes are never removed from a pool (DROP only empties
 * them) and a pool's stems are emptied in place, never replaced, so what was
 * found stays valid for as long as the pool is current.
 *
 * Classes, not closures: V8 shares the type feedback of all closures made
 * from one function literal, so a closure that called a per-site getter
 * closure (each site its own) was optimised for the first site's getter and
 * deoptimised at the next ("wrong call target", seen on bench b5). A method
 * is one call target for every site.
 */
import type { Activation } from './activation.js';
import type { Box, Stem, VarPool } from './variables.js';

/** What a site found in the last pool it looked in (T: a Box or a Stem). */
abstract class PoolSite<T> {
  declare readonly name: string;
  declare private pool: VarPool | undefined;
  declare private found: T | undefined;

  constructor(name: string) {
    this.name = name;
    this.pool = undefined;
    this.found = undefined;
  }

  /** Pool p's T of this name, undefined when it has none. */
  protected abstract lookup(p: VarPool): T | undefined;
  /** Pool p's T of this name, made if it has none. */
  protected abstract made(p: VarPool): T;

  /** The T in the current pool, undefined while it has none. */
  find(a: Activation): T | undefined {
    const p = a.pool;
    if (p === this.pool) return this.found;
    const x = this.lookup(p);
    if (x !== undefined && p.settled()) {
      this.pool = p;
      this.found = x;
    }
    return x;
  }

  /** The T in the current pool, made if it has none (assignment). */
  make(a: Activation): T {
    const p = a.pool;
    if (p === this.pool) return this.found!;
    const x = this.made(p);
    if (p.settled()) {
      this.pool = p;
      this.found = x;
    }
    return x;
  }
}

/** Where a simple variable's box is found. */
export class VarSite extends PoolSite<Box> {
  protected lookup(p: VarPool): Box | undefined {
    return p.simple.get(this.name);
  }

  protected made(p: VarPool): Box {
    return p.box(this.name);
  }
}

/** Where a stem is found. */
export class StemSite extends PoolSite<Stem> {
  protected lookup(p: VarPool): Stem | undefined {
    return p.stems.get(this.name);
  }

  protected made(p: VarPool): Stem {
    return p.stem(this.name);
  }
}
