// The phrase index: every alias and signal phrase, cut into tokens, in a trie keyed by token id. A scan
// makes one pass over the raw text, hashing each word without allocating; only words that are alias
// tokens (or near misses of one, via the fuzzy layer) are kept, and only those are walked in the trie.
// Matches are whole words by construction, leftmost-longest, and span soft gaps (spaces, dashes,
// apostrophes, what were inline element boundaries) but not punctuation the alias does not have.

import { FUZZY_MIN_LENGTH, type FuzzyData, FuzzyResolver } from './fuzzy';
import { CharClass, FOLD, foldCode, multiFold } from './normalise';
import {
  FNV_OFFSET,
  FNV_PRIME,
  hashToken,
  rawEqualsToken,
  SortedTokens,
  type TokenLookup,
  TokenTable,
} from './tokens';

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

// Module-level copies of imported constants: read once, not through a binding on every use.
const FOLD_TABLE = FOLD;
const UNKNOWN = CharClass.Unknown;
const IGNORE = CharClass.Ignore;
const PUNCT = CharClass.Punct;
const MULTI = CharClass.Multi;
const PRIME = FNV_PRIME;
const OFFSET = FNV_OFFSET;

const FLAG_HARD_GAP = 1;
const FLAG_FUZZY = 2;
/** Marks a kept word whose near-miss resolution is pending. */
const PENDING = -2;

/**
 * A sealed phrase index as plain arrays: what `compileEngine` writes at build time and the content script
 * loads (`PhraseIndex.load`), so no phrase is folded, cut or hashed on the page and nothing `seal()` works
 * out is worked out again. Token ids index `tokens`.
 */
export interface PhraseIndexData {
  /** Folded tokens, by id, in order of their hash (`hashToken`), as `SortedTokens` needs them. */
  tokens: string[];
  /** How many tokens each phrase has: phrase p's are the next `lengths[p]` of `phraseTokens`. */
  lengths: number[];
  phraseTokens: number[];
  /** Positions in `phraseTokens` whose token follows punctuation (a hard gap). */
  hardAt: number[];
  /** Per phrase: the term it is an alias of, the signal it is, the term it excludes (each -1 if none). */
  term: number[];
  signal: number[];
  exclusion: number[];
  /** The prefilter's source (`prefilterFor`; flags `gi`). */
  prefilter: string;
  fuzzy: FuzzyData;
  /**
   * What loading would otherwise work out from the arrays above (`link()` and the token hashes), written
   * out for a big glossary: a 10,000-term one has over 150,000 tokens and phrases, and the content script
   * loads its engine on every page. Left out for a small one, where bytes in the bundle cost more.
   */
  derived?: {
    hashes: number[];
    rootStart: number[];
    byRoot: number[];
    roots: number[];
    pairBits: number[];
  };
}

export class PhraseIndex {
  /** A hash table while phrases are added; a `SortedTokens` in a loaded index. */
  readonly tokens: TokenLookup;
  private readonly roots: Array<TrieNode | undefined> = [];
  private fuzzy = new FuzzyResolver([], []);

  // Reused buffers for the words a scan keeps (alias tokens and fuzzy candidates).
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  private ids = new Int32Array(256);
  private ords = new Int32Array(256);
  private hashes = new Int32Array(256);
  private flags = new Uint8Array(256);

  // The phrases, in flat arrays (a big glossary has hundreds of thousands: no object per phrase).
  // Phrase p has token ids phraseTokens[phraseAt[p] .. phraseAt[p + 1]), hard gaps likewise.
  private phraseCount = 0;
  private phraseAt = new Int32Array(1024);
  private phraseTokens = new Int32Array(4096);
  private phraseHard = new Uint8Array(4096);
  private phraseTerm = new Int32Array(1024);
  private phraseSignal = new Int32Array(1024);
  private phraseExclusion = new Int32Array(1024);
  /**
   * Phrases by first token (set by `seal()`): token t's are `byRoot[rootStart[t] .. rootStart[t + 1])`, in
   * the order they were added.
   */
  private rootStart = new Int32Array(1);
  private byRoot = new Int32Array(0);
  /** Per token id: 1 if it is a word of some term's alias (a near miss may resolve to it). */
  private nearMissTarget = new Uint8Array(1024);
  /** Per token id: 0 if no phrase starts with it, 1 if one is that word alone, 2 if all go on. */
  private isRoot = new Uint8Array(0);
  /** Finds the words worth hashing (see `prefilterFor`). */
  private prefilter = /$^/g;
  /** Bit set over `pairKey(a, b)` for two tokens that follow each other in some phrase. */
  private pairBits = new Uint32Array(0);
  private pairMask = 0;

  constructor(expectedTokens = 16, tokens: TokenLookup = new TokenTable(expectedTokens)) {
    this.tokens = tokens;
  }

  /** Adds a token (folded word characters) before any phrase uses it, fixing its id; returns the id. */
  addToken(token: string): number {
    if (!(this.tokens instanceof TokenTable)) throw new Error('phrase index: a loaded index is sealed');
    const id = this.tokens.add(token);
    if (id >= this.nearMissTarget.length) this.growPerToken();
    return id;
  }

  /**
   * The sealed index as plain arrays (see `PhraseIndexData`); `derived` adds what loading would work
   * out. Call after `seal()`.
   */
  export(derived = false): PhraseIndexData {
    if (this.isRoot.length !== this.tokens.strings.length)
      throw new Error('phrase index: export before seal');
    const count = this.phraseCount;
    const end = this.phraseAt[count] as number;
    const hardAt: number[] = [];
    for (let k = 0; k < end; k++) if (this.phraseHard[k]) hardAt.push(k);
    return {
      tokens: this.tokens.strings.slice(),
      lengths: Array.from(this.phraseAt.subarray(1, count + 1), (at, p) => at - (this.phraseAt[p] as number)),
      phraseTokens: Array.from(this.phraseTokens.subarray(0, end)),
      hardAt,
      term: Array.from(this.phraseTerm.subarray(0, count)),
      signal: Array.from(this.phraseSignal.subarray(0, count)),
      exclusion: Array.from(this.phraseExclusion.subarray(0, count)),
      prefilter: this.prefilter.source,
      fuzzy: this.fuzzy.export(),
      ...(derived
        ? {
            derived: {
              hashes: this.tokens.strings.map(hashToken),
              rootStart: Array.from(this.rootStart),
              byRoot: Array.from(this.byRoot),
              roots: Array.from(this.isRoot),
              pairBits: Array.from(this.pairBits),
            },
          }
        : {}),
    };
  }

  /**
   * A sealed index from `export()`ed data: typed-array copies and a few passes over typed arrays (none
   * when the derived tables come with the data), nothing folded, cut or inserted into a hash table. The
   * content script loads its engine on every page, and a 10,000-term glossary has over 150,000 tokens.
   */
  static load(data: PhraseIndexData): PhraseIndex {
    const derived = data.derived;
    const hashes = derived ? derived.hashes : data.tokens.map(hashToken);
    const index = new PhraseIndex(0, new SortedTokens(data.tokens, hashes));
    const count = data.term.length;
    const at = new Int32Array(count + 1);
    for (let p = 0; p < count; p++) at[p + 1] = (at[p] as number) + (data.lengths[p] as number);
    if (at[count] !== data.phraseTokens.length) throw new Error('phrase index data: lengths do not add up');
    index.phraseAt = at;
    index.phraseTokens = new Int32Array(data.phraseTokens);
    index.phraseHard = new Uint8Array(data.phraseTokens.length);
    for (const k of data.hardAt) index.phraseHard[k] = 1;
    index.phraseTerm = new Int32Array(data.term);
    index.phraseSignal = new Int32Array(data.signal);
    index.phraseExclusion = new Int32Array(data.exclusion);
    index.phraseCount = count;
    if (derived) {
      index.rootStart = new Int32Array(derived.rootStart);
      index.byRoot = new Int32Array(derived.byRoot);
      index.isRoot = new Uint8Array(derived.roots);
      index.pairBits = new Uint32Array(derived.pairBits);
      index.pairMask = derived.pairBits.length * 32 - 1;
    } else {
      index.link();
    }
    index.prefilter = new RegExp(data.prefilter, 'gi');
    index.fuzzy = new FuzzyResolver(index.tokens.strings, data.fuzzy);
    return index;
  }

  /**
   * Adds a normalised phrase (`normaliseForMatch` output): an alias of `term`, a `signal`, an
   * `exclusion` for a term, or several. Call `seal()` after the last one.
   */
  add(phrase: string, term: number, signal: number, exclusion = -1): void {
    const fold = FOLD_TABLE;
    const p = this.phraseCount;
    if (p + 2 >= this.phraseAt.length) this.growPhrases();
    let at = this.phraseAt[p] as number;
    const first = at;
    let hard = false;
    let i = 0;
    const n = phrase.length;
    while (i < n) {
      let v = fold[phrase.charCodeAt(i)] as number;
      if (v === UNKNOWN) v = foldCode(phrase.charCodeAt(i));
      if (v < MULTI && v !== IGNORE) {
        if (v === PUNCT) hard = true;
        i++;
        continue;
      }
      const start = i;
      let h = OFFSET;
      let len = 0;
      while (i < n) {
        const code = phrase.charCodeAt(i);
        let w = fold[code] as number;
        if (w === UNKNOWN) w = foldCode(code);
        if (w > MULTI) {
          h = Math.imul(h ^ w, PRIME);
          len++;
        } else if (w === MULTI) {
          const m = multiFold(code);
          for (let k = 0; k < m.length; k++) h = Math.imul(h ^ m.charCodeAt(k), PRIME);
          len += m.length;
        } else if (w !== IGNORE) {
          break;
        }
        i++;
      }
      if (len === 0) continue;
      if (!(this.tokens instanceof TokenTable)) throw new Error('phrase index: a loaded index is sealed');
      const id = this.tokens.addRange(phrase, start, i, h, len);
      if (at >= this.phraseTokens.length) this.growTokens();
      this.phraseTokens[at] = id;
      this.phraseHard[at] = at > first && hard ? 1 : 0;
      if (id >= this.nearMissTarget.length) this.growPerToken();
      if (term >= 0) this.nearMissTarget[id] = 1;
      at++;
      hard = false;
    }
    if (at === first) return;
    this.phraseAt[p + 1] = at;
    this.phraseTerm[p] = term;
    this.phraseSignal[p] = signal;
    this.phraseExclusion[p] = exclusion;
    this.phraseCount = p + 1;
  }

  /** Builds what the scan needs from the phrases added. */
  seal(): void {
    const count = this.tokens.strings.length;
    this.link();
    const rootWords: string[] = [];
    const targets: number[] = [];
    for (let id = 0; id < count; id++) {
      if (this.nearMissTarget[id]) targets.push(id);
      if (this.isRoot[id]) rootWords.push(this.tokens.strings[id] as string);
    }
    this.fuzzy = new FuzzyResolver(this.tokens.strings, targets);
    const nearMissStarts = new Set<string>();
    for (const id of targets) {
      const token = this.tokens.strings[id] as string;
      if (token.length >= FUZZY_MIN_LENGTH) nearMissStarts.add(token.slice(0, 2));
    }
    this.prefilter = prefilterFor(rootWords, nearMissStarts);
  }

  /**
   * What `seal()` and `load()` both work out from the phrase arrays, in loops over typed arrays only:
   * phrases grouped by first token (a stable counting sort), which tokens start a phrase, and the bit set
   * of tokens that follow each other in some phrase.
   */
  private link(): void {
    const count = this.tokens.strings.length;
    const phrases = this.phraseCount;
    const phraseAt = this.phraseAt;
    const phraseTokens = this.phraseTokens;
    const rootStart = new Int32Array(count + 1);
    for (let p = 0; p < phrases; p++) {
      const r = phraseTokens[phraseAt[p] as number] as number;
      rootStart[r + 1] = (rootStart[r + 1] as number) + 1;
    }
    for (let id = 0; id < count; id++)
      rootStart[id + 1] = (rootStart[id + 1] as number) + (rootStart[id] as number);
    const fill = rootStart.slice(0, count);
    const byRoot = new Int32Array(phrases);
    const isRoot = new Uint8Array(count);
    for (let p = 0; p < phrases; p++) {
      const r = phraseTokens[phraseAt[p] as number] as number;
      byRoot[fill[r] as number] = p;
      fill[r] = (fill[r] as number) + 1;
      // 1: some phrase is this one word; 2: every phrase starting here goes on.
      if ((phraseAt[p + 1] as number) - (phraseAt[p] as number) === 1) isRoot[r] = 1;
      else if (isRoot[r] === 0) isRoot[r] = 2;
    }
    this.rootStart = rootStart;
    this.byRoot = byRoot;
    this.isRoot = isRoot;
    const pairs = (phraseAt[phrases] as number) - phrases;
    let bits = 1024;
    while (bits < pairs * 16) bits *= 2;
    const pairBits = new Uint32Array(bits >>> 5);
    const mask = bits - 1;
    for (let p = 0; p < phrases; p++) {
      const end = phraseAt[p + 1] as number;
      for (let k = (phraseAt[p] as number) + 1; k < end; k++) {
        const b = pairKey(phraseTokens[k - 1] as number, phraseTokens[k] as number) & mask;
        pairBits[b >>> 5] = (pairBits[b >>> 5] as number) | (1 << (b & 31));
      }
    }
    this.pairBits = pairBits;
    this.pairMask = mask;
  }

  private growPhrases(): void {
    const size = this.phraseAt.length * 2;
    const grow32 = (a: Int32Array, fill = 0) => {
      const b = new Int32Array(size).fill(fill);
      b.set(a);
      return b;
    };
    this.phraseAt = grow32(this.phraseAt);
    this.phraseTerm = grow32(this.phraseTerm);
    this.phraseSignal = grow32(this.phraseSignal);
    this.phraseExclusion = grow32(this.phraseExclusion);
  }

  private growTokens(): void {
    const a = new Int32Array(this.phraseTokens.length * 2);
    a.set(this.phraseTokens);
    this.phraseTokens = a;
    const h = new Uint8Array(this.phraseHard.length * 2);
    h.set(this.phraseHard);
    this.phraseHard = h;
  }

  private growPerToken(): void {
    const t = new Uint8Array(this.nearMissTarget.length * 2);
    t.set(this.nearMissTarget);
    this.nearMissTarget = t;
  }

  /**
   * The sub-trie of phrases starting with a token, built the first time a page contains that token: a
   * page meets a handful of a big glossary's first words, so building them all up front is wasted work.
   */
  private root(first: number): TrieNode | undefined {
    const built = this.roots[first];
    if (built) return built;
    if (!this.isRoot[first]) return undefined;
    const root: TrieNode = { term: -1 };
    const to = this.rootStart[first + 1] as number;
    for (let q = this.rootStart[first] as number; q < to; q++) {
      const p = this.byRoot[q] as number;
      let node = root;
      const end = this.phraseAt[p + 1] as number;
      for (let k = (this.phraseAt[p] as number) + 1; k < end; k++) {
        const key = (this.phraseTokens[k] as number) * 2 + (this.phraseHard[k] as number);
        node.children ??= new Map();
        let child = node.children.get(key);
        if (!child) {
          child = { term: -1 };
          node.children.set(key, child);
        }
        node = child;
      }
      const term = this.phraseTerm[p] as number;
      const signal = this.phraseSignal[p] as number;
      const exclusion = this.phraseExclusion[p] as number;
      // Aliases are added first; a phrase that is an alias of two terms keeps the first.
      if (term >= 0 && node.term < 0) node.term = term;
      if (signal >= 0) (node.signals ??= []).push(signal);
      if (exclusion >= 0) (node.excludes ??= []).push(exclusion);
    }
    this.roots[first] = root;
    return root;
  }

  /** Words kept for the trie walk so far: alias tokens and near-miss candidates (for tests and profiling). */
  keptWords = 0;

  /** Typo alignments run so far by the near-miss layer. */
  get alignments(): number {
    return this.fuzzy.alignments;
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
    const fold = FOLD_TABLE;
    const table = this.tokens;
    const fuzzy = this.fuzzy;
    const isRoot = this.isRoot;
    const pairBits = this.pairBits;
    const pairMask = this.pairMask;
    const re = this.prefilter;
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
        const continues =
          lastKept === ord - 1 && (lastId < 0 || (id >= 0 && hasPair(pairBits, pairMask, lastId, id)));
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
      const id = this.fuzzy.resolveHashed(this.hashes[k] as number, text, start, end);
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

function hasPair(bits: Uint32Array, mask: number, a: number, b: number): boolean {
  const key = pairKey(a, b) & mask;
  return ((bits[key >>> 5] as number) & (1 << (key & 31))) !== 0;
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
