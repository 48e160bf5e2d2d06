/**
 * The migration report (issue 5 "Progress and a picture"): a text table of the passes
 * and an SVG chart of pages sent and pages still dirty per pass, with the stunned
 * (quiesced) pass marked. Written beside the cluster's data file, under reports/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MigrationResult } from './engine.js';

export interface ReportHead {
  userid: string;
  from: string;
  to: string;
  requester: string;
  when: Date;
}

export function reportTable(h: ReportHead, r: MigrationResult): string[] {
  const lines = [
    `Live guest migration of ${h.userid} from ${h.from} to ${h.to} (requested by ${h.requester || 'CP'}) at ${h.when.toISOString()}`,
    `Result: ${r.ok ? 'relocated' : `cancelled: ${r.reason}`}`,
    '',
    'Pass   Pages sent  Still dirty   Seconds  Throttle  Note',
  ];
  for (const p of r.passes)
    lines.push(
      `${String(p.pass).padStart(4)} ${String(p.sent).padStart(12)} ${String(p.dirty).padStart(12)} ${(p.ms / 1000).toFixed(3).padStart(9)} ${`${p.throttle}%`.padStart(9)}  ${p.stunned ? 'quiesced (guest stunned)' : ''}`,
    );
  lines.push(
    '',
    `Pages sent ${r.pagesSent} of ${r.guestPages} guest pages (${((100 * r.pagesSent) / Math.max(1, r.guestPages)).toFixed(1)}%)`,
    `Total time ${(r.totalMs / 1000).toFixed(3)} s, quiesce (downtime) ${(r.quiesceMs / 1000).toFixed(3)} s`,
    `Memory digest ${r.digest ? `${r.digest.slice(0, 32)}... ${r.ok ? 'matched on the destination' : ''}` : 'not taken'}`,
  );
  return lines;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function reportSvg(h: ReportHead, r: MigrationResult): string {
  const W = 640;
  const H = 320;
  const left = 70;
  const right = 20;
  const top = 50;
  const bottom = 50;
  const n = Math.max(1, r.passes.length);
  const max = Math.max(1, ...r.passes.map((p) => Math.max(p.sent, p.dirty)));
  const cw = (W - left - right) / n;
  const bw = Math.max(2, cw / 3);
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="monospace" font-size="11">`);
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${W / 2}" y="20" text-anchor="middle" font-size="13">${esc(`${h.userid}: ${h.from} → ${h.to} — ${r.ok ? 'relocated' : 'cancelled'}`)}</text>`);
  parts.push(`<text x="${W / 2}" y="36" text-anchor="middle">${esc(`total ${(r.totalMs / 1000).toFixed(3)} s, downtime ${(r.quiesceMs / 1000).toFixed(3)} s, ${r.pagesSent} pages sent`)}</text>`);
  parts.push(`<line x1="${left}" y1="${H - bottom}" x2="${W - right}" y2="${H - bottom}" stroke="black"/>`);
  parts.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${H - bottom}" stroke="black"/>`);
  for (let i = 0; i <= 4; i++) {
    const v = Math.round((max * i) / 4);
    parts.push(`<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
    parts.push(`<line x1="${left}" y1="${y(v)}" x2="${W - right}" y2="${y(v)}" stroke="#ddd"/>`);
  }
  r.passes.forEach((p, i) => {
    const x0 = left + i * cw;
    if (p.stunned) parts.push(`<rect x="${x0}" y="${top}" width="${cw}" height="${H - top - bottom}" fill="#fde2e2"><title>guest stunned (quiesced)</title></rect>`);
    parts.push(`<rect x="${x0 + cw / 2 - bw}" y="${y(p.sent)}" width="${bw}" height="${H - bottom - y(p.sent)}" fill="#3b78c2"><title>pass ${p.pass}: ${p.sent} pages sent</title></rect>`);
    parts.push(`<rect x="${x0 + cw / 2}" y="${y(p.dirty)}" width="${bw}" height="${H - bottom - y(p.dirty)}" fill="#e08a2c"><title>pass ${p.pass}: ${p.dirty} still dirty</title></rect>`);
    parts.push(`<text x="${x0 + cw / 2}" y="${H - bottom + 14}" text-anchor="middle">${p.pass}${p.stunned ? ' (stun)' : ''}</text>`);
  });
  parts.push(`<text x="${W / 2}" y="${H - 12}" text-anchor="middle">pass</text>`);
  parts.push(`<rect x="${W - 220}" y="${top - 8}" width="10" height="10" fill="#3b78c2"/><text x="${W - 206}" y="${top + 1}">pages sent</text>`);
  parts.push(`<rect x="${W - 130}" y="${top - 8}" width="10" height="10" fill="#e08a2c"/><text x="${W - 116}" y="${top + 1}">still dirty</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}

/** Write the report files; returns the path of the text report (without extension: .txt and .svg). */
export function writeReport(dataFile: string, h: ReportHead, r: MigrationResult): string | undefined {
  try {
    const dir = join(dirname(dataFile), 'reports');
    mkdirSync(dir, { recursive: true });
    const stamp = h.when.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
    const base = join(dir, `${h.userid}-${h.from}-${h.to}-${stamp}`);
    writeFileSync(`${base}.txt`, reportTable(h, r).join('\n') + '\n');
    writeFileSync(`${base}.svg`, reportSvg(h, r));
    return base;
  } catch {
    return undefined;
  }
}
