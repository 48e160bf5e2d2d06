/**
 * Telnet byte layer for TN3270 (RFC 854 telnet, RFC 855 option syntax, RFC 885 EOR).
 *
 * A byte-at-a-time state machine (data / IAC / option verb / SB / SB-IAC) so input
 * may be split anywhere across TCP reads.  Records (3270 data streams) are the
 * bytes between `IAC EOR` marks, with `IAC IAC` unescaped to one 0xFF.
 * Every buffer is capped: a peer that sends an oversized record or subnegotiation
 * gets a {@link TelnetProtocolError}, and the connection that owns the parser closes.
 */

export const IAC = 255;
export const DONT = 254;
export const DO = 253;
export const WONT = 252;
export const WILL = 251;
export const SB = 250;
export const GA = 249;
export const EL = 248;
export const EC = 247;
export const AYT = 246;
export const AO = 245;
export const IP = 244;
export const BRK = 243;
export const DM = 242;
export const NOP = 241;
export const SE = 240;
export const EOR = 239;

/** Telnet options used by TN3270 / TN3270E. */
export const OPT_BINARY = 0;
export const OPT_ECHO = 1;
export const OPT_SGA = 3;
export const OPT_TTYPE = 24;
export const OPT_EOR = 25;
export const OPT_TN3270E = 40;

/** TERMINAL-TYPE subnegotiation codes (RFC 1091). */
export const TTYPE_IS = 0;
export const TTYPE_SEND = 1;

export type OptionVerb = typeof DO | typeof DONT | typeof WILL | typeof WONT;

/** Raised for data a telnet peer must never send (or sends too much of). */
export class TelnetProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TelnetProtocolError';
  }
}

/** What the parser reports.  Handlers may throw; the exception propagates out of feed(). */
export interface TelnetHandler {
  /** A complete record: the bytes before `IAC EOR`, unescaped. */
  record(data: Uint8Array): void;
  /** `IAC DO|DONT|WILL|WONT option`. */
  option(verb: OptionVerb, option: number): void;
  /** `IAC SB option ... IAC SE`; `data` excludes the option byte and is unescaped. */
  subnegotiation(option: number, data: Uint8Array): void;
  /** Any other two-byte command (`IAC NOP`, `IAC BRK`, `IAC IP`, `IAC AYT`, ...). */
  command?(cmd: number): void;
}

export interface TelnetLimits {
  /** Largest record (bytes after unescaping) before the peer is cut off. Default 64 KiB. */
  maxRecord?: number;
  /** Largest subnegotiation payload. Default 1 KiB. */
  maxSubnegotiation?: number;
}

const enum State {
  Data,
  Iac,
  Verb,
  SbOption,
  Sb,
  SbIac,
}

/** A growable byte buffer with a hard cap. */
class ByteBuffer {
  private buf: Uint8Array;
  length = 0;
  constructor(
    private readonly cap: number,
    private readonly what: string,
  ) {
    this.buf = new Uint8Array(Math.min(256, cap));
  }
  push(b: number): void {
    if (this.length >= this.cap) throw new TelnetProtocolError(`${this.what} longer than ${this.cap} bytes`);
    if (this.length === this.buf.length) {
      const bigger = new Uint8Array(Math.min(this.cap, this.buf.length * 2));
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.length++] = b;
  }
  take(): Uint8Array {
    const out = this.buf.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

export class TelnetParser {
  private state = State.Data;
  private verb = 0;
  private sbOption = 0;
  private readonly record: ByteBuffer;
  private readonly sb: ByteBuffer;

  constructor(
    private readonly handler: TelnetHandler,
    limits: TelnetLimits = {},
  ) {
    this.record = new ByteBuffer(limits.maxRecord ?? 64 * 1024, 'record');
    this.sb = new ByteBuffer(limits.maxSubnegotiation ?? 1024, 'subnegotiation');
  }

  /** Bytes of the record in progress (not yet ended by IAC EOR). */
  get pendingRecordBytes(): number {
    return this.record.length;
  }

  feed(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      switch (this.state) {
        case State.Data:
          if (b === IAC) this.state = State.Iac;
          else this.record.push(b);
          break;
        case State.Iac:
          this.state = State.Data;
          if (b === IAC) this.record.push(IAC);
          else if (b === EOR) this.handler.record(this.record.take());
          else if (b === DO || b === DONT || b === WILL || b === WONT) {
            this.verb = b;
            this.state = State.Verb;
          } else if (b === SB) this.state = State.SbOption;
          else if (b === SE) {
            // Stray SE outside a subnegotiation: harmless, ignore.
          } else this.handler.command?.(b);
          break;
        case State.Verb:
          this.state = State.Data;
          this.handler.option(this.verb as OptionVerb, b);
          break;
        case State.SbOption:
          this.sbOption = b;
          this.sb.length = 0;
          this.state = State.Sb;
          break;
        case State.Sb:
          if (b === IAC) this.state = State.SbIac;
          else this.sb.push(b);
          break;
        case State.SbIac:
          if (b === IAC) {
            this.sb.push(IAC);
            this.state = State.Sb;
          } else if (b === SE) {
            this.state = State.Data;
            this.handler.subnegotiation(this.sbOption, this.sb.take());
          } else {
            throw new TelnetProtocolError(`IAC ${b} inside subnegotiation of option ${this.sbOption}`);
          }
          break;
      }
    }
  }
}

/** Count the 0xFF bytes so escaping can allocate once. */
function countIac(data: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === IAC) n++;
  return n;
}

/** Double every 0xFF (the telnet escape for data bytes equal to IAC). */
export function escapeIac(data: Uint8Array): Uint8Array {
  const extra = countIac(data);
  if (extra === 0) return data;
  const out = new Uint8Array(data.length + extra);
  let j = 0;
  for (let i = 0; i < data.length; i++) {
    const b = data[i]!;
    out[j++] = b;
    if (b === IAC) out[j++] = IAC;
  }
  return out;
}

/** A record on the wire: escaped data followed by `IAC EOR`. */
export function frameRecord(data: Uint8Array): Uint8Array {
  const esc = escapeIac(data);
  const out = new Uint8Array(esc.length + 2);
  out.set(esc);
  out[esc.length] = IAC;
  out[esc.length + 1] = EOR;
  return out;
}

/** `IAC verb option`. */
export function optionCommand(verb: OptionVerb, option: number): Uint8Array {
  return Uint8Array.of(IAC, verb, option);
}

/** `IAC SB option <escaped data> IAC SE`. */
export function subnegotiation(option: number, data: ArrayLike<number>): Uint8Array {
  const esc = escapeIac(Uint8Array.from(data));
  const out = new Uint8Array(esc.length + 5);
  out[0] = IAC;
  out[1] = SB;
  out[2] = option;
  out.set(esc, 3);
  out[esc.length + 3] = IAC;
  out[esc.length + 4] = SE;
  return out;
}

/** Bytes of an ASCII string (terminal type names, LU names). */
export function asciiBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0x7f);
  return out;
}

/** ASCII bytes -> string, replacing anything outside printable ASCII with '?'. */
export function asciiString(data: ArrayLike<number>, start = 0, end = data.length): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const b = data[i]!;
    s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '?';
  }
  return s;
}

export function verbName(verb: number): string {
  return verb === DO ? 'DO' : verb === DONT ? 'DONT' : verb === WILL ? 'WILL' : verb === WONT ? 'WONT' : String(verb);
}
