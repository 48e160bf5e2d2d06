/**
 * Bit operations (ANSI X3.274-1996 §9.4): BITAND BITOR BITXOR.
 * The shorter string is padded with `pad` when given; otherwise the rest of the
 * longer string is appended unchanged.
 */
import type { BifSpec } from './types.js';
import { optStr, pad, str, type Args } from './args.js';

function bitop(name: string, op: (x: number, y: number) => number) {
  return (a: Args): string => {
    let s1 = str(name, a, 1);
    let s2 = optStr(a, 2, '');
    const hasPad = a[2] !== undefined;
    const p = pad(name, a, 3);
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
  { name: 'BITAND', min: 1, max: 3, fn: bitop('BITAND', (x, y) => x & y) },
  { name: 'BITOR', min: 1, max: 3, fn: bitop('BITOR', (x, y) => x | y) },
  { name: 'BITXOR', min: 1, max: 3, fn: bitop('BITXOR', (x, y) => x ^ y) },
];
