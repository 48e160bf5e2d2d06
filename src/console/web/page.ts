/**
 * The browser page of the web console and its client script.
 *
 * The page loads xterm.js and its CSS from this server (copied out of
 * node_modules, no CDN) and /client.js, which:
 *   - makes a Terminal of the chosen 3270 model's size (?model=2..5, default 2),
 *   - opens a WebSocket to /ws and sends {"type":"resize","cols","rows"} first,
 *   - writes every binary frame it receives into the terminal (the screen is drawn
 *     on the server, so a password is never in the page: not drawn, not stored),
 *   - sends every key xterm.js reports (onData) as a binary frame of UTF-8 bytes,
 *   - has a key bar for PA1, PA2, PA3, CLEAR and PF1-PF24 (browsers keep Ctrl-W and
 *     some F-keys for themselves); a bar key sends the same bytes as the terminal key,
 *   - shows the connection state and why the session ended.
 * window.vmrexx = { term, ws, send } is there for tests and debugging.
 */

import { MODELS } from '../tn3270/models.js';
import { KEY_MAP } from '../screen/keys.js';

/** What the key bar offers, in order, with the bytes each button sends. */
export function keyBar(): { label: string; seq: string }[] {
  const wanted = ['PA1', 'PA2', 'PA3', 'CLEAR', ...Array.from({ length: 24 }, (_, i) => `PF${i + 1}`)];
  return wanted.map((label) => ({ label, seq: KEY_MAP.find((k) => k.action === label)!.sequence }));
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function pageHtml(title: string): string {
  const t = escapeHtml(title);
  const models = ([2, 3, 4, 5] as const)
    .map((m) => `<a href="?model=${m}" data-model="${m}">Model ${m} (${MODELS[m].cols}x${MODELS[m].rows})</a>`)
    .join(' ');
  const keys = keyBar()
    .map((k) => `<button type="button" data-key="${escapeHtml(k.label)}" tabindex="-1">${escapeHtml(k.label)}</button>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${t}</title>
<link rel="stylesheet" href="/xterm.css">
<link rel="stylesheet" href="/console.css">
</head>
<body>
<header><span class="title">${t}</span> <span id="conn" class="conn">connecting...</span> <nav>${models}</nav></header>
<main><div id="terminal"></div></main>
<footer id="keys" aria-label="3270 keys">${keys}</footer>
<p class="help">Enter = ENTER &middot; Ctrl-C or Esc 1 = PA1 &middot; Esc 2 = PA2 &middot; Ctrl-L or Esc c = CLEAR &middot; F1-F12 = PF1-PF12 &middot; Shift+F1-F12 = PF13-PF24 &middot; Insert toggles insert mode &middot; Ctrl-K = ERASE EOF</p>
<script src="/xterm.js"></script>
<script src="/client.js"></script>
</body>
</html>
`;
}

export const PAGE_CSS = `
html, body { margin: 0; background: #101010; color: #d0d0d0; font: 14px system-ui, sans-serif; }
header { display: flex; gap: 1em; align-items: baseline; padding: 6px 10px; background: #202020; }
header .title { font-weight: bold; color: #fff; }
header nav { margin-left: auto; }
header nav a { color: #8cf; margin-left: .8em; text-decoration: none; }
header nav a.current { color: #fff; text-decoration: underline; }
.conn { color: #8f8; }
.conn.closed { color: #f88; }
main { padding: 10px; }
#terminal { display: inline-block; }
footer { padding: 0 10px; display: flex; flex-wrap: wrap; gap: 4px; }
footer button { font: 12px monospace; background: #303030; color: #ddd; border: 1px solid #555; border-radius: 3px; padding: 3px 6px; cursor: pointer; }
footer button:hover { background: #404040; }
.help { padding: 0 10px; color: #999; font-size: 12px; }
`;

/** The client script (plain browser JavaScript). */
export function clientScript(): string {
  const models: Record<string, [number, number]> = {};
  for (const m of [2, 3, 4, 5] as const) models[m] = [MODELS[m].rows, MODELS[m].cols];
  const keys: Record<string, string> = {};
  for (const k of keyBar()) keys[k.label] = k.seq;
  return `(function () {
  'use strict';
  var MODELS = ${JSON.stringify(models)};
  var KEYS = ${JSON.stringify(keys)};
  var params = new URLSearchParams(location.search);
  var model = Object.prototype.hasOwnProperty.call(MODELS, params.get('model')) ? params.get('model') : '2';
  var size = MODELS[model];
  var links = document.querySelectorAll('nav a[data-model]');
  for (var i = 0; i < links.length; i++) if (links[i].getAttribute('data-model') === model) links[i].className = 'current';
  var conn = document.getElementById('conn');
  var term = new Terminal({
    rows: size[0], cols: size[1], scrollback: 0, cursorBlink: true,
    fontFamily: '"DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace', fontSize: 15,
    theme: { background: '#000000', foreground: '#33ff33' }
  });
  term.open(document.getElementById('terminal'));
  var enc = new TextEncoder();
  var ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
  ws.binaryType = 'arraybuffer';
  function send(data) {
    if (ws.readyState === 1) ws.send(enc.encode(data));
  }
  function setConn(text, closed) {
    conn.textContent = text;
    conn.className = closed ? 'conn closed' : 'conn';
  }
  ws.onopen = function () {
    ws.send(JSON.stringify({ type: 'resize', cols: term.cols, rows: term.rows }));
    setConn('connected', false);
    term.focus();
  };
  ws.onmessage = function (ev) {
    if (typeof ev.data === 'string') {
      var msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      if (msg && msg.type === 'ready') setConn('connected: model ' + msg.model + ' (' + msg.cols + 'x' + msg.rows + ')', false);
      else if (msg && msg.type === 'closed') setConn('session ended: ' + msg.reason, true);
      return;
    }
    term.write(new Uint8Array(ev.data));
  };
  ws.onclose = function (ev) {
    if (conn.className.indexOf('closed') < 0) setConn('disconnected' + (ev.reason ? ': ' + ev.reason : ''), true);
  };
  ws.onerror = function () { setConn('connection error', true); };
  term.onData(function (data) { send(data); });
  term.onResize(function (s) {
    if (ws.readyState === 1) ws.send(JSON.stringify({ type: 'resize', cols: s.cols, rows: s.rows }));
  });
  var bar = document.getElementById('keys');
  bar.addEventListener('mousedown', function (ev) { ev.preventDefault(); });
  bar.addEventListener('click', function (ev) {
    var key = ev.target && ev.target.getAttribute && ev.target.getAttribute('data-key');
    if (key && Object.prototype.hasOwnProperty.call(KEYS, key)) send(KEYS[key]);
    term.focus();
  });
  window.vmrexx = { term: term, ws: ws, send: send };
})();
`;
}
