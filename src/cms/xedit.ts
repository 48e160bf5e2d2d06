/**
 * XEDIT in line mode, as on a typewriter terminal (issue 4): enough to create and edit
 * a file from a console script. Subcommands: INPUT [text] (input mode; a null line
 * ends it), TOP, BOTTOM, UP n, DOWN n / NEXT n, LOCATE /s/ (or /s/), CHANGE /a/b/ n k
 * (n lines, k occurrences per line, * for all), DELETE n, TYPE n, REPLACE text,
 * FILE [fn ft fm], SAVE [fn ft fm], QUIT, QQUIT. Lines are read from the program
 * stack first, then the console, so an EXEC can drive it.
 */
import type { Cms, CmdEnv } from './cms.js';
import { needDisk, writeRc } from './commands.js';
import { type Parsed } from './util.js';

const up = (s: string | undefined) => (s ?? '').toUpperCase();
const TOF = '* * * Top of File * * *';
const EOF = '* * * End of File * * *';

function num(s: string | undefined, dflt: number, size: number): number | undefined {
  if (s === undefined || s === '') return dflt;
  if (s === '*') return size + 1;
  const n = Number(s);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Split "/a/b/ rest" with its delimiter. */
function delimited(s: string, parts: number): { strs: string[]; rest: string } | undefined {
  const t = s.trimStart();
  const d = t.charAt(0);
  if (!d || /[A-Za-z0-9\s]/.test(d)) return undefined;
  const strs: string[] = [];
  let i = 1;
  for (let k = 0; k < parts; k++) {
    const j = t.indexOf(d, i);
    if (j < 0) {
      if (k === parts - 1) {
        strs.push(t.slice(i));
        return { strs, rest: '' };
      }
      return undefined;
    }
    strs.push(t.slice(i, j));
    i = j + 1;
  }
  return { strs, rest: t.slice(i).trim() };
}

export function xedit(cms: Cms, p: Parsed, _raw: string, _env: CmdEnv): number {
  let fn = up(p.words[1]);
  let ft = up(p.words[2]);
  let fm = up(p.words[3] ?? 'A');
  if (!fn || !ft) return cms.err('DMSXSU054E', 'Incomplete fileid specified', 24);
  const acc0 = needDisk(cms, 'XSU', fm, false);
  if (typeof acc0 === 'number') return acc0;
  const found = fm.length === 1 ? cms.findFile(fn, ft, fm) : cms.findFile(fn, ft, fm);
  let lines: string[] = found ? found.acc.disk.read(found.fst).map((r) => (found.fst.recfm === 'F' ? r.trimEnd() : r)) : [];
  const recfm: 'F' | 'V' = found?.fst.recfm ?? (ft === 'EXEC' || ft === 'XEDIT' ? 'V' : 'F');
  const lrecl = found?.fst.lrecl ?? (recfm === 'V' ? 255 : 80);
  const mode = found?.fst.mode ?? (fm.length > 1 ? Number(fm.charAt(1)) : 1);
  if (!found) cms.out('New file.');
  let cur = found ? 1 : 0;
  if (cur > lines.length) cur = 0;
  let changed = false;
  const show = (n = cur) => cms.out(n === 0 ? TOF : n > lines.length ? EOF : lines[n - 1]!);
  const save = (words: string[]): number => {
    const nfn = up(words[0]) || fn;
    const nft = up(words[1]) || ft;
    const nfm = up(words[2]) || fm;
    const a = needDisk(cms, 'XSU', nfm, true);
    if (typeof a === 'number') return a;
    const rc = writeRc(cms, 'XSU', a, a.disk.update([{ fn: nfn, ft: nft, mode: nfm.length > 1 ? Number(nfm.charAt(1)) : mode, recfm, lrecl, records: lines }], []));
    if (rc === 0) {
      fn = nfn;
      ft = nft;
      fm = nfm;
      changed = false;
    }
    return rc;
  };
  const input = (first?: string) => {
    const add = (l: string) => {
      lines.splice(cur, 0, l.length > lrecl ? l.slice(0, lrecl) : l);
      cur++;
      changed = true;
    };
    if (first !== undefined && first !== '') {
      add(first);
      return;
    }
    cms.out('DMSXMD573I Input mode:');
    for (;;) {
      const l = cms.readTerminal();
      if (l === '') break;
      add(l);
    }
  };
  for (;;) {
    const line = cms.readTerminal();
    const t = line.trim();
    if (t === '') continue;
    const m = /^(\S+)\s?(.*)$/.exec(t)!;
    let verb = up(m[1]);
    let rest = m[2]!;
    if (verb.startsWith('/')) {
      rest = t;
      verb = 'LOCATE';
    }
    const isVerb = (name: string, min: number) => verb.length >= min && name.startsWith(verb);
    if (isVerb('INPUT', 1)) input(line.replace(/^\s*\S+\s?/, '') || undefined);
    else if (isVerb('TOP', 3)) {
      cur = 0;
      show();
    } else if (isVerb('BOTTOM', 3)) {
      cur = lines.length;
      show();
    } else if (isVerb('UP', 1) || isVerb('DOWN', 1) || isVerb('NEXT', 1)) {
      const n = num(rest.trim(), 1, lines.length);
      if (n === undefined) cms.out(`DMSXCT010E Invalid number: ${rest.trim()}`);
      else {
        cur = verb.startsWith('U') ? Math.max(0, cur - n) : Math.min(lines.length + 1, cur + n);
        show();
      }
    } else if (isVerb('LOCATE', 1)) {
      const d = delimited(rest, 1);
      if (!d) cms.out('DMSXCT520E Invalid operand');
      else {
        const s = d.strs[0]!;
        let hit = -1;
        for (let i = cur + 1; i <= lines.length; i++)
          if (lines[i - 1]!.includes(s)) {
            hit = i;
            break;
          }
        if (hit < 0) {
          cur = lines.length + 1;
          cms.out(EOF, 'DMSXCT546E Target not found');
        } else {
          cur = hit;
          show();
        }
      }
    } else if (isVerb('CHANGE', 1)) {
      const d = delimited(rest, 2);
      if (!d) cms.out('DMSXCT520E Invalid operand');
      else {
        const [a, b] = d.strs as [string, string];
        const ops = d.rest.split(/\s+/).filter(Boolean);
        const nLines = num(ops[0], 1, lines.length - cur + 1) ?? 1;
        const nOcc = ops[1] === '*' ? Infinity : Number(ops[1] ?? 1);
        let count = 0;
        const start = Math.max(cur, 1);
        let last = start;
        for (let i = start; i < start + nLines && i <= lines.length; i++) {
          let l = lines[i - 1]!;
          let occ = 0;
          let from = 0;
          for (;;) {
            if (occ >= nOcc) break;
            const at = a === '' ? (occ === 0 ? 0 : -1) : l.indexOf(a, from);
            if (at < 0) break;
            l = l.slice(0, at) + b + l.slice(at + a.length);
            from = at + b.length;
            occ++;
          }
          if (occ) {
            lines[i - 1] = l;
            count += occ;
            changed = true;
            cms.out(l);
          }
          last = i;
        }
        if (!count) cms.out(`DMSXCT541E No change`);
        else cur = last;
      }
    } else if (isVerb('DELETE', 3)) {
      const n = num(rest.trim(), 1, lines.length);
      if (n === undefined) cms.out(`DMSXCT010E Invalid number: ${rest.trim()}`);
      else if (cur >= 1 && cur <= lines.length) {
        lines.splice(cur - 1, Math.min(n, lines.length - cur + 1));
        changed = true;
        if (cur > lines.length) cur = lines.length + 1;
        show();
      }
    } else if (isVerb('TYPE', 1)) {
      const n = num(rest.trim(), 1, lines.length) ?? 1;
      const from = Math.max(cur, 0);
      for (let i = from; i < from + n && i <= lines.length + 1; i++) show(i);
      cur = Math.min(lines.length + 1, from + n - 1);
    } else if (isVerb('REPLACE', 1)) {
      if (cur >= 1 && cur <= lines.length) {
        lines[cur - 1] = line.replace(/^\s*\S+\s?/, '');
        changed = true;
      } else input(line.replace(/^\s*\S+\s?/, ''));
    } else if (isVerb('SAVE', 4)) {
      save(rest.split(/\s+/).filter(Boolean));
    } else if (isVerb('FILE', 4)) {
      const rc = save(rest.split(/\s+/).filter(Boolean));
      if (rc === 0) return 0;
    } else if (verb === 'QQUIT' || verb === 'QQ') return 0;
    else if (isVerb('QUIT', 4)) {
      if (changed) cms.out('DMSXCF577E File has been changed; type QQUIT to quit anyway');
      else return 0;
    } else if (isVerb('CP', 2)) cms.ch.cp(rest);
    else cms.out(`DMSXCT513E Subcommand ${verb} not recognized`);
  }
}
