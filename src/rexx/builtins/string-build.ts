/**
 * Building the result strings of REVERSE and TRANSLATE.
 *
 * Appending one character at a time makes a new string per character (and,
 * past a dozen characters, a chain of concatenations that must be flattened
 * when the result is read). Short results are still built so (measured: the
 * cheapest below a few dozen characters); longer ones go through an array
 * of character codes made into one string.
 */

/** Results at least this long are built from an array of character codes. */
const CODES_MIN = 32;
/** Codes per String.fromCharCode call (an argument list has a size limit). */
const CHUNK = 8192;

/** The string of the character codes in `codes`. */
function fromCodes(codes: number[]): string {
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes);
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode.apply(null, codes.slice(i, i + CHUNK));
  return out;
}

/** s backwards. */
export function reversed(s: string): string {
  const n = s.length;
  if (n < CODES_MIN) {
    let out = '';
    for (let i = n - 1; i >= 0; i--) out += s[i];
    return out;
  }
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(n - 1 - i);
  return fromCodes(codes);
}

/**
 * s with each character code c replaced by map[c] (undefined: unchanged).
 * Unchanged characters of a short string are copied in runs, not one by one;
 * s itself comes back when nothing changes.
 */
export function translated(s: string, map: readonly (string | undefined)[]): string {
  const n = s.length;
  if (n >= CODES_MIN) return translatedLong(s, map);
  let out = '';
  let run = 0;
  for (let i = 0; i < n; i++) {
    const m = map[s.charCodeAt(i)];
    if (m !== undefined) {
      out += s.slice(run, i) + m;
      run = i + 1;
    }
  }
  return run === 0 ? s : out + s.slice(run);
}

function translatedLong(s: string, map: readonly (string | undefined)[]): string {
  const n = s.length;
  let i = 0;
  while (i < n && map[s.charCodeAt(i)] === undefined) i++;
  if (i === n) return s;
  const codes = new Array<number>(n);
  for (let j = 0; j < i; j++) codes[j] = s.charCodeAt(j);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const m = map[c];
    codes[i] = m === undefined ? c : m.charCodeAt(0);
  }
  return fromCodes(codes);
}
