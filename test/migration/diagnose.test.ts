// TRACK (X'100') and the Migration DIAGNOSE (X'104'), called as a guest would (issue 5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cp/cluster.js';
import { diagnose } from '../../src/cp/diagnose/index.js';
import type { VirtualMachine } from '../../src/cp/guest/virtual-machine.js';
import { relocations } from '../../src/cp/migration/engine.js';
import { ChangeTracker } from '../../src/cp/migration/guest-image.js';
import { GuestStorage } from '../../src/cp/storage/guest-storage.js';

let cluster: Cluster;
let van: VirtualMachine;
const d = async (vm: VirtualMachine, code: number, ...args: (string | number)[]) => diagnose(vm, code, args);

beforeAll(async () => {
  cluster = await Cluster.open();
  van = cluster.findUser('MVVAN1')!;
  for (let i = 0; i < 100 && !cluster.findUser('LNXA5VM')?.guest; i++) await new Promise((r) => setTimeout(r, 20));
  // the guest has run (its counter in page 0 moved): on a loaded machine its worker starts late
  const counter = () => Number(new DataView(cluster.findUser('LNXA5VM')!.storage.bytes.buffer).getBigUint64(0));
  for (let i = 0; i < 500 && counter() === 0; i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 200));
});
afterAll(async () => cluster.shutdown());

describe('change tracking', () => {
  it('first retrieval: every non-zero page; then only the pages changed since', () => {
    const s = GuestStorage.allocate(64 * 4096);
    s.write(3 * 4096, new Uint8Array([1]));
    s.write(40 * 4096 + 100, new Uint8Array([2]));
    s.bits.fill(0); // bits alone do not decide the first retrieval
    const t = new ChangeTracker(s);
    expect(t.retrieve()).toEqual([3, 40]);
    expect(t.retrieve()).toEqual([]);
    s.write(7 * 4096, new Uint8Array([9]));
    s.write(3 * 4096 + 5, new Uint8Array([9]));
    expect(t.peekCount()).toBe(2);
    expect(t.retrieve()).toEqual([3, 7]);
    expect(t.retrieve()).toEqual([]);
  });
});

describe('authorization', () => {
  it('a user without OPTION TRACK / MIGRATE is refused (cc 3, rc 1970) and told so', async () => {
    const u = cluster.findUser('OPERATOR') ?? (await import('../../src/cp/commands/logon.js')).autologUser(cluster.defaultSystem, 'USER1', 'TEST');
    const user = await u;
    const lines: string[] = [];
    const orig = user!.out.bind(user);
    user!.out = (l: string) => void lines.push(l);
    expect(await d(user!, 0x100, 'ATTACH', 'LNXA5VM', 'R')).toMatchObject({ cc: 3, rc: 1970 });
    expect(await d(user!, 0x104, 'GETCONFIG', 'LNXA5VM')).toMatchObject({ cc: 3, rc: 1970 });
    user!.out = orig;
    expect(lines).toEqual(["HCPDIA1970E DIAGNOSE X'100' not authorized for USER1", "HCPDIA1970E DIAGNOSE X'104' not authorized for USER1"]);
  });
});

describe('TRACK and the Migration DIAGNOSE, step by step', () => {
  it('TRACK gives the shared storage itself, read-only', async () => {
    const r = (await d(van, 0x100, 'ATTACH', 'LNXA5VM', 'R')) as { rc: number; storage?: { data: SharedArrayBuffer; readOnly: boolean } };
    expect(r.rc).toBe(0);
    expect(r.storage!.readOnly).toBe(true);
    expect(r.storage!.data).toBe(cluster.findUser('LNXA5VM')!.storage.buffers.data);
    expect((await d(van, 0x100, 'ATTACH', 'LNXA5VM', 'W')).rc).toBe(1954); // not an inward guest
    expect((await d(van, 0x100, 'ATTACH', 'NOBODY', 'R')).rc).toBe(45);
  });

  it('the eight functions move the guest; the source copy goes, the counter goes on', async () => {
    const g = cluster.findUser('LNXA5VM')!;
    const before = Number(new DataView(g.storage.bytes.buffer).getBigUint64(0));
    expect((await d(van, 0x104, 'BEGIN', 'OUTWARD', 'LNXA5VM', 'VMSYS2')).rc).toBe(0);
    const cfg = JSON.parse((await d(van, 0x104, 2, 'LNXA5VM')).result) as { storageSize: number; devices: { type: string }[] };
    expect(cfg.storageSize).toBe(128 * 1024 * 1024);
    expect(cfg.devices.some((x) => x.type === 'NIC')).toBe(true);
    expect((await d(van, 0x104, 'SETCONFIG', 'LNXA5VM')).rc).toBe(0);
    const first = Number((await d(van, 0x104, 'CHANGEBITS', 'LNXA5VM')).result);
    expect(first).toBeGreaterThan(1);
    const sent = (await d(van, 0x100, 'SEND', 'LNXA5VM')).result.split(' ');
    expect(Number(sent[0])).toBe(first);
    expect((await d(van, 0x104, 'STUN', 'LNXA5VM')).rc).toBe(0);
    await d(van, 0x104, 'CHANGEBITS', 'LNXA5VM');
    await d(van, 0x100, 'SEND', 'LNXA5VM');
    const state = JSON.parse((await d(van, 0x104, 'GETSTATE', 'LNXA5VM')).result) as { program: string; counter: number };
    expect(state.program).toBe('LINUX');
    const r = await d(van, 0x104, 'RESTORE', 'LNXA5VM');
    expect(r.rc).toBe(0);
    expect(cluster.system('VMSYS1')!.vms.has('LNXA5VM')).toBe(false);
    const moved = cluster.system('VMSYS2')!.vms.get('LNXA5VM')!;
    for (let i = 0; i < 200 && Number(new DataView(moved.storage.bytes.buffer).getBigUint64(0)) <= state.counter; i++) await new Promise((res) => setTimeout(res, 20));
    expect(Number(new DataView(moved.storage.bytes.buffer).getBigUint64(0))).toBeGreaterThan(Math.max(before, state.counter));
  });

  it('ABORT leaves the guest running where it is; functions without BEGIN are refused', async () => {
    expect((await d(van, 0x104, 'CHANGEBITS', 'LNXA5VM')).rc).toBe(1961);
    const van2 = cluster.findUser('MVVAN2')!; // LNXA5VM is on VMSYS2 now, where MVVAN2 is
    expect((await d(van2, 0x104, 'BEGIN', 'OUTWARD', 'LNXA5VM', 'VMSYS1')).rc).toBe(0);
    expect((await d(van2, 0x104, 'SETCONFIG', 'LNXA5VM')).rc).toBe(0);
    await d(van2, 0x104, 'CHANGEBITS', 'LNXA5VM');
    expect((await d(van2, 0x104, 'STUN', 'LNXA5VM')).rc).toBe(0);
    expect((await d(van2, 0x104, 'ABORT', 'LNXA5VM', 'test')).rc).toBe(0);
    const g = cluster.system('VMSYS2')!.vms.get('LNXA5VM')!;
    expect(g.guest?.stopped).toBe(false);
    expect(cluster.system('VMSYS1')!.vms.has('LNXA5VM')).toBe(false);
    expect((await d(van, 0x104, 'BEGIN', 'INWARD', 'LNXA5VM')).rc).toBe(0);
    expect((await d(van2, 0x104, 'BEGIN', 'INWARD', 'LNXA5VM')).rc).toBe(1940); // already here
  });

  it('an interrupted SEND keeps the pages it did not send for the next one', async () => {
    const van2 = cluster.findUser('MVVAN2')!;
    expect((await d(van2, 0x104, 'BEGIN', 'OUTWARD', 'LNXA5VM', 'VMSYS1')).rc).toBe(0);
    expect((await d(van2, 0x104, 'SETCONFIG', 'LNXA5VM')).rc).toBe(0);
    const first = Number((await d(van2, 0x104, 'CHANGEBITS', 'LNXA5VM')).result);
    expect(first).toBeGreaterThan(1);
    const m = relocations.get('LNXA5VM')!;
    // an interrupt is pending from the start: nothing goes, nothing is lost
    expect(await m.sendPending(() => true)).toBe(0);
    expect(m.pagesSent).toBe(0);
    expect(Number((await d(van2, 0x104, 'CHANGEBITS', 'LNXA5VM')).result)).toBeGreaterThanOrEqual(first);
    const sent = Number((await d(van2, 0x100, 'SEND', 'LNXA5VM')).result.split(' ')[0]);
    expect(sent).toBeGreaterThanOrEqual(first);
    expect(m.pagesSent).toBe(sent);
    expect((await d(van2, 0x104, 'ABORT', 'LNXA5VM', 'test')).rc).toBe(0);
    expect(cluster.system('VMSYS2')!.vms.get('LNXA5VM')!.guest?.stopped).toBe(false);
  });
});
