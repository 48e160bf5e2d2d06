/**
 * Per-run and per-routine state for the BIFs that need it (RANDOM, TIME, DATE),
 * using the optional InterpreterServices.runState / routineState, with a fallback
 * keyed on the host when the interpreter does not provide them.
 */
import type { BifContext } from './types.js';

const fallback = new WeakMap<object, Map<string, unknown>>();

function mapFor(key: object): Map<string, unknown> {
  let m = fallback.get(key);
  if (!m) {
    m = new Map();
    fallback.set(key, m);
  }
  return m;
}

/** State kept for the whole program run. */
export function perRunState<T>(ctx: BifContext, key: string, init: () => T): T {
  const m = ctx.interp.runState?.() ?? mapFor(ctx.host);
  let v = m.get(key) as T | undefined;
  if (v === undefined) {
    v = init();
    m.set(key, v);
  }
  return v;
}

/** The per-routine map (inherited from the caller), falling back to the per-run map. */
export function routineMap(ctx: BifContext): Map<string, unknown> {
  return ctx.interp.routineState?.() ?? ctx.interp.runState?.() ?? mapFor(ctx.host);
}

/**
 * The clock reading for this clause: every DATE/TIME call in one clause sees the
 * same time (when the interpreter provides clauseId).
 */
export function clauseNow(ctx: BifContext): Date {
  const id = ctx.interp.clauseId?.();
  if (id === undefined) return ctx.host.now();
  const st = perRunState<{ id: number; at: Date | undefined }>(ctx, 'CLOCK', () => ({ id: -1, at: undefined }));
  if (st.id !== id || st.at === undefined) {
    st.id = id;
    st.at = ctx.host.now();
  }
  return st.at;
}
