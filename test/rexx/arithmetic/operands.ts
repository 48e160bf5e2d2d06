/**
 * Shared pieces of the arithmetic property tests (pair.test.ts,
 * chain.test.ts): a result or error as text, and REXX number strings built
 * from coefficients biased to rounding edges, written plainly or with an
 * exponent.
 */
import fc from 'fast-check';

/** The value f gives, or its REXX error as 'ERR code.subcode'. */
export function outcome(f: () => string | undefined): string {
  try {
    return String(f());
  } catch (e) {
    const x = e as { code?: number; subcode?: number };
    return `ERR ${x.code}.${x.subcode}`;
  }
}

/** Coefficients of up to `maxLen` digits: random, short, and rounding edges (…5, 999…, 100…). */
export function coefficients(maxLen: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.bigInt({ min: 0n, max: 10n ** BigInt(maxLen) - 1n }).map(String),
    fc.integer({ min: 0, max: 9999 }).map(String),
    fc.integer({ min: 1, max: maxLen }).chain((k) =>
      fc.constantFrom('9'.repeat(k), '1' + '0'.repeat(k - 1), '5'.repeat(k), '4'.repeat(k - 1) + '5', '9'.repeat(k - 1) + '5'),
    ),
    fc.constantFrom('0', '1', '5', '7', '25'),
  );
}

/**
 * Number strings: a sign, a coefficient and an exponent (up to `maxExp` in
 * magnitude, or near the exponent limit), written plainly or with E.
 */
export function numberStrings(coef: fc.Arbitrary<string>, maxExp: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('', '-', '+'),
      coef,
      fc.oneof(
        fc.integer({ min: -maxExp, max: maxExp }),
        fc.integer({ min: -3, max: 3 }),
        fc.constantFrom(999_999_990, -999_999_990, 999_999_999, -999_999_999),
      ),
      fc.constantFrom('plain', 'plain', 'exp'),
    )
    .map(([sign, c, e, how]) => {
      if (how === 'exp' || Math.abs(e) > maxExp + 10) return sign + c + 'E' + (e >= 0 ? '+' : '') + e;
      if (e >= 0) return sign + c + '0'.repeat(e);
      const padded = c.padStart(-e + 1, '0');
      return sign + padded.slice(0, padded.length + e) + '.' + padded.slice(padded.length + e);
    });
}
