/**
 * PARSE VAR / PARSE VALUE inside a compiled region (codegen.ts).
 *
 * The clause loop's closure for the clause (interpreter.ts compileClause
 * 'parse') is shared by every PARSE clause, so its calls of the source
 * getter and of the template's generated parser are megamorphic. Here the
 * region evaluates the source inline and calls the template's generated
 * parser (parse-codegen.ts, tpl.direct) at a call site of its own, which V8
 * can inline. Until the parser exists (the template's first uses, counted
 * by parseItems) or when tracing, the clause loop's closure runs the clause
 * as before; the source is then evaluated by it, once.
 *
 * Only a source without function calls is evaluated inline: its evaluation
 * then neither changes variables nor runs anything (a NOVALUE condition
 * raised by it is raised before any target is set, as in the closure), so
 * it may run between the locals' write-back and reload (ExprGen.outsideStmt)
 * that surround the parse, which sets its targets in their boxes.
 */
import type { Clause } from '../ast.js';
import type { Activation } from './activation.js';
import { hasCall, type ExprGen } from './codegen-expr.js';
import { compileTemplate } from './parse-template.js';

/**
 * The statements running the PARSE clause c in a region, or null when the
 * clause is not of the kind handled here. `plain` is the clause loop's
 * closure for it.
 */
export function regionParse(c: Clause, x: ExprGen, plain: (a: Activation) => unknown): string | null {
  if (c.k !== 'parse' || c.upper || c.lower || c.tpl.length !== 1) return null;
  const s = c.src;
  let src: string;
  if (s.k === 'var') {
    if (s.ref.k === 'stem') return null; // a stem's value: the closure's path (rare)
    src = x.genStr(s.ref);
  } else if (s.k === 'value') {
    if (hasCall(s.e)) return null;
    src = s.e !== null ? x.genStr(s.e) : '""';
  } else return null;
  const tpl = x.konst(compileTemplate(c.tpl[0]!));
  const direct =
    `if (${tpl}.direct !== null && a.trace !== "R" && a.trace !== "I") ${tpl}.direct(a, ${src});\n` +
    `else ${x.konst(plain)}(a);\n`;
  return x.outsideStmt(direct);
}
