/**
 * Inbound 3270 data stream (terminal -> host): the Read-Modified reply a terminal
 * sends when the user presses an AID key (CONSOLE-3270.md §2.3).
 *
 *   AID, cursor address (2), { SBA address (2), field data }...
 *
 * CLEAR, PA1, PA2 and PA3 are short reads: the AID byte alone.  Only fields with
 * MDT set are sent, and the terminal drops nulls.  AID X'88' carries structured
 * fields (query replies) instead.
 */

import { decodeAddress, ORDER_SBA } from './datastream.js';

export const AID_NONE = 0x60;
export const AID_ENTER = 0x7d;
export const AID_PA1 = 0x6c;
export const AID_PA2 = 0x6e;
export const AID_PA3 = 0x6b;
export const AID_CLEAR = 0x6d;
export const AID_SYSREQ = 0xf0;
export const AID_STRUCTURED_FIELD = 0x88;
export const AID_CLEAR_PARTITION = 0x6a;

// prettier-ignore
/** AID byte of PF1..PF24 (index 0 = PF1). */
export const AID_PF: readonly number[] = [
  0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0x7a, 0x7b, 0x7c,
  0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0x4a, 0x4b, 0x4c,
];

export type AidKey =
  | { key: 'ENTER' }
  | { key: 'PF'; n: number }
  | { key: 'PA'; n: 1 | 2 | 3 }
  | { key: 'CLEAR' }
  | { key: 'SYSREQ' }
  | { key: 'STRUCTURED-FIELD' }
  | { key: 'NONE' };

export class InboundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InboundError';
  }
}

/** What an AID byte means, or undefined for a byte that is no AID. */
export function aidKey(aid: number): AidKey | undefined {
  switch (aid) {
    case AID_ENTER:
      return { key: 'ENTER' };
    case AID_PA1:
      return { key: 'PA', n: 1 };
    case AID_PA2:
      return { key: 'PA', n: 2 };
    case AID_PA3:
      return { key: 'PA', n: 3 };
    case AID_CLEAR:
    case AID_CLEAR_PARTITION:
      return { key: 'CLEAR' };
    case AID_SYSREQ:
      return { key: 'SYSREQ' };
    case AID_STRUCTURED_FIELD:
      return { key: 'STRUCTURED-FIELD' };
    case AID_NONE:
      return { key: 'NONE' };
  }
  const pf = AID_PF.indexOf(aid);
  return pf >= 0 ? { key: 'PF', n: pf + 1 } : undefined;
}

/** AIDs that are short reads: nothing follows the AID byte. */
export function isShortRead(key: AidKey): boolean {
  return key.key === 'PA' || key.key === 'CLEAR' || key.key === 'SYSREQ';
}

export interface InboundField {
  /** Buffer address of the first data byte (the position after the field attribute); -1 = unformatted screen. */
  address: number;
  /** EBCDIC bytes as received. */
  data: Uint8Array;
}

export interface InboundRecord {
  aid: number;
  key: AidKey;
  /** Cursor address, when the terminal sent one. */
  cursor?: number;
  fields: InboundField[];
  /** For AID X'88': the structured fields after the AID. */
  structuredFields?: Uint8Array;
}

/**
 * Parse one inbound record (TN3270E header already removed).
 * @param bufferSize rows*cols of the current screen; addresses must lie inside it.
 * @throws InboundError for an unknown AID, a truncated address, or an address off the screen.
 */
export function parseInbound(record: Uint8Array, bufferSize: number): InboundRecord {
  if (record.length === 0) throw new InboundError('empty inbound record');
  const aid = record[0]!;
  const key = aidKey(aid);
  if (!key) throw new InboundError(`unknown AID X'${aid.toString(16).toUpperCase().padStart(2, '0')}'`);
  if (key.key === 'STRUCTURED-FIELD') return { aid, key, fields: [], structuredFields: record.subarray(1) };
  // Short reads carry nothing more; ignore anything a lenient emulator might add.
  if (isShortRead(key) || record.length === 1) return { aid, key, fields: [] };
  if (record.length < 3) throw new InboundError('inbound record truncated in the cursor address');
  const checkAddr = (a: number): number => {
    if (a >= bufferSize) throw new InboundError(`buffer address ${a} outside a ${bufferSize}-position screen`);
    return a;
  };
  const cursor = checkAddr(decodeAddress(record[1]!, record[2]!));
  const fields: InboundField[] = [];
  let i = 3;
  let start = i;
  let address = -1;
  const flush = (end: number): void => {
    if (end > start || address >= 0) fields.push({ address, data: record.slice(start, end) });
  };
  while (i < record.length) {
    if (record[i] === ORDER_SBA) {
      flush(i);
      if (i + 2 >= record.length) throw new InboundError('inbound record truncated in an SBA address');
      address = checkAddr(decodeAddress(record[i + 1]!, record[i + 2]!));
      i += 3;
      start = i;
    } else {
      i++;
    }
  }
  flush(i);
  return { aid, key, cursor, fields };
}

/**
 * Usable Area query reply (QCODE X'81'): the terminal's real screen size, used for
 * `IBM-DYNAMIC` terminals.  Returns undefined when the reply is absent or malformed.
 */
export function usableAreaFromQueryReply(
  sf: Uint8Array,
): { rows: number; cols: number; addressing14: boolean } | undefined {
  let i = 0;
  while (i + 3 <= sf.length) {
    const len = (sf[i]! << 8) | sf[i + 1]!;
    if (len < 3 || i + len > sf.length) return undefined;
    if (sf[i + 2] === 0x81 && sf[i + 3] === 0x81 && len >= 10) {
      // flags1 low nibble, addressing modes: 1 = 12/14-bit, 3 = 12/14/16-bit
      const mode = sf[i + 4]! & 0x0f;
      const addressing14 = mode === 0x01 || mode === 0x03;
      const cols = (sf[i + 6]! << 8) | sf[i + 7]!;
      const rows = (sf[i + 8]! << 8) | sf[i + 9]!;
      return cols > 0 && rows > 0 ? { rows, cols, addressing14 } : undefined;
    }
    i += len;
  }
  return undefined;
}
