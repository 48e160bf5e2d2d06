/**
 * PARSE templates compiled to JavaScript (new Function), for the untraced
 * PARSE of a template that runs often (parse-template.ts parseItems hands a
 * template over after a few uses; a compiled region, parse-region.ts, at
 * once). The template's code (parseCode) is also written into compiled
 * regions, with the region's own code for setting targets and evaluating
 * patterns (ParseEmitter).
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
 * ran in once that pool has settled, as expression.ts's assigners do; a
 * pool never replaces a box once made, variables.ts), which spares a call
 * per target in the main program's pool; a compound or stem
 * target goes through its compiled assigner, at a monomorphic call site.
 * (A box looked up before its variable is set, say when a positional
 * pattern raises an error first, holds no value: the variable is unset, as
 * it was.)
 *
 * Nothing of the program text reaches the generated source except literal
 * patterns and target names, which are embedded with JSON.stringify (and,
 * in a region, what its expression generator makes of the patterns).
 */
import type { Activation } from './activation.js';
import type { Compiled } from './expression.js';
import type { Item } from './parse-template.js';

export type DirectParser = (a: Activation, source: string) => void;

/** PARSE ARG's templates, each with its argument (see generateArgParser). */
export type ArgParser = (a: Activation, args: readonly (string | undefined)[], convert: ((s: string) => string) | null) => void;

/**
 * enabled: off, every PARSE takes parseItems' loop (tests compare the two);
 * hotUses: untraced parses of a template before its parser is generated;
 * memo: whether a parser of constant patterns remembers its last results.
 */
export const parseCodegenOptions = { enabled: true, hotUses: 8, memo: true };

/** The longest source a generated parser remembers its results for (generateParser). */
const MEMO_MAX = 4096;
/** New sources in a row after which a generated parser stops comparing (generateParser). */
const MEMO_TRIES = 16;

/**
 * What the template's code is made with, for each use: the code assigning a
 * target, and the JS expressions for the values of the patterns that are
 * not constants. (The generated parser below sets the targets' boxes; a
 * compiled region, parse-region.ts, its own locals.)
 */
export interface ParseEmitter {
  /** Statements giving target items[t] the JS string expression v. */
  assign(t: number, v: string): string;
  /** The string value of variable pattern items[k]. */
  pattern(k: number): string;
  /** The whole-number value of positional pattern items[k] (Error 26.4 otherwise). */
  position(k: number): string;
}

/*
 * The locals of the generated code all start with q, so that the code can
 * also be placed in a compiled region's function (parse-region.ts), whose
 * own names never do: qs the source, qlen its length, qcur the cursor, qls
 * lastStart, qnt noTab, [qpb, qpe) the piece for the targets, qw the word
 * scan position, [qi, qj) a word.
 */

/** Code for the targets items[from..to), which share qs[qpb..qpe). */
function groupCode(items: Item[], from: number, to: number, em: ParseEmitter): string {
  let code = 'qw = qpb;\n';
  const last = to - 1;
  for (let t = from; t < last; t++) {
    const item = items[t]!;
    if (item.dotsToEnd) return code;
    code +=
      'qi = qw;\n' +
      'while (qi < qpe && ((qc = qs.charCodeAt(qi)) === 32 || qc === 9)) qi++;\n' +
      "if (qnt < 0) qnt = qs.indexOf('\\t') < 0 ? 1 : 0;\n" +
      "if (qnt === 1) { qj = qs.indexOf(' ', qi); if (qj < 0 || qj > qpe) qj = qpe; }\n" +
      'else { qj = qi; while (qj < qpe && (qc = qs.charCodeAt(qj)) !== 32 && qc !== 9) qj++; }\n' +
      (item.ref === null ? '' : em.assign(t, 'qs.slice(qi, qj)')) +
      'qw = qj < qpe ? qj + 1 : qpe;\n';
  }
  const item = items[last]!;
  if (item.ref !== null) code += em.assign(last, 'qs.slice(qw, qpe)');
  return code;
}

/** Code for the pattern items[k]: sets qpb/qpe (the piece before it) and moves the cursor. */
function patternCode(item: Item, k: number, em: ParseEmitter): string {
  switch (item.kind) {
    case 1: {
      if (item.v === '') return 'qpb = qcur; qpe = qlen; qls = qlen; qcur = qlen;\n';
      return (
        `qp = qs.indexOf(${JSON.stringify(item.v)}, qcur); qpb = qcur;\n` +
        `if (qp < 0) { qpe = qlen; qls = qlen; qcur = qlen; } else { qpe = qp; qls = qp; qcur = qp + ${item.v.length}; }\n`
      );
    }
    case 2:
      return (
        `qpat = ${em.pattern(k)}; qp = qpat === '' ? -1 : qs.indexOf(qpat, qcur); qpb = qcur;\n` +
        'if (qp < 0) { qpe = qlen; qls = qlen; qcur = qlen; } else { qpe = qp; qls = qp; qcur = qp + qpat.length; }\n'
      );
    default: {
      const n = item.n >= 0 ? `(a.numeric.digits >= 9 ? ${item.n} : ${em.position(k)})` : em.position(k);
      const pos = item.kind === 3 ? `${n} - 1` : `qls + ${item.sign} * ${n}`;
      return (
        `qpos = ${pos};\n` +
        'if (qpos < 0) qpos = 0;\nif (qpos > qlen) qpos = qlen;\n' +
        'qpb = qls; qpe = qpos > qls ? qpos : qlen; qls = qpos; qcur = qpos;\n'
      );
    }
  }
}

/**
 * Statements parsing the string in the local qs (declared by the caller)
 * with the template `items`, in the order parseItems does it.
 */
export function parseCode(items: Item[], em: ParseEmitter): string {
  let body = '';
  let tFrom = 0;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.kind === 0) continue;
    body += patternCode(item, k, em);
    if (k > tFrom) body += groupCode(items, tFrom, k, em);
    tFrom = k + 1;
  }
  if (items.length > tFrom) body += 'qpb = qcur; qpe = qlen;\n' + groupCode(items, tFrom, items.length, em);
  return (
    'const qlen = qs.length;\n' +
    'let qcur = 0, qls = 0, qnt = -1, qpb = 0, qpe = 0, qp = 0, qpos = 0, qw = 0, qi = 0, qj = 0, qc = 0, qpat = "";\n' +
    body
  );
}

/**
 * Whether the template's results are a function of the source string alone:
 * no variable pattern, and every position written as a number (whose value
 * is used as it is when DIGITS is 9 or more, patternCode). Such a parser
 * remembers its last results (generateParser).
 */
function constantTemplate(items: Item[]): boolean {
  return items.every((it) => it.kind === 0 || it.kind === 1 || it.n >= 0);
}

/**
 * The template's parser. `positionValue` evaluates a positional pattern's
 * expression to a whole number (Error 26.4 otherwise), as parseItems does.
 *
 * A template with constant patterns (constantTemplate) gets a one-entry
 * memo: when the source is the same string as in the call before (===, so
 * equal contents), each target is given the value it was given then, in the
 * same order, by the same assignment (a compound target's tail is evaluated
 * anew, so it sees the targets set before it, as in a full parse). Nothing
 * else the parse does can be observed: with constant patterns it evaluates
 * nothing and raises no condition (a position is taken as written only at
 * DIGITS 9 or more; below that the memo is not used). The values are
 * remembered only when the same source comes a second time in a row (M:
 * whether R<k> hold L's results). Comparing the source with the last one
 * and keeping it costs a string comparison and a write barrier per parse
 * (measured: 4% of a loop parsing a new record each time), so a site stops
 * using the memo after MEMO_TRIES new sources in a row (C counts them down;
 * a repeated source fills it again). A source longer than MEMO_MAX is not
 * kept, so that a site does not keep a large string alive.
 */
export function generateParser(items: Item[], positionValue: (a: Activation, e: Compiled) => number): DirectParser {
  const names: string[] = [];
  const values: unknown[] = [];
  // the boxes of the simple targets (locals b<k>), looked up in each new pool;
  // remembered (B<k>, in the pool P) only for a pool that has settled
  // (VarPool.settled): storing every short procedure call's pool into this
  // long-lived closure would cost a write barrier per call
  const boxes: string[] = [];
  const lookups: string[] = [];
  const remembered: string[] = [];
  const stores: string[] = [];
  const targets: number[] = [];
  items.forEach((item, k) => {
    if (item.ref !== null && item.kind === 0) targets.push(k);
    if (item.ref !== null && item.kind === 0 && item.ref.k === 'var') {
      boxes.push(`B${k} = null`);
      lookups.push(`b${k} = vp.box(${JSON.stringify(item.ref.name)});`);
      remembered.push(`b${k} = B${k};`);
      stores.push(`B${k} = b${k};`);
    } else if (item.set !== null) {
      names.push(`S${k}`);
      values.push(item.set);
    }
    if (item.e !== null) {
      names.push(`E${k}`);
      values.push(item.e);
    }
  });
  // (a template of one target takes the whole source: nothing to save)
  const memo = parseCodegenOptions.memo && constantTemplate(items) && targets.length > 0 && items.length > 1;
  const set = (t: number, v: string): string => (items[t]!.ref!.k === 'var' ? `b${t}.v = ${v};\n` : `S${t}(a, ${v});\n`);
  const em: ParseEmitter = {
    // with the memo, each value is kept in a local m<k> as well
    assign: (t, v) => set(t, memo ? `(m${t} = ${v})` : v),
    pattern: (k) => `E${k}(a)`,
    position: (k) => `pv(a, E${k})`,
  };
  const body = parseCode(items, em);
  // positions are taken as written only at DIGITS 9 or more (patternCode)
  const digits9 = items.some((it) => it.kind >= 3) ? 'a.numeric.digits >= 9' : 'true';
  const src =
    "'use strict';\n" +
    (boxes.length > 0 ? `let P = null, ${boxes.join(', ')};\n` : '') +
    (memo ? `let L = null, M = false, C = ${MEMO_TRIES}, ${targets.map((t) => `R${t} = ""`).join(', ')};\n` : '') +
    'return function parse(a, qs) {\n' +
    (boxes.length > 0
      ? `const vp = a.pool;\nlet ${boxes.map((b) => 'b' + b.slice(1)).join(', ')};\n` +
        `if (vp === P) { ${remembered.join(' ')} }\n` +
        `else { ${lookups.join(' ')} if (vp.settled()) { ${stores.join(' ')} P = vp; } }\n`
      : '') +
    (memo
      ? `const qmemo = C > 0, qsame = qmemo && qs === L;\n` +
        `if (qsame && M && ${digits9}) {\n${targets.map((t) => set(t, `R${t}`)).join('')}C = ${MEMO_TRIES};\nreturn;\n}\n` +
        `let ${targets.map((t) => `m${t} = ""`).join(', ')};\n`
      : '') +
    body +
    (memo
      ? `if (qmemo) {\nif (!qsame) { L = --C > 0 && qlen <= ${MEMO_MAX} ? qs : null; M = false; }\n` +
        `else if (${digits9}) { ${targets.map((t) => `R${t} = m${t};`).join(' ')} M = true; C = ${MEMO_TRIES}; }\n}\n`
      : '') +
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
