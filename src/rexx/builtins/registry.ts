/**
 * The built-in function table: every BIF by its upper-case name.
 *
 *   lookupBuiltin(name)            the BifSpec, or undefined
 *   callBuiltin(spec, args, ctx)   checks the argument count (40.3 / 40.4 / 40.5,
 *                                  trailing omitted arguments not counted) and calls it
 *   registerBuiltin(spec)          adds or replaces a function (function packages
 *                                  that must behave as built-ins)
 *   builtinNames()                 every name, sorted
 *   registryGeneration()           changes whenever registerBuiltin changes the
 *                                  table (call sites that resolved a BIF once
 *                                  look it up again)
 */
import type { BifContext, BifSpec } from './types.js';
import { checkCount } from './args.js';
import { stringBifs } from './string.js';
import { wordBifs } from './word.js';
import { conversionBifs } from './conversion.js';
import { bitBifs } from './bit.js';
import { arithmeticBifs } from './arithmetic.js';
import { datetimeBifs } from './datetime.js';
import { infoBifs } from './info.js';
import { streamBifs } from './stream.js';
import { vmBifs } from './vm.js';

const TABLE = new Map<string, BifSpec>();
/**
 * registryGeneration(), as an object the hottest callers read without a
 * call: call-site.ts, and the compiled regions, which compare its `n` with
 * the generation they were made with at each direct BIF call
 * (codegen-bif.ts).
 */
export const tableVersion = { n: 0 };

for (const family of [stringBifs, wordBifs, conversionBifs, bitBifs, arithmeticBifs, datetimeBifs, infoBifs, streamBifs, vmBifs]) {
  for (const spec of family) TABLE.set(spec.name, spec);
}

export function lookupBuiltin(name: string): BifSpec | undefined {
  return TABLE.get(name);
}

export function callBuiltin(spec: BifSpec, args: (string | undefined)[], ctx: BifContext): string {
  checkCount(spec.name, args, spec.min, spec.max);
  return spec.fn(args, ctx);
}

export function registerBuiltin(spec: BifSpec): void {
  TABLE.set(spec.name.toUpperCase(), spec);
  tableVersion.n++;
}

export function registryGeneration(): number {
  return tableVersion.n;
}

export function builtinNames(): string[] {
  return [...TABLE.keys()].sort();
}
