/**
 * CMS commands an EXEC uses to talk to its environment (issue 4): the program stack
 * buffers (MAKEBUF, DROPBUF, SENTRIES, DESBUF), GLOBALV, EXECIO and WAKEUP.
 */
import type { Cms, CommandDef } from './cms.js';
import type { Accessed } from './cms.js';
import { needDisk, writeRc } from './commands.js';
import { callerVariables } from './rexx-link.js';
import { abbrev, type Parsed } from './util.js';

const up = (s: string | undefined) => (s ?? '').toUpperCase();

// ------------------------------------------------------------------ stack buffers

function makebuf(cms: Cms): number {
  return cms.queue.makeBuf();
}
function dropbuf(cms: Cms, p: Parsed): number {
  const n = p.words[1];
  if (n !== undefined && !/^\d+$/.test(n)) return cms.err('DMSDBF070E', `Invalid parameter ${n}`, 24);
  cms.queue.dropBuf(n === undefined ? undefined : Number(n));
  return 0;
}
function sentries(cms: Cms): number {
  return cms.queue.length;
}
function desbuf(cms: Cms): number {
  cms.queue.desBuf();
  cms.typeAhead.length = 0;
  return 0;
}

// ------------------------------------------------------------------ GLOBALV

const lasting = new Map<string, Set<string>>();

function group(cms: Cms, g: string): Map<string, string> {
  let m = cms.globals.get(g);
  if (!m) cms.globals.set(g, (m = new Map()));
  return m;
}

function saveLasting(cms: Cms): number {
  const recs: string[] = [];
  for (const [g, names] of lasting) {
    const m = cms.globals.get(g);
    for (const n of names) if (m?.has(n)) recs.push(`${g} ${n} ${m.get(n)}`);
  }
  const a = cms.accessed.get('A');
  if (!a || a.disk.access !== 'W') return 0;
  return a.disk.update([{ fn: 'LASTING', ft: 'GLOBALV', mode: 1, recfm: 'V', lrecl: 255, records: recs }], []);
}

function globalv(cms: Cms, _p: Parsed, raw: string): number {
  const words = raw.trim().split(/\s+/).slice(1);
  if (!lasting.size) {
    // names read from LASTING GLOBALV at IPL are lasting
    const f = cms.findFile('LASTING', 'GLOBALV', 'A');
    if (f)
      for (const rec of f.acc.disk.read(f.fst)) {
        const [g, n] = rec.split(' ');
        if (g && n) (lasting.get(g) ?? lasting.set(g, new Set()).get(g)!).add(n);
      }
  }
  let g = 'UNNAMED';
  let i = 0;
  if (up(words[0]) === 'SELECT') {
    g = up(words[1]);
    if (!g) return cms.err('DMSGLB109S', 'Group name missing', 24);
    i = 2;
  }
  cms.globalvGroup = g;
  const fn = up(words[i]);
  const rest = words.slice(i + 1);
  const vars = callerVariables();
  const grp = group(cms, g);
  const markLasting = (n: string) => (lasting.get(g) ?? lasting.set(g, new Set()).get(g)!).add(n);
  const valueText = (): string => {
    // the value is the rest of the line after the name
    const m = new RegExp(`^\\s*\\S+\\s+(?:SELECT\\s+\\S+\\s+)?\\S+\\s+\\S+\\s?`, 'i').exec(raw);
    return m ? raw.slice(m[0].length) : '';
  };
  switch (fn) {
    case '':
    case 'INIT':
      return 0;
    case 'SET':
    case 'SETS':
    case 'SETL':
    case 'SETP': {
      const name = up(rest[0]);
      if (!name) return cms.err('DMSGLB109S', 'Variable name missing', 24);
      grp.set(name, valueText());
      if (fn === 'SETL' || fn === 'SETP') {
        markLasting(name);
        return saveLasting(cms);
      }
      return 0;
    }
    case 'GET':
      if (!vars) return cms.err('DMSGLB104S', 'GLOBALV GET must be issued from an EXEC', 24);
      for (const n of rest) vars.set(up(n), grp.get(up(n)) ?? '');
      return 0;
    case 'PUT':
    case 'PUTS':
    case 'PUTL':
    case 'PUTP': {
      if (!vars) return cms.err('DMSGLB104S', `GLOBALV ${fn} must be issued from an EXEC`, 24);
      for (const n of rest) {
        grp.set(up(n), vars.get(up(n)) ?? '');
        if (fn === 'PUTL' || fn === 'PUTP') markLasting(up(n));
      }
      return fn === 'PUTL' || fn === 'PUTP' ? saveLasting(cms) : 0;
    }
    case 'STACK':
      for (const n of rest) cms.queue.queue(grp.get(up(n)) ?? '');
      return 0;
    case 'STACKR':
      for (const n of rest) cms.queue.push(grp.get(up(n)) ?? '');
      return 0;
    case 'LIST':
      cms.out(`Group name: ${g}`);
      for (const [n, v] of grp) if (!rest.length || rest.map(up).includes(n)) cms.out(`  ${n.padEnd(8)} ${v}`);
      return 0;
    case 'PURGE':
      grp.clear();
      lasting.delete(g);
      return saveLasting(cms);
    case 'GRPLIST':
      for (const k of cms.globals.keys()) cms.out(k);
      return 0;
    case 'GRPSTACK':
      for (const k of cms.globals.keys()) cms.queue.queue(k);
      return 0;
  }
  return cms.err('DMSGLB070E', `Invalid parameter ${fn}`, 24);
}

// ------------------------------------------------------------------ EXECIO

/** EXECIO read positions: "FN FT FM" → next line (1-based); closed by FINIS. */
const positions = new Map<string, number>();

interface ExecioOpts {
  stem?: string;
  lifo: boolean;
  varName?: string;
  finis: boolean;
  find?: string;
  locate?: string;
  zone: [number, number];
  margins?: [number, number];
  skip: boolean;
  strip: boolean;
  string?: string;
  recfm?: 'F' | 'V';
  lrecl?: number;
}

function parseExecioOptions(cms: Cms, text: string): ExecioOpts | number {
  const o: ExecioOpts = { lifo: false, finis: false, zone: [1, Number.MAX_SAFE_INTEGER], skip: false, strip: false };
  let s = text.trim();
  const word = (): string => {
    const m = /^\S+/.exec(s);
    const w = m ? m[0] : '';
    s = s.slice(w.length).trimStart();
    return w;
  };
  while (s.length) {
    const w = up(word()).replace(/\)$/, '');
    if (w === 'STEM') {
      const n = word();
      if (!n) return cms.err('DMSEIO621E', 'Bad PLIST: STEM name missing', 24);
      o.stem = up(n);
    } else if (w === 'VAR') o.varName = up(word());
    else if (w === 'FIFO') o.lifo = false;
    else if (w === 'LIFO') o.lifo = true;
    else if (abbrev(w, 'FINIS', 3)) o.finis = true;
    else if (w === 'SKIP') o.skip = true;
    else if (w === 'STRIP') o.strip = true;
    else if (w === 'FIND' || w === 'LOCATE') {
      const d = s.charAt(0);
      const end = s.indexOf(d, 1);
      if (!d || end < 0) return cms.err('DMSEIO621E', `Bad PLIST: ${w} string not delimited`, 24);
      if (w === 'FIND') o.find = s.slice(1, end);
      else o.locate = s.slice(1, end);
      s = s.slice(end + 1).trimStart();
    } else if (w === 'ZONE' || w === 'MARGINS') {
      const a = Number(word());
      const bw = word();
      const b = bw === '*' ? Number.MAX_SAFE_INTEGER : Number(bw);
      if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b < a) return cms.err('DMSEIO621E', `Bad PLIST: invalid ${w}`, 24);
      if (w === 'ZONE') o.zone = [a, b];
      else o.margins = [a, b];
    } else if (w === 'STRING') {
      o.string = s;
      s = '';
    } else if (w === 'RECFM') {
      const r = up(word());
      if (r !== 'F' && r !== 'V') return cms.err('DMSEIO621E', 'Bad PLIST: RECFM must be F or V', 24);
      o.recfm = r;
    } else if (w === 'LRECL') {
      const n = Number(word());
      if (!Number.isInteger(n) || n < 1) return cms.err('DMSEIO621E', 'Bad PLIST: invalid LRECL', 24);
      o.lrecl = n;
    } else if (w === 'CASE' || w === 'NOTYPE' || w === 'BUFFER') {
      if (w !== 'NOTYPE') word();
    } else return cms.err('DMSEIO621E', `Bad PLIST: invalid option ${w}`, 24);
  }
  return o;
}

function deliver(cms: Cms, lines: string[], o: ExecioOpts): number {
  const vars = callerVariables();
  if (o.varName) {
    if (!vars) return 24;
    if (lines.length) vars.set(o.varName, lines[0]!);
    return 0;
  }
  if (o.stem) {
    if (!vars) return cms.err('DMSEIO632E', 'STEM requires an EXEC', 24);
    lines.forEach((l, i) => vars.set(`${o.stem}${i + 1}`, l));
    vars.set(`${o.stem}0`, String(lines.length));
    return 0;
  }
  if (o.lifo) for (const l of lines) cms.queue.push(l);
  else for (const l of lines) cms.queue.queue(l);
  return 0;
}

function execio(cms: Cms, _p: Parsed, raw: string): number {
  const paren = raw.indexOf('(');
  const head = (paren < 0 ? raw : raw.slice(0, paren)).trim().split(/\s+/).slice(1);
  const opts = parseExecioOptions(cms, paren < 0 ? '' : raw.slice(paren + 1));
  if (typeof opts === 'number') return opts;
  const countText = head[0];
  const op = up(head[1]);
  if (countText === undefined || !op) return cms.err('DMSEIO621E', 'Bad PLIST: EXECIO lines operation required', 24);
  const count = countText === '*' ? Infinity : Number(countText);
  if (!(count === Infinity || (Number.isInteger(count) && count >= 0))) return cms.err('DMSEIO621E', `Bad PLIST: invalid line count ${countText}`, 24);
  switch (op) {
    case 'CP': {
      const cmd = opts.string ?? head.slice(2).join(' ');
      const r = cms.ch.cp(cmd, true);
      const lines = count === Infinity ? r.lines : r.lines.slice(0, count);
      const rc = deliver(cms, lines, opts);
      return rc || r.rc;
    }
    case 'EMSG': {
      if (opts.string !== undefined) cms.out(opts.string);
      else {
        const vars = callerVariables();
        const lines: string[] = [];
        if (opts.stem && vars) {
          const n = count === Infinity ? Number(vars.get(`${opts.stem}0`) ?? 0) : count;
          for (let i = 1; i <= n; i++) lines.push(vars.get(`${opts.stem}${i}`) ?? '');
        } else for (let i = 0; i < count; i++) {
          const l = cms.queue.pull();
          if (l === undefined) break;
          lines.push(l);
        }
        cms.out(...lines);
      }
      return 0;
    }
    case 'DISKR':
    case 'DISKRU':
      return diskr(cms, head, count, opts);
    case 'DISKW':
      return diskw(cms, head, count, opts);
  }
  return cms.err('DMSEIO621E', `Bad PLIST: invalid operation ${op}`, 24);
}

function fileOperands(cms: Cms, head: string[]): { fn: string; ft: string; fm: string; line?: number } | number {
  const fn = up(head[2]);
  const ft = up(head[3]);
  const fm = up(head[4] ?? '*');
  if (!fn || !ft) return cms.err('DMSEIO054E', 'Incomplete fileid specified', 24);
  const line = head[5] === undefined ? undefined : Number(head[5]);
  if (line !== undefined && (!Number.isInteger(line) || line < 0)) return cms.err('DMSEIO621E', `Bad PLIST: invalid line number ${head[5]}`, 24);
  return { fn, ft, fm, line };
}

function diskr(cms: Cms, head: string[], count: number, o: ExecioOpts): number {
  const f = fileOperands(cms, head);
  if (typeof f === 'number') return f;
  if (f.fm !== '*') {
    const a = needDisk(cms, 'EIO', f.fm.length === 1 ? f.fm : f.fm, false);
    if (typeof a === 'number') return a;
  }
  const found = cms.findFile(f.fn, f.ft, f.fm);
  const key = `${f.fn} ${f.ft} ${found ? found.acc.letter : f.fm.charAt(0)}`;
  if (!found) {
    positions.delete(key);
    if (count === 0 && o.finis) return 0;
    return 28;
  }
  const recs = found.acc.disk.read(found.fst);
  let pos = f.line && f.line > 0 ? f.line : (positions.get(key) ?? 1);
  const out: string[] = [];
  let rc = 0;
  const zone = (r: string) => r.slice(o.zone[0] - 1, o.zone[1]);
  if (o.find !== undefined || o.locate !== undefined) {
    // read until a matching line; it (only) is returned
    let hit = -1;
    for (let i = pos; i <= recs.length; i++) {
      const z = zone(recs[i - 1]!);
      if (o.find !== undefined ? z.startsWith(o.find) : z.includes(o.locate!)) {
        hit = i;
        break;
      }
    }
    if (hit < 0) {
      positions.set(key, recs.length + 1);
      rc = 2;
    } else {
      if (!o.skip) out.push(recs[hit - 1]!);
      pos = hit + 1;
      positions.set(key, pos);
    }
  } else {
    while (out.length < count && pos <= recs.length) {
      out.push(recs[pos - 1]!);
      pos++;
    }
    if (o.skip) out.length = 0;
    positions.set(key, pos);
    if (count !== Infinity && pos > recs.length && out.length < count && !o.skip) rc = 2;
    if (o.skip && count !== Infinity && pos > recs.length) rc = 2;
  }
  let lines = out;
  if (o.margins) lines = lines.map((l) => l.slice(o.margins![0] - 1, o.margins![1]));
  if (o.strip) lines = lines.map((l) => l.replace(/ +$/, ''));
  else if (found.fst.recfm === 'F') lines = lines.map((l) => l);
  const drc = deliver(cms, lines, o);
  if (o.finis) positions.delete(key);
  return drc || rc;
}

function diskw(cms: Cms, head: string[], count: number, o: ExecioOpts): number {
  const f = fileOperands(cms, head);
  if (typeof f === 'number') return f;
  const fm = f.fm === '*' ? 'A' : f.fm;
  const acc = needDisk(cms, 'EIO', fm, true) as Accessed | number;
  if (typeof acc === 'number') return acc;
  // the lines to write
  const lines: string[] = [];
  const vars = callerVariables();
  if (o.string !== undefined) lines.push(o.string);
  else if (o.varName) {
    if (!vars) return 24;
    lines.push(vars.get(o.varName) ?? '');
  } else if (o.stem) {
    if (!vars) return cms.err('DMSEIO632E', 'STEM requires an EXEC', 24);
    for (let i = 1; i <= count; i++) {
      const v = vars.get(`${o.stem}${i}`);
      if (v === undefined || (count === Infinity && v === '')) break;
      lines.push(v);
    }
  } else {
    for (let i = 0; i < count; i++) {
      const l = cms.queue.pull();
      if (l === undefined || (count === Infinity && l === '')) break;
      lines.push(l);
    }
  }
  const existing = acc.disk.find(f.fn, f.ft);
  let recs = existing ? acc.disk.read(existing) : [];
  const recfm = existing?.recfm ?? o.recfm ?? 'V';
  let lrecl = existing?.lrecl ?? o.lrecl ?? (recfm === 'F' ? 80 : 0);
  if (f.line && f.line > 0) {
    for (let i = 0; i < lines.length; i++) recs[f.line - 1 + i] = lines[i]!;
    recs = Array.from(recs, (r) => r ?? '');
  } else recs.push(...lines);
  if (recfm === 'V' && !existing && !o.lrecl) lrecl = Math.max(1, ...recs.map((r) => r.length));
  else if (recfm === 'V' && !o.lrecl) lrecl = Math.max(lrecl, ...recs.map((r) => r.length));
  if (!lines.length && existing && !o.finis) return 0;
  const mode = fm.length > 1 ? Number(fm.charAt(1)) : (existing?.mode ?? 1);
  return writeRc(cms, 'EIO', acc, acc.disk.update([{ fn: f.fn, ft: f.ft, mode, recfm, lrecl, records: recs }], []));
}

// ------------------------------------------------------------------ WAKEUP

function parseTime(t: string): number | undefined {
  const rel = t.startsWith('+');
  const parts = t.replace(/^\+/, '').split(':').map(Number);
  if (parts.some((x) => !Number.isInteger(x) || x < 0) || parts.length > 3) return undefined;
  while (parts.length < 3) parts.unshift(0);
  const secs = parts[0]! * 3600 + parts[1]! * 60 + parts[2]!;
  if (rel) return secs * 1000;
  if (parts[0]! > 23 || parts[1]! > 59 || parts[2]! > 59) return undefined;
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  let at = today + secs * 1000;
  if (at <= now.getTime()) at += 86400_000;
  return at - now.getTime();
}

/**
 * WAKEUP [time] (SMSG IUCVMSG CONS RDR QUIET: wait for the time (+interval or hh:mm:ss),
 * a special message (needs CP SET SMSG ON), or a console line. Return codes: 0 time, 5
 * message (stacked as `*SMSG    userid   text`, or `*MSG` under CP SET MSG IUCV), 6 console
 * line (stacked), 2 reader file.
 */
function wakeup(cms: Cms, p: Parsed): number {
  let ms: number | undefined;
  for (const w of p.words.slice(1)) {
    const t = parseTime(w);
    if (t === undefined) return cms.err('DMSWAK070E', `Invalid parameter ${w}`, 24);
    ms = t;
  }
  let smsg = false;
  let cons = false;
  let rdr = false;
  let quiet = false;
  for (const o of p.options) {
    if (o === 'SMSG' || o === 'IUCVMSG' || o === 'IUCVIMM') smsg = true;
    else if (o === 'CONS') cons = true;
    else if (o === 'RDR') rdr = true;
    else if (o === 'QUIET') quiet = true;
    else if (o === 'NOEXT' || o === 'EXT' || o === 'FILE' || o === 'NOREAD') {
      /* accepted */
    } else return cms.err('DMSWAK003E', `Invalid option: ${o}`, 24);
  }
  void quiet;
  if (ms === undefined && !smsg && !cons && !rdr) return 0;
  const deadline = ms === undefined ? undefined : Date.now() + ms;
  const rdrCount = rdr ? cms.ch.call({ op: 'readerList' }).files.length : 0;
  for (;;) {
    // wait in slices: between them, immediate commands (HX) and the reader are checked
    const left = deadline === undefined ? 250 : Math.min(250, Math.max(0, deadline - Date.now()));
    const r = cms.ch.call({ op: 'wakeupWait', ms: left, smsg, console: cons });
    if (r.event === 'smsg') {
      const msgs = cms.ch.call({ op: 'smsgPoll' }).messages;
      for (const m of msgs) cms.queue.queue(`${('*' + (m.kind ?? 'SMSG')).padEnd(8)} ${m.from.padEnd(8)} ${m.text}`);
      if (msgs.length) return 5;
      continue;
    }
    if (r.event === 'console') {
      const line = r.line ?? '';
      if (cms.immediate(line)) {
        if (cms.haltExecs) return 0;
        continue;
      }
      cms.queue.queue(line);
      return 6;
    }
    // a time slice ended
    if (!cons) cms.pollImmediate();
    if (cms.haltExecs) return 0;
    if (rdr && cms.ch.call({ op: 'readerList' }).files.length > rdrCount) return 2;
    if (deadline !== undefined && Date.now() >= deadline) return 0;
  }
}

export const REXX_COMMANDS: CommandDef[] = [
  { name: 'MAKEBUF', min: 7, fn: makebuf },
  { name: 'DROPBUF', min: 7, fn: dropbuf },
  { name: 'SENTRIES', min: 8, fn: sentries },
  { name: 'DESBUF', min: 6, fn: desbuf },
  { name: 'GLOBALV', min: 7, fn: globalv },
  { name: 'EXECIO', min: 6, fn: execio },
  { name: 'WAKEUP', min: 6, fn: wakeup },
];
