// The vmrexx command line as a user meets it (issue 2): bin/vmrexx runs the build.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/vmrexx');

function vmrexx(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const r = spawnSync(bin, args, {
    input: opts.input ?? '',
    env: { ...process.env, ...opts.env },
    cwd: opts.cwd ?? root,
    encoding: 'latin1',
  });
  return { out: r.stdout, err: r.stderr, status: r.status };
}

function tmp(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmrexx-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), text, { encoding: 'latin1', mode: 0o755 });
  }
  return dir;
}

describe('vmrexx command line', () => {
  it('-e runs a program from the command line with arguments', () => {
    const r = vmrexx(['-e', 'parse arg a; say 2**10 a', 'x', 'y']);
    expect(r.out).toBe('1024 x y\n');
    expect(r.status).toBe(0);
  });

  it('- reads the program from standard input', () => {
    expect(vmrexx(['-'], { input: "say 'from stdin'\n" }).out).toBe('from stdin\n');
  });

  it('runs a file with ARG(1) as the joined arguments, and EXIT n sets the status', () => {
    const dir = tmp({ 'p.rexx': "say arg() '['arg(1)']'\nexit 300\n" });
    const r = vmrexx([path.join(dir, 'p.rexx'), 'one', 'two']);
    expect(r.out).toBe('1 [one two]\n');
    expect(r.status).toBe(44);
  });

  it('runs #! scripts, keeping the first line for SOURCELINE', () => {
    const dir = tmp({ 's.rexx': `#!/usr/bin/env vmrexx\nsay sourceline(1)\nsay 'ran'\n` });
    const r = spawnSync(path.join(dir, 's.rexx'), [], {
      env: { ...process.env, PATH: `${path.join(root, 'bin')}:${process.env['PATH']}` },
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('#!/usr/bin/env vmrexx\nran\n');
  });

  it('handles CRLF line ends and a trailing EOF character', () => {
    const dir = tmp({ 'c.rexx': "say 'a' ,\r\n  'b'\r\nsay 'c'\r\n\x1a" });
    expect(vmrexx([path.join(dir, 'c.rexx')]).out).toBe('a b\nc\n');
  });

  it('--version and --help', () => {
    expect(vmrexx(['--version']).out).toMatch(/^vmrexx \d+\.\d+\.\d+/);
    const h = vmrexx(['--help']);
    expect(h.out).toContain('vmrexx FILE');
    expect(h.status).toBe(0);
  });

  it('reports an uncaught error as Regina does, on stderr, with status 256-N', () => {
    const dir = tmp({ 'e.rexx': 'say 1\ncall sub\nexit\nsub:\n  x = 1 / 0\n  return\n' });
    const file = path.join(dir, 'e.rexx');
    const r = vmrexx([file]);
    expect(r.out).toBe('1\n');
    expect(r.err).toBe(
      `     5 +++    x = 1 / 0\n     2 +++ call sub\nError 42 running "${file}", line 5: Arithmetic overflow/underflow\nError 42.3: Arithmetic overflow; divisor must not be zero\n`,
    );
    expect(r.status).toBe(214);
  });

  it('a missing program is Error 3', () => {
    const r = vmrexx(['/nonexistent/prog.rexx']);
    expect(r.err).toContain('Program was not found');
    expect(r.status).toBe(253);
  });

  it('host commands go to the shell, set RC, and raise ERROR', () => {
    const r = vmrexx(['-e', "'echo hello'; say rc; call on error; 'exit 3'; say 'rc' rc; exit; error: say 'error' condition('D'); return"]);
    expect(r.out).toBe('hello\n0\nerror exit 3\nrc 3\n');
  });

  it('PULL reads standard input when the queue is empty; LINEIN too', () => {
    const r = vmrexx(['-e', 'pull a; parse pull b; say a; say b; say linein(); say lines()'], { input: 'first\nSecond\nthird\n' });
    expect(r.out).toBe('FIRST\nSecond\nthird\n0\n');
  });

  it('finds external routines beside the program and on REXX_PATH', () => {
    const lib = tmp({ 'twice.rexx': 'return arg(1) * 2\n' });
    const dir = tmp({ 'm.rexx': "say twice(21) helper('x')\n", 'helper.rexx': "parse arg v; return v'!'\n" });
    const r = vmrexx([path.join(dir, 'm.rexx')], { env: { REXX_PATH: lib } });
    expect(r.out).toBe('42 x!\n');
  });

  it('an unknown routine is Error 43', () => {
    const r = vmrexx(['-e', 'call nosuch']);
    expect(r.status).toBe(213);
    expect(r.err).toContain('Error 43.1: Could not find routine "NOSUCH"');
  });
});
