/**
 * The synchronous guest-to-CP channel, guest side (DESIGN.md §3 "Threads").
 *
 * A guest program runs in its own worker_thread. To call CP (a console read or write,
 * a CP command by DIAGNOSE X'08', any other DIAGNOSE, spool I/O) it posts a request on
 * its MessagePort and blocks in Atomics.wait on a shared control word; CP's main thread
 * handles the request (possibly much later: a console read waits for the user), posts
 * the reply on the port, sets the word and notifies. The guest then takes the reply
 * synchronously with receiveMessageOnPort. So guest programs (CMS, the REXX
 * interpreter inside it, the Linux-like workload) stay plain synchronous code.
 *
 * The control block (Int32Array over a SharedArrayBuffer) also carries the words CP
 * uses to control the guest without its cooperation: HALT (HI/HX for the REXX
 * interpreter to poll), STOP (the guest parks at its next checkpoint: SET RUN OFF,
 * stun), KILL (SYSTEM RESET / LOGOFF: every wait ends and the guest unwinds; CP also
 * terminates the worker, so even a guest in a tight loop stops).
 *
 * This module is shared by CP (which builds the control block) and guest programs
 * (src/cms, the workload guest); it depends on nothing else.
 */
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';

export const CTL_REPLY = 0;
export const CTL_HALT = 1;
export const CTL_STOP = 2;
export const CTL_KILL = 3;
/** A counter the workload guest bumps (visible to CP without a call). */
export const CTL_COUNTER = 4;
/** Always 0: a word to wait on for a short pause. */
export const CTL_SPARE = 5;
/** While the guest is parked at a checkpoint: the STOP value it parked on (CP's stun waits for its echo: live migration). */
export const CTL_PARKED = 6;
/** CPU throttle in percent set by CP (migration auto-converge); guests slow down by it. */
export const CTL_THROTTLE = 7;
export const CTL_WORDS = 8;

export const HALT_NONE = 0;
export const HALT_HI = 1;
export const HALT_HX = 2;

/** Requests a guest can make. Each maps to its reply type in ChannelReplies. */
export type ChannelRequest =
  | { op: 'consoleWrite'; lines: string[] }
  | { op: 'consoleRead' }
  | { op: 'consolePoll' }
  | { op: 'cp'; command: string; capture: boolean; bufferLength?: number }
  | { op: 'diag'; code: number; args: (string | number)[] }
  | { op: 'spoolWrite'; vdev: number; records: string[]; close?: boolean }
  | { op: 'readerList' }
  | { op: 'readerRead'; spoolid: number; purge?: boolean }
  | { op: 'smsgListen'; on: boolean }
  | { op: 'smsgPoll' }
  // CMS file system (issue 4): a virtual DASD's minidisk, its blocks, host-folder minidisks
  | { op: 'mdiskInfo'; vdev: number }
  | { op: 'mdiskRead'; vdev: number; list: number[] }
  | { op: 'mdiskWrite'; vdev: number; blocks: { block: number; data: Uint8Array }[]; clear?: boolean; label?: string }
  // WAKEUP (issue 4): wait for a timer, an SMSG, and/or a console line
  | { op: 'wakeupWait'; ms?: number; smsg?: boolean; console?: boolean };

export interface ChannelReplies {
  consoleWrite: { ok: true };
  consoleRead: { line: string };
  consolePoll: { line?: string };
  cp: { rc: number; lines: string[]; overflow?: number };
  diag: { rc: number; cc: number; result: string; ry1?: number };
  spoolWrite: { rc: number; spoolid?: number };
  /** originSystem: the CSE member the file was created on (the spool is shared) */
  readerList: { files: { spoolid: number; origin: string; originSystem: string; name: string; type: string; class: string; records: number }[] };
  readerRead: { rc: number; records: string[] };
  smsgListen: { ok: true };
  /** kind: SMSG, or MSG/WNG/MSGNOH under SET MSG|WNG IUCV */
  smsgPoll: { messages: { from: string; text: string; kind?: string }[] };
  /** rc 0, or 1 no such device, 2 not a DASD; hostFolder: an absolute host path (vmrexx extension) */
  mdiskInfo: {
    rc: number;
    access?: 'R' | 'W';
    owner?: string;
    ownerVdev?: number;
    label?: string;
    blocks?: number;
    blockSize?: number;
    cylinders?: number;
    devtype?: string;
    hostFolder?: string;
  };
  mdiskRead: { rc: number; blocks: (Uint8Array | null)[] };
  /** rc 36: the device is linked read-only (nothing written) */
  mdiskWrite: { rc: number };
  wakeupWait: { event: 'timer' | 'smsg' | 'console'; line?: string };
}

export type ChannelReply<R extends ChannelRequest> = ChannelReplies[R['op']];

/** What CP hands a guest worker in workerData. */
export interface GuestStartData {
  /** named system or program: 'CMS' | 'LINUX' */
  program: string;
  parm: string;
  userid: string;
  system: string;
  storage: { data: SharedArrayBuffer; bits: SharedArrayBuffer };
  control: SharedArrayBuffer;
  port: MessagePort;
}

/** Thrown inside a guest when CP kills it (SYSTEM RESET, LOGOFF): unwinds to the worker main. */
export class GuestKilled extends Error {
  constructor() {
    super('guest killed by CP');
  }
}

export class GuestChannel {
  readonly ctl: Int32Array;

  constructor(readonly port: MessagePort, control: SharedArrayBuffer) {
    this.ctl = new Int32Array(control);
  }

  /** Make a call to CP and wait for its answer. */
  call<R extends ChannelRequest>(req: R): ChannelReply<R> {
    this.checkpoint();
    Atomics.store(this.ctl, CTL_REPLY, 0);
    this.port.postMessage(req);
    for (;;) {
      Atomics.wait(this.ctl, CTL_REPLY, 0, 1000);
      if (Atomics.load(this.ctl, CTL_KILL) !== 0) throw new GuestKilled();
      if (Atomics.load(this.ctl, CTL_REPLY) !== 0) break;
    }
    for (let i = 0; ; i++) {
      const m = receiveMessageOnPort(this.port);
      if (m) return m.message as ChannelReply<R>;
      if (i > 1000) throw new Error('channel reply lost');
      Atomics.wait(this.ctl, CTL_SPARE, 0, 1);
    }
  }

  /** Park while CP has the guest stopped; unwind if killed. Cheap when running. */
  checkpoint(): void {
    if (Atomics.load(this.ctl, CTL_KILL) !== 0) throw new GuestKilled();
    if (Atomics.load(this.ctl, CTL_STOP) === 0) return;
    try {
      // PARKED echoes the STOP value seen while parked: CP's stun sets a fresh value and
      // waits for its echo, so a guest just leaving an earlier park is never taken as parked
      for (let s; (s = Atomics.load(this.ctl, CTL_STOP)) !== 0; ) {
        Atomics.store(this.ctl, CTL_PARKED, s);
        Atomics.notify(this.ctl, CTL_PARKED);
        Atomics.wait(this.ctl, CTL_STOP, s, 1000);
        if (Atomics.load(this.ctl, CTL_KILL) !== 0) throw new GuestKilled();
      }
    } finally {
      Atomics.store(this.ctl, CTL_PARKED, 0);
    }
  }

  /** HI/HX requested by CP (the REXX interpreter's pollHalt). Reading clears it. */
  takeHalt(): 'HI' | 'HX' | undefined {
    const h = Atomics.exchange(this.ctl, CTL_HALT, HALT_NONE);
    return h === HALT_HI ? 'HI' : h === HALT_HX ? 'HX' : undefined;
  }

  /** Sleep ms milliseconds, waking early if killed or stopped. */
  sleep(ms: number): void {
    Atomics.wait(this.ctl, CTL_KILL, 0, ms);
    this.checkpoint();
  }

  // convenience wrappers
  write(...lines: string[]): void {
    this.call({ op: 'consoleWrite', lines });
  }
  read(): string {
    return this.call({ op: 'consoleRead' }).line;
  }
  poll(): string | undefined {
    return this.call({ op: 'consolePoll' }).line;
  }
  /** A CP command (DIAGNOSE X'08'); capture=true returns the response lines instead of displaying them. */
  cp(command: string, capture = false): { rc: number; lines: string[] } {
    return this.call({ op: 'cp', command, capture });
  }
  diag(code: number, ...args: (string | number)[]): { rc: number; cc: number; result: string; ry1?: number } {
    return this.call({ op: 'diag', code, args });
  }
}
