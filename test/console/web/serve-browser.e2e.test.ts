/**
 * End to end in a real browser against real CP (issue 9): `vmrexx serve` (startServe)
 * on the default cluster; Debian's Chromium driven by playwright-core logs on at the
 * logo with a hidden password, runs CP commands (LINEND, TERMINAL, QUERY TERMINAL),
 * fills the screen to MORE..., holds it (HOLDING), releases it with CLEAR, uses PA1,
 * logs off, and takes screenshots. VMREXX_SCREENSHOT_DIR=docs keeps copies (the
 * README pictures). Skipped when /usr/bin/chromium is missing (apt-get install chromium).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startServe, type ServeHandle } from '../../../src/cli/serve.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`web console e2e (real CP) skipped: ${CHROMIUM} not found (apt-get install chromium)`);

describe.skipIf(!hasChromium)('web console against real CP in Chromium', () => {
  let h: ServeHandle;
  let context: BrowserContext;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vmrexx-web-cp-'));
    h = await startServe({ tn3270Port: 0, httpPort: 0, autolog: false });
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1000, height: 640 },
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const screenText = (page: Page) =>
    page.evaluate(() => {
      const term = (window as unknown as { vmrexx: { term: { rows: number; buffer: { active: { viewportY: number; getLine(y: number): { translateToString(trim: boolean): string } | undefined } } } } }).vmrexx.term;
      const b = term.buffer.active;
      const out: string[] = [];
      for (let y = 0; y < term.rows; y++) out.push((b.getLine(b.viewportY + y)?.translateToString(true) ?? '').trimEnd());
      return out;
    });
  const status = (s: string[]) => (s[23] ?? '').slice(60).trim();

  async function waitScreen(page: Page, pred: (s: string[]) => boolean, what: string): Promise<string[]> {
    const end = Date.now() + 15_000;
    for (;;) {
      const s = await screenText(page);
      if (pred(s)) return s;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${s.join('\n')}`);
      await page.waitForTimeout(25);
    }
  }
  const has = (t: string) => (s: string[]) => s.some((l) => l.includes(t));

  async function enter(page: Page, text: string): Promise<void> {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  async function shot(page: Page, name: string): Promise<void> {
    const file = join(dir, name);
    await page.screenshot({ path: file });
    const png = await readFile(file);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    if (process.env.VMREXX_SCREENSHOT_DIR) await copyFile(file, join(process.env.VMREXX_SCREENSHOT_DIR, name));
  }

  it('logs on, runs CP commands, sees MORE... and HOLDING, uses PA1 and CLEAR, logs off', async () => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(h.web.url);
    await page.waitForFunction(() => 'vmrexx' in window);
    let s = await waitScreen(page, has('Enter LOGON userid'), 'the logo');
    expect(status(s)).toBe('RUNNING   VMSYS1');
    await shot(page, 'web-logo.png');

    await page.locator('.xterm-helper-textarea').focus();
    await enter(page, 'LOGON USER1 NOIPL');
    s = await waitScreen(page, has('ENTER PASSWORD'), 'the password prompt');
    expect(status(s)).toBe('CP READ   VMSYS1');
    await enter(page, 'user1');
    s = await waitScreen(page, (x) => has('LOGON AT')(x) && status(x).startsWith('CP READ'), 'logged on');
    expect(s.join('\n')).not.toMatch(/user1/);
    expect(await page.content()).not.toContain('user1');

    // CP commands, two of them on one line (LINEND #)
    await page.keyboard.press('Control+L');
    await enter(page, 'QUERY USERID#QUERY NAMES');
    s = await waitScreen(page, (x) => has('USER1    AT VMSYS1')(x) && has('USER1    - L')(x), 'QUERY USERID and QUERY NAMES');
    await enter(page, 'TERMINAL CHARDEL @');
    await enter(page, 'QUERY TERMIX@NAL');
    s = await waitScreen(page, has('CONMODE 3270'), 'QUERY TERMINAL');
    expect(s.join('\n')).toContain('LINEND  #, LINEDEL  OFF, CHARDEL  @, ESCAPE  OFF');
    await waitScreen(page, (x) => status(x).startsWith('CP READ'), 'CP READ');
    await shot(page, 'web-console.png');

    // fill the screen: MORE..., an empty Enter holds it, CLEAR goes on
    await enter(page, Array.from({ length: 12 }, () => 'Q TIME').join('#'));
    s = await waitScreen(page, (x) => status(x).startsWith('MORE...'), 'MORE...');
    await page.keyboard.press('Enter');
    s = await waitScreen(page, (x) => status(x).startsWith('HOLDING'), 'HOLDING');
    // each CLEAR shows the next page of what waited, until all is shown
    for (let i = 0; i < 6 && /^(MORE\.\.\.|HOLDING)/.test(status(await screenText(page))); i++) {
      await page.keyboard.press('Control+L');
      await page.waitForTimeout(150);
    }
    s = await waitScreen(page, (x) => status(x).startsWith('CP READ'), 'released');
    expect(s.join('\n')).toContain('TIME IS');

    // PA1 (Ctrl-C): attention; CP READ again
    await page.keyboard.press('Control+C');
    await waitScreen(page, (x) => status(x).startsWith('CP READ'), 'CP READ after PA1');
    // PA1 from the key bar too
    await page.locator('button[data-key="PA1"]').click();
    await waitScreen(page, (x) => status(x).startsWith('CP READ'), 'CP READ after the key bar PA1');

    await page.locator('.xterm-helper-textarea').focus();
    await enter(page, 'LOGOFF');
    s = await waitScreen(page, (x) => has('LOGOFF AT')(x) || has('Enter LOGON userid')(x), 'LOGOFF');
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
