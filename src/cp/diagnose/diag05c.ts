/**
 * DIAGNOSE X'5C' — error message editing (CP-REFERENCE.md §0 and §2.4 [V emx370]):
 * the message is edited as SET EMSG says: ON (or IUCV) keeps it all; CODE keeps the first
 * 10 bytes (the id); TEXT skips the first 11 (id and blank); OFF makes the length 0.
 * args: [message]; result: the edited message.
 */
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { DiagResult } from './index.js';

export function diag05c(vm: VirtualMachine, args: (string | number)[]): DiagResult {
  const m = String(args[0] ?? '');
  let r: string;
  switch (vm.settings.emsg) {
    case 'CODE':
      r = m.slice(0, 10);
      break;
    case 'TEXT':
      r = m.slice(11);
      break;
    case 'OFF':
      r = '';
      break;
    default:
      r = m;
  }
  return { rc: r.length, cc: 0, result: r };
}
