import { describe, expect, it } from 'vitest';

import { ConsoleScreen, consoleLayout, statusText, wrapLine } from '../../../src/console/tn3270/screen.js';
import { Display3270 } from './terminal-sim.js';

function setup(rows = 24, cols = 80) {
  const alternate = rows !== 24 || cols !== 80;
  const screen = new ConsoleScreen(rows, cols, alternate);
  const display = new Display3270([24, 80], [rows, cols]);
  const paint = (opts = {}) => {
    const rec = screen.render(opts);
    if (rec) display.apply(rec);
    return rec;
  };
  return { screen, display, paint };
}

describe('console layout', () => {
  it('24x80: output rows 1-22, input from row 23 col 2, status at row 24 col 61', () => {
    const L = consoleLayout(24, 80);
    expect(L.outputRows).toBe(22);
    expect(L.inputAttr).toBe(22 * 80);
    expect(L.inputStart).toBe(22 * 80 + 1);
    expect(L.statusStart).toBe(23 * 80 + 60);
    expect(L.statusAttr).toBe(23 * 80 + 59);
    expect(L.statusLength).toBe(19);
    expect(L.inputLength).toBe(79 + 59);
    expect(L.outputAttr).toBe(1919);
  });

  it('27x132 puts the status area 20 columns from the right edge', () => {
    const L = consoleLayout(27, 132);
    expect(L.statusStart).toBe(26 * 132 + 112);
    expect(L.inputLength).toBe(131 + 111);
  });

  it('refuses tiny screens', () => {
    expect(() => consoleLayout(3, 80)).toThrow(RangeError);
  });

  it('status text and wrapping', () => {
    expect(statusText('CP READ', 'VMSYS1', 19)).toBe('CP READ   VMSYS1');
    expect(statusText('NOT ACCEPTED', 'VMSYS1', 19)).toBe('NOT ACCEPTED VMSYS1');
    expect(statusText('NOT ACCEPTED', 'LONGSYSTEM', 19)).toBe('NOT ACCEPTED LONGSY');
    expect(wrapLine('', 80)).toEqual(['']);
    expect(wrapLine('a'.repeat(170), 80).map((r) => r.length)).toEqual([80, 80, 10]);
    expect(wrapLine('a\tb', 80)).toEqual(['a b']);
  });
});

describe('ConsoleScreen rendering', () => {
  it('first paint is an Erase/Write with the fields in place and the cursor in the input area', () => {
    const { screen, display, paint } = setup();
    screen.output(['HELLO', 'WORLD']);
    screen.setStatus('RUNNING', 'VMSYS1');
    const rec = paint()!;
    expect(rec[0]).toBe(0xf5);
    expect(rec[1]).toBe(0xc3);
    const text = display.text();
    expect(text[0]!.trimEnd()).toBe('HELLO');
    expect(text[1]!.trimEnd()).toBe('WORLD');
    expect(text[23]!.slice(60).trimEnd()).toBe('RUNNING   VMSYS1');
    expect(display.cursor).toBe(22 * 80 + 1);
    expect(display.isProtected(0)).toBe(true);
    expect(display.isProtected(22 * 80 + 1)).toBe(false);
    expect(display.isProtected(23 * 80 + 58)).toBe(false);
    expect(display.isProtected(23 * 80 + 60)).toBe(true);
    expect(display.locked).toBe(false);
    expect(screen.render()).toBeNull();
  });

  it('models 3-5 paint with Erase/Write Alternate', () => {
    const { screen, display, paint } = setup(43, 80);
    screen.setStatus('VM READ', 'X');
    expect(paint()![0]).toBe(0x7e);
    expect(display.rows).toBe(43);
    expect(display.text()[42]!.slice(60).trimEnd()).toBe('VM READ   X');
    expect(display.cursor).toBe(41 * 80 + 1);
  });

  it('later output is a Write of the changed rows only; the input the user is typing survives', () => {
    const { screen, display, paint } = setup();
    screen.output(['ONE']);
    paint();
    display.type('typing');
    screen.output(['TWO']);
    const rec = paint()!;
    expect(rec[0]).toBe(0xf1);
    expect(rec[1]).toBe(0xc2); // restore keyboard, keep MDT
    expect(rec.length).toBeLessThan(20);
    expect(display.text()[1]!.trimEnd()).toBe('TWO');
    expect(display.text()[22]!.trimEnd()).toBe(' typing');
    expect(display.cursor).toBe(22 * 80 + 7);
    const inbound = display.aid('ENTER');
    expect(Array.from(inbound).length).toBeGreaterThan(3);
  });

  it('scrolls when the output area overflows', () => {
    const { screen, display, paint } = setup();
    paint();
    screen.output(Array.from({ length: 30 }, (_, i) => `L${i + 1}`));
    paint();
    const t = display.text();
    expect(t[0]!.trimEnd()).toBe('L9');
    expect(t[21]!.trimEnd()).toBe('L30');
    screen.output(['a much longer line that overwrites a short one'.repeat(2), 'x']);
    paint();
    const u = display.text();
    const long = 'a much longer line that overwrites a short one'.repeat(2);
    expect(u[19]).toBe(long.slice(0, 80));
    expect(u[20]!.trimEnd()).toBe(long.slice(80));
    expect(u[18]!.trimEnd()).toBe('L30');
    expect(u[21]!.trimEnd()).toBe('x');
  });

  it('long lines wrap onto following rows', () => {
    const { screen, display, paint } = setup();
    screen.output(['x'.repeat(100)]);
    paint();
    expect(display.text()[0]).toBe('x'.repeat(80));
    expect(display.text()[1]!.trimEnd()).toBe('x'.repeat(20));
  });

  it('clearOutput blanks the output rows with a Write', () => {
    const { screen, display, paint } = setup();
    screen.output(['A', 'B', 'C']);
    paint();
    screen.clearOutput();
    const rec = paint()!;
    expect(rec[0]).toBe(0xf1);
    expect(display.text().slice(0, 22).every((l) => l.trim() === '')).toBe(true);
  });

  it('setInput redraws the input field and puts the cursor after the text', () => {
    const { screen, display, paint } = setup();
    paint();
    display.type('garbage that will be replaced');
    screen.setInput('Q N');
    paint();
    expect(display.text()[22]!.trimEnd()).toBe(' Q N');
    expect(display.cursor).toBe(22 * 80 + 4);
    screen.setInput('');
    paint();
    expect(display.text()[22]!.trim()).toBe('');
    expect(display.cursor).toBe(22 * 80 + 1);
  });

  it('password mode makes the input field non-display', () => {
    const { screen, display, paint } = setup();
    paint();
    screen.setPasswordMode(true);
    paint();
    display.type('SECRET');
    expect(display.text().join('')).not.toContain('SECRET');
    expect(screen.passwordMode).toBe(true);
    screen.setPasswordMode(false);
    paint();
    display.type('shown');
    expect(display.text()[22]).toContain('shown');
  });

  it('status changes are written in place; unchanged status sends nothing', () => {
    const { screen, display, paint } = setup();
    screen.setStatus('VM READ', 'VMSYS1');
    paint();
    screen.setStatus('NOT ACCEPTED', 'VMSYS1');
    paint();
    expect(display.text()[23]!.slice(60).trimEnd()).toBe('NOT ACCEPTED VMSYS1');
    screen.setStatus('MORE...', 'VMSYS1');
    paint();
    expect(display.text()[23]!.slice(60).trimEnd()).toBe('MORE...   VMSYS1');
    screen.setStatus('MORE...', 'VMSYS1');
    expect(screen.render()).toBeNull();
    expect(screen.render({ unlock: true })).toEqual(Uint8Array.of(0xf1, 0xc2));
  });

  it('requireFullPaint repaints everything (after CLEAR)', () => {
    const { screen, display, paint } = setup();
    screen.output(['KEEP']);
    screen.setStatus('CP READ', 'S');
    paint();
    display.aid('CLEAR');
    screen.requireFullPaint();
    paint();
    expect(display.text()[0]!.trimEnd()).toBe('KEEP');
    expect(display.text()[23]!.slice(60).trimEnd()).toBe('CP READ   S');
  });

  it('alarm option sets the WCC alarm bit', () => {
    const { screen } = setup();
    const rec = screen.render({ alarm: true })!;
    expect(rec[1]! & 0x3f).toBe(0x07);
  });
});
