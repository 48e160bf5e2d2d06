/**
 * The one place that decides where worker-thread entry points are found
 * (DESIGN.md §3 "Threads", §6 "Worker threads load JavaScript").
 *
 * Decision: workers always load the COMPILED JavaScript under `dist/`, resolved from
 * the repository root. This module lives at `src/common/` (under vitest) or at
 * `dist/common/` (in production); both are two levels below the repository root, so
 * `../../dist/<module>.js` names the same file either way. `npm test` runs
 * `npm run build` first (the `pretest` script), so dist/ exists when tests spawn workers.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * URL of the compiled worker module for a path relative to src/, without extension,
 * e.g. `workerUrl('cp/guest/worker-main')` → file:///…/dist/cp/guest/worker-main.js.
 */
export function workerUrl(modulePath: string): URL {
  const url = new URL(`../../dist/${modulePath}.js`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    throw new Error(
      `worker module ${modulePath}.js is not built (looked for ${fileURLToPath(url)}); run "npm run build"`,
    );
  }
  return url;
}

/** The repository root (the folder holding package.json, cluster/, execs/). */
export function repoRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}
