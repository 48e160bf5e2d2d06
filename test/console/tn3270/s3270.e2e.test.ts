/**
 * End to end: the TN3270 server with the echo session, driven by a real 3270
 * emulator (s3270 -codepage cp037).  Skipped, with a message, when s3270 is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EchoSession } from '../../../src/console/tn3270/echo-session.js';
import { startTn3270Server, type Tn3270Server } from '../../../src/console/tn3270/server.js';
import { S3270, haveS3270, statusFields } from './s3270-driver.js';

if (!haveS3270) {
  console.warn('SKIP s3270 end-to-end tests: /usr/bin/s3270 is not installed (apt-get install -y s3270)');
}

const has = (text: string) => (screen: string[]) => screen.some((l) => l.includes(text));
const lastRow = (screen: string[]) => screen[screen.length - 1] ?? '';

describe.skipIf(!haveS3270)('TN3270 server driven by s3270', () => {
  let server: Tn3270Server;
  let plain: Tn3270Server;
  const sessions: EchoSession[] = [];
  const factory = (t: ConstructorParameters<typeof EchoSession>[0]) => {
    const s = new EchoSession(t);
    sessions.push(s);
    return s;
  };

  beforeAll(async () => {
    server = await startTn3270Server({ port: 0, host: '127.0.0.1', sessionFactory: factory });
    plain = await startTn3270Server({ port: 0, host: '127.0.0.1', sessionFactory: factory, tn3270e: false });
  });
  afterAll(async () => {
    await server?.close();
    await plain?.close();
  });

  async function connect(port: number, model?: string): Promise<S3270> {
    const t = new S3270(model ? ['-model', model] : []);
    await t.run(`Connect(127.0.0.1:${port})`);
    await t.run('Wait(10,InputField)');
    await t.waitFor(has('RUNNING   VMSYS1'), 'the logo');
    return t;
  }

  it('model 2 over TN3270E: logo, typing, output, PA1, CLEAR', async () => {
    const t = await connect(server.port, '3278-2');
    try {
      let screen = await t.screen();
      expect(screen).toHaveLength(24);
      expect(screen.join('\n')).toContain('Enter one of the following commands:');
      // status area: row 24, column 61 (1-based)
      expect(lastRow(screen).slice(60).trimEnd()).toBe('RUNNING   VMSYS1');
      let st = statusFields((await t.run('Query(Cursor)')).status);
      expect(st.mode).toBe('I'); // 3270 mode
      expect([st.rows, st.cols]).toEqual([24, 80]);
      expect([st.cursorRow, st.cursorCol]).toEqual([22, 1]); // input area, after its attribute byte
      expect(st.keyboard).toBe('U');
      const lu = await t.run('Query(LuName)');
      expect(lu.data.join('')).toMatch(/^LU\d{6}$/);

      // Characters that differ between code pages must round-trip: [ ] ^ | ¬ ¢
      await t.run('String("hello [x] ^| world")');
      await t.run('Enter()');
      screen = await t.waitFor(has('ECHO: hello [x] ^| world'), 'the echo');
      expect(screen.some((l) => l.trimEnd() === 'hello [x] ^| world')).toBe(true);
      expect(lastRow(screen).slice(60).trimEnd()).toBe('VM READ   VMSYS1');
      st = statusFields((await t.run('Query(Cursor)')).status);
      expect(st.keyboard).toBe('U');
      expect([st.cursorRow, st.cursorCol]).toEqual([22, 1]);
      // input area cleared after Enter
      expect(screen[22]!.trim()).toBe('');

      // a line longer than the first input row spans both input rows
      const long = 'X'.repeat(100);
      await t.run(`String("${long}")`);
      await t.run('Enter()');
      screen = await t.waitFor(has(`ECHO: ${'X'.repeat(30)}`), 'the long echo');
      expect(screen.join('')).toContain(`ECHO: ${long}`.slice(0, 80));

      await t.run('PA(1)');
      screen = await t.waitFor((s) => lastRow(s).includes('CP READ'), 'CP READ after PA1');
      expect(screen.some((l) => l.trimEnd() === 'PA1')).toBe(true);
      expect(statusFields((await t.run('Query(Cursor)')).status).keyboard).toBe('U');

      await t.run('Clear()');
      screen = await t.waitFor((s) => lastRow(s).includes('CP READ') && !s.some((l) => l.includes('ECHO')), 'the cleared screen');
      expect(screen.slice(0, 22).every((l) => l.trim() === '')).toBe(true);
      expect(statusFields((await t.run('Query(Cursor)')).status).formatted).toBe('F');

      await t.run('PF(3)');
      await t.waitFor((s) => s.some((l) => l.trimEnd() === 'PF3'), 'PF3');
      const session = sessions.find((s) => s.terminal.luName === lu.data.join(''));
      expect(session?.events).toEqual(
        expect.arrayContaining(['attach', 'submit:hello [x] ^| world', 'PA1', 'CLEAR', 'PF3']),
      );
    } finally {
      await t.quit();
    }
  });

  it('password reads use a non-display input field and are not echoed', async () => {
    const t = await connect(server.port, '3278-2');
    try {
      await t.run('String("LOGON MAINT")');
      await t.run('Enter()');
      await t.waitFor(has('ENTER PASSWORD'), 'the password prompt');
      await t.run('String("SECRET99")');
      // non-display: what is typed does not show
      const typed = await t.screen();
      expect(typed.join('\n')).not.toContain('SECRET99');
      await t.run('Enter()');
      const screen = await t.waitFor(has('LOGON AT'), 'the logon message');
      expect(screen.join('\n')).not.toContain('SECRET99');
      expect(lastRow(screen).slice(60).trimEnd()).toBe('CP READ   VMSYS1');
      // and the input field is visible again
      await t.run('String("visible")');
      expect((await t.screen())[22]).toContain('visible');
    } finally {
      await t.quit();
    }
  });

  it('NOT ACCEPTED keeps the line in the input area; RETRIEVE fills it', async () => {
    const t = await connect(server.port, '3278-2');
    try {
      await t.run('String("BUSY now")');
      await t.run('Enter()');
      let screen = await t.waitFor((s) => lastRow(s).includes('NOT ACCEPTED'), 'NOT ACCEPTED');
      expect(screen[22]!.trimEnd()).toBe(' BUSY now');
      await t.run('Clear()');
      await t.run('String("first")');
      await t.run('Enter()');
      await t.waitFor(has('ECHO: first'), 'echo');
      await t.run('String("RETRIEVE")');
      await t.run('Enter()');
      screen = await t.waitFor((s) => s[22]!.trimEnd() === ' first', 'the retrieved line');
      // cursor after the retrieved text
      const st = statusFields((await t.run('Query(Cursor)')).status);
      expect([st.cursorRow, st.cursorCol]).toEqual([22, 6]);
    } finally {
      await t.quit();
    }
  });

  it('scrolls a long burst of output and keeps the newest lines', async () => {
    const t = await connect(server.port, '3278-2');
    try {
      await t.run('String("MANY 500")');
      await t.run('Enter()');
      const screen = await t.waitFor(has('LINE 500'), 'the last line');
      expect(screen[21]!.trimEnd()).toBe('LINE 500');
      expect(screen[0]!.trimEnd()).toBe('LINE 479');
    } finally {
      await t.quit();
    }
  });

  it.each([
    ['3278-3', 32, 80],
    ['3278-4', 43, 80],
    ['3278-5', 27, 132],
  ])('model %s uses Erase/Write Alternate: %i x %i', async (model, rows, cols) => {
    const t = await connect(server.port, model);
    try {
      const screen = await t.screen();
      expect(screen).toHaveLength(rows);
      expect(screen[0]).toHaveLength(cols);
      expect(lastRow(screen).slice(cols - 20).trimEnd()).toBe('RUNNING   VMSYS1');
      const st = statusFields((await t.run('Query(Cursor)')).status);
      expect([st.rows, st.cols, st.cursorRow, st.cursorCol]).toEqual([rows, cols, rows - 2, 1]);
      await t.run('String("Q N")');
      await t.run('Enter()');
      await t.waitFor(has('ECHO: Q N'), 'the echo');
    } finally {
      await t.quit();
    }
  });

  it.each([
    [30, 90],
    [50, 100], // 5000 positions: 14-bit addresses
  ])('IBM-DYNAMIC (-oversize %ix%i): the size comes from the query reply', async (rows, cols) => {
    const t = new S3270(['-model', '3279-2-E', '-oversize', `${cols}x${rows}`]);
    try {
      await t.run(`Connect(127.0.0.1:${server.port})`);
      await t.run('Wait(10,InputField)');
      const screen = await t.waitFor(has('RUNNING   VMSYS1'), 'the logo');
      expect(screen).toHaveLength(rows);
      expect(screen[0]).toHaveLength(cols);
      expect(lastRow(screen).slice(cols - 20).trimEnd()).toBe('RUNNING   VMSYS1');
      const session = sessions.at(-1)!;
      expect(session.terminal).toMatchObject({ terminalType: 'IBM-DYNAMIC', rows, cols });
      await t.run('String("big screen")');
      await t.run('Enter()');
      await t.waitFor(has('ECHO: big screen'), 'the echo');
      const st = statusFields((await t.run('Query(Cursor)')).status);
      expect([st.rows, st.cols, st.cursorRow, st.cursorCol]).toEqual([rows, cols, rows - 2, 1]);
    } finally {
      await t.quit();
    }
  });

  it('plain TN3270 (server not offering TN3270E) works the same', async () => {
    const t = await connect(plain.port, '3278-2');
    try {
      const lu = await t.run('Query(LuName)');
      expect(lu.data.join('').trim()).toBe('');
      await t.run('String("plain")');
      await t.run('Enter()');
      await t.waitFor(has('ECHO: plain'), 'the echo');
      await t.run('PA(1)');
      await t.waitFor((s) => lastRow(s).includes('CP READ'), 'CP READ');
    } finally {
      await t.quit();
    }
  });

  it('a session that ends disconnects the terminal and is closed once', async () => {
    const t = await connect(server.port, '3278-2');
    try {
      const before = sessions.length;
      await t.run('String("DROP")');
      await t.run('Enter()');
      const end = Date.now() + 5000;
      let connected = true;
      while (Date.now() < end && connected) {
        const st = statusFields((await t.run('Query(Cursor)', true)).status);
        connected = st.connection.startsWith('C(');
        if (connected) await new Promise((r) => setTimeout(r, 25));
      }
      expect(connected).toBe(false);
      const s = sessions[before - 1]!;
      expect(s.events.filter((e) => e === 'close')).toHaveLength(1);
    } finally {
      await t.quit();
    }
  });
});
