/**
 * A tiny fake BifContext for BIF tests: NUMERIC settings, a fake host with a fixed
 * clock and an in-memory stream manager stub, and fake InterpreterServices.
 */
import { RexxQueue } from '../../../src/rexx/queue.js';
import { RexxError } from '../../../src/rexx/errors.js';
import type { RexxHost } from '../../../src/rexx/host.js';
import type { StreamManager } from '../../../src/rexx/streams.js';
import type { BifContext, InterpreterServices } from '../../../src/rexx/builtins/types.js';
import type { NumericSettings } from '../../../src/rexx/arithmetic/settings.js';
import { callBuiltin, lookupBuiltin } from '../../../src/rexx/builtins/registry.js';

export interface FakeOptions {
  digits?: number;
  fuzz?: number;
  form?: 'SCIENTIFIC' | 'ENGINEERING';
  now?: Date;
  args?: (string | undefined)[];
  streams?: StreamManager;
  vars?: Record<string, string>;
  source?: string[];
}

export interface Fake extends BifContext {
  numeric: NumericSettings;
  vars: Map<string, string>;
  notready: { stream: string; description?: string }[];
  clock: { now: Date };
  trace: string;
  env: Map<string, string>;
  routine: Map<string, unknown>;
  run: Map<string, unknown>;
  clause: { id: number };
}

const nullStreams: StreamManager = {
  charin: () => ({ data: '' }),
  charout: () => ({ left: 0 }),
  chars: () => 0,
  linein: () => ({ data: '' }),
  lineout: () => ({ left: 0 }),
  lines: () => 0,
  stream: () => 'UNKNOWN',
  closeAll: () => {},
};

export function fakeContext(o: FakeOptions = {}): Fake {
  const numeric: NumericSettings = { digits: o.digits ?? 9, fuzz: o.fuzz ?? 0, form: o.form ?? 'SCIENTIFIC' };
  const vars = new Map(Object.entries(o.vars ?? {}));
  const env = new Map<string, string>();
  const clock = { now: o.now ?? new Date(2024, 1, 29, 13, 5, 9, 250) };
  const notready: Fake['notready'] = [];
  const source = o.source ?? ['/* test */', 'say 1', 'exit'];
  const args = o.args ?? [];
  const queue = new RexxQueue();
  const host: RexxHost = {
    say: () => {},
    traceOut: () => {},
    readLine: () => undefined,
    command: () => ({ rc: 0 }),
    defaultAddress: 'SYSTEM',
    sourceSystem: 'UNIX',
    queue,
    streams: o.streams ?? nullStreams,
    now: () => new Date(clock.now.getTime()),
    getEnv: (n) => env.get(n),
    setEnv: (n, v) => void env.set(n, v),
    userid: () => 'TESTER',
  };
  const fake = {
    numeric,
    host,
    vars,
    notready,
    clock,
    trace: 'N',
    env,
    routine: new Map<string, unknown>(),
    run: new Map<string, unknown>(),
    clause: { id: 0 },
  } as unknown as Fake;
  const interp: InterpreterServices = {
    argCount: () => {
      let n = args.length;
      while (n > 0 && args[n - 1] === undefined) n--;
      return n;
    },
    arg: (n) => args[n - 1],
    condition: (opt) => ({ C: 'SYNTAX', D: 'Error 43.1: Could not find routine "X"', I: 'SIGNAL', S: 'OFF' })[opt],
    sourceLineCount: () => source.length,
    sourceLine: (n) => source[n - 1] ?? '',
    symbolState: (name) => {
      const up = name.toUpperCase();
      if (/^[0-9.]/.test(up)) return 'LIT';
      return vars.has(up) ? 'VAR' : 'LIT';
    },
    getVariable: (name) => vars.get(name.toUpperCase()) ?? name.toUpperCase(),
    setVariable: (name, v) => void vars.set(name.toUpperCase(), v),
    traceSetting: () => fake.trace,
    setTrace: (s) => {
      fake.trace = s.toUpperCase()[0] === '?' ? '?' + s.slice(1).toUpperCase()[0] : s.toUpperCase()[0]!;
    },
    address: () => 'SYSTEM',
    sourcePath: () => '/tmp/test.rexx',
    raiseNotReady: (stream, description) => void notready.push({ stream, description }),
    runState: () => fake.run,
    routineState: () => fake.routine,
    clauseId: () => fake.clause.id,
  };
  (fake as { interp: InterpreterServices }).interp = interp;
  return fake;
}

/** Call a BIF by name with the count checks of the registry. */
export function bif(ctx: BifContext, name: string, ...args: (string | number | undefined)[]): string {
  const spec = lookupBuiltin(name.toUpperCase());
  if (!spec) throw new Error(`no BIF ${name}`);
  return callBuiltin(spec, args.map((a) => (a === undefined ? undefined : String(a))), ctx);
}

/** The "Error n.m: text" line a call raises, as Regina prints it. */
export function bifError(ctx: BifContext, name: string, ...args: (string | number | undefined)[]): string {
  try {
    const r = bif(ctx, name, ...args);
    return `no error: [${r}]`;
  } catch (e) {
    if (e instanceof RexxError) return `Error ${e.codeText}: ${e.secondaryText}`;
    throw e;
  }
}

/** Hex literal helper: x('ff 00') -> '\xff\x00'. */
export function x(hex: string): string {
  const h = hex.replace(/ /g, '');
  let s = '';
  for (let i = 0; i < h.length; i += 2) s += String.fromCharCode(parseInt(h.slice(i, i + 2), 16));
  return s;
}
