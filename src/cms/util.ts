/**
 * Small helpers shared by the CMS commands: tokenizing a CMS command line (tokens and
 * the options after "("), file ids with `*` patterns, DMS messages.
 */

export interface Parsed {
  /** the operands before "(" (as typed) */
  words: string[];
  /** the options after "(" (upper case; a closing ")" dropped) */
  options: string[];
}

export function parseLine(text: string): Parsed {
  const paren = text.indexOf('(');
  const head = paren < 0 ? text : text.slice(0, paren);
  let tail = paren < 0 ? '' : text.slice(paren + 1);
  tail = tail.replace(/\)\s*$/, '');
  return {
    words: head.split(/\s+/).filter((w) => w !== ''),
    options: tail.split(/\s+/).filter((w) => w !== '').map((w) => w.toUpperCase()),
  };
}

/** A `*`/`%` pattern on a file name or type (CMS LISTFILE patterns). */
export function patternMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (!/[*%]/.test(pattern)) return pattern === value;
  const re = new RegExp('^' + pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/%/g, '.') + '$');
  return re.test(value);
}

/** Does an option word match a keyword with a minimum abbreviation? */
export function abbrev(word: string, keyword: string, min: number): boolean {
  const w = word.toUpperCase();
  return w.length >= min && w.length <= keyword.length && keyword.startsWith(w);
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** mm/dd/yy and hh:mm:ss (UTC, as the rest of vmrexx) */
export function cmsDate(ms: number): { date: string; time: string; isoDate: string } {
  const d = new Date(ms);
  return {
    date: `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${pad2(d.getUTCFullYear() % 100)}`,
    time: `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`,
    isoDate: `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`,
  };
}

export function hex3(vdev: number): string {
  return vdev.toString(16).toUpperCase().padStart(3, '0');
}
