/**
 * DIAGNOSE X'60' — determine the virtual storage size (CP-REFERENCE.md §2.4 [V emx370]):
 * rc (Rx) = the size in bytes; result = the size as a decimal string.
 */
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { DiagResult } from './index.js';

export function diag060(vm: VirtualMachine): DiagResult {
  return { rc: vm.storage.size, cc: 0, result: String(vm.storage.size) };
}
