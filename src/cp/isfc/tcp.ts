/**
 * ISFC over TCP: the logical links between systems running in different processes
 * (DESIGN.md §3 "Systems, clusters and scale"). Each process that runs systems listens
 * on one TCP port (loopback by default) and records `isfc.endpoint.SYSNAME = host:port`
 * in the cluster's shared store (the CSE shared DASD), so a process started later with
 * `vmrexx ipl --data FILE --system VMSYS2` finds its peers and joins the collection.
 * For each ISFC_Link of SYSTEM CONFIG whose ends run in different processes, the end
 * with the smaller name connects; a lost link is retried every second.
 *
 * Frame: u32 total length, u32 header length, JSON header (IsfcFrame without data),
 * then the bulk data bytes. The first frame on a connection is a hello naming the
 * systems at each end.
 */
import { type Server, type Socket, createConnection, createServer } from 'node:net';
import type { Cluster } from '../cluster.js';
import { type IsfcFrame, type IsfcLink, type IsfcNode, isfcNode } from './isfc.js';

const META = 'isfc.endpoint.';

class TcpLink implements IsfcLink {
  readonly transport = 'TCP' as const;
  up = true;
  constructor(
    readonly node: IsfcNode,
    readonly peer: string,
    readonly socket: Socket,
  ) {}
  send(frame: IsfcFrame): void {
    if (!this.up) throw new Error(`ISFC link to ${this.peer} is down`);
    const { data, ...head } = frame;
    const h = Buffer.from(JSON.stringify({ ...head, hasData: data !== undefined }), 'utf8');
    const dlen = data ? data.length : 0;
    const pre = Buffer.allocUnsafe(8);
    pre.writeUInt32BE(4 + h.length + dlen, 0);
    pre.writeUInt32BE(h.length, 4);
    this.socket.cork();
    this.socket.write(pre);
    this.socket.write(h);
    if (data && dlen) this.socket.write(data);
    this.socket.uncork();
  }
  close(): void {
    if (!this.up) return;
    this.up = false;
    this.socket.destroy();
    this.node.detach(this);
  }
}

/** Split a byte stream into frames. */
function framer(socket: Socket, onFrame: (head: Record<string, unknown>, data: Uint8Array | undefined) => void): void {
  let chunks: Buffer[] = [];
  let have = 0;
  let need = -1;
  socket.on('data', (b: Buffer) => {
    chunks.push(b);
    have += b.length;
    for (;;) {
      if (need < 0) {
        if (have < 4) return;
        const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        chunks = [all];
        need = all.readUInt32BE(0);
      }
      if (have < 4 + need) return;
      const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const frame = all.subarray(4, 4 + need);
      const rest = all.subarray(4 + need);
      chunks = rest.length ? [rest] : [];
      have = rest.length;
      need = -1;
      let head: Record<string, unknown>;
      let data: Uint8Array | undefined;
      try {
        const hlen = frame.readUInt32BE(0);
        head = JSON.parse(frame.subarray(4, 4 + hlen).toString('utf8')) as Record<string, unknown>;
        data = head.hasData ? new Uint8Array(frame.subarray(4 + hlen)) : undefined;
      } catch {
        socket.destroy(); // a damaged frame: the link goes down (its users hear LINKDOWN)
        return;
      }
      onFrame(head, data);
    }
  });
}

export interface IsfcTcpService {
  port: number;
  close(): void;
}

const services = new WeakMap<Cluster, Promise<IsfcTcpService>>();

/** Start ISFC over TCP for this process once (later calls return the same service). */
export function ensureIsfcTcp(cluster: Cluster, opts: { host?: string; port?: number; retryMs?: number } = {}): Promise<IsfcTcpService> {
  let s = services.get(cluster);
  if (!s) services.set(cluster, (s = startIsfcTcp(cluster, opts)));
  return s;
}

/** Stop ISFC over TCP (cluster shutdown). */
export async function stopIsfcTcp(cluster: Cluster): Promise<void> {
  const s = services.get(cluster);
  services.delete(cluster);
  if (s) (await s.catch(() => undefined))?.close();
}

/** Are some systems of the collection outside this process? */
export function collectionSpansProcesses(cluster: Cluster): boolean {
  return cluster.systems.size < cluster.config.systems.length;
}

/** Start ISFC over TCP for the systems of this process; returns the listening service. */
export async function startIsfcTcp(cluster: Cluster, opts: { host?: string; port?: number; retryMs?: number } = {}): Promise<IsfcTcpService> {
  const host = opts.host ?? '127.0.0.1';
  const local = new Map([...cluster.systems.values()].map((s) => [s.name, isfcNode(s)]));
  const sockets = new Set<Socket>();
  let closed = false;

  const adopt = (socket: Socket, localName: string, peer: string) => {
    const node = local.get(localName);
    if (!node) return socket.destroy();
    const link = new TcpLink(node, peer, socket);
    socket.setNoDelay(true);
    socket.on('close', () => link.close());
    socket.on('error', () => link.close());
    framer(socket, (head, data) => {
      if (head.kind === 'hello') return;
      node.receive(link, { ...(head as unknown as IsfcFrame), data });
    });
    node.attach(link);
    return link;
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    // the first frame is the hello; then the socket becomes a link
    let got = false;
    let acc = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      if (got) return;
      acc = Buffer.concat([acc, chunk]);
      if (acc.length < 4 || acc.length < 4 + acc.readUInt32BE(0)) return; // the hello is not complete yet
      got = true;
      socket.off('data', onData);
      socket.pause();
      try {
        const len = acc.readUInt32BE(0);
        const frame = acc.subarray(4, 4 + len);
        const hlen = frame.readUInt32BE(0);
        const hello = JSON.parse(frame.subarray(4, 4 + hlen).toString('utf8')) as { from: string; to: string };
        const rest = acc.subarray(4 + len);
        adopt(socket, String(hello.to).toUpperCase(), String(hello.from).toUpperCase());
        if (rest.length) socket.unshift(rest);
        socket.resume();
      } catch {
        socket.destroy(); // not an ISFC peer
      }
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  server.unref();
  const port = (server.address() as { port: number }).port;
  for (const name of local.keys()) cluster.store.setMeta(META + name, `${host}:${port}:${process.pid}`);

  const connecting = new Set<string>();
  const tryConnect = () => {
    if (closed || cluster.shutDown) return;
    for (const [a, b] of cluster.config.isfcLinks) {
      for (const [me, peer] of [
        [a, b],
        [b, a],
      ] as const) {
        const node = local.get(me);
        if (!node || local.has(peer) || me > peer) continue;
        if (node.isUp(peer) || connecting.has(peer)) continue;
        let ep: string | undefined;
        try {
          ep = cluster.store.getMeta(META + peer);
        } catch {
          return;
        }
        if (!ep) continue;
        const [h, p] = ep.split(':');
        connecting.add(peer);
        const socket = createConnection({ host: h, port: Number(p) });
        sockets.add(socket);
        socket.once('connect', () => {
          connecting.delete(peer);
          const hello = Buffer.from(JSON.stringify({ kind: 'hello', from: me, to: peer }), 'utf8');
          const pre = Buffer.allocUnsafe(8);
          pre.writeUInt32BE(4 + hello.length, 0);
          pre.writeUInt32BE(hello.length, 4);
          socket.write(Buffer.concat([pre, hello]));
          adopt(socket, me, peer);
        });
        socket.once('error', () => {
          connecting.delete(peer);
          sockets.delete(socket);
        });
        socket.on('close', () => sockets.delete(socket));
      }
    }
  };
  tryConnect();
  const timer = setInterval(tryConnect, opts.retryMs ?? 1000);
  timer.unref();

  return {
    port,
    close() {
      closed = true;
      clearInterval(timer);
      server.close();
      for (const s of sockets) s.destroy();
      try {
        for (const name of local.keys()) if (cluster.store.getMeta(META + name)?.endsWith(`:${process.pid}`)) cluster.store.setMeta(META + name, '');
      } catch {
        /* store closed */
      }
    },
  };
}
