/**
 * DIAGNOSE X'0C' — pseudo timer (CP-REFERENCE.md §2.4 [V]): 32 bytes, `MM/DD/YY`,
 * `HH:MM:SS`, virtual CPU time and total CPU time in microseconds (8 bytes each).
 */
import { hms, mdy } from '../../common/timefmt.js';
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { DiagResult } from './index.js';

export function diag00c(vm: VirtualMachine): DiagResult {
  const now = vm.system.clock.now();
  const zero8 = '\0'.repeat(8);
  return { rc: 0, cc: 0, result: mdy(now) + hms(now) + zero8 + zero8 };
}
