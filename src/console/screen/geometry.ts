/**
 * Screen size of a full-screen console drawn on a terminal of any size.
 *
 * A console session pages its output against the screen it was created for (its
 * TerminalInfo), and that cannot change later, so the size is fixed when the
 * session starts, as a 3270's model is fixed when it connects:
 *
 *   sizing 'model' (default): the largest 3278 model that fits the terminal —
 *       model 5 27x132, model 4 43x80, model 3 32x80, else model 2 24x80;
 *   sizing 'fill': the whole terminal (at least 24x80), reported as the largest
 *       model that fits.
 *
 * When the terminal later shrinks below that size the console shows a notice
 * asking for a larger window; when it grows the console stays in the top-left corner.
 */

import { MODELS, type Model, type ModelNumber } from '../tn3270/models.js';
import { consoleLayout } from '../tn3270/screen.js';
import type { TerminalInfo } from '../tn3270/session-port.js';

export type Sizing = 'model' | 'fill';

export interface Geometry {
  readonly rows: number;
  readonly cols: number;
  readonly model: ModelNumber;
}

/** Largest screens we draw (keeps a hostile resize from costing memory). */
export const MAX_ROWS = 200;
export const MAX_COLS = 400;

/** The largest 3278 model whose screen fits `rows` x `cols` (model 2 when none does). */
export function modelFor(rows: number, cols: number): Model {
  const fits = (m: Model) => m.rows <= rows && m.cols <= cols;
  // Prefer the most cells: 5 (3564) > 4 (3440) > 3 (2560) > 2 (1920).
  for (const n of [5, 4, 3] as const) if (fits(MODELS[n])) return MODELS[n];
  return MODELS[2];
}

/** The console screen for a terminal of `rows` x `cols`. */
export function geometryFor(rows: number, cols: number, sizing: Sizing = 'model'): Geometry {
  const model = modelFor(rows, cols);
  if (sizing === 'fill') {
    return {
      rows: clamp(rows, 24, MAX_ROWS),
      cols: clamp(cols, 80, MAX_COLS),
      model: model.model,
    };
  }
  return { rows: model.rows, cols: model.cols, model: model.model };
}

/** The TerminalInfo to create a console session for a screen of this geometry. */
export function screenTerminalInfo(geometry: Geometry, extra: { terminalType?: string; remote?: string } = {}): TerminalInfo {
  const layout = consoleLayout(geometry.rows, geometry.cols);
  return {
    terminalType: extra.terminalType ?? `ANSI-${geometry.rows}x${geometry.cols}`,
    model: geometry.model,
    rows: geometry.rows,
    cols: geometry.cols,
    outputRows: layout.outputRows,
    inputLength: layout.inputLength,
    tn3270e: false,
    remote: extra.remote ?? 'terminal',
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.floor(n)));
}
