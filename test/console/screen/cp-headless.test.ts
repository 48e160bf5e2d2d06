/**
 * The full-screen terminal renderer against real CP (issue 9): ScreenSession on the
 * default cluster drawn by the ANSI renderer into a headless xterm.js terminal,
 * keys as raw bytes. Logo, hidden password, status area at row 24 column 61, CP
 * commands, MORE... / HOLDING on a fake clock, PA1 (Esc 1), CLEAR (Ctrl-L), PF keys
 * set with SET PFnn, a model 4 screen, LOGOFF.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { startCluster, type TestCluster } from '../../../src/console/core/harness.js';
import { ScreenSession } from '../../../src/console/core/screen-session.js';
import { fKeySequence, openScreenConsole } from '../../../src/console/screen/index.js';
import { FakeTimers } from '../core/fakes.js';
import { HeadlessScreen, keyboard } from './headless.js';

let tc: TestCluster | undefined;
afterEach(async () => {
  await tc?.shutdown();
  tc = undefined;
});

async function setup(rows = 24, cols = 80) {
  tc = await startCluster({ autolog: false });
  const timers = new FakeTimers();
  const screen = new HeadlessScreen(rows, cols);
  const keys = keyboard();
  let session!: ScreenSession;
  const handle = openScreenConsole((t) => (session = new ScreenSession(tc!.cluster.defaultSystem, t, { timers })), keys, screen.stream(), { rows, cols });
  const type = async (s: string) => {
    keys.write(Buffer.from(s, 'utf8'));
    await screen.settle();
  };
  const waitFor = async (pred: () => boolean, what: string) => {
    for (let i = 0; i < 300; i++) {
      await screen.settle();
      if (pred()) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`timed out waiting for ${what}; screen:\n${screen.text()}`);
  };
  const statusArea = () => screen.at(rows, cols - 19, 20).trimEnd();
  await waitFor(() => screen.text().includes('Enter LOGON userid'), 'the logo');
  return { screen, keys, handle, type, waitFor, statusArea, timers, session: () => session };
}

describe('full-screen console on real CP (headless xterm.js)', () => {
  it('logs on with a hidden password, runs commands, pages, holds, and logs off', async () => {
    const { screen, handle, type, waitFor, statusArea, timers, session } = await setup();
    expect(statusArea()).toBe('RUNNING   VMSYS1');
    await type('LOGON USER1 NOIPL\r');
    await waitFor(() => screen.text().includes('ENTER PASSWORD'), 'password prompt');
    expect(statusArea()).toBe('CP READ   VMSYS1');
    await type('user1');
    // non-display: nothing typed shows in the input area
    expect(screen.at(23, 1, 60).trim()).toBe('');
    await type('\r');
    await waitFor(() => screen.text().includes('LOGON AT') && statusArea() === 'CP READ   VMSYS1', 'logged on');
    expect(screen.text()).not.toMatch(/user1/);

    await type('\x0c'); // CLEAR
    await waitFor(() => screen.lines().slice(0, 22).every((l) => l === ''), 'a cleared screen');
    await type('QUERY USERID\r');
    await waitFor(() => screen.lines().some((l) => /^USER1\s+AT VMSYS1$/.test(l)), 'QUERY USERID');
    expect(screen.lines()[0]).toBe('QUERY USERID');
    expect(screen.cursor()).toEqual({ row: 23, col: 2 });

    // MORE... after a full screen; an empty Enter holds; the fake clock never clears a held screen
    await type(Array.from({ length: 12 }, () => 'Q TIME').join('#') + '\r');
    await waitFor(() => statusArea() === 'MORE...   VMSYS1', 'MORE...');
    await waitFor(() => session().core.pending === 0, 'all entered');
    await type('\r');
    expect(statusArea()).toBe('HOLDING   VMSYS1');
    timers.advance(600_000);
    await screen.settle();
    expect(statusArea()).toBe('HOLDING   VMSYS1');
    await type('\x0c');
    await waitFor(() => statusArea() === 'CP READ   VMSYS1', 'released by CLEAR');

    // PA1 (Esc 1): attention, CP READ again
    await type('\x1b1');
    await waitFor(() => statusArea() === 'CP READ   VMSYS1', 'CP READ after PA1');

    // PF keys from SET PFnn
    await type('SET PF4 IMMED QUERY USERID\r');
    await waitFor(() => statusArea() === 'CP READ   VMSYS1', 'SET PF4');
    await type('\x0c');
    await type(fKeySequence(4, false));
    await waitFor(() => screen.lines().some((l) => /^USER1\s+AT VMSYS1$/.test(l)), 'PF4');
    await type('SET PF5 DELAYED QUERY NAMES\r');
    await waitFor(() => statusArea() === 'CP READ   VMSYS1', 'SET PF5');
    await type(fKeySequence(5, false));
    await waitFor(() => screen.at(23, 2, 20).trimEnd() === 'QUERY NAMES', 'PF5 in the input area');

    await type('\x15LOGOFF\r'); // Ctrl-U erases the input first
    await waitFor(() => screen.text().includes('Enter LOGON userid') && statusArea() === 'RUNNING   VMSYS1', 'the logo after LOGOFF');
    handle.close();
  });

  it('draws a model 4 screen (43x80) with the status area on row 43', async () => {
    const { screen, handle, type, waitFor, statusArea } = await setup(43, 80);
    expect(statusArea()).toBe('RUNNING   VMSYS1');
    await type('LOGON USER1 NOIPL\r');
    await waitFor(() => screen.text().includes('ENTER PASSWORD'), 'password prompt');
    await type('user1\r');
    await waitFor(() => statusArea() === 'CP READ   VMSYS1', 'CP READ');
    await type('QUERY TERMINAL\r');
    await waitFor(() => screen.text().includes('CONMODE 3270'), 'QUERY TERMINAL');
    expect(screen.cursor()).toEqual({ row: 42, col: 2 });
    handle.close();
  });
});
