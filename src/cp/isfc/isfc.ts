/**
 * ISFC — Inter-System Facility for Communications (CP-REFERENCE.md §3.2; DESIGN.md §3
 * "Systems, clusters and scale"). The systems of a collection exchange typed messages
 * over ISFC logical links: in memory when both systems run in one process, over TCP
 * when they do not (see tcp.ts). CP components (migration, CSE) use this API:
 *
 *   const node = isfcNode(system);                 // this system's end of its links
 *   node.handle('cse.query', async (msg) => reply);  // serve a request type (one handler per type)
 *   const r = await node.request('VMSYS2', 'cse.query', body, data?, timeoutMs?);
 *   node.send('VMSYS2', 'cse.note', body);          // one-way
 *   node.onLink((peer, up) => ...);                 // link up / down events
 *   node.isUp('VMSYS2'); node.peers();
 *
 * A message has a JSON-able `body` and optional bulk `data` (bytes, never copied in
 * memory; one frame on TCP). A request resolves with the handler's reply or rejects
 * with an IsfcError: 'LINKDOWN' (no link, or it went down while waiting), 'TIMEOUT',
 * 'NOHANDLER', or 'REMOTE' (the handler threw; message = its error text).
 */
import type { CpSystem } from '../system.js';

export interface IsfcMessage {
  type: string;
  from: string;
  to: string;
  body: unknown;
  data?: Uint8Array;
}

export interface IsfcReply {
  body: unknown;
  data?: Uint8Array;
}

export type IsfcHandler = (msg: IsfcMessage) => unknown | IsfcReply | Promise<unknown | IsfcReply>;

export class IsfcError extends Error {
  constructor(
    readonly code: 'LINKDOWN' | 'TIMEOUT' | 'NOHANDLER' | 'REMOTE',
    message: string,
  ) {
    super(message);
  }
}

/** A frame on a link: a request, a one-way message, or a reply. */
export interface IsfcFrame {
  kind: 'req' | 'msg' | 'rep';
  id: number;
  type: string;
  from: string;
  to: string;
  body: unknown;
  error?: { code: string; message: string };
  data?: Uint8Array;
}

/** One end of a logical link to a peer system. */
export interface IsfcLink {
  readonly peer: string;
  readonly transport: 'MEMORY' | 'TCP';
  readonly up: boolean;
  send(frame: IsfcFrame): void;
  close(): void;
}

/** Wrap a reply value so that it can carry bulk data. */
export function reply(body: unknown, data?: Uint8Array): IsfcReply {
  return { [REPLY]: true, body, data } as IsfcReply;
}
const REPLY = Symbol('isfc.reply');
function isReply(v: unknown): v is IsfcReply {
  return typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[REPLY] === true;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export class IsfcNode {
  private readonly links = new Map<string, IsfcLink>();
  private readonly handlers = new Map<string, IsfcHandler>();
  private readonly pending = new Map<number, { resolve: (r: IsfcReply) => void; reject: (e: Error) => void; peer: string; timer: NodeJS.Timeout }>();
  private readonly linkListeners = new Set<(peer: string, up: boolean) => void>();
  private nextId = 1;
  /** Test hook: frames to or from these peers are dropped (a link that silently stops). */
  readonly blackhole = new Set<string>();

  constructor(readonly name: string) {}

  /** Serve a message type; the handler's return value (or reply(body, data)) is the reply. */
  handle(type: string, h: IsfcHandler): void {
    this.handlers.set(type, h);
  }

  onLink(listener: (peer: string, up: boolean) => void): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }

  isUp(peer: string): boolean {
    return this.links.get(peer.toUpperCase())?.up ?? false;
  }

  peers(): { peer: string; transport: string; up: boolean }[] {
    return [...this.links.values()].map((l) => ({ peer: l.peer, transport: l.transport, up: l.up }));
  }

  /** A request: resolves with the peer's reply. */
  request(to: string, type: string, body: unknown, data?: Uint8Array, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<IsfcReply> {
    const peer = to.toUpperCase();
    const link = this.links.get(peer);
    if (!link || !link.up) return Promise.reject(new IsfcError('LINKDOWN', `no ISFC link to ${peer}`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new IsfcError('TIMEOUT', `no reply from ${peer} to ${type} in ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref?.();
      this.pending.set(id, { resolve, reject, peer, timer });
      if (this.blackhole.has(peer)) return;
      try {
        link.send({ kind: 'req', id, type, from: this.name, to: peer, body, data });
      } catch (e) {
        this.pending.delete(id);
        clearTimeout(timer);
        reject(new IsfcError('LINKDOWN', e instanceof Error ? e.message : String(e)));
      }
    });
  }

  /** A one-way message; false when there is no link. */
  send(to: string, type: string, body: unknown, data?: Uint8Array): boolean {
    const link = this.links.get(to.toUpperCase());
    if (!link || !link.up || this.blackhole.has(link.peer)) return false;
    try {
      link.send({ kind: 'msg', id: 0, type, from: this.name, to: link.peer, body, data });
      return true;
    } catch {
      return false;
    }
  }

  // ----- used by the transports ---------------------------------------------------------

  attach(link: IsfcLink): void {
    const old = this.links.get(link.peer);
    if (old && old !== link) old.close();
    this.links.set(link.peer, link);
    for (const l of [...this.linkListeners]) l(link.peer, true);
  }

  /** The link to peer went down: fail what waits on it, tell the listeners. */
  detach(link: IsfcLink): void {
    if (this.links.get(link.peer) !== link) return;
    this.links.delete(link.peer);
    for (const [id, p] of this.pending)
      if (p.peer === link.peer) {
        this.pending.delete(id);
        clearTimeout(p.timer);
        p.reject(new IsfcError('LINKDOWN', `ISFC link to ${link.peer} went down`));
      }
    for (const l of [...this.linkListeners]) l(link.peer, false);
  }

  /** Take the link to peer down (DEACTIVATE ISLINK; fault injection). */
  deactivate(peer: string): void {
    this.links.get(peer.toUpperCase())?.close();
  }

  receive(link: IsfcLink, f: IsfcFrame): void {
    if (this.blackhole.has(link.peer)) return;
    if (f.kind === 'rep') {
      const p = this.pending.get(f.id);
      if (!p) return;
      this.pending.delete(f.id);
      clearTimeout(p.timer);
      if (f.error) p.reject(new IsfcError(f.error.code as IsfcError['code'], f.error.message));
      else p.resolve({ body: f.body, data: f.data });
      return;
    }
    const h = this.handlers.get(f.type);
    const msg: IsfcMessage = { type: f.type, from: f.from, to: f.to, body: f.body, data: f.data };
    const answer = (r: { body?: unknown; data?: Uint8Array; error?: { code: string; message: string } }) => {
      if (f.kind !== 'req' || !link.up) return;
      try {
        link.send({ kind: 'rep', id: f.id, type: f.type, from: this.name, to: f.from, body: r.body ?? null, data: r.data, error: r.error });
      } catch {
        /* the link went down: the requester hears of it from its own end */
      }
    };
    if (!h) return answer({ error: { code: 'NOHANDLER', message: `${this.name} does not serve ${f.type}` } });
    let v: unknown;
    try {
      v = h(msg);
    } catch (e) {
      return answer({ error: { code: 'REMOTE', message: e instanceof Error ? e.message : String(e) } });
    }
    Promise.resolve(v).then(
      (r) => answer(isReply(r) ? { body: r.body, data: r.data } : { body: r ?? null }),
      (e) => answer({ error: { code: 'REMOTE', message: e instanceof Error ? e.message : String(e) } }),
    );
  }
}

// ----- in-memory links ---------------------------------------------------------------------

class MemoryLink implements IsfcLink {
  readonly transport = 'MEMORY' as const;
  up = true;
  other!: MemoryLink;
  constructor(
    readonly node: IsfcNode,
    readonly peer: string,
  ) {}
  send(frame: IsfcFrame): void {
    if (!this.up) throw new Error(`ISFC link to ${this.peer} is down`);
    const other = this.other;
    // delivered asynchronously, as a real link would; bulk data is handed over, not copied
    setImmediate(() => {
      if (other.up) other.node.receive(other, frame);
    });
  }
  close(): void {
    if (!this.up) return;
    this.up = false;
    this.other.up = false;
    this.node.detach(this);
    this.other.node.detach(this.other);
  }
}

/** Link two nodes in one process. */
export function linkInMemory(a: IsfcNode, b: IsfcNode): void {
  const la = new MemoryLink(a, b.name);
  const lb = new MemoryLink(b, a.name);
  la.other = lb;
  lb.other = la;
  a.attach(la);
  b.attach(lb);
}

// ----- one node per system --------------------------------------------------------------------

const nodes = new WeakMap<CpSystem, IsfcNode>();
const setupHooks: ((system: CpSystem, node: IsfcNode) => void)[] = [];

/** Components that serve message types register here; they run for every node created. */
export function onIsfcNode(hook: (system: CpSystem, node: IsfcNode) => void): void {
  setupHooks.push(hook);
}

/** This system's ISFC node (created, with its in-memory links to the systems of this process that SYSTEM CONFIG links it to, on first use). */
export function isfcNode(system: CpSystem): IsfcNode {
  let n = nodes.get(system);
  if (n) return n;
  n = new IsfcNode(system.name);
  nodes.set(system, n);
  for (const h of setupHooks) h(system, n);
  for (const [a, b] of system.cluster.config.isfcLinks) {
    const other = a === system.name ? b : b === system.name ? a : undefined;
    if (!other) continue;
    const os = system.cluster.systems.get(other);
    if (!os) continue;
    const on = isfcNode(os); // links itself to n when it is new
    if (!n.isUp(other)) linkInMemory(n, on);
  }
  return n;
}

/** Bring up ISFC for every system of the cluster in this process (in-memory links). */
export function startIsfc(systems: Iterable<CpSystem>): void {
  for (const s of systems) isfcNode(s);
}

/** The node of a system if ISFC has been started for it. */
export function existingIsfcNode(system: CpSystem): IsfcNode | undefined {
  return nodes.get(system);
}
