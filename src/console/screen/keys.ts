/**
 * Keys of the full-screen console: which terminal keys stand for which 3270 keys,
 * and a parser that turns a raw-mode byte stream (xterm, VT220, Linux console,
 * xterm.js in a browser) into key events.
 *
 * | 3270 key / action   | terminal keys                                          |
 * | ------------------- | ------------------------------------------------------ |
 * | ENTER               | Enter (CR, LF, CR LF), keypad Enter                    |
 * | PA1 (attention)     | Ctrl-C, Esc 1                                          |
 * | PA2 (clear output)  | Ctrl-W, Esc 2                                          |
 * | PA3                 | Esc 3                                                  |
 * | CLEAR               | Ctrl-L, Esc c                                          |
 * | PF1-PF12            | F1-F12                                                 |
 * | PF13-PF24           | Shift+F1-F12 (also VT220 F13-F20 = PF13-PF20)          |
 * | cursor left / right | Left / Right, Ctrl-B / Ctrl-F                          |
 * | cursor up / down    | Up / Down (between the two input rows)                 |
 * | Home / End          | Home / End, Ctrl-A / Ctrl-E (start / end of the input) |
 * | backspace           | Backspace (DEL or BS)                                  |
 * | DELETE              | Delete, Ctrl-D                                         |
 * | INSERT mode         | Insert (toggles insert / overwrite; insert at start)   |
 * | ERASE EOF           | Ctrl-K                                                 |
 * | ERASE INPUT         | Ctrl-U                                                 |
 * | TAB / BACKTAB       | Tab / Shift+Tab (to the start of the input area)       |
 * | leave the console   | Ctrl-] (local: closes this console, not a 3270 key)    |
 *
 * "Esc x" means Esc pressed and released, then x (an Alt+x that sends ESC x works
 * too).  An Esc followed by any other key is dropped and that key acts normally.
 * In a browser, Ctrl-W and some F-keys belong to the browser; use Esc 2 and the
 * page's key bar there.
 */

export type AidKind = 'PA1' | 'PA2' | 'PA3' | 'CLEAR';

export type EditKey =
  | 'enter'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'insert'
  | 'tab'
  | 'backtab'
  | 'eraseEof'
  | 'eraseInput'
  | 'quit';

export type KeyEvent =
  | { type: 'char'; ch: string }
  | { type: 'edit'; key: EditKey }
  | { type: 'aid'; kind: AidKind }
  | { type: 'pf'; n: number };

export interface KeyBinding {
  /** The 3270 key or editing action. */
  readonly action: string;
  /** Terminal keys that produce it. */
  readonly keys: readonly string[];
  /** Bytes a terminal sends for the first key (what a key bar in a page sends). */
  readonly sequence: string;
}

/** The documented key map (same as the table above). */
export const KEY_MAP: readonly KeyBinding[] = [
  { action: 'ENTER', keys: ['Enter', 'keypad Enter'], sequence: '\r' },
  { action: 'PA1', keys: ['Ctrl-C', 'Esc 1'], sequence: '\x1b1' },
  { action: 'PA2', keys: ['Ctrl-W', 'Esc 2'], sequence: '\x1b2' },
  { action: 'PA3', keys: ['Esc 3'], sequence: '\x1b3' },
  { action: 'CLEAR', keys: ['Ctrl-L', 'Esc c'], sequence: '\x1bc' },
  ...Array.from({ length: 12 }, (_, i) => ({ action: `PF${i + 1}`, keys: [`F${i + 1}`], sequence: fKeySequence(i + 1, false) })),
  ...Array.from({ length: 12 }, (_, i) => ({
    action: `PF${i + 13}`,
    keys: i < 8 ? [`Shift+F${i + 1}`, `F${i + 13}`] : [`Shift+F${i + 1}`],
    sequence: fKeySequence(i + 1, true),
  })),
  { action: 'cursor left / right', keys: ['Left', 'Right', 'Ctrl-B', 'Ctrl-F'], sequence: '\x1b[D' },
  { action: 'cursor up / down', keys: ['Up', 'Down'], sequence: '\x1b[A' },
  { action: 'start / end of input', keys: ['Home', 'End', 'Ctrl-A', 'Ctrl-E'], sequence: '\x1b[H' },
  { action: 'backspace', keys: ['Backspace'], sequence: '\x7f' },
  { action: 'DELETE', keys: ['Delete', 'Ctrl-D'], sequence: '\x1b[3~' },
  { action: 'INSERT mode', keys: ['Insert'], sequence: '\x1b[2~' },
  { action: 'ERASE EOF', keys: ['Ctrl-K'], sequence: '\x0b' },
  { action: 'ERASE INPUT', keys: ['Ctrl-U'], sequence: '\x15' },
  { action: 'TAB / BACKTAB', keys: ['Tab', 'Shift+Tab'], sequence: '\t' },
  { action: 'leave the console', keys: ['Ctrl-]'], sequence: '\x1d' },
];

/** xterm's bytes for F`n` (1..12), optionally with Shift. */
export function fKeySequence(n: number, shift: boolean): string {
  if (n < 1 || n > 12) throw new RangeError(`F${n}`);
  if (n <= 4) {
    const final = 'PQRS'[n - 1]!;
    return shift ? `\x1b[1;2${final}` : `\x1bO${final}`;
  }
  const code = [15, 17, 18, 19, 20, 21, 23, 24][n - 5]!;
  return shift ? `\x1b[${code};2~` : `\x1b[${code}~`;
}

/** The key map as plain text (a help screen, `--help`). */
export function keyMapText(): string {
  const w = Math.max(...KEY_MAP.map((b) => b.action.length));
  const rows = KEY_MAP.filter((b) => !/^PF(?:[2-9]|1[0-2]|1[4-9]|2[0-4])$/.test(b.action)).map((b) => {
    if (b.action === 'PF1') return `${'PF1-PF12'.padEnd(w)}  F1-F12`;
    if (b.action === 'PF13') return `${'PF13-PF24'.padEnd(w)}  Shift+F1-F12 (VT220 F13-F20 too)`;
    return `${b.action.padEnd(w)}  ${b.keys.join(', ')}`;
  });
  return rows.join('\n');
}

/** `CSI n ~` codes of the function keys: F1-F5 (rxvt/Linux), F6-F12, VT220 F13-F20. */
const TILDE_F: Readonly<Record<number, number>> = {
  11: 1, 12: 2, 13: 3, 14: 4, 15: 5, 17: 6, 18: 7, 19: 8, 20: 9, 21: 10, 23: 11, 24: 12,
  25: 13, 26: 14, 28: 15, 29: 16, 31: 17, 32: 18, 33: 19, 34: 20,
};

const TILDE_EDIT: Readonly<Record<number, EditKey>> = {
  1: 'home', 2: 'insert', 3: 'delete', 4: 'end', 7: 'home', 8: 'end',
};

const LETTER_EDIT: Readonly<Record<string, EditKey>> = {
  A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end',
};

/** Longest control sequence kept; longer ones are garbage and dropped. */
const MAX_SEQUENCE = 32;

type State = 'ground' | 'esc' | 'csi' | 'ss3' | 'linux' | 'utf8';

/**
 * Raw-mode input bytes to key events.  Sequences may be split across chunks; any
 * byte string is accepted (unknown sequences are dropped), and the parser never
 * holds more than a few dozen bytes.
 */
export class KeyParser {
  private state: State = 'ground';
  private seq = '';
  private utf8Need = 0;
  private utf8Code = 0;
  private lastCR = false;

  /** Parse a chunk; strings are taken as UTF-8 text. */
  feed(data: Uint8Array | string): KeyEvent[] {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const out: KeyEvent[] = [];
    for (let i = 0; i < bytes.length; i++) this.byte(bytes[i]!, out);
    return out;
  }

  /** In the middle of a sequence (tests, and to tell a lone Esc). */
  get pending(): boolean {
    return this.state !== 'ground';
  }

  private byte(b: number, out: KeyEvent[]): void {
    switch (this.state) {
      case 'ground':
        return this.ground(b, out);
      case 'esc':
        return this.esc(b, out);
      case 'csi':
        return this.csi(b, out);
      case 'ss3':
        return this.ss3(b, out);
      case 'linux':
        this.state = 'ground';
        if (b >= 0x41 && b <= 0x45) out.push({ type: 'pf', n: b - 0x40 }); // ESC [ [ A..E: F1-F5
        return;
      case 'utf8':
        return this.utf8(b, out);
    }
  }

  private ground(b: number, out: KeyEvent[]): void {
    const wasCR = this.lastCR;
    this.lastCR = false;
    if (b >= 0x20 && b < 0x7f) {
      out.push({ type: 'char', ch: String.fromCharCode(b) });
      return;
    }
    switch (b) {
      case 0x1b:
        this.state = 'esc';
        return;
      case 0x0d:
        this.lastCR = true;
        out.push({ type: 'edit', key: 'enter' });
        return;
      case 0x0a:
        if (!wasCR) out.push({ type: 'edit', key: 'enter' });
        return;
      case 0x7f:
      case 0x08:
        out.push({ type: 'edit', key: 'backspace' });
        return;
      case 0x09:
        out.push({ type: 'edit', key: 'tab' });
        return;
      case 0x03:
        out.push({ type: 'aid', kind: 'PA1' });
        return;
      case 0x17:
        out.push({ type: 'aid', kind: 'PA2' });
        return;
      case 0x0c:
        out.push({ type: 'aid', kind: 'CLEAR' });
        return;
      case 0x01:
        out.push({ type: 'edit', key: 'home' });
        return;
      case 0x05:
        out.push({ type: 'edit', key: 'end' });
        return;
      case 0x02:
        out.push({ type: 'edit', key: 'left' });
        return;
      case 0x06:
        out.push({ type: 'edit', key: 'right' });
        return;
      case 0x04:
        out.push({ type: 'edit', key: 'delete' });
        return;
      case 0x0b:
        out.push({ type: 'edit', key: 'eraseEof' });
        return;
      case 0x15:
        out.push({ type: 'edit', key: 'eraseInput' });
        return;
      case 0x1d:
        out.push({ type: 'edit', key: 'quit' });
        return;
      default:
        break;
    }
    if (b >= 0xc2 && b <= 0xf4) {
      this.utf8Need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
      this.utf8Code = b & (b >= 0xf0 ? 0x07 : b >= 0xe0 ? 0x0f : 0x1f);
      this.state = 'utf8';
    }
    // other C0 controls, stray continuation bytes, invalid leads: ignored
  }

  private utf8(b: number, out: KeyEvent[]): void {
    if ((b & 0xc0) !== 0x80) {
      // Broken sequence: drop it and take this byte afresh.
      this.state = 'ground';
      this.ground(b, out);
      return;
    }
    this.utf8Code = (this.utf8Code << 6) | (b & 0x3f);
    if (--this.utf8Need > 0) return;
    this.state = 'ground';
    const cp = this.utf8Code;
    if (cp >= 0xa0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) out.push({ type: 'char', ch: String.fromCodePoint(cp) });
  }

  private esc(b: number, out: KeyEvent[]): void {
    this.state = 'ground';
    switch (b) {
      case 0x5b: // [
        this.state = 'csi';
        this.seq = '';
        return;
      case 0x4f: // O
        this.state = 'ss3';
        this.seq = '';
        return;
      case 0x31:
        out.push({ type: 'aid', kind: 'PA1' });
        return;
      case 0x32:
        out.push({ type: 'aid', kind: 'PA2' });
        return;
      case 0x33:
        out.push({ type: 'aid', kind: 'PA3' });
        return;
      case 0x63:
      case 0x43:
        out.push({ type: 'aid', kind: 'CLEAR' });
        return;
      case 0x1b:
        this.state = 'esc'; // Esc Esc: the first one is dropped
        return;
      default:
        this.ground(b, out); // Esc then another key: the key acts as usual
    }
  }

  private csi(b: number, out: KeyEvent[]): void {
    if (this.seq === '' && b === 0x5b) {
      this.state = 'linux';
      return;
    }
    if (b >= 0x20 && b <= 0x3f) {
      this.seq += String.fromCharCode(b);
      if (this.seq.length > MAX_SEQUENCE) this.state = 'ground';
      return;
    }
    this.state = 'ground';
    if (b < 0x40 || b > 0x7e) {
      // Not a final byte: the sequence is broken; a control byte still counts.
      if (b < 0x20 || b >= 0x80) this.ground(b, out);
      return;
    }
    const final = String.fromCharCode(b);
    if (!/^[0-9;]*$/.test(this.seq)) return; // private sequences (focus, mouse, ...) are not keys
    const params = this.seq.split(';').map((p) => (p === '' ? 0 : Number(p)));
    const first = params[0] ?? 0;
    const modifier = params[1] ?? 1;
    const shift = modifier >= 2 && ((modifier - 1) & 1) === 1;
    if (final === '~') {
      const f = TILDE_F[first];
      if (f !== undefined) {
        out.push({ type: 'pf', n: shift && f <= 12 ? f + 12 : f });
        return;
      }
      const edit = TILDE_EDIT[first];
      if (edit) out.push({ type: 'edit', key: edit });
      return;
    }
    if (final === 'Z') {
      out.push({ type: 'edit', key: 'backtab' });
      return;
    }
    const fi = 'PQRS'.indexOf(final);
    if (fi >= 0) {
      out.push({ type: 'pf', n: fi + 1 + (shift ? 12 : 0) });
      return;
    }
    const edit = LETTER_EDIT[final];
    if (edit) out.push({ type: 'edit', key: edit });
  }

  private ss3(b: number, out: KeyEvent[]): void {
    if (b >= 0x30 && b <= 0x39 && this.seq.length < 2) {
      this.seq += String.fromCharCode(b); // ESC O 2 P: a modifier
      return;
    }
    this.state = 'ground';
    const final = String.fromCharCode(b);
    const shift = this.seq !== '' && ((Number(this.seq) - 1) & 1) === 1;
    const fi = 'PQRS'.indexOf(final);
    if (fi >= 0) {
      out.push({ type: 'pf', n: fi + 1 + (shift ? 12 : 0) });
      return;
    }
    if (final === 'M') {
      out.push({ type: 'edit', key: 'enter' });
      return;
    }
    const edit = LETTER_EDIT[final];
    if (edit) {
      out.push({ type: 'edit', key: edit });
      return;
    }
    if (b < 0x20) this.ground(b, out);
  }
}
