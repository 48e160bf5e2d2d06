/**
 * The REXX interpreter is loaded into a CMS guest only when it is needed (the first
 * EXEC, or just after the first `Ready;`), so that IPL CMS answers at once: loading
 * the interpreter's modules takes a noticeable time in a fresh worker thread.
 */
import type * as RexxHostModule from './rexx-host.js';
import type { VariableAccess } from './rexx-host.js';

let mod: typeof RexxHostModule | undefined;

export async function loadRexx(): Promise<typeof RexxHostModule> {
  mod ??= await import('./rexx-host.js');
  return mod;
}

export function rexx(): typeof RexxHostModule {
  if (!mod) throw new Error('REXX interpreter not loaded');
  return mod;
}

/** The calling EXEC's variables (undefined when the command was typed at the terminal). */
export function callerVariables(): VariableAccess | undefined {
  return mod?.callerVariables();
}
