/**
 * CP's side of a guest program: the worker_thread that is the virtual CPU, and the
 * channel it calls CP through (DESIGN.md §3 "Threads"; protocol in
 * src/common/channel.ts). CP services each request on the main thread, possibly
 * asynchronously (a console read waits for the user), then replies and wakes the
 * guest. kill() always works: it sets the KILL word (every guest wait ends) and
 * terminates the worker, so a guest looping forever cannot hold CP or anyone else.
 */
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import {
  CTL_COUNTER,
  CTL_HALT,
  CTL_KILL,
  CTL_REPLY,
  CTL_STOP,
  CTL_WORDS,
  type ChannelRequest,
  type GuestStartData,
  HALT_HI,
  HALT_HX,
} from '../../common/channel.js';
import { workerUrl } from '../../common/worker-path.js';
import type { GuestStorage } from '../storage/guest-storage.js';

export interface GuestHost {
  /** Service one request; the value (or the promise's value) is the reply. */
  handle(req: ChannelRequest): unknown;
  /** The guest program ended (returned, abended, or was killed). */
  ended(runner: GuestRunner, reason: string): void;
}

export class GuestRunner {
  readonly worker: Worker;
  readonly ctl: Int32Array;
  private readonly port: MessagePort;
  private killed = false;
  private done = false;
  readonly exited: Promise<void>;

  constructor(
    readonly program: string,
    readonly parm: string,
    userid: string,
    system: string,
    storage: GuestStorage,
    private readonly host: GuestHost,
  ) {
    const control = new SharedArrayBuffer(CTL_WORDS * 4);
    this.ctl = new Int32Array(control);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const data: GuestStartData = { program, parm, userid, system, storage: storage.buffers, control, port: port2 };
    this.worker = new Worker(workerUrl('cp/guest/worker-main'), { workerData: data, transferList: [port2] });
    this.worker.unref();
    port1.on('message', (req: ChannelRequest) => this.service(req));
    port1.unref();
    let resolveExit!: () => void;
    this.exited = new Promise((r) => (resolveExit = r));
    this.worker.on('error', (e) => this.finish(`abend: ${e instanceof Error ? e.message : String(e)}`));
    this.worker.on('exit', () => {
      this.finish(this.killed ? 'killed' : 'ended');
      resolveExit();
    });
  }

  private finish(reason: string): void {
    if (this.done) return;
    this.done = true;
    this.port.close();
    this.host.ended(this, reason);
  }

  get alive(): boolean {
    return !this.done;
  }

  private service(req: ChannelRequest): void {
    let result: unknown;
    try {
      result = this.host.handle(req);
    } catch (e) {
      result = { rc: -1, error: e instanceof Error ? e.message : String(e) };
    }
    if (result instanceof Promise) {
      result.then(
        (r) => this.reply(r),
        (e) => this.reply({ rc: -1, error: e instanceof Error ? e.message : String(e) }),
      );
    } else this.reply(result);
  }

  private reply(r: unknown): void {
    if (this.done || this.killed) return;
    this.port.postMessage(r);
    Atomics.store(this.ctl, CTL_REPLY, 1);
    Atomics.notify(this.ctl, CTL_REPLY);
  }

  /** SET RUN OFF after attention, stun: the guest parks at its next checkpoint. */
  setStopped(stopped: boolean): void {
    Atomics.store(this.ctl, CTL_STOP, stopped ? 1 : 0);
    Atomics.notify(this.ctl, CTL_STOP);
  }

  get stopped(): boolean {
    return Atomics.load(this.ctl, CTL_STOP) !== 0;
  }

  halt(kind: 'HI' | 'HX'): void {
    Atomics.store(this.ctl, CTL_HALT, kind === 'HI' ? HALT_HI : HALT_HX);
  }

  /** The workload counter (the guest bumps it; CP reads it without a call). */
  get counter(): number {
    return Atomics.load(this.ctl, CTL_COUNTER);
  }

  /** End the guest now, whatever it is doing. */
  async kill(): Promise<void> {
    if (this.done) return;
    this.killed = true;
    Atomics.store(this.ctl, CTL_KILL, 1);
    for (let i = 0; i < CTL_WORDS; i++) Atomics.notify(this.ctl, i);
    await this.worker.terminate();
    await this.exited;
  }
}
