/**
 * The REXX number: its syntax and its parsed form.
 *
 * Syntax (ANSI X3.274-1996 §7.4 "Numbers"; TRL2 "Numbers"):
 *
 *     [blanks] [sign [blanks]] mantissa [E [sign] digits] [blanks]
 *     mantissa := digits | digits '.' [digits] | '.' digits
 *
 * Blanks are spaces only (the standard's blank; Regina also accepts TAB, which is
 * implementation-defined and not followed here). The exponent is limited to
 * 9 digits of value (#Limit_ExponentDigits, as Regina's DATATYPE does): a string
 * such as '1E1000000000' is not a number.
 *
 * The parsed form is a `Decimal`: value = (neg ? -1 : 1) * coefficient * 10**exp.
 * The coefficient is a string of decimal digits with no leading zeros; its length
 * is significant (trailing zeros are kept: 1.50 is {c:'150', e:-2}). Zero is always
 * the canonical {neg:false, c:'0', e:0} (the standard has no negative zero and
 * no zero with an exponent).
 */

export interface Decimal {
  /** true for a negative number (never for zero) */
  readonly neg: boolean;
  /** coefficient digits, no leading zeros; '0' only for zero */
  readonly c: string;
  /** power of ten of the last coefficient digit */
  readonly e: number;
  /**
   * BigInt(c), once known: a cache filled by `coefficient` (or by whoever made
   * the Decimal from a BigInt), so that a result used again as an operand is
   * not converted from its digits a second time. Never part of the value.
   */
  b?: bigint;
  /** Number(c), once known (a cache filled by `smallCoefficient`); exact when c has at most 15 digits. */
  v?: number;
}

export const ZERO: Decimal = Object.freeze({ neg: false, c: '0', e: 0, b: 0n, v: 0 });
export const ONE: Decimal = Object.freeze({ neg: false, c: '1', e: 0, b: 1n, v: 1 });

/**
 * Make a Decimal. Every Decimal is made here, so that all have the same shape
 * (the engine then sees one object layout in the hot paths).
 */
export function decimal(neg: boolean, c: string, e: number, b?: bigint, v?: number): Decimal {
  return { neg, c, e, b, v };
}

/** The coefficient as a double (cached in the Decimal); exact for at most 15 digits. */
export function smallCoefficient(d: Decimal): number {
  let v = d.v;
  if (v === undefined) {
    v = +d.c;
    d.v = v;
  }
  return v;
}

/** The coefficient as a BigInt (cached in the Decimal). */
export function coefficient(d: Decimal): bigint {
  let b = d.b;
  if (b === undefined) {
    // a short coefficient goes through a (exact) double: V8 converts short
    // digit strings to numbers quickly, much faster than BigInt(string)
    b = d.c.length < 10 ? BigInt(+d.c) : BigInt(d.c);
    d.b = b;
  }
  return b;
}

/** Largest exponent magnitude allowed in a number's E part and in results (ANSI: 9 digits). */
export const MAX_EXPONENT = 999_999_999;

export function isZero(d: Decimal): boolean {
  return d.c === '0';
}

/** Position (power of ten) of the most significant digit: the "adjusted exponent". */
export function adjustedExponent(d: Decimal): number {
  return d.e + d.c.length - 1;
}

const SP = 32;
const D0 = 48;
const D9 = 57;

/**
 * Parse a REXX number. undefined when `s` is not a number. Cheap for the common
 * case of a plain integer. No regular expressions (hot path).
 */
export function parseNumber(s: string): Decimal | undefined {
  // A small direct-mapped memo: the same operand strings (a loop's step, a
  // constant, a variable used in several operations) come back again and
  // again. parseNumber is a pure function of the string and a Decimal's value
  // never changes once made (only its `b` cache is filled in), so a
  // remembered result is the result.
  const n = s.length;
  if (n === 0) return undefined;
  if (n <= SMALL_LENGTH) {
    // a loop counter or a small constant ('7', '45'): from a table, so that
    // the memo below (churned by long results) need not keep it
    const d = smallWhole(s, n);
    if (d !== undefined) return d;
  }
  if (n > 120) return parseNumberUncached(s); // (long strings: not kept alive by the memo)
  const h = memoSlot(s, n);
  if (memoKeys[h] === s) return memoValues[h];
  const d = parseNumberUncached(s);
  memoKeys[h] = s;
  memoValues[h] = d;
  return d;
}

/** Strings of up to this many characters may be small whole numbers (below 10**SMALL_LENGTH). */
const SMALL_LENGTH = 4;
const smallWholes: (Decimal | undefined)[] = new Array<Decimal | undefined>(10 ** SMALL_LENGTH).fill(undefined);

/**
 * The Decimal of s when s is digits only without a leading zero (a whole
 * number written plainly, below 10**SMALL_LENGTH), else undefined: what
 * parseNumberUncached gives for it, made once (with its caches filled) and
 * shared, as the memo shares its Decimals.
 */
function smallWhole(s: string, n: number): Decimal | undefined {
  let v = 0;
  for (let i = 0; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (ch < D0 || ch > D9) return undefined;
    v = v * 10 + (ch - D0);
  }
  if (v === 0) return n === 1 ? ZERO : undefined;
  if (s.charCodeAt(0) === D0) return undefined; // leading zeros: the coefficient is not s
  let d = smallWholes[v];
  if (d === undefined) {
    d = decimal(false, s, 0, BigInt(v), v);
    smallWholes[v] = d;
  }
  return d;
}

/**
 * Remember that the string `s` parses as `d` (the caller guarantees that
 * parseNumberUncached(s) has d's sign, coefficient and exponent): arithmetic
 * results are recorded so that when one comes back as an operand — `e = e + t`
 * in a loop — it is not parsed again, and its BigInt coefficient is kept.
 */
export function rememberNumber(s: string, d: Decimal): void {
  const n = s.length;
  if (n > 120) return;
  const h = memoSlot(s, n);
  memoKeys[h] = s;
  memoValues[h] = d;
}

/** Forget every remembered string (for tests that compare cold and warm paths). */
export function clearNumberMemo(): void {
  memoKeys.fill(undefined);
  memoValues.fill(undefined);
}

const MEMO_SIZE = 256;

/** The memo slot of a string of length n > 0 (length, last and middle characters). */
function memoSlot(s: string, n: number): number {
  return (n * 31 + s.charCodeAt(n - 1) * 7 + s.charCodeAt(n >> 1)) & (MEMO_SIZE - 1);
}
const memoKeys: (string | undefined)[] = new Array<string | undefined>(MEMO_SIZE).fill(undefined);
const memoValues: (Decimal | undefined)[] = new Array<Decimal | undefined>(MEMO_SIZE).fill(undefined);

export function parseNumberUncached(s: string): Decimal | undefined {
  const n = s.length;
  let i = 0;
  while (i < n && s.charCodeAt(i) === SP) i++;
  if (i === n) return undefined;
  let neg = false;
  let ch = s.charCodeAt(i);
  if (ch === 43 /* + */ || ch === 45 /* - */) {
    neg = ch === 45;
    i++;
    while (i < n && s.charCodeAt(i) === SP) i++;
  }
  const intStart = i;
  while (i < n && (ch = s.charCodeAt(i)) >= D0 && ch <= D9) i++;
  const intEnd = i;
  let fracStart = i;
  let fracEnd = i;
  if (i < n && s.charCodeAt(i) === 46 /* . */) {
    i++;
    fracStart = i;
    while (i < n && (ch = s.charCodeAt(i)) >= D0 && ch <= D9) i++;
    fracEnd = i;
  }
  if (intEnd === intStart && fracEnd === fracStart) return undefined;
  let exp = 0;
  if (i < n && ((ch = s.charCodeAt(i)) === 69 /* E */ || ch === 101 /* e */)) {
    i++;
    let eneg = false;
    if (i < n && ((ch = s.charCodeAt(i)) === 43 || ch === 45)) {
      eneg = ch === 45;
      i++;
    }
    const eStart = i;
    while (i < n && (ch = s.charCodeAt(i)) >= D0 && ch <= D9) {
      exp = exp * 10 + (ch - D0);
      if (exp > MAX_EXPONENT) return undefined;
      i++;
    }
    if (i === eStart) return undefined;
    if (eneg) exp = -exp;
  }
  while (i < n && s.charCodeAt(i) === SP) i++;
  if (i !== n) return undefined;

  // Coefficient: integer digits then fraction digits, leading zeros removed.
  let k = intStart;
  while (k < intEnd && s.charCodeAt(k) === D0) k++;
  let c: string;
  if (k < intEnd) {
    c = fracEnd > fracStart ? s.slice(k, intEnd) + s.slice(fracStart, fracEnd) : s.slice(k, intEnd);
  } else {
    let f = fracStart;
    while (f < fracEnd && s.charCodeAt(f) === D0) f++;
    if (f === fracEnd) return ZERO;
    c = s.slice(f, fracEnd);
  }
  return decimal(neg, c, exp - (fracEnd - fracStart));
}

/** true if s is a valid REXX number. */
export function isNumber(s: string): boolean {
  return parseNumber(s) !== undefined;
}

/**
 * The fast-path integer reader: s is exactly an optional '-' and 1 to 9 decimal
 * digits (no blanks, no '+', no point, no exponent). Returns the value, or NaN.
 * Every such string is a REXX number whose value is that integer.
 */
export function smallInt(s: string): number {
  const n = s.length;
  if (n === 0 || n > 10) return NaN;
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45) {
    if (n === 1) return NaN;
    neg = true;
    i = 1;
  } else if (n === 10) return NaN;
  let v = 0;
  for (; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (ch < D0 || ch > D9) return NaN;
    v = v * 10 + (ch - D0);
  }
  return neg ? -v : v;
}
