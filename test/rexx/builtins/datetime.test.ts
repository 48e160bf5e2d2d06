import { describe, expect, it } from 'vitest';
import { bif, bifError, fakeContext } from './helpers.js';

// Thursday 29 February 2024, 13:05:09.250 local time
const c = fakeContext({ now: new Date(2024, 1, 29, 13, 5, 9, 250) });
const f = (n: string, ...a: (string | number | undefined)[]) => bif(c, n, ...a);
const err = (n: string, ...a: (string | number | undefined)[]) => bifError(c, n, ...a);

describe('DATE', () => {
  it('formats today in every option', () => {
    expect(f('date')).toBe('29 Feb 2024');
    expect(f('date', 'B')).toBe('738944');
    expect(f('date', 'C')).toBe('8826');
    expect(f('date', 'D')).toBe('60');
    expect(f('date', 'E')).toBe('29/02/24');
    expect(f('date', 'I')).toBe('2024-02-29');
    expect(f('date', 'M')).toBe('February');
    expect(f('date', 'N')).toBe('29 Feb 2024');
    expect(f('date', 'O')).toBe('24/02/29');
    expect(f('date', 'S')).toBe('20240229');
    expect(f('date', 'U')).toBe('02/29/24');
    expect(f('date', 'W')).toBe('Thursday');
    expect(f('date', 'Weekday')).toBe('Thursday');
    expect(f('date', 'T')).toBe(String(Math.floor(new Date(2024, 1, 29, 13, 5, 9).getTime() / 1000)));
  });
  it('converts dates (values from Regina)', () => {
    expect(f('date', 'B', '20240229', 'S')).toBe('738944');
    expect(f('date', 'S', '29 Feb 2024', 'N')).toBe('20240229');
    expect(f('date', 'S', '1 Feb 2024', 'N')).toBe('20240201');
    expect(f('date', 'S', '01 Feb 2024', 'N')).toBe('20240201');
    expect(f('date', 'S', '738944', 'B')).toBe('20240229');
    expect(f('date', 'S', '60', 'D')).toBe('20240229');
    expect(f('date', 'S', '29/02/24', 'E')).toBe('20240229');
    expect(f('date', 'S', '24/02/29', 'O')).toBe('20240229');
    expect(f('date', 'S', '02/29/24', 'U')).toBe('20240229');
    expect(f('date', 'I', '2024-02-29', 'I')).toBe('2024-02-29');
    expect(f('date', 'N', '31 Dec 9999', 'N')).toBe('31 Dec 9999');
    expect(f('date', 'B', '1 Jan 0001', 'N')).toBe('0');
    expect(f('date', 'S', '3652058', 'B')).toBe('99991231');
    expect(f('date', 'W', '1 Jan 0001', 'N')).toBe('Monday');
    expect(f('date', 'W', '1 Jan 1970', 'N')).toBe('Thursday');
    expect(f('date', undefined, '20240229', 'S')).toBe('29 Feb 2024');
    expect(f('date', 'D', undefined, 'S')).toBe('60');
    expect(f('date', 'S', String(Math.floor(new Date(2024, 1, 29).getTime() / 1000)), 'T')).toBe('20240229');
    expect(f('date', 'C', '1 Jan 2000', 'N')).toBe('1');
    expect(f('date', 'B', '31 Dec 1999', 'N')).toBe('730118');
    expect(f('date', 'B', '1 Jan 1970', 'N')).toBe('719162');
    expect(f('date', 'C', '31 Dec 1999', 'N')).toBe('36524');
  });
  it('uses a sliding century window for 2-digit years', () => {
    expect(f('date', 'S', '28/02/99', 'E')).toBe('19990228');
    expect(f('date', 'S', '28/02/50', 'E')).toBe('20500228');
    expect(f('date', 'S', '28/02/74', 'E')).toBe('20740228');
    expect(f('date', 'S', '28/02/75', 'E')).toBe('19750228');
  });
  it('supports output and input separators (REXX/VM, Object REXX)', () => {
    expect(f('date', 'S', undefined, undefined, '-')).toBe('2024-02-29');
    expect(f('date', 'E', undefined, undefined, '.')).toBe('29.02.24');
    expect(f('date', 'N', undefined, undefined, '')).toBe('29Feb2024');
    expect(f('date', 'U', undefined, undefined, '')).toBe('022924');
    expect(f('date', 'S', '29-Feb-2024', 'N', '', '-')).toBe('20240229');
    expect(f('date', 'B', '2024/02/29', 'S', undefined, '/')).toBe('738944');
    expect(err('date', 'S', undefined, undefined, '--')).toBe('Error 40.23: DATE argument 4 must be a single character; found "--"');
  });
  it('errors', () => {
    expect(err('date', 'x')).toBe('Error 40.28: DATE argument 1, option must start with one of "BDEMNOSUWCIT"; found "x"');
    expect(err('date', 'S', '8825', 'C')).toBe('Error 40.28: DATE argument 3, option must start with one of "BDENOSUIT"; found "C"');
    expect(err('date', 'S', '02/29/2024', 'U')).toBe('Error 40.19: DATE argument 2, "02/29/2024", is not in the format described by argument 3, "U"');
    expect(err('date', 'S', '20240230', 'S')).toBe('Error 40.19: DATE argument 2, "20240230", is not in the format described by argument 3, "S"');
    expect(err('date', 'S', '2024022', 'S')).toBe('Error 40.19: DATE argument 2, "2024022", is not in the format described by argument 3, "S"');
    expect(err('date', 'S', '00000101', 'S')).toBe('Error 40.19: DATE argument 2, "00000101", is not in the format described by argument 3, "S"');
    expect(err('date', 'S', '99/02/28', 'E')).toBe('Error 40.19: DATE argument 2, "99/02/28", is not in the format described by argument 3, "E"');
    expect(err('date', 'B', 1)).toBe('Error 40.19: DATE argument 2, "1", is not in the format described by argument 3, "N"');
    expect(err('date', 'S', '-1', 'B')).toBe('Error 40.19: DATE argument 2, "-1", is not in the format described by argument 3, "B"');
    expect(err('date', 'S', 'x', 'B')).toBe('Error 40.19: DATE argument 2, "x", is not in the format described by argument 3, "B"');
    expect(err('date', 'S', '3652059', 'B')).toBe('Error 40.18: DATE conversion must have a year in the range 0001 to 9999');
    expect(err('date', 'N', undefined, '')).toBe('Error 40.21: DATE argument 3 must not be null');
    expect(err('date', 'N', '', 'N')).toBe('Error 40.19: DATE argument 2, "", is not in the format described by argument 3, "N"');
  });
});

describe('TIME', () => {
  it('formats now in every option', () => {
    expect(f('time')).toBe('13:05:09');
    expect(f('time', 'C')).toBe('1:05pm');
    expect(f('time', 'H')).toBe('13');
    expect(f('time', 'L')).toBe('13:05:09.250000');
    expect(f('time', 'M')).toBe('785');
    expect(f('time', 'N')).toBe('13:05:09');
    expect(f('time', 'S')).toBe('47109');
    expect(f('time', 'O')).toBe(String(-new Date(2024, 1, 29).getTimezoneOffset() * 60000000));
  });
  it('converts times (values from Regina)', () => {
    expect(f('time', 'C', '13:05:09', 'N')).toBe('1:05pm');
    expect(f('time', 'L', '13:05:09', 'N')).toBe('13:05:09.000000');
    expect(f('time', 'N', '1:05pm', 'C')).toBe('13:05:00');
    expect(f('time', 'N', '12:05am', 'C')).toBe('00:05:00');
    expect(f('time', 'N', '12:05pm', 'C')).toBe('12:05:00');
    expect(f('time', 'N', '01:05pm', 'C')).toBe('13:05:00');
    expect(f('time', 'N', '13', 'H')).toBe('13:00:00');
    expect(f('time', 'N', '785', 'M')).toBe('13:05:00');
    expect(f('time', 'N', '47109', 'S')).toBe('13:05:09');
    expect(f('time', 'N', '13:05:09.123456', 'L')).toBe('13:05:09');
    expect(f('time', 'C', '00:00:00', 'N')).toBe('12:00am');
    expect(f('time', 'C', '12:00:00', 'N')).toBe('12:00pm');
    const t = Math.floor(new Date(2024, 1, 29, 0, 0, 0).getTime() / 1000);
    expect(f('time', 'N', String(t), 'T')).toBe('00:00:00');
  });
  it('errors', () => {
    expect(err('time', 'x')).toBe('Error 40.28: TIME argument 1, option must start with one of "CEHLMNORSJT"; found "x"');
    expect(err('time', 'N', '0:05am', 'C')).toBe('Error 40.19: TIME argument 2, "0:05am", is not in the format described by argument 3, "C"');
    expect(err('time', 'N', '1:05PM', 'C')).toBe('Error 40.19: TIME argument 2, "1:05PM", is not in the format described by argument 3, "C"');
    expect(err('time', 'N', '13:05:09.12', 'L')).toBe('Error 40.19: TIME argument 2, "13:05:09.12", is not in the format described by argument 3, "L"');
    expect(err('time', 'N', '13:05', 'N')).toBe('Error 40.19: TIME argument 2, "13:05", is not in the format described by argument 3, "N"');
    expect(err('time', 'N', '25:00:00', 'N')).toBe('Error 40.19: TIME argument 2, "25:00:00", is not in the format described by argument 3, "N"');
    expect(err('time', 'N', '1:05:09', 'N')).toBe('Error 40.19: TIME argument 2, "1:05:09", is not in the format described by argument 3, "N"');
    expect(err('time', 'N', '86400', 'S')).toBe('Error 40.19: TIME argument 2, "86400", is not in the format described by argument 3, "S"');
    expect(err('time', 'N', '24', 'H')).toBe('Error 40.19: TIME argument 2, "24", is not in the format described by argument 3, "H"');
    expect(err('time', 'N', '1440', 'M')).toBe('Error 40.19: TIME argument 2, "1440", is not in the format described by argument 3, "M"');
    expect(err('time', 'N', '1.5', 'S')).toBe('Error 40.19: TIME argument 2, "1.5", is not in the format described by argument 3, "S"');
    expect(err('time', 'N', '13:05:09', 'E')).toBe('Error 40.28: TIME argument 3, option must start with one of "CHLMNST"; found "E"');
    expect(err('time', 'E', '13:05:09', 'N')).toBe('Error 40.29: TIME conversion to format "E" is not allowed');
  });
  it('keeps an elapsed-time clock per routine, inherited by callees', () => {
    const k = fakeContext({ now: new Date(2024, 1, 29, 13, 5, 9, 0) });
    expect(bif(k, 'time', 'E')).toBe('0');
    k.clock.now = new Date(k.clock.now.getTime() + 72);
    k.clause.id++;
    expect(bif(k, 'time', 'E')).toBe('.072000');
    k.clock.now = new Date(k.clock.now.getTime() + 2000);
    k.clause.id++;
    // a called routine inherits a copy of the caller's state
    const callerState = k.routine;
    k.routine = new Map(callerState);
    expect(bif(k, 'time', 'R')).toBe('2.072000');
    k.clock.now = new Date(k.clock.now.getTime() + 500);
    k.clause.id++;
    expect(bif(k, 'time', 'E')).toBe('.500000');
    k.routine = callerState;
    expect(bif(k, 'time', 'E')).toBe('2.572000');
  });
  it('reads the clock once per clause', () => {
    const k = fakeContext({ now: new Date(2024, 1, 29, 23, 59, 59, 999) });
    const a = bif(k, 'time', 'L');
    k.clock.now = new Date(2024, 2, 1, 0, 0, 0, 500);
    expect(bif(k, 'time', 'L')).toBe(a);
    expect(bif(k, 'date', 'S')).toBe('20240229');
    k.clause.id++;
    expect(bif(k, 'date', 'S')).toBe('20240301');
  });
});
