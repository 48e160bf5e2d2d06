/**
 * The CP command processor: one entry point for a command line from a console, from
 * DIAGNOSE X'08', or from a directory COMMAND statement (CP-REFERENCE.md §0-1).
 *   - a leading `CP` is dropped (`CP Q N`), `*` starts a comment, an empty line does nothing
 *   - the command word is found in the command table by minimum abbreviation
 *   - a command outside the user's privilege classes answers as an unknown command
 *     (HCPCMD001E, rc 1) and does nothing
 *   - the return code is the number of the error message issued (0 when none)
 */
import type { Cluster } from '../cluster.js';
import { cpMessage, messageNumber } from '../messages.js';
import type { CpTerminal } from '../terminal.js';
import type { CpSystem } from '../system.js';
import { VirtualMachine } from '../guest/virtual-machine.js';
import { deliverMessage } from './msg.js';
import type { CommandContext } from './context.js';
import { prelogonCommand } from './logon.js';
import { COMMAND_TABLE } from './table.js';
import { Operands, abbrev, showToken } from './tokenize.js';

export interface ExecuteOptions {
  terminal?: CpTerminal;
  /** run on this system rather than the user's own (CSE: AT sysname CMD ...) */
  system?: CpSystem;
  /** collect the response here instead of showing it (DIAGNOSE X'08' with a buffer) */
  capture?: string[];
}

export class CommandProcessor {
  constructor(private readonly cluster: Cluster) {}

  /** CSE hooks: deliver messages that came from another process, run AT ... CMD for one. */
  wireCse(): void {
    const cse = this.cluster.cse;
    cse.localDeliver = deliverMessage;
    cse.runRemoteCommand = async (system, userid, classes, command, from) => {
      const lines: string[] = [];
      const rc = await this.execute(proxyMachine(system, userid, classes, from), command, { capture: lines, system });
      return { rc, lines };
    };
  }

  /** Run one CP command line for a virtual machine; resolves to the return code. */
  async execute(vm: VirtualMachine, line: string, opts: ExecuteOptions = {}): Promise<number> {
    const capture = opts.capture;
    const out = capture ? (l: string) => void capture.push(l) : (l: string) => vm.out(l);
    let text = line.replace(/\t/g, ' ').trim();
    while (/^CP(\s|$)/i.test(text)) text = text.slice(2).trim();
    if (text === '' || text.startsWith('*')) return 0;
    const ops = new Operands(text);
    const verbRaw = ops.nextRaw()!;
    const verb = verbRaw.toUpperCase();
    const ctx: CommandContext = {
      cluster: this.cluster,
      system: opts.system ?? vm.system,
      vm,
      verb,
      out,
      msg: (id, ...inserts) => {
        const l = vm.editMsg(cpMessage(id, ...inserts));
        if (l !== undefined) out(l);
        return messageNumber(id);
      },
      terminal: opts.terminal,
      captured: capture !== undefined,
    };
    const row = COMMAND_TABLE.find((r) => abbrev(verb, r.name, r.min));
    if (!row || !vm.hasClass(row.classes)) return ctx.msg('HCPCMD001E', showToken(verbRaw));
    return row.handler(ctx, ops);
  }

  /** A line typed at the logo (before LOGON). */
  prelogon(terminal: CpTerminal, line: string): Promise<void> {
    return prelogonCommand(this.cluster, terminal, line);
  }
}

/**
 * The issuer of AT sysname CMD from a system in another process: not a virtual machine
 * of this system, but it answers what a command asks of its issuer (user ID, classes,
 * SET EMSG, an empty device list).
 */
function proxyMachine(system: CpSystem, userid: string, classes: string, from: string): VirtualMachine {
  const vm = Object.create(VirtualMachine.prototype) as VirtualMachine;
  const entry = system.directory.users.get(userid);
  // the issuer's own system (QUERY USERID answers with it); everything else is the target's
  const home = Object.create(system, { name: { value: from } }) as CpSystem;
  Object.assign(vm, {
    userid,
    classes,
    entry,
    system: home,
    devices: new Map(),
    settings: { msg: 'ON', wng: 'ON', emsg: 'ON', imsg: 'ON', smsg: 'OFF', run: false },
    terminal: null,
    guest: null,
    inCp: true,
    logonTime: system.clock.now(),
    loggedOff: false,
    logoffPending: false,
    smsgQueue: [],
    typeAhead: [],
  });
  return vm;
}
