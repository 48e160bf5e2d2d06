/**
 * The full-screen ANSI console, checked on the screens a user sees: the renderer's
 * output goes into a headless xterm.js terminal, keys go in as raw bytes.
 */
import { describe, expect, it } from 'vitest';

import {
  attachScreenConsole,
  fKeySequence,
  geometryFor,
  openScreenConsole,
  screenTerminalInfo,
  type AttachOptions,
} from '../../../src/console/screen/index.js';
import { EchoSession, type EchoSessionOptions } from '../../../src/console/tn3270/echo-session.js';
import type { TerminalInfo } from '../../../src/console/tn3270/session-port.js';
import { HeadlessScreen, keyboard } from './headless.js';

async function setup(opts: { rows?: number; cols?: number; echo?: EchoSessionOptions; attach?: AttachOptions } = {}) {
  const rows = opts.rows ?? 24;
  const cols = opts.cols ?? 80;
  const screen = new HeadlessScreen(rows, cols);
  const keys = keyboard();
  let session!: EchoSession;
  const handle = openScreenConsole(
    (t: TerminalInfo) => (session = new EchoSession(t, opts.echo)),
    keys,
    screen.stream(),
    { rows, cols, ...opts.attach },
  );
  await screen.settle();
  const type = async (s: string) => {
    keys.write(Buffer.from(s, 'utf8'));
    await screen.settle();
  };
  return { screen, keys, handle, session, type };
}

describe('full-screen console: the screen', () => {
  it('shows the logo, the input area and RUNNING + system name at row 24 col 61', async () => {
    const { screen, handle, session } = await setup();
    expect(session.terminal.model).toBe(2);
    expect(session.terminal.outputRows).toBe(22);
    expect(session.terminal.inputLength).toBe(138);
    const lines = screen.lines();
    expect(lines[1]).toContain('VV     VV  MM     MM');
    expect(lines[7]).toBe('Enter one of the following commands:');
    expect(lines[8]).toBe('   LOGON userid              (Example: LOGON VMUSERID)');
    expect(screen.at(24, 61, 19).trimEnd()).toBe('RUNNING   VMSYS1');
    expect(screen.at(24, 1, 60).trim()).toBe('');
    // cursor at the start of the input area: row 23 column 2
    expect(screen.cursor()).toEqual({ row: 23, col: 2 });
    handle.close();
  });

  it('draws typed text in the input area and moves the cursor', async () => {
    const { screen, type, handle } = await setup();
    await type('LOGON MAINT');
    expect(screen.at(23, 2, 20).trimEnd()).toBe('LOGON MAINT');
    expect(screen.cursor()).toEqual({ row: 23, col: 13 });
    handle.close();
  });

  it('LOGON: echo, password prompt, CP READ; the password is never drawn nor written', async () => {
    const { screen, type, session, handle } = await setup();
    await type('logon maint\r');
    const lines = screen.lines();
    expect(lines[12]).toBe('logon maint');
    expect(lines[13]).toBe('ENTER PASSWORD (IT WILL NOT APPEAR WHEN TYPED):');
    expect(screen.at(24, 61, 19).trimEnd()).toBe('CP READ   VMSYS1');
    expect(screen.at(23, 2, 79).trim()).toBe('');
    const before = screen.allWritten().length;
    await type('SeCrEt99');
    expect(screen.at(23, 2, 79).trim()).toBe('');
    expect(screen.cursor()).toEqual({ row: 23, col: 10 }); // the cursor moves, nothing shows
    expect(handle.console.inputText).toBe('');
    await type('\r');
    expect(session.events).toContain('password');
    expect(screen.lines()[14]).toBe('LOGON AT 12:00:00 UTC FRIDAY 01/01/27');
    expect(screen.text()).not.toContain('SeCrEt99');
    expect(screen.allWritten()).not.toContain('SeCrEt99');
    expect(screen.allWritten().slice(before)).not.toMatch(/S.?e.?C.?r.?E.?t/);
    expect(screen.at(23, 2, 79).trim()).toBe('');
    handle.close();
  });

  it('text typed before a password prompt is not kept into it, nor shown after', async () => {
    const { screen, type, handle, session } = await setup();
    await type('LOGON X\r');
    await type('hidden');
    // the session leaves password mode on its own (here: by a STATE line would need Enter); simulate a prompt change
    (session as unknown as { password: boolean }).password = false;
    session.view!.statusChanged();
    await screen.settle();
    expect(screen.at(23, 2, 79).trim()).toBe('');
    expect(screen.text()).not.toContain('hidden');
    handle.close();
  });

  it('scrolls the output area: the newest 22 rows stay, the input area and status stay put', async () => {
    const { screen, type, handle } = await setup();
    await type('MANY 50\r');
    const lines = screen.lines();
    expect(lines[0]).toBe('LINE 29');
    expect(lines[21]).toBe('LINE 50');
    expect(lines[22]).toBe('');
    expect(screen.at(24, 61, 19).trimEnd()).toBe('VM READ   VMSYS1');
    handle.close();
  });

  it('wraps long output lines at the screen width', async () => {
    const { screen, type, handle } = await setup({ echo: { respond: (l) => (l === 'LONG' ? ['x'.repeat(100) + 'END'] : undefined) } });
    await type('LONG\r');
    const lines = screen.lines();
    const i = lines.indexOf('x'.repeat(80));
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toBe('x'.repeat(20) + 'END');
    handle.close();
  });

  it('shows the status words the session sets: MORE..., HOLDING, NOT ACCEPTED', async () => {
    const { screen, type, handle } = await setup();
    await type('STATE MORE...\r');
    expect(screen.at(24, 61, 19).trimEnd()).toBe('MORE...   VMSYS1');
    await type('STATE HOLDING\r');
    expect(screen.at(24, 61, 19).trimEnd()).toBe('HOLDING   VMSYS1');
    await type('BUSY\r');
    expect(screen.at(24, 61, 19).trimEnd()).toBe('NOT ACCEPTED VMSYS1');
    // the line that was not accepted stays in the input area for re-entry
    expect(screen.at(23, 2, 10).trimEnd()).toBe('BUSY');
    expect(screen.cursor()).toEqual({ row: 23, col: 6 });
    handle.close();
  });

  it('RETRIEVE puts text into the input area (setInput)', async () => {
    const { screen, type, handle } = await setup();
    await type('Q TIME\r');
    await type('RETRIEVE\r');
    expect(screen.at(23, 2, 20).trimEnd()).toBe('Q TIME');
    expect(screen.cursor()).toEqual({ row: 23, col: 8 });
    handle.close();
  });

  it('filters control characters out of session text', async () => {
    const { screen, type, handle } = await setup({
      echo: { respond: (l) => (l === 'EVIL' ? ['A\x1b[2JB\x07C\u009b\u4e00D\u{1F600}E'] : undefined) },
    });
    await type('EVIL\r');
    expect(screen.lines()).toContain('A [2JB C ?D?E');
    expect(screen.lines()[0]).toBe(''); // the screen was not cleared by the ESC [2J
    handle.close();
  });
});

describe('full-screen console: keys reach the session', () => {
  it('PA1 by Ctrl-C and by Esc 1', async () => {
    const { screen, type, session, handle } = await setup();
    await type('\x03');
    expect(session.events).toContain('PA1');
    expect(screen.lines()).toContain('PA1');
    expect(screen.at(24, 61, 19).trimEnd()).toBe('CP READ   VMSYS1');
    await type('\x1b');
    await type('1'); // Esc and 1 arriving separately
    expect(session.events.filter((e) => e === 'PA1')).toHaveLength(2);
    handle.close();
  });

  it('PA1 keeps what is typed; PA2 (Ctrl-W, Esc 2) clears the output area and keeps the input', async () => {
    const { screen, type, session, handle } = await setup();
    await type('typed');
    await type('\x03');
    expect(screen.at(23, 2, 10).trimEnd()).toBe('typed');
    await type('\x17');
    expect(session.events).toContain('PA2');
    expect(screen.lines().slice(0, 22).every((l) => l === '')).toBe(true);
    expect(screen.at(23, 2, 10).trimEnd()).toBe('typed');
    await type('\x1b2\x1b3');
    expect(session.events.filter((e) => e === 'PA2')).toHaveLength(2);
    expect(session.events).toContain('PA3');
    handle.close();
  });

  it('CLEAR (Ctrl-L, Esc c) clears output and input; status stays', async () => {
    const { screen, type, session, handle } = await setup();
    await type('abc');
    await type('\x0c');
    expect(session.events).toContain('CLEAR');
    expect(screen.lines().slice(0, 23).every((l) => l === '')).toBe(true);
    expect(screen.at(24, 61, 19).trimEnd()).toBe('RUNNING   VMSYS1');
    expect(screen.cursor()).toEqual({ row: 23, col: 2 });
    await type('MANY 3\r');
    await type('\x1bc');
    expect(session.events.filter((e) => e === 'CLEAR')).toHaveLength(2);
    expect(screen.lines().slice(0, 22).every((l) => l === '')).toBe(true);
    handle.close();
  });

  it('F1-F12 are PF1-PF12 and Shift+F1-F12 are PF13-PF24, in the common encodings', async () => {
    const { screen, type, session, handle } = await setup();
    for (let n = 1; n <= 12; n++) await type(fKeySequence(n, false));
    for (let n = 1; n <= 12; n++) await type(fKeySequence(n, true));
    const pf = session.events.filter((e) => e.startsWith('PF'));
    expect(pf).toEqual(Array.from({ length: 24 }, (_, i) => `PF${i + 1}`));
    expect(screen.lines()).toContain('PF24');
    session.events.length = 0;
    // rxvt / Linux console F1-F4, Linux console F5, VT220 F13, xterm SS3 with a modifier
    await type('\x1b[11~\x1b[14~\x1b[[E\x1b[25~\x1bO2P');
    expect(session.events).toEqual(['PF1', 'PF4', 'PF5', 'PF13', 'PF13']);
    handle.close();
  });

  it('PF keys keep the typed text', async () => {
    const { screen, type, handle } = await setup();
    await type('draft');
    await type(fKeySequence(3, false));
    expect(screen.at(23, 2, 10).trimEnd()).toBe('draft');
    handle.close();
  });
});

describe('full-screen console: line editing', () => {
  it('insert, overwrite (Insert key), cursor keys, Home/End, Delete, Backspace, ERASE EOF, ERASE INPUT', async () => {
    const { screen, type, handle, session } = await setup();
    await type('ABC\x1b[D\x1b[DX');
    expect(screen.at(23, 2, 10).trimEnd()).toBe('AXBC');
    await type('\x1b[2~Y'); // overwrite
    expect(screen.at(23, 2, 10).trimEnd()).toBe('AXYC');
    await type('\x1b[2~\x1b[HZ'); // insert again, Home
    expect(screen.at(23, 2, 10).trimEnd()).toBe('ZAXYC');
    await type('\x1b[3~'); // Delete at col 1
    expect(screen.at(23, 2, 10).trimEnd()).toBe('ZXYC');
    await type('\x1b[F\x7f'); // End, Backspace
    expect(screen.at(23, 2, 10).trimEnd()).toBe('ZXY');
    await type('\x01\x06\x0b'); // Ctrl-A, Ctrl-F, Ctrl-K (ERASE EOF)
    expect(screen.at(23, 2, 10).trimEnd()).toBe('Z');
    await type('more\x15'); // Ctrl-U: ERASE INPUT
    expect(screen.at(23, 2, 10).trim()).toBe('');
    await type('  spaced   \r');
    expect(session.events).toContain('submit:  spaced'); // trailing blanks removed
    handle.close();
  });

  it('the input area runs on into row 24 up to column 59 and refuses more', async () => {
    const { screen, type, handle, session } = await setup();
    const long = Array.from({ length: 140 }, (_, i) => String.fromCharCode(0x41 + (i % 26))).join('');
    await type(long);
    expect(screen.at(23, 2, 79)).toBe(long.slice(0, 79));
    expect(screen.at(24, 1, 59)).toBe(long.slice(79, 138));
    expect(screen.at(24, 60, 1)).toBe(' ');
    expect(screen.allWritten()).toContain('\x07');
    expect(screen.cursor()).toEqual({ row: 24, col: 59 });
    await type('\x1b[A'); // up into row 23
    expect(screen.cursor()).toEqual({ row: 23, col: 59 });
    await type('\r');
    expect(session.events).toContain(`submit:${long.slice(0, 138)}`);
    handle.close();
  });

  it('takes Latin-1 characters typed as UTF-8 and drops others', async () => {
    const { screen, type, handle } = await setup();
    await type('caf\u00e9 \u00a2\u4e00!');
    expect(screen.at(23, 2, 10).trimEnd()).toBe('caf\u00e9 \u00a2!');
    handle.close();
  });
});

describe('full-screen console: sizes and resizing', () => {
  it('picks the 3270 model from the terminal size', () => {
    expect(geometryFor(24, 80)).toEqual({ rows: 24, cols: 80, model: 2 });
    expect(geometryFor(30, 100)).toEqual({ rows: 24, cols: 80, model: 2 });
    expect(geometryFor(35, 90)).toEqual({ rows: 32, cols: 80, model: 3 });
    expect(geometryFor(50, 100)).toEqual({ rows: 43, cols: 80, model: 4 });
    expect(geometryFor(50, 140)).toEqual({ rows: 27, cols: 132, model: 5 });
    expect(geometryFor(10, 40)).toEqual({ rows: 24, cols: 80, model: 2 });
    expect(geometryFor(30, 100, 'fill')).toEqual({ rows: 30, cols: 100, model: 2 });
    expect(screenTerminalInfo(geometryFor(43, 80)).outputRows).toBe(41);
  });

  it('model 4 on a 43-row terminal: status at row 43 col 61, input rows 42-43', async () => {
    const { screen, type, session, handle } = await setup({ rows: 43, cols: 80 });
    expect(session.terminal.model).toBe(4);
    expect(screen.at(43, 61, 19).trimEnd()).toBe('RUNNING   VMSYS1');
    expect(screen.cursor()).toEqual({ row: 42, col: 2 });
    await type('MANY 60\r');
    expect(screen.lines()[40]).toBe('LINE 60');
    handle.close();
  });

  it('model 5 on a wide terminal: status 20 columns from the right edge', async () => {
    const { screen, handle } = await setup({ rows: 27, cols: 132 });
    expect(screen.at(27, 113, 19).trimEnd()).toBe('RUNNING   VMSYS1');
    handle.close();
  });

  it("sizing 'fill' uses the whole terminal: status 20 columns from the right, more output rows", async () => {
    const { screen, type, session, handle } = await setup({ rows: 30, cols: 100, attach: { sizing: 'fill' } });
    expect(session.terminal).toMatchObject({ rows: 30, cols: 100, outputRows: 28, model: 2 });
    expect(screen.at(30, 81, 19).trimEnd()).toBe('RUNNING   VMSYS1');
    await type('MANY 40\r');
    expect(screen.lines()[27]).toBe('LINE 40');
    expect(screen.lines()[0]).toBe('LINE 13');
    handle.close();
  });

  it('redraws on resize; a too-small terminal gets a notice, and the screen comes back', async () => {
    const { screen, type, handle } = await setup();
    await type('hello');
    screen.term.resize(60, 20);
    handle.resize(60, 20);
    await screen.settle();
    expect(screen.text()).toContain('This console needs a 80x24 terminal;');
    expect(screen.text()).toContain('this one is 60x20.');
    await type(' world'); // keys still go to the input area
    screen.term.resize(100, 30);
    handle.resize(100, 30);
    await screen.settle();
    expect(screen.text()).not.toContain('enlarge');
    expect(screen.lines()[7]).toBe('Enter one of the following commands:');
    expect(screen.at(23, 2, 20).trimEnd()).toBe('hello world');
    expect(screen.at(24, 61, 19).trimEnd()).toBe('RUNNING   VMSYS1');
    expect(screen.lines()[25]).toBe('');
    handle.close();
  });
});

describe('full-screen console: ending', () => {
  it('the session ending (DROP) closes the console once and restores the terminal', async () => {
    const { screen, type, handle, session } = await setup();
    await type('DROP\r');
    await expect(handle.closed).resolves.toBe('dropped by the session');
    expect(session.closed).toBe(true);
    expect(session.events.filter((e) => e === 'close')).toHaveLength(1);
    expect(screen.allWritten()).toMatch(/\x1b\[\?1049l$/);
    await type('more keys\r'); // ignored
    expect(session.events.filter((e) => e.startsWith('submit:more'))).toHaveLength(0);
  });

  it('Ctrl-] leaves the console; close() is idempotent', async () => {
    const { handle, type, session } = await setup();
    await type('\x1d');
    await expect(handle.closed).resolves.toMatch(/quit/);
    handle.close();
    expect(session.events.filter((e) => e === 'close')).toHaveLength(1);
  });

  it('the keyboard stream ending closes the console', async () => {
    const { handle, keys, session } = await setup();
    keys.end();
    await expect(handle.closed).resolves.toBe('input ended');
    expect(session.closed).toBe(true);
  });

  it('a session that throws closes this console only', async () => {
    const { handle, type } = await setup({
      echo: {
        respond: (l) => {
          if (l === 'BOOM') throw new Error('kaboom');
          return undefined;
        },
      },
    });
    await type('BOOM\r');
    await expect(handle.closed).resolves.toBe('error: kaboom');
  });

  it('attachScreenConsole works with a port made by the caller, without colours or alternate screen', async () => {
    const screen = new HeadlessScreen(24, 80);
    const keys = keyboard();
    const geometry = geometryFor(24, 80);
    const session = new EchoSession(screenTerminalInfo(geometry));
    const handle = attachScreenConsole(session, keys, screen.stream(), { screen: geometry, color: false, altScreen: false });
    await screen.settle();
    expect(screen.lines()[7]).toBe('Enter one of the following commands:');
    expect(screen.allWritten()).not.toContain('\x1b[?1049h');
    expect(screen.allWritten()).not.toMatch(/\x1b\[0;94m/);
    handle.close('bye');
    await expect(handle.closed).resolves.toBe('bye');
  });
});

describe('full-screen console: TTY streams', () => {
  it('puts a TTY keyboard into raw mode and back, and follows the output TTY\'s resize events', async () => {
    const screen = new HeadlessScreen(24, 80);
    const keys = Object.assign(keyboard(), { isTTY: true, isRaw: false, modes: [] as boolean[] });
    (keys as unknown as { setRawMode: (on: boolean) => void }).setRawMode = (on: boolean) => {
      keys.modes.push(on);
      keys.isRaw = on;
    };
    const out = Object.assign(screen.stream(), { isTTY: true, rows: 24, columns: 80 });
    let session!: EchoSession;
    const handle = openScreenConsole((t) => (session = new EchoSession(t)), keys, out);
    await screen.settle();
    expect(session.terminal.rows).toBe(24);
    expect(keys.modes).toEqual([true]);
    expect(screen.lines()[7]).toBe('Enter one of the following commands:');
    screen.term.resize(70, 20);
    out.columns = 70;
    out.rows = 20;
    out.emit('resize');
    await screen.settle();
    expect(screen.text()).toContain('this one is 70x20.');
    handle.close();
    expect(keys.modes).toEqual([true, false]);
    expect(out.listenerCount('resize')).toBe(0);
  });
});
