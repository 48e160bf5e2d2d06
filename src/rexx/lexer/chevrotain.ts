/**
 * Chevrotain, loaded from its single-file ESM bundle (lib/chevrotain.mjs).
 *
 * The package's "exports" point at lib/src/api.js, which pulls in some 300
 * small modules (chevrotain's own and lodash-es); loading those costs ~400 ms
 * of start-up, the bundle ~25 ms. The bundle is the same release, so the API
 * is identical. If the bundle cannot be found we fall back to the package.
 *
 * Chevrotain is reached through chevrotain(), not re-exported names, so that
 * the start-up bundle of vmrexx (src/cli/build-bundle.ts) can replace this
 * module with one that loads Chevrotain on the first call: most runs lex and
 * parse without it (fast-lexer.ts, parser/expression-fast.ts) and never pay
 * for evaluating it. Token types are plain objects (token-type.ts) for the
 * same reason.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

type Chevrotain = typeof import('chevrotain');

async function load(): Promise<Chevrotain> {
  // dist/rexx/lexer/ -> the package's own node_modules (the usual layout), without module resolution
  const local = new URL('../../../node_modules/chevrotain/lib/chevrotain.mjs', import.meta.url);
  if (fs.existsSync(local)) return (await import(local.href)) as Chevrotain;
  try {
    const api = createRequire(import.meta.url).resolve('chevrotain');
    const bundle = path.join(path.dirname(api), '..', 'chevrotain.mjs');
    if (fs.existsSync(bundle)) return (await import(pathToFileURL(bundle).href)) as Chevrotain;
  } catch {
    // fall through to the package entry point
  }
  return import('chevrotain');
}

const loaded = await load();

/** Chevrotain's API (loaded already here; on first use in the start-up bundle). */
export function chevrotain(): Chevrotain {
  return loaded;
}

export type { IToken, TokenType, TokenPattern, Lexer, EmbeddedActionsParser } from 'chevrotain';
