/**
 * The user directory as CP uses it: one entry per USER with its devices, after
 * PROFILE/INCLUDE have been merged (CP-REFERENCE.md §4.1; z/VM CP Planning and
 * Administration, "Directory statements"). Built by parser.ts, checked by directxa.ts.
 */

/** Where a statement came from, for DIRECTXA-style diagnostics. */
export interface SourceLoc {
  file: string;
  line: number;
}

export type LinkModeLetter = 'R' | 'RR' | 'W' | 'WR' | 'M' | 'MR' | 'MW' | 'SR' | 'SW' | 'SM' | 'ER' | 'EW';

export interface MdiskStmt {
  kind: 'MDISK';
  vdev: number;
  devtype: string;
  /** start cylinder/block, or the special forms */
  start: number | 'T-DISK' | 'V-DISK' | 'DEVNO';
  /** size in cylinders/blocks; 'END' = to the end of the volume */
  size: number | 'END';
  volser: string;
  mode: string;
  readpw?: string;
  writepw?: string;
  multipw?: string;
  loc: SourceLoc;
}

export interface LinkStmt {
  kind: 'LINK';
  owner: string;
  vdev: number;
  asVdev: number;
  mode: string;
  loc: SourceLoc;
}

export interface SpoolStmt {
  kind: 'SPOOL';
  vdev: number;
  devtype: string;
  /** READER / PUNCH / PRINTER, derived from the device type when omitted */
  devclass: 'READER' | 'PUNCH' | 'PRINTER';
  spoolClass: string;
  loc: SourceLoc;
}

export interface ConsoleStmt {
  kind: 'CONSOLE';
  vdev: number;
  devtype: string;
  spoolClass: string;
  loc: SourceLoc;
}

export interface NicdefStmt {
  kind: 'NICDEF';
  vdev: number;
  type: 'QDIO' | 'HIPERSOCKETS';
  devices: number;
  lanOwner?: string;
  lanName?: string;
  loc: SourceLoc;
}

export type DeviceStmt = MdiskStmt | LinkStmt | SpoolStmt | ConsoleStmt | NicdefStmt;

export interface DirectoryUser {
  userid: string;
  /** password, or NOLOG / AUTOONLY / LBYONLY */
  password: string;
  storage: number;
  maxStorage: number;
  classes: string;
  priority?: number;
  options: Set<string>;
  machine: { mode: string; maxCpus: number };
  ipl?: { target: string; parm?: string; loadparm?: string };
  iucv: string[];
  xautolog: string[];
  logonby: string[];
  commands: string[];
  devices: DeviceStmt[];
  loc: SourceLoc;
}

export interface Directory {
  /** DIRECTORY statement: where the object directory lives */
  directoryDevice?: { vdev: number; devtype: string; volser: string };
  users: Map<string, DirectoryUser>;
}

/** Storage size on a directory or DEFINE STORAGE operand: nnnK, nnnM, nnnG (bytes). */
export function parseStorageSize(text: string): number | undefined {
  const m = /^(\d{1,10})([KMGT]?)$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toUpperCase();
  const mult = unit === 'K' ? 1024 : unit === 'M' ? 1024 ** 2 : unit === 'G' ? 1024 ** 3 : unit === 'T' ? 1024 ** 4 : 1;
  if (unit === '') return undefined; // CP requires the unit letter
  return n * mult;
}

/** Storage size as CP prints it: the largest unit that divides it exactly (2G, 512M, 64K). */
export function formatStorageSize(bytes: number): string {
  const G = 1024 ** 3;
  const M = 1024 ** 2;
  if (bytes % G === 0 && bytes >= G) return `${bytes / G}G`;
  if (bytes % M === 0) return `${bytes / M}M`;
  return `${Math.floor(bytes / 1024)}K`;
}

/** A virtual device number: 1-4 hex digits. */
export function parseVdev(text: string | undefined): number | undefined {
  if (text === undefined || !/^[0-9A-F]{1,4}$/i.test(text)) return undefined;
  return parseInt(text, 16);
}

export function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/** A user ID: 1-8 characters, letters, digits, @ # $ _ - (z/VM rules). */
export function isValidUserid(text: string): boolean {
  return /^[A-Z0-9@#$_-]{1,8}$/i.test(text);
}
