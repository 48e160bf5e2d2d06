/**
 * The CMS file system (issue 4): files `fn ft fm` with fixed (F) or variable (V) records
 * and an LRECL, on minidisks reached through CP's volume store over the guest channel
 * (src/cp/guest/cms-services.ts), or on host folders (the vmrexx extension).
 *
 * On-disk layout of a CMS-formatted minidisk (our own, 4 KiB blocks):
 *   block 0        the label block: JSON {v, label, dir: [directory block numbers]}
 *   directory      JSON array of FST entries (fn, ft, mode, recfm, lrecl, records,
 *                  data blocks, date), spread over the blocks listed in block 0
 *   data blocks    each file's records, each a 2-byte big-endian length and its bytes
 * A formatted disk with no block 0 is empty. Every change (a file written, erased,
 * renamed) is one mdiskWrite: one store transaction, so a crash loses nothing
 * committed and never leaves a half-written directory.
 *
 * A disk's directory is read when it is ACCESSed and kept in the guest, as CMS keeps
 * its FST in storage: another user's changes to a shared disk show after a re-ACCESS.
 */
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { GuestChannel } from '../common/channel.js';

export const BLOCK = 4096;

export interface Fst {
  fn: string;
  ft: string;
  /** file mode number 0-6 */
  mode: number;
  recfm: 'F' | 'V';
  lrecl: number;
  records: number;
  blocks: number[];
  /** ms since epoch of the last write */
  date: number;
}

export interface NewFile {
  fn: string;
  ft: string;
  mode: number;
  recfm: 'F' | 'V';
  lrecl: number;
  records: string[];
  date?: number;
}

/** A disk CMS can access: a minidisk or a host folder. */
export interface CmsDisk {
  readonly vdev: number;
  readonly label: string;
  readonly access: 'R' | 'W';
  readonly hostFolder?: string;
  readonly cylinders: number;
  readonly devtype: string;
  list(): Fst[];
  find(fn: string, ft: string): Fst | undefined;
  read(f: Fst): string[];
  /** Write (create or replace) and erase files in one change; returns 0, 36 (R/O), 13 (full). */
  update(write: NewFile[], erase: { fn: string; ft: string }[], renames?: { from: Fst; fn: string; ft: string; mode?: number }[]): number;
  totalBlocks(): number;
  usedBlocks(): number;
}

export function encodeRecords(records: string[]): Uint8Array {
  let n = 0;
  for (const r of records) n += 2 + r.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const r of records) {
    const len = Math.min(r.length, 65535);
    out[o++] = len >> 8;
    out[o++] = len & 255;
    for (let i = 0; i < len; i++) out[o++] = r.charCodeAt(i) & 255;
  }
  return out.subarray(0, o);
}

export function decodeRecords(data: Uint8Array, count: number): string[] {
  const recs: string[] = [];
  let o = 0;
  while (recs.length < count && o + 2 <= data.length) {
    const len = (data[o]! << 8) | data[o + 1]!;
    o += 2;
    let s = '';
    for (let i = 0; i < len; i += 8192) s += String.fromCharCode(...data.subarray(o + i, o + Math.min(len, i + 8192)));
    recs.push(s);
    o += len;
  }
  return recs;
}

function toBlocks(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let o = 0; o < bytes.length; o += BLOCK) out.push(bytes.slice(o, o + BLOCK));
  return out;
}

function concat(parts: (Uint8Array | null)[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p?.length ?? BLOCK;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    if (p) out.set(p, o);
    o += p?.length ?? BLOCK;
  }
  return out;
}

const enc = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
const dec = (b: Uint8Array) => Buffer.from(b).toString('latin1').replace(/\0+$/, '');

/** Pad or truncate records for RECFM F. */
export function fixRecords(records: string[], recfm: 'F' | 'V', lrecl: number): string[] {
  if (recfm === 'V') return records.map((r) => (r.length > lrecl ? r.slice(0, lrecl) : r));
  return records.map((r) => (r.length >= lrecl ? r.slice(0, lrecl) : r.padEnd(lrecl)));
}

export class MinidiskFs implements CmsDisk {
  private dir: Fst[] = [];
  private dirBlocks: number[] = [];

  private constructor(
    private readonly ch: GuestChannel,
    readonly vdev: number,
    public label: string,
    readonly access: 'R' | 'W',
    private readonly total: number,
    readonly cylinders: number,
    readonly devtype: string,
  ) {}

  /** Open a formatted minidisk: undefined when it is not CMS formatted. */
  static open(ch: GuestChannel, vdev: number, info: { label?: string; access?: 'R' | 'W'; blocks?: number; cylinders?: number; devtype?: string }): MinidiskFs | undefined {
    if (info.label === undefined) return undefined;
    const d = new MinidiskFs(ch, vdev, info.label, info.access ?? 'R', info.blocks ?? 0, info.cylinders ?? 0, info.devtype ?? '3390');
    const r = ch.call({ op: 'mdiskRead', vdev, list: [0] });
    const b0 = r.blocks[0];
    if (b0) {
      try {
        const head = JSON.parse(dec(b0)) as { v: number; label: string; dir: number[] };
        d.dirBlocks = head.dir;
        if (head.dir.length) {
          const dr = ch.call({ op: 'mdiskRead', vdev, list: head.dir });
          d.dir = JSON.parse(dec(concat(dr.blocks))) as Fst[];
        }
      } catch {
        d.dir = [];
      }
    }
    return d;
  }

  /** FORMAT: clear the disk and write a new label. Returns the channel rc. */
  static format(ch: GuestChannel, vdev: number, label: string): number {
    return ch.call({ op: 'mdiskWrite', vdev, blocks: [], clear: true, label }).rc;
  }

  list(): Fst[] {
    return this.dir;
  }

  find(fn: string, ft: string): Fst | undefined {
    return this.dir.find((f) => f.fn === fn && f.ft === ft);
  }

  read(f: Fst): string[] {
    if (f.records === 0 || f.blocks.length === 0) return [];
    const r = this.ch.call({ op: 'mdiskRead', vdev: this.vdev, list: f.blocks });
    return decodeRecords(concat(r.blocks), f.records);
  }

  totalBlocks(): number {
    return this.total;
  }

  usedBlocks(): number {
    let n = this.dir.length || this.dirBlocks.length ? 1 + this.dirBlocks.length : 0;
    for (const f of this.dir) n += f.blocks.length;
    return n;
  }

  update(write: NewFile[], erase: { fn: string; ft: string }[], renames: { from: Fst; fn: string; ft: string; mode?: number }[] = []): number {
    if (this.access !== 'W') return 36;
    const key = (fn: string, ft: string) => `${fn} ${ft}`;
    const gone = new Set([...erase.map((e) => key(e.fn, e.ft)), ...write.map((w) => key(w.fn, w.ft))]);
    let dir = this.dir.filter((f) => !gone.has(key(f.fn, f.ft)));
    for (const r of renames) {
      dir = dir.map((f) => (f === r.from ? { ...f, fn: r.fn, ft: r.ft, mode: r.mode ?? f.mode } : f));
    }
    const used = new Set<number>([0]);
    for (const f of dir) for (const b of f.blocks) used.add(b);
    let next = 1;
    const alloc = (): number => {
      while (used.has(next)) next++;
      used.add(next);
      return next;
    };
    const blocks: { block: number; data: Uint8Array }[] = [];
    const now = Date.now();
    for (const w of write) {
      const data = toBlocks(encodeRecords(fixRecords(w.records, w.recfm, w.lrecl)));
      const list = data.map((d) => {
        const b = alloc();
        blocks.push({ block: b, data: d });
        return b;
      });
      dir.push({ fn: w.fn, ft: w.ft, mode: w.mode, recfm: w.recfm, lrecl: w.lrecl, records: w.records.length, blocks: list, date: w.date ?? now });
    }
    const dirData = toBlocks(enc(JSON.stringify(dir)));
    const dirBlocks = dirData.map((d) => {
      const b = alloc();
      blocks.push({ block: b, data: d });
      return b;
    });
    if (used.size > this.total) return 13;
    blocks.push({ block: 0, data: enc(JSON.stringify({ v: 1, label: this.label, dir: dirBlocks })) });
    const rc = this.ch.call({ op: 'mdiskWrite', vdev: this.vdev, blocks }).rc;
    if (rc !== 0) return rc;
    this.dir = dir;
    this.dirBlocks = dirBlocks;
    return 0;
  }
}

/** A host folder as a minidisk (vmrexx extension): files `fn.ft`, one record a line, RECFM V. */
export class HostFolderFs implements CmsDisk {
  readonly cylinders = 0;
  readonly devtype = 'HOST';

  constructor(
    readonly vdev: number,
    readonly label: string,
    readonly access: 'R' | 'W',
    readonly hostFolder: string,
  ) {}

  private names(): Map<string, string> {
    const m = new Map<string, string>();
    if (!existsSync(this.hostFolder)) return m;
    for (const name of readdirSync(this.hostFolder)) {
      const x = /^([^.\s]{1,8})\.([^.\s]{1,8})$/.exec(name);
      if (!x) continue;
      try {
        if (!statSync(join(this.hostFolder, name)).isFile()) continue;
      } catch {
        continue;
      }
      m.set(`${x[1]!.toUpperCase()} ${x[2]!.toUpperCase()}`, name);
    }
    return m;
  }

  private fst(key: string, name: string): Fst {
    const [fn, ft] = key.split(' ') as [string, string];
    const path = join(this.hostFolder, name);
    const st = statSync(path);
    const recs = this.lines(path);
    const lrecl = recs.reduce((m, r) => Math.max(m, r.length), 1);
    return { fn, ft, mode: 1, recfm: 'V', lrecl, records: recs.length, blocks: [], date: st.mtimeMs };
  }

  private lines(path: string): string[] {
    const text = readFileSync(path, 'latin1');
    if (text === '') return [];
    return text.replace(/\r?\n$/, '').split(/\r?\n/);
  }

  list(): Fst[] {
    return [...this.names()].map(([k, n]) => this.fst(k, n));
  }

  find(fn: string, ft: string): Fst | undefined {
    const name = this.names().get(`${fn} ${ft}`);
    return name ? this.fst(`${fn} ${ft}`, name) : undefined;
  }

  read(f: Fst): string[] {
    const name = this.names().get(`${f.fn} ${f.ft}`);
    return name ? this.lines(join(this.hostFolder, name)) : [];
  }

  totalBlocks(): number {
    return 100000;
  }

  usedBlocks(): number {
    let n = 0;
    for (const name of this.names().values()) n += Math.ceil(statSync(join(this.hostFolder, name)).size / BLOCK);
    return n;
  }

  update(write: NewFile[], erase: { fn: string; ft: string }[], renames: { from: Fst; fn: string; ft: string }[] = []): number {
    if (this.access !== 'W') return 36;
    const names = this.names();
    for (const e of erase) {
      const n = names.get(`${e.fn} ${e.ft}`);
      if (n) unlinkSync(join(this.hostFolder, n));
    }
    for (const r of renames) {
      const n = names.get(`${r.from.fn} ${r.from.ft}`);
      if (n) renameSync(join(this.hostFolder, n), join(this.hostFolder, `${r.fn}.${r.ft}`.toLowerCase()));
    }
    for (const w of write) {
      const n = names.get(`${w.fn} ${w.ft}`) ?? `${w.fn}.${w.ft}`.toLowerCase();
      const recs = fixRecords(w.records, w.recfm, w.lrecl);
      writeFileSync(join(this.hostFolder, n), recs.length ? recs.join('\n') + '\n' : '', 'latin1');
    }
    return 0;
  }
}
