/**
 * The line-mode console (CONSOLE-3270.md §1.5 "Line-mode / TTY conventions"; issue 3
 * "Console (line mode)"): output lines scroll, no MORE.../HOLDING.
 *
 * On a terminal (TTY): readline input; the read state is the prompt (`CP READ `,
 * `VM READ `, the system name at the logo); a password prompt turns echo off;
 * Ctrl-C is attention (PA1).
 * Not a terminal (a pipe or file): every input line is delivered at the next console
 * read (type-ahead), typed lines are echoed to the output (passwords are not), and at end
 * of input the user is logged off and the cluster is shut down cleanly.
 */
import * as readline from 'node:readline';
import { type Readable, Writable } from 'node:stream';
import type { Cluster } from '../../cp/cluster.js';
import type { CpSystem } from '../../cp/system.js';
import { logoffUser } from '../../cp/commands/logon.js';
import { ConsoleSession, type SessionEvent } from '../core/session.js';

export interface LineConsoleOptions {
  input: Readable;
  output: Writable;
  tty: boolean;
}

/** Run a line console on a system until input ends (then shut down) or the system stops. */
export function runLineConsole(cluster: Cluster, system: CpSystem, opts: LineConsoleOptions): Promise<void> {
  return new Promise((resolve) => {
    const out = opts.output;
    let muted = false;
    let promptText = '';
    let rl: readline.Interface;
    let ended = false;
    let finished = false;

    const finish = async () => {
      if (finished) return;
      finished = true;
      rl?.close();
      const vm = session.terminal.vm;
      if (vm && !cluster.shutDown) await logoffUser(vm, { quiet: false });
      await cluster.shutdown();
      resolve();
    };

    const onEvent = (e: SessionEvent) => {
      switch (e.type) {
        case 'output':
          if (opts.tty) {
            out.write('\r\x1b[K' + e.line + '\n');
            if (session.state !== 'RUNNING') rl.prompt(true);
          } else out.write(e.line + '\n');
          break;
        case 'state':
          muted = e.noEcho;
          promptText = e.state === 'LOGO' ? `${system.name} ` : e.state === 'CP READ' || e.state === 'VM READ' ? `${e.state} ` : '';
          if (opts.tty) {
            rl.setPrompt(promptText);
            if (e.state !== 'RUNNING') rl.prompt(true);
          }
          if (ended && session.idle) void finish();
          break;
        case 'input':
          if (!opts.tty && e.echo) out.write(e.line + '\n');
          break;
        case 'closed':
          void finish();
          break;
      }
    };

    const session = ConsoleSession.connect(system, onEvent);

    if (opts.tty) {
      // a muting output stream so passwords are not echoed
      const ttyOut = new (class extends Writable {
        override _write(chunk: Buffer, enc: BufferEncoding, cb: () => void) {
          if (!muted) out.write(chunk, enc);
          cb();
        }
      })();
      rl = readline.createInterface({ input: opts.input, output: ttyOut, terminal: true });
      rl.on('SIGINT', () => session.attention());
    } else {
      rl = readline.createInterface({ input: opts.input, terminal: false });
    }
    rl.on('line', (line) => {
      if (opts.tty && muted) out.write('\n');
      session.submitLine(line);
    });
    rl.on('close', () => {
      ended = true;
      // deliver what is typed ahead; when CP or the guest next waits with nothing left, stop
      const check = () => {
        if (finished) return;
        if (session.idle || (session.pending === 0 && Date.now() - session.lastActivity > 2000) || session.state === 'CLOSED') void finish();
        else setTimeout(check, 100);
      };
      setTimeout(check, 50);
    });
  });
}

