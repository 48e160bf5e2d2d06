import { describe, expect, it } from 'vitest';

import { IAC, OPT_TN3270E, SB, SE } from '../../../src/console/tn3270/telnet.js';
import {
  Tn3270eError,
  deviceTypeIs,
  deviceTypeReject,
  deviceTypeRequest,
  functionsMessage,
  parseHeader,
  parseTn3270eMessage,
  sendDeviceType,
  withHeader,
  E_IS,
  E_REQUEST,
} from '../../../src/console/tn3270/tn3270e.js';

/** Strip IAC SB TN3270E ... IAC SE. */
const payload = (b: Uint8Array) => {
  expect(Array.from(b.subarray(0, 3))).toEqual([IAC, SB, OPT_TN3270E]);
  expect(Array.from(b.subarray(-2))).toEqual([IAC, SE]);
  return b.subarray(3, -2);
};

describe('TN3270E messages', () => {
  it('SEND DEVICE-TYPE is 08 02 (not 02 08)', () => {
    expect(Array.from(payload(sendDeviceType()))).toEqual([8, 2]);
    expect(parseTn3270eMessage(payload(sendDeviceType()))).toEqual({ kind: 'send-device-type' });
  });

  it('round-trips DEVICE-TYPE REQUEST with and without CONNECT', () => {
    expect(parseTn3270eMessage(payload(deviceTypeRequest('IBM-3278-4-E')))).toEqual({
      kind: 'device-type-request',
      deviceType: 'IBM-3278-4-E',
    });
    expect(parseTn3270eMessage(payload(deviceTypeRequest('IBM-3278-2', 'TERM1')))).toEqual({
      kind: 'device-type-request',
      deviceType: 'IBM-3278-2',
      connect: 'TERM1',
    });
    expect(parseTn3270eMessage(Uint8Array.of(2, 7, 65, 0, 66))).toEqual({
      kind: 'device-type-request',
      deviceType: 'A',
      associate: 'B',
    });
  });

  it('builds DEVICE-TYPE IS ... CONNECT lu and REJECT', () => {
    const is = payload(deviceTypeIs('IBM-3278-2-E', 'LU000001'));
    expect(Array.from(is.subarray(0, 2))).toEqual([2, 4]);
    expect(parseTn3270eMessage(is)).toEqual({ kind: 'device-type-is', deviceType: 'IBM-3278-2-E', connect: 'LU000001' });
    expect(Array.from(payload(deviceTypeReject(4)))).toEqual([2, 6, 5, 4]);
    expect(parseTn3270eMessage(Uint8Array.of(2, 6, 5, 4))).toEqual({ kind: 'device-type-reject', reason: 4 });
  });

  it('FUNCTIONS REQUEST / IS', () => {
    expect(Array.from(payload(functionsMessage(E_REQUEST, [0, 2, 4])))).toEqual([3, 7, 0, 2, 4]);
    expect(parseTn3270eMessage(payload(functionsMessage(E_IS, [])))).toEqual({ kind: 'functions-is', functions: [] });
  });

  it('rejects malformed messages', () => {
    expect(() => parseTn3270eMessage(Uint8Array.of(2, 7))).toThrow(Tn3270eError);
    expect(() => parseTn3270eMessage(Uint8Array.of(2, 7, 65, 9, 66))).toThrow(Tn3270eError);
    expect(() => parseTn3270eMessage(Uint8Array.from([2, 7, ...new Array(100).fill(65)]))).toThrow(/too long/);
    expect(parseTn3270eMessage(Uint8Array.of(99))).toEqual({ kind: 'other', bytes: Uint8Array.of(99) });
    expect(parseTn3270eMessage(new Uint8Array(0)).kind).toBe('other');
  });

  it('header', () => {
    const rec = withHeader(Uint8Array.of(0xf5, 0xc3), 0x1234);
    expect(Array.from(rec)).toEqual([0, 0, 0, 0x12, 0x34, 0xf5, 0xc3]);
    expect(parseHeader(rec)).toEqual({ dataType: 0, requestFlag: 0, responseFlag: 0, seq: 0x1234 });
    expect(() => parseHeader(Uint8Array.of(0, 0, 0))).toThrow(Tn3270eError);
  });
});
