// CP's TERMINAL and SET PFnn commands reach the full-screen session (ScreenSession):
// MORE timing and HOLD on a fake clock, BRKKEY, PF keys IMMED / DELAYED / RETRIEVE,
// QUERY TERMINAL saying CONMODE 3270 with the screen width.
import { afterEach, describe, expect, it } from 'vitest';
import { startCluster, type TestCluster } from '../../../src/console/core/harness.js';
import { ScreenSession } from '../../../src/console/core/screen-session.js';
import { FakeTimers, FakeView, TERMINAL, settle, until } from './fakes.js';

let tc: TestCluster | undefined;
afterEach(async () => {
  await tc?.shutdown();
  tc = undefined;
});

async function loggedOn() {
  const timers = new FakeTimers();
  tc = await startCluster({ autolog: false });
  const s = new ScreenSession(tc.cluster.defaultSystem, TERMINAL, { timers });
  const v = new FakeView();
  s.attach(v);
  await until(() => v.screen.some((l) => l.includes('Enter LOGON')), 'logo');
  s.submit('LOGON USER1 NOIPL');
  await until(() => s.passwordMode(), 'password prompt');
  s.submit('USER1');
  await until(() => s.status().state === 'CP READ' && !s.passwordMode(), 'CP READ');
  await settle();
  /** enter a command and wait for CP READ again */
  const cmd = async (line: string) => {
    s.submit(line);
    await settle();
    await until(() => s.status().state === 'CP READ' || s.status().state === 'MORE...', `${line} done`);
  };
  return { s, v, timers, cmd };
}

const fill = async (s: ScreenSession, n: number, tag: string) => {
  for (let i = 0; i < n; i++) s.submit(`* ${tag} ${i}`);
  await until(() => s.status().state === 'MORE...' && s.core.pending === 0 && s.core.state === 'CP READ', 'MORE...');
};

describe('TERMINAL settings in the full-screen session', () => {
  it('TERMINAL MORE n m sets the intervals; MORE 0 0 never clears by itself', async () => {
    const { s, v, timers, cmd } = await loggedOn();
    await cmd('TERMINAL MORE 5 2');
    s.attention('CLEAR');
    await fill(s, 60, 'a');
    timers.advance(4_999);
    expect(s.status().state).toBe('MORE...');
    timers.advance(1);
    // the next screen is full too: it waits the second interval
    expect(s.status().state).toBe('MORE...');
    timers.advance(2_000);
    await until(() => s.status().state === 'CP READ', 'all shown');
    expect(v.screen.some((l) => l.includes('* a 59'))).toBe(true);

    await cmd('TERMINAL MORE 0 0');
    s.attention('CLEAR');
    await fill(s, 30, 'b');
    timers.advance(3_600_000);
    expect(s.status().state).toBe('MORE...');
    s.attention('CLEAR');
    expect(s.status().state).not.toBe('MORE...');
  });

  it('TERMINAL HOLD ON holds instead of clearing', async () => {
    const { s, timers, cmd } = await loggedOn();
    await cmd('TERMINAL HOLD ON');
    s.attention('CLEAR');
    await fill(s, 30, 'h');
    timers.advance(50_000);
    expect(s.status().state).toBe('HOLDING');
    timers.advance(500_000);
    expect(s.status().state).toBe('HOLDING');
    s.attention('PA2');
    expect(s.status().state).not.toBe('HOLDING');
  });

  it('TERMINAL BRKKEY moves attention to another key (or none)', async () => {
    const { s, v, cmd } = await loggedOn();
    await cmd('TERMINAL BRKKEY PF05');
    const before = s.core.terminal.vm!.userid;
    expect(before).toBe('USER1');
    // PA1 is no longer the break key: nothing happens
    let calls = 0;
    const orig = s.core.terminal.attention.bind(s.core.terminal);
    s.core.terminal.attention = () => {
      calls++;
      orig();
    };
    s.attention('PA1');
    expect(calls).toBe(0);
    s.attention('PF', 5);
    expect(calls).toBe(1);
    await cmd('TERMINAL BRKKEY PA2');
    v.screen.push('marker');
    s.attention('PA2'); // attention, not "clear the output area"
    expect(calls).toBe(2);
    expect(v.screen).toContain('marker');
    await cmd('TERMINAL BRKKEY NONE');
    s.attention('PA1');
    s.attention('PA2');
    expect(calls).toBe(2);
  });

  it('SET PFnn IMMED enters the command, DELAYED puts it in the input area, RETRIEVE FORWARD goes the other way', async () => {
    const { s, v, cmd } = await loggedOn();
    await cmd('SET PF2 IMMED QUERY USERID');
    await cmd('SET PF3 DELAYED LOGOFF');
    await cmd('SET PF11 RETRIEVE FORWARD');
    s.attention('CLEAR');
    s.attention('PF', 2);
    await until(() => v.screen.some((l) => /USER1\s+AT VMSYS1/.test(l)), 'PF2 output');
    s.attention('PF', 3);
    expect(v.input).toBe('LOGOFF');
    // retrieve: PF12 newest first, PF11 the other way
    s.attention('PF', 12);
    expect(v.input).toBe('QUERY USERID'); // what PF2 entered
    s.attention('PF', 12);
    expect(v.input).toBe('SET PF11 RETRIEVE FORWARD');
    s.attention('PF', 11);
    expect(v.input).toBe('QUERY USERID');
    await cmd('SET PF12');
    v.input = '';
    s.attention('PF', 12);
    expect(v.input).toBe('');
  });

  it('RETRIEVE keeps nothing typed at the logo or at the password prompt', async () => {
    const { s, v } = await loggedOn();
    v.input = '';
    s.attention('PF', 12);
    expect(v.input).toBe('');
  });

  it('SET RETRIEVE limits what RETRIEVE keeps; QUERY TERMINAL reports a 3270', async () => {
    const { s, v, cmd } = await loggedOn();
    await cmd('SET RETRIEVE 1');
    await cmd('Q USERID');
    await cmd('Q TIME');
    s.attention('PF', 12);
    expect(v.input).toBe('Q TIME');
    s.attention('PF', 12);
    expect(v.input).toBe('Q TIME');
    s.attention('CLEAR');
    await cmd('QUERY TERMINAL');
    expect(v.screen.join('\n')).toMatch(/CONMODE 3270/);
    expect(v.screen.join('\n')).toMatch(/LINESIZE 80/);
  });

  it('the LINEND character of TERMINAL LINEND also starts an immediate CP command', async () => {
    const { s, v, cmd } = await loggedOn();
    await cmd('TERMINAL LINEND $');
    s.attention('CLEAR');
    await cmd('$CP QUERY USERID');
    expect(v.screen.some((l) => /USER1\s+AT VMSYS1/.test(l))).toBe(true);
  });
});
