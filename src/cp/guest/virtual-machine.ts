/**
 * A logged-on user: a virtual machine (CP-REFERENCE.md §1; DESIGN.md §3).
 * It has storage (GuestStorage: shared 4 KiB pages with change bits), virtual devices,
 * privilege classes, SET options, a console (a CpTerminal, or none when disconnected)
 * and, while it runs a program, a GuestRunner (the worker thread that is its CPU).
 *
 * States (QUERY/INDICATE and the console status area): CP READ (in CP: no program, or
 * after attention), VM READ (the program reads the console), RUNNING, STOPPED (in CP
 * with SET RUN OFF the program is parked), DISCONNECTED (no terminal).
 */
import type { ChannelRequest } from '../../common/channel.js';
import type { DirectoryUser } from '../directory/model.js';
import { type CpMessage, type EmsgSetting, cpMessage, editMessage, messageNumber } from '../messages.js';
import { GuestStorage } from '../storage/guest-storage.js';
import type { CpSystem } from '../system.js';
import type { CpTerminal } from '../terminal.js';
import type { VirtualDevice } from './devices.js';
import { type GuestHost, GuestRunner } from './guest-runner.js';

export type OnOffIucv = 'ON' | 'OFF' | 'IUCV';

export interface VmSettings {
  msg: OnOffIucv;
  wng: OnOffIucv;
  emsg: EmsgSetting;
  imsg: OnOffIucv;
  smsg: OnOffIucv;
  run: boolean;
}

export interface SmsgItem {
  from: string;
  text: string;
  /** SMSG, or MSG/WNG/MSGNOH when SET MSG|WNG IUCV sends them to the program */
  kind: string;
}

/** Handlers the channel dispatches to; provided by the module that knows the commands (wired in cluster.ts). */
export interface GuestServices {
  handle(vm: VirtualMachine, req: ChannelRequest): unknown;
}

export class VirtualMachine implements GuestHost {
  classes: string;
  storage: GuestStorage;
  readonly devices = new Map<number, VirtualDevice>();
  readonly settings: VmSettings = { msg: 'ON', wng: 'ON', emsg: 'ON', imsg: 'ON', smsg: 'OFF', run: false };
  terminal: CpTerminal | null = null;
  guest: GuestRunner | null = null;
  /** name or device IPLed (CMS, LINUX, 0190 ...) */
  iplName = '';
  /** in CP: no program, or the user pressed attention / typed #CP */
  inCp = true;
  /** the guest's outstanding console read */
  guestRead: ((line: string) => void) | null = null;
  readonly logonTime: Date;
  logoffPending = false;
  loggedOff = false;
  /** SMSG text waiting for the program (it listens with SET SMSG ON) */
  readonly smsgQueue: SmsgItem[] = [];
  /** how the user came: LOGON at a terminal, AUTOLOG/XAUTOLOG */
  byAutolog = '';
  ioCount = 0;
  /** lines typed ahead before a guest read (delivered by consolePoll/consoleRead) */
  readonly typeAhead: string[] = [];

  constructor(
    readonly userid: string,
    readonly entry: DirectoryUser,
    readonly system: CpSystem,
    private readonly services: GuestServices,
  ) {
    this.classes = entry.classes;
    this.storage = GuestStorage.allocate(entry.storage);
    this.logonTime = system.clock.now();
  }

  get disconnected(): boolean {
    return this.terminal === null;
  }

  hasClass(classes: string): boolean {
    if (classes === '*') return true;
    for (const c of classes) if (this.classes.includes(c)) return true;
    return false;
  }

  /** The state word shown by the console and INDICATE. */
  get state(): 'CP READ' | 'VM READ' | 'RUNNING' | 'STOPPED' {
    if (this.inCp || !this.guest) return this.guest?.stopped ? 'STOPPED' : 'CP READ';
    return this.guestRead ? 'VM READ' : 'RUNNING';
  }

  // ----- console output -----------------------------------------------------------

  /** Write a line to this user's console (or the console spool file, or nowhere if disconnected). */
  out(line: string): void {
    const cons = this.consoleDevice();
    if (cons?.spooling) {
      cons.records.push(line);
      if (!cons.term) return;
    }
    this.terminal?.write(line);
  }

  consoleDevice() {
    for (const d of this.devices.values()) if (d.type === 'CONS') return d;
    return undefined;
  }

  /** Issue a CP message edited by SET EMSG; returns its return code (the message number). */
  msg(id: string, ...inserts: (string | number)[]): number {
    const m = cpMessage(id, ...inserts);
    const line = this.editMsg(m);
    if (line !== undefined) this.out(line);
    return messageNumber(id);
  }

  editMsg(m: CpMessage): string | undefined {
    return editMessage(m, this.settings.emsg);
  }

  // ----- the guest program ------------------------------------------------------------

  /** Start a guest program (IPL of a named system): any program running is reset first. */
  async ipl(program: string, parm: string): Promise<void> {
    await this.resetGuest();
    this.iplName = program;
    this.inCp = false;
    this.guest = new GuestRunner(program, parm, this.userid, this.system.name, this.storage, this);
    this.terminal?.refresh();
  }

  /** SYSTEM RESET: end the program (it may be looping); the machine stays logged on in CP. */
  async resetGuest(): Promise<void> {
    const g = this.guest;
    this.guest = null;
    this.guestRead = null;
    this.inCp = true;
    if (g) await g.kill();
  }

  handle(req: ChannelRequest): unknown {
    return this.services.handle(this, req);
  }

  ended(runner: GuestRunner, reason: string): void {
    if (this.guest !== runner) return;
    this.guest = null;
    this.guestRead = null;
    this.inCp = true;
    if (reason.startsWith('abend')) this.out(`HCPGIR450W CP entered; ${this.iplName} ${reason}`);
    this.terminal?.refresh();
  }

  /** A console read from the guest: answered now from type-ahead, or when the user enters a line. */
  requestGuestRead(): Promise<string> | string {
    const ahead = this.typeAhead.shift();
    if (ahead !== undefined) return ahead;
    return new Promise((resolve) => {
      this.guestRead = (line) => {
        this.guestRead = null;
        resolve(line);
      };
      this.terminal?.refresh();
    });
  }

  /** The user entered a line for the guest. */
  deliverToGuest(line: string): void {
    if (this.guestRead) this.guestRead(line);
    else this.typeAhead.push(line);
  }

  /** Attention (PA1 / BREAK): enter CP READ; with SET RUN OFF the program is stopped. */
  attention(): void {
    if (!this.guest) return;
    this.inCp = true;
    if (!this.settings.run) this.guest.setStopped(true);
  }

  /** BEGIN: leave CP, the program continues. */
  begin(): void {
    if (!this.guest) return;
    this.inCp = false;
    this.guest.setStopped(false);
  }

  /** Queue a special message (or a message under SET MSG IUCV) for the program; wake a waiting reader. */
  deliverSmsg(item: SmsgItem): void {
    this.smsgQueue.push(item);
    const w = this.smsgWaiter;
    this.smsgWaiter = null;
    w?.();
  }

  /** A guest waiting for the next SMSG (WAKEUP (SMSG). */
  smsgWaiter: (() => void) | null = null;

  /** Replace storage (DEFINE STORAGE): the old contents are gone (a system reset). */
  redefineStorage(size: number): void {
    this.storage = GuestStorage.allocate(size);
  }
}
