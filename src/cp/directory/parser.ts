/**
 * USER DIRECT parser (CP-REFERENCE.md §4.1; z/VM CP Planning and Administration,
 * "The user directory"). Reads the source directory, reports every bad statement with
 * its file, line and reason, and builds the directory model (PROFILE statements are
 * merged into the USER entries that INCLUDE them). Cross-entry checks are in directxa.ts.
 *
 * Records: `*` in column 1 is a comment; blank records are ignored; columns 73-80 are
 * ignored when they hold a sequence number. Operands are blank-delimited, upper-cased
 * except passwords (NON-IBM: z/VM upper-cases passwords too unless mixed-case
 * passwords are enabled; we keep them as written and compare upper-cased).
 */
import {
  type DeviceStmt,
  type Directory,
  type DirectoryUser,
  type SourceLoc,
  isValidUserid,
  parseStorageSize,
  parseVdev,
} from './model.js';

export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  reason: string;
  record?: string;
}

export interface ParseResult {
  directory: Directory;
  diagnostics: Diagnostic[];
}

/** Options the directory accepts on OPTION statements (z/VM names, plus TRACK/MIGRATE: DESIGN.md §3). */
export const KNOWN_OPTIONS = new Set([
  'LNKNOPAS', 'LNKEXCLU', 'LNKSTABL', 'MAINTCCW', 'DEVMAINT', 'DIAG88', 'APPLMON', 'QUICKDSP',
  'TODENABLE', 'CHPIDVIRTUALIZATION', 'ONE', 'ECMODE', 'REALTIMER', 'ACCT', 'SVMSTAT', 'MAXCONN',
  'D8ONECMD', 'STGEXEMPT', 'LANG', 'CPUID', 'NOMDCFS', 'LKFAC', 'SETORIG', 'DEVINFO',
  // NON-IBM: authorizations of DESIGN.md §3 (TRACK DIAGNOSE, Migration DIAGNOSE)
  'TRACK', 'MIGRATE',
]);

const SPOOL_DEVTYPES: Record<string, 'READER' | 'PUNCH' | 'PRINTER' | undefined> = {
  '2540': undefined, // reader or punch: needs the READER/PUNCH operand
  '3505': 'READER',
  '2501': 'READER',
  '3525': 'PUNCH',
  '1403': 'PRINTER',
  '3203': 'PRINTER',
  '3211': 'PRINTER',
  '3262': 'PRINTER',
  '3800': 'PRINTER',
  '4245': 'PRINTER',
  '4248': 'PRINTER',
};

const DASD_DEVTYPES = new Set(['3390', '3380', '3375', '3350', '3330', '9336', 'FB-512', '9345']);
const LINK_MODES = new Set(['R', 'RR', 'W', 'WR', 'M', 'MR', 'MW', 'SR', 'SW', 'SM', 'ER', 'EW']);
const MACHINE_MODES = new Set(['ESA', 'XA', 'XC', 'Z', '370']);

/** Directory statements that may appear inside a USER or PROFILE entry. */
const ENTRY_STATEMENTS = new Set([
  'INCLUDE', 'MDISK', 'LINK', 'SPOOL', 'CONSOLE', 'IUCV', 'OPTION', 'MACHINE', 'IPL', 'NICDEF',
  'XAUTOLOG', 'LOGONBY', 'COMMAND', 'CPU', 'DEDICATE', 'SPECIAL', 'ACCOUNT', 'DISTRIBUTE',
  'POSIXINFO', 'SYSAFFIN', 'STORAGE', 'CLASS',
]);

interface Block {
  kind: 'USER' | 'PROFILE';
  name: string;
  user?: DirectoryUser;
  /** statements of a profile (re-applied to each including user), with the SYSAFFIN in force */
  stmts: { words: string[]; raw: string; loc: SourceLoc; affinity: string[] | null }[];
  /** SYSAFFIN in force: the systems the following statements apply to (null = all) */
  affinity: string[] | null;
  loc: SourceLoc;
  sawOther: boolean;
}

/**
 * Parse a source directory. With `system`, build that system's object directory: the
 * statements after `SYSAFFIN sysname ...` in an entry apply only on the systems named
 * (`SYSAFFIN *` applies to all again), as CSE's per-system object directories do.
 */
export function parseUserDirect(text: string, file = 'USER DIRECT', system?: string): ParseResult {
  const applies = (aff: string[] | null) => !system || !aff || aff.includes(system);
  const diagnostics: Diagnostic[] = [];
  const directory: Directory = { users: new Map() };
  const profiles = new Map<string, Block>();
  const userBlocks: Block[] = [];
  let current: Block | undefined;

  const err = (loc: SourceLoc, reason: string, record?: string, severity: 'error' | 'warning' = 'error') =>
    diagnostics.push({ severity, file: loc.file, line: loc.line, reason, record });

  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i]!;
    const loc: SourceLoc = { file, line: i + 1 };
    if (raw.length > 72 && /^\s*\d{1,8}\s*$/.test(raw.slice(72))) raw = raw.slice(0, 72);
    if (raw.startsWith('*') || raw.trim() === '') continue;
    if (/[\x00-\x08\x0b-\x1f\x7f]/.test(raw)) {
      err(loc, 'record contains control characters', raw);
      continue;
    }
    const words = raw.trim().split(/\s+/);
    const verb = words[0]!.toUpperCase();
    if (verb === 'DIRECTORY') {
      const vdev = parseVdev(words[1]);
      if (vdev === undefined || !words[2] || !words[3]) err(loc, 'DIRECTORY needs vdev devtype volser', raw);
      else if (directory.directoryDevice) err(loc, 'duplicate DIRECTORY statement', raw);
      else directory.directoryDevice = { vdev, devtype: words[2].toUpperCase(), volser: words[3].toUpperCase() };
      continue;
    }
    if (verb === 'USER' || verb === 'IDENTITY') {
      current = undefined;
      const user = parseUserStmt(words, loc, (r) => err(loc, r, raw));
      if (!user) continue;
      if (directory.users.has(user.userid) || profiles.has(user.userid)) {
        err(loc, `duplicate user ID ${user.userid}`, raw);
        continue;
      }
      directory.users.set(user.userid, user);
      current = { kind: 'USER', name: user.userid, user, stmts: [], loc, sawOther: false, affinity: null };
      userBlocks.push(current);
      continue;
    }
    if (verb === 'PROFILE') {
      current = undefined;
      const name = words[1]?.toUpperCase();
      if (!name || !isValidUserid(name) || words.length > 2) {
        err(loc, 'PROFILE needs one name of 1-8 characters', raw);
        continue;
      }
      if (profiles.has(name) || directory.users.has(name)) {
        err(loc, `duplicate profile name ${name}`, raw);
        continue;
      }
      current = { kind: 'PROFILE', name, stmts: [], loc, sawOther: false, affinity: null };
      profiles.set(name, current);
      continue;
    }
    if (verb === 'GLOBALDEFS' || verb === 'GLOBALOPTS' || verb === 'SUBCONFIG' || verb === 'BUILD') {
      err(loc, `${verb} statement ignored (SSI statements are not supported)`, raw, 'warning');
      current = undefined;
      continue;
    }
    if (!ENTRY_STATEMENTS.has(verb)) {
      err(loc, `unknown statement ${verb}`, raw);
      continue;
    }
    if (!current) {
      err(loc, `${verb} statement outside a USER or PROFILE entry`, raw);
      continue;
    }
    if (verb === 'SYSAFFIN') {
      const names = words.slice(1).map((w) => w.toUpperCase());
      if (!names.length || names.some((n) => n !== '*' && !/^[A-Z0-9$#@]{1,8}$/.test(n))) err(loc, 'SYSAFFIN needs system names or *', raw);
      else current.affinity = names.includes('*') ? null : names;
      continue;
    }
    if (verb === 'INCLUDE') {
      if (current.kind !== 'USER') err(loc, 'INCLUDE is not allowed in a PROFILE', raw);
      else if (current.sawOther) err(loc, 'INCLUDE must be the first statement after USER', raw);
      else if (!words[1] || words.length > 2) err(loc, 'INCLUDE needs one profile name', raw);
      else {
        const p = profiles.get(words[1].toUpperCase());
        if (!p) err(loc, `profile ${words[1].toUpperCase()} is not defined before this INCLUDE`, raw);
        else
          for (const s of p.stmts)
            if (applies(s.affinity))
              applyEntryStatement(current.user!, s.words, s.loc, (r) => err(s.loc, `${r} (included from profile ${p.name}, used by ${current!.name} at line ${loc.line})`, s.raw));
      }
      current.sawOther = true;
      continue;
    }
    current.sawOther = true;
    if (current.kind === 'PROFILE') {
      // check the syntax now against a scratch entry; apply for real at each INCLUDE
      const scratch = blankUser('$PROFILE', loc);
      const before = diagnostics.length;
      applyEntryStatement(scratch, words, loc, (r) => err(loc, r, raw));
      if (diagnostics.length === before) current.stmts.push({ words, raw, loc, affinity: current.affinity });
    } else if (applies(current.affinity)) {
      applyEntryStatement(current.user!, words, loc, (r) => err(loc, r, raw));
    }
  }
  if (!directory.directoryDevice) {
    diagnostics.push({ severity: 'error', file, line: 1, reason: 'no DIRECTORY statement' });
  }
  void userBlocks;
  return { directory, diagnostics };
}

function blankUser(userid: string, loc: SourceLoc): DirectoryUser {
  return {
    userid,
    password: 'NOLOG',
    storage: 1024 * 1024,
    maxStorage: 1024 * 1024,
    classes: 'G',
    options: new Set(),
    machine: { mode: 'ESA', maxCpus: 1 },
    iucv: [],
    xautolog: [],
    logonby: [],
    commands: [],
    devices: [],
    loc,
  };
}

function parseUserStmt(words: string[], loc: SourceLoc, bad: (r: string) => void): DirectoryUser | undefined {
  const userid = words[1]?.toUpperCase();
  if (!userid || !isValidUserid(userid)) {
    bad(`USER statement: user ID missing or invalid${userid ? ` (${userid})` : ''}`);
    return undefined;
  }
  const pw = words[2];
  if (!pw) {
    bad(`USER ${userid}: password missing`);
    return undefined;
  }
  if (pw.length > 8) {
    bad(`USER ${userid}: password longer than 8 characters`);
    return undefined;
  }
  const u = blankUser(userid, loc);
  u.password = pw.toUpperCase();
  if (words[3] !== undefined) {
    const s = parseStorageSize(words[3]);
    if (s === undefined) {
      bad(`USER ${userid}: storage size ${words[3]} invalid (use nnnK, nnnM or nnnG)`);
      return undefined;
    }
    u.storage = s;
    u.maxStorage = s;
  }
  if (words[4] !== undefined) {
    const s = parseStorageSize(words[4]);
    if (s === undefined) {
      bad(`USER ${userid}: maximum storage size ${words[4]} invalid`);
      return undefined;
    }
    if (s < u.storage) {
      bad(`USER ${userid}: maximum storage ${words[4]} is less than the initial storage ${words[3]}`);
      return undefined;
    }
    u.maxStorage = s;
  }
  if (words[5] !== undefined) {
    const c = words[5].toUpperCase();
    if (!/^[A-Z1-6]{1,32}$/.test(c) || new Set(c).size !== c.length) {
      bad(`USER ${userid}: privilege classes ${words[5]} invalid`);
      return undefined;
    }
    u.classes = c;
  }
  if (words[6] !== undefined) {
    const p = Number(words[6]);
    if (!/^\d{1,2}$/.test(words[6]) || p > 99) {
      bad(`USER ${userid}: priority ${words[6]} invalid`);
      return undefined;
    }
    u.priority = p;
  }
  if (words.length > 7 && words.slice(7).some((w) => !/^[A-Z]+$/i.test(w))) {
    bad(`USER ${userid}: extra operands ${words.slice(7).join(' ')}`);
    return undefined;
  }
  return u;
}

function vdevOperand(w: string | undefined, what: string, bad: (r: string) => void): number | undefined {
  const v = parseVdev(w);
  if (v === undefined) bad(`${what}: virtual device number ${w ?? '(missing)'} invalid`);
  return v;
}

function addDevice(u: DirectoryUser, d: DeviceStmt, bad: (r: string) => void): void {
  const clash = u.devices.find((x) => x.kind !== 'NICDEF' && d.kind !== 'NICDEF' ? devNumber(x) === devNumber(d) : overlapsNic(x, d));
  if (clash) {
    bad(`duplicate virtual device ${devNumber(d).toString(16).toUpperCase().padStart(4, '0')} (also defined at line ${clash.loc.line})`);
    return;
  }
  u.devices.push(d);
}

function devNumber(d: DeviceStmt): number {
  return d.kind === 'LINK' ? d.asVdev : d.vdev;
}

function devRange(d: DeviceStmt): [number, number] {
  const n = devNumber(d);
  return d.kind === 'NICDEF' ? [n, n + d.devices - 1] : [n, n];
}

function overlapsNic(a: DeviceStmt, b: DeviceStmt): boolean {
  const [a0, a1] = devRange(a);
  const [b0, b1] = devRange(b);
  return a0 <= b1 && b0 <= a1;
}

/** Apply one statement inside a USER entry (directly, or via INCLUDE of a PROFILE). */
export function applyEntryStatement(u: DirectoryUser, words: string[], loc: SourceLoc, bad: (r: string) => void): void {
  const verb = words[0]!.toUpperCase();
  const W = words.map((w) => w.toUpperCase());
  switch (verb) {
    case 'MDISK': {
      const vdev = vdevOperand(W[1], 'MDISK', bad);
      if (vdev === undefined) return;
      const devtype = W[2];
      if (!devtype || !DASD_DEVTYPES.has(devtype)) return bad(`MDISK: device type ${devtype ?? '(missing)'} invalid`);
      let start: number | 'T-DISK' | 'V-DISK' | 'DEVNO';
      let size: number | 'END';
      let volser: string;
      let rest: string[];
      if (W[3] === 'T-DISK' || W[3] === 'V-DISK') {
        start = W[3];
        if (!W[4] || !/^\d+$/.test(W[4])) return bad(`MDISK: size ${W[4] ?? '(missing)'} invalid`);
        size = Number(W[4]);
        volser = W[3];
        rest = W.slice(5);
      } else if (W[3] === 'DEVNO') {
        if (parseVdev(W[4]) === undefined) return bad(`MDISK: DEVNO real device ${W[4] ?? '(missing)'} invalid`);
        start = 'DEVNO';
        size = parseVdev(W[4])!;
        volser = W[4]!;
        rest = W.slice(5);
      } else {
        if (!W[3] || !/^\d+$/.test(W[3])) return bad(`MDISK: start ${W[3] ?? '(missing)'} invalid`);
        if (!W[4] || !(/^\d+$/.test(W[4]) || W[4] === 'END')) return bad(`MDISK: size ${W[4] ?? '(missing)'} invalid`);
        start = Number(W[3]);
        size = W[4] === 'END' ? 'END' : Number(W[4]);
        if (size === 0) return bad('MDISK: size 0 invalid');
        volser = W[5] ?? '';
        if (!/^[A-Z0-9$#@]{1,6}$/.test(volser)) return bad(`MDISK: volume label ${words[5] ?? '(missing)'} invalid`);
        rest = W.slice(6);
      }
      const mode = rest[0] ?? 'W';
      const base = mode.endsWith('V') && mode.length > 1 ? mode.slice(0, -1) : mode;
      if (!LINK_MODES.has(base)) return bad(`MDISK: access mode ${mode} invalid`);
      if (rest.length > 4) return bad(`MDISK: extra operands ${rest.slice(4).join(' ')}`);
      const pw = words.slice(words.length - (rest.length - 1));
      addDevice(
        u,
        {
          kind: 'MDISK', vdev, devtype, start, size, volser, mode,
          readpw: rest.length > 1 ? pw[0] : undefined,
          writepw: rest.length > 2 ? pw[1] : undefined,
          multipw: rest.length > 3 ? pw[2] : undefined,
          loc,
        },
        bad,
      );
      return;
    }
    case 'LINK': {
      const owner = W[1];
      if (!owner || !(isValidUserid(owner) || owner === '*')) return bad(`LINK: user ID ${owner ?? '(missing)'} invalid`);
      const vdev = vdevOperand(W[2], 'LINK', bad);
      if (vdev === undefined) return;
      const asVdev = vdevOperand(W[3], 'LINK', bad);
      if (asVdev === undefined) return;
      const mode = W[4] ?? 'R';
      if (!LINK_MODES.has(mode)) return bad(`LINK: access mode ${mode} invalid`);
      if (W.length > 5) return bad(`LINK: extra operands ${W.slice(5).join(' ')}`);
      addDevice(u, { kind: 'LINK', owner: owner === '*' ? u.userid : owner, vdev, asVdev, mode, loc }, bad);
      return;
    }
    case 'SPOOL': {
      const vdev = vdevOperand(W[1], 'SPOOL', bad);
      if (vdev === undefined) return;
      const devtype = W[2];
      if (!devtype || !(devtype in SPOOL_DEVTYPES)) return bad(`SPOOL: device type ${devtype ?? '(missing)'} invalid`);
      let i = 3;
      let devclass = SPOOL_DEVTYPES[devtype];
      const word = W[i];
      if (word === 'READER' || word === 'READ' || word === 'RDR') ((devclass = 'READER'), i++);
      else if (word === 'PUNCH' || word === 'PUN' || word === 'PCH') ((devclass = 'PUNCH'), i++);
      else if (word === 'PRINTER' || word === 'PRT') ((devclass = 'PRINTER'), i++);
      if (!devclass) return bad('SPOOL: 2540 needs READER or PUNCH');
      const cls = W[i] ?? (devclass === 'READER' ? '*' : 'A');
      if (!/^[A-Z0-9*]$/.test(cls)) return bad(`SPOOL: spool class ${cls} invalid`);
      if (W.length > i + 1) return bad(`SPOOL: extra operands ${W.slice(i + 1).join(' ')}`);
      addDevice(u, { kind: 'SPOOL', vdev, devtype, devclass, spoolClass: cls, loc }, bad);
      return;
    }
    case 'CONSOLE': {
      const vdev = vdevOperand(W[1], 'CONSOLE', bad);
      if (vdev === undefined) return;
      const devtype = W[2];
      if (!devtype || !['3215', '3270', '1052', '3210'].includes(devtype)) return bad(`CONSOLE: device type ${devtype ?? '(missing)'} invalid`);
      const cls = W[3] ?? 'T';
      if (!/^[A-Z0-9*]$/.test(cls)) return bad(`CONSOLE: spool class ${cls} invalid`);
      if (W.length > 5) return bad(`CONSOLE: extra operands ${W.slice(5).join(' ')}`);
      if (u.devices.some((d) => d.kind === 'CONSOLE')) return bad('CONSOLE: more than one CONSOLE statement');
      addDevice(u, { kind: 'CONSOLE', vdev, devtype, spoolClass: cls, loc }, bad);
      return;
    }
    case 'NICDEF': {
      const vdev = vdevOperand(W[1], 'NICDEF', bad);
      if (vdev === undefined) return;
      let type: 'QDIO' | 'HIPERSOCKETS' = 'QDIO';
      let devices = 3;
      let lanOwner: string | undefined;
      let lanName: string | undefined;
      for (let i = 2; i < W.length; i++) {
        const k = W[i];
        if (k === 'TYPE') {
          const t = W[++i];
          if (t !== 'QDIO' && t !== 'HIPERSOCKETS') return bad(`NICDEF: TYPE ${t ?? '(missing)'} invalid`);
          type = t;
        } else if (k === 'DEVICES') {
          const n = Number(W[++i]);
          if (!Number.isInteger(n) || n < 3 || n > 3072) return bad('NICDEF: DEVICES must be 3-3072');
          devices = n;
        } else if (k === 'LAN') {
          lanOwner = W[++i];
          lanName = W[++i];
          if (!lanOwner || !lanName) return bad('NICDEF: LAN needs owner and name');
        } else if (k === 'CHPID' || k === 'MACID') {
          if (!W[++i]) return bad(`NICDEF: ${k} needs a value`);
        } else return bad(`NICDEF: unknown operand ${k}`);
      }
      addDevice(u, { kind: 'NICDEF', vdev, type, devices, lanOwner, lanName, loc }, bad);
      return;
    }
    case 'IUCV':
      if (W.length < 2) return bad('IUCV: operand missing');
      u.iucv.push(W.slice(1).join(' '));
      return;
    case 'OPTION':
      if (W.length < 2) return bad('OPTION: no options given');
      for (const o of W.slice(1)) {
        if (!KNOWN_OPTIONS.has(o) && !/^\d+$/.test(o)) return bad(`OPTION: unknown option ${o}`);
        u.options.add(o);
      }
      return;
    case 'MACHINE': {
      const m = W[1];
      if (!m || !MACHINE_MODES.has(m)) return bad(`MACHINE: mode ${m ?? '(missing)'} invalid`);
      const n = W[2] === undefined ? 1 : Number(W[2]);
      if (!Number.isInteger(n) || n < 1 || n > 64) return bad(`MACHINE: maximum CPUs ${W[2]} invalid`);
      if (W.length > 3) return bad(`MACHINE: extra operands ${W.slice(3).join(' ')}`);
      u.machine = { mode: m, maxCpus: n };
      return;
    }
    case 'IPL': {
      const t = W[1];
      if (!t || !/^[A-Z0-9$#@]{1,8}$/.test(t)) return bad(`IPL: device or system name ${t ?? '(missing)'} invalid`);
      const ipl: { target: string; parm?: string; loadparm?: string } = { target: t };
      let i = 2;
      while (i < W.length) {
        if (W[i] === 'PARM') {
          ipl.parm = words.slice(i + 1).join(' ');
          if (!ipl.parm) return bad('IPL: PARM needs text');
          break;
        } else if (W[i] === 'LOADPARM') {
          ipl.loadparm = W[i + 1];
          if (!ipl.loadparm) return bad('IPL: LOADPARM needs a value');
          i += 2;
        } else return bad(`IPL: unknown operand ${W[i]}`);
      }
      u.ipl = ipl;
      return;
    }
    case 'XAUTOLOG':
    case 'LOGONBY':
      if (W.length < 2) return bad(`${verb}: user ID missing`);
      for (const w of W.slice(1)) {
        if (!isValidUserid(w)) return bad(`${verb}: user ID ${w} invalid`);
        (verb === 'XAUTOLOG' ? u.xautolog : u.logonby).push(w);
      }
      return;
    case 'COMMAND':
      if (W.length < 2) return bad('COMMAND: command missing');
      u.commands.push(words.slice(1).join(' '));
      return;
    case 'CPU':
      if (!W[1] || !/^[0-9A-F]{1,2}$/.test(W[1])) return bad(`CPU: address ${W[1] ?? '(missing)'} invalid`);
      return;
    case 'DEDICATE':
      if (vdevOperand(W[1], 'DEDICATE', bad) === undefined) return;
      if (parseVdev(W[2]) === undefined && !W[2]) return bad('DEDICATE: real device missing');
      return;
    case 'SPECIAL':
      if (vdevOperand(W[1], 'SPECIAL', bad) === undefined) return;
      if (!W[2]) return bad('SPECIAL: device type missing');
      return;
    case 'STORAGE': {
      const s = W[1] ? parseStorageSize(W[1]) : undefined;
      if (s === undefined) return bad(`STORAGE: size ${W[1] ?? '(missing)'} invalid`);
      u.storage = s;
      if (u.maxStorage < s) u.maxStorage = s;
      return;
    }
    case 'CLASS':
      if (!W[1] || !/^[A-Z1-6]{1,32}$/.test(W[1])) return bad(`CLASS: classes ${W[1] ?? '(missing)'} invalid`);
      u.classes = W[1];
      return;
    case 'ACCOUNT':
    case 'DISTRIBUTE':
    case 'POSIXINFO':
    case 'SYSAFFIN':
      if (W.length < 2) return bad(`${verb}: operand missing`);
      return;
    default:
      return bad(`unknown statement ${verb}`);
  }
}
