/**
 * DIAGNOSE registry: code → handler (STYLE.md §7, Hercules diagnose.c; CP-REFERENCE.md
 * §2). Guest programs call these through the channel ({op:'diag', code, args}); the
 * register interface is replaced by arguments and a result (rc = Ry, cc = condition
 * code, result = the bytes the guest would find in storage, as a Latin-1 string).
 */
import type { VirtualMachine } from '../guest/virtual-machine.js';
import { diag000 } from './diag000.js';
import { diag008 } from './diag008.js';
import { diag00c } from './diag00c.js';
import { diag024 } from './diag024.js';
import { diag05c } from './diag05c.js';
import { diag060 } from './diag060.js';
import { diag100 } from './diag100.js';
import { diag104 } from './diag104.js';
import { diag108 } from './diag108.js';

export interface DiagResult {
  rc: number;
  cc: number;
  result: string;
  /** Ry+1 (DIAG 8: response length, or bytes that did not fit when cc = 1) */
  ry1?: number;
}

export type DiagHandler = (vm: VirtualMachine, args: (string | number)[]) => DiagResult | Promise<DiagResult>;

export const DIAGNOSE_CODES: ReadonlyMap<number, DiagHandler> = new Map<number, DiagHandler>([
  [0x000, diag000],
  [0x008, diag008],
  [0x00c, diag00c],
  [0x024, diag024],
  [0x05c, diag05c],
  [0x060, diag060],
  [0x100, diag100], // TRACK (installation range)
  [0x104, diag104], // Migration DIAGNOSE (installation range)
  [0x108, diag108], // guest LAN PING (installation range)
]);

export function diagnose(vm: VirtualMachine, code: number, args: (string | number)[]): DiagResult | Promise<DiagResult> {
  const h = DIAGNOSE_CODES.get(code);
  // an unsupported code is a specification exception on z/VM; NON-IBM: reported as cc 3, rc -1
  if (!h) return { rc: -1, cc: 3, result: '' };
  return h(vm, args);
}
