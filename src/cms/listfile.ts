/**
 * LISTFILE (CMS Commands and Utilities Reference): the files matching `fn ft fm` (with
 * `*` and `%` patterns), shown, stacked, or written as CMS EXEC A1.
 *
 *   LISTFILE [fn [ft [fm]]] [( [Label|Date] [NOHeader|HEAder] [STACK|FIFO|LIFO] [EXec] [APPend] ]
 *
 * EXEC writes CMS EXEC A1 (RECFM F, LRECL 80, replaced each time; APPEND adds to it) with
 * one record per file, `&1 &2 fn ft fm` with the name and type padded to 8: the form real
 * CMS writes, so `EXEC CMS ERASE` style processing or a REXX EXEC reading the records
 * (EXECIO DISKR, PARSE) handles each file. With LABEL or DATE the details follow the
 * file id, as on the screen. Nothing is shown on the console.
 *
 * Messages: DMSLST002E File not found (28), DMSLST003E Invalid option (24), DMSLST048E
 * Invalid mode (24), DMSLST069E Filemode not accessed (36), DMSLST066E conflicting options
 * (24; z/VM's text "x and y are conflicting options", number recalled [R]), and the A-disk
 * write errors of writeRc (037E read-only, 105S full).
 */
import type { Accessed, Cms } from './cms.js';
import type { Fst } from './fs.js';
import { abbrev, cmsDate, patternMatch, type Parsed } from './util.js';

const up = (s: string | undefined) => (s ?? '').toUpperCase();

export interface Match {
  acc: Accessed;
  f: Fst;
}

/** The files matching fn ft fm (fm '*': every accessed disk, in search order). */
export function matchFiles(cms: Cms, fn: string, ft: string, fm: string): Match[] {
  const disks = fm === '*' ? cms.searchOrder() : [cms.diskFor(fm)].filter((x): x is Accessed => !!x);
  const out: Match[] = [];
  for (const acc of disks) {
    const files = acc.disk
      .list()
      .filter((f) => patternMatch(fn, f.fn) && patternMatch(ft, f.ft) && (fm.length < 2 || fm === '*' || String(f.mode) === fm.charAt(1)))
      .sort((a, b) => (a.fn + ' ' + a.ft).localeCompare(b.fn + ' ' + b.ft));
    for (const f of files) out.push({ acc, f });
  }
  return out;
}

/** One record of CMS EXEC: the form an EXEC processes with &1 &2 (or PARSE). */
export function cmsExecRecord(fileLine: string): string {
  return `&1 &2 ${fileLine}`.padEnd(80).slice(0, 80);
}

export function cmdListfile(cms: Cms, p: Parsed): number {
  const fn = up(p.words[1] ?? '*');
  const ft = up(p.words[2] ?? '*');
  const fm = up(p.words[3] ?? 'A');
  let label = false;
  let stack: 'FIFO' | 'LIFO' | undefined;
  let noheader = false;
  let date = false;
  let exec: 'REPLACE' | 'APPEND' | undefined;
  for (const o of p.options) {
    if (abbrev(o, 'LABEL', 1) || o === 'L') label = true;
    else if (abbrev(o, 'DATE', 1)) date = true;
    else if (abbrev(o, 'STACK', 3) || o === 'FIFO') stack = 'FIFO';
    else if (o === 'LIFO') stack = 'LIFO';
    else if (abbrev(o, 'NOHEADER', 3)) noheader = true;
    else if (abbrev(o, 'EXEC', 2)) exec ??= 'REPLACE';
    else if (abbrev(o, 'APPEND', 3)) exec = 'APPEND';
    else if (abbrev(o, 'HEADER', 3) || o === 'FORMAT' || o === 'ALLOC' || o === 'FNAME') {
      /* accepted */
    } else return cms.err('DMSLST003E', `Invalid option: ${o}`, 24);
  }
  if (exec && stack) return cms.err('DMSLST066E', `${stack === 'LIFO' ? 'LIFO' : 'STACK'} and EXEC are conflicting options`, 24);
  if (fm !== '*' && !/^[A-Z][0-6]?$/.test(fm)) return cms.err('DMSLST048E', `Invalid mode ${fm}`, 24);
  if (fm !== '*' && !cms.diskFor(fm)) return cms.err('DMSLST069E', `Filemode ${fm.charAt(0)} not accessed`, 36);
  const files = matchFiles(cms, fn, ft, fm);
  if (!files.length) return cms.err('DMSLST002E', 'File not found', 28);
  const lines: string[] = [];
  const detail = label || date;
  if (detail && !noheader && !stack && !exec) lines.push('FILENAME FILETYPE FM FORMAT LRECL       RECS     BLOCKS   DATE     TIME');
  for (const { acc, f } of files) {
    const id = `${f.fn.padEnd(8)} ${f.ft.padEnd(8)} ${acc.letter}${f.mode}`;
    if (!detail) lines.push(id);
    else {
      const d = cmsDate(f.date);
      lines.push(`${id} ${f.recfm.padEnd(6)} ${String(f.lrecl).padStart(5)} ${String(f.records).padStart(10)} ${String(Math.max(f.blocks.length, f.records ? 1 : 0)).padStart(10)} ${d.date} ${d.time}`);
    }
  }
  if (exec) return writeCmsExec(cms, lines.map(cmsExecRecord), exec === 'APPEND');
  if (stack === 'FIFO') for (const l of lines) cms.queue.queue(l);
  else if (stack === 'LIFO') for (const l of lines) cms.queue.push(l);
  else cms.out(...lines);
  return 0;
}

/** CMS EXEC A1: replaced, or (APPEND) extended. The listing was taken before the write. */
function writeCmsExec(cms: Cms, records: string[], append: boolean): number {
  const acc = cms.diskFor('A');
  if (!acc) return cms.err('DMSLST069E', 'Filemode A not accessed', 36);
  if (acc.disk.access !== 'W') return cms.err('DMSLST037E', `Filemode ${cms.diskName(acc)} is accessed as read/only`, 36);
  const old = append ? acc.disk.find('CMS', 'EXEC') : undefined;
  const all = old ? [...acc.disk.read(old), ...records] : records;
  const rc = acc.disk.update([{ fn: 'CMS', ft: 'EXEC', mode: 1, recfm: 'F', lrecl: 80, records: all }], []);
  if (rc === 13) return cms.err('DMSLST105S', `Disk ${cms.diskName(acc)} is full`, 13);
  if (rc === 36) return cms.err('DMSLST037E', `Filemode ${cms.diskName(acc)} is accessed as read/only`, 36);
  return rc;
}
