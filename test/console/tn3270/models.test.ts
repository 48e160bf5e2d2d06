import { describe, expect, it } from 'vitest';

import { isIbmTerminalType, parseTerminalType } from '../../../src/console/tn3270/models.js';

describe('terminal types and models', () => {
  it.each([
    ['IBM-3278-2', 2, 24, 80, false, false],
    ['IBM-3278-2-E', 2, 24, 80, true, false],
    ['IBM-3279-3-E', 3, 32, 80, true, true],
    ['ibm-3278-4-e', 4, 43, 80, true, true],
    ['IBM-3278-5', 5, 27, 132, false, true],
  ])('%s -> model %i, %ix%i', (name, model, rows, cols, extended, alternate) => {
    const t = parseTerminalType(name)!;
    expect(t.model).toEqual({ model, rows, cols });
    expect(t.extended).toBe(extended);
    expect(t.alternate).toBe(alternate);
    expect(t.name).toBe(name.toUpperCase());
  });

  it('IBM-DYNAMIC is accepted as model 2', () => {
    expect(parseTerminalType('IBM-DYNAMIC')).toMatchObject({ dynamic: true, model: { rows: 24, cols: 80 } });
  });

  it.each(['IBM-3287-1', 'IBM-3278-6', 'VT100', 'XTERM', '', 'IBM-3278-2-EX'])('rejects %j', (name) => {
    expect(parseTerminalType(name)).toBeUndefined();
  });

  it('recognises IBM names', () => {
    expect(isIbmTerminalType('IBM-3287-1')).toBe(true);
    expect(isIbmTerminalType('xterm')).toBe(false);
  });
});
