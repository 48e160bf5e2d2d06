import { describe, expect, it } from 'vitest';
import { builtinNames, callBuiltin, lookupBuiltin } from '../../../src/rexx/builtins/registry.js';
import { fakeContext } from './helpers.js';

const ISSUE_6 =
  'ABBREV ABS ADDRESS ARG B2X BITAND BITOR BITXOR C2D C2X CENTER CENTRE CHANGESTR CHARIN CHAROUT CHARS COMPARE CONDITION ' +
  'COPIES COUNTSTR D2C D2X DATATYPE DATE DELSTR DELWORD DIGITS ERRORTEXT FORM FORMAT FUZZ INSERT LASTPOS LEFT LENGTH ' +
  'LINEIN LINEOUT LINES MAX MIN OVERLAY POS QUEUED RANDOM REVERSE RIGHT SIGN SOURCELINE SPACE STREAM STRIP SUBSTR SUBWORD ' +
  'SYMBOL TIME TRACE TRANSLATE TRUNC VALUE VERIFY WORD WORDINDEX WORDLENGTH WORDPOS WORDS X2B X2C X2D XRANGE ' +
  'FIND INDEX JUSTIFY LINESIZE USERID EXTERNALS UPPER LOWER';

describe('registry', () => {
  it('has every function of issue 6', () => {
    for (const n of ISSUE_6.split(' ')) expect(lookupBuiltin(n), n).toBeDefined();
    expect(builtinNames().length).toBeGreaterThanOrEqual(ISSUE_6.split(' ').length);
    expect(lookupBuiltin('substr')).toBeUndefined();
  });
  it('checks counts, not counting trailing omitted arguments', () => {
    const c = fakeContext();
    const spec = lookupBuiltin('SUBSTR')!;
    expect(() => callBuiltin(spec, ['abc', undefined], c)).toThrow(/40\.3/);
    expect(() => callBuiltin(spec, ['abc', '1', '1', 'x', undefined], c)).toThrow(/40\.4/);
    expect(() => callBuiltin(spec, [undefined, '1'], c)).toThrow(/40\.5/);
    expect(callBuiltin(spec, ['abc', '2', undefined], c)).toBe('bc');
  });
});
