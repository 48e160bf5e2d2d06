import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { hasSecondary, mainMessage, messageTemplate, secondaryMessage } from '../../src/rexx/catalogue.js';
import { rexxError } from '../../src/rexx/errors.js';

describe('error catalogue', () => {
  it('formats secondary messages with inserts in order', () => {
    expect(secondaryMessage(40, 3, ['SUBSTR', '2'])).toBe(
      'Not enough arguments in invocation of "SUBSTR"; minimum expected is 2',
    );
    expect(rexxError(40, 28, 'DATATYPE', 2, 'ABLMNSUWX', 'Q').secondaryText).toBe(
      'DATATYPE argument 2, option must start with one of "ABLMNSUWX"; found "Q"',
    );
    expect(rexxError(43, 1, 'FOO').secondaryText).toBe('Could not find routine "FOO"');
    expect(rexxError(42, 3).secondaryText).toBe('Arithmetic overflow; divisor must not be zero');
    expect(rexxError(26, 11, '7', '0.5', 3).secondaryText).toBe(
      'Result of 7 % 0.5 operation would need exponential notation at current NUMERIC DIGITS 3',
    );
    expect(secondaryMessage(13, 1, ['E2'])).toBe('Invalid character in program "(\'E2\'X)"');
    expect(secondaryMessage(94, 109, ['Q'])).toBe('[Queue "Q" not found]');
  });

  it('knows the secondary messages and Regina extras', () => {
    for (const k of ['6.1', '40.5', '40.11', '40.12', '40.13', '40.14', '40.23', '40.28', '40.914', '93.3', '48.920', '53.101']) {
      const [c, s] = k.split('.').map(Number);
      expect(hasSecondary(c!, s!), k).toBe(true);
    }
    expect(hasSecondary(40, 2)).toBe(false);
    expect(mainMessage(93)).toBe('[Incorrect call to routine]');
    expect(mainMessage(1)).toBe('');
  });

  it('gives ERRORTEXT templates with insert names (as Regina)', () => {
    expect(messageTemplate(40, 3)).toBe('Not enough arguments in invocation of "<bif>"; minimum expected is <argnumber>');
    expect(messageTemplate(24, 1)).toBe('TRACE request letter must be one of "ACEFILNOR"; found "<value>"');
    expect(messageTemplate(26, 11)).toBe(
      'Result of <value> % <value> operation would need exponential notation at current NUMERIC DIGITS <value>',
    );
    expect(messageTemplate(30, 1)).toBe('Name exceeds #Limit_Name characters');
    expect(messageTemplate(40, 980)).toBe('Unexpected input, either unknown type or illegal data: <location>');
    expect(messageTemplate(40, 0)).toBe('Incorrect call to routine');
    expect(messageTemplate(40, 2)).toBe('');
  });

  const mtb = '/usr/share/regina-rexx/en.mtb';
  it.skipIf(!existsSync(mtb))('holds every message of Regina 3.6 en.mtb, exactly', () => {
    const d = readFileSync(mtb);
    const n = d.readUInt32LE(0);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const code = d.readUInt32LE(8 + 16 * i);
      const sub = d.readUInt32LE(12 + 16 * i);
      const len = d.readUInt32LE(16 + 16 * i);
      const off = d.readUInt32LE(20 + 16 * i);
      let text = d.toString('latin1', off, off + len).replace(/\\"/g, '"');
      const bar = text.indexOf('|');
      if (bar >= 0) text = text.slice(0, bar);
      if (sub === 0) {
        if (code !== 0 && code !== 52) expect(mainMessage(code), `${code}`).toBe(text);
        continue;
      }
      expect(hasSecondary(code, sub), `${code}.${sub}`).toBe(true);
      // Template with %-inserts replaced by markers equals the file's text.
      const markers = Array.from({ length: 8 }, (_, j) => `\u0001${j}`);
      let j = 0;
      const expected = text.replace(/%[sdcx%]/g, (m) => (m === '%%' ? '%' : markers[j++]!));
      expect(secondaryMessage(code, sub, markers), `${code}.${sub}`).toBe(expected);
      count++;
    }
    expect(count).toBeGreaterThan(200);
  });
});
