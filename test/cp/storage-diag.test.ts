// Guest storage change bits (DESIGN.md §3) and DIAGNOSE X'08', X'5C', X'24', X'00' (CP-REFERENCE.md §2).
import { afterEach, describe, expect, it } from 'vitest';
import { type TestCluster, startCluster } from '../../src/console/core/harness.js';
import { diagnose } from '../../src/cp/diagnose/index.js';
import { GuestStorage, PAGE_SIZE } from '../../src/cp/storage/guest-storage.js';

describe('guest storage', () => {
  it('first retrieve reports non-zero pages, later ones the pages changed since', () => {
    const s = GuestStorage.allocate(64 * PAGE_SIZE);
    s.write(3 * PAGE_SIZE + 10, new Uint8Array([1]));
    s.write(40 * PAGE_SIZE, new Uint8Array([0])); // changed but zero
    const first = s.retrieveChangeBits();
    expect(first[0]).toBe(1 << 3);
    expect(first[1]).toBe(0);
    expect(Array.from(s.retrieveChangeBits())).toEqual([0, 0]);
    s.write(33 * PAGE_SIZE, new Uint8Array([7, 7]));
    expect(Array.from(s.retrieveChangeBits())).toEqual([0, 1 << 1]);
    expect(s.testAndClear(33)).toBe(false);
    s.markChanged(33);
    expect(s.testAndClear(33)).toBe(true);
    expect(s.residentPages()).toBe(2);
  });
});

let tc: TestCluster | undefined;
afterEach(async () => {
  await tc?.shutdown();
  tc = undefined;
});

describe('DIAGNOSE', () => {
  it('X08 returns the response with X15 line ends, CC1 when the buffer is short', async () => {
    tc = await startCluster({ autolog: false });
    const con = tc.console();
    await con.type('LOGON MAINT NOIPL');
    await con.type('MAINT');
    const vm = tc.cluster.findUser('MAINT')!;
    const r = await diagnose(vm, 8, ['Q USERID', 1000]);
    expect(r).toEqual({ rc: 0, cc: 0, result: 'MAINT    AT VMSYS1\x15', ry1: 19 });
    const short = await diagnose(vm, 8, ['Q USERID', 5]);
    expect(short).toMatchObject({ rc: 0, cc: 1, result: 'MAINT', ry1: 14 });
    const bad = await diagnose(vm, 8, ['Q 999', 1000]);
    expect(bad).toMatchObject({ rc: 40, cc: 0, result: 'HCPQVD040E Device 0999 does not exist\x15' });
    expect((await diagnose(vm, 8, ['Q USERID\x15Q 999', 1000])).result.split('\x15').length).toBe(3);
    expect((await diagnose(vm, 8, ['X'.repeat(241), 1000])).cc).toBe(3);
    await con.type('SET EMSG CODE');
    expect((await diagnose(vm, 0x5c, ['HCPQVD040E Device 0999 does not exist'])).result).toBe('HCPQVD040E');
    await con.type('SET EMSG TEXT');
    expect((await diagnose(vm, 0x5c, ['HCPQVD040E Device 0999 does not exist'])).result).toBe('Device 0999 does not exist');
    expect((await diagnose(vm, 0x24, [0x191])).cc).toBe(0);
    expect((await diagnose(vm, 0x24, [0x999])).cc).toBe(3);
    expect((await diagnose(vm, 0x24, [-1])).rc).toBe(9);
    const id = (await diagnose(vm, 0, [])).result;
    expect(id.slice(0, 8)).toBe('z/VM    ');
    expect(id.slice(16, 24)).toBe('MAINT   ');
    expect(id.length).toBe(40);
  });
});
