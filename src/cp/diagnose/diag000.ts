/**
 * DIAGNOSE X'00' — store extended identification (CP-REFERENCE.md §2.3 [V emx370; R 37-40]).
 * Layout of the 40 bytes (1-based): 1-8 system name `z/VM    `, 9-11 version number,
 * 12 version code, 13-14 MCEL, 15-16 processor address, 17-24 userid, 25-32 program
 * product bitmap (X'7FFFFFFE...' = z/VM 7.1 or later), 33-36 time zone differential,
 * 37-40 version/release/service level.
 */
import type { VirtualMachine } from '../guest/virtual-machine.js';
import type { DiagResult } from './index.js';

const bytes = (...b: number[]) => String.fromCharCode(...b);

export function diag000(vm: VirtualMachine): DiagResult {
  const result =
    'z/VM    ' +
    bytes(0x07, 0x03, 0x00) + // version number
    bytes(0x00) + // version code
    bytes(0x00, 0x00) + // MCEL
    bytes(0x00, 0x00) + // processor address
    vm.userid.padEnd(8) +
    bytes(0x7f, 0xff, 0xff, 0xfe, 0x00, 0x00, 0x00, 0x00) +
    bytes(0x00, 0x00, 0x00, 0x00) + // time zone: UTC
    bytes(0x07, 0x03, 0x00, 0x00);
  return { rc: 0, cc: 0, result };
}
