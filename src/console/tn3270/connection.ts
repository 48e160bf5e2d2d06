/**
 * One TN3270 / TN3270E terminal connection driving one console session.
 *
 *   socket bytes -> TelnetParser -> Negotiator (options, TN3270E subnegotiations)
 *                               -> records -> [TN3270E header] -> parseInbound -> ConsolePort
 *   ConsolePort -> ConsoleView -> ConsoleScreen -> record -> [header] -> IAC framing -> socket
 *
 * Anything that goes wrong on this connection (bad telnet or 3270 data, an oversized
 * record, a session that throws, a client that stops reading) closes this
 * connection and nothing else: every entry point is guarded.
 */

import type { Socket } from 'node:net';

import { ebcdicToString } from '../../common/ebcdic.js';
import { MAX_12BIT, MAX_14BIT, READ_PARTITION_QUERY } from './datastream.js';
import { parseInbound, usableAreaFromQueryReply, type InboundRecord } from './inbound.js';
import { DEFAULT_COLS, DEFAULT_ROWS } from './models.js';
import { Negotiator, type LuNamePool, type NegotiationResult } from './negotiation.js';
import { ConsoleScreen } from './screen.js';
import type { ConsolePort, ConsoleView, SessionFactory, TerminalInfo } from './session-port.js';
import { TelnetParser, frameRecord } from './telnet.js';
import { DT_3270_DATA, HEADER_LENGTH, parseHeader, withHeader } from './tn3270e.js';

export interface ConnectionOptions {
  sessionFactory: SessionFactory;
  /** Offer TN3270E (default true); clients that refuse get plain TN3270. */
  tn3270e?: boolean;
  luNames?: LuNamePool;
  /** Largest inbound record or telnet buffer, bytes (default 64 KiB). */
  maxRecord?: number;
  /** Time allowed for option negotiation (default 10 s). */
  negotiationTimeoutMs?: number;
  /** Time an IBM-DYNAMIC terminal has to answer the size query before 24x80 is assumed (default 3 s). */
  queryTimeoutMs?: number;
  /** Output the client has not read yet beyond which it is dropped (default 1 MiB). */
  maxPendingOutput?: number;
  /** Diagnostics (never passwords or screen contents). */
  log?: (message: string) => void;
}

export class Tn3270Connection {
  readonly remote: string;
  private readonly parser: TelnetParser;
  private readonly negotiator: Negotiator;
  private screen?: ConsoleScreen;
  private port?: ConsolePort;
  private info?: TerminalInfo;
  private tn3270e = false;
  private seq = 0;
  private closedFlag = false;
  private flushScheduled = false;
  private unlockPending = false;
  private negotiationTimer?: NodeJS.Timeout;
  /** IBM-DYNAMIC terminal negotiated; its query reply is awaited. */
  private pendingDynamic?: NegotiationResult;
  private readonly maxPendingOutput: number;
  /** Why the connection closed (for logs and tests). */
  closeReason?: string;

  constructor(
    private readonly socket: Socket,
    private readonly opts: ConnectionOptions,
    private readonly onClosed: (c: Tn3270Connection) => void = () => {},
  ) {
    this.remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
    this.maxPendingOutput = opts.maxPendingOutput ?? 1024 * 1024;
    this.parser = new TelnetParser(
      {
        record: (data) => this.onRecord(data),
        option: (verb, opt) => this.negotiator.option(verb, opt),
        subnegotiation: (opt, data) => this.negotiator.subnegotiation(opt, data),
      },
      { maxRecord: opts.maxRecord ?? 64 * 1024 },
    );
    this.negotiator = new Negotiator(
      {
        send: (bytes) => this.write(bytes),
        ready: (result) => this.onReady(result),
        fail: (reason, ttype) => this.onNegotiationFailed(reason, ttype),
      },
      { tn3270e: opts.tn3270e, luNames: opts.luNames },
    );
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** The terminal as negotiated, once it is. */
  get terminal(): TerminalInfo | undefined {
    return this.info;
  }

  start(): void {
    const s = this.socket;
    s.setNoDelay(true);
    s.on('data', (chunk: Buffer) => {
      if (this.closedFlag) return;
      try {
        this.parser.feed(chunk);
      } catch (e) {
        this.close(`protocol error: ${(e as Error).message}`);
      }
    });
    s.on('error', (e) => this.close(`socket error: ${e.message}`));
    s.on('end', () => this.close('client closed the connection'));
    s.on('close', () => this.close('connection closed'));
    this.negotiationTimer = setTimeout(
      () => this.close('option negotiation timed out'),
      this.opts.negotiationTimeoutMs ?? 10_000,
    );
    this.negotiationTimer.unref();
    this.guard(() => this.negotiator.start());
  }

  /** Close and drop the socket at once, without waiting for output to drain (server shutdown). */
  terminate(reason = 'terminated'): void {
    this.close(reason);
    this.socket.destroy();
  }

  /** Close this connection (idempotent).  The session's close() is called exactly once. */
  close(reason = 'closed'): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.closeReason = reason;
    clearTimeout(this.negotiationTimer);
    this.negotiator.dispose();
    this.opts.log?.(`tn3270 ${this.remote}: ${reason}`);
    const port = this.port;
    this.port = undefined;
    if (port) {
      try {
        port.close();
      } catch (e) {
        this.opts.log?.(`tn3270 ${this.remote}: session close failed: ${(e as Error).message}`);
      }
    }
    // Let queued output drain, but never wait long for a peer that does not read.
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 2000).unref();
    this.onClosed(this);
  }

  /** Run `fn`; any exception closes this connection only. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.close(`error: ${(e as Error).message}`);
    }
  }

  private write(bytes: Uint8Array): void {
    if (this.closedFlag || this.socket.destroyed) return;
    this.socket.write(bytes);
    if (this.socket.writableLength > this.maxPendingOutput) this.close('the terminal is not reading its output');
  }

  private writeRecord(record: Uint8Array): void {
    const data = this.tn3270e ? withHeader(record, this.seq) : record;
    if (this.tn3270e) this.seq = (this.seq + 1) & 0xffff;
    this.write(frameRecord(data));
  }

  private onNegotiationFailed(reason: string, terminalType?: string): void {
    if (!this.closedFlag && !this.info) {
      // Still in NVT mode: a line-mode client can read this.
      const msg =
        terminalType !== undefined
          ? `\r\nThis port serves 3270 display terminals (TN3270/TN3270E); terminal type ${terminalType || '(none)'} is not supported.\r\n`
          : `\r\nThis port serves 3270 display terminals (TN3270/TN3270E).\r\n`;
      this.write(Buffer.from(msg, 'latin1'));
    }
    this.close(`negotiation failed: ${reason}`);
  }

  private onReady(result: NegotiationResult): void {
    clearTimeout(this.negotiationTimer);
    this.tn3270e = result.tn3270e;
    if (this.port) {
      // Renegotiated (e.g. TN3270E dropped and plain TN3270 agreed): repaint.
      this.screen?.requireFullPaint();
      this.schedule();
      return;
    }
    if (result.terminal.dynamic) {
      // IBM-DYNAMIC: ask the terminal for its size (Read Partition Query); the
      // answer is an inbound AID X'88' record.  No answer in time: 24x80.
      this.pendingDynamic = result;
      this.writeRecord(READ_PARTITION_QUERY);
      this.negotiationTimer = setTimeout(
        () => this.guard(() => this.startSession(result, DEFAULT_ROWS, DEFAULT_COLS)),
        this.opts.queryTimeoutMs ?? 3000,
      );
      this.negotiationTimer.unref();
      return;
    }
    const { model } = result.terminal;
    this.startSession(result, model.rows, model.cols);
  }

  /** The query reply of an IBM-DYNAMIC terminal arrived (or did not parse). */
  private onQueryReply(rec: InboundRecord): void {
    const result = this.pendingDynamic!;
    clearTimeout(this.negotiationTimer);
    const area = usableAreaFromQueryReply(rec.structuredFields ?? new Uint8Array(0));
    const limit = area?.addressing14 ? MAX_14BIT : MAX_12BIT;
    const fits = area && area.rows >= 24 && area.cols >= 80 && area.rows * area.cols <= limit;
    this.startSession(result, fits ? area.rows : DEFAULT_ROWS, fits ? area.cols : DEFAULT_COLS);
  }

  private startSession(result: NegotiationResult, rows: number, cols: number): void {
    if (this.closedFlag || this.port || this.screen) return;
    this.pendingDynamic = undefined;
    const alternate = rows !== DEFAULT_ROWS || cols !== DEFAULT_COLS;
    const screen = new ConsoleScreen(rows, cols, alternate);
    this.screen = screen;
    const info: TerminalInfo = {
      terminalType: result.terminal.name,
      model: result.terminal.model.model,
      rows,
      cols,
      outputRows: screen.layout.outputRows,
      inputLength: screen.layout.inputLength,
      luName: result.luName,
      tn3270e: result.tn3270e,
      remote: this.remote,
    };
    this.info = info;
    this.opts.log?.(
      `tn3270 ${this.remote}: ${info.terminalType} ${info.rows}x${info.cols}${info.tn3270e ? ` TN3270E ${info.luName}` : ''}`,
    );
    this.guard(() => {
      const port = this.opts.sessionFactory(info);
      this.port = port;
      port.attach(this.makeView());
    });
    this.schedule();
  }

  private makeView(): ConsoleView {
    return {
      output: (lines) => {
        if (this.closedFlag || !this.screen) return;
        this.screen.output(lines);
        this.schedule();
      },
      clearOutput: () => {
        if (this.closedFlag || !this.screen) return;
        this.screen.clearOutput();
        this.schedule();
      },
      setInput: (text) => {
        if (this.closedFlag || !this.screen) return;
        this.screen.setInput(text);
        this.schedule();
      },
      statusChanged: () => {
        if (this.closedFlag) return;
        this.schedule();
      },
      close: (reason) => {
        if (this.closedFlag) return;
        this.flush();
        this.close(reason ?? 'session ended');
      },
    };
  }

  /** Repaint once, after everything the session does in this turn of the event loop. */
  private schedule(): void {
    if (this.flushScheduled || this.closedFlag) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.guard(() => this.flush());
    });
  }

  private flush(): void {
    const screen = this.screen;
    const port = this.port;
    if (this.closedFlag || !screen || !port) return;
    const st = port.status();
    screen.setStatus(String(st.state), String(st.system));
    screen.setPasswordMode(port.passwordMode());
    const record = screen.render({ unlock: this.unlockPending });
    this.unlockPending = false;
    if (record) this.writeRecord(record);
  }

  private onRecord(data: Uint8Array): void {
    if (this.closedFlag || !this.negotiator.isReady) return; // stray data before 3270 mode: ignore
    if (!this.screen && !this.pendingDynamic) return;
    let body = data;
    if (this.tn3270e) {
      const header = parseHeader(data);
      if (header.dataType !== DT_3270_DATA) return; // responses, NVT or SSCP-LU data: not used by a console
      body = data.subarray(HEADER_LENGTH);
    }
    if (!this.screen) {
      // Waiting for the query reply of an IBM-DYNAMIC terminal; nothing else is expected.
      const rec = parseInbound(body, MAX_14BIT);
      if (rec.key.key === 'STRUCTURED-FIELD') this.onQueryReply(rec);
      return;
    }
    const rec = parseInbound(body, this.screen.layout.size); // throws on malformed data: protocol error
    this.guard(() => this.onAid(rec));
  }

  /** The text of the input field in an inbound record ('' when it was not modified). */
  private inputText(rec: InboundRecord): string | undefined {
    const start = this.screen!.layout.inputStart;
    const field = rec.fields.find((f) => f.address === start || f.address === -1);
    if (!field) return undefined;
    return ebcdicToString(field.data).replace(/\0/g, '').replace(/ +$/, '');
  }

  private onAid(rec: InboundRecord): void {
    const screen = this.screen!;
    const port = this.port;
    if (!port) return;
    const key = rec.key;
    switch (key.key) {
      case 'ENTER': {
        const text = this.inputText(rec) ?? '';
        // Clear first: the session may put text back (RETRIEVE) while it handles the line.
        screen.setInput('');
        if (!port.submit(text)) screen.setInput(text);
        break;
      }
      case 'PF': {
        const typed = this.inputText(rec);
        if (typed !== undefined) screen.noteTyped(typed);
        port.attention('PF', key.n);
        break;
      }
      case 'PA':
        port.attention(key.n === 1 ? 'PA1' : key.n === 2 ? 'PA2' : 'PA3');
        break;
      case 'CLEAR':
        // The terminal erased its whole buffer (fields too): paint everything again.
        screen.noteTyped('');
        screen.requireFullPaint();
        port.attention('CLEAR');
        break;
      case 'STRUCTURED-FIELD':
        return; // query replies: nothing to do, the keyboard is not locked
      default:
        break; // SYSREQ, no-AID reads: just unlock
    }
    this.unlockPending = true;
    this.schedule();
  }
}
