/**
 * Spool file commands: TRANSFER, PURGE, ORDER, CHANGE (CP-REFERENCE.md §1.7; class D
 * for anyone's files, G for one's own queue). Responses `nnnn FILE(S) verb` with a
 * 4-digit count. Every change is one store transaction: it happens entirely or not at all.
 */
import { isValidUserid } from '../directory/model.js';
import { countLine, notifyArrival } from '../spool/spool.js';
import type { SpoolFileRecord, SpoolQueue } from '../store/store.js';
import type { CommandContext } from './context.js';
import { type Operands, abbrev, showToken } from './tokenize.js';

function queueWord(w: string | undefined): SpoolQueue | undefined {
  if (w === undefined) return undefined;
  if (abbrev(w, 'READER', 1) || w === 'RDR') return 'RDR';
  if (abbrev(w, 'PRINTER', 1) || w === 'PRT') return 'PRT';
  if (abbrev(w, 'PUNCH', 2) || w === 'PCH') return 'PUN';
  return undefined;
}

interface Selection {
  queue: SpoolQueue;
  owner: string;
  spoolids?: number[];
  class?: string;
  all?: boolean;
}

/** [RDR|PRT|PUN] [userid (class D)] spoolid...|CLASS c|ALL */
function parseSelection(ctx: CommandContext, ops: Operands, stopWords: string[]): Selection | number {
  let queue: SpoolQueue = 'RDR';
  const q = queueWord(ops.peek());
  if (q) {
    queue = q;
    ops.next();
  }
  let owner = ctx.vm.userid;
  const sel: Selection = { queue, owner };
  while (!ops.done && !stopWords.includes(ops.peek()!)) {
    const w = ops.next()!;
    if (/^\d{1,4}$/.test(w)) (sel.spoolids ??= []).push(Number(w));
    else if (abbrev(w, 'CLASS', 2)) {
      const c = ops.next();
      if (!c || !/^[A-Z0-9]$/.test(c)) return ctx.msg('HCPCSU026E');
      sel.class = c;
    } else if (w === 'ALL') sel.all = true;
    else if (w === '*' ) owner = ctx.vm.userid;
    else if (ctx.vm.hasClass('D') && isValidUserid(w) && ctx.cluster.directory.users.has(w) && !sel.spoolids) owner = w;
    else return ctx.msg('HCPCSU003E', showToken(w));
  }
  sel.owner = owner;
  if (!sel.spoolids && !sel.class && !sel.all) return ctx.msg('HCPCSU026E');
  return sel;
}

function select(ctx: CommandContext, sel: Selection): SpoolFileRecord[] | number {
  let files = ctx.cluster.store.listSpoolFiles({ owner: sel.owner, queue: sel.queue });
  if (sel.class) files = files.filter((f) => f.class === sel.class);
  if (sel.spoolids) {
    for (const id of sel.spoolids) if (!files.some((f) => f.spoolid === id)) return ctx.msg('HCPCSU042E', String(id).padStart(4, '0'));
    files = files.filter((f) => sel.spoolids!.includes(f.spoolid));
  }
  return files;
}

export function transferCmd(ctx: CommandContext, ops: Operands): number {
  const sel = parseSelection(ctx, ops, ['TO', 'FROM']);
  if (typeof sel === 'number') return sel;
  if (ops.accept('FROM', 4)) {
    const u = ops.next();
    if (!u) return ctx.msg('HCPCSU026E');
    if (u !== ctx.vm.userid && !ctx.vm.hasClass('D')) return ctx.msg('HCPCSU003E', u);
    if (!ctx.cluster.directory.users.has(u)) return ctx.msg('HCPCSU053E', u);
    sel.owner = u;
  }
  if (!ops.accept('TO', 2)) return ctx.msg('HCPCSU026E');
  const to = ops.next();
  if (!to) return ctx.msg('HCPCSU026E');
  const target = to === '*' ? ctx.vm.userid : to;
  if (!isValidUserid(target)) return ctx.msg('HCPCSU026E');
  if (!ctx.cluster.directory.users.has(target)) return ctx.msg('HCPCSU053E', target);
  const toQueue = queueWord(ops.peek()) ?? 'RDR';
  if (queueWord(ops.peek())) ops.next();
  if (!ops.done) return ctx.msg('HCPCSU003E', showToken(ops.next()!));
  const files = select(ctx, sel);
  if (typeof files === 'number') return files;
  const store = ctx.cluster.store;
  store.transaction(() => {
    for (const f of files) store.updateSpoolFile(f.spoolid, { owner: target, queue: toQueue });
  });
  ctx.out(countLine(files.length, 'TRANSFERRED'));
  if (toQueue === 'RDR') for (const f of files) notifyArrival(ctx.cluster, { ...f, owner: target, queue: toQueue }, ctx.vm.userid);
  return 0;
}

export function purgeCmd(ctx: CommandContext, ops: Operands): number {
  const sel = parseSelection(ctx, ops, []);
  if (typeof sel === 'number') return sel;
  const files = select(ctx, sel);
  if (typeof files === 'number') return files;
  const store = ctx.cluster.store;
  store.transaction(() => {
    for (const f of files) store.deleteSpoolFile(f.spoolid);
  });
  ctx.out(countLine(files.length, 'PURGED'));
  return 0;
}

export function orderCmd(ctx: CommandContext, ops: Operands): number {
  const sel = parseSelection(ctx, ops, []);
  if (typeof sel === 'number') return sel;
  if (sel.all) return ctx.msg('HCPCSU003E', 'ALL');
  const files = select(ctx, sel);
  if (typeof files === 'number') return files;
  // the named files go first, in the order given; the rest keep their order
  const all = ctx.cluster.store.listSpoolFiles({ owner: sel.owner, queue: sel.queue });
  const first = sel.spoolids ? sel.spoolids.map((id) => files.find((f) => f.spoolid === id)!) : files;
  const rest = all.filter((f) => !first.includes(f) && !first.some((x) => x.spoolid === f.spoolid));
  const store = ctx.cluster.store;
  store.transaction(() => [...first, ...rest].forEach((f, i) => store.updateSpoolFile(f.spoolid, { seq: i + 1 })));
  ctx.out(countLine(first.length, 'ORDERED'));
  return 0;
}

const CHANGE_OPTIONS = ['CLASS', 'CL', 'HOLD', 'NOHOLD', 'NAME', 'NA', 'DIST', 'COPY', 'CO', 'KEEP', 'NOKEEP', 'FORM'];

export function changeCmd(ctx: CommandContext, ops: Operands): number {
  const stop = CHANGE_OPTIONS;
  // CLASS c as a selector comes before any option; a second CLASS is the new class
  const sel = parseSelection(ctx, ops, stop.filter((s) => !s.startsWith('CL')));
  if (typeof sel === 'number') return sel;
  const changes: Partial<SpoolFileRecord> = {};
  if (sel.class && (sel.spoolids || sel.all)) {
    changes.class = sel.class;
    delete sel.class;
  }
  while (!ops.done) {
    const o = ops.next()!;
    if (abbrev(o, 'CLASS', 2)) {
      const c = ops.next();
      if (!c || !/^[A-Z0-9]$/.test(c)) return ctx.msg('HCPCSU026E');
      changes.class = c;
    } else if (abbrev(o, 'HOLD', 2)) changes.hold = 'USER';
    else if (abbrev(o, 'NOHOLD', 3)) changes.hold = 'NONE';
    else if (o === 'KEEP') changes.keep = true;
    else if (o === 'NOKEEP') changes.keep = false;
    else if (abbrev(o, 'NAME', 2)) {
      const fn = ops.next();
      if (!fn || fn.length > 8) return ctx.msg('HCPCSU026E');
      changes.name = fn;
      if (!ops.done && !stop.some((k) => abbrev(ops.peek()!, k, 2))) {
        const ft = ops.next()!;
        if (ft.length > 8) return ctx.msg('HCPCSU026E');
        changes.type = ft;
      }
    } else if (abbrev(o, 'DIST', 4)) {
      const d = ops.next();
      if (!d || d.length > 8) return ctx.msg('HCPCSU026E');
      changes.dist = d;
    } else if (abbrev(o, 'COPY', 2)) {
      const n = ops.next();
      if (!n || !/^\d{1,3}$/.test(n) || Number(n) < 1 || Number(n) > 255) return ctx.msg('HCPCSU026E');
      changes.copies = Number(n);
    } else if (abbrev(o, 'FORM', 4)) {
      const f = ops.next();
      if (!f || f.length > 8) return ctx.msg('HCPCSU026E');
      changes.form = f;
    } else return ctx.msg('HCPCSU003E', showToken(o));
  }
  if (!Object.keys(changes).length) return ctx.msg('HCPCSU026E');
  const files = select(ctx, sel);
  if (typeof files === 'number') return files;
  const store = ctx.cluster.store;
  store.transaction(() => files.forEach((f) => store.updateSpoolFile(f.spoolid, changes)));
  ctx.out(countLine(files.length, 'CHANGED'));
  return 0;
}
