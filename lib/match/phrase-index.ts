// The phrase index: every alias and signal phrase, cut into tokens, in a trie keyed by token id. A scan
// makes one pass over the raw text, hashing each word without allocating; only words that are alias
// tokens (or near misses of one, via the fuzzy layer) are kept, and only those are walked in the trie.
// Matches are whole words by construction, leftmost-longest, and span soft gaps (spaces, dashes,
// apostrophes, what were inline element boundaries) but not punctuation the alias does not have.

import { FUZZY_MIN_LENGTH, FuzzyResolver } from './fuzzy';
import { CharClass, FOLD, foldCode, multiFold, normaliseForMatch } from './normalise';
import { FNV_OFFSET, FNV_PRIME, rawEqualsToken, TokenTable, tokenize } from './tokens';

export interface PhraseEntry {
  /** A normalised phrase (see `normaliseForMatch`). */
  phrase: string;
  /** Index of the term the phrase names, or -1 for a phrase that is only a signal. */
  term: number;
  /** Index of the signal the phrase counts as, or -1. */
  signal: number;
  /** Index of a term whose mentions inside this phrase are not mentions of it ("type coercion"), or -1. */
  exclusion?: number;
}

interface TrieNode {
  /** Keyed by `tokenId * 2 + (hard gap before the token ? 1 : 0)`. */
  children?: Map<number, TrieNode>;
  term: number;
  signals?: number[];
  excludes?: number[];
}

export interface PhraseMatch {
  start: number;
  end: number;
  term: number;
  fuzzy: boolean;
}

export interface PhraseScan {
  readonly matches: readonly PhraseMatch[];
  /** Indices of the signals present (exact matches only). */
  readonly signals: readonly number[];
}

/**
 * Text shorter than this gives no context signals: menu items, tags, country pickers and link lists
 * ("Middle East", "Israel-Gaza war") sit on every page of a site, sports pages included, and say
 * nothing about what the page itself is about. Prose and headlines are longer.
 */
export const MIN_SIGNAL_WORDS = 4;

/** The result of most scans, shared: no allocation for text without candidates. */
const NOTHING: PhraseScan = Object.freeze({
  matches: Object.freeze([]),
  signals: Object.freeze([]),
}) as PhraseScan;

const IGNORE = CharClass.Ignore;
const MULTI = CharClass.Multi;

const FLAG_HARD_GAP = 1;
const FLAG_FUZZY = 2;
/** Marks a kept word whose near-miss resolution is pending. */
const PENDING = -2;

export class PhraseIndex {
  readonly tokens = new TokenTable();
  private readonly roots: Array<TrieNode | undefined> = [];
  private readonly fuzzy: FuzzyResolver;

  // Reused buffers for the words a scan keeps (alias tokens and fuzzy candidates).
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  private ids = new Int32Array(256);
  private ords = new Int32Array(256);
  private hashes = new Int32Array(256);
  private flags = new Uint8Array(256);

  /** Per first-token id, the entries (with their token ids) whose sub-trie is not built yet. */
  private readonly unbuilt: Array<Array<[PhraseEntry, number[], boolean[]]> | undefined> = [];
  /** Per token id: 0 if no phrase starts with it, 1 if one is that word alone, 2 if all go on. */
  private readonly isRoot: Uint8Array;
  /** Finds the words worth hashing (see `prefilterFor`). */
  private readonly prefilter: RegExp;
  /** `pairKey(a, b)` for every two tokens that follow each other in some phrase. */
  private readonly pairs = new Set<number>();

  constructor(entries: PhraseEntry[]) {
    const fuzzyTargets = new Map<number, string>();
    for (const entry of entries) {
      const { tokens, hardGap } = tokenize(entry.phrase);
      if (tokens.length === 0) continue;
      const ids = tokens.map((t) => this.tokens.add(t));
      const first = ids[0] as number;
      (this.unbuilt[first] ??= []).push([entry, ids, hardGap]);
      for (let k = 1; k < ids.length; k++) this.pairs.add(pairKey(ids[k - 1] as number, ids[k] as number));
      if (entry.term >= 0) tokens.forEach((t, k) => fuzzyTargets.set(ids[k] as number, t));
    }
    this.fuzzy = new FuzzyResolver([...fuzzyTargets]);
    this.isRoot = new Uint8Array(this.tokens.strings.length);
    const rootWords: string[] = [];
    this.unbuilt.forEach((pending, first) => {
      if (!pending) return;
      // 1: some phrase is this one word; 2: every phrase starting here goes on.
      this.isRoot[first] = pending.some(([, ids]) => ids.length === 1) ? 1 : 2;
      rootWords.push(this.tokens.strings[first] as string);
    });
    const nearMissStarts = new Set<string>();
    for (const token of fuzzyTargets.values()) {
      if (token.length >= FUZZY_MIN_LENGTH) nearMissStarts.add(token.slice(0, 2));
    }
    this.prefilter = prefilterFor(rootWords, nearMissStarts);
  }

  /**
   * The sub-trie of phrases starting with a token, built the first time a page contains that token: a
   * page meets a handful of a big glossary's first words, so building them all up front is wasted work.
   */
  private root(first: number): TrieNode | undefined {
    const built = this.roots[first];
    if (built) return built;
    const pending = this.unbuilt[first];
    if (!pending) return undefined;
    const root: TrieNode = { term: -1 };
    for (const [entry, ids, hardGap] of pending) {
      let node = root;
      for (let k = 1; k < ids.length; k++) {
        const key = (ids[k] as number) * 2 + (hardGap[k] ? 1 : 0);
        node.children ??= new Map();
        let child = node.children.get(key);
        if (!child) {
          child = { term: -1 };
          node.children.set(key, child);
        }
        node = child;
      }
      // Entries arrive with aliases first; a phrase that is an alias of two terms keeps the first.
      if (entry.term >= 0 && node.term < 0) node.term = entry.term;
      if (entry.signal >= 0) (node.signals ??= []).push(entry.signal);
      if (entry.exclusion !== undefined && entry.exclusion >= 0) (node.excludes ??= []).push(entry.exclusion);
    }
    this.roots[first] = root;
    this.unbuilt[first] = undefined;
    return root;
  }

  /** Words kept for the trie walk so far: alias tokens and near-miss candidates (for tests and profiling). */
  keptWords = 0;

  /** Fuse searches run so far by the near-miss layer. */
  get fuzzySearches(): number {
    return this.fuzzy.searches;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const grown = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
    this.ids = grown(this.ids);
    this.ords = grown(this.ords);
    this.hashes = grown(this.hashes);
    const f = new Uint8Array(size);
    f.set(this.flags);
    this.flags = f;
  }

  /**
   * Pass 1: keep alias tokens and near-miss candidates. The prefilter regex (native code, no allocation
   * with `test`) jumps to words that start like a phrase or a near-miss target; from there words are
   * hashed one by one for as long as each is kept, so phrases are followed word to word.
   */
  private collect(text: string): number {
    // Locals, not module bindings: in CommonJS-transpiled code (tsx, Vitest) every imported binding read
    // is a getter call, which would cost more than the rest of this loop.
    const fold = FOLD;
    const table = this.tokens;
    const fuzzy = this.fuzzy;
    const isRoot = this.isRoot;
    const pairs = this.pairs;
    const re = this.prefilter;
    const UNKNOWN = CharClass.Unknown;
    const IGNORE = CharClass.Ignore;
    const PUNCT = CharClass.Punct;
    const MULTI = CharClass.Multi;
    const PRIME = FNV_PRIME;
    const OFFSET = FNV_OFFSET;
    const n = text.length;
    let kept = 0;
    // Word ordinals only need to tell adjacent words apart: each run starts two past the last one.
    let ord = 0;
    let lastKept = -2;
    let lastId = -1;
    let dangling = false;
    let pos = 0;
    re.lastIndex = 0;
    while (re.test(text)) {
      let i = re.lastIndex - 1;
      if (i < pos) {
        re.lastIndex = pos;
        continue;
      }
      // Back to the start of the word the hit is in (a hit can be an accent or a soft hyphen mid-word).
      while (i > pos) {
        let v = fold[text.charCodeAt(i - 1)] as number;
        if (v === UNKNOWN) v = foldCode(text.charCodeAt(i - 1));
        if (v < MULTI && v !== IGNORE) break;
        i--;
      }
      ord += 2;
      let hard = false;
      let first = true;
      for (;;) {
        // Skip the gap before the word, noting punctuation.
        while (i < n) {
          let v = fold[text.charCodeAt(i)] as number;
          if (v === UNKNOWN) v = foldCode(text.charCodeAt(i));
          if (v >= MULTI) break;
          if (v === PUNCT) hard = true;
          i++;
        }
        if (i >= n) break;
        const start = i;
        let end = i;
        let h = OFFSET;
        let len = 0;
        while (i < n) {
          const code = text.charCodeAt(i);
          let w = fold[code] as number;
          if (w === UNKNOWN) w = foldCode(code);
          if (w > MULTI) {
            h = Math.imul(h ^ w, PRIME);
            len++;
            end = ++i;
          } else if (w === IGNORE) {
            i++;
          } else if (w === MULTI) {
            const m = multiFold(code);
            for (let k = 0; k < m.length; k++) h = Math.imul(h ^ m.charCodeAt(k), PRIME);
            len += m.length;
            end = ++i;
          } else {
            break;
          }
        }
        const id = table.lookup(h, len);
        // Keep a word that can start a phrase, continue one (its neighbour was kept and some phrase has
        // the two in a row), or be a near miss. "of" and "the" are alias tokens, but here they are dropped.
        const continues = lastKept === ord - 1 && (lastId < 0 || (id >= 0 && pairs.has(pairKey(lastId, id))));
        const nearMiss =
          id < 0 &&
          len >= FUZZY_MIN_LENGTH &&
          fuzzy.mayMatch(firstFolded(text, start, 0), firstFolded(text, start, 1), len);
        const keep = id >= 0 ? isRoot[id] !== 0 || continues : nearMiss;
        // A first word that needs a next one ("talks" of "talks with Iran") is dropped when this word
        // cannot be that next one (a near miss might be).
        if (dangling && !continues && !nearMiss) kept--;
        dangling = keep && !continues && id >= 0 && isRoot[id] === 2;
        if (keep) {
          lastKept = ord;
          lastId = id;
          if (kept === this.starts.length) this.grow();
          this.starts[kept] = start;
          this.ends[kept] = end;
          this.ids[kept] = id >= 0 ? id : PENDING;
          this.ords[kept] = ord;
          this.hashes[kept] = h;
          this.flags[kept] = hard && !first ? FLAG_HARD_GAP : 0;
          kept++;
        }
        ord++;
        hard = false;
        first = false;
        if (!keep) break;
      }
      if (dangling) kept--;
      dangling = false;
      pos = i;
      if (re.lastIndex < pos) re.lastIndex = pos;
      if (i >= n) break;
    }
    return kept;
  }

  /** Pass 2: resolve near-miss candidates through the fuzzy layer's per-word cache. */
  private resolvePending(text: string, kept: number): void {
    for (let k = 0; k < kept; k++) {
      if (this.ids[k] !== PENDING) continue;
      const start = this.starts[k] as number;
      const end = this.ends[k] as number;
      const id = this.fuzzy.resolveHashed(this.hashes[k] as number, () =>
        normaliseForMatch(text.slice(start, end)),
      );
      this.ids[k] = id;
      if (id >= 0) this.flags[k] = (this.flags[k] as number) | FLAG_FUZZY;
    }
  }

  /** Whether kept word k really is its token (exact words: guard against hash collisions). */
  private verified(text: string, k: number): boolean {
    if ((this.flags[k] as number) & FLAG_FUZZY) return true;
    const token = this.tokens.strings[this.ids[k] as number] as string;
    return rawEqualsToken(text, this.starts[k] as number, this.ends[k] as number, token);
  }

  scan(text: string): PhraseScan {
    const kept = this.collect(text);
    this.keptWords += kept;
    if (kept === 0) return NOTHING;
    const matches: PhraseMatch[] = [];
    // Signals found, as [signal, start, end, term the phrase is an alias of (or -1)] quadruples.
    const signalSpans: number[] = [];
    this.resolvePending(text, kept);

    const { ids, ords, flags } = this;
    // Spans of exclusion phrases found, as [start, end, term] triples.
    const excluded: number[] = [];
    let freeFrom = 0;
    for (let k = 0; k < kept; k++) {
      const first = ids[k] as number;
      if (first < 0) continue;
      let node = this.roots[first] ?? this.root(first);
      if (!node) continue;
      // Words are checked against their token (hash collisions) only on the way to a result.
      let verifiedTo = k - 1;
      let fuzzyCount = (flags[k] as number) & FLAG_FUZZY ? 1 : 0;
      let bestJ = -1;
      let bestTerm = -1;
      let bestFuzzy = false;
      let j = k;
      for (;;) {
        if (node.term >= 0 || node.signals || node.excludes) {
          while (verifiedTo < j && this.verified(text, verifiedTo + 1)) verifiedTo++;
          if (verifiedTo < j) break;
        }
        if (node.term >= 0 && acceptable(fuzzyCount)) {
          bestJ = j;
          bestTerm = node.term;
          bestFuzzy = fuzzyCount > 0;
        }
        // A near miss of a term's alias ("Abraham Acords") is evidence like the alias; a near miss of a
        // plain signal phrase is not looked for.
        if (node.signals && (fuzzyCount === 0 || (node.term >= 0 && acceptable(fuzzyCount)))) {
          for (const s of node.signals)
            signalSpans.push(s, this.starts[k] as number, this.ends[j] as number, node.term);
        }
        if (fuzzyCount === 0) {
          if (node.excludes) {
            for (const t of node.excludes) excluded.push(this.starts[k] as number, this.ends[j] as number, t);
          }
        }
        const next = j + 1;
        if (!node.children || next >= kept || ords[next] !== (ords[j] as number) + 1) break;
        const nextId = ids[next] as number;
        if (nextId < 0) break;
        const child = node.children.get(nextId * 2 + ((flags[next] as number) & FLAG_HARD_GAP));
        if (!child) break;
        node = child;
        j = next;
        if ((flags[j] as number) & FLAG_FUZZY) fuzzyCount++;
      }
      const start = this.starts[k] as number;
      if (bestTerm >= 0 && start >= freeFrom) {
        const end = this.ends[bestJ] as number;
        matches.push({ start, end, term: bestTerm, fuzzy: bestFuzzy });
        freeFrom = end;
      }
    }
    const signals: number[] = [];
    if (signalSpans.length > 0 && hasWords(text, MIN_SIGNAL_WORDS)) {
      for (let q = 0; q < signalSpans.length; q += 4) {
        const s = signalSpans[q] as number;
        // "normalization" inside "batch normalization" is neither a mention of the term nor evidence.
        const span = {
          start: signalSpans[q + 1] as number,
          end: signalSpans[q + 2] as number,
          term: signalSpans[q + 3] as number,
        };
        if (!signals.includes(s) && !(span.term >= 0 && inside(span, excluded))) signals.push(s);
      }
    }
    return {
      matches: excluded.length ? matches.filter((m) => !inside(m, excluded)) : matches,
      signals,
    };
  }
}

const LETTER_MARKS = '\\u00AD\\u00C0-\\u024F\\u0300-\\u036F\\u200B-\\u200D\\u2060\\uFEFF';

/**
 * The prefilter, one case-insensitive regex: a word boundary and the first three letters of a word that
 * starts a phrase (two for a very big glossary, to keep the regex small); a word boundary, the first two
 * letters of a near-miss target and four more letters (near misses are six letters or more); or any
 * accented letter, soft hyphen, zero-width character or combining mark, after which the scanner walks back
 * to the word's start, so that "Émirats", "e\u0301mirats" and "n\u00ADormalisation" are not skipped.
 */
function prefilterFor(rootWords: string[], nearMissStarts: Set<string>): RegExp {
  let roots = new Set(rootWords.map((w) => w.slice(0, 3)));
  if (roots.size > 1000) roots = new Set(rootWords.map((w) => w.slice(0, 2)));
  const ascii = (set: Iterable<string>) => [...set].filter((s) => /^[a-z0-9]+$/.test(s));
  const parts = [`[${LETTER_MARKS}]`];
  const asciiRoots = ascii(roots);
  if (asciiRoots.length) parts.push(`\\b(?:${asciiRoots.join('|')})`);
  const asciiStarts = ascii(nearMissStarts);
  if (asciiStarts.length) parts.push(`\\b(?:${asciiStarts.join('|')})[a-z]{${FUZZY_MIN_LENGTH - 2}}`);
  // Other scripts: \b only knows ASCII words; the scanner checks the word start itself.
  for (const s of roots) if (!/^[a-z0-9]+$/.test(s)) parts.push(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('|'), 'gi');
}

/** A 30-bit key for two token ids in a row (a collision only keeps a word that could be dropped). */
function pairKey(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ b) & 0x3fffffff;
}

/** Whether the text has at least `count` words. */
function hasWords(text: string, count: number): boolean {
  const fold = FOLD;
  const multi = CharClass.Multi;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let v = fold[text.charCodeAt(i)] as number;
    if (v === 0) v = foldCode(text.charCodeAt(i));
    const word = v >= multi;
    if (word && !inWord && ++words >= count) return true;
    inWord = word;
  }
  return false;
}

/** The folded code of the k-th word character from `start` (k is 0 or 1; the word has at least k + 1). */
function firstFolded(text: string, start: number, k: number): number {
  const fold = FOLD;
  for (let i = start; ; i++) {
    let v = fold[text.charCodeAt(i)] as number;
    if (v === 0) v = foldCode(text.charCodeAt(i));
    if (v === IGNORE) continue;
    if (k === 0) return v === MULTI ? multiFold(text.charCodeAt(i)).charCodeAt(0) : v;
    k--;
  }
}

function inside(m: { start: number; end: number; term: number }, excluded: number[]): boolean {
  for (let e = 0; e < excluded.length; e += 3) {
    if (
      excluded[e + 2] === m.term &&
      (excluded[e] as number) <= m.start &&
      m.end <= (excluded[e + 1] as number)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * At most one near miss per match: a one-word alias, or one word of a longer alias whose other words
 * are exact ("Abraham Acords", never "Abrahm Acords", which is too far to be sure).
 */
function acceptable(fuzzyCount: number): boolean {
  return fuzzyCount <= 1;
}
