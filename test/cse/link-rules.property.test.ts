// Property tests of the LINK mode rules (CP-REFERENCE.md §1.4) against a small model, with
// holders on several systems (the CSE link control records are the same for every system).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/cp/cluster.js';
import type { VirtualMachine } from '../../src/cp/guest/virtual-machine.js';
import { evaluateLink } from '../../src/cp/minidisk/link.js';
import type { LinkRecord } from '../../src/cp/store/store.js';

const MODES = ['R', 'RR', 'W', 'WR', 'M', 'MR', 'MW', 'SR', 'SW', 'SM', 'ER', 'EW'] as const;
const SYSTEMS = ['VMSYS1', 'VMSYS2', 'VMSYS3', 'VMSYS4'];
const USERS = ['USER1', 'USER2', 'USER3'];

type Model = { ok: false } | { ok: true; access: 'R' | 'W' };

/** The rules as the reference states them, written independently of link.ts. */
function model(mode: string, others: { access: 'R' | 'W'; mode: string }[]): Model {
  const anyone = others.length > 0;
  const writer = others.some((o) => o.access === 'W');
  const exclusive = others.some((o) => o.mode === 'ER' || o.mode === 'EW');
  if (exclusive) return { ok: false };
  const base = mode === 'SR' ? 'R' : mode === 'SW' ? 'W' : mode === 'SM' ? 'M' : mode;
  switch (base) {
    case 'R': return writer ? { ok: false } : { ok: true, access: 'R' };
    case 'RR': return { ok: true, access: 'R' };
    case 'W': return anyone ? { ok: false } : { ok: true, access: 'W' };
    case 'WR': return { ok: true, access: anyone ? 'R' : 'W' };
    case 'M': return writer ? { ok: false } : { ok: true, access: 'W' };
    case 'MR': return { ok: true, access: writer ? 'R' : 'W' };
    case 'MW': return { ok: true, access: 'W' };
    case 'ER': return anyone ? { ok: false } : { ok: true, access: 'R' };
    case 'EW': return anyone ? { ok: false } : { ok: true, access: 'W' };
  }
  throw new Error(mode);
}

function fakes(links: LinkRecord[], system: string, userid: string) {
  const cluster = { store: { linksTo: (o: string, v: number) => links.filter((l) => l.owner === o && l.ownerVdev === v) } } as unknown as Cluster;
  const vm = { system: { name: system }, userid } as unknown as VirtualMachine;
  return { cluster, vm };
}

const holder = fc.record({
  system: fc.constantFrom(...SYSTEMS),
  userid: fc.constantFrom(...USERS),
  mode: fc.constantFrom(...MODES),
  access: fc.constantFrom<'R' | 'W'>('R', 'W'),
});

describe('LINK mode rules', () => {
  it('decide as the model does, whoever holds the disk on whichever system', () => {
    fc.assert(
      fc.property(fc.array(holder, { maxLength: 5 }), fc.constantFrom(...SYSTEMS), fc.constantFrom(...USERS), fc.constantFrom(...MODES), (hs, sys, user, mode) => {
        const links: LinkRecord[] = hs.map((h, i) => ({ ...h, vdev: 0x300 + i, owner: 'OWNER', ownerVdev: 0x191 }));
        const { cluster, vm } = fakes(links, sys, user);
        const got = evaluateLink(cluster, vm, 'OWNER', 0x191, 0x391, mode);
        const others = links.filter((l) => !(l.system === sys && l.userid === user));
        const want = model(mode, others);
        expect(got.ok).toBe(want.ok);
        if (got.ok && want.ok) expect(got.access).toBe(want.access);
        if (!got.ok) expect(got.id).toBe('HCPLNM104E');
      }),
      { numRuns: 2000 },
    );
  });

  it('never grant two write links (without MW) or share an exclusive link, over any sequence', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('link' as const), system: fc.constantFrom(...SYSTEMS), userid: fc.constantFrom(...USERS), mode: fc.constantFrom(...MODES.filter((m) => m !== 'MW')) }),
      fc.record({ kind: fc.constant('detach' as const), system: fc.constantFrom(...SYSTEMS), userid: fc.constantFrom(...USERS) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const links: LinkRecord[] = [];
        for (const o of ops) {
          const mineIdx = links.findIndex((l) => l.system === o.system && l.userid === o.userid);
          if (o.kind === 'detach') {
            if (mineIdx >= 0) links.splice(mineIdx, 1);
          } else if (mineIdx < 0) {
            const { cluster, vm } = fakes(links, o.system, o.userid);
            const r = evaluateLink(cluster, vm, 'OWNER', 0x191, 0x391, o.mode);
            if (r.ok) links.push({ system: o.system, userid: o.userid, vdev: 0x391, owner: 'OWNER', ownerVdev: 0x191, access: r.access, mode: o.mode });
          }
          expect(links.filter((l) => l.access === 'W').length).toBeLessThanOrEqual(1);
          if (links.some((l) => l.mode === 'ER' || l.mode === 'EW')) expect(links).toHaveLength(1);
          // a W-mode link is granted only to a disk nobody else had
          const w = links.find((l) => l.mode === 'W' || l.mode === 'SW' || l.mode === 'EW');
          if (w) expect(links.every((l) => l === w || l.mode === 'RR' || l.mode === 'WR' || l.mode === 'MR' || l.access === 'R')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
