/**
 * Build step after tsc (`npm run build`, and so `npm install`/`npm ci`):
 * bundles dist/cli/run-program.js, the REXX start-up path, with everything it
 * imports into dist/bundle/vmrexx-ID.cjs and Chevrotain, which few runs load,
 * into dist/bundle/chevrotain.cjs beside it, writes the
 * manifest fast-start.cts checks it against, and runs one program through
 * bin/vmrexx so the V8 code cache exists before the first real run.
 *
 * It bundles tsc's output, not src/, so the bundle is exactly dist/ at this
 * moment; each file's hash is taken from the very bytes esbuild bundled (an
 * onLoad hook), so a tsc running at the same time cannot make a stale bundle
 * look current.
 *
 * esbuild is a devDependency: without it (an install without dev
 * dependencies) there is no bundle and vmrexx starts from dist/ as ES
 * modules. A failure here never fails the build for the same reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { BUNDLE_DIR, MANIFEST_FILE, bundleFile, sha1, type BundleInput, type BundleManifest } from './fast-start.cjs';

/** this file is dist/cli/build-bundle.js */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENTRY = 'dist/cli/run-program.js';
/** in BUNDLE_DIR */
const CHEVROTAIN_FILE = 'chevrotain.cjs';

/**
 * Exercises the lexer, parser and the commonest instructions and built-ins,
 * so the code cache written after it holds their compiled code.
 */
const WARM_UP = [
  "numeric digits 12; x = 0; s.=''; parse value 'a b c' with p q r",
  "do i = 1 to 20 by 2; x = x + i * 3 / 7 - 1 // 5; s.i = substr(copies('ab', i), 2, 3) || i; end",
  "call f 5; interpret 'y = x * 2'; w = words(space('  a  b  c  ')) + wordpos('b', 'a b c')",
  "if x > 2 & y \\= '' then nop; else say 'never'",
  "select; when w = 0 then nop; otherwise z = translate(strip(left(x, 5)), 'xy', 'ab'); end",
  "exit 0",
  "f: procedure; arg n; if n < 2 then return 1; return n * f(n - 1)",
].join('\n');

/**
 * Records each dist/ file as bundled. The Chevrotain shim (chevrotain.ts) is
 * replaced: its top-level await cannot be CommonJS (shimReplacement).
 */
function recordInputs(hashed: Map<string, BundleInput>): Plugin {
  return {
    name: 'vmrexx-bundle-inputs',
    setup(build) {
      build.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
        const rel = path.relative(ROOT, args.path).split(path.sep).join('/');
        const st = fs.statSync(args.path);
        const bytes = fs.readFileSync(args.path);
        hashed.set(rel, { path: rel, size: bytes.length, mtimeMs: st.mtimeMs, sha1: sha1(bytes) });
        const text = bytes.toString('utf8');
        const contents = /[\\/]rexx[\\/]lexer[\\/]chevrotain\.js$/.test(args.path) ? shimReplacement(text) : text;
        return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/**
 * The shim's chevrotain() as a require() of Chevrotain's own bundle
 * (built by buildBundle): a run that lexes and parses without Chevrotain (most do)
 * neither reads nor evaluates it, and its code stays out of the code cache.
 */
function shimReplacement(shim: string): string {
  if (!/^export function chevrotain\(\)/m.test(shim)) throw new Error('the Chevrotain shim has no `export function chevrotain()`');
  // __dirname: the bundle's folder, as fast-start.cts runs it
  return `export function chevrotain() {\n  return require(require('node:path').join(__dirname, '${CHEVROTAIN_FILE}'));\n}\n`;
}

/**
 * One CommonJS file for Node 20 from esbuild, with the options of the one
 * build (the start-up bundle, Chevrotain's).
 */
async function bundleOne(esbuild: typeof import('esbuild'), what: string, options: import('esbuild').BuildOptions): Promise<Uint8Array> {
  const result = await esbuild.build({
    ...options,
    absWorkingDir: ROOT,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // no comments: less to read at each start, and the output is then ASCII
    // (esbuild escapes other characters in literals), which reads as latin1
    minifyWhitespace: true,
    logLevel: 'warning',
  });
  // e.g. an import of a name the module does not export: Node refuses to link
  // such modules, a bundle would quietly use undefined
  if (result.warnings.length > 0) throw new Error(`esbuild warned on ${what} (${result.warnings[0]?.text})`);
  const code = result.outputFiles?.[0]?.contents;
  if (code === undefined) throw new Error(`esbuild wrote no ${what}`);
  return code;
}

async function buildBundle(): Promise<boolean> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    process.stderr.write('build-bundle: esbuild is not installed; vmrexx will start from dist/ without a bundle\n');
    return false;
  }
  const inputs = new Map<string, BundleInput>();
  const code = await bundleOne(esbuild, 'the bundle', {
    entryPoints: [ENTRY],
    outfile: path.join(BUNDLE_DIR, 'vmrexx.cjs'),
    plugins: [recordInputs(inputs)],
  });
  // Chevrotain as one file beside the bundle
  const chevrotain = await bundleOne(esbuild, 'Chevrotain', {
    stdin: { contents: "module.exports = require('chevrotain');", resolveDir: ROOT, loader: 'js' },
  });
  // replaced only now, when all is built: a run of the old bundle may still load Chevrotain
  fs.rmSync(BUNDLE_DIR, { recursive: true, force: true });
  fs.mkdirSync(BUNDLE_DIR, { recursive: true });
  const chevrotainFile = path.join(BUNDLE_DIR, CHEVROTAIN_FILE);
  fs.writeFileSync(chevrotainFile, chevrotain);
  // checked with the dist/ files: without it the bundle could not report a syntax error
  const rel = path.relative(ROOT, chevrotainFile).split(path.sep).join('/');
  inputs.set(rel, { path: rel, size: chevrotain.length, mtimeMs: fs.statSync(chevrotainFile).mtimeMs, sha1: sha1(chevrotain) });
  const manifest: BundleManifest = { id: sha1(code), ascii: code.every((b) => b < 0x80), inputs: [...inputs.values()] };
  fs.writeFileSync(bundleFile(manifest.id), code);
  // the manifest last: until it exists, vmrexx does not look for the bundle
  fs.writeFileSync(MANIFEST_FILE, JSON.stringify(manifest));
  return true;
}

/** One run through bin/vmrexx, with its own flags, writes the code cache. */
function warmUp(): void {
  const r = spawnSync(path.join(ROOT, 'bin', 'vmrexx'), ['-e', WARM_UP], { encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`build-bundle: the warm-up run failed (${r.status}): ${r.stderr || r.error}\n`);
}

try {
  if (await buildBundle()) warmUp();
} catch (e) {
  fs.rmSync(BUNDLE_DIR, { recursive: true, force: true });
  process.stderr.write(`build-bundle: no bundle (${(e as Error).message}); vmrexx will start from dist/\n`);
}
