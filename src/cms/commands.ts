/**
 * The CMS command table (issue 4): name, minimum abbreviation, handler. File system
 * commands are here (LISTFILE and the file matching it shares in listfile.ts); spool
 * commands in spool-cmds.ts, the REXX-facing ones (EXECIO, GLOBALV, buffers, WAKEUP) in
 * rexx-cmds.ts, XEDIT in xedit.ts.
 *
 * DMS messages follow z/VM CMS: DMSmmmnnns text, rc by message (002E file not found:
 * 28; 037E read-only: 36; 069E not accessed: 36; 054E incomplete fileid: 24; 003E
 * invalid option: 24; 113S not attached: 100).
 */
import type { Accessed, Cms, CmdEnv, CommandDef } from './cms.js';
import { MinidiskFs } from './fs.js';
import { cmdListfile, matchFiles } from './listfile.js';
import { abbrev, hex3, type Parsed } from './util.js';
import { SPOOL_COMMANDS } from './spool-cmds.js';
import { REXX_COMMANDS } from './rexx-cmds.js';
import { xedit } from './xedit.js';

const up = (s: string | undefined) => (s ?? '').toUpperCase();

/** "FN FT FM" for messages */
export function fid(fn: string, ft: string, fm: string): string {
  return `${fn} ${ft} ${fm}`;
}

/** Check a file mode operand: the disk, or an error already issued (rc). */
export function needDisk(cms: Cms, mod: string, fm: string, write: boolean): Accessed | number {
  if (!/^[A-Z]([0-6])?$/.test(fm)) return cms.err(`DMS${mod}048E`, `Invalid mode ${fm}`, 24);
  const acc = cms.diskFor(fm);
  if (!acc) return cms.err(`DMS${mod}069E`, `Filemode ${fm.charAt(0)} not accessed`, 36);
  if (write && acc.disk.access !== 'W') return cms.err(`DMS${mod}037E`, `Filemode ${cms.diskName(acc)} is accessed as read/only`, 36);
  return acc;
}

function badOption(cms: Cms, mod: string, o: string): number {
  return cms.err(`DMS${mod}003E`, `Invalid option: ${o}`, 24);
}

// ------------------------------------------------------------------ CP, EXEC

function cmdCp(cms: Cms, _p: Parsed, raw: string): number {
  const cmd = raw.replace(/^\S+\s*/, '');
  if (cmd === '') {
    cms.ch.cp('', false);
    return 0;
  }
  return cms.ch.cp(cmd).rc;
}

function cmdExec(cms: Cms, p: Parsed, raw: string): number {
  const name = up(p.words[1]);
  if (!name) return cms.err('DMSEXC001E', 'No EXEC name specified', 24);
  const f = cms.findFile(name, 'EXEC');
  if (!f) return cms.err('DMSEXT002E', `File ${name} EXEC not found`, 28);
  const args = raw.replace(/^\S+\s+\S+\s?/, '');
  return cms.runExec(f.acc, f.fst, args === raw ? '' : args, name);
}

// ------------------------------------------------------------------ ACCESS, RELEASE, FORMAT

function vdevOf(s: string | undefined): number | undefined {
  if (!s || !/^[0-9A-F]{1,4}$/i.test(s)) return undefined;
  return parseInt(s, 16);
}

function cmdAccess(cms: Cms, p: Parsed): number {
  const vdev = vdevOf(p.words[1]);
  const mode = up(p.words[2] ?? 'A').split('/')[0]!;
  if (p.words[1] === undefined) return cms.err('DMSACC017E', 'Invalid device address', 24);
  if (vdev === undefined) return cms.err('DMSACC017E', `Invalid device address ${up(p.words[1])}`, 24);
  if (!/^[A-Z]$/.test(mode)) return cms.err('DMSACC048E', `Invalid mode ${mode}`, 24);
  const d = cms.openDisk(vdev);
  if ('why' in d) {
    if (d.why === 'unformatted') return cms.err('DMSACC112S', `${mode}(${hex3(vdev)}) is not a CMS formatted disk`, 100);
    return cms.err('DMSACC113S', `${mode}(${hex3(vdev)}) not attached`, 100);
  }
  const prev = cms.accessed.get(mode);
  if (prev && prev.vdev !== vdev) cms.out(`DMSACC724I ${hex3(vdev)} replaces ${mode} (${hex3(prev.vdev)})`);
  cms.access(vdev, mode);
  const acc = cms.accessed.get(mode)!;
  acc.disk = d;
  if (d.access === 'R') cms.out(`DMSACC723I ${mode} (${hex3(vdev)}) R/O`);
  return 0;
}

function cmdRelease(cms: Cms, p: Parsed): number {
  const w = up(p.words[1]);
  if (!w) return cms.err('DMSARE017E', 'Invalid device address', 24);
  let letter: string | undefined;
  if (/^[A-Z]$/.test(w)) letter = w;
  else {
    const v = vdevOf(w);
    for (const a of cms.accessed.values()) if (a.vdev === v) letter = a.letter;
    if (v === undefined) return cms.err('DMSARE017E', `Invalid device address ${w}`, 24);
    if (!letter) return cms.err('DMSARE069E', `Disk ${w} not accessed`, 36);
  }
  if (!cms.accessed.has(letter)) return cms.err('DMSARE069E', `Filemode ${letter} not accessed`, 36);
  cms.accessed.delete(letter);
  if (p.options.includes('DET') || p.options.includes('DETACH')) {
    const a = hex3(vdevOf(w) ?? 0);
    cms.ch.cp(`DETACH ${a}`);
  }
  return 0;
}

function cmdFormat(cms: Cms, p: Parsed): number {
  const vdev = vdevOf(p.words[1]);
  const mode = up(p.words[2]);
  if (vdev === undefined) return cms.err('DMSFOR017E', `Invalid device address ${up(p.words[1])}`.trimEnd(), 24);
  if (!/^[A-Z]$/.test(mode)) return cms.err('DMSFOR048E', `Invalid mode ${mode}`.trimEnd(), 24);
  const info = cms.ch.call({ op: 'mdiskInfo', vdev });
  const name = `${mode}(${hex3(vdev)})`;
  if (info.rc === 1) return cms.err('DMSFOR113S', `${name} not attached`, 100);
  if (info.rc !== 0 || info.hostFolder) return cms.err('DMSFOR114S', `${name} is not a supported device type`, 88);
  if (info.access !== 'W') return cms.err('DMSFOR037E', `Disk ${name} is accessed as read/only`, 36);
  const labelOnly = p.options.some((o) => abbrev(o, 'LABEL', 3));
  let label: string;
  if (labelOnly) {
    cms.out('DMSFOR605R Enter disk label:');
    label = up(cms.readTerminal().trim()).slice(0, 6);
    const d = cms.openDisk(vdev);
    // relabel: keep the files
    const rc = cms.ch.call({ op: 'mdiskWrite', vdev, blocks: [], label }).rc;
    if (rc !== 0) return rc;
    if (!('why' in d)) cms.access(vdev, mode);
    return 0;
  }
  cms.out(`DMSFOR603R FORMAT will erase all files on disk ${name}. Do you wish to continue?`, 'Enter 1 (YES) or 0 (NO).');
  const yes = cms.readTerminal().trim();
  if (yes !== '1') return 0;
  cms.out('DMSFOR605R Enter disk label:');
  label = up(cms.readTerminal().trim()).slice(0, 6) || `${cms.userid.slice(0, 3)}${hex3(vdev)}`;
  cms.out(`DMSFOR733I Formatting disk ${mode}`);
  const rc = MinidiskFs.format(cms.ch, vdev, label);
  if (rc === 36) return cms.err('DMSFOR037E', `Disk ${name} is accessed as read/only`, 36);
  if (rc !== 0) return rc;
  cms.out(`DMSFOR732I ${info.cylinders} cylinders formatted on ${name}`);
  cms.access(vdev, mode);
  return 0;
}

// ------------------------------------------------------------------ QUERY

function queryDisk(cms: Cms, which: string): number {
  let list = cms.searchOrder();
  if (which && which !== '*' && which !== 'MAX' && which !== 'R/W') {
    list = list.filter((a) => a.letter === which.charAt(0));
    if (!list.length) return cms.err('DMSQRY069E', `Filemode ${which} not accessed`, 36);
  }
  if (which === 'R/W') list = list.filter((a) => a.disk.access === 'W');
  cms.out('LABEL  VDEV M  STAT   CYL TYPE BLKSZ   FILES  BLKS USED-(%) BLKS LEFT  BLK TOTAL');
  for (const a of list) {
    const d = a.disk;
    const total = d.totalBlocks();
    const used = d.usedBlocks();
    const pct = total ? Math.floor((used * 100) / total) : 0;
    cms.out(
      `${d.label.padEnd(6)} ${hex3(a.vdev).padEnd(4)} ${a.letter.padEnd(2)} ${d.access === 'W' ? 'R/W' : 'R/O'} ${String(d.cylinders).padStart(5)} ${d.devtype.padEnd(4)} 4096 ${String(d.list().length).padStart(7)} ${String(used).padStart(12)}-${String(pct).padStart(2, '0')} ${String(total - used).padStart(10)} ${String(total).padStart(10)}`,
    );
  }
  return 0;
}

function cmdQuery(cms: Cms, p: Parsed, raw: string, env: CmdEnv): number {
  const what = up(p.words[1]);
  if (abbrev(what, 'DISK', 4)) return queryDisk(cms, up(p.words[2]));
  if (abbrev(what, 'ACCESSED', 3)) {
    cms.out('Mode  Stat  Files  Vdev  Label/Directory');
    for (const a of cms.searchOrder()) {
      cms.out(`${a.letter.padEnd(5)} ${a.disk.access === 'W' ? 'R/W' : 'R/O'} ${String(a.disk.list().length).padStart(6)}  ${hex3(a.vdev).padEnd(4)}  ${a.disk.hostFolder ? `${a.disk.label} (host folder ${a.disk.hostFolder})` : a.disk.label}`);
    }
    return 0;
  }
  if (what === 'SEARCH') {
    for (const a of cms.searchOrder()) cms.out(`${a.disk.label.padEnd(6)}  ${hex3(a.vdev).padEnd(4)}  ${a.letter}   ${a.disk.access === 'W' ? 'R/W' : 'R/O'}`);
    return 0;
  }
  if (what === 'CMSLEVEL') {
    cms.out('CMS Level 73, Service Level 000');
    return 0;
  }
  if (what === 'IMPEX' || what === 'IMPCP') {
    cms.out(`${what} = ${(what === 'IMPEX' ? cms.impex : cms.impcp) ? 'ON' : 'OFF'}`);
    return 0;
  }
  if (what === 'CMSTYPE') {
    cms.out(`CMSTYPE = ${cms.ht ? 'HT' : 'RT'}`);
    return 0;
  }
  // anything else is a CP QUERY
  if (env.env === 'COMMAND' && !what) return cms.err('DMSQRY005E', 'No operand specified', 24);
  const r = cms.ch.cp(raw, true);
  cms.out(...r.lines);
  return r.rc;
}

function cmdSet(cms: Cms, p: Parsed, raw: string): number {
  const what = up(p.words[1]);
  const val = up(p.words[2]);
  if (what === 'IMPEX' || what === 'IMPCP') {
    if (val !== 'ON' && val !== 'OFF') return cms.err('DMSSET070E', `Invalid parameter ${val}`.trimEnd(), 24);
    if (what === 'IMPEX') cms.impex = val === 'ON';
    else cms.impcp = val === 'ON';
    return 0;
  }
  if (what === 'CMSTYPE') {
    cms.ht = val === 'HT';
    return 0;
  }
  // CP SET
  const r = cms.ch.cp(raw, true);
  cms.out(...r.lines);
  return r.rc;
}

// ------------------------------------------------------------------ STATE

function cmdState(cms: Cms, p: Parsed, _raw: string, _env: CmdEnv, mod = 'STT'): number {
  const fn = up(p.words[1]);
  const ft = up(p.words[2]);
  const fm = up(p.words[3] ?? '*');
  if (!fn || !ft) return cms.err(`DMS${mod}054E`, 'Incomplete fileid specified', 24);
  if (fm !== '*' && !/^[A-Z][0-6]?$/.test(fm)) return cms.err(`DMS${mod}048E`, `Invalid mode ${fm}`, 24);
  if (fm !== '*' && !cms.diskFor(fm)) return cms.err(`DMS${mod}069E`, `Filemode ${fm.charAt(0)} not accessed`, 36);
  const m = matchFiles(cms, fn, ft, fm);
  if (!m.length) return cms.err(`DMS${mod}002E`, `File ${fid(fn, ft, fm)} not found`, 28);
  if (mod === 'EST' && m[0]!.acc.disk.access !== 'W') return 36;
  return 0;
}

// ------------------------------------------------------------------ ERASE, RENAME, COPYFILE, TYPE

function cmdErase(cms: Cms, p: Parsed): number {
  const fn = up(p.words[1]);
  const ft = up(p.words[2]);
  const fm = up(p.words[3] ?? 'A');
  if (!fn || !ft) return cms.err('DMSERS054E', 'Incomplete fileid specified', 24);
  if (fm === '*') {
    const m = matchFiles(cms, fn, ft, '*');
    if (!m.length) return cms.err('DMSERS002E', `File ${fid(fn, ft, fm)} not found`, 28);
    for (const { acc } of m) if (acc.disk.access !== 'W') return cms.err('DMSERS037E', `Filemode ${cms.diskName(acc)} is accessed as read/only`, 36);
    for (const { acc, f } of m) acc.disk.update([], [f]);
    return 0;
  }
  const acc = needDisk(cms, 'ERS', fm, false);
  if (typeof acc === 'number') return acc;
  const m = matchFiles(cms, fn, ft, fm);
  if (!m.length) return cms.err('DMSERS002E', `File ${fid(fn, ft, fm)} not found`, 28);
  if (acc.disk.access !== 'W') return cms.err('DMSERS037E', `Filemode ${cms.diskName(acc)} is accessed as read/only`, 36);
  const rc = acc.disk.update([], m.map((x) => x.f));
  return rc;
}

function cmdRename(cms: Cms, p: Parsed): number {
  const w = p.words.slice(1).map(up);
  if (w.length < 6) return cms.err('DMSRNM054E', 'Incomplete fileid specified', 24);
  const [fn, ft, fm] = w as [string, string, string];
  const fn2 = w[3] === '=' ? fn : w[3]!;
  const ft2 = w[4] === '=' ? ft : w[4]!;
  const fm2 = w[5] === '=' ? fm : w[5]!;
  const acc = needDisk(cms, 'RNM', fm, false);
  if (typeof acc === 'number') return acc;
  const src = acc.disk.find(fn, ft);
  if (!src) return cms.err('DMSRNM002E', `File ${fid(fn, ft, fm)} not found`, 28);
  if (fm2.charAt(0) !== fm.charAt(0)) return cms.err('DMSRNM048E', `Invalid mode ${fm2}`, 24);
  if (acc.disk.access !== 'W') return cms.err('DMSRNM037E', `Filemode ${cms.diskName(acc)} is accessed as read/only`, 36);
  if ((fn2 !== fn || ft2 !== ft) && acc.disk.find(fn2, ft2)) return cms.err('DMSRNM024E', `File ${fid(fn2, ft2, fm2.length > 1 ? fm2 : fm2 + '1')} already exists`, 28);
  const mode = fm2.length > 1 ? Number(fm2.charAt(1)) : undefined;
  return acc.disk.update([], [], [{ from: src, fn: fn2, ft: ft2, mode }]);
}

function cmdCopyfile(cms: Cms, p: Parsed): number {
  const w = p.words.slice(1).map(up);
  if (w.length < 3) return cms.err('DMSCPY054E', 'Incomplete fileid specified', 24);
  const [fn, ft, fm] = w as [string, string, string];
  const fn2 = !w[3] || w[3] === '=' ? fn : w[3];
  const ft2 = !w[4] || w[4] === '=' ? ft : w[4];
  const fm2 = !w[5] || w[5] === '=' ? fm : w[5];
  let replace = false;
  let append = false;
  let recfm: 'F' | 'V' | undefined;
  let lrecl: number | undefined;
  for (let i = 0; i < p.options.length; i++) {
    const o = p.options[i]!;
    if (abbrev(o, 'REPLACE', 3)) replace = true;
    else if (abbrev(o, 'APPEND', 3)) append = true;
    else if (abbrev(o, 'RECFM', 3)) {
      const r = p.options[++i];
      if (r !== 'F' && r !== 'V') return badOption(cms, 'CPY', `RECFM ${r ?? ''}`.trim());
      recfm = r;
    } else if (abbrev(o, 'LRECL', 3)) {
      const n = Number(p.options[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 65535) return badOption(cms, 'CPY', `LRECL ${p.options[i] ?? ''}`.trim());
      lrecl = n;
    } else if (o === 'OLDDATE' || o === 'NEWDATE' || o === 'TYPE' || o === 'NOTYPE' || abbrev(o, 'NEWFILE', 3)) {
      /* accepted */
    } else return badOption(cms, 'CPY', o);
  }
  if (fm !== '*') {
    const a = needDisk(cms, 'CPY', fm, false);
    if (typeof a === 'number') return a;
  }
  const src = cms.findFile(fn, ft, fm);
  if (!src) return cms.err('DMSCPY002E', `File ${fid(fn, ft, fm)} not found`, 28);
  const dst = needDisk(cms, 'CPY', fm2 === '*' ? 'A' : fm2, true);
  if (typeof dst === 'number') return dst;
  const existing = dst.disk.find(fn2, ft2);
  const dfm = fm2.length > 1 ? fm2 : `${dst.letter}${src.fst.mode}`;
  if (existing && !replace && !append) return cms.err('DMSCPY024E', `File ${fid(fn2, ft2, dfm)} already exists; specify REPLACE option`, 28);
  if (existing && existing === src.fst && src.acc === dst && !append) return 0;
  let records = src.acc.disk.read(src.fst);
  const rf = recfm ?? (append && existing ? existing.recfm : src.fst.recfm);
  let lr = lrecl ?? (append && existing ? existing.lrecl : src.fst.lrecl);
  if (append && existing) records = [...dst.disk.read(existing), ...records];
  if (rf === 'V' && !lrecl) records = records.map((r) => r.replace(/ +$/, '')), (lr = Math.max(1, ...records.map((r) => r.length)));
  return writeRc(cms, 'CPY', dst, dst.disk.update([{ fn: fn2, ft: ft2, mode: Number(dfm.charAt(1)) || 1, recfm: rf, lrecl: lr, records }], []));
}

export function writeRc(cms: Cms, mod: string, acc: Accessed, rc: number): number {
  if (rc === 36) return cms.err(`DMS${mod}037E`, `Filemode ${cms.diskName(acc)} is accessed as read/only`, 36);
  if (rc === 13) return cms.err(`DMS${mod}105S`, `Disk ${cms.diskName(acc)} is full`, 13);
  return rc;
}

function cmdType(cms: Cms, p: Parsed): number {
  const fn = up(p.words[1]);
  const ft = up(p.words[2]);
  const fm = up(p.words[3] ?? '*');
  if (!fn || !ft) return cms.err('DMSTYP054E', 'Incomplete fileid specified', 24);
  if (fm !== '*') {
    const a = needDisk(cms, 'TYP', fm, false);
    if (typeof a === 'number') return a;
  }
  const f = cms.findFile(fn, ft, fm);
  if (!f) return cms.err('DMSTYP002E', `File ${fid(fn, ft, fm)} not found`, 28);
  const recs = f.acc.disk.read(f.fst);
  const from = p.words[4] ? Number(p.words[4]) : 1;
  const to = p.words[5] && p.words[5] !== '*' ? Number(p.words[5]) : recs.length;
  if (!Number.isInteger(from) || from < 1 || !Number.isInteger(to)) return cms.err('DMSTYP070E', `Invalid parameter ${p.words[4]}`, 24);
  cms.out(...recs.slice(from - 1, to).map((r) => (f.fst.recfm === 'F' ? r.trimEnd() : r)));
  return 0;
}

const noop = () => 0;

export const COMMANDS: CommandDef[] = [
  { name: 'CP', min: 2, fn: cmdCp },
  { name: 'EXEC', min: 2, fn: cmdExec },
  { name: 'ACCESS', min: 3, fn: cmdAccess },
  { name: 'RELEASE', min: 3, fn: cmdRelease },
  { name: 'FORMAT', min: 6, fn: cmdFormat },
  { name: 'QUERY', min: 1, fn: cmdQuery },
  { name: 'SET', min: 3, fn: cmdSet },
  { name: 'LISTFILE', min: 1, fn: cmdListfile },
  { name: 'STATE', min: 5, fn: (c, p, r, e) => cmdState(c, p, r, e, 'STT') },
  { name: 'ESTATE', min: 6, fn: (c, p, r, e) => cmdState(c, p, r, e, 'EST') },
  { name: 'ERASE', min: 2, fn: cmdErase },
  { name: 'RENAME', min: 3, fn: cmdRename },
  { name: 'COPYFILE', min: 4, fn: cmdCopyfile },
  { name: 'TYPE', min: 1, fn: cmdType },
  { name: 'XEDIT', min: 1, fn: xedit },
  { name: 'HT', min: 2, fn: (c) => ((c.ht = true), 0) },
  { name: 'RT', min: 2, fn: (c) => ((c.ht = false), 0) },
  { name: 'HX', min: 2, fn: noop },
  { name: 'HI', min: 2, fn: noop },
  ...SPOOL_COMMANDS,
  ...REXX_COMMANDS,
];

