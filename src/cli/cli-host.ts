/**
 * The host for `vmrexx prog.rexx` on the command line (like Regina): SAY to
 * standard output, trace and errors to standard error, PULL from standard
 * input when the queue is empty, host commands through the shell (ADDRESS
 * SYSTEM), external routines as files beside the program and on REXX_PATH.
 *
 * Output is buffered and written with synchronous writes, flushed before any
 * input is read, any command runs, and at exit, so the order on a terminal or
 * in a pipe is the order of the program.
 */
// named imports: in the start-up bundle a default import costs a copy of the whole module (esbuild's __toESM)
import { readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { RexxHost, CommandResult, ExternalRoutine } from '../rexx/host.js';
import { RexxQueue } from '../rexx/queue.js';
import type { StreamManager } from '../rexx/streams.js';

export class OutputBuffer {
  private chunks: string[] = [];
  private size = 0;
  constructor(private fd: number) {}

  write(s: string): void {
    this.chunks.push(s);
    this.size += s.length;
    if (this.size > 65536) this.flush();
  }

  flush(): void {
    if (this.chunks.length === 0) return;
    const data = Buffer.from(this.chunks.join(''), 'latin1');
    this.chunks = [];
    this.size = 0;
    let off = 0;
    while (off < data.length) {
      try {
        off += writeSync(this.fd, data, off);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
        throw e;
      }
    }
  }
}

/** Synchronous line reader on a file descriptor (standard input). */
export class SyncLineReader {
  private buf = '';
  private eof = false;
  constructor(private fd: number) {}

  readLine(): string | undefined {
    for (;;) {
      const nl = this.buf.indexOf('\n');
      if (nl >= 0) {
        let line = this.buf.slice(0, nl);
        this.buf = this.buf.slice(nl + 1);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        return line;
      }
      if (this.eof) {
        if (this.buf.length === 0) return undefined;
        const line = this.buf;
        this.buf = '';
        return line;
      }
      const chunk = Buffer.alloc(65536);
      let n = 0;
      try {
        n = readSync(this.fd, chunk, 0, chunk.length, null);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue;
        if (code === 'EOF') n = 0;
        else n = 0;
      }
      if (n === 0) this.eof = true;
      else this.buf += chunk.subarray(0, n).toString('latin1');
    }
  }

  /** Characters already read but not yet consumed (for CHARIN on stdin). */
  readChars(count: number): string {
    while (this.buf.length < count && !this.eof) {
      const chunk = Buffer.alloc(65536);
      let n = 0;
      try {
        n = readSync(this.fd, chunk, 0, chunk.length, null);
      } catch {
        n = 0;
      }
      if (n === 0) this.eof = true;
      else this.buf += chunk.subarray(0, n).toString('latin1');
    }
    const s = this.buf.slice(0, count);
    this.buf = this.buf.slice(count);
    return s;
  }
}

const EXTENSIONS = ['', '.rexx', '.rex', '.REXX', '.REX', '.cmd', '.exec'];

export class CliHost implements RexxHost {
  readonly defaultAddress = 'SYSTEM';
  readonly sourceSystem = 'UNIX';
  readonly queue = new RexxQueue();
  readonly out = new OutputBuffer(1);
  readonly err = new OutputBuffer(2);
  readonly stdin = new SyncLineReader(0);
  streams!: StreamManager;

  say(line: string): void {
    this.out.write(line + '\n');
  }

  traceOut(line: string): void {
    this.out.flush();
    this.err.write(line + '\n');
    this.err.flush();
  }

  readLine(): string | undefined {
    this.out.flush();
    this.err.flush();
    return this.stdin.readLine();
  }

  command(environment: string, command: string): CommandResult {
    this.out.flush();
    this.err.flush();
    void environment; // every environment is the shell here (Regina: SYSTEM, COMMAND, PATH, ...)
    // loaded here, not imported: node:child_process brings streams, net and
    // dgram with it, ~8 ms of every start-up for programs that run no command
    const { spawnSync } = process.getBuiltinModule('node:child_process');
    const r = spawnSync('/bin/sh', ['-c', command], { stdio: 'inherit' });
    if (r.error) return { rc: -1, failure: true };
    if (r.status === null) return { rc: -1, failure: true };
    return { rc: r.status };
  }

  findExternal(name: string, callerPath: string): ExternalRoutine | undefined {
    const dirs = [dirname(resolve(callerPath)), ...(process.env['REXX_PATH'] ?? '').split(':').filter(Boolean)];
    const names = [name, name.toLowerCase()];
    for (const d of dirs) {
      for (const n of names) {
        for (const ext of EXTENSIONS) {
          const p = join(d, n + ext);
          try {
            if (statSync(p).isFile()) return { kind: 'rexx', path: p, source: readFileSync(p).toString('latin1') };
          } catch {
            /* not there */
          }
        }
      }
    }
    return undefined;
  }

  now(): Date {
    return new Date();
  }

  getEnv(name: string): string | undefined {
    return process.env[name];
  }

  setEnv(name: string, value: string): void {
    process.env[name] = value;
  }

  userid(): string {
    return process.env['USER'] ?? 'USER';
  }

  flush(): void {
    this.out.flush();
    this.err.flush();
  }
}
