/**
 * End to end (issue 9): `vmrexx serve` on the default cluster, driven by a real
 * 3270 emulator (s3270 -codepage cp037): logo, LOGON with a hidden password,
 * CP commands, MORE... paging, PA1, CLEAR, LOGOFF. Also the refusal to listen
 * on a non-loopback address while shipped passwords are unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeHandle } from '../../src/cli/serve.js';
import { S3270, haveS3270 } from './tn3270/s3270-driver.js';

const has = (text: string) => (screen: string[]) => screen.some((l) => l.includes(text));
const status = (screen: string[]) => (screen[screen.length - 1] ?? '').slice(60).trim();

describe('vmrexx serve security', () => {
  it('refuses a non-loopback address while default passwords are unchanged', async () => {
    await expect(startServe({ host: '0.0.0.0', tn3270Port: 0, httpPort: 0, autolog: false })).rejects.toThrow(
      /shipped password.*--insecure/s,
    );
  });
});

describe.skipIf(!haveS3270)('CP console through TN3270 (s3270)', () => {
  let h: ServeHandle;
  beforeAll(async () => {
    h = await startServe({ tn3270Port: 0, httpPort: 0, autolog: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('logs on, runs CP commands, pages with MORE..., uses PA1 and CLEAR, and logs off', async () => {
    const t = new S3270(['-model', '3278-2']);
    try {
      await t.run(`Connect(127.0.0.1:${h.tn3270.port})`);
      await t.run('Wait(10,InputField)');
      await t.waitFor(has('Enter LOGON'), 'the logo');
      await t.run('String("LOGON OPERATOR NOIPL")');
      await t.run('Enter');
      await t.waitFor(has('ENTER PASSWORD'), 'password prompt');
      await t.run('String("OPERATOR")');
      await t.run('Enter');
      let screen = await t.waitFor((s) => status(s).startsWith('CP READ') && has('LOGON AT')(s), 'CP READ');
      expect(screen.join('\n')).not.toMatch(/^OPERATOR\s*$/m); // the password never shows
      await t.run('String("QUERY NAMES")');
      await t.run('Enter');
      screen = await t.waitFor(has('OPERATOR - '), 'QUERY NAMES');
      // fill the screen: MORE... appears
      for (let i = 0; i < 12; i++) {
        await t.run('String("QUERY TIME")');
        await t.run('Enter');
      }
      screen = await t.waitFor((s) => status(s).startsWith('MORE...'), 'MORE...');
      // each CLEAR shows the next page of what waited, until all is shown
      for (let i = 0; i < 6 && status(await t.screen()).startsWith('MORE...'); i++) {
        await t.run('Clear');
        await new Promise((r) => setTimeout(r, 150));
      }
      screen = await t.waitFor((s) => status(s).startsWith('CP READ'), 'MORE... released');
      expect(screen.join('\n')).toContain('TIME IS');
      await t.run('PA(1)');
      await t.waitFor((s) => status(s).startsWith('CP READ'), 'CP READ after PA1');
      await t.run('String("LOGOFF")');
      await t.run('Enter');
      await t.waitFor(has('LOGOFF AT'), 'LOGOFF');
    } finally {
      await t.quit();
    }
  });
});
