// The CMS file system layer (src/cms/fs.ts) and CP's side of its channel requests
// (src/cp/guest/cms-services.ts): record encoding, RECFM F/V, the one-transaction
// update, R/O refusal in CP, the HOSTFOLDER directory extension.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelRequest, GuestChannel } from '../../src/common/channel.js';
import { decodeRecords, encodeRecords, fixRecords, HostFolderFs, MinidiskFs } from '../../src/cms/fs.js';
import { hostFolders, mdiskInfo, mdiskRead, mdiskWrite } from '../../src/cp/guest/cms-services.js';
import { startCluster } from '../../src/console/core/harness.js';

/** A channel whose minidisk is a Map of blocks. */
function fakeChannel(access: 'R' | 'W' = 'W') {
  const blocks = new Map<number, Uint8Array>();
  let writes = 0;
  const ch = {
    call(req: ChannelRequest) {
      if (req.op === 'mdiskRead') return { rc: 0, blocks: req.list.map((b) => blocks.get(b) ?? null) };
      if (req.op === 'mdiskWrite') {
        if (access !== 'W') return { rc: 36 };
        writes++;
        if (req.clear) blocks.clear();
        for (const b of req.blocks) blocks.set(b.block, b.data);
        return { rc: 0 };
      }
      throw new Error(`unexpected ${req.op}`);
    },
  } as unknown as GuestChannel;
  return { ch, blocks, writes: () => writes };
}

describe('CMS records', () => {
  it('encode and decode variable records, including empty and long ones', () => {
    const recs = ['', 'a', 'x'.repeat(5000), 'é\u00ff'];
    expect(decodeRecords(encodeRecords(recs), recs.length)).toEqual(recs);
  });
  it('pads and truncates RECFM F, truncates RECFM V at LRECL', () => {
    expect(fixRecords(['ab', 'abcdef'], 'F', 4)).toEqual(['ab  ', 'abcd']);
    expect(fixRecords(['ab', 'abcdef'], 'V', 4)).toEqual(['ab', 'abcd']);
  });
});

describe('MinidiskFs', () => {
  it('writes, reopens, renames and erases files with one write per change', () => {
    const f = fakeChannel();
    const info = { label: 'TST191', access: 'W' as const, blocks: 100, cylinders: 1, devtype: '3390' };
    const d = MinidiskFs.open(f.ch, 0x191, info)!;
    expect(d.list()).toEqual([]);
    const big = Array.from({ length: 3000 }, (_, i) => `record ${i}`);
    expect(d.update([{ fn: 'BIG', ft: 'DATA', mode: 1, recfm: 'V', lrecl: 20, records: big }], [])).toBe(0);
    expect(d.update([{ fn: 'FIX', ft: 'DATA', mode: 2, recfm: 'F', lrecl: 10, records: ['a', 'b'] }], [])).toBe(0);
    expect(f.writes()).toBe(2);
    const d2 = MinidiskFs.open(f.ch, 0x191, info)!;
    expect(d2.list().map((x) => `${x.fn} ${x.ft} ${x.mode} ${x.recfm} ${x.lrecl} ${x.records}`)).toEqual(['BIG DATA 1 V 20 3000', 'FIX DATA 2 F 10 2']);
    expect(d2.read(d2.find('BIG', 'DATA')!)).toEqual(big);
    expect(d2.read(d2.find('FIX', 'DATA')!)).toEqual(['a         ', 'b         ']);
    expect(d2.update([], [], [{ from: d2.find('FIX', 'DATA')!, fn: 'NEW', ft: 'NAME' }])).toBe(0);
    expect(d2.update([], [{ fn: 'BIG', ft: 'DATA' }])).toBe(0);
    const d3 = MinidiskFs.open(f.ch, 0x191, info)!;
    expect(d3.list().map((x) => `${x.fn} ${x.ft}`)).toEqual(['NEW NAME']);
    expect(d3.usedBlocks()).toBeLessThan(5);
  });
  it('reports a full disk (rc 13) and changes nothing', () => {
    const f = fakeChannel();
    const d = MinidiskFs.open(f.ch, 0x191, { label: 'SMALL', access: 'W', blocks: 3 })!;
    const rc = d.update([{ fn: 'BIG', ft: 'DATA', mode: 1, recfm: 'V', lrecl: 100, records: Array(2000).fill('x'.repeat(100)) }], []);
    expect(rc).toBe(13);
    expect(d.list()).toEqual([]);
    expect(f.writes()).toBe(0);
  });
  it('an unformatted disk cannot be opened; a read-only one refuses writes', () => {
    const f = fakeChannel('R');
    expect(MinidiskFs.open(f.ch, 0x192, {})).toBeUndefined();
    const d = MinidiskFs.open(f.ch, 0x192, { label: 'RO', access: 'R', blocks: 10 })!;
    expect(d.update([{ fn: 'A', ft: 'B', mode: 1, recfm: 'V', lrecl: 1, records: ['x'] }], [])).toBe(36);
  });
});

describe('HostFolderFs (vmrexx extension)', () => {
  it('maps fn.ft files to CMS files and writes them back when R/W', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vmrexx-hf-'));
    try {
      writeFileSync(join(dir, 'hello.exec'), "say 'hi'\nexit\n");
      writeFileSync(join(dir, 'not-a-cms-name.text.txt'), 'x');
      const d = new HostFolderFs(0x192, 'HOST', 'W', dir);
      expect(d.list().map((f) => `${f.fn} ${f.ft} ${f.records}`)).toEqual(['HELLO EXEC 2']);
      expect(d.read(d.find('HELLO', 'EXEC')!)).toEqual(["say 'hi'", 'exit']);
      expect(d.update([{ fn: 'NEW', ft: 'DATA', mode: 1, recfm: 'V', lrecl: 80, records: ['one', 'two'] }], [])).toBe(0);
      expect(readFileSync(join(dir, 'new.data'), 'latin1')).toBe('one\ntwo\n');
      expect(new HostFolderFs(0x192, 'HOST', 'R', dir).update([], [{ fn: 'NEW', ft: 'DATA' }])).toBe(36);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('HOSTFOLDER statements are read per user from the directory text', () => {
    const m = hostFolders('USER MAINT X 1M 1M G\n MDISK 019E 3390 1 1 V MR\n*VMREXX HOSTFOLDER 019E /tmp/x\nUSER B B 1M 1M G\n*VMREXX HOSTFOLDER 191 rel/dir\n');
    expect(m.get('MAINT:414')).toBe('/tmp/x');
    expect(m.get('B:401')).toMatch(/rel\/dir$/);
  });
});

describe('CP side of the CMS disk requests', () => {
  it('refuses writes to an R/O link with rc 36 and reads what was written', async () => {
    const tc = await startCluster({ autolog: false });
    try {
      const c = tc.console();
      await c.type('LOGON USER1');
      await c.type('USER1');
      const vm = tc.cluster.findUser('USER1')!;
      expect(mdiskInfo(vm, 0x190)).toMatchObject({ rc: 0, access: 'R', owner: 'MAINT', label: 'MNT190' });
      expect(mdiskInfo(vm, 0x19e).hostFolder).toMatch(/execs$/);
      expect(mdiskInfo(vm, 0x999).rc).toBe(1);
      expect(mdiskInfo(vm, 0x009).rc).toBe(2);
      expect(mdiskWrite(vm, 0x190, [{ block: 5, data: new Uint8Array([1]) }]).rc).toBe(36);
      expect(mdiskRead(vm, 0x190, [5]).blocks).toEqual([null]);
      expect(mdiskWrite(vm, 0x191, [{ block: 7, data: new Uint8Array([1, 2]) }]).rc).toBe(0);
      expect(mdiskRead(vm, 0x191, [7]).blocks[0]).toEqual(new Uint8Array([1, 2]));
    } finally {
      await tc.shutdown();
    }
  }, 30_000);
});
