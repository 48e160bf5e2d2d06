// The full-screen console session over real CP (issue 9's console core):
// paging (MORE... / HOLDING) on a fake clock, NOT ACCEPTED, RETRIEVE, passwords.
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../../../src/console/core/harness.js';
import { ScreenSession } from '../../../src/console/core/screen-session.js';
import { FakeTimers, FakeView, TERMINAL, settle, until } from './fakes.js';

let tc: TestCluster | undefined;
afterEach(async () => {
  await tc?.shutdown();
  tc = undefined;
});

async function loggedOn(timers = new FakeTimers()) {
  tc = await startCluster({ autolog: false });
  const s = new ScreenSession(tc.cluster.defaultSystem, TERMINAL, { timers });
  const v = new FakeView();
  s.attach(v);
  await until(() => v.screen.some((l) => l.includes('Enter LOGON')), 'logo');
  expect(s.status().state).toBe('RUNNING');
  s.submit('LOGON USER1 NOIPL');
  await until(() => s.passwordMode(), 'password prompt');
  s.submit('USER1');
  await until(() => s.status().state === 'CP READ' && !s.passwordMode(), 'CP READ');
  await settle();
  return { s, v, timers };
}

describe('ScreenSession', () => {
  it('shows the logo, hides the password, and reaches CP READ', async () => {
    const { v } = await loggedOn();
    expect(v.screen).toContain('LOGON USER1 NOIPL');
    expect(v.screen.join('\n')).not.toMatch(/^USER1$/m);
  });

  it('pages with MORE..., clears after the MORE interval, and holds on an empty Enter', async () => {
    const { s, v, timers } = await loggedOn();
    v.clearOutput();
    s.attention('CLEAR');
    for (let i = 0; i < 30; i++) s.submit(`* comment ${i}`);
    await until(() => s.status().state === 'MORE...', 'MORE...');
    expect(v.screen.length).toBeLessThanOrEqual(22);
    timers.advance(50_000);
    expect(v.screen.length).toBeGreaterThan(0);
    expect(v.screen.length).toBeLessThan(22);
    // fill again, then hold
    for (let i = 0; i < 30; i++) s.submit(`* more ${i}`);
    await until(() => s.status().state === 'MORE...', 'second MORE...');
    expect(s.submit('')).toBe(true);
    expect(s.status().state).toBe('HOLDING');
    const held = [...v.screen];
    timers.advance(120_000);
    expect(v.screen).toEqual(held);
    s.attention('PA2');
    expect(s.status().state).not.toBe('HOLDING');
  });

  it('RETRIEVE (PF12) brings back earlier lines, newest first', async () => {
    const { s, v } = await loggedOn();
    s.submit('Q T');
    await settle();
    s.submit('Q N');
    await settle();
    s.attention('PF', 12);
    expect(v.input).toBe('Q N');
    s.attention('PF', 12);
    expect(v.input).toBe('Q T');
  });

  it('PA1 gives attention and the session closes when the user logs off', async () => {
    const { s, v } = await loggedOn();
    s.attention('PA1');
    await settle();
    s.submit('LOGOFF');
    await until(() => v.screen.some((l) => l.startsWith('LOGOFF AT')), 'logoff');
    s.close();
    expect(v.closedWith).toBeDefined();
  });
});
