/**
 * What a CP command handler gets (STYLE.md §7: Hercules cmdtab rows call handlers
 * with a context). Handlers write response lines with out(), issue catalogue messages
 * with msg() (which returns the return code), and may prompt on a console.
 */
import type { Cluster } from '../cluster.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { CpSystem } from '../system.js';
import type { CpTerminal } from '../terminal.js';
import type { Operands } from './tokenize.js';

export interface CommandContext {
  cluster: Cluster;
  system: CpSystem;
  vm: VirtualMachine;
  /** the command word as typed (upper-case) */
  verb: string;
  /** a response line */
  out(line: string): void;
  /** a catalogue message, edited by SET EMSG; returns its number (the command's rc) */
  msg(id: string, ...inserts: (string | number)[]): number;
  /** the console the command came from (absent for DIAGNOSE X'08' and AUTOLOG'd commands) */
  terminal?: CpTerminal;
  /** true when the response is captured (DIAGNOSE X'08' with a buffer) */
  captured: boolean;
}

export type Handler = (ctx: CommandContext, ops: Operands) => number | Promise<number>;

export interface CommandRow {
  /** full command name */
  name: string;
  /** minimum abbreviation length */
  min: number;
  /** privilege classes that may use it; '*' = any class */
  classes: string;
  handler: Handler;
  /** one-line help */
  help: string;
}
