/**
 * Outbound 3270 data stream (host -> terminal): commands, the Write Control
 * Character, orders and buffer addresses (CONSOLE-3270.md §2.2; IBM 3270 Data
 * Stream Programmer's Reference, GA23-0059).
 *
 * Over telnet the SNA command codes are used (F1 Write, F5 Erase/Write, 7E
 * Erase/Write Alternate ...).  WCC and field attribute bytes, like 12-bit
 * addresses, carry 6 bits each through the I/O code table below.
 */

import { CP037, type CodePage } from '../../common/ebcdic.js';

// Commands (SNA / telnet codes).
export const CMD_WRITE = 0xf1;
export const CMD_ERASE_WRITE = 0xf5;
export const CMD_ERASE_WRITE_ALTERNATE = 0x7e;
export const CMD_READ_BUFFER = 0xf2;
export const CMD_READ_MODIFIED = 0xf6;
export const CMD_READ_MODIFIED_ALL = 0x6e;
export const CMD_ERASE_ALL_UNPROTECTED = 0x6f;
export const CMD_WRITE_STRUCTURED_FIELD = 0xf3;

// WCC bits (before the 6-bit encoding).
export const WCC_RESET = 0x40;
export const WCC_START_PRINTER = 0x08;
export const WCC_ALARM = 0x04;
export const WCC_KEYBOARD_RESTORE = 0x02;
export const WCC_RESET_MDT = 0x01;

// Orders.
export const ORDER_PT = 0x05;
export const ORDER_GE = 0x08;
export const ORDER_SBA = 0x11;
export const ORDER_EUA = 0x12;
export const ORDER_IC = 0x13;
export const ORDER_SF = 0x1d;
export const ORDER_SA = 0x28;
export const ORDER_SFE = 0x29;
export const ORDER_MF = 0x2c;
export const ORDER_RA = 0x3c;

// Field attribute bits (before the 6-bit encoding).
export const ATTR_PROTECTED = 0x20;
export const ATTR_NUMERIC = 0x10;
export const ATTR_DETECTABLE = 0x04;
export const ATTR_INTENSIFIED = 0x08;
export const ATTR_NONDISPLAY = 0x0c;
export const ATTR_MDT = 0x01;
export const ATTR_DISPLAY_MASK = 0x0c;

// Extended attribute types and values (SFE / SA / MF).
export const XA_FIELD = 0xc0;
export const XA_HIGHLIGHT = 0x41;
export const XA_COLOR = 0x42;
export const XA_CHARSET = 0x43;
export const HL_DEFAULT = 0x00;
export const HL_BLINK = 0xf1;
export const HL_REVERSE = 0xf2;
export const HL_UNDERSCORE = 0xf4;
export const COLOR_DEFAULT = 0x00;
export const COLOR_BLUE = 0xf1;
export const COLOR_RED = 0xf2;
export const COLOR_PINK = 0xf3;
export const COLOR_GREEN = 0xf4;
export const COLOR_TURQUOISE = 0xf5;
export const COLOR_YELLOW = 0xf6;
export const COLOR_WHITE = 0xf7;

/** Write Structured Field: Read Partition Query (asks the terminal for its query replies). */
export const READ_PARTITION_QUERY: Uint8Array = Uint8Array.of(CMD_WRITE_STRUCTURED_FIELD, 0x00, 0x05, 0x01, 0xff, 0x02);

// prettier-ignore
/** The I/O code table: 6-bit value -> byte, for 12-bit addresses, WCCs and attributes. */
export const CODE_TABLE: Uint8Array = Uint8Array.from([
  0x40, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f,
  0x50, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
  0x60, 0x61, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
  0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f,
]);

/** Encode 6 bits through the code table. */
export function code6(v: number): number {
  return CODE_TABLE[v & 0x3f]!;
}

/** Largest buffer a 12-bit address can reach. */
export const MAX_12BIT = 4096;
/** Largest buffer a 14-bit address can reach. */
export const MAX_14BIT = 16384;

/**
 * Encode a buffer address.  12-bit (two code-table bytes) when it fits and
 * `force14` is not set; otherwise 14-bit (`00xxxxxx xxxxxxxx`).
 */
export function encodeAddress(pos: number, force14 = false): [number, number] {
  if (!Number.isInteger(pos) || pos < 0 || pos >= MAX_14BIT) throw new RangeError(`buffer address ${pos} out of range`);
  if (pos < MAX_12BIT && !force14) return [code6(pos >> 6), code6(pos)];
  return [(pos >> 8) & 0x3f, pos & 0xff];
}

/** Decode a buffer address: top two bits of the first byte 00 = 14-bit, else 12-bit. */
export function decodeAddress(b1: number, b2: number): number {
  if ((b1 & 0xc0) === 0) return ((b1 & 0x3f) << 8) | (b2 & 0xff);
  return ((b1 & 0x3f) << 6) | (b2 & 0x3f);
}

export interface ExtendedAttribute {
  type: number;
  value: number;
}

/**
 * Builds one outbound record (without telnet framing or TN3270E header).
 *
 *   new DataStream(CMD_ERASE_WRITE, WCC_KEYBOARD_RESTORE | WCC_RESET_MDT)
 *     .sba(0).sf(ATTR_PROTECTED).text('HELLO').ic().toBytes()
 */
export class DataStream {
  private buf: number[] = [];
  private readonly force14: boolean;
  private readonly cp: CodePage;

  constructor(command?: number, wcc?: number, opts: { force14?: boolean; codePage?: CodePage } = {}) {
    this.force14 = opts.force14 ?? false;
    this.cp = opts.codePage ?? CP037;
    if (command !== undefined) this.buf.push(command);
    if (wcc !== undefined) this.buf.push(code6(wcc));
  }

  get length(): number {
    return this.buf.length;
  }

  /** Set Buffer Address. */
  sba(pos: number): this {
    this.buf.push(ORDER_SBA, ...encodeAddress(pos, this.force14));
    return this;
  }

  /** Start Field with a basic attribute byte. */
  sf(attr: number): this {
    this.buf.push(ORDER_SF, code6(attr));
    return this;
  }

  /** Start Field Extended: the basic attribute plus extended attribute pairs. */
  sfe(attr: number, extra: readonly ExtendedAttribute[] = []): this {
    this.buf.push(ORDER_SFE, extra.length + 1, XA_FIELD, code6(attr));
    for (const { type, value } of extra) this.buf.push(type & 0xff, value & 0xff);
    return this;
  }

  /** Set Attribute (character attribute for the following characters). */
  sa(type: number, value: number): this {
    this.buf.push(ORDER_SA, type & 0xff, value & 0xff);
    return this;
  }

  /** Insert Cursor at the current buffer address. */
  ic(): this {
    this.buf.push(ORDER_IC);
    return this;
  }

  /** Program Tab. */
  pt(): this {
    this.buf.push(ORDER_PT);
    return this;
  }

  /** Repeat to Address: fill with `ebcdicChar` up to (not including) `stop`. */
  ra(stop: number, ebcdicChar: number): this {
    this.buf.push(ORDER_RA, ...encodeAddress(stop, this.force14), ebcdicChar & 0xff);
    return this;
  }

  /** Erase Unprotected to Address. */
  eua(stop: number): this {
    this.buf.push(ORDER_EUA, ...encodeAddress(stop, this.force14));
    return this;
  }

  /**
   * Text in the code page.  Characters whose EBCDIC form is a control (< X'40',
   * which includes every order code) are shown as blanks so console text can
   * never be taken for an order.
   */
  text(s: string): this {
    const t = this.cp.fromLatin1;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const e = c <= 0xff ? t[c]! : 0x6f;
      this.buf.push(e < 0x40 ? 0x40 : e);
    }
    return this;
  }

  /** Raw bytes, appended unchanged. */
  raw(bytes: ArrayLike<number>): this {
    for (let i = 0; i < bytes.length; i++) this.buf.push(bytes[i]! & 0xff);
    return this;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.buf);
  }
}
