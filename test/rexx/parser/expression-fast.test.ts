/**
 * expression-fast.ts must agree exactly with the Chevrotain grammar
 * (expression-parser.ts) on everything it accepts: the same tree and the same
 * next token index; where it refuses, Chevrotain decides.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { tokenize, type RxToken } from '../../../src/rexx/lexer/lexer.js';
import { Eol, Semicolon } from '../../../src/rexx/lexer/tokens.js';
import { fastExpression, fastTemplateList } from '../../../src/rexx/parser/expression-fast.js';
import { chevrotainExpression, chevrotainTemplateList } from '../../../src/rexx/parser/expression-parser.js';
import { TERM_DO_CTRL, TERM_THEN, TERM_WITH } from '../../../src/rexx/parser/keywords.js';
import { parseProgram } from '../../../src/rexx/parser/program.js';

function outcome(f: () => unknown): unknown {
  try {
    return { ok: JSON.parse(JSON.stringify(f())) as unknown };
  } catch (e) {
    return { error: String(e) };
  }
}

const TERM_SETS: ReadonlySet<string>[] = [new Set(), TERM_THEN, TERM_DO_CTRL, TERM_WITH];

/** Compare on toks[from..to); returns whether the fast reader accepted. */
function sameExpression(toks: RxToken[], from: number, to: number, terms: ReadonlySet<string>): boolean {
  const fast = fastExpression(toks, from, to, terms);
  if (fast === undefined) return false;
  expect({ ok: JSON.parse(JSON.stringify(fast)) }).toEqual(outcome(() => chevrotainExpression(toks, from, to, terms)));
  return true;
}

function sameTemplate(toks: RxToken[], from: number, to: number): boolean {
  const fast = fastTemplateList(toks, from, to);
  if (fast === undefined) return false;
  expect({ ok: JSON.parse(JSON.stringify(fast)) }).toEqual(outcome(() => chevrotainTemplateList(toks, from, to)));
  return true;
}

function lex(text: string): RxToken[] | undefined {
  try {
    return tokenize(text);
  } catch {
    return undefined;
  }
}

const piece = fc.constantFrom(
  'x', 'Sum', 'a.b', 'st.i.', '.', '.x', '1', '12', '3abc', '1e5', '1E+5', 'then', 'to', 'by', 'with', 'for', 'f',
  "'s'", '"t"', "''", "'41'x", ' ', ' ', ' ', '(', '(', ')', ')', ',', ',', '+', '-', '*', '/', '//', '%', '**', '||',
  '=', '==', '\\=', '>', '<', '>=', '&', '|', '&&', '\\', '/*c*/', ':', ';',
);

describe('expression reader without Chevrotain', () => {
  it('agrees with the grammar on random token streams', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.nat(3), fc.nat(3), (parts, skip, termSet) => {
        const toks = lex(parts.join(''));
        if (toks === undefined) return;
        const from = Math.min(skip, toks.length);
        if (sameExpression(toks, from, toks.length, TERM_SETS[termSet]!)) accepted++;
        if (sameTemplate(toks, from, toks.length)) accepted++;
      }),
      { numRuns: 6000 },
    );
    expect(accepted).toBeGreaterThan(500);
  });

  it('agrees with the grammar on every clause of the test programs and accepts most', () => {
    const dirs = [path.resolve(__dirname, '../programs'), path.resolve(__dirname, '../../../../shared/bench')];
    let tried = 0;
    let accepted = 0;
    for (const dir of dirs) {
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.rexx'))) {
        const toks = lex(fs.readFileSync(path.join(dir, f), 'latin1'));
        if (toks === undefined) continue;
        let start = 0;
        for (let i = 0; i <= toks.length; i++) {
          if (i < toks.length && toks[i]!.tokenType !== Eol && toks[i]!.tokenType !== Semicolon) continue;
          // every suffix of the clause, as the clause parser passes operands
          for (let from = start; from < i; from++) {
            for (const terms of TERM_SETS) {
              tried++;
              if (sameExpression(toks, from, i, terms)) accepted++;
            }
            sameTemplate(toks, from, i);
          }
          start = i + 1;
        }
      }
    }
    expect(accepted / tried).toBeGreaterThan(0.5);
  });

  it('refuses what Chevrotain reports as an error', () => {
    for (const text of ['a +', '(a', 'f(a', 'a + )', '', '* 2', 'f(a,b', '(a, b)']) {
      const toks = lex(text)!;
      expect(fastExpression(toks, 0, toks.length, new Set())).toBeUndefined();
    }
    for (const text of ['x 3abc', '* 5', '+ x', '(x', '\\ x', 'x y, 1.5']) {
      const toks = lex(text)!;
      expect(fastTemplateList(toks, 0, toks.length)).toBeUndefined();
    }
  });
});

describe('CRLF line ends', () => {
  it('parse a CRLF program as its LF form, line numbers included', () => {
    const lf = "x = \\ 1 + 2 * (3 - y) || 'a'x\nparse var x a b +1 c\nif x >= 2 then say f(x, , 3)\n";
    const crlf = lf.replace(/\n/g, '\r\n');
    const strip = (p: unknown) => JSON.stringify(p, (k, v) => (k === 'lines' || k === 'text' ? undefined : v instanceof Map ? [...v] : v));
    expect(strip(parseProgram(crlf, 'T'))).toBe(strip(parseProgram(lf, 'T')));
  });
});
