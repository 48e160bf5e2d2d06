/**
 * A compiled call of a BIF that takes its arguments one by one (builtins/
 * direct.ts), for the region compiler (codegen-expr.ts genStr 'call').
 *
 * The arguments are evaluated, in the order written, into temporaries; the
 * call site (builtins/call-site.ts DirectBifSite) says whether the name still
 * reaches that BIF (no internal label shadows it, the BIF table has not
 * changed); if so the BIF's function is called with the temporaries, else
 * the general path (expression.ts 'call', with the variables kept in locals
 * written back around it) gets the same values as an array. The site is
 * asked once, when the region starts (guardDecls); each call then only
 * compares the BIF table's generation with the one its answer holds
 * (guard).
 *
 * What the general path checks per call and is settled here once:
 *  - the argument count (40.3, 40.4, 40.5 for a missing required argument):
 *    it depends only on which arguments are written, since every expression
 *    has a value; a call that would fail it is not compiled here, and the
 *    general call raises the error when it runs;
 *  - the conversion of integer arguments: at a whole-number parameter, an
 *    argument the region already has as an integer is passed as a number,
 *    only when String(number) is exactly the argument's value (types.ts
 *    DirectArg), so the BIF reads the same value and reports the same text
 *    in an error.
 *
 * A BIF whose value is a whole number (LENGTH, WORDS, POS ...) also has an
 * integer form (genDirectBifInt), for codegen-expr.ts genInt: `n +
 * length(word(s, j))` is then integer arithmetic, with no string made and
 * parsed again. An integer form must not raise anything or do anything (when
 * it gives NaN the caller evaluates the expression again on the string path,
 * which raises what there is to raise, in its order), so it is made only of
 * quiet forms: literals, variables read without NOVALUE (undefined when
 * unset), integer arithmetic, concatenation, and calls of BIFs with direct
 * forms whose errors are caught (call-site.ts quietCall); any undefined
 * argument, a shadowed name or an error gives NaN.
 */
import type { Expr } from '../ast.js';
import type { ExprGen } from './codegen-expr.js';
import type { BifSpec } from '../builtins/types.js';
import { lookupBuiltin, tableVersion } from '../builtins/registry.js';
import { DirectBifSite, quietCall, quietInt } from '../builtins/call-site.js';
import { plainDigits } from '../builtins/args.js';

type CallExpr = Extract<Expr, { k: 'call' }>;

/** A region's direct BIF sites, one per name as written (quoted or not): its constant and its local. */
interface Guard {
  site: string;
  local: string;
}

/** The guards of each region being generated (by its ExprGen). */
const GUARDS = new WeakMap<ExprGen, Map<string, Guard>>();

function guardOf(g: ExprGen, e: CallExpr, spec: BifSpec): Guard {
  let m = GUARDS.get(g);
  if (m === undefined) GUARDS.set(g, (m = new Map()));
  const key = `${e.quoted ? "'" : ''}${e.name}`;
  let r = m.get(key);
  if (r === undefined) m.set(key, (r = { site: g.konst(new DirectBifSite(e.name, e.quoted, spec)), local: `ok${m.size}` }));
  return r;
}

/** Whether the call reaches its BIF now: the generation its local holds is the table's (a JavaScript boolean). */
function guard(g: ExprGen, r: Guard): string {
  return `${g.konst(tableVersion)}.n === ${r.local}`;
}

/**
 * The declarations of the guards' locals, for the start of the region
 * function (codegen.ts source), once the region's code is made.
 */
export function guardDecls(g: ExprGen): string {
  let s = '';
  for (const r of GUARDS.get(g)?.values() ?? []) s += `const ${r.local} = ${r.site}.entry(a);\n`;
  return s;
}

/** Whether checkCount passes for these written arguments (omitted: null), whatever their values. */
export function countAlwaysOk(args: readonly (Expr | null | undefined)[], min: number, max: number): boolean {
  if (args.length > max) return false;
  for (let i = 0; i < min; i++) if (!args[i]) return false;
  return true;
}

/**
 * The call as JavaScript, or null when the BIF has no direct form or the
 * call would fail its count check. `spec`: the BIF the name finds
 * (lookupBuiltin, looked up once by the caller).
 */
export function genDirectBif(g: ExprGen, e: CallExpr, spec: BifSpec | undefined): string | null {
  const d = spec?.direct;
  if (spec === undefined || d === undefined || !countAlwaysOk(e.args, spec.min, spec.max)) return null;
  const r = guardOf(g, e, spec);
  const temps = e.args.map(() => g.temp());
  let sets = '';
  e.args.forEach((x, i) => {
    const v = !x ? 'undefined' : (d.ints >> i) & 1 ? intArg(g, x) : g.genStr(x);
    sets += `${temps[i]} = ${v}, `;
  });
  const list = temps.join(', ');
  const general = g.outside(`r_fn(a, ${JSON.stringify(e.name)}, ${e.quoted}, ${r.site}.args(${list}))`);
  return `(${sets}${guard(g, r)} ? ${g.konst(d.fn)}(a${list === '' ? '' : ', '}${list}) : ${general})`;
}

/**
 * An argument at a whole-number parameter: a number when the region has the
 * value as an integer whose string is the value (a literal written as its
 * plain digits, a variable in a local holding only its integer, an integer
 * result of arithmetic: codegen-expr.ts genStr makes that result's string
 * with String()), else its string.
 */
function intArg(g: ExprGen, x: Expr): string {
  switch (x.k) {
    case 'lit': {
      const n = plainDigits(x.v);
      return n >= 0 && String(n) === x.v ? String(n) : JSON.stringify(x.v);
    }
    case 'var': {
      if (!g.regs.has(x.name)) break;
      const b = g.box(x.name);
      return `(${b}v === null ? ${b}n : ${g.genStr(x)})`;
    }
    case 'bin': {
      const i = g.genIntTop(x);
      if (i === null) break;
      const t = g.temp();
      return `((${t} = ${i}) === ${t} ? ${t} : ${g.genStr(x)})`;
    }
    default:
      break;
  }
  return g.genStr(x);
}

/** The integer form of a call of an integer-valued BIF (NaN: see above), or null when it has none. */
export function genDirectBifInt(g: ExprGen, e: CallExpr): string | null {
  const spec = lookupBuiltin(e.name);
  const int = spec?.direct?.int;
  if (int === undefined) return null;
  return quietForm(g, e, spec!, `${g.konst(quietInt)}(${g.konst(int)}, a`, 'NaN');
}

/**
 * The quiet form of a call of direct BIF `spec` (`head`, the quiet function and
 * the BIF, then the arguments), giving `failed` when an argument is
 * undefined or the name does not reach the BIF; null when some argument has
 * no quiet form or the argument count would fail.
 */
function quietForm(g: ExprGen, e: CallExpr, spec: BifSpec, head: string, failed: string): string | null {
  const d = spec.direct;
  if (d === undefined || !countAlwaysOk(e.args, spec.min, spec.max)) return null;
  let sets = '';
  let tests = '';
  const list: string[] = [];
  for (let i = 0; i < e.args.length; i++) {
    const x = e.args[i];
    if (!x) {
      list.push('undefined');
      continue;
    }
    const q = quietArg(g, x, ((d.ints >> i) & 1) === 1);
    if (q === null) return null;
    const t = g.temp();
    sets += `${t} = ${q}, `;
    tests += `${t} === undefined || `;
    list.push(t);
  }
  const args = list.map((x) => `, ${x}`).join('');
  return `(${sets}${tests}!(${guard(g, guardOf(g, e, spec))}) ? ${failed} : ${head}${args}))`;
}

/**
 * x's value without raising anything: a string (a number at a whole-number
 * parameter when `int`, as in intArg), or undefined when evaluating x could
 * raise something (an unset variable, a BIF error); null when x has no such
 * form.
 */
function quietArg(g: ExprGen, x: Expr, int: boolean): string | null {
  switch (x.k) {
    case 'lit':
      return int ? intArg(g, x) : JSON.stringify(x.v);
    case 'var': {
      const b = g.box(x.name);
      if (!g.regs.has(x.name)) return `${b}.v`;
      return `(${b}v === null ? ${int ? `${b}n` : `String(${b}n)`} : ${b}v)`;
    }
    case 'bin': {
      const i = g.genIntTop(x);
      if (i === null) return null;
      const t = g.temp();
      return `((${t} = ${i}) === ${t} ? ${int ? t : `String(${t})`} : undefined)`;
    }
    case 'concat': {
      const l = quietArg(g, x.l, false);
      if (l === null) return null;
      const r = quietArg(g, x.r, false);
      if (r === null) return null;
      const tl = g.temp();
      const tr = g.temp();
      return `((${tl} = ${l}) === undefined || (${tr} = ${r}) === undefined ? undefined : ${tl} + ${x.blank ? '" " + ' : ''}${tr})`;
    }
    case 'call': {
      const spec = lookupBuiltin(x.name);
      if (spec?.direct === undefined) return null;
      return quietForm(g, x, spec, `${g.konst(quietCall)}(${g.konst(spec.direct.fn)}, a`, 'undefined');
    }
    default:
      return null;
  }
}
