/**
 * End to end (issue 9): `vmrexx serve` on the default cluster, driven by a real
 * 3270 emulator (s3270 -codepage cp037): logo, LOGON with a hidden password,
 * CP commands, MORE... paging, PA1, CLEAR, LOGOFF. Also the refusal to listen
 * on a non-loopback address while shipped passwords are unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVE_USAGE, serveMain, startServe, type ServeHandle } from '../../src/cli/serve.js';
import { S3270, haveS3270 } from './tn3270/s3270-driver.js';
import { TnClient } from './tn3270/terminal-sim.js';

const has = (text: string) => (screen: string[]) => screen.some((l) => l.includes(text));
const status = (screen: string[]) => (screen[screen.length - 1] ?? '').slice(60).trim();

describe('vmrexx serve security', () => {
  it('refuses a non-loopback address while default passwords are unchanged', async () => {
    await expect(startServe({ host: '0.0.0.0', tn3270Port: 0, httpPort: 0, autolog: false })).rejects.toThrow(
      /shipped password.*--insecure/s,
    );
  });
});

describe('vmrexx serve options', () => {
  it('refuses a bad --logon-attempts / --logon-delay with the usage', async () => {
    const err: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      expect(await serveMain(['--logon-attempts', 'many'])).toBe(2);
      expect(await serveMain(['--logon-delay'])).toBe(2);
    } finally {
      process.stderr.write = orig;
    }
    expect(err.join('')).toContain('--logon-attempts needs a number, not many');
    expect(err.join('')).toContain('--logon-delay needs a value');
    expect(SERVE_USAGE).toContain('[--logon-attempts N] [--logon-delay SECONDS]');
  });
});

describe('LOGON failures over TN3270', () => {
  it('delays, then drops the connection after --logon-attempts failures; other connections go on', async () => {
    const h = await startServe({ tn3270Port: 0, httpPort: 0, autolog: false, logonAttempts: 2, logonDelaySeconds: 0.3 });
    try {
      const bad = await TnClient.connect(h.tn3270.port, { tn3270e: false });
      const good = await TnClient.connect(h.tn3270.port, { tn3270e: false });
      await bad.screenContains('Enter LOGON');
      await good.screenContains('Enter LOGON');
      await bad.enter('LOGON USER2');
      await bad.screenContains('ENTER PASSWORD');
      await bad.enter('nope1');
      await bad.screenContains('HCPLGA050E');
      await bad.enter('LOGON USER2');
      await bad.until(() => bad.display.text().filter((l) => l.includes('ENTER PASSWORD')).length === 2, 'second prompt');
      const t0 = Date.now();
      bad.display.type('nope2');
      bad.sendRecord(bad.display.aid('ENTER'));
      await bad.screenContains('HCPLGA6050E');
      expect(bad.display.text().join('\n')).not.toMatch(/nope\d/);
      await bad.until(() => bad.closed, 'the connection to drop', 5000);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
      // the other terminal is not affected
      await good.enter('LOGON USER3 NOIPL');
      await good.screenContains('ENTER PASSWORD');
      await good.enter('USER3');
      await good.screenContains('LOGON AT');
      good.close();
    } finally {
      await h.close();
    }
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

  it('logs on, runs CP commands, pages with MORE..., holds (HOLDING), uses PA1 and CLEAR, and logs off', async () => {
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
      // an empty Enter holds the screen
      await t.run('Enter');
      await t.waitFor((s) => status(s).startsWith('HOLDING'), 'HOLDING');
      // each CLEAR shows the next page of what waited, until all is shown
      for (let i = 0; i < 6 && /^(MORE\.\.\.|HOLDING)/.test(status(await t.screen())); i++) {
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

  it('logs on to CMS: VM READ, a CMS command, #CP, PA1 to CP READ, BEGIN, LOGOFF', async () => {
    const t = new S3270(['-model', '3278-2']);
    try {
      await t.run(`Connect(127.0.0.1:${h.tn3270.port})`);
      await t.run('Wait(10,InputField)');
      await t.waitFor(has('Enter LOGON'), 'the logo');
      await t.run('String("LOGON USER1")');
      await t.run('Enter');
      await t.waitFor(has('ENTER PASSWORD'), 'password prompt');
      await t.run('String("USER1")');
      await t.run('Enter');
      await t.waitFor((s) => has('Ready;')(s) && status(s).startsWith('VM READ'), 'CMS ready');
      await t.run('Clear');
      await t.run('String("QUERY DISK")');
      await t.run('Enter');
      await t.waitFor((s) => has('USE191')(s) && status(s).startsWith('VM READ'), 'QUERY DISK');
      await t.run('String("#CP QUERY USERID")');
      await t.run('Enter');
      await t.waitFor(has('USER1    AT VMSYS1'), '#CP QUERY USERID');
      await t.run('PA(1)');
      await t.waitFor((s) => status(s).startsWith('CP READ'), 'CP READ after PA1');
      await t.run('String("BEGIN")');
      await t.run('Enter');
      await t.waitFor((s) => status(s).startsWith('VM READ'), 'VM READ after BEGIN');
      await t.run('String("#CP LOGOFF")');
      await t.run('Enter');
      await t.waitFor(has('LOGOFF AT'), 'LOGOFF');
    } finally {
      await t.quit();
    }
  });
});
