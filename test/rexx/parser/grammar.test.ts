/**
 * Grammar changes are deliberate: the Chevrotain productions must match the
 * reviewed snapshot in grammar/productions.json (regenerate with
 * UPDATE_GRAMMAR=1 npx vitest run test/rexx/parser/grammar.test.ts and review
 * the diff together with grammar/rexx.ebnf).
 */
import { it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { serializedGrammar } from '../../../src/rexx/parser/expression-parser.js';

const file = path.resolve(__dirname, '../../../grammar/productions.json');

it('matches the reviewed grammar snapshot', () => {
  const now = JSON.stringify(serializedGrammar(), null, 1) + '\n';
  if (process.env['UPDATE_GRAMMAR']) fs.writeFileSync(file, now);
  expect(now).toBe(fs.readFileSync(file, 'utf8'));
});
