/**
 * TN3270E (RFC 2355): the subnegotiation messages a server exchanges with a client,
 * and the 5-byte header that precedes every record once TN3270E is in effect.
 *
 *   S: IAC SB TN3270E SEND DEVICE-TYPE IAC SE                 (08 02)
 *   C: IAC SB TN3270E DEVICE-TYPE REQUEST <type> [CONNECT <lu> | ASSOCIATE <lu>] IAC SE
 *   S: IAC SB TN3270E DEVICE-TYPE IS <type> CONNECT <lu> IAC SE
 *   C: IAC SB TN3270E FUNCTIONS REQUEST <f...> IAC SE
 *   S: IAC SB TN3270E FUNCTIONS IS <f...> IAC SE               (when we accept the list)
 *      or FUNCTIONS REQUEST <subset>, answered by the client's FUNCTIONS IS <subset>
 */

import { OPT_TN3270E, asciiBytes, asciiString, subnegotiation } from './telnet.js';

export const E_ASSOCIATE = 0;
export const E_CONNECT = 1;
export const E_DEVICE_TYPE = 2;
export const E_FUNCTIONS = 3;
export const E_IS = 4;
export const E_REASON = 5;
export const E_REJECT = 6;
export const E_REQUEST = 7;
export const E_SEND = 8;

/** REJECT reason codes. */
export const REASON_CONN_PARTNER = 0;
export const REASON_DEVICE_IN_USE = 1;
export const REASON_INV_ASSOCIATE = 2;
export const REASON_INV_NAME = 3;
export const REASON_INV_DEVICE_TYPE = 4;
export const REASON_TYPE_NAME_ERROR = 5;
export const REASON_UNKNOWN_ERROR = 6;
export const REASON_UNSUPPORTED_REQ = 7;

/** Functions. */
export const FN_BIND_IMAGE = 0;
export const FN_DATA_STREAM_CTL = 1;
export const FN_RESPONSES = 2;
export const FN_SCS_CTL_CODES = 3;
export const FN_SYSREQ = 4;

/** Header data types. */
export const DT_3270_DATA = 0x00;
export const DT_SCS_DATA = 0x01;
export const DT_RESPONSE = 0x02;
export const DT_BIND_IMAGE = 0x03;
export const DT_UNBIND = 0x04;
export const DT_NVT_DATA = 0x05;
export const DT_REQUEST = 0x06;
export const DT_SSCP_LU_DATA = 0x07;
export const DT_PRINT_EOJ = 0x08;

export const HEADER_LENGTH = 5;

export class Tn3270eError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Tn3270eError';
  }
}

export type Tn3270eMessage =
  | { kind: 'device-type-request'; deviceType: string; connect?: string; associate?: string }
  | { kind: 'device-type-is'; deviceType: string; connect?: string }
  | { kind: 'device-type-reject'; reason: number }
  | { kind: 'functions-request'; functions: number[] }
  | { kind: 'functions-is'; functions: number[] }
  | { kind: 'send-device-type' }
  | { kind: 'other'; bytes: Uint8Array };

/** Largest name (device type or LU) we accept; RFC 2355 allows 8-char LU names. */
const MAX_NAME = 64;

function readName(data: Uint8Array, start: number): { name: string; end: number } {
  let end = start;
  while (end < data.length && data[end]! > E_SEND) {
    const b = data[end]!;
    if (b <= 0x20 || b >= 0x7f) throw new Tn3270eError(`byte ${b} in a TN3270E name`);
    end++;
  }
  if (end - start > MAX_NAME) throw new Tn3270eError('TN3270E name too long');
  return { name: asciiString(data, start, end), end };
}

/** Decode the payload of `IAC SB TN3270E ... IAC SE` (option byte already removed). */
export function parseTn3270eMessage(data: Uint8Array): Tn3270eMessage {
  const op = data[0];
  const sub = data[1];
  if (op === E_SEND && sub === E_DEVICE_TYPE) return { kind: 'send-device-type' };
  if (op === E_DEVICE_TYPE && sub === E_REQUEST) {
    const { name, end } = readName(data, 2);
    if (name.length === 0) throw new Tn3270eError('DEVICE-TYPE REQUEST without a device type');
    const msg: Tn3270eMessage = { kind: 'device-type-request', deviceType: name };
    if (end < data.length) {
      const which = data[end];
      const rest = readName(data, end + 1);
      if (rest.end !== data.length) throw new Tn3270eError('junk after DEVICE-TYPE REQUEST');
      if (which === E_CONNECT) msg.connect = rest.name;
      else if (which === E_ASSOCIATE) msg.associate = rest.name;
      else throw new Tn3270eError(`DEVICE-TYPE REQUEST with unknown qualifier ${which}`);
    }
    return msg;
  }
  if (op === E_DEVICE_TYPE && sub === E_IS) {
    const { name, end } = readName(data, 2);
    const msg: Tn3270eMessage = { kind: 'device-type-is', deviceType: name };
    if (end < data.length && data[end] === E_CONNECT) msg.connect = readName(data, end + 1).name;
    return msg;
  }
  if (op === E_DEVICE_TYPE && sub === E_REJECT) {
    return { kind: 'device-type-reject', reason: data[3] ?? REASON_UNKNOWN_ERROR };
  }
  if (op === E_FUNCTIONS && (sub === E_REQUEST || sub === E_IS)) {
    const functions = Array.from(data.subarray(2));
    if (functions.length > 32) throw new Tn3270eError('FUNCTIONS list too long');
    return { kind: sub === E_REQUEST ? 'functions-request' : 'functions-is', functions };
  }
  return { kind: 'other', bytes: data };
}

export function sendDeviceType(): Uint8Array {
  return subnegotiation(OPT_TN3270E, [E_SEND, E_DEVICE_TYPE]);
}

export function deviceTypeRequest(deviceType: string, connect?: string): Uint8Array {
  const body = [E_DEVICE_TYPE, E_REQUEST, ...asciiBytes(deviceType)];
  if (connect !== undefined) body.push(E_CONNECT, ...asciiBytes(connect));
  return subnegotiation(OPT_TN3270E, body);
}

export function deviceTypeIs(deviceType: string, luName: string): Uint8Array {
  return subnegotiation(OPT_TN3270E, [E_DEVICE_TYPE, E_IS, ...asciiBytes(deviceType), E_CONNECT, ...asciiBytes(luName)]);
}

export function deviceTypeReject(reason: number): Uint8Array {
  return subnegotiation(OPT_TN3270E, [E_DEVICE_TYPE, E_REJECT, E_REASON, reason]);
}

export function functionsMessage(sub: typeof E_REQUEST | typeof E_IS, functions: readonly number[]): Uint8Array {
  return subnegotiation(OPT_TN3270E, [E_FUNCTIONS, sub, ...functions]);
}

export interface Tn3270eHeader {
  dataType: number;
  requestFlag: number;
  responseFlag: number;
  seq: number;
}

export function parseHeader(record: Uint8Array): Tn3270eHeader {
  if (record.length < HEADER_LENGTH) throw new Tn3270eError(`TN3270E record shorter than its ${HEADER_LENGTH}-byte header`);
  return {
    dataType: record[0]!,
    requestFlag: record[1]!,
    responseFlag: record[2]!,
    seq: (record[3]! << 8) | record[4]!,
  };
}

/** Prefix a 3270 data stream with a TN3270E 3270-DATA header. */
export function withHeader(data: Uint8Array, seq: number, dataType = DT_3270_DATA): Uint8Array {
  const out = new Uint8Array(data.length + HEADER_LENGTH);
  out[0] = dataType;
  out[1] = 0;
  out[2] = 0;
  out[3] = (seq >> 8) & 0xff;
  out[4] = seq & 0xff;
  out.set(data, HEADER_LENGTH);
  return out;
}
