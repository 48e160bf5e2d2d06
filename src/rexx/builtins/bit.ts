/**
 * Bit operations (ANSI X3.274-1996 §9.4): BITAND BITOR BITXOR.
 * The shorter string is padded with `pad` when given; otherwise the rest of the
 * longer string is appended unchanged.
 */
import type { BifSpec, NumericSource } from './types.js';
import { padArg } from './args.js';
import { directBif } from './direct.js';

function bitop(name: string, op: (x: number, y: number) => number) {
  return (_c: NumericSource, s10: string, s20: string | undefined, p0: string | undefined): string => {
    // (argument 1 is required: registry.ts checkCount has seen to it)
    let s1 = s10;
    let s2 = s20 ?? '';
    const hasPad = p0 !== undefined;
    const p = padArg(name, 3, p0);
    if (hasPad) {
      if (s1.length < s2.length) s1 = s1 + p.repeat(s2.length - s1.length);
      else if (s2.length < s1.length) s2 = s2 + p.repeat(s1.length - s2.length);
    }
    const n = Math.min(s1.length, s2.length);
    let out = '';
    for (let i = 0; i < n; i++) out += String.fromCharCode(op(s1.charCodeAt(i), s2.charCodeAt(i)) & 0xff);
    return out + (s1.length > n ? s1.slice(n) : s2.slice(n));
  };
}

export const bitBifs: BifSpec[] = [
  directBif('BITAND', 1, 3, 0, bitop('BITAND', (x, y) => x & y)),
  directBif('BITOR', 1, 3, 0, bitop('BITOR', (x, y) => x | y)),
  directBif('BITXOR', 1, 3, 0, bitop('BITXOR', (x, y) => x ^ y)),
];
