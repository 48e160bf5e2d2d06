/**
 * Server-side telnet option negotiation for a 3270 terminal.
 *
 * TN3270E first (RFC 2355): `DO TN3270E`; if the client agrees, DEVICE-TYPE and
 * FUNCTIONS are exchanged and records carry the 5-byte TN3270E header.  If the
 * client refuses (`WONT TN3270E`, or never offered), fall back to plain TN3270
 * (RFC 1576): TERMINAL-TYPE, then BINARY and EOR in both directions.
 *
 * Option state follows a reduced RFC 1143 "Q method" (no / want / yes per side), so
 * answers in any order are fine and the negotiation can never loop: we answer a
 * WILL/WONT/DO/DONT only when it changes an option's state.
 */

import {
  DO,
  DONT,
  OPT_BINARY,
  OPT_EOR,
  OPT_TN3270E,
  OPT_TTYPE,
  TTYPE_IS,
  TTYPE_SEND,
  WILL,
  WONT,
  asciiString,
  optionCommand,
  subnegotiation,
  type OptionVerb,
} from './telnet.js';
import { parseTerminalType, type TerminalType } from './models.js';
import {
  REASON_DEVICE_IN_USE,
  REASON_INV_ASSOCIATE,
  REASON_INV_DEVICE_TYPE,
  REASON_INV_NAME,
  deviceTypeIs,
  deviceTypeReject,
  E_IS,
  E_REQUEST,
  functionsMessage,
  parseTn3270eMessage,
  sendDeviceType,
} from './tn3270e.js';

export interface NegotiationResult {
  terminal: TerminalType;
  tn3270e: boolean;
  luName?: string;
}

/** Hands out TN3270E LU names (one per connection). */
export interface LuNamePool {
  /** A free name, the requested one if given and free; a REJECT reason code otherwise. */
  allocate(requested?: string): string | number;
  release(name: string): void;
}

export interface NegotiatorCallbacks {
  send(bytes: Uint8Array): void;
  ready(result: NegotiationResult): void;
  /** The client is not (or no longer) a usable 3270; `terminalType` when it told us one. */
  fail(reason: string, terminalType?: string): void;
}

export interface NegotiatorOptions {
  /** Offer TN3270E first (default true). */
  tn3270e?: boolean;
  luNames?: LuNamePool;
}

type Q = 'no' | 'want' | 'yes';
type Phase = 'idle' | 'tn3270e' | 'tn3270e-device' | 'tn3270e-functions' | 'ttype' | 'ttype-is' | 'binary' | 'ready' | 'failed';

/** TN3270E functions we grant: none (no BIND-IMAGE, no RESPONSES, no SYSREQ). */
const SUPPORTED_FUNCTIONS: readonly number[] = [];

const LU_NAME = /^[A-Z0-9@#$]{1,8}$/;

/** A simple pool: LU000001, LU000002, ... plus any free name a client asks for. */
export class SimpleLuNamePool implements LuNamePool {
  private next = 1;
  private readonly inUse = new Set<string>();
  allocate(requested?: string): string | number {
    if (requested !== undefined) {
      const name = requested.toUpperCase();
      if (!LU_NAME.test(name)) return REASON_INV_NAME;
      if (this.inUse.has(name)) return REASON_DEVICE_IN_USE;
      this.inUse.add(name);
      return name;
    }
    for (;;) {
      const name = `LU${String(this.next).padStart(6, '0')}`;
      this.next = this.next >= 999_999 ? 1 : this.next + 1;
      if (!this.inUse.has(name)) {
        this.inUse.add(name);
        return name;
      }
    }
  }
  release(name: string): void {
    this.inUse.delete(name);
  }
}

export class Negotiator {
  private phase: Phase = 'idle';
  private readonly him = new Map<number, Q>();
  private readonly us = new Map<number, Q>();
  private readonly offerTn3270e: boolean;
  private readonly luNames: LuNamePool;
  private terminal?: TerminalType;
  private luName?: string;

  constructor(
    private readonly cb: NegotiatorCallbacks,
    opts: NegotiatorOptions = {},
  ) {
    this.offerTn3270e = opts.tn3270e ?? true;
    this.luNames = opts.luNames ?? new SimpleLuNamePool();
  }

  get isReady(): boolean {
    return this.phase === 'ready';
  }

  /** True once TN3270E is in effect (records carry the header). */
  get tn3270e(): boolean {
    return this.phase === 'ready' && this.him.get(OPT_TN3270E) === 'yes';
  }

  start(): void {
    if (this.offerTn3270e) {
      this.phase = 'tn3270e';
      this.askHim(OPT_TN3270E);
    } else {
      this.startTtype();
    }
  }

  /** Release what the negotiation holds (the LU name). */
  dispose(): void {
    if (this.luName !== undefined) this.luNames.release(this.luName);
    this.luName = undefined;
  }

  // ---- option verbs ------------------------------------------------------

  option(verb: OptionVerb, opt: number): void {
    if (verb === WILL || verb === WONT) {
      const st = this.him.get(opt) ?? 'no';
      if (verb === WILL) {
        if (st === 'yes') return;
        if (st === 'want' || this.acceptHim(opt)) {
          this.him.set(opt, 'yes');
          if (st === 'no') this.send(DO, opt);
          this.changed(opt);
        } else {
          this.send(DONT, opt);
        }
      } else {
        if (st === 'no') return;
        this.him.set(opt, 'no');
        if (st === 'yes') this.send(DONT, opt);
        this.changed(opt);
      }
    } else {
      const st = this.us.get(opt) ?? 'no';
      if (verb === DO) {
        if (st === 'yes') return;
        if (st === 'want' || this.acceptUs(opt)) {
          this.us.set(opt, 'yes');
          if (st === 'no') this.send(WILL, opt);
          this.changed(opt);
        } else {
          this.send(WONT, opt);
        }
      } else {
        if (st === 'no') return;
        this.us.set(opt, 'no');
        if (st === 'yes') this.send(WONT, opt);
        this.changed(opt);
      }
    }
  }

  private acceptHim(opt: number): boolean {
    // TN3270E only when we asked for it (handled by the 'want' state).
    return opt === OPT_TTYPE || opt === OPT_EOR || opt === OPT_BINARY;
  }

  private acceptUs(opt: number): boolean {
    return opt === OPT_EOR || opt === OPT_BINARY;
  }

  private send(verb: OptionVerb, opt: number): void {
    this.cb.send(optionCommand(verb, opt));
  }

  private askHim(opt: number): void {
    if ((this.him.get(opt) ?? 'no') === 'no') {
      this.him.set(opt, 'want');
      this.send(DO, opt);
    }
  }

  private askUs(opt: number): void {
    if ((this.us.get(opt) ?? 'no') === 'no') {
      this.us.set(opt, 'want');
      this.send(WILL, opt);
    }
  }

  private changed(opt: number): void {
    switch (this.phase) {
      case 'tn3270e':
      case 'tn3270e-device':
      case 'tn3270e-functions':
        if (opt !== OPT_TN3270E) return;
        if (this.him.get(OPT_TN3270E) === 'yes') {
          if (this.phase === 'tn3270e') {
            this.phase = 'tn3270e-device';
            this.cb.send(sendDeviceType());
          }
        } else {
          this.fallBack();
        }
        return;
      case 'ttype':
        if (opt !== OPT_TTYPE) return;
        if (this.him.get(OPT_TTYPE) === 'yes') {
          this.phase = 'ttype-is';
          this.cb.send(subnegotiation(OPT_TTYPE, [TTYPE_SEND]));
        } else {
          this.failWith('the terminal refused TERMINAL-TYPE');
        }
        return;
      case 'binary':
        this.checkBinary();
        return;
      case 'ready': {
        // A 3270 session needs its options for its whole life.
        const lost = this.tn3270eWasOn
          ? this.him.get(OPT_TN3270E) !== 'yes'
          : [this.him, this.us].some((m) => m.get(OPT_EOR) !== 'yes' || m.get(OPT_BINARY) !== 'yes');
        if (lost) this.failWith('the terminal left 3270 mode');
        return;
      }
      default:
        return;
    }
  }

  private tn3270eWasOn = false;
  private functionRounds = 0;

  private fallBack(): void {
    this.dispose();
    this.startTtype();
  }

  private startTtype(): void {
    this.phase = 'ttype';
    if (this.him.get(OPT_TTYPE) === 'yes') this.changed(OPT_TTYPE);
    else this.askHim(OPT_TTYPE);
  }

  private checkBinary(): void {
    const opts = [OPT_EOR, OPT_BINARY];
    const all = (q: Q) => opts.every((o) => this.him.get(o) === q && this.us.get(o) === q);
    if (all('yes')) {
      this.phase = 'ready';
      this.cb.ready({ terminal: this.terminal!, tn3270e: false });
      return;
    }
    for (const o of opts) {
      if (this.him.get(o) === 'no' || this.us.get(o) === 'no') {
        this.failWith('the terminal refused BINARY or END-OF-RECORD');
        return;
      }
    }
  }

  private failWith(reason: string, terminalType?: string): void {
    if (this.phase === 'failed') return;
    this.phase = 'failed';
    this.dispose();
    this.cb.fail(reason, terminalType);
  }

  // ---- subnegotiations ---------------------------------------------------

  subnegotiation(opt: number, data: Uint8Array): void {
    if (opt === OPT_TTYPE) this.ttypeSub(data);
    else if (opt === OPT_TN3270E) this.tn3270eSub(data);
    // Anything else: ignore.
  }

  private ttypeSub(data: Uint8Array): void {
    if (this.phase !== 'ttype-is' || data[0] !== TTYPE_IS) return;
    const name = asciiString(data, 1, Math.min(data.length, 41));
    const terminal = parseTerminalType(name);
    if (!terminal || terminal.dynamic) {
      this.failWith(`terminal type ${name || '(none)'} is not a 3278/3279 display`, name);
      return;
    }
    this.terminal = terminal;
    this.phase = 'binary';
    this.askHim(OPT_EOR);
    this.askUs(OPT_EOR);
    this.askHim(OPT_BINARY);
    this.askUs(OPT_BINARY);
    this.checkBinary();
  }

  private tn3270eSub(data: Uint8Array): void {
    if (this.him.get(OPT_TN3270E) !== 'yes') return;
    const msg = parseTn3270eMessage(data);
    if (this.phase === 'tn3270e-device' && msg.kind === 'device-type-request') {
      if (msg.associate !== undefined) {
        this.cb.send(deviceTypeReject(REASON_INV_ASSOCIATE));
        return;
      }
      const terminal = parseTerminalType(msg.deviceType);
      if (!terminal) {
        this.cb.send(deviceTypeReject(REASON_INV_DEVICE_TYPE));
        return;
      }
      const lu = this.luNames.allocate(msg.connect);
      if (typeof lu === 'number') {
        this.cb.send(deviceTypeReject(lu));
        return;
      }
      this.terminal = terminal;
      this.luName = lu;
      this.phase = 'tn3270e-functions';
      this.cb.send(deviceTypeIs(terminal.name, lu));
      return;
    }
    if (this.phase === 'tn3270e-functions' && msg.kind === 'functions-request') {
      const granted = msg.functions.filter((f) => SUPPORTED_FUNCTIONS.includes(f));
      if (granted.length === msg.functions.length) {
        this.cb.send(functionsMessage(E_IS, granted));
        this.tn3270eReady();
      } else {
        this.cb.send(functionsMessage(E_REQUEST, granted));
      }
      return;
    }
    if (this.phase === 'tn3270e-functions' && msg.kind === 'functions-is') {
      if (msg.functions.every((f) => SUPPORTED_FUNCTIONS.includes(f))) this.tn3270eReady();
      else if (++this.functionRounds > 3) this.failWith('the terminal insists on TN3270E functions we do not offer');
      else this.cb.send(functionsMessage(E_REQUEST, SUPPORTED_FUNCTIONS));
      return;
    }
    // Out-of-phase or unknown TN3270E messages: ignore.
  }

  private tn3270eReady(): void {
    this.phase = 'ready';
    this.tn3270eWasOn = true;
    this.cb.ready({ terminal: this.terminal!, tn3270e: true, luName: this.luName });
  }
}
