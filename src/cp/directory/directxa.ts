/**
 * DIRECTXA-like directory check (CP-REFERENCE.md §4.2): parse the source directory,
 * then check what spans statements and entries — LINK targets, MDISK volumes and
 * extents, XAUTOLOG/LOGONBY users, the IPL target. Syntax errors and unknown
 * references are errors (the directory is refused: "EOJ DIRECTORY NOT UPDATED");
 * overlapping extents and similar are warnings, as DIRECTXA reports them.
 */
import type { SystemConfig } from '../config/system-config.js';
import type { Directory, MdiskStmt } from './model.js';
import { hex4 } from './model.js';
import { type Diagnostic, parseUserDirect } from './parser.js';

export interface DirectxaResult {
  directory: Directory;
  diagnostics: Diagnostic[];
  ok: boolean;
  /** the report as DIRECTXA would print it, one line per diagnostic plus the EOJ line */
  report: string[];
}

/** Named systems a directory IPL statement may name (NON-IBM: CMS and the Linux-like workload). */
export const NAMED_SYSTEMS = new Set(['CMS', 'LINUX']);

export function directxa(text: string, file = 'USER DIRECT', config?: SystemConfig, system?: string): DirectxaResult {
  const { directory, diagnostics } = parseUserDirect(text, file, system);
  const add = (severity: 'error' | 'warning', loc: { file: string; line: number }, reason: string) =>
    diagnostics.push({ severity, file: loc.file, line: loc.line, reason });

  const extents = new Map<string, { user: string; m: MdiskStmt }[]>();
  for (const u of directory.users.values()) {
    for (const d of u.devices) {
      if (d.kind === 'LINK') {
        const owner = directory.users.get(d.owner);
        if (!owner) add('error', d.loc, `LINK: user ${d.owner} is not in the directory`);
        else if (!owner.devices.some((x) => x.kind === 'MDISK' && x.vdev === d.vdev))
          add('error', d.loc, `LINK: user ${d.owner} has no minidisk ${hex4(d.vdev)}`);
        else if (d.owner === u.userid) add('warning', d.loc, `LINK: ${u.userid} links its own minidisk ${hex4(d.vdev)}`);
      }
      if (d.kind === 'MDISK' && typeof d.start === 'number') {
        if (config) {
          const vol = config.volumes.get(d.volser);
          if (!vol) add('error', d.loc, `MDISK ${hex4(d.vdev)}: volume ${d.volser} is not defined in SYSTEM CONFIG`);
          else {
            const end = d.size === 'END' ? vol.cylinders - 1 : d.start + d.size - 1;
            if (end >= vol.cylinders || d.start >= vol.cylinders)
              add('error', d.loc, `MDISK ${hex4(d.vdev)}: extent ${d.start}-${end} beyond the end of ${d.volser} (${vol.cylinders} cylinders)`);
          }
        }
        const list = extents.get(d.volser) ?? [];
        list.push({ user: u.userid, m: d });
        extents.set(d.volser, list);
      }
    }
    for (const x of [...u.xautolog, ...u.logonby])
      if (!directory.users.has(x)) add('warning', u.loc, `${u.userid}: XAUTOLOG/LOGONBY names ${x}, which is not in the directory`);
    if (u.ipl && !NAMED_SYSTEMS.has(u.ipl.target)) {
      const v = /^[0-9A-F]{1,4}$/.test(u.ipl.target) ? parseInt(u.ipl.target, 16) : undefined;
      if (v === undefined) add('error', u.loc, `${u.userid}: IPL names ${u.ipl.target}, which is neither a device nor a named system`);
    }
  }
  // SYSAFFIN names must be systems of the collection
  if (config) {
    const names = new Set(config.systems.map((s) => s.name));
    text.split(/\r?\n/).forEach((raw, i) => {
      const w = raw.trim().split(/\s+/);
      if (w[0]?.toUpperCase() !== 'SYSAFFIN' || raw.startsWith('*')) return;
      for (const n of w.slice(1).map((x) => x.toUpperCase()))
        if (n !== '*' && !names.has(n)) add('warning', { file, line: i + 1 }, `SYSAFFIN names ${n}, which is not a system of the collection`);
    });
  }
  // overlapping extents on one volume (cylinder 0 holds the label: warn as DIRECTXA does)
  for (const [vol, list] of extents) {
    const spans = list.map(({ user, m }) => ({
      user,
      m,
      a: m.start as number,
      b: m.size === 'END' ? Infinity : (m.start as number) + (m.size as number) - 1,
    }));
    spans.sort((x, y) => x.a - y.a);
    for (let i = 1; i < spans.length; i++) {
      const p = spans[i - 1]!;
      const c = spans[i]!;
      if (c.a <= p.b)
        add('warning', c.m.loc, `MDISK ${hex4(c.m.vdev)} of ${c.user} overlaps MDISK ${hex4(p.m.vdev)} of ${p.user} on ${vol}`);
    }
    for (const s of spans) if (s.a === 0) add('warning', s.m.loc, `MDISK ${hex4(s.m.vdev)} of ${s.user} includes cylinder 0 of ${vol}`);
  }
  diagnostics.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  const ok = !diagnostics.some((d) => d.severity === 'error');
  const report = diagnostics.map((d) => formatDiagnostic(d));
  report.push(ok ? 'EOJ DIRECTORY UPDATED AND ON LINE' : 'EOJ DIRECTORY NOT UPDATED');
  return { directory, diagnostics, ok, report };
}

export function formatDiagnostic(d: { severity: string; file: string; line: number; reason: string }): string {
  return `${d.file} line ${d.line}: ${d.severity}: ${d.reason}`;
}

export interface ObjectDirectories {
  ok: boolean;
  /** every system's diagnostics (each once), then the EOJ line */
  report: string[];
  /** each system's object directory (SYSAFFIN applied) */
  bySystem: Map<string, Directory>;
}

/**
 * DIRECTXA for a collection (CSE, CP-REFERENCE.md §3.1, §4.2): one source directory,
 * one object directory per system. Refused if any system's directory has errors.
 */
export function buildObjectDirectories(text: string, file: string, config: SystemConfig): ObjectDirectories {
  const bySystem = new Map<string, Directory>();
  const seen = new Set<string>();
  const lines: string[] = [];
  let ok = true;
  const systems = config.systems.length ? config.systems.map((s) => s.name) : [undefined];
  for (const name of systems) {
    const r = directxa(text, file, config, name);
    if (name) bySystem.set(name, r.directory);
    else bySystem.set('', r.directory);
    if (!r.ok) ok = false;
    for (const d of r.diagnostics) {
      const l = formatDiagnostic(d);
      if (!seen.has(l)) {
        seen.add(l);
        lines.push(l);
      }
    }
  }
  lines.push(ok ? 'EOJ DIRECTORY UPDATED AND ON LINE' : 'EOJ DIRECTORY NOT UPDATED');
  return { ok, report: lines, bySystem };
}
