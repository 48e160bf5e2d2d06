/**
 * PARSE VAR / PARSE VALUE inside a compiled region (codegen.ts), without
 * the clause loop's closure for the clause: the region evaluates the source
 * itself, so the clause no longer makes it look into the pool behind its
 * back (ExprGen.escape), and a loop of PARSE and arithmetic can keep its
 * variables in locals. Two ways:
 *
 *  - A template whose patterns are all constants (literal strings, numeric
 *    positions: the common case) is run by its generated parser
 *    (parse-codegen.ts generateParser), called from here at a call site of
 *    its own. The parser sets its targets in their boxes, so these (and the
 *    variables in the tails of compound targets, which its assigners read
 *    from the pool) are pinned to their boxes (ExprGen.pinned); the
 *    region's other variables may still live in locals. The parser is a
 *    function of its own, which V8 optimises on its own and soon: written
 *    into the region, the word scans of a long template made the region so
 *    large that V8 took 250 ms and more to optimise it (bench b4), longer
 *    than the benchmark runs the loop.
 *  - Any other template (variable patterns, computed positions, whose
 *    expressions may read any variable) is written into the region
 *    (parse-codegen.ts parseCode) with the region's own code for what it
 *    evaluates and sets: patterns evaluated by the region's expression
 *    generator, targets set as the region sets any variable.
 *
 * The order is the clause loop's (interpreter.ts compileClause 'parse',
 * parse-template.ts parseItems): the source first, then each pattern
 * evaluated or looked for before the targets in front of it are set, left to
 * right. A NOVALUE condition raised by an expression here is raised at the
 * same point, with the earlier targets set, as in the clause loop.
 *
 * Nothing here traces: a region runs only with TRACE N or O (TRACE and
 * TRACE() keep a loop from being compiled, a routine or handler it calls
 * has tracing settings of its own, and an INTERPRET that turns tracing on
 * hands the rest of the loop to the clause loop: codegen.ts).
 */
import type { Clause, Expr, TemplateItem } from '../ast.js';
import { hasCall, type ExprGen } from './codegen-expr.js';
import { compileTemplate, directParser, wholePosition, type Item } from './parse-template.js';
import { parseCode, parseCodegenOptions, type ParseEmitter } from './parse-codegen.js';

/** The expression a pattern evaluates (a variable pattern's variable, a position's expression). */
function patternExpr(it: TemplateItem): Expr {
  if (it.k === 'varpat') return it.ref as Expr;
  if (it.k === 'abs' || it.k === 'rel') return it.e;
  throw new Error('patternExpr: not a pattern with an expression');
}

/** Whether pattern item `it` needs no variable: a literal, or a position written as a number. */
function constantPattern(it: Item): boolean {
  return it.kind === 1 || (it.kind >= 3 && it.n >= 0);
}

/**
 * The statements running the PARSE clause c in a region, or null when the
 * clause is not of the kind handled here (the caller then runs the clause
 * loop's closure for it).
 */
export function regionParse(c: Clause, x: ExprGen): string | null {
  if (c.k !== 'parse' || c.upper || c.lower || c.tpl.length !== 1 || !parseCodegenOptions.enabled) return null;
  const s = c.src;
  let src: string;
  if (s.k === 'var') {
    if (s.ref.k === 'stem') return null; // a stem's value: the closure's path (rare)
    src = x.genStr(s.ref);
  } else if (s.k === 'value') src = s.e !== null ? x.genStr(s.e) : '""';
  else return null;
  // (a function call in the source: the pending CALL ON handlers run at the end of the clause)
  const pend = s.k === 'value' && hasCall(s.e) ? x.pend() : '';
  const tpl = compileTemplate(c.tpl[0]!);
  if (tpl.items.every((it) => it.kind === 0 || constantPattern(it))) {
    for (const it of tpl.items) {
      const ref = it.ref;
      if (ref === null || it.kind !== 0) continue;
      if (ref.k === 'var') x.pinned.add(ref.name);
      else if (ref.k === 'comp') for (const p of ref.tail) if ('v' in p) x.pinned.add(p.v);
    }
    return `${x.konst(directParser(tpl))}(a, ${src});\n` + pend;
  }
  return inlineParse(c.tpl[0]!, tpl.items, x, src) + pend;
}

/** The template's code written into the region, parsing the JS string expression src. */
function inlineParse(written: TemplateItem[], items: Item[], x: ExprGen, src: string): string {
  const pos = x.konst(wholePosition);
  const em: ParseEmitter = {
    assign: (t, v) => {
      const ref = items[t]!.ref!;
      if (ref.k === 'var') return x.setStr(ref.name, v);
      if (ref.k === 'stem') return `${x.stem(ref.name)}.assignAll(${v});\n`;
      return x.setComp(ref.stem, ref.tail, v);
    },
    pattern: (k) => x.genStr(patternExpr(written[k]!)),
    position: (k) => `${pos}(a, ${x.genStr(patternExpr(written[k]!))})`,
  };
  const code = `{\nconst qs = ${src};\n${parseCode(items, em)}}\n`;
  // (a function call in a pattern: the pending CALL ON handlers run at the end of the clause)
  const calls = written.some((it) => it.k !== 'target' && it.k !== 'lit' && hasCall(patternExpr(it)));
  return calls ? code + x.pend() : code;
}
