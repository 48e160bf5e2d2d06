/**
 * The settings of one console (CONSOLE-3270.md §1.2, §1.3; issue 9): what the CP
 * commands TERMINAL, SET PFnn and SET RETRIEVE change and QUERY TERMINAL / PF /
 * RETRIEVE show. CP owns them (they belong to the CpTerminal of a connection); the
 * front end is told each time they change through ConsoleEndpoint.settings() and
 * applies them: the console core does the line editing (LINEND, CHARDEL, ESCAPE),
 * the full-screen session the paging (MORE, HOLD), the break key and the PF keys.
 *
 * Defaults are z/VM's for a 3270 display, with one NON-IBM difference: ESCAPE is OFF
 * (z/VM: `"`), so REXX strings typed at the console keep their quotes;
 * `TERMINAL ESCAPE ON` gives z/VM's `"`. PF12 is RETRIEVE (as CMS profiles set it).
 */

export type PfMode = 'IMMED' | 'DELAYED' | 'RETRIEVE';

export interface PfSetting {
  mode: PfMode;
  /** the command text (IMMED, DELAYED); FORWARD or BACKWARD for RETRIEVE */
  text: string;
}

/** PA1, PA2, PF1..PF24 ('PF05'), or NONE. */
export type BreakKey = string;

export interface TerminalSettings {
  /** TERMINAL MORE n m: seconds before the first / following MORE... screens are cleared */
  more: [number, number];
  /** TERMINAL HOLD ON: hold instead of clearing when the MORE... interval ends */
  hold: boolean;
  /** TERMINAL BRKKEY: the key that signals attention */
  brkkey: BreakKey;
  /** line-edit symbols; null = OFF */
  linend: string | null;
  chardel: string | null;
  escape: string | null;
  /** SET PFnn */
  pf: Map<number, PfSetting>;
  /** SET RETRIEVE n: how many entered lines RETRIEVE keeps */
  retrieve: number;
}

export const DEFAULT_LINEND = '#';
export const DEFAULT_CHARDEL = '@';
export const DEFAULT_ESCAPE = '"';
export const MAX_RETRIEVE = 255;
export const DEFAULT_RETRIEVE = 10;

export function defaultTerminalSettings(): TerminalSettings {
  return {
    more: [50, 10],
    hold: false,
    brkkey: 'PA1',
    linend: DEFAULT_LINEND,
    chardel: null,
    escape: null,
    pf: new Map([[12, { mode: 'RETRIEVE', text: 'BACKWARD' }]]),
    retrieve: DEFAULT_RETRIEVE,
  };
}

/** A deep copy (front ends keep their own). */
export function copySettings(s: Readonly<TerminalSettings>): TerminalSettings {
  return { ...s, more: [s.more[0], s.more[1]], pf: new Map([...s.pf].map(([k, v]) => [k, { ...v }])) };
}

/**
 * Line editing of one physical input line (z/VM "line-edit symbols"): ESCAPE takes
 * the next character literally, CHARDEL deletes the character before it, LINEND ends
 * a logical line. Returns the logical lines (at least one).
 */
export function editLine(text: string, s: Pick<TerminalSettings, 'linend' | 'chardel' | 'escape'>): string[] {
  const { linend, chardel, escape } = s;
  if (linend === null && chardel === null && escape === null) return [text];
  const lines: string[] = [];
  let cur = '';
  let escaped = false;
  for (const ch of text) {
    if (escaped) {
      cur += ch;
      escaped = false;
    } else if (ch === escape) escaped = true;
    else if (ch === chardel) cur = [...cur].slice(0, -1).join('');
    else if (ch === linend) {
      lines.push(cur);
      cur = '';
    } else cur += ch;
  }
  lines.push(cur);
  return lines;
}

/** Does the physical line start with `<linend>CP` (a CP command from any state)? Returns the command or undefined. */
export function immediateCp(text: string, linend: string | null): string | undefined {
  if (linend === null) return undefined;
  if (text.length < linend.length + 2 || !text.startsWith(linend)) return undefined;
  const rest = text.slice(linend.length);
  if (!/^CP(\s|$)/i.test(rest)) return undefined;
  return rest.slice(2).trim();
}

/** QUERY TERMINAL lines [R: layout recalled from z/VM 7.x; MORE as three-digit seconds]. */
export function queryTerminalLines(s: Readonly<TerminalSettings>, info: { conmode: string; linesize: number }): string[] {
  const sym = (c: string | null) => (c === null ? 'OFF' : c);
  const n3 = (n: number) => String(n).padStart(3, '0');
  return [
    `LINEND  ${sym(s.linend)}, LINEDEL  OFF, CHARDEL  ${sym(s.chardel)}, ESCAPE  ${sym(s.escape)}`,
    `LINESIZE ${info.linesize}, ATTN OFF, APL OFF, TEXT OFF, MODE VM, HILIGHT OFF`,
    `CONMODE ${info.conmode}, RECORD OFF, SCROLL CONT, MORE ${n3(s.more[0])} ${n3(s.more[1])}, HOLD ${s.hold ? 'ON' : 'OFF'}`,
    `TABCHAR OFF, SCRNSAVE OFF, AUTOCR ON, BREAKIN IMMED GUESTCTL`,
    `BRKKEY ${s.brkkey}`,
  ];
}

/** One QUERY PF line: `PF03 IMMED LOGOFF`, `PF12 RETRIEVE`, `PF01 UNDEFINED`. */
export function pfLine(n: number, p: PfSetting | undefined): string {
  const key = `PF${String(n).padStart(2, '0')}`;
  if (!p) return `${key} UNDEFINED`;
  if (p.mode === 'RETRIEVE') return p.text === 'FORWARD' ? `${key} RETRIEVE FORWARD` : `${key} RETRIEVE`;
  return `${key} ${p.mode} ${p.text}`;
}
