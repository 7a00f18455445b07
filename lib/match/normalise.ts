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

/**
 * ASCII without regular expressions: every page is mostly ASCII, and compiling the Unicode property
 * classes below cost about 1–2 ms on each page's first scan. Same answers as `classifyByRules`
 * (normalise.test.ts checks all 128).
 */
function classifyAscii(code: number): number {
  if (code >= 97 && code <= 122) return code; // a–z
  if (code >= 65 && code <= 90) return code + 32; // A–Z
  if (code >= 48 && code <= 57) return code; // 0–9
  if (code === 32 || (code >= 9 && code <= 13) || code === 45) return CharClass.Space;
  if (code === 39) return CharClass.Apostrophe;
  return CharClass.Punct;
}

/**
 * `classifyByRules` for U+0080–U+024F (Latin-1 and Latin Extended-A/B) and U+2000–U+206F (general
 * punctuation), written out: almost every page has curly quotes, dashes or accented letters, and
 * classifying them by rule meant compiling the Unicode property classes and loading the normaliser on
 * each page's first scan. One character per code: the folded letter itself, or a class marker (' ' space,
 * '~' ignore, "'" apostrophe, '#' punctuation). normalise.test.ts checks every code against the rules.
 */
export const LATIN_FOLDS =
  '################################ #########ª##~####²³#µ###¹º#¼½¾#aaaaaaæceeeeiiiiðnooooo#øuuuuyþßaaaaaaæceeeeiiiiðnooooo#øuuuuyþyaaaaaaccccccccddđđeeeeeeeeeegggggggghhħħiiiiiiiiiıĳĳjjkkĸllllllŀŀłłnnnnnnŉŋŋooooooœœrrrrrrssssssssttttŧŧuuuuuuuuuuuuwwyyyzzzzzzſƀɓƃƃƅƅɔƈƈɖɗƌƌƍǝəɛƒƒɠɣƕɩɨƙƙƚƛɯɲƞɵooƣƣƥƥʀƨƨʃƪƫƭƭʈuuʊʋƴƴƶƶʒƹƹƺƻƽƽƾƿǀǁǂǃǆǆǆǉǉǉǌǌǌaaiioouuuuuuuuuuǝaaaaææǥǥggkkooooʒʒjǳǳǳggƕƿnnaaææøøaaaaeeeeiiiioooorrrruuuussttȝȝhhƞȡȣȣȥȥaaeeooooooooyyȴȵȶȷȸȹⱥȼȼƚⱦȿɀɂɂƀʉʌɇɇɉɉɋɋɍɍɏɏ';
export const PUNCTUATION_FOLDS =
  "           ~~~##      ##''##############  ##### ##'############################################ ~###############";

function decodeFold(marker: number): number {
  if (marker === 32) return CharClass.Space;
  if (marker === 126) return CharClass.Ignore;
  if (marker === 39) return CharClass.Apostrophe;
  if (marker === 35) return CharClass.Punct;
  return marker;
}

function classify(code: number): number {
  if (code < 128) return classifyAscii(code);
  if (code < 0x250) return decodeFold(LATIN_FOLDS.charCodeAt(code - 0x80));
  if (code >= 0x2000 && code < 0x2070) return decodeFold(PUNCTUATION_FOLDS.charCodeAt(code - 0x2000));
  return classifyByRules(code);
}

/** The full classification, from Unicode properties (exported for the ASCII fast path's test). */
export function classifyByRules(code: number): number {
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

/**
 * Normalised text plus, for each of its characters, the raw offset it came from. `map` has one extra
 * entry: the raw offset just past the last character folded into the text, so that a normalised span
 * [a, b) maps back to the raw span [map[a], map[b - 1] + 1) or, for spans ending at the text's end, map[b].
 */
export interface MappedText {
  text: string;
  map: Int32Array;
}

// Output buffers reused across calls: normalising must not allocate per character.
let outCodes = new Uint16Array(256);
let outMap = new Int32Array(257);

function ensure(size: number): void {
  if (size < outCodes.length) return;
  let next = outCodes.length * 2;
  while (next <= size) next *= 2;
  const codes = new Uint16Array(next);
  codes.set(outCodes);
  outCodes = codes;
  const map = new Int32Array(next + 1);
  map.set(outMap);
  outMap = map;
}

function codesToString(n: number): string {
  let s = '';
  // Chunked: fromCharCode's argument count is limited.
  for (let k = 0; k < n; k += 8192) {
    s += String.fromCharCode.apply(null, outCodes.subarray(k, Math.min(n, k + 8192)) as unknown as number[]);
  }
  return s;
}

/** Folds raw[start, end) into `outCodes`/`outMap`; returns the normalised length. */
function fold(raw: string, start: number, end: number): number {
  const table = FOLD;
  const { Unknown, Space, Ignore, Apostrophe, Punct, Multi } = CharClass;
  ensure(end - start + 1);
  let n = 0;
  let pendingSpace = -1;
  for (let i = start; i < end; i++) {
    const code = raw.charCodeAt(i);
    let v = table[code] as number;
    if (v === Unknown) v = foldCode(code);
    if (v === Ignore) continue;
    if (v === Space) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      if (n > 0) {
        outCodes[n] = 32;
        outMap[n++] = pendingSpace;
      }
      pendingSpace = -1;
    }
    if (v === Multi) {
      const m = multiFold(code);
      ensure(n + m.length + (end - i));
      for (let k = 0; k < m.length; k++) {
        outCodes[n] = m.charCodeAt(k);
        outMap[n++] = i;
      }
      continue;
    }
    outCodes[n] = v === Apostrophe ? 39 : v === Punct ? code : v;
    outMap[n++] = i;
  }
  // End sentinel: just past the last raw char that produced output (trailing spaces are trimmed).
  outMap[n] = n > 0 ? (outMap[n - 1] as number) + 1 : start;
  return n;
}

/**
 * Normalise an alias or a phrase for matching: lower-case, diacritics stripped, apostrophes folded to
 * `'`, dashes and all spaces folded to one space, soft hyphens and zero-width characters removed,
 * trimmed.
 */
export function normaliseForMatch(s: string): string {
  return codesToString(fold(s, 0, s.length));
}

/**
 * `normaliseForMatch(raw.slice(start, end))` for one word (letters, digits, marks and invisible
 * characters), without the buffers and offset map a phrase needs: the near-miss layer folds each distinct
 * candidate word of a page this way.
 */
export function foldWord(raw: string, start: number, end: number): string {
  const table = FOLD;
  let out = '';
  for (let i = start; i < end; i++) {
    const code = raw.charCodeAt(i);
    let v = table[code] as number;
    if (v === CharClass.Unknown) v = foldCode(code);
    if (v > CharClass.Multi) out += String.fromCharCode(v);
    else if (v === CharClass.Multi) out += multiFold(code);
    else if (v !== CharClass.Ignore) return normaliseForMatch(raw.slice(start, end)); // not one word
  }
  return out;
}

/**
 * Normalise a slice of page text, keeping for each normalised character the raw offset it came from,
 * so that matches found in the normalised text can be turned into DOM Ranges.
 */
export function normaliseWithMap(raw: string, start = 0, end = raw.length): MappedText {
  const n = fold(raw, start, end);
  return { text: codesToString(n), map: outMap.slice(0, n + 1) };
}

/** Raw span [start, end) covered by the normalised span [a, b) of a `MappedText`. */
export function rawSpan(m: MappedText, a: number, b: number): [number, number] {
  if (b <= a) return [m.map[a] as number, m.map[a] as number];
  return [m.map[a] as number, (m.map[b - 1] as number) + 1];
}
