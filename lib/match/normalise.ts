// Text normalisation shared by the glossary compiler (aliases) and the page scanner (page text).
// Both sides fold text one UTF-16 unit at a time through the same table, so an alias and the page
// text it names always normalise to the same string.

/** Character classes stored in `FOLD` below code 6; any value ≥ 6 is the folded char code itself. */
export const CharClass = {
  Unknown: 0,
  /** Whitespace, NBSP, hyphens and dashes: fold to one space between words. */
  Space: 1,
  /** Soft hyphen, zero-width characters, combining marks: removed. */
  Ignore: 2,
  /** Straight and curly apostrophes: fold to `'`. */
  Apostrophe: 3,
  /** Other punctuation and symbols: kept as they are, and they end a word. */
  Punct: 4,
  /** A letter whose folded form is several characters (e.g. `ǅ` → `dz`). */
  Multi: 5,
} as const;

const SPACES = /[\s\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const DASHES = /[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
const IGNORABLE = /[\u00ad\u200b-\u200d\u2060\ufeff\p{M}]/u;
const APOSTROPHES = /['\u2018\u2019\u02bc\u2032\uff07]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}/gu;

/**
 * Per-UTF-16-unit fold table, filled lazily: a page only ever pays for the characters it uses, and the
 * scanner's hot loop reads one array slot per character instead of allocating strings.
 */
export const FOLD = new Uint16Array(65536);
/** For `CharClass.Multi` characters, their folded form. */
const MULTI = new Map<number, string>();

function classify(code: number): number {
  // Lone surrogates (emoji, rare scripts) are treated as symbols: no alias contains them.
  if (code >= 0xd800 && code <= 0xdfff) return CharClass.Punct;
  const ch = String.fromCharCode(code);
  if (IGNORABLE.test(ch)) return CharClass.Ignore;
  if (SPACES.test(ch) || DASHES.test(ch)) return CharClass.Space;
  if (APOSTROPHES.test(ch)) return CharClass.Apostrophe;
  if (!WORD_CHAR.test(ch)) return CharClass.Punct;
  const decomposed = ch.normalize('NFD');
  // Only decompose to strip diacritics: characters whose decomposition has no mark (Hangul) stay whole.
  const base = /\p{M}/u.test(decomposed) ? decomposed.replace(MARKS, '') : ch;
  // Lower-casing can bring marks back (`İ` → `i̇`): strip those too.
  const lower = base.toLowerCase();
  const lowerDecomposed = lower.normalize('NFD');
  const folded = /\p{M}/u.test(lowerDecomposed) ? lowerDecomposed.replace(MARKS, '') : lower;
  if (folded.length === 1) {
    const f = folded.charCodeAt(0);
    return f < 6 ? CharClass.Punct : f;
  }
  if (folded.length === 0) return CharClass.Ignore;
  MULTI.set(code, folded);
  return CharClass.Multi;
}

/** The class or folded code of a UTF-16 unit (see `CharClass`). */
export function foldCode(code: number): number {
  const v = FOLD[code] as number;
  if (v !== CharClass.Unknown) return v;
  const c = classify(code);
  FOLD[code] = c;
  return c;
}

/** The folded form of a `CharClass.Multi` character. */
export function multiFold(code: number): string {
  return MULTI.get(code) ?? '';
}

/** Whether a folded value is a word character (letter or digit). */
export function isWordFold(v: number): boolean {
  return v >= CharClass.Multi;
}

/**
 * Normalised text plus, for each of its characters, the raw offset it came from. `map` has one extra
 * entry: the raw offset just past the last character folded into the text, so that a normalised span
 * [a, b) maps back to the raw span [map[a], map[b - 1] + 1) or, for spans ending at the text's end, map[b].
 */
export interface MappedText {
  text: string;
  map: Int32Array;
}

function fold(raw: string, start: number, end: number, withMap: boolean): MappedText {
  // Worst case is a few chars out per char in (Multi folds); grow on demand.
  let map = withMap ? new Int32Array(end - start + 1) : new Int32Array(0);
  const out: string[] = [];
  let n = 0;
  let pendingSpace = -1;
  const push = (s: string, at: number) => {
    for (let k = 0; k < s.length; k++) {
      if (withMap) {
        if (n + 1 >= map.length) {
          const bigger = new Int32Array(map.length * 2 + 8);
          bigger.set(map);
          map = bigger;
        }
        map[n] = at;
      }
      out.push(s[k] as string);
      n++;
    }
  };
  for (let i = start; i < end; i++) {
    const v = foldCode(raw.charCodeAt(i));
    if (v === CharClass.Ignore) continue;
    if (v === CharClass.Space) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      if (n > 0) push(' ', pendingSpace);
      pendingSpace = -1;
    }
    if (v === CharClass.Apostrophe) push("'", i);
    else if (v === CharClass.Punct) push(raw[i] as string, i);
    else if (v === CharClass.Multi) push(multiFold(raw.charCodeAt(i)), i);
    else push(String.fromCharCode(v), i);
  }
  if (withMap) {
    // End sentinel: just past the last raw char that produced output (trailing spaces are trimmed).
    const last = n > 0 ? (map[n - 1] as number) + 1 : start;
    if (n >= map.length) {
      const bigger = new Int32Array(n + 1);
      bigger.set(map);
      map = bigger;
    }
    map[n] = last;
    map = map.subarray(0, n + 1);
  }
  return { text: out.join(''), map };
}

/**
 * Normalise an alias or a phrase for matching: lower-case, diacritics stripped, apostrophes folded to
 * `'`, dashes and all spaces folded to one space, soft hyphens and zero-width characters removed,
 * trimmed.
 */
export function normaliseForMatch(s: string): string {
  return fold(s, 0, s.length, false).text;
}

/**
 * Normalise a slice of page text, keeping for each normalised character the raw offset it came from,
 * so that matches found in the normalised text can be turned into DOM Ranges.
 */
export function normaliseWithMap(raw: string, start = 0, end = raw.length): MappedText {
  return fold(raw, start, end, true);
}

/** Raw span [start, end) covered by the normalised span [a, b) of a `MappedText`. */
export function rawSpan(m: MappedText, a: number, b: number): [number, number] {
  if (b <= a) return [m.map[a] as number, m.map[a] as number];
  return [m.map[a] as number, (m.map[b - 1] as number) + 1];
}
