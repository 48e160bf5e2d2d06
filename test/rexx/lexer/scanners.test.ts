/**
 * matchSymbol and canonicalOperator work without regular expressions
 * (start-up); they must do what their regular-expression definitions do.
 */
import { it, expect } from 'vitest';
import fc from 'fast-check';
import { matchSymbol } from '../../../src/rexx/lexer/patterns.js';
import { canonicalOperator } from '../../../src/rexx/lexer/operators.js';

const SYMBOL_RE = /[A-Za-z0-9.!?_@#$]+/y;
const EXP_PREFIX = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE]$/;

/** the definition: a run of symbol characters; `1E` directly followed by +5 or -5 takes the sign, digits and what follows */
function reference(text: string, offset: number): string | null {
  SYMBOL_RE.lastIndex = offset;
  const m = SYMBOL_RE.exec(text);
  if (!m) return null;
  let end = offset + m[0].length;
  const sign = text.charCodeAt(end);
  if ((sign === 0x2b || sign === 0x2d) && EXP_PREFIX.test(m[0])) {
    let j = end + 1;
    while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
    if (j > end + 1) {
      end = j;
      SYMBOL_RE.lastIndex = end;
      const more = SYMBOL_RE.exec(text);
      if (more && more.index === end) end += more[0].length;
    }
  }
  return text.slice(offset, end);
}

it('matchSymbol agrees with its regular-expression definition', () => {
  const ch = fc.constantFrom(...'0123456789.eEE+-+-xa_!? ()');
  fc.assert(
    fc.property(fc.array(ch, { maxLength: 12 }), fc.nat(3), (cs, off) => {
      const text = cs.join('');
      const offset = Math.min(off, text.length);
      expect(matchSymbol(text, offset)?.[0] ?? null).toBe(reference(text, offset));
    }),
    { numRuns: 20000 },
  );
  for (const t of ['1e+5', '1.e-2x', '.5E+10a', '.e+5', 'e+5', '1.2.3e+4', '12e+', 'abc']) {
    expect(matchSymbol(t, 0)?.[0] ?? null).toBe(reference(t, 0));
  }
});

it('canonicalOperator agrees with its regular-expression definition', () => {
  const reference = (op: string) => op.replace(/\xAC/g, '\\').replace(/\//g, (m, i: number, s: string) => (s === '/=' || s === '/==' ? '\\' : m));
  const ch = fc.constantFrom(...'/=\xAC\\<>*|&');
  fc.assert(
    fc.property(fc.array(ch, { maxLength: 4 }), (cs) => {
      const op = cs.join('');
      expect(canonicalOperator(op)).toBe(reference(op));
    }),
    { numRuns: 5000 },
  );
});
