/**
 * Stream I/O on host files (the StreamManager of streams.ts for the CLI host),
 * behaving as Regina 3.6 does on Unix:
 *
 * - A stream is named by its file name; it is opened implicitly by the first
 *   operation (read-only for reads if it cannot be opened for writing, read/
 *   write with the write position at the end for writes) or explicitly with
 *   STREAM(name,'C','OPEN [READ|WRITE|BOTH] [APPEND|REPLACE]').
 * - Each stream has a read and a write position (characters, 0-based inside;
 *   1-based in the REXX interface) and a state READY / NOTREADY / ERROR /
 *   UNKNOWN with a description ('EOF on line input', an errno text, ...).
 * - '' is the default stream: standard input for reads, standard output for
 *   writes. 'stdin', 'stdout', 'stderr' and '<stdin>', '<stdout>', '<stderr>'
 *   (lower case, as Regina) name the standard streams.
 * - Lines end with LF; a CR before the LF is dropped on input (as Regina does).
 * - Output to standard output goes through the injected writer, the same one
 *   SAY uses, so the two interleave correctly.
 *
 * Everything is synchronous (fs.*Sync); standard input is read with
 * fs.readSync on fd 0.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rexxError } from './errors.js';
import type { NotReady, StreamManager } from './streams.js';

type State = 'READY' | 'NOTREADY' | 'ERROR' | 'UNKNOWN';

interface FileStream {
  kind: 'file';
  name: string;
  path: string;
  fd: number | undefined;
  canRead: boolean;
  canWrite: boolean;
  /** 0-based character positions */
  readPos: number;
  writePos: number;
  /** 1-based line number at readPos / writePos, or 0 when unknown */
  readLine: number;
  writeLine: number;
  state: State;
  description: string;
  /** read cache: buf holds the file bytes from bufStart */
  buf: Buffer;
  bufStart: number;
  bufLen: number;
}

interface StdStream {
  kind: 'stdin' | 'stdout' | 'stderr';
  name: string;
  state: State;
  description: string;
}

type Stream = FileStream | StdStream;

/** A synchronous reader of standard input shared with the host (PULL uses the same one). */
export interface StdinReader {
  /** One line without its line end; undefined at end of input. */
  readLine(): string | undefined;
  /** Up to count characters (fewer at end of input). */
  readChars(count: number): string;
}

export interface NodeStreamOptions {
  /** Writer for standard output (the same one SAY uses). */
  writeStdout: (bytes: string) => void;
  /** Called before standard error is written or standard input is read (flush buffered SAY output). */
  flush?: () => void;
  /** Standard input reader shared with the host; default: read fd 0 here. */
  stdin?: StdinReader;
  /** Writer for standard error; default fs.writeSync(2, ...). */
  writeStderr?: (bytes: string) => void;
  /** Directory that relative names are resolved against; default process.cwd(). */
  cwd?: string;
  /** File descriptor of standard input; default 0. */
  stdinFd?: number;
}

const CHUNK = 65536;

function errnoText(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EACCES':
      return 'Permission denied';
    case 'EISDIR':
      return 'Is a directory';
    case 'ENOTDIR':
      return 'Not a directory';
    case 'EROFS':
      return 'Read-only file system';
    case 'ENOSPC':
      return 'No space left on device';
    case 'EMFILE':
      return 'Too many open files';
    case 'EEXIST':
      return 'File exists';
  }
  return (e as Error).message ?? String(e);
}

function errnoNumber(e: unknown): number {
  const n = (e as { errno?: number }).errno;
  return n === undefined ? 0 : Math.abs(n);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export class NodeStreamManager implements StreamManager {
  private streams = new Map<string, Stream>();
  private readonly writeStdout: (bytes: string) => void;
  private readonly writeStderr: (bytes: string) => void;
  private readonly cwd: string;
  private readonly stdinFd: number;
  private readonly flush: () => void;
  private readonly stdinReader: StdinReader | undefined;
  /** Buffered standard input (latin1 characters not yet consumed). */
  private stdinBuf = '';
  private stdinEof = false;

  /**
   * new NodeStreamManager({ writeStdout, flush?, stdin?, writeStderr?, cwd? })
   * or new NodeStreamManager(writeStdout, flush?, stdin?).
   */
  constructor(opts: NodeStreamOptions | ((bytes: string) => void), flush?: () => void, stdin?: StdinReader) {
    const o: NodeStreamOptions = typeof opts === 'function' ? { writeStdout: opts, flush, stdin } : opts;
    this.writeStdout = o.writeStdout;
    this.flush = o.flush ?? (() => {});
    this.stdinReader = o.stdin;
    const errOut = o.writeStderr ?? ((s: string) => void fs.writeSync(2, Buffer.from(s, 'latin1')));
    this.writeStderr = (s) => {
      this.flush();
      errOut(s);
    };
    this.cwd = o.cwd ?? process.cwd();
    this.stdinFd = o.stdinFd ?? 0;
  }

  // ------------------------------------------------------------------ standard input

  /** Read more of standard input into stdinBuf; false at end of input. */
  private fillStdin(): boolean {
    if (this.stdinEof) return false;
    this.flush();
    if (this.stdinReader) {
      // one character at a time from the shared reader (its own buffer does the real reads)
      const c = this.stdinReader.readChars(1);
      if (c.length === 0) {
        this.stdinEof = true;
        return false;
      }
      this.stdinBuf += c;
      return true;
    }
    const b = Buffer.alloc(CHUNK);
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(this.stdinFd, b, 0, CHUNK, null);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        if (code === 'EOF') n = 0;
        else {
          this.stdinEof = true;
          return false;
        }
      }
      if (n === 0) {
        this.stdinEof = true;
        return false;
      }
      this.stdinBuf += b.toString('latin1', 0, n);
      return true;
    }
  }

  /**
   * One line of standard input without its line end, or undefined at end of
   * input. The CLI host should use this for PULL / PARSE PULL so that PULL and
   * LINEIN share one buffer.
   */
  readStdinLine(): string | undefined {
    if (this.stdinReader) {
      this.flush();
      // characters already taken from the reader (by LINES/CHARS peeking) come first
      const nl = this.stdinBuf.indexOf('\n');
      if (nl >= 0) {
        let line = this.stdinBuf.slice(0, nl);
        this.stdinBuf = this.stdinBuf.slice(nl + 1);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        return line;
      }
      const rest = this.stdinEof ? undefined : this.stdinReader.readLine();
      if (rest === undefined) {
        this.stdinEof = true;
        if (this.stdinBuf.length === 0) return undefined;
      }
      const line = this.stdinBuf + (rest ?? '');
      this.stdinBuf = '';
      return line;
    }
    for (;;) {
      const i = this.stdinBuf.indexOf('\n');
      if (i >= 0) {
        let line = this.stdinBuf.slice(0, i);
        this.stdinBuf = this.stdinBuf.slice(i + 1);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        return line;
      }
      if (!this.fillStdin()) {
        if (this.stdinBuf.length === 0) return undefined;
        const line = this.stdinBuf;
        this.stdinBuf = '';
        return line;
      }
    }
  }

  private readStdinChars(count: number): string {
    if (this.stdinReader && this.stdinBuf.length < count && !this.stdinEof) {
      this.flush();
      const more = this.stdinReader.readChars(count - this.stdinBuf.length);
      if (more.length < count - this.stdinBuf.length) this.stdinEof = true;
      this.stdinBuf += more;
    }
    while (this.stdinBuf.length < count && this.fillStdin());
    const s = this.stdinBuf.slice(0, count);
    this.stdinBuf = this.stdinBuf.slice(s.length);
    return s;
  }

  // ------------------------------------------------------------------ lookup / open

  private stdKind(name: string): 'stdin' | 'stdout' | 'stderr' | undefined {
    switch (name) {
      case 'stdin':
      case '<stdin>':
        return 'stdin';
      case 'stdout':
      case '<stdout>':
        return 'stdout';
      case 'stderr':
      case '<stderr>':
        return 'stderr';
    }
    return undefined;
  }

  private resolve(name: string): string {
    return path.resolve(this.cwd, name);
  }

  private get(name: string, forWrite: boolean): Stream {
    if (name === '') name = forWrite ? 'stdout' : 'stdin';
    const std = this.stdKind(name);
    const key = std ?? this.resolve(name);
    let s = this.streams.get(key);
    if (!s) {
      if (std) s = { kind: std, name, state: 'READY', description: '' };
      else
        s = {
          kind: 'file',
          name,
          path: key,
          fd: undefined,
          canRead: false,
          canWrite: false,
          readPos: 0,
          writePos: 0,
          readLine: 1,
          writeLine: 0,
          state: 'UNKNOWN',
          description: '',
          buf: Buffer.alloc(0),
          bufStart: 0,
          bufLen: 0,
        };
      this.streams.set(key, s);
    }
    return s;
  }

  /** Open a file stream for the given use; returns false (state ERROR) when it can't be. */
  private ensureOpen(s: FileStream, forWrite: boolean): boolean {
    if (s.fd !== undefined && (forWrite ? s.canWrite : s.canRead)) return true;
    if (s.fd !== undefined) {
      // opened for the other direction only (explicit OPEN READ / WRITE)
      s.state = 'NOTREADY';
      s.description = forWrite ? 'Stream not open for writing' : 'Stream not open for reading';
      return false;
    }
    return this.openFile(s, forWrite ? 'implicit-write' : 'implicit-read');
  }

  private openFile(s: FileStream, how: 'implicit-read' | 'implicit-write' | 'READ' | 'WRITE' | 'BOTH', replace = false): boolean {
    const tryOpen = (flags: string): number | undefined => {
      try {
        return fs.openSync(s.path, flags);
      } catch (e) {
        s.state = 'ERROR';
        s.description = errnoText(e);
        (s as FileStream & { errno?: number }).errno = errnoNumber(e);
        return undefined;
      }
    };
    let fd: number | undefined;
    if (how === 'implicit-read') {
      fd = tryOpen('r');
      if (fd === undefined) return false;
      // also writable if possible, as Regina opens both ways when it can
      s.canRead = true;
      s.canWrite = false;
      try {
        const rw = fs.openSync(s.path, 'r+');
        fs.closeSync(fd);
        fd = rw;
        s.canWrite = true;
      } catch {
        /* read-only */
      }
    } else if (how === 'READ') {
      fd = tryOpen('r');
      if (fd === undefined) return false;
      s.canRead = true;
      s.canWrite = false;
    } else {
      fd = tryOpen(replace ? 'w+' : 'a+');
      if (fd !== undefined && !replace) {
        // a+ forces appends on Linux; reopen r+ so positioned writes work
        try {
          const rw = fs.openSync(s.path, 'r+');
          fs.closeSync(fd);
          fd = rw;
        } catch {
          /* keep a+ */
        }
      }
      if (fd === undefined) return false;
      // as Regina: a stream opened for writing can be read as well
      s.canRead = true;
      s.canWrite = true;
    }
    s.fd = fd;
    s.state = 'READY';
    s.description = '';
    s.readPos = 0;
    s.readLine = 1;
    s.bufLen = 0;
    s.bufStart = 0;
    if (s.canWrite) {
      s.writePos = this.size(s);
      s.writeLine = 0;
    }
    return true;
  }

  private size(s: FileStream): number {
    if (s.fd !== undefined) return fs.fstatSync(s.fd).size;
    try {
      return fs.statSync(s.path).size;
    } catch {
      return 0;
    }
  }

  // ------------------------------------------------------------------ file reading

  /** Byte at file offset pos, or -1 at end of file. Uses the read cache. */
  private byteAt(s: FileStream, pos: number): number {
    if (pos < s.bufStart || pos >= s.bufStart + s.bufLen) {
      if (s.buf.length < CHUNK) s.buf = Buffer.alloc(CHUNK);
      s.bufStart = pos;
      s.bufLen = fs.readSync(s.fd!, s.buf, 0, CHUNK, pos);
      if (s.bufLen === 0) return -1;
    }
    return s.buf[pos - s.bufStart]!;
  }

  /** Read count bytes at pos as a latin1 string (shorter at end of file). */
  private readAt(s: FileStream, pos: number, count: number): string {
    if (count <= 0) return '';
    if (pos >= s.bufStart && pos + count <= s.bufStart + s.bufLen) {
      return s.buf.toString('latin1', pos - s.bufStart, pos - s.bufStart + count);
    }
    const b = Buffer.alloc(count);
    let got = 0;
    while (got < count) {
      const n = fs.readSync(s.fd!, b, got, count - got, pos + got);
      if (n === 0) break;
      got += n;
    }
    return b.toString('latin1', 0, got);
  }

  /** Offset of the next LF at or after pos, or -1. */
  private findLf(s: FileStream, pos: number): number {
    for (;;) {
      if (pos < s.bufStart || pos >= s.bufStart + s.bufLen) {
        if (this.byteAt(s, pos) < 0) return -1;
      }
      const i = s.buf.indexOf(10, pos - s.bufStart);
      if (i >= 0 && i < s.bufLen) return s.bufStart + i;
      pos = s.bufStart + s.bufLen;
    }
  }

  /** Offset of the start of line n (1-based), or -1 when the file has fewer lines. */
  private lineOffset(s: FileStream, n: number): number {
    let pos = 0;
    for (let k = 1; k < n; k++) {
      const lf = this.findLf(s, pos);
      if (lf < 0) return -1;
      pos = lf + 1;
    }
    return pos;
  }

  private invalidate(s: FileStream): void {
    s.bufLen = 0;
  }

  private notready(s: Stream, description: string, state: State = 'NOTREADY'): NotReady {
    s.state = state;
    s.description = description;
    return { stream: s.name, description };
  }

  private writeFile(s: FileStream, data: string): void {
    const b = Buffer.from(data, 'latin1');
    let done = 0;
    while (done < b.length) done += fs.writeSync(s.fd!, b, done, b.length - done, s.writePos + done);
    s.writePos += b.length;
    this.invalidate(s);
  }

  // ------------------------------------------------------------------ StreamManager

  charin(name: string, start: number | undefined, count: number): { data: string; notready?: NotReady } {
    const s = this.get(name, false);
    if (s.kind === 'stdout' || s.kind === 'stderr') return { data: '', notready: this.notready(s, 'Stream not open for reading') };
    if (s.kind !== 'file') {
      if (start !== undefined) return { data: '', notready: this.notready(s, 'Stream is not seekable') };
      const data = this.readStdinChars(count);
      if (data.length < count) return { data, notready: this.notready(s, 'EOF on char input') };
      s.state = 'READY';
      return { data };
    }
    if (!this.ensureOpen(s, false)) return { data: '', notready: { stream: s.name, description: s.description } };
    if (start !== undefined) {
      if (start - 1 >= this.size(s) && (count > 0 || start - 1 > this.size(s))) {
        return { data: '', notready: this.notready(s, 'Repositioning at or after EOF') };
      }
      s.readPos = start - 1;
      s.readLine = start === 1 ? 1 : 0;
    }
    if (count === 0) {
      s.state = 'READY';
      return { data: '' };
    }
    const data = this.readAt(s, s.readPos, count);
    this.advanceRead(s, data);
    if (data.length < count) return { data, notready: this.notready(s, 'EOF on char input') };
    s.state = 'READY';
    return { data };
  }

  private advanceRead(s: FileStream, data: string): void {
    s.readPos += data.length;
    if (s.readLine > 0) {
      let n = 0;
      for (let i = data.indexOf('\n'); i >= 0; i = data.indexOf('\n', i + 1)) n++;
      s.readLine += n;
    }
  }

  charout(name: string, data: string | undefined, start: number | undefined): { left: number; notready?: NotReady } {
    const s = this.get(name, true);
    if (s.kind === 'stdout' || s.kind === 'stderr') {
      if (data !== undefined && data.length > 0) (s.kind === 'stdout' ? this.writeStdout : this.writeStderr)(data);
      s.state = 'READY';
      return { left: 0 };
    }
    if (s.kind !== 'file') return { left: data?.length ?? 0, notready: this.notready(s, 'Stream not open for writing') };
    if (data === undefined && start === undefined) {
      this.close(s);
      return { left: 0 };
    }
    if (!this.ensureOpen(s, true)) return { left: data?.length ?? 0, notready: { stream: s.name, description: s.description } };
    if (start !== undefined) {
      s.writePos = start - 1;
      s.writeLine = start === 1 ? 1 : 0;
    }
    if (data === undefined || data.length === 0) {
      s.state = 'READY';
      return { left: 0 };
    }
    try {
      this.writeFile(s, data);
      s.writeLine = 0;
    } catch (e) {
      return { left: data.length, notready: this.notready(s, errnoText(e), 'ERROR') };
    }
    s.state = 'READY';
    return { left: 0 };
  }

  chars(name: string): number {
    const s = this.get(name, false);
    if (s.kind === 'stdin') {
      if (this.stdinBuf.length === 0) this.fillStdin();
      return this.stdinBuf.length > 0 ? 1 : 0;
    }
    if (s.kind !== 'file') return 0;
    if (s.fd === undefined) {
      if (!fs.existsSync(s.path)) return 0;
      if (!this.ensureOpen(s, false)) return 0;
    }
    return Math.max(0, this.size(s) - s.readPos);
  }

  linein(name: string, line: number | undefined, count: number): { data: string; notready?: NotReady } {
    const s = this.get(name, false);
    if (s.kind === 'stdout' || s.kind === 'stderr') return { data: '', notready: this.notready(s, 'Stream not open for reading') };
    if (s.kind !== 'file') {
      if (line !== undefined) return { data: '', notready: this.notready(s, 'Stream is not seekable') };
      if (count === 0) return { data: '' };
      const l = this.readStdinLine();
      if (l === undefined) return { data: '', notready: this.notready(s, 'EOF on line input') };
      s.state = 'READY';
      return { data: l };
    }
    if (!this.ensureOpen(s, false)) return { data: '', notready: { stream: s.name, description: s.description } };
    if (line !== undefined) {
      const off = this.lineOffset(s, line);
      if (off < 0 || (off >= this.size(s) && count > 0)) {
        return { data: '', notready: this.notready(s, 'Repositioning at or after EOF') };
      }
      s.readPos = off;
      s.readLine = line;
    }
    if (count === 0) {
      s.state = 'READY';
      return { data: '' };
    }
    if (this.byteAt(s, s.readPos) < 0) return { data: '', notready: this.notready(s, 'EOF on line input') };
    const lf = this.findLf(s, s.readPos);
    let data: string;
    if (lf < 0) {
      data = this.readAt(s, s.readPos, this.size(s) - s.readPos);
      s.readPos += data.length;
    } else {
      data = this.readAt(s, s.readPos, lf - s.readPos);
      s.readPos = lf + 1;
      if (s.readLine > 0) s.readLine++;
    }
    if (data.endsWith('\r')) data = data.slice(0, -1);
    s.state = 'READY';
    return { data };
  }

  lineout(name: string, data: string | undefined, line: number | undefined): { left: number; notready?: NotReady } {
    const s = this.get(name, true);
    if (s.kind === 'stdout' || s.kind === 'stderr') {
      if (data !== undefined) (s.kind === 'stdout' ? this.writeStdout : this.writeStderr)(data + '\n');
      s.state = 'READY';
      return { left: 0 };
    }
    if (s.kind !== 'file') return { left: data === undefined ? 0 : 1, notready: this.notready(s, 'Stream not open for writing') };
    if (data === undefined && line === undefined) {
      this.close(s);
      return { left: 0 };
    }
    if (!this.ensureOpen(s, true)) return { left: data === undefined ? 0 : 1, notready: { stream: s.name, description: s.description } };
    if (line !== undefined) {
      const off = this.lineOffset(s, line);
      s.writePos = off < 0 ? this.size(s) : off;
      s.writeLine = off < 0 ? 0 : line;
    }
    if (data === undefined) {
      s.state = 'READY';
      return { left: 0 };
    }
    try {
      this.writeFile(s, data + '\n');
      if (s.writeLine > 0) s.writeLine++;
    } catch (e) {
      return { left: 1, notready: this.notready(s, errnoText(e), 'ERROR') };
    }
    s.state = 'READY';
    return { left: 0 };
  }

  lines(name: string, mode: 'C' | 'N'): number {
    const s = this.get(name, false);
    if (s.kind === 'stdin') {
      if (mode === 'N') {
        if (this.stdinBuf.length === 0) this.fillStdin();
        return this.stdinBuf.length > 0 ? 1 : 0;
      }
      while (this.fillStdin());
      if (this.stdinBuf.length === 0) return 0;
      let n = 0;
      for (let i = this.stdinBuf.indexOf('\n'); i >= 0; i = this.stdinBuf.indexOf('\n', i + 1)) n++;
      if (!this.stdinBuf.endsWith('\n')) n++;
      return n;
    }
    if (s.kind !== 'file') return 0;
    if (s.fd === undefined) {
      if (!fs.existsSync(s.path)) return 0;
      if (!this.ensureOpen(s, false)) return 0;
    }
    const size = this.size(s);
    if (s.readPos >= size) return 0;
    if (mode === 'N') return 1;
    let n = 0;
    let pos = s.readPos;
    for (;;) {
      const lf = this.findLf(s, pos);
      if (lf < 0) {
        if (pos < size) n++;
        break;
      }
      n++;
      pos = lf + 1;
    }
    return n;
  }

  private close(s: Stream): void {
    if (s.kind === 'file' && s.fd !== undefined) {
      try {
        fs.closeSync(s.fd);
      } catch {
        /* ignore */
      }
      s.fd = undefined;
      s.canRead = s.canWrite = false;
    }
    if (s.kind === 'file') this.streams.delete(s.path);
    s.state = 'UNKNOWN';
    s.description = '';
  }

  stream(name: string, operation: string, command?: string): string {
    const op = operation.toUpperCase();
    if (op === 'S' || op === 'D') {
      const key = this.stdKind(name || 'stdin') ?? this.resolve(name);
      const s = this.streams.get(key);
      const st = s ? s.state : name === '' || this.stdKind(name) ? 'READY' : 'UNKNOWN';
      if (op === 'S') return st;
      return s ? s.description : '';
    }
    return this.command(name, command ?? '');
  }

  private command(name: string, command: string): string {
    const words = command.trim().split(/\s+/).filter((w) => w.length > 0).map((w) => w.toUpperCase());
    const verb = words[0] ?? '';
    switch (verb) {
      case 'OPEN':
        return this.cmdOpen(name, words.slice(1));
      case 'CLOSE': {
        const s = this.get(name, false);
        this.close(s);
        return 'UNKNOWN';
      }
      case 'FLUSH': {
        const s = this.get(name, true);
        if (s.kind === 'file' && s.fd !== undefined) fs.fsyncSync(s.fd);
        return s.state === 'UNKNOWN' ? 'UNKNOWN' : 'READY';
      }
      case 'QUERY':
        return this.cmdQuery(name, words.slice(1));
      case 'SEEK':
      case 'POSITION':
        return this.cmdSeek(name, command.trim().split(/\s+/).slice(1));
    }
    throw rexxError(93, 3, 'CLOSE FLUSH OPEN POSITION QUERY SEEK', verb);
  }

  private cmdOpen(name: string, words: string[]): string {
    const s = this.get(name, false);
    if (s.kind !== 'file') return 'READY:';
    let how: 'READ' | 'WRITE' | 'BOTH' = 'BOTH';
    let replace = false;
    for (const w of words) {
      if (w === 'READ' || w === 'WRITE' || w === 'BOTH') how = w;
      else if (w === 'APPEND') replace = false;
      else if (w === 'REPLACE') replace = true;
      else throw rexxError(93, 1, 'OPEN', 'READ WRITE BOTH APPEND REPLACE', w);
    }
    if (s.fd !== undefined) this.close(s);
    const t = this.get(name, false) as FileStream;
    if (!this.openFile(t, how, replace)) return `ERROR:${(t as FileStream & { errno?: number }).errno ?? 0}`;
    return 'READY:';
  }

  private cmdQuery(name: string, words: string[]): string {
    const what = words[0] ?? '';
    const std = this.stdKind(name === '' ? 'stdin' : name);
    const p = std ? undefined : this.resolve(name);
    const stat = (): fs.Stats | undefined => {
      if (!p) return undefined;
      try {
        return fs.statSync(p);
      } catch {
        return undefined;
      }
    };
    switch (what) {
      case 'EXISTS':
        return p && stat() ? p : '';
      case 'SIZE': {
        const st = stat();
        return st ? String(st.size) : '';
      }
      case 'DATETIME':
      case 'TIMESTAMP': {
        const st = stat();
        if (!st) return '';
        const d = st.mtime;
        const time = `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
        if (what === 'DATETIME') return `${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}-${pad2(d.getFullYear() % 100)} ${time}`;
        return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${time}`;
      }
      case 'HANDLE': {
        if (std) return String(std === 'stdin' ? 0 : std === 'stdout' ? 1 : 2);
        const s = this.streams.get(p!);
        return s && s.kind === 'file' && s.fd !== undefined ? String(s.fd) : '';
      }
      case 'STREAMTYPE':
        if (std) return 'TRANSIENT';
        return stat() ? 'PERSISTENT' : 'UNKNOWN';
      case 'SEEK':
      case 'POSITION': {
        const s = this.streams.get(std ?? p!);
        if (!s || s.kind !== 'file' || s.fd === undefined) return '';
        const dir = words[1] ?? 'READ';
        const unit = words[2] ?? 'CHAR';
        const write = dir === 'WRITE';
        if (unit === 'LINE') {
          if (write) {
            if (s.writeLine === 0) s.writeLine = this.lineAt(s, s.writePos);
            return String(s.writeLine);
          }
          if (s.readLine === 0) s.readLine = this.lineAt(s, s.readPos);
          return String(s.readLine);
        }
        return String((write ? s.writePos : s.readPos) + 1);
      }
    }
    throw rexxError(93, 1, 'QUERY', 'DATETIME TIMESTAMP EXISTS HANDLE SIZE STREAMTYPE SEEK POSITION', what);
  }

  /** Line number (1-based) of the line containing offset pos. */
  private lineAt(s: FileStream, pos: number): number {
    let n = 1;
    let p = 0;
    for (;;) {
      const lf = this.findLf(s, p);
      if (lf < 0 || lf >= pos) return n;
      n++;
      p = lf + 1;
    }
  }

  private cmdSeek(name: string, args: string[]): string {
    const s = this.get(name, false);
    if (s.kind !== 'file') throw rexxError(40, 42, 'STREAM', name);
    if (s.fd === undefined && !this.ensureOpen(s, false)) return '';
    let spec = args[0] ?? '';
    let mode = '=';
    if (/^[=<+-]/.test(spec)) {
      mode = spec[0]!;
      spec = spec.slice(1);
    }
    if (spec === '' && args.length > 1 && /^\d+$/.test(args[1]!)) {
      spec = args[1]!;
      args = [args[0]!, ...args.slice(2)];
    }
    if (!/^\d+$/.test(spec)) throw rexxError(93, 1, 'SEEK', '= < + -', spec);
    const n = Number(spec);
    let dir: 'READ' | 'WRITE' | 'BOTH' = 'BOTH';
    let unit: 'CHAR' | 'LINE' = 'CHAR';
    for (const w0 of args.slice(1)) {
      const w = w0.toUpperCase();
      if (w === 'READ' || w === 'WRITE') dir = w;
      else if (w === 'CHAR' || w === 'LINE') unit = w;
      else throw rexxError(93, 1, 'SEEK', 'READ WRITE CHAR LINE', w);
    }
    if (dir === 'BOTH' && !s.canWrite) dir = 'READ';
    if (dir === 'BOTH' && !s.canRead) dir = 'WRITE';
    const size = this.size(s);
    const apply = (write: boolean): number => {
      if (unit === 'CHAR') {
        const cur = write ? s.writePos : s.readPos;
        let pos: number;
        if (mode === '=') pos = n - 1;
        else if (mode === '<') pos = size - n - 1; // as Regina: '<1' is the last character
        else if (mode === '+') pos = cur + n;
        else pos = cur - n;
        pos = Math.max(0, Math.min(pos, size));
        if (write) {
          s.writePos = pos;
          s.writeLine = 0;
        } else {
          s.readPos = pos;
          s.readLine = pos === 0 ? 1 : 0;
        }
        return pos + 1;
      }
      // line positioning
      let curLine = write ? s.writeLine : s.readLine;
      if (curLine === 0) curLine = this.lineAt(s, write ? s.writePos : s.readPos);
      let total = 0;
      if (mode === '<') total = this.lines(name, 'C') + (s.readLine > 0 ? s.readLine - 1 : 0);
      let line: number;
      if (mode === '=') line = n;
      else if (mode === '<') line = Math.max(1, total - n + 1);
      else if (mode === '+') line = curLine + n;
      else line = Math.max(1, curLine - n);
      let off = this.lineOffset(s, line);
      if (off < 0) off = size;
      if (write) {
        s.writePos = off;
        s.writeLine = line;
      } else {
        s.readPos = off;
        s.readLine = line;
      }
      return line;
    };
    let r = 0;
    if (dir !== 'WRITE') r = apply(false);
    if (dir !== 'READ') {
      const w = apply(true);
      if (dir === 'WRITE') r = w;
    }
    s.state = 'READY';
    s.description = '';
    return String(r);
  }

  closeAll(): void {
    for (const s of [...this.streams.values()]) this.close(s);
    this.streams.clear();
  }
}
