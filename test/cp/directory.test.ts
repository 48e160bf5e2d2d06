// USER DIRECT parser, DIRECTXA checks, SYSTEM CONFIG (CP-REFERENCE.md §4).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster, ClusterConfigError } from '../../src/cp/cluster.js';
import { readClusterFolder } from '../../src/cp/cluster-folder.js';
import { parseSystemConfig } from '../../src/cp/config/system-config.js';
import { directxa } from '../../src/cp/directory/directxa.js';
import { parseStorageSize } from '../../src/cp/directory/model.js';

const CONFIG = `System_Identifier A Slot 1\nVolume VOL001 3390 100 0A00\nUser_Volume_List VOL001\n`;

function check(dir: string) {
  const cfg = parseSystemConfig(CONFIG).config;
  return directxa(dir, 'USER DIRECT', cfg);
}

describe('the default cluster folder', () => {
  it('parses without errors and has the users of DESIGN.md §4', () => {
    const src = readClusterFolder();
    const cfg = parseSystemConfig(src.configText, src.configFile);
    expect(cfg.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(cfg.config.systems.map((s) => s.name)).toEqual(['VMSYS1', 'VMSYS2']);
    const r = directxa(src.directoryText, src.directoryFile, cfg.config);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    const u = r.directory.users;
    for (const id of ['OPERATOR', 'MAINT', 'MVVAN1', 'MVVAN2', 'LNXA5VM', 'USER1']) {
      expect(u.get(id)?.password).toBe(id);
    }
    expect(u.get('OPERATOR')!.classes).toBe('ABCDEFG');
    expect(u.get('LNXA5VM')!.storage).toBe(128 * 1024 * 1024);
    expect(u.get('MVVAN1')!.options.has('MIGRATE')).toBe(true);
    for (const [id, e] of u) {
      if (e.ipl?.target === 'CMS') expect(e.devices.some((d) => d.kind === 'MDISK' && d.vdev === 0x191), id).toBe(true);
    }
    expect(u.get('MAINT')!.devices.filter((d) => d.kind === 'MDISK').map((d) => d.vdev)).toEqual([0x190, 0x19e, 0x191]);
    expect(cfg.config.autolog.get('VMSYS1')).toContain('MVVAN1');
    expect(cfg.config.autolog.get('VMSYS2')).toContain('MVVAN2');
  });
});

describe('USER DIRECT parser', () => {
  it('merges a PROFILE into the users that INCLUDE it', () => {
    const r = check(`DIRECTORY 0123 3390 VOL001\nPROFILE P\n SPOOL 000C 2540 READER *\n IPL CMS\nUSER A A 16M 32M G\n INCLUDE P\n MDISK 0191 3390 1 10 VOL001 MR\n`);
    expect(r.ok).toBe(true);
    const a = r.directory.users.get('A')!;
    expect(a.ipl?.target).toBe('CMS');
    expect(a.devices.map((d) => d.kind)).toEqual(['SPOOL', 'MDISK']);
  });

  it('reports each bad statement with file, line and reason, and refuses the directory', () => {
    const text = [
      'DIRECTORY 0123 3390 VOL001',
      'USER A A 16M 8M G', // max < storage
      'USER B B 16M 32M G',
      ' MDISK 0191 3390 1 10 VOL001 MR',
      ' MDISK 0191 3390 20 10 VOL001 MR', // duplicate vdev
      ' LINK NOBODY 0191 0291 RR', // unknown user
      ' FROB 1 2', // unknown statement
      ' MDISK 0192 3390 90 20 VOL001', // past the end of the volume
      ' SPOOL 000C 9999 READER', // bad device type
      ' IPL', // missing operand
      'USER B B 16M', // duplicate user
    ].join('\n');
    const r = check(text);
    expect(r.ok).toBe(false);
    const lines = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line);
    expect(lines).toEqual([2, 5, 6, 7, 8, 9, 10, 11]);
    expect(r.report.at(-1)).toBe('EOJ DIRECTORY NOT UPDATED');
    expect(r.report.find((l) => l.includes('line 5'))).toMatch(/USER DIRECT line 5: error: duplicate virtual device 0191/);
  });

  it('warns about overlapping extents but accepts them', () => {
    const r = check(`DIRECTORY 0123 3390 VOL001\nUSER A A 16M 16M G\n MDISK 0191 3390 1 10 VOL001\nUSER B B 16M 16M G\n MDISK 0191 3390 5 10 VOL001\n`);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('requires INCLUDE to be first and the profile to exist', () => {
    const r = check(`DIRECTORY 0123 3390 VOL001\nUSER A A 16M 16M G\n IPL CMS\n INCLUDE X\nUSER B B 16M 16M G\n INCLUDE NOPE\n`);
    expect(r.diagnostics.map((d) => d.line)).toEqual([4, 6]);
  });

  it('parses storage sizes', () => {
    expect(parseStorageSize('32M')).toBe(32 * 1048576);
    expect(parseStorageSize('2G')).toBe(2 * 1024 ** 3);
    expect(parseStorageSize('32')).toBeUndefined();
    expect(parseStorageSize('x')).toBeUndefined();
  });
});

describe('IPL refuses a directory with errors', () => {
  it('throws ClusterConfigError with the DIRECTXA report', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'vmrexx-bad-'));
    writeFileSync(join(folder, 'USER DIRECT'), 'DIRECTORY 0123 3390 VOL001\nUSER A A 16M 16M G\n BOGUS\n');
    writeFileSync(join(folder, 'SYSTEM CONFIG'), CONFIG);
    const e = await Cluster.open({ folder }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ClusterConfigError);
    expect((e as ClusterConfigError).report).toContain('USER DIRECT line 3: error: unknown statement BOGUS');
  });

  it('SYSTEM CONFIG errors name the line', () => {
    const r = parseSystemConfig('System_Identifier A Slot 9\nVolume X 3390 zz\n');
    expect(r.diagnostics.map((d) => d.line)).toEqual([1, 2, 1]);
  });
});
