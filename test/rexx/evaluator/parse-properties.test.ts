/**
 * PARSE templates (parse-template.ts parseItems, and the PARSE ARG fast path)
 * against a plain model of ANSI X3.274-1996 §7.4.8 as this interpreter has
 * always implemented it: patterns cut the source into pieces; the targets
 * before a pattern share its piece word by word (blank = space or tab), the
 * last one taking the rest less the one blank that ended the previous word.
 *
 * The model slices every piece and every word, as the original engine did;
 * the engine works on ranges of the source and skips trailing placeholders.
 * Every generated template is run through each way the interpreter parses:
 * the compiled PARSE VAR clause, PARSE VALUE, PARSE ARG, and traced PARSE
 * (where every assignment goes through assign()), once with the untraced
 * parses done by parse-codegen.ts's generated parser (made at the first use)
 * and once by parseItems' loop.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { run } from '../helpers.js';
import { parseCodegenOptions } from '../../../src/rexx/evaluator/parse-codegen.js';

const defaults = { ...parseCodegenOptions };
afterAll(() => Object.assign(parseCodegenOptions, defaults));

type Item =
  | { k: 't'; name: string | null }
  | { k: 'lit'; v: string }
  | { k: 'var'; v: string }
  | { k: 'abs'; n: number }
  | { k: 'rel'; n: number };

const NAMES = ['V1', 'V2', 'V3', 'V4', 'V5'];

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}

function assignPiece(vars: Map<string, string>, names: (string | null)[], piece: string): void {
  const words = [...piece];
  let pos = 0;
  names.forEach((name, idx) => {
    let value: string;
    if (idx === names.length - 1) value = piece.slice(pos);
    else {
      let i = pos;
      while (i < words.length && isBlank(words[i]!)) i++;
      let j = i;
      while (j < words.length && !isBlank(words[j]!)) j++;
      value = piece.slice(i, j);
      pos = j < piece.length ? j + 1 : piece.length;
    }
    if (name !== null) vars.set(name, value);
  });
}

function model(source: string, items: Item[]): Map<string, string> {
  const vars = new Map<string, string>();
  let cursor = 0;
  let lastStart = 0;
  let pending: (string | null)[] = [];
  for (const it of items) {
    if (it.k === 't') {
      pending.push(it.name);
      continue;
    }
    let piece: string;
    if (it.k === 'lit' || it.k === 'var') {
      const p = it.v === '' ? -1 : source.indexOf(it.v, cursor);
      piece = p < 0 ? source.slice(cursor) : source.slice(cursor, p);
      lastStart = p < 0 ? source.length : p;
      cursor = p < 0 ? source.length : p + it.v.length;
    } else {
      const target = it.k === 'abs' ? it.n - 1 : lastStart + it.n;
      const pos = Math.min(Math.max(target, 0), source.length);
      piece = pos > lastStart ? source.slice(lastStart, pos) : source.slice(lastStart);
      lastStart = pos;
      cursor = pos;
    }
    if (pending.length > 0) assignPiece(vars, pending, piece);
    pending = [];
  }
  if (pending.length > 0) assignPiece(vars, pending, source.slice(cursor));
  return vars;
}

/** The template in REXX syntax; a (var) pattern refers to P, =(var) to Q. */
function templateText(items: Item[]): string {
  return items
    .map((it) => {
      switch (it.k) {
        case 't':
          return it.name ?? '.';
        case 'lit':
          return `'${it.v}'`;
        case 'var':
          return '(P)';
        case 'abs':
          return it.n % 2 === 0 ? `${it.n}` : `=(Q${it.n})`;
        case 'rel':
          return it.n < 0 ? `-${-it.n}` : `+${it.n}`;
      }
    })
    .join(' ');
}

const ALPHABET = ['a', 'b', ' ', ' ', '\t', ',', 'x'];
const sourceArb = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 16 }).map((cs) => cs.join(''));
const patternText = fc.array(fc.constantFrom('a', 'b', ' ', ','), { maxLength: 2 }).map((cs) => cs.join(''));

const itemArb: fc.Arbitrary<Item> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom<string | null>(...NAMES, null).map((name): Item => ({ k: 't', name })) },
  { weight: 2, arbitrary: patternText.map((v): Item => ({ k: 'lit', v })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 18 }).map((n): Item => ({ k: 'abs', n })) },
  { weight: 1, arbitrary: fc.integer({ min: -6, max: 8 }).map((n): Item => ({ k: 'rel', n })) },
);

/** A template's items; a (var) pattern stands for the literal `pvar`. */
const caseArb = fc.record({
  source: sourceArb,
  items: fc.array(itemArb, { minLength: 1, maxLength: 9 }),
  pvar: patternText,
  varAt: fc.integer({ min: -1, max: 8 }),
});

function withVarPattern(items: Item[], varAt: number, pvar: string): Item[] {
  if (varAt < 0 || varAt >= items.length || items[varAt]!.k !== 'lit') return items;
  return items.map((it, i) => (i === varAt ? { k: 'var', v: pvar } : it));
}

/** REXX string literal for any test string. */
function quote(s: string): string {
  return `'${s.replace(/\t/g, "'||'09'x||'")}'`;
}

/** SAY line showing every target after a parse (placeholders leave the '?' set before). */
const SHOW = `say ${NAMES.map((n) => `'[' || ${n} || ']'`).join(' || ')}`;

function expected(vars: Map<string, string>): string {
  return NAMES.map((n) => `[${vars.get(n) ?? '?'}]`).join('') + '\n';
}

function program(source: string, items: Item[], pvar: string): string {
  const tpl = templateText(items);
  const absVars = items.flatMap((it) => (it.k === 'abs' && it.n % 2 === 1 ? [`Q${it.n} = ${it.n}`] : []));
  const init = [...NAMES.map((n) => `${n} = '?'`), `P = ${quote(pvar)}`, ...absVars].join('; ');
  return [
    `s = ${quote(source)}; ${init}`,
    `parse var s ${tpl}`,
    SHOW,
    init,
    `parse value s with ${tpl}`,
    SHOW,
    init,
    `call sub s`,
    SHOW,
    init,
    'trace r',
    `parse var s ${tpl}`,
    "trace n",
    SHOW,
    'exit',
    'sub: procedure expose V1 V2 V3 V4 V5 P Q1 Q3 Q5 Q7 Q9 Q11 Q13 Q15 Q17',
    `parse arg ${tpl}`,
    'return',
  ].join('\n');
}

/** The same tests with the untraced parses generated, and not. */
const MODES = [
  { name: 'generated parsers', enabled: true },
  { name: "parseItems' loop", enabled: false },
];

describe.each(MODES)('PARSE templates against the model ($name)', ({ enabled }) => {
  const setMode = () => Object.assign(parseCodegenOptions, { enabled, hotUses: 1 });

  it('every parse path assigns what the model does', () => {
    setMode();
    fc.assert(
      fc.property(caseArb, ({ source, items, pvar, varAt }) => {
        const its = withVarPattern(items, varAt, pvar);
        const want = expected(model(source, its));
        const r = run(program(source, its, pvar));
        expect(r.out, templateText(its)).toBe(want.repeat(4));
      }),
      { numRuns: 250 },
    );
  });

  it('PARSE ARG with several templates parses argument i with template i', () => {
    setMode();
    // templates over disjoint targets: V1..V3 in the first, V4 V5 in the second
    const first = fc.array(
      fc.oneof(itemArb.filter((it) => it.k !== 't'), fc.constantFrom<string | null>('V1', 'V2', 'V3', null).map((name): Item => ({ k: 't', name }))),
      { maxLength: 6 },
    );
    const second = fc.array(
      fc.oneof(itemArb.filter((it) => it.k !== 't'), fc.constantFrom<string | null>('V4', 'V5', null).map((name): Item => ({ k: 't', name }))),
      { maxLength: 6 },
    );
    const arg = fc.option(sourceArb, { nil: undefined });
    fc.assert(
      fc.property(first, second, arg, arg, fc.boolean(), (t1, t2, s1, s2, upper) => {
        const src1 = upper ? (s1 ?? '').toUpperCase() : (s1 ?? '');
        const src2 = upper ? (s2 ?? '').toUpperCase() : (s2 ?? '');
        const vars = new Map([...model(src1, t1), ...model(src2, t2)]);
        const absVars = [...t1, ...t2].flatMap((it) => (it.k === 'abs' && it.n % 2 === 1 ? [`Q${it.n} = ${it.n}`] : []));
        // an omitted last argument is left out: a line ending in a comma continues
        const args = s2 === undefined ? (s1 === undefined ? '' : quote(s1)) : `${s1 === undefined ? '' : quote(s1)}, ${quote(s2)}`;
        // three calls: the first parses by parseItems (making the parsers), the
        // later ones by the generated function that runs every template
        const init = [...NAMES.map((n) => `${n} = '?'`), `P = ''`, ...absVars].join('; ');
        const call = [init, `call sub ${args}`, SHOW];
        const src = [
          ...call,
          ...call,
          ...call,
          'exit',
          'sub: procedure expose V1 V2 V3 V4 V5 P Q1 Q3 Q5 Q7 Q9 Q11 Q13 Q15 Q17',
          // on one line with RETURN: an empty last template would leave a comma at the end of the line
          `parse ${upper ? 'upper ' : ''}arg ${templateText(t1)}, ${templateText(t2)}; return`,
        ].join('\n');
        expect(run(src).out, src).toBe(expected(vars).repeat(3));
      }),
      { numRuns: 200 },
    );
  });
});

describe('PARSE details', () => {
  it('a position written as a number is what =(var) gives, also below DIGITS 9', () => {
    const src = [
      "s = copies('abcdefghij', 20); p = 123; q = 45",
      'do d = 9 to 1 by -4',
      '  numeric digits d',
      '  parse var s 123 x +45 y',
      '  parse var s =(p) x2 +(q) y2',
      "  say d (x == x2) (y == y2) length(x) length(y)",
      'end',
    ].join('\n');
    expect(run(src).out).toBe(run(src.replace('parse var s 123 x +45 y', 'parse var s =(p) x +(q) y')).out);
    expect(run(src).out.split('\n')[0]).toBe('9 1 1 45 33');
  });

  it('a bad position raises Error 26.4 on its line, from a generated parser too', () => {
    for (const enabled of [true, false]) {
      Object.assign(parseCodegenOptions, { enabled, hotUses: 2 });
      const r = run("s = 'abcdef'\ndo i = 1 to 5\n  q = i\n  if i = 4 then q = 'x'\n  parse var s =(q) v\nend\n");
      expect(r.error?.codeText).toBe('26.4');
      expect(r.err).toContain('line 5');
    }
  });

  it('targets are set left to right: a compound target sees the targets set before it', () => {
    const src = [
      "s. = '-'; out = ''",
      'do k = 1 to 4',
      "  parse value k 'v'k 'w'k with i s.i j s.j . (i) rest",
      '  out = out i s.i j s.j rest',
      'end',
      'say out s.1 s.4',
    ].join('\n');
    const outputs = [true, false].map((enabled) => {
      Object.assign(parseCodegenOptions, { enabled, hotUses: 1 });
      return run(src).out;
    });
    expect(outputs[0]).toBe(outputs[1]);
    // as Regina 3.6 says it
    expect(outputs[0]).toBe(' 1 v1 w1   2 v2 w2   3 v3 w3   4 v4 w4   v1 v4\n');
  });

  it('skips nothing observable for trailing placeholders', () => {
    const r = run("parse value ' a  b c ' with x . . \nsay '[' || x || ']'\nparse value 'k1 k2 k3' with . y . 'k3' z .\nsay '[' || y || '][' || z || ']'");
    expect(r.out).toBe('[a]\n[k2][]\n');
  });
});

/**
 * PARSE in compiled regions (codegen.ts calling parse-region.ts): the same
 * templates parsed in a loop, where after its first uses the region calls the
 * template's generated parser itself, with the source evaluated inline. The
 * loop runs in the main program and in a procedure called twice (each call a
 * new variable pool, so the parser's boxes are looked up again; V1 exposed:
 * the caller's box), the PARSE under an IF (the region then keeps its other
 * variables in locals, written back around the parse), against the model and
 * against the clause loop.
 */
describe('PARSE in compiled regions', () => {
  const regionProgram = (sources: string[], items: Item[], pvar: string): string => {
    const tpl = templateText(items);
    const absVars = items.flatMap((it) => (it.k === 'abs' && it.n % 2 === 1 ? [`Q${it.n} = ${it.n}`] : []));
    const init = [...NAMES.map((n) => `${n} = '?'`), `P = ${quote(pvar)}`, ...absVars].join('; ');
    const loop = [
      "out = ''; m = 0",
      'do k = 1 to 12',
      `  j = k // ${sources.length} + 1; ${init}`,
      '  if k // 2 = 0 then do',
      `    parse var src.j ${tpl}`,
      '    m = m + k',
      '  end',
      `  else parse value src.j with ${tpl}`,
      `  out = out || j || ${NAMES.map((n) => `'[' || ${n} || ']'`).join(' || ')} || '/'`,
      'end',
      "say out m",
    ];
    return [
      ...sources.map((s, i) => `src.${i + 1} = ${quote(s)}`),
      ...loop,
      'call sub; call sub',
      'exit',
      'sub: procedure expose src. V1',
      ...loop,
      'return',
    ].join('\n');
  };
  const expectedLine = (sources: string[], items: Item[]): string => {
    let out = '';
    let m = 0;
    for (let k = 1; k <= 12; k++) {
      const j = (k % sources.length) + 1;
      if (k % 2 === 0) m += k;
      const vars = model(sources[j - 1]!, items);
      out += `${j}${NAMES.map((n) => `[${vars.get(n) ?? '?'}]`).join('')}/`;
    }
    return `${out} ${m}\n`;
  };

  it('assigns what the model does, with the region compiler and without', async () => {
    const { codegenOptions } = await import('../../../src/rexx/evaluator/codegen.js');
    try {
      fc.assert(
        fc.property(fc.array(sourceArb, { minLength: 1, maxLength: 3 }), caseArb, (sources, { items, pvar, varAt }) => {
          const its = withVarPattern(items, varAt, pvar);
          const src = regionProgram(sources, its, pvar);
          const want = expectedLine(sources, its).repeat(3);
          for (const regions of [true, false]) {
            codegenOptions.enabled = regions;
            Object.assign(parseCodegenOptions, { enabled: true, hotUses: 3 });
            expect(run(src).out, src).toBe(want);
          }
        }),
        { numRuns: 120 },
      );
    } finally {
      codegenOptions.enabled = true;
      Object.assign(parseCodegenOptions, defaults);
    }
  });

  it('reports an error in a generated parser on the PARSE line, variables set before it kept', () => {
    Object.assign(parseCodegenOptions, { enabled: true, hotUses: 2 });
    const src = [
      "s = 'abcdef'; n = 0",
      'signal on syntax',
      'do i = 1 to 9',
      '  q = i; if i = 6 then q = "x"',
      '  n = n + 1',
      '  if i > 0 then parse var s v1 +1 v2 =(q) v3',
      'end',
      'syntax: say sigl rc n v1 v2 v3',
    ].join('\n');
    expect(run(src).out).toBe('6 26 6 a bcd ef\n');
    Object.assign(parseCodegenOptions, defaults);
  });

  it('a NOVALUE source raises the condition before any target is set', () => {
    Object.assign(parseCodegenOptions, { enabled: true, hotUses: 1 });
    const src = [
      "s = 'x y'; t = 'x y'",
      'signal on novalue',
      'do i = 1 to 5',
      '  if i = 4 then drop t',
      '  parse var t a b',
      "  a = 'A'i",
      'end',
      'novalue: say sigl a b condition("D")',
    ].join('\n');
    expect(run(src).out).toBe('5 A3 y T\n');
    Object.assign(parseCodegenOptions, defaults);
  });
});
