/**
 * Browser console of the CP: the public surface.
 *
 *   import { startWebConsoleServer } from './console/web/index.js';
 *   const server = await startWebConsoleServer({
 *     port: 8080,                 // 0 = any free port; server.port / server.url tell which
 *     host: '127.0.0.1',          // the default
 *     sessionFactory: (terminal) => makeConsolePort(terminal),   // one per browser
 *   });
 *   // open server.url in a browser (?model=2..5 picks the 3270 model)
 *   await server.close();
 *
 * Files: server.ts (HTTP + WebSocket server, protocol, limits), page.ts (the page,
 * its CSS and client script).  The screen is drawn by ../screen on the server.
 */
export { startWebConsoleServer, parseControl, type WebConsoleServer, type WebConsoleServerOptions, type ResizeMessage } from './server.js';
export { keyBar } from './page.js';
