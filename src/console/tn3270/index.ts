/**
 * TN3270 front end of the CP console: the public surface.
 *
 *   import { startTn3270Server } from './console/tn3270/index.js';
 *   const server = await startTn3270Server({
 *     port: 3270,                 // 0 = any free port; server.port tells which
 *     host: '127.0.0.1',          // the default; other addresses are the caller's policy
 *     sessionFactory: (terminal) => makeConsolePort(terminal),   // one ConsolePort per connection
 *     log: (m) => console.error(m),
 *   });
 *   // s3270 / c3270 / x3270 -codepage cp037 127.0.0.1:3270
 *   await server.close();
 *
 * Files: telnet.ts (IAC layer), negotiation.ts (options, TN3270E / TN3270 fallback),
 * tn3270e.ts (RFC 2355 messages and header), models.ts (3278/3279 models),
 * datastream.ts (outbound commands, WCC, orders, addresses), inbound.ts (AIDs,
 * Read-Modified parsing, query replies), screen.ts (CP console layout and painting),
 * session-port.ts (the ConsolePort / ConsoleView seam), connection.ts (one terminal),
 * server.ts (the listener), echo-session.ts (a stand-in session for tests and demos).
 */
export { startTn3270Server, type Tn3270Server, type Tn3270ServerOptions } from './server.js';
export { Tn3270Connection, type ConnectionOptions } from './connection.js';
export type {
  AttentionKind,
  ConsolePort,
  ConsoleState,
  ConsoleStatus,
  ConsoleView,
  SessionFactory,
  TerminalInfo,
} from './session-port.js';
export { EchoSession, type EchoSessionOptions } from './echo-session.js';
export { SimpleLuNamePool, type LuNamePool } from './negotiation.js';
