/**
 * 3278/3279 display models and the terminal-type names that select them.
 *
 * Model 2 is 24x80 (the default screen, selected by Erase/Write); models 3-5 have an
 * alternate screen size, selected by Erase/Write Alternate: 32x80, 43x80, 27x132
 * (CONSOLE-3270.md §2.2, verified with s3270).  A `-E` suffix (e.g. `IBM-3278-4-E`)
 * means the terminal accepts the extended data stream (SFE, SA, WSF, colours).
 */

export type ModelNumber = 2 | 3 | 4 | 5;

export interface Model {
  readonly model: ModelNumber;
  readonly rows: number;
  readonly cols: number;
}

export const MODELS: Readonly<Record<ModelNumber, Model>> = {
  2: { model: 2, rows: 24, cols: 80 },
  3: { model: 3, rows: 32, cols: 80 },
  4: { model: 4, rows: 43, cols: 80 },
  5: { model: 5, rows: 27, cols: 132 },
};

/** The default (Erase/Write) screen of every model. */
export const DEFAULT_ROWS = 24;
export const DEFAULT_COLS = 80;

export interface TerminalType {
  /** The name as the client sent it, upper-cased. */
  readonly name: string;
  readonly model: Model;
  /** `-E`: extended data stream (SFE, colours) accepted. */
  readonly extended: boolean;
  /** `IBM-DYNAMIC` (TN3270E only): size to be learned from a query reply; we treat it as model 2. */
  readonly dynamic: boolean;
  /** The screen is not 24x80, so writes must use Erase/Write Alternate. */
  readonly alternate: boolean;
}

const DISPLAY = /^IBM-327[89]-([2-5])(-E)?$/;

/**
 * Classify a terminal type.  Returns undefined for anything that is not a 3278/3279
 * display (printers such as IBM-3287-1, line-mode types such as VT100 or XTERM).
 */
export function parseTerminalType(raw: string): TerminalType | undefined {
  const name = raw.trim().toUpperCase();
  const m = DISPLAY.exec(name);
  if (m) {
    const model = MODELS[Number(m[1]) as ModelNumber];
    return { name, model, extended: m[2] !== undefined, dynamic: false, alternate: model.model !== 2 };
  }
  if (name === 'IBM-DYNAMIC') return { name, model: MODELS[2], extended: true, dynamic: true, alternate: false };
  return undefined;
}

/** Does a terminal type name look like a 3270 at all (IBM-...)? Used to pick a rejection message. */
export function isIbmTerminalType(raw: string): boolean {
  return raw.trim().toUpperCase().startsWith('IBM-');
}
