import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeStreamManager } from '../../../src/rexx/streams-node.js';
import { bif, bifError, fakeContext, type Fake } from './helpers.js';

let dir: string;
let out: string[];
let c: Fake;
let sm: NodeStreamManager;
const f = (n: string, ...a: (string | number | undefined)[]) => bif(c, n, ...a);
const err = (n: string, ...a: (string | number | undefined)[]) => bifError(c, n, ...a);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmrexx-streams-'));
  out = [];
  sm = new NodeStreamManager({ writeStdout: (s) => void out.push(s), writeStderr: (s) => void out.push('ERR:' + s), cwd: dir, stdinFd: -1 });
  c = fakeContext({ streams: sm });
});
afterEach(() => {
  sm.closeAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('stream I/O on files (values from Regina)', () => {
  it('writes, reads, counts lines and reports states', () => {
    const fn = 'f1.txt';
    expect(f('lineout', fn, 'hello')).toBe('0');
    expect(f('lineout', fn, 'world')).toBe('0');
    expect([f('stream', fn), f('stream', fn, 'D'), f('stream', fn, 'S')]).toEqual(['READY', '', 'READY']);
    expect([f('lines', fn), f('lines', fn, 'C'), f('lines', fn, 'N'), f('chars', fn)]).toEqual(['1', '2', '1', '12']);
    expect(f('linein', fn)).toBe('hello');
    expect([f('lines', fn), f('chars', fn)]).toEqual(['1', '6']);
    expect(f('stream', fn, 'c', 'close')).toBe('UNKNOWN');
    expect([f('stream', fn), f('stream', fn, 'D')]).toEqual(['UNKNOWN', '']);
    expect([f('linein', fn), f('linein', fn), f('linein', fn)]).toEqual(['hello', 'world', '']);
    expect([f('stream', fn), f('stream', fn, 'D')]).toEqual(['NOTREADY', 'EOF on line input']);
    expect(c.notready).toEqual([{ stream: fn, description: 'EOF on line input' }]);
    expect(f('lines', fn)).toBe('0');
    expect([f('charin', fn, 1, 3), f('charin', fn), f('charin', fn, undefined, 2)]).toEqual(['hel', 'l', 'o\n']);
    expect(f('charout', fn, 'XY', 1)).toBe('0');
    f('stream', fn, 'c', 'close');
    expect(f('linein', fn)).toBe('XYllo');
    expect(fs.readFileSync(path.join(dir, fn), 'latin1')).toBe('XYllo\nworld\n');
    expect(f('stream', fn, 'c', 'query exists')).toBe(path.join(dir, fn));
    expect(f('stream', fn, 'c', 'query size')).toBe('12');
    expect(f('stream', 'nonexist', 'c', 'query exists')).toBe('');
    expect(f('stream', 'nonexist', 'c', 'query size')).toBe('');
    expect(f('stream', fn, 'c', 'query datetime')).toMatch(/^\d\d-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(f('stream', fn, 'c', 'query timestamp')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(f('stream', fn, 'c', 'query seek read')).toBe('7');
    expect(f('stream', fn, 'c', 'query streamtype')).toBe('PERSISTENT');
  });
  it('positions with SEEK', () => {
    const fn = 'f1.txt';
    f('lineout', fn, 'hello');
    f('lineout', fn, 'world');
    expect(f('stream', fn, 'c', 'seek =1')).toBe('1');
    expect(f('stream', fn, 'c', 'seek 2 read')).toBe('2');
    expect(f('linein', fn)).toBe('ello');
    expect(f('stream', fn, 'c', 'seek +1 read char')).toBe('8');
    expect(f('stream', fn, 'c', 'seek =1 read line')).toBe('1');
    expect(f('linein', fn)).toBe('hello');
    expect(f('stream', fn, 'c', 'seek -1 read line')).toBe('1');
    expect(f('stream', fn, 'c', 'seek <1 read char')).toBe('11');
    expect(f('charin', fn)).toBe('d');
    expect(f('stream', fn, 'c', 'query seek read line')).toBe('2');
  });
  it('reads a last line without a line end, and CRLF lines', () => {
    fs.writeFileSync(path.join(dir, 'f2.txt'), 'line1\nline2\nlast-no-nl');
    fs.writeFileSync(path.join(dir, 'crlf.txt'), 'a\r\nb\r\n');
    expect(f('lines', 'f2.txt')).toBe('1');
    expect([f('linein', 'f2.txt'), f('linein', 'f2.txt')]).toEqual(['line1', 'line2']);
    expect([f('lines', 'f2.txt'), f('lines', 'f2.txt', 'C'), f('chars', 'f2.txt')]).toEqual(['1', '1', '10']);
    expect(f('linein', 'f2.txt')).toBe('last-no-nl');
    expect([f('lines', 'f2.txt'), f('stream', 'f2.txt', 's')]).toEqual(['0', 'READY']);
    expect(f('linein', 'f2.txt')).toBe('');
    expect([f('stream', 'f2.txt', 's'), f('stream', 'f2.txt', 'd')]).toEqual(['NOTREADY', 'EOF on line input']);
    expect(f('charin', 'f2.txt')).toBe('');
    expect(f('stream', 'f2.txt', 'd')).toBe('EOF on char input');
    expect(f('linein', 'crlf.txt')).toBe('a');
    expect(f('lines', 'crlf.txt')).toBe('1');
  });
  it('raises NOTREADY with ERROR state for missing files', () => {
    const p = '/nonexistent-dir-for-rexx-test/none.txt';
    expect(f('linein', p)).toBe('');
    expect([f('stream', p), f('stream', p, 'D')]).toEqual(['ERROR', 'No such file or directory']);
    expect(c.notready[0]).toEqual({ stream: p, description: 'No such file or directory' });
    expect(f('charin', '/nonexistent-dir-for-rexx-test/other.txt', 1, 1)).toBe('');
    expect(c.notready[1]!.stream).toBe('/nonexistent-dir-for-rexx-test/other.txt');
    expect(f('lineout', '/nonexist/z', 'a')).toBe('1');
    expect(f('charout', '/nonexist/z', 'abc')).toBe('3');
    expect([f('lines', 'nofile'), f('chars', 'nofile'), f('stream', 'nofile')]).toEqual(['0', '0', 'UNKNOWN']);
    expect(f('stream', 'f3.txt', 'c', 'open read')).toBe('ERROR:2');
    expect(f('stream', 'f3.txt', 'd')).toBe('No such file or directory');
  });
  it('opens explicitly for write, append and replace', () => {
    expect(f('stream', 'f4.txt', 'c', 'open write')).toBe('READY:');
    f('lineout', 'f4.txt', 'x');
    expect(f('stream', 'f4.txt', 'c', 'close')).toBe('UNKNOWN');
    f('stream', 'f4.txt', 'c', 'open write append');
    f('lineout', 'f4.txt', 'y');
    f('stream', 'f4.txt', 'c', 'close');
    expect(f('chars', 'f4.txt')).toBe('4');
    f('stream', 'f4.txt', 'c', 'close');
    f('stream', 'f4.txt', 'c', 'open write replace');
    f('lineout', 'f4.txt', 'z');
    f('stream', 'f4.txt', 'c', 'close');
    expect(f('chars', 'f4.txt')).toBe('2');
    expect([f('stream', 'f4.txt', 'c', 'open both'), f('stream', 'f4.txt', 'c', 'open'), f('stream', 'f4.txt', 'c', 'open read')]).toEqual([
      'READY:', 'READY:', 'READY:',
    ]);
    expect([f('lineout', 'f4.txt'), f('stream', 'f4.txt', 's')]).toEqual(['0', 'UNKNOWN']);
    expect([f('linein', 'f4.txt', 1), f('linein', 'f4.txt', 1, 0), f('linein', 'f4.txt', undefined, 0)]).toEqual(['z', '', '']);
    expect(f('flush' === 'x' ? '' : 'stream', 'f4.txt', 'c', 'flush')).toBe('READY');
  });
  it('writes the default output stream through the SAY writer', () => {
    expect(f('lineout', undefined, 'x')).toBe('0');
    expect(f('charout', undefined, 'abc')).toBe('0');
    expect(f('lineout', 'stdout', 'to stdout')).toBe('0');
    expect(f('lineout', 'stderr', 'to stderr')).toBe('0');
    expect(out).toEqual(['x\n', 'abc', 'to stdout\n', 'ERR:to stderr\n']);
    expect(f('stream', 'stdout', 'c', 'query streamtype')).toBe('TRANSIENT');
    expect(f('stream', 'STDERR', 'c', 'query streamtype')).toBe('UNKNOWN');
  });
  it('checks arguments', () => {
    expect(err('linein', undefined, undefined, 2)).toBe('Error 40.39: LINEIN argument 3 is not zero or one; found "2"');
    expect(err('charin', undefined, undefined, -1)).toBe('Error 40.13: CHARIN argument 3 must be zero or positive; found "-1"');
    expect(err('linein', 'x', 0)).toBe('Error 40.14: LINEIN argument 2 must be positive; found "0"');
    expect(err('lineout', 'x', 'a', 0)).toBe('Error 40.14: LINEOUT argument 3 must be positive; found "0"');
    expect(err('stream', 'f4.txt', 'x')).toBe('Error 40.28: STREAM argument 2, option must start with one of "CSD"; found "x"');
    expect(err('stream', 'foo', 'c', 'bogus')).toBe(
      'Error 93.3: [STREAM command must be one of "CLOSE FLUSH OPEN POSITION QUERY SEEK"; found "BOGUS"]',
    );
    expect(err('stream', 'foo', 'c', 'query format')).toBe(
      'Error 93.1: [STREAM command QUERY must be followed by one of "DATETIME TIMESTAMP EXISTS HANDLE SIZE STREAMTYPE SEEK POSITION"; found "FORMAT"]',
    );
    expect(err('lines', 'x', 'q')).toBe('Error 40.28: LINES argument 2, option must start with one of "CN"; found "q"');
  });
});
