/**
 * parseNumber takes short plain whole numbers from a table (number.ts
 * smallWhole): it must give what parsing the string gives, for every short
 * string, and the table's Decimals must carry their caches correctly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumber, parseNumberUncached } from '../../../src/rexx/arithmetic/number.js';

const shortStrings = fc.oneof(
  fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ' ', '-', '+', '.', 'E', 'x'), minLength: 0, maxLength: 6 }),
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.integer({ min: 0, max: 9999 }).map((v) => '0' + v),
);

describe('parseNumber on short whole numbers', () => {
  it('equals parseNumberUncached, caches included', () => {
    fc.assert(
      fc.property(shortStrings, (s) => {
        for (let i = 0; i < 2; i++) {
          const got = parseNumber(s);
          const want = parseNumberUncached(s);
          if (want === undefined) {
            expect(got).toBeUndefined();
            continue;
          }
          expect(got && { neg: got.neg, c: got.c, e: got.e }).toEqual({ neg: want.neg, c: want.c, e: want.e });
          if (got!.b !== undefined) expect(got!.b).toBe(BigInt(got!.c));
          if (got!.v !== undefined) expect(got!.v).toBe(Number(got!.c));
        }
      }),
      { numRuns: 20000 },
    );
  });
});
