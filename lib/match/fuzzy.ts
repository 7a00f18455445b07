// The near-miss layer: a page word that is not an exact alias token but looks like one (same first two
// letters, similar length, long enough to be a deliberate word) is resolved to the alias token sharing
// its first two letters that is fewest typing slips away (`editDistance`). Results are cached per
// distinct word, so a word seen a thousand times is resolved once.
//
// Fuse.js used to rank the candidates here. It no longer does: the typo distance has to be computed
// anyway to reject Bitap's false friends (a word inside a longer token), so Fuse's ranking only added
// cost, and on a fresh page that cost was large: building a bucket's Fuse index and running its code for
// the first time took 2–4 ms of a 15–25 ms scan on news pages (CPU profiles, `npm run bench -- --profile`).
// Fuse stays where ranking is the point: the popup's search and "Explain selection" (lib/search.ts).
import { foldWord } from './normalise';

/** Shorter words are left alone: a one-letter slip in a short word is usually another word ("Iraq"). */
export const FUZZY_MIN_LENGTH = 6;

/** Edits allowed between a page word and an alias token: one, two for long words. */
export function maxEdits(length: number): number {
  return length >= 12 ? 2 : 1;
}

const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const VOWELS = 'aeiouy';

/**
 * Which letter pairs a typist plausibly swaps: neighbours on a QWERTY keyboard, and vowel for vowel (the
 * commonest misspelling). Other substitutions ("lineage" for "linkage") are far likelier to be a
 * different word than a slip, so they cost two edits.
 */
const NEAR = (() => {
  const near = new Uint8Array(26 * 26);
  const set = (a: string, b: string) => {
    const i = a.charCodeAt(0) - 97;
    const j = b.charCodeAt(0) - 97;
    near[i * 26 + j] = 1;
    near[j * 26 + i] = 1;
  };
  KEY_ROWS.forEach((row, r) => {
    for (let k = 0; k < row.length; k++) {
      const c = row[k] as string;
      if (k + 1 < row.length) set(c, row[k + 1] as string);
      // Staggered rows: a key touches the two keys below it.
      const below = KEY_ROWS[r + 1];
      if (below) for (const d of [k - 1, k]) if (d >= 0 && d < below.length) set(c, below[d] as string);
    }
  });
  for (const a of VOWELS) for (const b of VOWELS) if (a !== b) set(a, b);
  return near;
})();

function substitutionCost(a: number, b: number): number {
  if (a === b) return 0;
  const i = a - 97;
  const j = b - 97;
  return i >= 0 && i < 26 && j >= 0 && j < 26 && NEAR[i * 26 + j] ? 1 : 2;
}

/** Rows reused by `editDistance` (grown on demand): aligning a word allocates nothing. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Typo distance: optimal string alignment (insertions, deletions, adjacent transpositions) where a
 * substitution costs 1 only between plausibly confused letters (see `NEAR`), else 2. Capped at `cap + 1`.
 */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const n = b.length;
  if (n + 1 > rowA.length) {
    rowA = new Int32Array(2 * (n + 1));
    rowB = new Int32Array(2 * (n + 1));
    rowC = new Int32Array(2 * (n + 1));
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = substitutionCost(ca, cb);
      let d = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      if (ins < d) d = ins;
      const sub = (prev[j - 1] as number) + cost;
      if (sub < d) d = sub;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = (prev2[j - 2] as number) + 1;
        if (tr < d) d = tr;
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > cap) return cap + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[n] as number;
  return d < cap + 1 ? d : cap + 1;
}

/** Bucket of a folded char code for the two-letter prefilter: a–z are 0–25, anything else 26. */
function letterBucket(code: number): number {
  return code >= 97 && code <= 122 ? code - 97 : 26;
}

function prefixKey(c0: number, c1: number): number {
  return letterBucket(c0) * 27 + letterBucket(c1);
}

function letterSet(word: string): number {
  let set = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) set |= 1 << c;
  }
  return set;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

const CACHE_LIMIT = 50_000;

/** What the resolver works out from the tokens up front, as plain arrays (compiled at build time). */
export interface FuzzyData {
  lengthMasks: number[];
  bucketAt: number[];
  order: number[];
  /** Per position in `order`, its token's letters a–z as bits. */
  letters: number[];
}

export class FuzzyResolver {
  /** Per two-letter prefix, a bit mask of the page-word lengths (capped at 31) worth a closer look. */
  private readonly lengthMasks: Uint32Array;
  /** Word hash → resolved token id (or -1). Positive hits are confirmed against `cachedWords`. */
  private readonly cache = new Map<number, number>();
  private readonly cachedWords = new Map<number, string>();
  /** Alignments (`editDistance` runs) so far: the per-word cost the cheap checks exist to avoid. */
  alignments = 0;

  private readonly strings: readonly string[];
  /**
   * Target ids by prefix key, each bucket shortest first: bucket `key` is
   * `order[bucketAt[key] .. bucketAt[key + 1])`. Worked out once (at build time for a compiled engine), so
   * a page pays nothing per bucket.
   */
  private readonly order: Int32Array;
  private readonly bucketAt: Int32Array;
  /** Per position in `order`, its token's set of letters a–z as bits. */
  private readonly letters: Int32Array;

  /**
   * `strings`: token id → token; `ids`: the tokens a typo may resolve to, or the `FuzzyData` `export()`
   * gave for them (a compiled engine: then nothing is worked out here).
   */
  constructor(strings: readonly string[], ids: readonly number[] | FuzzyData) {
    this.strings = strings;
    if (!Array.isArray(ids)) {
      const data = ids as FuzzyData;
      this.lengthMasks = new Uint32Array(data.lengthMasks);
      this.bucketAt = new Int32Array(data.bucketAt);
      this.order = new Int32Array(data.order);
      this.letters = new Int32Array(data.letters);
      return;
    }
    this.lengthMasks = new Uint32Array(27 * 27);
    this.bucketAt = new Int32Array(27 * 27 + 1);
    const keys = new Int32Array(ids.length).fill(-1);
    ids.forEach((id, i) => {
      const token = strings[id] as string;
      if (token.length < FUZZY_MIN_LENGTH) return;
      const key = prefixKey(token.charCodeAt(0), token.charCodeAt(1));
      // Letters only: digits and non-Latin letters land in bucket 26, where typos are not our business.
      if (key % 27 === 26 || key >= 26 * 27) return;
      keys[i] = key;
      this.bucketAt[key + 1] = (this.bucketAt[key + 1] as number) + 1;
      const slack = maxEdits(token.length);
      for (let len = token.length - slack; len <= token.length + slack; len++) {
        if (len >= FUZZY_MIN_LENGTH)
          this.lengthMasks[key] = (this.lengthMasks[key] as number) | (1 << Math.min(len, 31));
      }
    });
    for (let k = 1; k < this.bucketAt.length; k++) {
      this.bucketAt[k] = (this.bucketAt[k] as number) + (this.bucketAt[k - 1] as number);
    }
    this.order = new Int32Array(this.bucketAt[this.bucketAt.length - 1] as number);
    const fill = this.bucketAt.slice(0, -1);
    ids.forEach((id, i) => {
      const key = keys[i] as number;
      if (key < 0) return;
      this.order[fill[key] as number] = id;
      fill[key] = (fill[key] as number) + 1;
    });
    // Each bucket shortest first (then by id), so a word is compared only with the lengths near its own.
    for (let key = 0; key < 27 * 27; key++) {
      const from = this.bucketAt[key] as number;
      const to = this.bucketAt[key + 1] as number;
      if (to - from > 1) {
        this.order
          .subarray(from, to)
          .sort((a, b) => (strings[a] as string).length - (strings[b] as string).length || a - b);
      }
    }
    this.letters = Int32Array.from(this.order, (id) => letterSet(strings[id] as string));
  }

  /** The length masks, bucket order and letter sets, for `new FuzzyResolver(strings, data)` elsewhere. */
  export(): FuzzyData {
    return {
      lengthMasks: Array.from(this.lengthMasks),
      bucketAt: Array.from(this.bucketAt),
      order: Array.from(this.order),
      letters: Array.from(this.letters),
    };
  }

  /** The cheap prefilter, run in the scanner's hot loop: first two folded letters and length. */
  mayMatch(c0: number, c1: number, length: number): boolean {
    if (length < FUZZY_MIN_LENGTH) return false;
    const mask = this.lengthMasks[prefixKey(c0, c1)] as number;
    return (mask & (1 << (length > 31 ? 31 : length))) !== 0;
  }

  /** Cached resolution of the page word `text[start, end)` by its scanner hash `h`. */
  resolveHashed(h: number, text: string, start: number, end: number): number {
    const hit = this.cache.get(h);
    if (hit !== undefined) {
      if (hit < 0) return hit;
      const w = foldWord(text, start, end);
      if (this.cachedWords.get(h) === w) return hit;
      return this.resolve(w);
    }
    const w = foldWord(text, start, end);
    const id = this.resolve(w);
    if (this.cache.size >= CACHE_LIMIT) {
      this.cache.clear();
      this.cachedWords.clear();
    }
    this.cache.set(h, id);
    if (id >= 0) this.cachedWords.set(h, w);
    return id;
  }

  /**
   * The token of bucket `order[from .. to)` fewest slips from `word`, within the typo budget, or -1. A
   * letter-set check first: a word one edit from a token differs from it in at most two letters of the
   * alphabet ("acords" and "accords": none), so most words sharing a prefix ("according") are dismissed
   * without aligning them. Ties go to the shorter token, then the lower id (a fixed order).
   */
  private nearest(from: number, to: number, word: string): number {
    const letters = letterSet(word);
    const { order, strings } = this;
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    // A bucket is shortest first: skip the tokens too short to be within two edits, stop at the too long.
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((strings[order[mid] as number] as string).length < word.length - 2) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < to; k++) {
      const id = order[k] as number;
      const token = strings[id] as string;
      if (token.length > word.length + 2) break;
      const cap = maxEdits(Math.max(token.length, word.length));
      if (Math.abs(token.length - word.length) > cap) continue;
      if (bitCount(letters ^ (this.letters[k] as number)) > 2 * cap) continue;
      if (token === word) continue;
      this.alignments++;
      const d = editDistance(word, token, cap);
      if (d <= cap && d < bestDistance) {
        best = id;
        bestDistance = d;
        if (d === 1) break; // nothing closer than one slip
      }
    }
    return best;
  }

  /** Token id a folded word is a near miss of, or -1. Uncached. */
  resolve(word: string): number {
    if (word.length < FUZZY_MIN_LENGTH) return -1;
    const key = prefixKey(word.charCodeAt(0), word.charCodeAt(1));
    if (key % 27 === 26 || key >= 26 * 27) return -1;
    const from = this.bucketAt[key] as number;
    const to = this.bucketAt[key + 1] as number;
    return from < to ? this.nearest(from, to, word) : -1;
  }
}
