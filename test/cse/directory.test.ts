// One source directory, per-system object directories (SYSAFFIN), DIRECTXA rebuilds that
// reach every system — also a system of another Cluster (process) on the same data file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachTestConsole, startCluster, type TestCluster } from '../../src/console/core/harness.js';
import { Cluster } from '../../src/cp/cluster.js';
import { defaultClusterFolder } from '../../src/cp/cluster-folder.js';
import { parseSystemConfig } from '../../src/cp/config/system-config.js';
import { buildObjectDirectories } from '../../src/cp/directory/directxa.js';

const folder = defaultClusterFolder();
const source = readFileSync(join(folder, 'USER.DIRECT'), 'latin1');
const config = parseSystemConfig(readFileSync(join(folder, 'SYSTEM.CONFIG'), 'latin1')).config;

const withUser4 =
  source +
  ['USER USER4 USER4 32M 128M G', '  INCLUDE CMSUSER', '  SYSAFFIN VMSYS1', '  MDISK 0191 3390 0061 0010 VMUSR1 MR ALL', '  SYSAFFIN VMSYS2', '  MDISK 0191 3390 0071 0010 VMUSR1 MR ALL', '  SYSAFFIN *', '  MDISK 0192 3390 0081 0005 VMUSR1 MR ALL', ''].join('\n');

let tc: TestCluster | undefined;
const others: Cluster[] = [];
afterEach(async () => {
  await tc?.shutdown();
  tc = undefined;
  for (const c of others.splice(0)) await c.shutdown();
});

describe('per-system object directories', () => {
  it('SYSAFFIN statements apply only on the systems they name', () => {
    const r = buildObjectDirectories(withUser4, 'USER DIRECT', config);
    expect(r.ok).toBe(true);
    const md = (sys: string) => r.bySystem.get(sys)!.users.get('USER4')!.devices.filter((d) => d.kind === 'MDISK').map((d) => d.kind === 'MDISK' && `${d.vdev.toString(16)}@${d.start}`);
    expect(md('VMSYS1')).toEqual(['191@61', '192@81']);
    expect(md('VMSYS2')).toEqual(['191@71', '192@81']);
  });

  it('reports SYSAFFIN naming no system and refuses errors on any system', () => {
    const bad = source + 'USER USER5 USER5 32M 128M G\n  SYSAFFIN VMSYS7\n  SYSAFFIN VMSYS2\n  MDISK 0191 3390 0061 0010 NOVOL MR ALL\n';
    const r = buildObjectDirectories(bad, 'USER DIRECT', config);
    expect(r.ok).toBe(false);
    expect(r.report.some((l) => /SYSAFFIN names VMSYS7/.test(l))).toBe(true);
    expect(r.report.some((l) => /volume NOVOL is not defined/.test(l))).toBe(true);
    expect(r.report.at(-1)).toBe('EOJ DIRECTORY NOT UPDATED');
  });

  it('DIRECTXA takes effect for new logons on every system, in this process and another', async () => {
    tc = await startCluster({ autolog: false, systems: ['VMSYS1'] });
    const second = await Cluster.open({ dataFile: tc.cluster.dataFile, autolog: false, systems: ['VMSYS2'] });
    others.push(second);
    const a = tc.console('VMSYS1');
    await a.type('LOGON MAINT NOIPL');
    await a.type('MAINT');
    expect(await a.type('DIRECTXA EDIT')).toEqual(['EOJ DIRECTORY NOT UPDATED (EDIT)']);
    const b = attachTestConsole(second, 'VMSYS2');
    expect(await b.type('LOGON USER4 NOIPL')).toEqual(['HCPLGA053E USER4 not in CP directory']);
    // the new source arrives in MAINT's reader (as SENDFILE/DISK DUMP would put it there)
    const vm = tc.cluster.findUser('MAINT')!;
    const pun = vm.devices.get(0x00d)!;
    if (pun.type !== 'PUN') throw new Error('no punch');
    pun.records.push(...withUser4.split('\n'));
    const sent = await a.type('CLOSE 00D NAME USER DIRECT');
    const spoolid = Number(/PUN FILE (\d{4})/.exec(sent[0]!)![1]);
    const before = vm.entry;
    // a source with errors is refused and changes nothing
    pun.records.push('USER BAD', '  MDISK 0191 3390 0001 0010 NOVOL MR ALL');
    const badId = Number(/PUN FILE (\d{4})/.exec((await a.type('CLOSE 00D'))[0]!)![1]);
    const refused = await a.type(`DIRECTXA RDR ${badId}`);
    expect(refused.at(-2)).toBe('EOJ DIRECTORY NOT UPDATED');
    expect(refused.at(-1)).toBe('HCPDIR008E Directory has errors; not updated');
    expect(await a.type('DIRECTXA RDR 9999')).toEqual(['HCPDIR042E Spoolid 9999 does not exist']);
    expect(await a.type(`DIRECTXA RDR ${spoolid}`)).toEqual(['EOJ DIRECTORY UPDATED AND ON LINE']);
    // logged-on users keep the entry they logged on with; new logons get the new one
    expect(vm.entry).toBe(before);
    expect(tc.cluster.system('VMSYS1')!.directory.users.get('MAINT')).not.toBe(before);
    await a.type('LOGON USER4'); // logged on already: answers, changes nothing
    // the other "process" polls the store and rebuilds its object directory
    await new Promise((r) => setTimeout(r, 400));
    await b.type('LOGON USER4 NOIPL');
    const logon = await b.type('USER4');
    expect(logon.some((l) => /^LOGON AT /.test(l))).toBe(true);
    expect((await b.type('Q V 191'))[0]).toMatch(/^DASD 0191 3390 VMUSR1 R\/W\s+10 CYL/);
    expect(second.findUser('USER4')!.devices.get(0x191)).toMatchObject({ start: 71 });
    // the same user cannot log on to VMSYS1 while on VMSYS2 (the other process)
    const c = tc.console('VMSYS1');
    await c.type('LOGON USER4 NOIPL');
    expect(await c.type('USER4')).toEqual(['HCPLGA054E Already logged on system VMSYS2']);
    // and a message reaches them across the "processes" through the store
    expect(await a.type('MSG USER4 HELLO')).toEqual([]);
    const got = await b.waitFor(/MSG FROM MAINT/, 3000);
    expect(got).toMatch(/\* MSG FROM MAINT   : HELLO$/);
    await a.type('LOGOFF');
  });
});
