/**
 * Test helpers: run REXX source in-process against a host that captures SAY
 * and trace output, with a scripted input and a fixed clock.
 */
import { expect } from 'vitest';
import { runProgram, type ProgramOutcome } from '../../src/rexx/index.js';
import type { RexxHost, CommandResult, ExternalRoutine } from '../../src/rexx/host.js';
import { RexxQueue } from '../../src/rexx/queue.js';
import type { StreamManager } from '../../src/rexx/streams.js';
import { NodeStreamManager } from '../../src/rexx/streams-node.js';

export interface Captured extends ProgramOutcome {
  out: string;
  err: string;
}

export class TestHost implements RexxHost {
  readonly defaultAddress = 'SYSTEM';
  readonly sourceSystem = 'UNIX';
  readonly queue = new RexxQueue();
  out = '';
  err = '';
  input: string[] = [];
  commands: { env: string; cmd: string }[] = [];
  commandResult: (env: string, cmd: string) => CommandResult = () => ({ rc: 0 });
  externals = new Map<string, ExternalRoutine>();
  streams: StreamManager;
  halt: 'HI' | 'HX' | undefined;

  constructor() {
    this.streams = new NodeStreamManager(
      (s: string) => {
        this.out += s;
      },
      () => {},
      { readLine: () => this.input.shift(), readChars: () => '' },
    );
  }
  say(line: string): void {
    this.out += line + '\n';
  }
  traceOut(line: string): void {
    this.err += line + '\n';
  }
  readLine(): string | undefined {
    return this.input.shift();
  }
  command(env: string, cmd: string): CommandResult {
    this.commands.push({ env, cmd });
    return this.commandResult(env, cmd);
  }
  findExternal(name: string): ExternalRoutine | undefined {
    return this.externals.get(name);
  }
  now(): Date {
    return new Date(2026, 10, 25, 13, 14, 15, 160);
  }
  pollHalt(): 'HI' | 'HX' | undefined {
    const h = this.halt;
    this.halt = undefined;
    return h;
  }
}

let freshText = 0;

/**
 * Run program `text` with a switch on and then off (set(on)), each time on a
 * new host prepared by setUp, and expect the same outcome: output, error and
 * its line. Returns that outcome. Each run gets the text with a new comment
 * line after it, so that no run takes a program compiled under the other
 * setting from the program cache.
 */
export function sameEitherWay(set: (on: boolean) => void, text: string, setUp: (h: TestHost) => void = () => {}): string {
  const results = [true, false].map((on) => {
    set(on);
    const h = new TestHost();
    setUp(h);
    const r = run(`${text}\n/* ${on} ${++freshText} */`, [], h);
    return `${r.out}|${r.err}|${r.error?.codeText ?? ''}@${r.error?.line ?? ''}`;
  });
  expect(results[0]).toBe(results[1]);
  return results[0]!;
}

/** A host set-up answering HALT (HI) at its k-th poll, and at no other. */
export function haltAtPoll(k: number): (h: TestHost) => void {
  return (h) => {
    let polls = 0;
    h.pollHalt = () => (++polls === k ? 'HI' : undefined);
  };
}

export function run(source: string, args: string[] = [], host = new TestHost()): Captured {
  const r = runProgram(source, 'test.rexx', args, host);
  if (r.report) host.err += r.report.join('\n') + '\n';
  return { ...r, out: host.out, err: host.err };
}

/** SAY output of a program, as one string with lines joined by \n (no final newline). */
export function say(source: string, args: string[] = []): string {
  const r = run(source, args);
  if (r.error) throw new Error(r.report!.join('\n'));
  return r.out.replace(/\n$/, '');
}

/** The REXX error a program ends with, as "code.subcode". */
export function errorOf(source: string): string {
  const r = run(source);
  return r.error ? r.error.codeText : 'none';
}
