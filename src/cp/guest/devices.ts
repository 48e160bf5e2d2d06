/**
 * Virtual devices of a virtual machine (CP-REFERENCE.md §1.3 QUERY VIRTUAL layouts,
 * §1.5 DEFINE/DETACH, §1.7 SPOOL): console, spooled reader/punch/printer, DASD
 * (minidisks by MDISK or LINK, T-disks, dedicated real volumes), NIC.
 */

export interface SpoolOptions {
  class: string;
  cont: boolean;
  hold: boolean;
  copies: number;
  /** destination user for PUN/PRT/CONS output; '' = own */
  to: string;
  dist: string;
  form: string;
  keep: boolean;
  msg: boolean;
  name: string;
  type: string;
  /** TAG DEV text */
  tag: string;
}

export function defaultSpoolOptions(userid: string, cls: string): SpoolOptions {
  return { class: cls, cont: false, hold: false, copies: 1, to: '', dist: userid, form: 'STANDARD', keep: false, msg: false, name: '', type: '', tag: '' };
}

export interface ConsoleDevice {
  type: 'CONS';
  vdev: number;
  devtype: string;
  spool: SpoolOptions;
  /** SPOOL CONSOLE START: lines are being recorded */
  spooling: boolean;
  /** TERM: also shown on the terminal while spooling (NOTERM: only spooled) */
  term: boolean;
  records: string[];
}

export interface ReaderDevice {
  type: 'RDR';
  vdev: number;
  devtype: string;
  class: string;
  cont: boolean;
  hold: boolean;
  eof: boolean;
  keep: boolean;
}

export interface OutputSpoolDevice {
  type: 'PUN' | 'PRT';
  vdev: number;
  devtype: string;
  spool: SpoolOptions;
  /** records of the file being built (until CLOSE) */
  records: string[];
}

export interface DasdDevice {
  type: 'DASD';
  vdev: number;
  devtype: string;
  /** minidisk owner and vdev in the owner's entry ('' for T-disk / dedicated) */
  owner: string;
  ownerVdev: number;
  access: 'R' | 'W';
  volser: string;
  start: number;
  size: number;
  /** how it came: own MDISK, LINK, T-disk (DEFINE T3390), or ATTACHed real volume */
  origin: 'MDISK' | 'LINK' | 'TDISK' | 'DEDICATED';
  rdev: number;
}

export interface NicDevice {
  type: 'NIC';
  vdev: number;
  nicType: 'QDIO' | 'HIPERSOCKETS';
  devices: number;
  lan?: string;
}

export type VirtualDevice = ConsoleDevice | ReaderDevice | OutputSpoolDevice | DasdDevice | NicDevice;

/** Numbers of all device addresses a device occupies (a NIC takes several). */
export function deviceAddresses(d: VirtualDevice): number[] {
  if (d.type === 'NIC') return Array.from({ length: d.devices }, (_, i) => d.vdev + i);
  return [d.vdev];
}

export function deviceTypeName(d: VirtualDevice): string {
  switch (d.type) {
    case 'CONS':
      return 'CONS';
    case 'RDR':
      return 'RDR';
    case 'PUN':
      return 'PUN';
    case 'PRT':
      return 'PRT';
    case 'DASD':
      return 'DASD';
    case 'NIC':
      return 'NIC';
  }
}
