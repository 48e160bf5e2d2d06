/**
 * A scripted 3270 client, for the tests (test/console/tn3270/terminal-sim.ts) and the
 * console load benchmark (src/cli/bench-consoles.ts): a minimal 3270 display buffer that
 * applies outbound records the way a terminal does, and a telnet client that negotiates TN3270 or TN3270E with a
 * server.  Enough to check the server's screens byte-exactly without s3270.
 */

import { connect, type Socket } from 'node:net';

import { ebcdicToString, stringToEbcdic } from '../../common/ebcdic.js';
import {
  ATTR_DISPLAY_MASK,
  ATTR_MDT,
  ATTR_NONDISPLAY,
  ATTR_PROTECTED,
  CMD_ERASE_WRITE,
  CMD_ERASE_WRITE_ALTERNATE,
  CMD_WRITE,
  ORDER_EUA,
  ORDER_GE,
  ORDER_IC,
  ORDER_MF,
  ORDER_PT,
  ORDER_RA,
  ORDER_SA,
  ORDER_SBA,
  ORDER_SF,
  ORDER_SFE,
  WCC_KEYBOARD_RESTORE,
  WCC_RESET_MDT,
  XA_FIELD,
  decodeAddress,
  encodeAddress,
} from './datastream.js';
import { AID_PF } from './inbound.js';
import {
  DO,
  DONT,
  IAC,
  OPT_BINARY,
  OPT_EOR,
  OPT_TN3270E,
  OPT_TTYPE,
  TTYPE_IS,
  TTYPE_SEND,
  TelnetParser,
  WILL,
  WONT,
  asciiBytes,
  frameRecord,
  optionCommand,
  subnegotiation,
  type OptionVerb,
} from './telnet.js';
import {
  E_DEVICE_TYPE,
  E_FUNCTIONS,
  E_IS,
  E_REQUEST,
  HEADER_LENGTH,
  deviceTypeRequest,
  functionsMessage,
  parseTn3270eMessage,
  withHeader,
} from './tn3270e.js';

/** EBCDIC byte to character, once. */
const EBCDIC_CHARS: string[] = Array.from({ length: 256 }, (_, b) => ebcdicToString(Uint8Array.of(b)));

export class Display3270 {
  rows: number;
  cols: number;
  chars: Uint8Array;
  /** Field attribute bytes by position (6-bit value), undefined where no field starts. */
  attrs: (number | undefined)[];
  cursor = 0;
  locked = true;
  writes = 0;

  constructor(
    readonly defaultSize: [number, number],
    readonly alternateSize: [number, number],
  ) {
    [this.rows, this.cols] = defaultSize;
    this.chars = new Uint8Array(this.rows * this.cols);
    this.attrs = new Array(this.rows * this.cols);
  }

  get size(): number {
    return this.rows * this.cols;
  }

  private erase(size: [number, number]): void {
    [this.rows, this.cols] = size;
    this.chars = new Uint8Array(this.size);
    this.attrs = new Array(this.size);
    this.cursor = 0;
  }

  /** Apply one outbound record (no TN3270E header). Throws on anything unexpected. */
  apply(rec: Uint8Array): void {
    const cmd = rec[0];
    if (cmd === 0xf3) return; // Write Structured Field (a query): a test terminal does not answer
    if (cmd === CMD_ERASE_WRITE) this.erase(this.defaultSize);
    else if (cmd === CMD_ERASE_WRITE_ALTERNATE) this.erase(this.alternateSize);
    else if (cmd !== CMD_WRITE) throw new Error(`unexpected command ${cmd}`);
    this.writes++;
    const wcc = (rec[1] ?? 0) & 0x3f;
    if (wcc & WCC_RESET_MDT) this.attrs.forEach((a, i) => a !== undefined && (this.attrs[i] = a & ~ATTR_MDT));
    let addr = 0;
    let i = 2;
    const next = () => {
      if (i >= rec.length) throw new Error('record truncated');
      return rec[i++]!;
    };
    const put = (b: number) => {
      this.attrs[addr] = undefined;
      this.chars[addr] = b;
      addr = (addr + 1) % this.size;
    };
    while (i < rec.length) {
      const b = next();
      switch (b) {
        case ORDER_SBA:
          addr = this.checked(decodeAddress(next(), next()));
          break;
        case ORDER_SF:
          this.attrs[addr] = next() & 0x3f;
          this.chars[addr] = 0;
          addr = (addr + 1) % this.size;
          break;
        case ORDER_SFE: {
          const n = next();
          let attr = 0;
          for (let k = 0; k < n; k++) {
            const type = next();
            const value = next();
            if (type === XA_FIELD) attr = value & 0x3f;
          }
          this.attrs[addr] = attr;
          this.chars[addr] = 0;
          addr = (addr + 1) % this.size;
          break;
        }
        case ORDER_SA:
          next();
          next();
          break;
        case ORDER_MF: {
          const n = next();
          for (let k = 0; k < 2 * n; k++) next();
          break;
        }
        case ORDER_IC:
          this.cursor = addr;
          break;
        case ORDER_PT:
          break;
        case ORDER_RA: {
          const stop = this.checked(decodeAddress(next(), next()));
          let ch = next();
          if (ch === ORDER_GE) ch = next();
          do put(ch);
          while (addr !== stop);
          break;
        }
        case ORDER_EUA: {
          const stop = this.checked(decodeAddress(next(), next()));
          do {
            if (!this.isProtected(addr) && this.attrs[addr] === undefined) this.chars[addr] = 0;
            addr = (addr + 1) % this.size;
          } while (addr !== stop);
          break;
        }
        case ORDER_GE:
          put(next());
          break;
        default:
          if (b < 0x40) throw new Error(`unexpected order/control X'${b.toString(16)}' at ${i - 1}`);
          put(b);
      }
    }
    if (wcc & WCC_KEYBOARD_RESTORE) this.locked = false;
  }

  private checked(a: number): number {
    if (a >= this.size) throw new Error(`address ${a} off the screen`);
    return a;
  }

  /** Position of the attribute of the field containing `pos` (undefined: unformatted). */
  fieldStart(pos: number): number | undefined {
    for (let k = 0; k < this.size; k++) {
      const p = (pos - k + this.size) % this.size;
      if (this.attrs[p] !== undefined) return p;
    }
    return undefined;
  }

  isProtected(pos: number): boolean {
    const f = this.fieldStart(pos);
    return f !== undefined && (this.attrs[f]! & ATTR_PROTECTED) !== 0;
  }

  /** Screen as text rows: attributes and nulls as blanks, non-display fields blank (one pass). */
  text(): string[] {
    const size = this.rows * this.cols;
    // the field that covers position 0 starts at the last attribute of the buffer (fields wrap)
    let field: number | undefined;
    for (let p = size - 1; p >= 0; p--) if (this.attrs[p] !== undefined) {
      field = p;
      break;
    }
    const out: string[] = [];
    for (let r = 0; r < this.rows; r++) {
      let line = '';
      for (let c = 0; c < this.cols; c++) {
        const p = r * this.cols + c;
        if (this.attrs[p] !== undefined) {
          field = p;
          line += ' ';
          continue;
        }
        const hidden = field !== undefined && (this.attrs[field]! & ATTR_DISPLAY_MASK) === ATTR_NONDISPLAY;
        const b = this.chars[p]!;
        line += b === 0 || hidden ? ' ' : EBCDIC_CHARS[b]!;
      }
      out.push(line);
    }
    return out;
  }

  /** Type text at the cursor, as an operator would (must be in an unprotected field). */
  type(s: string): void {
    if (this.locked) throw new Error('keyboard locked');
    for (const b of stringToEbcdic(s)) {
      if (this.attrs[this.cursor] !== undefined || this.isProtected(this.cursor)) throw new Error('typing into a protected position');
      this.chars[this.cursor] = b;
      const f = this.fieldStart(this.cursor)!;
      this.attrs[f] = this.attrs[f]! | ATTR_MDT;
      this.cursor = (this.cursor + 1) % this.size;
    }
  }

  /** Press an AID key: build the inbound record (Read Modified) and lock the keyboard. */
  aid(key: 'ENTER' | 'PA1' | 'PA2' | 'PA3' | 'CLEAR' | { pf: number }): Uint8Array {
    this.locked = true;
    if (key === 'PA1') return Uint8Array.of(0x6c);
    if (key === 'PA2') return Uint8Array.of(0x6e);
    if (key === 'PA3') return Uint8Array.of(0x6b);
    if (key === 'CLEAR') {
      this.erase(this.defaultSize);
      return Uint8Array.of(0x6d);
    }
    const aid = key === 'ENTER' ? 0x7d : AID_PF[key.pf - 1]!;
    const out = [aid, ...encodeAddress(this.cursor)];
    for (let p = 0; p < this.size; p++) {
      const a = this.attrs[p];
      if (a === undefined || !(a & ATTR_MDT)) continue;
      out.push(ORDER_SBA, ...encodeAddress((p + 1) % this.size));
      for (let q = (p + 1) % this.size; this.attrs[q] === undefined; q = (q + 1) % this.size) {
        if (this.chars[q] !== 0) out.push(this.chars[q]!);
        if (q === p) break;
      }
    }
    return Uint8Array.from(out);
  }
}

export interface ClientOptions {
  terminalType?: string;
  /** Accept the server's DO TN3270E (default true). */
  tn3270e?: boolean;
  /** For TN3270E: request this LU. */
  connectLu?: string;
  /** Functions to request in TN3270E (default [0, 2, 4] like s3270). */
  functions?: number[];
}

const SIZES: Record<string, [number, number]> = { '2': [24, 80], '3': [32, 80], '4': [43, 80], '5': [27, 132] };

/** A scripted TN3270/TN3270E client over a real socket. */
export class TnClient {
  readonly socket: Socket;
  readonly display: Display3270;
  readonly records: Uint8Array[] = [];
  tn3270e = false;
  luName?: string;
  ready = false;
  closed = false;
  private readonly parser: TelnetParser;
  private readonly him = new Set<number>();
  private readonly us = new Set<number>();
  private waiters: Array<() => void> = [];

  static async connect(port: number, opts: ClientOptions = {}): Promise<TnClient> {
    const c = new TnClient(port, opts);
    await new Promise<void>((resolve, reject) => {
      c.socket.once('connect', () => resolve());
      c.socket.once('error', reject);
    });
    return c;
  }

  private constructor(
    port: number,
    private readonly opts: ClientOptions,
  ) {
    const tt = opts.terminalType ?? 'IBM-3278-2-E';
    const m = /-(\d)/.exec(tt.replace('IBM-327', ''))?.[1] ?? '2';
    this.display = new Display3270([24, 80], SIZES[m] ?? [24, 80]);
    this.socket = connect(port, '127.0.0.1');
    this.socket.on('error', () => {});
    this.socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    this.parser = new TelnetParser({
      record: (data) => this.onRecord(data),
      option: (verb, opt) => this.onOption(verb, opt),
      subnegotiation: (opt, data) => this.onSub(opt, data),
    });
    this.socket.on('data', (chunk) => this.parser.feed(chunk));
  }

  private send(bytes: Uint8Array): void {
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  private onOption(verb: OptionVerb, opt: number): void {
    const tn3270e = this.opts.tn3270e ?? true;
    if (verb === DO) {
      const ok = opt === OPT_TTYPE || opt === OPT_EOR || opt === OPT_BINARY || (opt === OPT_TN3270E && tn3270e);
      if (ok && !this.us.has(opt)) {
        this.us.add(opt);
        this.send(optionCommand(WILL, opt));
      } else if (!ok) this.send(optionCommand(WONT, opt));
    } else if (verb === WILL) {
      const ok = opt === OPT_EOR || opt === OPT_BINARY;
      if (ok && !this.him.has(opt)) {
        this.him.add(opt);
        this.send(optionCommand(DO, opt));
      } else if (!ok) this.send(optionCommand(DONT, opt));
    } else if (verb === DONT) {
      this.us.delete(opt);
    } else {
      this.him.delete(opt);
    }
    this.wake();
  }

  private onSub(opt: number, data: Uint8Array): void {
    if (opt === OPT_TTYPE && data[0] === TTYPE_SEND) {
      this.send(subnegotiation(OPT_TTYPE, [TTYPE_IS, ...asciiBytes(this.opts.terminalType ?? 'IBM-3278-2-E')]));
    } else if (opt === OPT_TN3270E) {
      const msg = parseTn3270eMessage(data);
      if (msg.kind === 'send-device-type') {
        this.send(deviceTypeRequest(this.opts.terminalType ?? 'IBM-3278-2-E', this.opts.connectLu));
      } else if (msg.kind === 'device-type-is') {
        this.luName = msg.connect;
        this.send(functionsMessage(E_REQUEST, this.opts.functions ?? [0, 2, 4]));
      } else if (msg.kind === 'functions-request') {
        this.send(functionsMessage(E_IS, msg.functions));
        this.tn3270e = true;
      } else if (msg.kind === 'functions-is') {
        this.tn3270e = true;
      }
    }
    this.wake();
  }

  private onRecord(data: Uint8Array): void {
    const body = this.tn3270e ? data.subarray(HEADER_LENGTH) : data;
    this.records.push(body);
    this.display.apply(body);
    this.ready = true;
    this.wake();
  }

  /** Wait until `pred` holds (checked after every event). */
  async until(pred: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!pred()) {
      if (this.closed && !pred()) throw new Error(`connection closed while waiting for ${what}`);
      const left = end - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}:\n${this.display.text().join('\n')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async screenContains(text: string): Promise<void> {
    await this.until(() => this.display.text().some((l) => l.includes(text)), JSON.stringify(text));
  }

  /** Send an inbound record (adds the TN3270E header when in effect). */
  sendRecord(rec: Uint8Array): void {
    this.send(frameRecord(this.tn3270e ? withHeader(rec, 0) : rec));
  }

  async press(key: Parameters<Display3270['aid']>[0]): Promise<void> {
    const before = this.display.writes;
    this.sendRecord(this.display.aid(key));
    await this.until(() => this.display.writes > before && !this.display.locked, 'the answer to an AID');
  }

  async enter(text: string): Promise<void> {
    this.display.type(text);
    await this.press('ENTER');
  }

  sendRaw(bytes: ArrayLike<number>): void {
    this.send(Uint8Array.from(bytes));
  }

  close(): void {
    this.socket.destroy();
  }
}

export { IAC, E_DEVICE_TYPE, E_FUNCTIONS };
