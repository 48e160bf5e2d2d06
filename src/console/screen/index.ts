/**
 * Full-screen 3270-style CP console on an ANSI terminal: the public surface.
 *
 *   import { openScreenConsole } from './console/screen/index.js';
 *   const handle = openScreenConsole(sessionFactory, process.stdin, process.stdout);
 *   const reason = await handle.closed;          // LOGOFF, Ctrl-], input ended ...
 *
 * or, with a session made by the caller for a known screen size:
 *
 *   const geometry = geometryFor(process.stdout.rows, process.stdout.columns);
 *   const port = makeSession(screenTerminalInfo(geometry));
 *   const handle = attachScreenConsole(port, process.stdin, process.stdout, { screen: geometry });
 *
 * Input is a raw-mode byte stream (a TTY is put in raw mode and restored on close);
 * output any writable stream.  A TTY output's 'resize' events redraw the screen;
 * other callers call handle.resize(cols, rows).  Keys: see KEY_MAP / keys.ts.
 *
 * Files: keys.ts (key map and escape-sequence parser), geometry.ts (screen size and
 * model from the terminal size), screen-console.ts (the ConsoleView that draws).
 */

import type { ModelNumber } from '../tn3270/models.js';
import type { ConsolePort, SessionFactory, TerminalInfo } from '../tn3270/session-port.js';
import { geometryFor, screenTerminalInfo, type Geometry, type Sizing } from './geometry.js';
import { ScreenConsole } from './screen-console.js';

export { KEY_MAP, KeyParser, fKeySequence, keyMapText, type KeyBinding, type KeyEvent } from './keys.js';
export { geometryFor, modelFor, screenTerminalInfo, type Geometry, type Sizing } from './geometry.js';
export { ScreenConsole, displayText, type ScreenConsoleOptions } from './screen-console.js';

export interface AttachOptions {
  /**
   * The console screen the port was created for (a Geometry or the port's
   * TerminalInfo).  Default: geometryFor(terminal size, sizing).
   */
  screen?: { rows: number; cols: number; model?: ModelNumber };
  /** How the screen is chosen from the terminal size when `screen` is not given (default 'model'). */
  sizing?: Sizing;
  /** Terminal size; default the output TTY's size, else 24x80. */
  rows?: number;
  cols?: number;
  /** 3279 colours (default true). */
  color?: boolean;
  /** Use the alternate screen (default true). */
  altScreen?: boolean;
  /** Ctrl-] leaves the console (default true). */
  quitKey?: boolean;
  /** Put a TTY input into raw mode while attached (default: when input.isTTY). */
  rawMode?: boolean;
  bell?: boolean;
  onClose?: (reason: string) => void;
  log?: (message: string) => void;
}

export interface ScreenConsoleHandle {
  readonly console: ScreenConsole;
  /** The screen the session was made for. */
  readonly geometry: Geometry;
  /** Settles with the reason when the console closes. */
  readonly closed: Promise<string>;
  readonly isClosed: boolean;
  /** Close the console (the session's close() runs once; the terminal is restored). */
  close(reason?: string): void;
  /** Tell the console the terminal's new size. */
  resize(cols: number, rows: number): void;
  /** Draw pending changes now. */
  flush(): void;
}

interface TtyLike {
  isTTY?: boolean;
  rows?: number;
  columns?: number;
  setRawMode?: (on: boolean) => unknown;
  isRaw?: boolean;
}

/** Terminal size of an output stream (24x80 when it is not a TTY). */
export function terminalSize(output: NodeJS.WritableStream, opts: { rows?: number; cols?: number } = {}): { rows: number; cols: number } {
  const tty = output as unknown as TtyLike;
  return {
    rows: opts.rows ?? (tty.isTTY && tty.rows ? tty.rows : 24),
    cols: opts.cols ?? (tty.isTTY && tty.columns ? tty.columns : 80),
  };
}

/** Draw `port` full-screen on `output`, reading keys from `input`. */
export function attachScreenConsole(
  port: ConsolePort,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  opts: AttachOptions = {},
): ScreenConsoleHandle {
  const size = terminalSize(output, opts);
  const geometry: Geometry = opts.screen
    ? {
        rows: opts.screen.rows,
        cols: opts.screen.cols,
        model: opts.screen.model ?? geometryFor(opts.screen.rows, opts.screen.cols, 'fill').model,
      }
    : geometryFor(size.rows, size.cols, opts.sizing);

  const inTty = input as unknown as TtyLike;
  const outTty = output as unknown as TtyLike & NodeJS.EventEmitter;
  const raw = (opts.rawMode ?? inTty.isTTY === true) && typeof inTty.setRawMode === 'function';
  const wasRaw = inTty.isRaw === true;

  let resolveClosed!: (reason: string) => void;
  const closed = new Promise<string>((r) => (resolveClosed = r));
  let isClosed = false;

  const onData = (chunk: Buffer | string) => sc.feed(chunk);
  const onEnd = () => sc.close('input ended');
  const onError = (e: Error) => sc.close(`input error: ${e.message}`);
  const onResize = () => {
    const s = terminalSize(output);
    sc.resize(s.cols, s.rows);
  };

  const sc = new ScreenConsole(port, (data) => output.write(data), {
    geometry,
    termRows: size.rows,
    termCols: size.cols,
    color: opts.color,
    altScreen: opts.altScreen,
    quitKey: opts.quitKey,
    bell: opts.bell,
    log: opts.log,
    onClose: (reason) => {
      isClosed = true;
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.removeListener('error', onError);
      if (outTty.isTTY) outTty.removeListener('resize', onResize);
      if (raw) {
        try {
          inTty.setRawMode!(wasRaw);
        } catch {
          /* the terminal went away */
        }
      }
      input.pause();
      resolveClosed(reason);
      opts.onClose?.(reason);
    },
  });

  if (raw) inTty.setRawMode!(true);
  input.on('data', onData);
  input.on('end', onEnd);
  input.on('error', onError);
  if (outTty.isTTY) outTty.on('resize', onResize);
  sc.start();
  input.resume();

  return {
    console: sc,
    geometry,
    closed,
    get isClosed() {
      return isClosed;
    },
    close: (reason) => sc.close(reason ?? 'closed'),
    resize: (cols, rows) => sc.resize(cols, rows),
    flush: () => sc.flush(),
  };
}

/**
 * Make a session for this terminal with `factory` and draw it full-screen.  The
 * screen (and so the TerminalInfo the session gets) comes from the terminal size.
 */
export function openScreenConsole(
  factory: SessionFactory,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  opts: AttachOptions & { terminalType?: string; remote?: string } = {},
): ScreenConsoleHandle & { terminal: TerminalInfo } {
  const size = terminalSize(output, opts);
  const geometry = opts.screen
    ? { rows: opts.screen.rows, cols: opts.screen.cols, model: opts.screen.model ?? geometryFor(opts.screen.rows, opts.screen.cols, 'fill').model }
    : geometryFor(size.rows, size.cols, opts.sizing);
  const terminal = screenTerminalInfo(geometry, { terminalType: opts.terminalType, remote: opts.remote });
  const port = factory(terminal);
  const handle = attachScreenConsole(port, input, output, { ...opts, screen: geometry });
  return Object.assign(handle, { terminal });
}
