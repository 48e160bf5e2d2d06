/**
 * fast-lexer.ts must give exactly Chevrotain's lexing result (tokens, the ws
 * group, positions, payloads) for every text it accepts, and throw the same
 * error where Chevrotain's matchers throw.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fastTokenize } from '../../../src/rexx/lexer/fast-lexer.js';
import { chevrotainLex } from '../../../src/rexx/lexer/lexer.js';

function outcome(f: () => unknown): unknown {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: String(e), line: (e as { line?: number }).line };
  }
}

/** fast-lexer's outcome when it accepts the text (undefined when it refuses), and Chevrotain's */
function both(text: string): { fast: unknown; chevrotain: unknown } {
  // Chevrotain first: its Lexer numbers the token types (tokenTypeIdx) when it is built
  const chevrotain = outcome(() => chevrotainLex(text));
  const fast = outcome(() => fastTokenize(text));
  const refused = (fast as { ok?: unknown }).ok === undefined && !('error' in (fast as object));
  return { fast: refused ? undefined : fast, chevrotain };
}

function expectSame(text: string): boolean {
  const { fast, chevrotain } = both(text);
  if (fast !== undefined) expect(fast, JSON.stringify(text)).toEqual(chevrotain);
  return fast !== undefined;
}

const piece = fc.constantFrom(
  'x', 'Sum', 'a.b', 'st.i.', '1', '1e5', '1E+5', '1e-2x', '.5', '!q', '_z', '#1', '$', '@', '?',
  ' ', '  ', '\t', '\f', '\v', '\n', '\n\n', ';', ':', '(', ')', ',', ', \n', ',/*c*/\n', ',\t/* a\nb */ \n', ', x',
  "'s'", '"t"', "'it''s'", "'41'x", "'0100 0001'b", "'4'X", "'zz'x", "'a'xy", "''", "'open", '"open\n',
  '/*c*/', '/* a\n b */', '/* /* nested */ */', '/* open', '/', '*', '+', '-', '%', '|', '&', '=', '<', '>', '\\', '\xAC',
  '~', '[', '\r\n', '\r', '\u0100', '`',
);

describe('fast lexer', () => {
  it('agrees with Chevrotain on random texts', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (parts) => {
        expectSame(parts.join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts the usual programs and agrees on them', () => {
    const dirs = [path.resolve(__dirname, '../programs'), path.resolve(__dirname, '../../../../shared/bench')];
    let accepted = 0;
    for (const dir of dirs) {
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.rexx'))) {
        if (expectSame(fs.readFileSync(path.join(dir, f), 'latin1'))) accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(10);
  });

  it('refuses what it leaves to Chevrotain', () => {
    for (const t of ['say ~1', 'say [', 'x = \u0100']) expect(fastTokenize(t)).toBeUndefined();
  });

  it('throws the matchers\' errors at the same place', () => {
    for (const t of ["say 'abc", 'x = 1\n/* open', "x = 'zz'x", 'say "a\nb"']) {
      const { fast, chevrotain } = both(t);
      expect(fast).toEqual(chevrotain);
      expect(fast).toHaveProperty('error');
    }
  });
});
