/**
 * TRACE C (ANSI X3.274-1996 §8.3.36 "Commands: all host commands are traced
 * before execution") and the return-code line of a command that fails. The
 * expected trace lines are Regina 3.6's for the same program.
 */
import { describe, it, expect } from 'vitest';
import { run, TestHost } from '../helpers.js';

function traced(src: string): string {
  const host = new TestHost();
  host.commandResult = (_env, cmd) => ({ rc: Number(/\d+/.exec(cmd)?.[0] ?? 0) });
  return run(src, [], host).err;
}

describe('tracing commands', () => {
  it('TRACE C shows every command before it runs, and the RC of one that fails', () => {
    expect(traced("trace c\n'exit 3'\n'exit 0'\nx = 1\nsay x\n")).toBe(
      "     2 *-* 'exit 3'\n       +++ RC=3 +++\n     3 *-* 'exit 0'\n",
    );
  });
  it('TRACE O and the default TRACE N show nothing for a command with a positive RC', () => {
    expect(traced("trace o\n'exit 3'\n")).toBe('');
    expect(traced("'exit 3'\n")).toBe('');
  });
});
