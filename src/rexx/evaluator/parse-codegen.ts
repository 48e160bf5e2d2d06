/**
 * PARSE templates compiled to JavaScript (new Function), for the untraced
 * PARSE of a template that runs often (parse-template.ts parseItems hands a
 * template over after a few uses).
 *
 * The generated function does exactly what parseItems does, in the same
 * order (ANSI X3.274-1996 §7.4.8; see parse-template.ts for the state it
 * keeps): each pattern is looked for / evaluated first, then the targets
 * before it get their piece word by word, the last one the rest less the one
 * blank that ended the word before it; blanks are space and tab; trailing '.'
 * placeholders are not scanned. What it saves is the interpretation of the
 * item list: the item kinds, the literal patterns and their lengths, which
 * targets are placeholders, and the constant positions are written into the
 * code. A simple-variable target is stored straight into its box: the boxes
 * are looked up once per variable pool (the parser keeps the pool it last
 * ran in, as expression.ts's assigners do; a pool never replaces a box once
 * made, variables.ts), which spares a call per target; a compound or stem
 * target goes through its compiled assigner, at a monomorphic call site.
 * (A box looked up before its variable is set, say when a positional
 * pattern raises an error first, holds no value: the variable is unset, as
 * it was.)
 *
 * Nothing of the program text reaches the generated source except literal
 * patterns and target names, which are embedded with JSON.stringify.
 */
import type { Activation } from './activation.js';
import type { Compiled } from './expression.js';
import type { Item } from './parse-template.js';

export type DirectParser = (a: Activation, source: string) => void;

/** PARSE ARG's templates, each with its argument (see generateArgParser). */
export type ArgParser = (a: Activation, args: readonly (string | undefined)[], convert: ((s: string) => string) | null) => void;

/**
 * enabled: off, every PARSE takes parseItems' loop (tests compare the two);
 * hotUses: untraced parses of a template before its parser is generated.
 */
export const parseCodegenOptions = { enabled: true, hotUses: 8 };

/** Code that gives target items[t] the value of the JS expression v. */
function assignCode(item: Item, t: number, v: string): string {
  if (item.ref === null) return '';
  return item.ref.k === 'var' ? `B${t}.v = ${v};\n` : `S${t}(a, ${v});\n`;
}

/** Code for the targets items[from..to), which share s[pb..pe). */
function groupCode(items: Item[], from: number, to: number): string {
  let code = 'w = pb;\n';
  const last = to - 1;
  for (let t = from; t < last; t++) {
    const item = items[t]!;
    if (item.dotsToEnd) return code;
    code +=
      'i = w;\n' +
      'while (i < pe && ((c = s.charCodeAt(i)) === 32 || c === 9)) i++;\n' +
      "if (noTab < 0) noTab = s.indexOf('\\t') < 0 ? 1 : 0;\n" +
      "if (noTab === 1) { j = s.indexOf(' ', i); if (j < 0 || j > pe) j = pe; }\n" +
      'else { j = i; while (j < pe && (c = s.charCodeAt(j)) !== 32 && c !== 9) j++; }\n' +
      assignCode(item, t, 's.slice(i, j)') +
      'w = j < pe ? j + 1 : pe;\n';
  }
  code += assignCode(items[last]!, last, 's.slice(w, pe)');
  return code;
}

/** Code for the pattern items[k]: sets pb/pe (the piece before it) and moves the cursor. */
function patternCode(item: Item, k: number): string {
  switch (item.kind) {
    case 1: {
      if (item.v === '') return 'pb = cursor; pe = len; lastStart = len; cursor = len;\n';
      return (
        `p = s.indexOf(${JSON.stringify(item.v)}, cursor); pb = cursor;\n` +
        `if (p < 0) { pe = len; lastStart = len; cursor = len; } else { pe = p; lastStart = p; cursor = p + ${item.v.length}; }\n`
      );
    }
    case 2:
      return (
        `pat = E${k}(a); p = pat === '' ? -1 : s.indexOf(pat, cursor); pb = cursor;\n` +
        'if (p < 0) { pe = len; lastStart = len; cursor = len; } else { pe = p; lastStart = p; cursor = p + pat.length; }\n'
      );
    default: {
      const n = item.n >= 0 ? `(a.numeric.digits >= 9 ? ${item.n} : pv(a, E${k}))` : `pv(a, E${k})`;
      const pos = item.kind === 3 ? `${n} - 1` : `lastStart + ${item.sign} * ${n}`;
      return (
        `pos = ${pos};\n` +
        'if (pos < 0) pos = 0;\nif (pos > len) pos = len;\n' +
        'pb = lastStart; pe = pos > lastStart ? pos : len; lastStart = pos; cursor = pos;\n'
      );
    }
  }
}

/**
 * The template's parser. `positionValue` evaluates a positional pattern's
 * expression to a whole number (Error 26.4 otherwise), as parseItems does.
 */
export function generateParser(items: Item[], positionValue: (a: Activation, e: Compiled) => number): DirectParser {
  let body = '';
  let tFrom = 0;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.kind === 0) continue;
    body += patternCode(item, k);
    if (k > tFrom) body += groupCode(items, tFrom, k);
    tFrom = k + 1;
  }
  if (items.length > tFrom) body += 'pb = cursor; pe = len;\n' + groupCode(items, tFrom, items.length);
  const names: string[] = [];
  const values: unknown[] = [];
  // the boxes of the simple targets, in the pool P (resolved when the pool changes)
  const boxes: string[] = [];
  const lookups: string[] = [];
  items.forEach((item, k) => {
    if (item.ref !== null && item.kind === 0 && item.ref.k === 'var') {
      boxes.push(`B${k} = null`);
      lookups.push(`B${k} = vp.box(${JSON.stringify(item.ref.name)});`);
    } else if (item.set !== null) {
      names.push(`S${k}`);
      values.push(item.set);
    }
    if (item.e !== null) {
      names.push(`E${k}`);
      values.push(item.e);
    }
  });
  const src =
    "'use strict';\n" +
    (boxes.length > 0 ? `let P = null, ${boxes.join(', ')};\n` : '') +
    'return function parse(a, s) {\n' +
    (boxes.length > 0 ? `const vp = a.pool;\nif (vp !== P) { ${lookups.join(' ')} P = vp; }\n` : '') +
    'const len = s.length;\n' +
    'let cursor = 0, lastStart = 0, noTab = -1, pb = 0, pe = 0, p = 0, pos = 0, w = 0, i = 0, j = 0, c = 0, pat = "";\n' +
    body +
    '};\n';
  const make = new Function(...names, 'pv', src) as (...args: unknown[]) => DirectParser;
  return make(...values, positionValue);
}

/**
 * PARSE ARG t1, t2, ... once every template has its generated parser: one
 * function calling parser i with argument i (the null string when omitted),
 * converted by `convert` (UPPER / LOWER) when there is one, as parseArgs
 * does. Each parser is called at a call site of its own (monomorphic, so V8
 * may inline it), rather than from parseArgs' loop, shared by every PARSE ARG.
 */
export function generateArgParser(parsers: DirectParser[]): ArgParser {
  const names = parsers.map((_, i) => `P${i}`);
  let body = 'let s = "";\n';
  for (let i = 0; i < parsers.length; i++) {
    body += `s = args[${i}] ?? "";\nif (convert !== null) s = convert(s);\nP${i}(a, s);\n`;
  }
  const src = `'use strict';\nreturn function parseArg(a, args, convert) {\n${body}};\n`;
  const make = new Function(...names, src) as (...args: unknown[]) => ArgParser;
  return make(...parsers);
}
