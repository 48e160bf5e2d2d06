/**
 * Non-local control transfers inside the evaluator. They are thrown rarely
 * (EXIT, SIGNAL, a trapped condition), so exceptions without stack traces are
 * cheap enough; LEAVE, ITERATE and RETURN are handled in the clause loop.
 */
import type { Activation } from './activation.js';

/** EXIT: ends the whole program with an optional result. */
export class ExitSignal {
  constructor(readonly value: string | undefined) {}
}

/** A trapped condition (or SIGNAL from INTERPRET code) transfers control to a label in `act`. */
export class SignalTransfer {
  constructor(
    readonly act: Activation,
    readonly label: string,
  ) {}
}

/** LEAVE/ITERATE inside INTERPRET that names a loop of the enclosing routine. */
export class LoopTransfer {
  constructor(
    readonly kind: 'leave' | 'iterate',
    readonly name: string | undefined,
  ) {}
}

/** HX: the host asked to end the program at once. */
export class HaltExit {}
