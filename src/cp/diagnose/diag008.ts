/**
 * DIAGNOSE X'08' — virtual console function: run CP commands (CP-REFERENCE.md §2.2 [V]).
 * args: [command text, response buffer length?]. Several commands may be separated by
 * X'15'. Without a buffer the response goes to the console. With a buffer (Ry flag X'40')
 * the response is returned with X'15' after each line; rc (Ry) is the CP return code;
 * cc 0 with ry1 = response length, or cc 1 when it did not fit, with ry1 = the number of
 * bytes that did not fit (the response is truncated to the buffer). A command longer
 * than 240 characters is refused (z/VM's limit; NON-IBM: cc 3 instead of a specification
 * exception).
 */
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { DiagResult } from './index.js';

export const DIAG8_MAX_COMMAND = 240;

export async function diag008(vm: VirtualMachine, args: (string | number)[]): Promise<DiagResult> {
  const text = String(args[0] ?? '');
  const bufLen = args[1] === undefined ? undefined : Number(args[1]);
  if (text.length > DIAG8_MAX_COMMAND) return { rc: 0, cc: 3, result: '' };
  if (text.length === 0) return { rc: 0, cc: 0, result: '', ry1: 0 };
  const commands = text.split('\x15');
  const lines: string[] = [];
  let rc = 0;
  for (const c of commands) {
    if (vm.loggedOff) break;
    rc = await vm.system.cluster.commands.execute(vm, c, bufLen === undefined ? {} : { capture: lines });
  }
  if (bufLen === undefined) return { rc, cc: 0, result: '' };
  const response = lines.map((l) => l + '\x15').join('');
  if (response.length > bufLen) return { rc, cc: 1, result: response.slice(0, bufLen), ry1: response.length - bufLen };
  return { rc, cc: 0, result: response, ry1: response.length };
}
