/**
 * Function packages CMS loads (REXX/VM: RXSYSFN, RXUSERFN...): external functions an
 * EXEC calls like built-ins. Each package is a module under src/cms/packages/ that
 * exports `functions: Record<string, CmsFunction>`; add a line to PACKAGES to load one.
 * (migration.ts belongs to the Live Guest Migration work; list it here when it exists.)
 */
import type { GuestChannel, GuestStartData } from '../../common/channel.js';

/** What a package function gets besides its arguments. */
export interface CmsFunctionContext {
  ch: GuestChannel;
  data: GuestStartData;
  userid: string;
  /** write lines to the console */
  say(...lines: string[]): void;
}

export type CmsFunction = (args: (string | undefined)[], ctx: CmsFunctionContext) => string | undefined;

/** Module paths relative to this folder, without the .js suffix. Add a line to load a package. */
export const PACKAGES: string[] = [
  'migration',
];

const loaded = new Map<string, CmsFunction>();

/** Load every listed package (once, at CMS IPL; a missing one is skipped). */
export async function loadPackages(): Promise<void> {
  for (const p of PACKAGES) {
    try {
      const mod = (await import(`./${p}.js`)) as { functions?: Record<string, CmsFunction> };
      for (const [name, fn] of Object.entries(mod.functions ?? {})) loaded.set(name.toUpperCase(), fn);
    } catch {
      // a package that fails to load leaves its functions undefined (Error 43 when called)
    }
  }
}

/** Register a function directly (tests, or packages that register themselves). */
export function registerCmsFunction(name: string, fn: CmsFunction): void {
  loaded.set(name.toUpperCase(), fn);
}

export function packageFunction(name: string): CmsFunction | undefined {
  return loaded.get(name.toUpperCase());
}
