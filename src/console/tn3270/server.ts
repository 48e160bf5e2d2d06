/**
 * The TN3270 server: a net.Server whose every connection drives one console session.
 *
 *   const server = await startTn3270Server({ port: 3270, sessionFactory: (t) => new EchoSession(t) });
 *   ... x3270 / c3270 / s3270 -codepage cp037 connect to 127.0.0.1:3270 ...
 *   await server.close();
 *
 * Listens on loopback unless `host` says otherwise (whether another address is
 * allowed is the caller's policy: the CLI refuses it while shipped passwords are
 * unchanged).  A failing connection never affects the server or other connections.
 */

import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

import { Tn3270Connection, type ConnectionOptions } from './connection.js';
import { SimpleLuNamePool } from './negotiation.js';

export interface Tn3270ServerOptions extends ConnectionOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Address to bind; default 127.0.0.1. */
  host?: string;
  /** Connections beyond this are refused at once (default 1000). */
  maxConnections?: number;
}

export interface Tn3270Server {
  readonly server: Server;
  readonly host: string;
  readonly port: number;
  /** Connections currently open. */
  readonly connections: ReadonlySet<Tn3270Connection>;
  /** Stop listening and close every connection (their sessions get close()). */
  close(): Promise<void>;
}

export function startTn3270Server(opts: Tn3270ServerOptions): Promise<Tn3270Server> {
  const host = opts.host ?? '127.0.0.1';
  const maxConnections = opts.maxConnections ?? 1000;
  const connections = new Set<Tn3270Connection>();
  const connOpts: ConnectionOptions = { ...opts, luNames: opts.luNames ?? new SimpleLuNamePool() };

  const server = createServer((socket: Socket) => {
    try {
      if (connections.size >= maxConnections) {
        opts.log?.(`tn3270: refused ${socket.remoteAddress}: ${maxConnections} connections open`);
        socket.destroy();
        return;
      }
      const conn = new Tn3270Connection(socket, connOpts, (c) => connections.delete(c));
      connections.add(conn);
      conn.start();
    } catch (e) {
      // Never let one connection's failure reach the server.
      opts.log?.(`tn3270: connection setup failed: ${(e as Error).message}`);
      socket.destroy();
    }
  });
  server.on('error', (e) => opts.log?.(`tn3270 server: ${e.message}`));

  return new Promise((resolve, reject) => {
    const onListenError = (e: Error) => reject(e);
    server.once('error', onListenError);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', onListenError);
      const port = (server.address() as AddressInfo).port;
      resolve({
        server,
        host,
        port,
        connections,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const c of [...connections]) c.terminate('server shutting down');
          }),
      });
    });
  });
}
