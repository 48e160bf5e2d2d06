/**
 * The fast start of `vmrexx FILE` (issue 7: start-up within 40 ms of
 * `node -e 0`). bin/vmrexx calls runFromBundle() before anything else.
 *
 * Loading the REXX runtime as some 45 ES modules plus Chevrotain costs ~60 ms
 * of compiling and module resolution. The build (build-bundle.ts) bundles
 * run-program.js and everything it imports into one CommonJS file,
 * dist/bundle/vmrexx-ID.cjs (Chevrotain apart, in chevrotain.cjs beside it,
 * loaded only by the few runs that need it: lexer/chevrotain.ts); this module
 * compiles it with vm.Script and a V8 code cache (the functions V8 compiled
 * during an earlier run, serialised), so a run neither resolves modules nor
 * parses nor compiles the runtime.
 *
 * The bundle must never run code older than dist/: the engineers rebuild with
 * `npx tsc -p .` alone, which leaves the bundle behind. The manifest records,
 * for each dist/ file in the bundle (and for chevrotain.cjs), its size,
 * modification time and SHA-1 as bundled. If any file is missing or differs
 * in size, the bundle is stale; if only the time differs (tsc rewrites
 * unchanged files), the content hash decides, and a match refreshes the
 * recorded time so later runs skip the hashing. A stale or missing bundle
 * makes runFromBundle return undefined and bin/vmrexx runs dist/cli/main.js
 * as ES modules: slower, never wrong.
 *
 * This file is CommonJS (.cts) because bin/vmrexx is: an ES module main
 * script costs ~10 ms more to start.
 */
import fs = require('node:fs');
import path = require('node:path');
import vm = require('node:vm');

/** One dist/ file as it was bundled (or chevrotain.cjs as it was written). */
export interface BundleInput {
  /** relative to the package root, '/'-separated */
  path: string;
  size: number;
  mtimeMs: number;
  sha1: string;
}

export interface BundleManifest {
  /**
   * SHA-1 of the bundle. It names the bundle file, so a run never pairs this
   * manifest with a bundle rebuilt meanwhile, and its code caches, which V8
   * checks only by source length.
   */
  id: string;
  /** the bundle is ASCII, so latin1, the cheapest decoding, reads it exactly */
  ascii: boolean;
  inputs: BundleInput[];
}

/** What the bundle (run-program.ts) exports. */
interface BundleExports {
  runCommandLine(argv: readonly string[]): number;
}

/** The package root: this file is dist/cli/fast-start.cjs. */
const ROOT = path.join(__dirname, '..', '..');
export const BUNDLE_DIR = path.join(ROOT, 'dist', 'bundle');
export const MANIFEST_FILE = path.join(BUNDLE_DIR, 'manifest.json');
const CACHE_DIR = path.join(BUNDLE_DIR, 'cache');

/** First arguments that main.ts handles itself: everything else names a program to run. */
const NOT_A_PROGRAM = new Set(['--help', '-h', '--version', '-v', 'ipl', 'test', 'serve']);

export function isProgramRun(argv: readonly string[]): boolean {
  return argv.length > 0 && !NOT_A_PROGRAM.has(argv[0] as string);
}

export function bundleFile(id: string): string {
  return path.join(BUNDLE_DIR, `vmrexx-${id.slice(0, 16)}.cjs`);
}

/**
 * Run the program argv names from the bundle and return its exit status, or
 * undefined when there is no current bundle (the caller then runs main.js).
 * VMREXX_BUNDLE=0 forces that fallback; VMREXX_BUNDLE=1 makes a missing or
 * stale bundle an error instead (tests, measurements).
 */
export function runFromBundle(argv: readonly string[]): number | undefined {
  const mode = process.env['VMREXX_BUNDLE'];
  if (mode === '0') return undefined;
  const manifest = readManifest();
  const loaded = manifest !== undefined && isCurrent(manifest) ? loadBundle(manifest) : undefined;
  if (loaded === undefined) {
    if (mode === '1') throw new Error('VMREXX_BUNDLE=1 but dist/bundle is missing or older than dist/: run "npm run build"');
    return undefined;
  }
  const status = loaded.exports.runCommandLine(argv);
  if (loaded.writeCache) writeCodeCache(loaded.script, loaded.cacheFile);
  return status;
}

/** The current bundle's exports, loaded with its code cache as a program run does (bench-warm.ts); undefined when there is none. */
export function currentBundle(): BundleExports | undefined {
  const manifest = readManifest();
  return manifest !== undefined && isCurrent(manifest) ? loadBundle(manifest)?.exports : undefined;
}

function readManifest(): BundleManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(MANIFEST_FILE, 'utf8')) as BundleManifest;
  } catch {
    return undefined;
  }
}

/** Does every bundled dist/ file (under root) still hold what was bundled? */
export function isCurrent(manifest: BundleManifest, root = ROOT, manifestFile = MANIFEST_FILE): boolean {
  let retimed = false;
  // input.path is relative and '/'-separated, which every platform accepts: no path.join for each
  const prefix = root + path.sep;
  for (const input of manifest.inputs) {
    const file = prefix + input.path;
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (st === undefined || st.size !== input.size) return false;
    if (st.mtimeMs === input.mtimeMs) continue;
    if (sha1(fs.readFileSync(file)) !== input.sha1) return false;
    input.mtimeMs = st.mtimeMs;
    retimed = true;
  }
  if (retimed) refreshManifest(manifest, manifestFile);
  return true;
}

/** Record the new times, unless a build has replaced the manifest meanwhile. */
function refreshManifest(manifest: BundleManifest, manifestFile: string): void {
  try {
    if ((JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BundleManifest).id !== manifest.id) return;
  } catch {
    // none yet (tests): write it
  }
  writeAtomically(manifestFile, JSON.stringify(manifest));
}

export function sha1(data: Uint8Array | string): string {
  // loaded only when needed: node:crypto costs a few ms to load
  const crypto = require('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha1').update(data).digest('hex');
}

interface LoadedBundle {
  exports: BundleExports;
  script: vm.Script;
  cacheFile: string;
  /** no cache yet, or V8 rejected it (another V8 or other flags) */
  writeCache: boolean;
}

function loadBundle(manifest: BundleManifest): LoadedBundle | undefined {
  const { id } = manifest;
  const file = bundleFile(id);
  let source: string;
  try {
    source = fs.readFileSync(file, manifest.ascii ? 'latin1' : 'utf8');
  } catch {
    return undefined;
  }
  const cacheFile = path.join(CACHE_DIR, `${id.slice(0, 16)}-${flagsKey()}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The CommonJS wrapper, as Node's own loader builds it
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const module = { exports: {} as BundleExports };
  const fn = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  fn(module.exports, require, module, file, BUNDLE_DIR);
  return { exports: module.exports, script, cacheFile, writeCache: cachedData === undefined || script.cachedDataRejected === true };
}

/**
 * V8 accepts a code cache only from the same V8 version and flags
 * (--stack-size, --max-semi-space-size, ...), so each combination has its own
 * file instead of runs with different flags overwriting each other's.
 */
function flagsKey(): string {
  const s = `${process.version} ${process.arch} ${process.execArgv.join(' ')}`;
  let h = 0x811c9dc5; // FNV-1a, 32 bits: a name, not a security check
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Written after the run, so the cache holds every function the program
 * compiled, not only the top level. A read-only install just goes without.
 */
function writeCodeCache(script: vm.Script, file: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // checked first: serialising the cache costs ~15 ms, wasted if it cannot be kept
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch {
    return; // no cache: the next run compiles again
  }
  writeAtomically(file, script.createCachedData());
}

/** Write then rename, so a concurrent run never reads half a file. */
function writeAtomically(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}
