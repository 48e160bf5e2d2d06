/**
 * What a built-in function sees of the activation that calls it (builtins/
 * types.ts BifContext): the activation's current NUMERIC settings, the host,
 * and the interpreter services (ARG(), CONDITION(), VALUE() ...) that few
 * BIFs use, made on first use.
 *
 * One per activation, kept on it. A class rather than an object literal with
 * getters: the accessors live on one prototype, so `ctx.numeric` in a BIF is
 * a monomorphic, inlinable load whichever activation the context belongs to.
 */
import type { RexxHost } from '../host.js';
import type { NumericSettings } from '../arithmetic/settings.js';
import type { BifContext, InterpreterServices } from '../builtins/types.js';
import type { Activation } from './activation.js';

export class ActivationBifContext implements BifContext {
  // (declared and set in the constructor: no class-field initialiser function per object)
  declare private readonly act: Activation;
  declare readonly host: RexxHost;
  declare private readonly makeServices: (a: Activation) => InterpreterServices;
  declare private services: InterpreterServices | undefined;

  constructor(act: Activation, host: RexxHost, makeServices: (a: Activation) => InterpreterServices) {
    this.act = act;
    this.host = host;
    this.makeServices = makeServices;
    this.services = undefined;
  }

  /** NUMERIC settings at the time of the call (NUMERIC in the routine replaces act.numeric) */
  get numeric(): NumericSettings {
    return this.act.numeric;
  }

  get interp(): InterpreterServices {
    return (this.services ??= this.makeServices(this.act));
  }
}
