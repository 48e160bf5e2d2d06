/**
 * TRACE (ANSI X3.274-1996 §7.4.x "TRACE", TRL2 §11): settings and the trace
 * output format. Trace lines go to the host's trace stream (stderr under the
 * CLI, like Regina): `%6d *-* clause`, `       >>>   "value"`, `+++` for
 * failing commands. Under TRACE R the result of each expression is shown as
 * `>>>` (TRL2 style; see conformance NOTES.md).
 */
import type { Clause } from '../ast.js';
import type { Activation } from './activation.js';
import type { RexxHost } from '../host.js';
import { rexxError } from '../errors.js';

const LETTERS = 'ACEFILNOR';

/** Parse a TRACE setting: [?|!]*[letter...] or a whole number (interactive skip count). */
export function parseTraceSetting(
  setting: string,
  current: string,
  interactive: boolean,
): { letter: string; interactive: boolean } | undefined {
  const s = setting.trim();
  if (/^[+-]?[0-9]+$/.test(s)) return undefined;
  let i = 0;
  let inter = interactive;
  while (i < s.length && (s[i] === '?' || s[i] === '!')) {
    if (s[i] === '?') inter = !inter;
    i++;
  }
  if (i === s.length) return { letter: current, interactive: inter };
  const l = s[i]!.toUpperCase();
  if (!LETTERS.includes(l)) throw rexxError(24, 1, LETTERS, s[i]!);
  if (l === 'O') inter = false;
  return { letter: l, interactive: inter };
}

export class Tracer {
  constructor(private host: RexxHost) {}

  active(a: Activation): boolean {
    return a.trace === 'R' || a.trace === 'I';
  }

  private indent(a: Activation): string {
    return ' '.repeat(a.depth);
  }

  clause(a: Activation, c: Clause): void {
    const t = a.trace;
    if (t === 'E' || t === 'F') return;
    // TRACE C traces every command before it runs (ANSI §8.3.36), nothing else
    if (t === 'C' && c.k !== 'command') return;
    if (t === 'L' && c.k !== 'label') return;
    if (c.k === 'jump') return;
    const text = c.text ?? (c.k === 'label' ? `${c.name}:` : a.program.lines[c.line - 1]?.trim() ?? '');
    this.host.traceOut(`${String(c.line).padStart(6)} *-* ${this.indent(a)}${text}`);
  }

  result(a: Activation, v: string): void {
    this.host.traceOut(`       >>> ${this.indent(a)}  "${v}"`);
  }

  assigned(a: Activation, v: string): void {
    this.host.traceOut(`       >>> ${this.indent(a)}  "${v}"`);
  }

  commandFailed(a: Activation, c: Clause, rc: number): void {
    const text = c.text ?? '';
    if (a.trace === 'E' || a.trace === 'F' || a.trace === 'N') {
      this.host.traceOut(`${String(c.line).padStart(6)} *-* ${this.indent(a)}${text}`);
    }
    this.host.traceOut(`       +++ ${this.indent(a)}RC=${rc} +++`);
  }
}
