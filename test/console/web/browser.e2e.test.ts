/**
 * End to end in a real browser: Debian's Chromium (never a downloaded one) driven by
 * playwright-core opens the web console served with EchoSession, logs on, sees
 * output, uses PA1, CLEAR and PF keys (keyboard and key bar), and takes a screenshot.
 * Set VMREXX_SCREENSHOT_DIR to keep a copy of the screenshot.
 * Skipped, with a message, when /usr/bin/chromium is not installed
 * (`apt-get install chromium`).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EchoSession } from '../../../src/console/tn3270/echo-session.js';
import { startWebConsoleServer, type WebConsoleServer } from '../../../src/console/web/index.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`web console e2e skipped: ${CHROMIUM} not found (apt-get install chromium)`);

describe.skipIf(!hasChromium)('web console in Chromium (playwright-core)', () => {
  let server: WebConsoleServer;
  let context: BrowserContext;
  let dir: string;
  const sessions: EchoSession[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vmrexx-web-e2e-'));
    server = await startWebConsoleServer({
      port: 0,
      sessionFactory: (t) => {
        const s = new EchoSession(t);
        sessions.push(s);
        return s;
      },
    });
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1100, height: 700 },
    });
  }, 30_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The terminal's screen as text (read from xterm.js in the page). */
  const screenText = (page: Page) =>
    page.evaluate(() => {
      const term = (window as unknown as { vmrexx: { term: { rows: number; buffer: { active: { viewportY: number; getLine(y: number): { translateToString(trim: boolean): string } | undefined } } } } }).vmrexx.term;
      const b = term.buffer.active;
      const out: string[] = [];
      for (let y = 0; y < term.rows; y++) out.push((b.getLine(b.viewportY + y)?.translateToString(true) ?? '').trimEnd());
      return out.join('\n');
    });

  async function waitScreen(page: Page, pred: (text: string) => boolean, what: string): Promise<string> {
    const end = Date.now() + 8000;
    for (;;) {
      const text = await screenText(page);
      if (pred(text)) return text;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
      await page.waitForTimeout(25);
    }
  }

  it('logs on, sees output, uses PA1, CLEAR and PF keys, and takes a screenshot', async () => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => 'vmrexx' in window);
    await waitScreen(page, (t) => t.includes('Enter one of the following commands:'), 'the logo');
    let text = await screenText(page);
    expect(text.split('\n')[23]!.slice(60)).toBe('RUNNING   VMSYS1');
    await page.waitForFunction(() => /connected: model 2 \(80x24\)/.test(document.getElementById('conn')?.textContent ?? ''));

    // LOGON with a password prompt; the password is not on the screen nor in the page
    await page.locator('.xterm-helper-textarea').focus();
    await page.keyboard.type('LOGON MAINT');
    await waitScreen(page, (t) => t.split('\n')[22]!.includes('LOGON MAINT'), 'typed text');
    await page.keyboard.press('Enter');
    text = await waitScreen(page, (t) => t.includes('ENTER PASSWORD'), 'the password prompt');
    expect(text.split('\n')[23]!.slice(60)).toBe('CP READ   VMSYS1');
    await page.keyboard.type('Zq9Secret');
    await page.keyboard.press('Enter');
    text = await waitScreen(page, (t) => t.includes('LOGON AT'), 'logon messages');
    expect(text).not.toContain('Zq9Secret');
    expect(await page.content()).not.toContain('Zq9Secret');
    expect(await page.locator('.xterm-helper-textarea').inputValue()).not.toContain('Zq9Secret');
    expect(sessions.at(-1)!.events).toContain('password');

    // output
    await page.keyboard.type('Q TIME');
    await page.keyboard.press('Enter');
    await waitScreen(page, (t) => t.includes('ECHO: Q TIME'), 'the echo');
    await page.keyboard.type('MANY 30');
    await page.keyboard.press('Enter');
    text = await waitScreen(page, (t) => t.split('\n')[21] === 'LINE 30', 'scrolled output');

    // PA1 from the keyboard (Ctrl-C), and Esc 1
    await page.keyboard.press('Control+C');
    await waitScreen(page, (t) => t.split('\n')[21] === 'PA1', 'PA1');
    await page.keyboard.press('Escape');
    await page.keyboard.press('1');
    await waitScreen(page, () => sessions.at(-1)!.events.filter((e) => e === 'PA1').length === 2, 'second PA1');

    // CLEAR from the keyboard (Ctrl-L)
    await page.keyboard.press('Control+L');
    await waitScreen(page, (t) => t.split('\n').slice(0, 22).every((l) => l === ''), 'a cleared output area');
    expect(sessions.at(-1)!.events).toContain('CLEAR');

    // PF keys: F2 from the keyboard, PF13 and CLEAR from the key bar
    await page.keyboard.press('F2');
    await waitScreen(page, (t) => t.includes('PF2'), 'PF2');
    await page.locator('button[data-key="PF13"]').click();
    await waitScreen(page, (t) => t.includes('PF13'), 'PF13');
    await page.locator('button[data-key="PA2"]').click();
    await waitScreen(page, (t) => t.split('\n').slice(0, 22).every((l) => l === ''), 'PA2 from the key bar');
    await page.keyboard.type('ON SCREEN');
    await page.keyboard.press('Enter');
    await waitScreen(page, (t) => t.includes('ECHO: ON SCREEN'), 'output after clearing');

    const shot = join(dir, 'web-console.png');
    await page.screenshot({ path: shot });
    const png = await readFile(shot);
    expect(png.length).toBeGreaterThan(1000);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    // VMREXX_SCREENSHOT_DIR=docs/img keeps a copy (for the README)
    if (process.env.VMREXX_SCREENSHOT_DIR) await copyFile(shot, join(process.env.VMREXX_SCREENSHOT_DIR, 'web-console.png'));
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 30_000);
});
