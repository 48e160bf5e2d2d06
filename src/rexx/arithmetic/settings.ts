/**
 * NUMERIC settings (ANSI X3.274-1996 §7.4 "NUMERIC"): DIGITS, FUZZ and FORM.
 * Defaults: DIGITS 9, FUZZ 0, FORM SCIENTIFIC.
 */
export interface NumericSettings {
  digits: number;
  fuzz: number;
  form: 'SCIENTIFIC' | 'ENGINEERING';
}

export const DEFAULT_NUMERIC: Readonly<NumericSettings> = Object.freeze({
  digits: 9,
  fuzz: 0,
  form: 'SCIENTIFIC',
});
