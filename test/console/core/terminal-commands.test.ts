// TERMINAL, SET PFnn, SET RETRIEVE, QUERY TERMINAL/PF/RETRIEVE and the line editing they
// control (LINEND, CHARDEL, ESCAPE), through the console core against real CP; and the
// LOGON failure guard (per connection, per user, delay then drop) on fake timers.
import { afterEach, describe, expect, it } from 'vitest';
import { attachTestConsole, startCluster, type TestCluster, type TestConsole } from '../../../src/console/core/harness.js';
import { editLine, immediateCp } from '../../../src/cp/terminal-settings.js';
import { logonGuard, type GuardTimers } from '../../../src/cp/logon-guard.js';

let tc: TestCluster | undefined;
afterEach(async () => {
  await tc?.shutdown();
  tc = undefined;
});

async function logon(user = 'USER1'): Promise<TestConsole> {
  tc ??= await startCluster({ autolog: false });
  const c = tc.console();
  await c.drain();
  await c.type(`LOGON ${user} NOIPL`);
  await c.type(user);
  return c;
}

describe('line editing', () => {
  it('splits at LINEND, deletes with CHARDEL, takes the next character literally after ESCAPE', () => {
    const s = { linend: '#', chardel: '@', escape: '"' };
    expect(editLine('Q T#Q N', s)).toEqual(['Q T', 'Q N']);
    expect(editLine('Q TIMX@E', s)).toEqual(['Q TIME']);
    expect(editLine('A"#B""C"@', s)).toEqual(['A#B"C@']);
    expect(editLine('@@X', s)).toEqual(['X']);
    expect(editLine('A#B', { linend: null, chardel: null, escape: null })).toEqual(['A#B']);
    expect(immediateCp('#CP Q T', '#')).toBe('Q T');
    expect(immediateCp('#cp', '#')).toBe('');
    expect(immediateCp('#CPX', '#')).toBeUndefined();
    expect(immediateCp('$CP Q N', '$')).toBe('Q N');
    expect(immediateCp('#CP Q T', null)).toBeUndefined();
  });
});

describe('TERMINAL and QUERY TERMINAL', () => {
  it('shows the defaults and each change', async () => {
    const c = await logon();
    let out = await c.type('QUERY TERMINAL');
    expect(out).toContain('LINEND  #, LINEDEL  OFF, CHARDEL  OFF, ESCAPE  OFF');
    expect(out.join('\n')).toMatch(/MORE 050 010, HOLD OFF/);
    expect(out).toContain('BRKKEY PA1');
    expect(out.join('\n')).toMatch(/CONMODE 3215/);
    await c.type('TERM MORE 30 5');
    await c.type('TERMINAL HOLD ON');
    await c.type('TERMINAL BRKKEY PF 5');
    await c.type('TERMINAL CHARDEL @');
    await c.type('TERMINAL ESCAPE ON');
    out = await c.type('Q TERM');
    expect(out).toContain('LINEND  #, LINEDEL  OFF, CHARDEL  @, ESCAPE  "');
    expect(out.join('\n')).toMatch(/MORE 030 005, HOLD ON/);
    expect(out).toContain('BRKKEY PF05');
    expect(c.session.config.more).toEqual([30, 5]);
    await c.type('TERMINAL BRKKEY NONE HOLD OFF');
    out = await c.type('Q TERM');
    expect(out).toContain('BRKKEY NONE');
    expect(out.join('\n')).toMatch(/HOLD OFF/);
  });

  it('answers bad operands with HCPTRM messages and changes nothing', async () => {
    const c = await logon();
    expect(await c.type('TERMINAL')).toContain('HCPTRM026E Operand missing or invalid');
    expect(await c.type('TERMINAL MORE 999 10')).toContain('HCPTRM003E Invalid option - 999');
    expect(await c.type('TERMINAL MORE X')).toContain('HCPTRM003E Invalid option - X');
    expect(await c.type('TERMINAL HOLD MAYBE')).toContain('HCPTRM003E Invalid option - MAYBE');
    expect(await c.type('TERMINAL BRKKEY PF25')).toContain('HCPTRM003E Invalid option - PF25');
    expect(await c.type('TERMINAL LINEND AB')).toContain('HCPTRM003E Invalid option - AB');
    expect(await c.type('TERMINAL FROBNICATE ON')).toContain('HCPTRM003E Invalid option - FROBNICATE');
    // the same symbol twice is a conflict; nothing of that command is applied
    expect(await c.type('TERMINAL MORE 1 1 CHARDEL % LINEND %')).toContain('HCPTRM013E Conflicting option - %');
    expect(c.session.config.more).toEqual([50, 10]);
    expect(c.session.config.linend).toBe('#');
  });

  it('LINEND, CHARDEL and ESCAPE edit what is typed', async () => {
    const c = await logon();
    let out = await c.type('Q USERID#Q PRIVCLAS');
    expect(out.join('\n')).toMatch(/USER1\s+AT VMSYS1/);
    expect(out.join('\n')).toMatch(/Privilege classes/i);
    await c.type('TERMINAL LINEND $');
    out = await c.type('Q USERID$Q USERID');
    expect(out.filter((l) => /USER1\s+AT/.test(l))).toHaveLength(2);
    // '#' is an ordinary character now
    out = await c.type('Q #');
    expect(out.join('\n')).toMatch(/HCP\w+E/);
    await c.type('TERMINAL CHARDEL @');
    out = await c.type('Q USERIX@D');
    expect(out.join('\n')).toMatch(/USER1\s+AT VMSYS1/);
    await c.type('TERMINAL ESCAPE "');
    await c.type('SET PF5 IMMED Q USERID"$Q TIME');
    out = await c.type('Q PF5');
    expect(out).toContain('PF05 IMMED Q USERID$Q TIME');
    await c.type('TERMINAL LINEND OFF');
    out = await c.type('Q TERM');
    expect(out[0]).toBe('LINEND  OFF, LINEDEL  OFF, CHARDEL  @, ESCAPE  "');
    await c.type('TERMINAL LINEND ON');
    out = await c.type('Q TERM');
    expect(out[0]).toMatch(/^LINEND  #,/);
  });
});

describe('SET PFnn, SET RETRIEVE, QUERY PF', () => {
  it('sets, shows and clears PF keys', async () => {
    const c = await logon();
    let out = await c.type('QUERY PF');
    expect(out.filter((l) => /^PF\d\d /.test(l))).toHaveLength(24);
    expect(out).toContain('PF12 RETRIEVE');
    expect(out).toContain('PF01 UNDEFINED');
    await c.type('SET PF3 DELAYED LOGOFF');
    await c.type('SET PF4 Q TIME');
    await c.type('SET PF11 RETRIEVE FORWARD');
    out = await c.type('Q PF 3');
    expect(out).toEqual(['PF03 DELAYED LOGOFF']);
    expect((await c.type('Q PF04'))[0]).toBe('PF04 IMMED Q TIME');
    expect((await c.type('Q PF11'))[0]).toBe('PF11 RETRIEVE FORWARD');
    await c.type('SET PF3');
    expect((await c.type('Q PF03'))[0]).toBe('PF03 UNDEFINED');
    expect(await c.type('SET PF25 Q T')).toContain('HCPSET003E Invalid option - PF25');
    expect(await c.type('SET PF11 RETRIEVE SIDEWAYS')).toContain('HCPSET003E Invalid option - SIDEWAYS');
    expect(await c.type('Q PF 30')).toContain('HCPCQV003E Invalid option - 30');
    // the other SET and QUERY operands still work
    expect(await c.type('SET EMSG BOGUS')).toContain('HCPSET003E Invalid option - BOGUS');
    expect((await c.type('Q USERID')).join('\n')).toMatch(/USER1\s+AT/);
  });

  it('SET RETRIEVE and QUERY RETRIEVE', async () => {
    const c = await logon();
    expect((await c.type('Q RETRIEVE'))[0]).toBe('RETRIEVE BUFFERS = 010, MAXIMUM = 255');
    await c.type('SET RETRIEVE 3');
    expect((await c.type('Q RET'))[0]).toBe('RETRIEVE BUFFERS = 003, MAXIMUM = 255');
    expect(c.session.config.retrieve).toBe(3);
    expect(await c.type('SET RETRIEVE 300')).toContain('HCPSET003E Invalid option - 300');
    await c.type('SET RETRIEVE MAX');
    expect(c.session.config.retrieve).toBe(255);
  });

  it('a new LOGON at the terminal starts with the default settings', async () => {
    const c = await logon();
    await c.type('TERMINAL MORE 1 1');
    await c.type('SET PF1 Q N');
    expect(c.session.config.pf.get(1)?.text).toBe('Q N');
    await c.type('LOGOFF');
    expect(c.session.config.more).toEqual([50, 10]);
    expect(c.session.config.pf.has(1)).toBe(false);
  });
});

class FakeGuardTimers implements GuardTimers {
  t = 0;
  private readonly q: { at: number; fn: () => void }[] = [];
  setTimeout(fn: () => void, ms: number): unknown {
    this.q.push({ at: this.t + ms, fn });
    return this.q.length;
  }
  now(): number {
    return this.t;
  }
  get waiting(): number {
    return this.q.length;
  }
  advance(ms: number): void {
    this.t += ms;
    for (const e of this.q.splice(0)) {
      if (e.at <= this.t) e.fn();
      else this.q.push(e);
    }
  }
}

describe('LOGON failures', () => {
  async function guarded(limit = 3) {
    tc = await startCluster({ autolog: false });
    const timers = new FakeGuardTimers();
    logonGuard(tc.cluster).configure({ limit, delayMs: 10_000, timers });
    return timers;
  }
  const until = async (cond: () => boolean, what: string) => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
    if (!cond()) throw new Error(`timed out waiting for ${what}`);
  };

  it('delays and then drops a connection after the limit; the password never appears', async () => {
    const timers = await guarded(3);
    const c = tc!.console();
    await c.drain();
    for (let i = 1; i <= 2; i++) {
      await c.type('LOGON USER1');
      expect(await c.type(`Wrong${i}pw`)).toContain('HCPLGA050E LOGON unsuccessful--incorrect userid and/or password');
    }
    await c.type('LOGON USER1');
    c.session.submitLine('Wrong3pw');
    await c.waitFor('HCPLGA6050E');
    await until(() => timers.waiting === 1, 'the delay');
    expect(c.session.state).toBe('RUNNING'); // held: nothing is read
    expect(c.session.terminal.closed).toBe(false);
    timers.advance(10_000);
    await until(() => c.session.state === 'CLOSED', 'the drop');
    expect(c.output.join('\n')).not.toMatch(/Wrong\dpw/);
    expect(logonGuard(tc!.cluster).dropped).toBe(1);
  });

  it('counts unknown user IDs per connection', async () => {
    const timers = await guarded(2);
    const c = tc!.console();
    await c.drain();
    expect(await c.type('LOGON NOSUCH1')).toContain('HCPLGA053E NOSUCH1 not in CP directory');
    c.session.submitLine('LOGON NOSUCH2');
    await c.waitFor('HCPLGA6050E');
    await until(() => timers.waiting === 1, 'the delay');
    timers.advance(10_000);
    await until(() => c.session.state === 'CLOSED', 'the drop');
  });

  it('counts per user across connections, and a good LOGON clears the count', async () => {
    const timers = await guarded(3);
    const a = tc!.console();
    const b = tc!.console();
    await a.drain();
    await b.drain();
    await a.type('LOGON USER2');
    await a.type('bad');
    await b.type('LOGON USER2');
    await b.type('bad');
    expect(logonGuard(tc!.cluster).userFailures('USER2')).toBe(2);
    // a third connection's first failure reaches the user's limit
    const c3 = attachTestConsole(tc!.cluster, tc!.cluster.defaultSystem.name);
    await c3.drain();
    await c3.type('LOGON USER2');
    c3.session.submitLine('bad');
    await c3.waitFor('HCPLGA6050E');
    await until(() => timers.waiting === 1, 'the delay');
    timers.advance(10_000);
    await until(() => c3.session.state === 'CLOSED', 'the drop');
    // the right password still works and starts the count again
    await a.type('LOGON USER2 NOIPL');
    const out = await a.type('USER2');
    expect(out.join('\n')).toMatch(/LOGON AT/);
    expect(logonGuard(tc!.cluster).userFailures('USER2')).toBe(0);
    expect(a.session.terminal.logonFailures).toBe(0);
  });
});
