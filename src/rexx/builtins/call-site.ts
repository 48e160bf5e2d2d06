/**
 * A compiled call site of a function that names a built-in function.
 *
 * The general path (Interpreter.callFunction → callRoutine) searches, on every
 * call, the program's labels, then the BIF table, then external routines
 * (ANSI X3.274-1996 §7.2.5 / §8.2.x search order). For a given call site the
 * answer only changes when the program whose labels are searched changes (an
 * INTERPRET string's tree may be run from several programs) or when the BIF
 * table is changed by registerBuiltin, so the site remembers both and goes
 * straight to the BIF.
 *
 * The site answers undefined when the name is an internal label there: the
 * caller then takes the general path, which runs the internal routine.
 */
import type { Activation } from '../evaluator/activation.js';
import type { Program } from '../ast.js';
import type { BifContext, BifSpec } from './types.js';
import { checkCount } from './args.js';
import { lookupBuiltin, registryGeneration } from './registry.js';

/** What the call site needs from the interpreter running the activation. */
interface BifContextSource {
  bifContext(a: Activation): BifContext;
}

export type BifCallSite = (a: Activation, args: (string | undefined)[]) => string | undefined;

/**
 * The call site of `name(...)`, or undefined when `name` is not a BIF now
 * (a BIF registered later is still found by the general path). A quoted name
 * ('SUBSTR'(...)) skips the labels, as callRoutine does.
 */
export function bifCallSite(name: string, quoted: boolean): BifCallSite | undefined {
  let spec: BifSpec | undefined = lookupBuiltin(name);
  if (spec === undefined) return undefined;
  let gen = registryGeneration();
  let lastProgram: Program | undefined;
  let shadowed = false;
  return (a, args) => {
    if (!quoted) {
      // labels are searched in the program that is not an INTERPRET string
      let x = a;
      while (x.kind === 'interpret' && x.parent) x = x.parent;
      if (x.program !== lastProgram) {
        lastProgram = x.program;
        shadowed = lastProgram.labels.has(name);
      }
      if (shadowed) return undefined;
    }
    if (gen !== registryGeneration()) {
      spec = lookupBuiltin(name);
      gen = registryGeneration();
    }
    const s = spec;
    if (s === undefined) return undefined;
    checkCount(s.name, args, s.min, s.max);
    const line = a.line;
    const v = s.fn(args, (a.interp as BifContextSource).bifContext(a));
    a.line = line;
    return v;
  };
}
