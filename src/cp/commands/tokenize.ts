/**
 * Blank-delimited operand parsing and abbreviation matching for CP commands
 * (STYLE.md §9 "commands/tokenize.ts"; CP-REFERENCE.md §0 "Abbreviations": a keyword
 * is accepted from its minimum abbreviation up to its full spelling).
 */

export class Operands {
  private readonly tokens: { text: string; start: number }[] = [];
  pos = 0;

  constructor(readonly text: string) {
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) this.tokens.push({ text: m[0], start: m.index });
  }

  get done(): boolean {
    return this.pos >= this.tokens.length;
  }

  get count(): number {
    return this.tokens.length - this.pos;
  }

  /** The next operand upper-cased, without consuming it. */
  peek(offset = 0): string | undefined {
    return this.tokens[this.pos + offset]?.text.toUpperCase();
  }

  /** Consume the next operand (upper-cased). */
  next(): string | undefined {
    return this.tokens[this.pos++]?.text.toUpperCase();
  }

  /** Consume the next operand as typed. */
  nextRaw(): string | undefined {
    return this.tokens[this.pos++]?.text;
  }

  /** Consume the next operand if it is the keyword (with its abbreviation). */
  accept(name: string, min = name.length): boolean {
    const w = this.peek();
    if (w !== undefined && abbrev(w, name, min)) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** The rest of the line from the next operand on, spacing kept (message text). */
  rest(): string {
    const t = this.tokens[this.pos];
    this.pos = this.tokens.length;
    return t ? this.text.slice(t.start).replace(/\s+$/, '') : '';
  }

  /** All remaining operands upper-cased, consuming them. */
  remaining(): string[] {
    const r = this.tokens.slice(this.pos).map((t) => t.text.toUpperCase());
    this.pos = this.tokens.length;
    return r;
  }
}

/** Does `word` (upper-case) abbreviate `name` with at least `min` characters? */
export function abbrev(word: string, name: string, min: number): boolean {
  return word.length >= min && word.length <= name.length && name.startsWith(word);
}

/** Find the first keyword a word abbreviates, in table order. */
export function matchKeyword<T extends { name: string; min: number }>(word: string, table: readonly T[]): T | undefined {
  const w = word.toUpperCase();
  return table.find((k) => abbrev(w, k.name, k.min));
}

/** Show a token in a message: printable, at most 16 characters (NON-IBM: CP shows it as typed). */
export function showToken(t: string): string {
  const s = t.replace(/[^\x20-\x7e]/g, '.');
  return s.length > 16 ? s.slice(0, 16) : s;
}
