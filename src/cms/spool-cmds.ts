/**
 * Spool from CMS (issue 4): PUNCH, PRINT, READCARD, RECEIVE, SENDFILE, NOTE, a line-mode
 * RDRLIST and PEEK. CMS drives CP's virtual punch (00D) and printer (00E) through the
 * channel and CP commands (SPOOL … TO, CLOSE … NAME), as real CMS does.
 *
 * A punched or sent file starts with a header card `:READ  fn ft fm recfm lrecl` (the
 * DISK DUMP / PUNCH header, simplified) so READCARD and RECEIVE restore its name and
 * format. A NOTE is a spool file named `userid NOTE`; RECEIVE adds it to ALL NOTEBOOK A.
 */
import type { Cms, CommandDef } from './cms.js';
import { fid, needDisk, writeRc } from './commands.js';
import type { Fst } from './fs.js';
import { abbrev, cmsDate, type Parsed } from './util.js';

const up = (s: string | undefined) => (s ?? '').toUpperCase();
const PUN = 0x00d;
const PRT = 0x00e;

function header(f: Fst, fm: string): string {
  return `:READ  ${f.fn.padEnd(8)} ${f.ft.padEnd(8)} ${fm.padEnd(2)} ${f.recfm} ${f.lrecl}`;
}

function parseHeader(rec: string | undefined): { fn: string; ft: string; fm: string; recfm: 'F' | 'V'; lrecl: number } | undefined {
  const m = /^:READ\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+([FV])\s+(\d+))?/.exec(rec ?? '');
  if (!m) return undefined;
  return { fn: m[1]!, ft: m[2]!, fm: m[3]!, recfm: (m[4] as 'F' | 'V') ?? 'V', lrecl: Number(m[5] ?? 80) };
}

function getFile(cms: Cms, mod: string, p: Parsed): { acc: ReturnType<Cms['findFile']> & object; fm: string } | number {
  const fn = up(p.words[1]);
  const ft = up(p.words[2]);
  const fm = up(p.words[3] ?? '*');
  if (!fn || !ft) return cms.err(`DMS${mod}054E`, 'Incomplete fileid specified', 24);
  if (fm !== '*') {
    const a = needDisk(cms, mod, fm, false);
    if (typeof a === 'number') return a;
  }
  const f = cms.findFile(fn, ft, fm);
  if (!f) return cms.err(`DMS${mod}002E`, `File ${fid(fn, ft, fm)} not found`, 28);
  return { acc: f, fm: cms.fmText(f.acc, f.fst) };
}

function punchOrPrint(cms: Cms, p: Parsed, vdev: number, mod: string): number {
  const g = getFile(cms, mod, p);
  if (typeof g === 'number') return g;
  const { acc: f, fm } = g;
  const noheader = p.options.some((o) => abbrev(o, 'NOHEADER', 3));
  const recs = f.acc.disk.read(f.fst).map((r) => (f.fst.recfm === 'F' ? r.trimEnd() : r));
  const records = vdev === PUN && !noheader ? [header(f.fst, fm), ...recs] : recs;
  const r = cms.ch.call({ op: 'spoolWrite', vdev, records: records.length ? records : [''] });
  if (r.rc !== 0) return cms.err(`DMS${mod}113S`, `${vdev === PUN ? 'Punch' : 'Printer'} ${vdev.toString(16).toUpperCase().padStart(3, '0')} not attached`, 100);
  return cms.ch.cp(`CLOSE ${vdev.toString(16).toUpperCase().padStart(3, '0')} NAME ${f.fst.fn} ${f.fst.ft}`).rc;
}

/** Spool records to a user's reader through the punch; returns rc. */
function sendRecords(cms: Cms, to: string, records: string[], name: string, type: string): number {
  const s = cms.ch.cp(`SPOOL 00D TO ${to}`, true);
  if (s.rc !== 0) {
    cms.out(...s.lines);
    return s.rc;
  }
  try {
    const r = cms.ch.call({ op: 'spoolWrite', vdev: PUN, records });
    if (r.rc !== 0) return cms.err('DMSSND113S', 'Punch 00D not attached', 100);
    return cms.ch.cp(`CLOSE 00D NAME ${name} ${type}`).rc;
  } finally {
    cms.ch.cp('SPOOL 00D OFF', true);
  }
}

function systemName(cms: Cms): string {
  return cms.data.system;
}

/**
 * The systems of this CSE collection (CP QUERY COLLECT). They share one spool, so each
 * is a node SENDFILE reaches directly: the file goes to the user's reader, which is the
 * same reader on every system — a system that is down shows it when the user logs on.
 */
function collectionMembers(cms: Cms): string[] {
  const r = cms.ch.cp('QUERY COLLECT', true);
  if (r.rc !== 0) return [systemName(cms)];
  return r.lines.map((l) => /^\s+(\S+)\s+Slot\b/.exec(l)?.[1]).filter((n): n is string => !!n);
}

/**
 * SENDFILE fn ft fm [TO] userid [AT node] | userid@node. The node is a system of the
 * collection (the local one when omitted). Messages: DMSSND054E no userid (24);
 * DMSSND976E unknown node (32; the number and text are a recollection, not verified
 * against CMS Messages); CP's HCPSPL053E for a user not in the directory (53).
 */
function sendfile(cms: Cms, p: Parsed): number {
  const w = p.words.map(up);
  const g = getFile(cms, 'SND', { words: w.slice(0, 4), options: [] });
  if (typeof g === 'number') return g;
  let i = 4;
  if (w[i] === 'TO') i++;
  let to = w[i];
  if (!to) return cms.err('DMSSND054E', 'Userid not specified', 24);
  let node: string | undefined;
  const at = /^([^@]+)@(.+)$/.exec(to);
  if (at) [to, node] = [at[1]!, at[2]!];
  else if (w[i + 1] === 'AT') {
    node = w[i + 2];
    if (!node) return cms.err('DMSSND054E', 'Node not specified', 24);
  }
  if (node && node !== systemName(cms) && !collectionMembers(cms).includes(node)) return cms.err('DMSSND976E', `Node ${node} not found`, 32);
  const { acc: f, fm } = g;
  const recs = f.acc.disk.read(f.fst).map((r) => (f.fst.recfm === 'F' ? r.trimEnd() : r));
  const rc = sendRecords(cms, to, [header(f.fst, fm), ...recs], f.fst.fn, f.fst.ft);
  if (rc !== 0) return rc;
  const d = cmsDate(Date.now());
  cms.out(`File ${f.fst.fn} ${f.fst.ft} ${fm} sent to ${to} at ${node ?? systemName(cms)} on ${d.date} ${d.time}`);
  return 0;
}

function note(cms: Cms, p: Parsed): number {
  const to = up(p.words[1]);
  if (!to) return cms.err('DMSNOT054E', 'Userid not specified', 24);
  cms.out(`Enter the note to ${to}; a null line sends it:`);
  const lines: string[] = [];
  for (;;) {
    const l = cms.readTerminal();
    if (l === '') break;
    lines.push(l);
  }
  const d = cmsDate(Date.now());
  const records = [`Date: ${d.isoDate} ${d.time} UTC`, `From: ${cms.userid} at ${systemName(cms)}`, `To:   ${to}`, '', ...lines];
  const rc = sendRecords(cms, to, records, cms.userid, 'NOTE');
  if (rc !== 0) return rc;
  cms.out(`Note ${cms.userid} NOTE sent to ${to} at ${systemName(cms)} on ${d.date} ${d.time}`);
  return 0;
}

function readerFiles(cms: Cms) {
  return cms.ch.call({ op: 'readerList' }).files;
}

function pickReader(cms: Cms, mod: string, spoolidText: string | undefined) {
  const files = readerFiles(cms);
  if (!files.length) {
    cms.err(`DMS${mod}042E`, 'No files in your reader', 28);
    return undefined;
  }
  if (spoolidText === undefined) return files[0]!;
  const id = Number(spoolidText);
  const f = files.find((x) => x.spoolid === id);
  if (!f) cms.err(`DMS${mod}042E`, `Spool file ${spoolidText} does not exist`, 28);
  return f;
}

function receive(cms: Cms, p: Parsed): number {
  const w = p.words.slice(1).map(up);
  let spoolid: string | undefined;
  if (w[0] && /^\d+$/.test(w[0])) spoolid = w.shift();
  else if (w[0] === '*') w.shift();
  const replace = p.options.some((o) => abbrev(o, 'REPLACE', 3));
  for (const o of p.options) if (!abbrev(o, 'REPLACE', 3) && o !== 'OLDDATE' && o !== 'NOLOG' && o !== 'LOG' && o !== 'PURGE') return cms.err('DMSRCV003E', `Invalid option: ${o}`, 24);
  const file = pickReader(cms, 'RCV', spoolid);
  if (!file) return 28;
  const data = cms.ch.call({ op: 'readerRead', spoolid: file.spoolid });
  if (data.rc !== 0) return cms.err('DMSRCV042E', `Spool file ${file.spoolid} does not exist`, 28);
  const a = needDisk(cms, 'RCV', up(w[2] ?? 'A').charAt(0), true);
  if (typeof a === 'number') return a;
  if (file.type === 'NOTE') {
    const nb = a.disk.find('ALL', 'NOTEBOOK');
    const old = nb ? a.disk.read(nb) : [];
    const recs = [...old, ...(old.length ? ['='.repeat(72)] : []), ...data.records];
    const rc = writeRc(cms, 'RCV', a, a.disk.update([{ fn: 'ALL', ft: 'NOTEBOOK', mode: 1, recfm: 'V', lrecl: Math.max(1, ...recs.map((r) => r.length)), records: recs }], []));
    if (rc) return rc;
    cms.ch.call({ op: 'readerRead', spoolid: file.spoolid, purge: true });
    cms.out(`Note ${file.name} ${file.type} added to file ALL NOTEBOOK ${a.letter}1`);
    return 0;
  }
  const h = parseHeader(data.records[0]);
  const recs = h ? data.records.slice(1) : data.records;
  const fn = w[0] && w[0] !== '=' ? w[0] : (h?.fn ?? (file.name || 'READER'));
  const ft = w[1] && w[1] !== '=' ? w[1] : (h?.ft ?? (file.type || 'FILE'));
  const mode = Number((h?.fm ?? 'A1').charAt(1)) || 1;
  const fm = `${a.letter}${mode}`;
  if (a.disk.find(fn, ft) && !replace) return cms.err('DMSRCV169S', `File ${fid(fn, ft, fm)} already exists, specify REPLACE`, 28);
  const recfm = h?.recfm ?? 'V';
  const lrecl = h?.lrecl ?? Math.max(1, ...recs.map((r) => r.length));
  const rc = writeRc(cms, 'RCV', a, a.disk.update([{ fn, ft, mode, recfm, lrecl, records: recs }], []));
  if (rc) return rc;
  cms.ch.call({ op: 'readerRead', spoolid: file.spoolid, purge: true });
  // the sender's system, not ours: in a CSE collection the reader is shared by all members
  cms.out(`File ${fn} ${ft} ${fm} received from ${file.origin} at ${file.originSystem}`);
  return 0;
}

function readcard(cms: Cms, p: Parsed): number {
  const w = p.words.slice(1).map(up);
  const file = pickReader(cms, 'RDC', undefined);
  if (!file) return 28;
  const data = cms.ch.call({ op: 'readerRead', spoolid: file.spoolid });
  const h = parseHeader(data.records[0]);
  const recs = h ? data.records.slice(1) : data.records;
  const fn = w[0] && w[0] !== '*' ? w[0] : (h?.fn ?? 'READCARD');
  const ft = w[1] && w[1] !== '*' ? w[1] : (h?.ft ?? 'CMSUT1');
  const fmIn = up(w[2] ?? 'A');
  const a = needDisk(cms, 'RDC', fmIn.charAt(0), true);
  if (typeof a === 'number') return a;
  const lrecl = 80;
  const rc = writeRc(cms, 'RDC', a, a.disk.update([{ fn, ft, mode: Number(fmIn.charAt(1)) || 1, recfm: 'F', lrecl, records: recs }], []));
  if (rc) return rc;
  cms.ch.call({ op: 'readerRead', spoolid: file.spoolid, purge: true });
  cms.out(`DMSRDC738I Record length is ${lrecl} bytes`);
  return 0;
}

function rdrlist(cms: Cms): number {
  const files = readerFiles(cms);
  if (!files.length) return cms.err('DMSRDL042E', 'No files in your reader', 28);
  cms.out(`${cms.userid.padEnd(8)} RDRLIST  A0  V 108  Trunc=108 Size=${files.length} Line=1 Col=1 Alt=0`);
  cms.out('Cmd   Filename Filetype Class User at Node     Hold Records');
  for (const f of files) {
    cms.out(`      ${(f.name || '').padEnd(8)} ${(f.type || '').padEnd(8)} ${f.class} PUN ${f.origin.padEnd(8)} ${f.originSystem.padEnd(8)} NONE ${String(f.records).padStart(7)}  ${String(f.spoolid).padStart(4, '0')}`);
  }
  return 0;
}

function peek(cms: Cms, p: Parsed): number {
  const w = p.words.slice(1);
  let n = 50;
  const i = p.options.findIndex((o) => o === 'FOR');
  if (i >= 0) {
    n = Number(p.options[i + 1]);
    if (!Number.isInteger(n) || n < 1) return cms.err('DMSPEK070E', `Invalid parameter ${p.options[i + 1] ?? ''}`.trimEnd(), 24);
  }
  const file = pickReader(cms, 'PEK', w[0]);
  if (!file) return 28;
  const data = cms.ch.call({ op: 'readerRead', spoolid: file.spoolid });
  cms.out(`PEEK ${String(file.spoolid).padStart(4, '0')} ${file.name} ${file.type} from ${file.origin}: ${file.records} records`);
  cms.out(...data.records.slice(0, n));
  return 0;
}

export const SPOOL_COMMANDS: CommandDef[] = [
  { name: 'PUNCH', min: 2, fn: (c, p) => punchOrPrint(c, p, PUN, 'PUN') },
  { name: 'PRINT', min: 2, fn: (c, p) => punchOrPrint(c, p, PRT, 'PRT') },
  { name: 'SENDFILE', min: 5, fn: sendfile },
  { name: 'SF', min: 2, fn: sendfile },
  { name: 'NOTE', min: 4, fn: note },
  { name: 'RECEIVE', min: 7, fn: receive },
  { name: 'READCARD', min: 5, fn: readcard },
  { name: 'RDRLIST', min: 4, fn: rdrlist },
  { name: 'RL', min: 2, fn: rdrlist },
  { name: 'PEEK', min: 4, fn: peek },
];
