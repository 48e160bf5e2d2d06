// The fast start of `vmrexx FILE` (issue 7): the bundle with its code cache
// and the ES-module fallback must run every program alike, and a bundle older
// than dist/ must never run (src/cli/fast-start.cts).
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/vmrexx');

interface FastStart {
  isCurrent(manifest: Manifest, root: string, manifestFile: string): boolean;
  sha1(data: Uint8Array | string): string;
  BUNDLE_DIR: string;
}
interface Manifest {
  id: string;
  inputs: { path: string; size: number; mtimeMs: number; sha1: string }[];
}
const fast = createRequire(import.meta.url)(path.join(root, 'dist/cli/fast-start.cjs')) as FastStart;

/** VMREXX_BUNDLE=1: from the bundle or fail; 0: from dist/ as ES modules; '': as usual. */
function vmrexx(args: string[], bundle: '0' | '1' | '', input = '') {
  const r = spawnSync(bin, args, { input, env: { ...process.env, VMREXX_BUNDLE: bundle }, encoding: 'latin1' });
  return { out: r.stdout, err: r.stderr, status: r.status };
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'vmrexx-fast-'));
}

const PROGRAM = [
  'parse arg a b',
  "say 'args' a b; x = 0",
  'do i = 1 to 10; x = x + i * 1.5; end',
  "say x 2**40 1/3 substr('abcdef', 2, 3) words('a b c')",
  "interpret 'y = x * 2'; say y fact(12)",
  "signal on syntax; say 1 + 'z'",
  "syntax: say 'caught' rc condition('D'); say 'line' sigl",
  "call nosuch",
  'fact: procedure; arg n; if n < 2 then return 1; return n * fact(n - 1)',
].join('\n');

describe('vmrexx fast start', () => {
  beforeAll(() => {
    // bundle the dist/ that the tests run (npm test builds it; a lone tsc leaves it stale)
    const r = spawnSync(process.execPath, [path.join(root, 'dist/cli/build-bundle.js')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
  });

  it('the bundle and the fallback run a program with the same output, errors and status', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'p.rexx');
    fs.writeFileSync(file, PROGRAM);
    const fromBundle = vmrexx([file, 'one', 'two'], '1');
    const fromDist = vmrexx([file, 'one', 'two'], '0');
    expect(fromBundle.out).toContain('args one two');
    expect(fromBundle.out).toContain('caught 41');
    expect(fromBundle.err).toContain('Error 43');
    expect(fromBundle).toEqual(fromDist);
  });

  it('-e and - run from the bundle', () => {
    expect(vmrexx(['-e', 'parse arg a; say 2**10 a', 'x'], '1').out).toBe('1024 x\n');
    expect(vmrexx(['-'], '1', "say 'from stdin'\n").out).toBe('from stdin\n');
  });

  it('deep recursion is REXX Error 11 from the bundle, not a crash (bin/vmrexx keeps --stack-size)', () => {
    // the traceback has a line per level, tens of MB: to a file, not a pipe
    const errFile = path.join(tmpDir(), 'err');
    const fd = fs.openSync(errFile, 'w');
    const r = spawnSync(bin, ['-e', 'call r 1; exit; r: procedure; arg n; call r n + 1'], {
      stdio: ['ignore', 'ignore', fd],
      env: { ...process.env, VMREXX_BUNDLE: '1' },
    });
    fs.closeSync(fd);
    expect(r.status).toBe(256 - 11);
    const size = fs.statSync(errFile).size;
    const tail = Buffer.alloc(Math.min(size, 400));
    const rd = fs.openSync(errFile, 'r');
    fs.readSync(rd, tail, 0, tail.length, size - tail.length);
    fs.closeSync(rd);
    expect(tail.toString('latin1')).toContain('Error 11 running "-e"');
  });

  it('loads Chevrotain only for what the fast lexer and parser leave to it, with the same results', () => {
    // Chevrotain is a file of its own beside the bundle (build-bundle.ts)
    const bundle = fs.readdirSync(fast.BUNDLE_DIR).find((f) => /^vmrexx-.*\.cjs$/.test(f))!;
    expect(fs.readFileSync(path.join(fast.BUNDLE_DIR, bundle), 'latin1').includes('initCharCodeToOptimizedIndexMap')).toBe(false);
    expect(fs.existsSync(path.join(fast.BUNDLE_DIR, 'chevrotain.cjs'))).toBe(true);
    const dir = tmpDir();
    for (const [name, text] of [
      ['syntax.rexx', "say 'a'\nx = (1 + \nsay 'b'\n"],
      ['crlf.rexx', "x = 2 ** 3\r\nparse value 'a b c' with p q\r\nsay x q\r\nsay 1 +\r\n"],
      ['badparse.rexx', "parse value 'a b' with x 3abc y\n"],
    ]) {
      const file = path.join(dir, name!);
      fs.writeFileSync(file, text!);
      const fromBundle = vmrexx([file], '1');
      expect(fromBundle.err).toMatch(/Error (35|38)/);
      expect(fromBundle).toEqual(vmrexx([file], '0'));
    }
  });

  it('counts the bundle as stale without chevrotain.cjs', () => {
    const file = path.join(fast.BUNDLE_DIR, 'chevrotain.cjs');
    const saved = fs.readFileSync(file);
    fs.rmSync(file);
    try {
      expect(vmrexx(['-e', 'say 1 +'], '1').status).not.toBe(221); // VMREXX_BUNDLE=1 refuses a stale bundle
      const r = vmrexx(['-e', 'say 1 +'], '');
      expect([r.status, r.err]).toEqual([221, vmrexx(['-e', 'say 1 +'], '0').err]);
    } finally {
      fs.writeFileSync(file, saved);
    }
  });

  it('keeps a V8 code cache for the bundle', () => {
    vmrexx(['-e', 'say 1'], '1');
    expect(fs.readdirSync(path.join(fast.BUNDLE_DIR, 'cache')).some((f) => f.endsWith('.bin'))).toBe(true);
  });

  it('has V8 accept the code cache: a run with the same flags does not write it again', () => {
    vmrexx(['-e', 'say 1'], '1');
    const cacheDir = path.join(fast.BUNDLE_DIR, 'cache');
    const times = () => fs.readdirSync(cacheDir).map((f) => `${f} ${fs.statSync(path.join(cacheDir, f)).mtimeMs}`).sort();
    const before = times();
    expect(vmrexx(['-e', 'say 2'], '1').out).toBe('2\n');
    expect(times()).toEqual(before);
  });
});

describe('bundle staleness (fast-start isCurrent)', () => {
  function setUp() {
    const dir = tmpDir();
    const file = path.join(dir, 'm.js');
    fs.writeFileSync(file, 'export const a = 1;\n');
    const st = fs.statSync(file);
    const manifest: Manifest = {
      id: 'x',
      inputs: [{ path: 'm.js', size: st.size, mtimeMs: st.mtimeMs, sha1: fast.sha1(fs.readFileSync(file)) }],
    };
    const manifestFile = path.join(dir, 'manifest.json');
    return { dir, file, manifest, manifestFile };
  }

  it('is current when nothing changed', () => {
    const { dir, manifest, manifestFile } = setUp();
    expect(fast.isCurrent(manifest, dir, manifestFile)).toBe(true);
    expect(fs.existsSync(manifestFile)).toBe(false);
  });

  it('is current when a file was rewritten with the same bytes (tsc), and records the new time', () => {
    const { dir, file, manifest, manifestFile } = setUp();
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    expect(fast.isCurrent(manifest, dir, manifestFile)).toBe(true);
    const saved = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    expect(saved.inputs[0]?.mtimeMs).toBe(fs.statSync(file).mtimeMs);
  });

  it('leaves a manifest that a build replaced meanwhile alone', () => {
    const { dir, file, manifest, manifestFile } = setUp();
    const newer = JSON.stringify({ ...manifest, id: 'y' });
    fs.writeFileSync(manifestFile, newer);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    expect(fast.isCurrent(manifest, dir, manifestFile)).toBe(true);
    expect(fs.readFileSync(manifestFile, 'utf8')).toBe(newer);
  });

  it('is stale when a file changed, even at the same size', () => {
    const { dir, file, manifest, manifestFile } = setUp();
    // a later time set explicitly: two writes in one clock tick of the file system keep one mtime
    const later = new Date(Date.now() + 5000);
    fs.writeFileSync(file, 'export const a = 2;\n');
    fs.utimesSync(file, later, later);
    expect(fast.isCurrent(manifest, dir, manifestFile)).toBe(false);
    fs.writeFileSync(file, 'export const a = 22;\n');
    expect(fast.isCurrent(manifest, dir, manifestFile)).toBe(false);
  });

  it('is stale when a file is gone', () => {
    const { dir, file, manifest, manifestFile } = setUp();
    fs.rmSync(file);
    expect(fast.isCurrent(manifest, dir, manifestFile)).toBe(false);
  });
});
