/**
 * SYSTEM CONFIG parser (z/VM CP Planning and Administration, "The System
 * Configuration File"). Statements are case-insensitive, comments are `/* ... *\/`,
 * a statement may begin with `sysname:` (a record qualifier) to apply to one system
 * only, and a trailing comma continues a statement on the next record.
 *
 * Statements understood (README "SYSTEM CONFIG"):
 *   System_Identifier sysname [Slot n]          a system of the cluster (CSE slot 1-4)
 *   System_Identifier_Default sysname           the system a console attaches to
 *   CP_Owned Slot n volser                      system residence volumes
 *   Volume volser devtype cylinders [rdev]      NON-IBM: the emulated DASD volume itself
 *   User_Volume_List volser ...                 volumes holding user minidisks
 *   ISFC_Link sys1 sys2                         NON-IBM: ISFC logical link (z/VM: ACTIVATE ISLINK)
 *   Autolog userid ...                          NON-IBM: users logged on at IPL (z/VM: AUTOLOG1's PROFILE EXEC)
 *   Features Enable|Disable feature ...         e.g. Passwords_on_Cmds Link Logon Autolog
 */

export interface ConfigDiagnostic {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  reason: string;
}

export interface VolumeDef {
  volser: string;
  devtype: string;
  cylinders: number;
  rdev: number;
}

export interface SystemConfig {
  systems: { name: string; slot: number }[];
  defaultSystem: string;
  volumes: Map<string, VolumeDef>;
  cpOwned: string[];
  userVolumes: string[];
  isfcLinks: [string, string][];
  /** userids to AUTOLOG at IPL, per system */
  autolog: Map<string, string[]>;
  features: Set<string>;
}

export function parseSystemConfig(text: string, file = 'SYSTEM CONFIG'): { config: SystemConfig; diagnostics: ConfigDiagnostic[] } {
  const diagnostics: ConfigDiagnostic[] = [];
  const config: SystemConfig = {
    systems: [],
    defaultSystem: '',
    volumes: new Map(),
    cpOwned: [],
    userVolumes: [],
    isfcLinks: [],
    autolog: new Map(),
    features: new Set(),
  };
  // strip comments, keeping line numbers
  const noComments = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  if (/\/\*/.test(noComments)) {
    const line = noComments.slice(0, noComments.indexOf('/*')).split('\n').length;
    diagnostics.push({ severity: 'error', file, line, reason: 'unterminated comment' });
  }
  const records = noComments.split(/\r?\n/);
  const stmts: { text: string; line: number }[] = [];
  let pending: { text: string; line: number } | undefined;
  records.forEach((r, i) => {
    const t = r.trim();
    if (!t) return;
    if (pending) pending.text += ' ' + t;
    else pending = { text: t, line: i + 1 };
    if (pending.text.endsWith(',')) pending.text = pending.text.slice(0, -1);
    else {
      stmts.push(pending);
      pending = undefined;
    }
  });
  if (pending) stmts.push(pending);
  const autologLater: { sys: string | undefined; users: string[]; line: number }[] = [];

  for (const s of stmts) {
    const bad = (reason: string, severity: 'error' | 'warning' = 'error') =>
      diagnostics.push({ severity, file, line: s.line, reason });
    let text = s.text;
    let qualifier: string | undefined;
    const q = /^([A-Za-z0-9$#@]{1,8}):\s*(.*)$/.exec(text);
    if (q) {
      qualifier = q[1]!.toUpperCase();
      text = q[2]!;
    }
    const w = text.split(/\s+/).map((x) => x.toUpperCase());
    const verb = w[0]!;
    switch (verb) {
      case 'SYSTEM_IDENTIFIER': {
        const name = w[1];
        if (!name || !/^[A-Z0-9$#@]{1,8}$/.test(name)) {
          bad(`System_Identifier: system name ${w[1] ?? '(missing)'} invalid`);
          break;
        }
        let slot = config.systems.length + 1;
        if (w[2] !== undefined) {
          if (w[2] !== 'SLOT' || !/^[1-4]$/.test(w[3] ?? '')) {
            bad('System_Identifier: expected "Slot n" with n 1-4');
            break;
          }
          slot = Number(w[3]);
        }
        if (config.systems.some((x) => x.name === name)) bad(`System_Identifier: duplicate system ${name}`);
        else if (config.systems.some((x) => x.slot === slot)) bad(`System_Identifier: slot ${slot} already used`);
        else if (config.systems.length >= 4) bad('System_Identifier: a cluster has at most 4 systems');
        else config.systems.push({ name, slot });
        break;
      }
      case 'SYSTEM_IDENTIFIER_DEFAULT':
        if (!w[1]) bad('System_Identifier_Default: system name missing');
        else config.defaultSystem = w[1];
        break;
      case 'CP_OWNED':
        if (w[1] !== 'SLOT' || !/^\d+$/.test(w[2] ?? '') || !w[3]) bad('CP_Owned: expected "Slot n volser"');
        else config.cpOwned.push(w[3]);
        break;
      case 'VOLUME': {
        const [, volser, devtype, cyls, rdev] = w;
        if (!volser || !/^[A-Z0-9$#@]{1,6}$/.test(volser)) bad(`Volume: label ${volser ?? '(missing)'} invalid`);
        else if (!devtype || !['3390', '3380', '9336'].includes(devtype)) bad(`Volume: device type ${devtype ?? '(missing)'} invalid`);
        else if (!cyls || !/^\d+$/.test(cyls) || Number(cyls) < 1) bad(`Volume: size ${cyls ?? '(missing)'} invalid`);
        else if (rdev !== undefined && !/^[0-9A-F]{1,4}$/.test(rdev)) bad(`Volume: real device ${rdev} invalid`);
        else if (config.volumes.has(volser)) bad(`Volume: duplicate volume ${volser}`);
        else
          config.volumes.set(volser, {
            volser,
            devtype,
            cylinders: Number(cyls),
            rdev: rdev ? parseInt(rdev, 16) : 0x0a00 + config.volumes.size,
          });
        break;
      }
      case 'USER_VOLUME_LIST':
        if (w.length < 2) bad('User_Volume_List: volume missing');
        config.userVolumes.push(...w.slice(1));
        break;
      case 'ISFC_LINK':
        if (w.length !== 3) bad('ISFC_Link: expected two system names');
        else config.isfcLinks.push([w[1]!, w[2]!]);
        break;
      case 'AUTOLOG':
        if (w.length < 2) bad('Autolog: user ID missing');
        else autologLater.push({ sys: qualifier, users: w.slice(1), line: s.line });
        break;
      case 'FEATURES': {
        const mode = w[1];
        if (mode !== 'ENABLE' && mode !== 'DISABLE') {
          bad('Features: expected Enable or Disable');
          break;
        }
        if (w[2] === 'PASSWORDS_ON_CMDS') {
          for (const c of w.slice(3)) {
            const f = `PASSWORDS_ON_CMDS_${c}`;
            if (mode === 'ENABLE') config.features.add(f);
            else config.features.delete(f);
          }
        } else
          for (const f of w.slice(2)) {
            if (mode === 'ENABLE') config.features.add(f);
            else config.features.delete(f);
          }
        break;
      }
      default:
        bad(`unknown statement ${verb}`);
    }
  }
  if (config.systems.length === 0) diagnostics.push({ severity: 'error', file, line: 1, reason: 'no System_Identifier statement' });
  if (!config.defaultSystem && config.systems[0]) config.defaultSystem = config.systems[0].name;
  if (config.defaultSystem && !config.systems.some((x) => x.name === config.defaultSystem))
    diagnostics.push({ severity: 'error', file, line: 1, reason: `default system ${config.defaultSystem} is not a System_Identifier` });
  for (const [a, b] of config.isfcLinks)
    for (const n of [a, b])
      if (!config.systems.some((x) => x.name === n))
        diagnostics.push({ severity: 'error', file, line: 1, reason: `ISFC_Link names unknown system ${n}` });
  for (const v of [...config.cpOwned, ...config.userVolumes])
    if (!config.volumes.has(v)) diagnostics.push({ severity: 'error', file, line: 1, reason: `volume ${v} has no Volume statement` });
  for (const a of autologLater) {
    const targets = a.sys ? [a.sys] : config.systems.map((x) => x.name);
    if (a.sys && !config.systems.some((x) => x.name === a.sys)) {
      diagnostics.push({ severity: 'error', file, line: a.line, reason: `record qualifier ${a.sys}: is not a System_Identifier` });
      continue;
    }
    for (const t of targets) config.autolog.set(t, [...(config.autolog.get(t) ?? []), ...a.users]);
  }
  return { config, diagnostics };
}
