// Word tokens as the scanner sees them: maximal runs of letters and digits after folding (see
// normalise.ts), hashed with 32-bit FNV-1a over the folded char codes. Apostrophes, spaces and dashes
// are soft gaps between tokens ("Pakistan’s" is `pakistan` + `s`); any other punctuation is a hard gap.

import { CharClass, FOLD, foldCode, multiFold } from './normalise';

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/** A normalised phrase cut into tokens; `hardGap[k]` says whether punctuation separates token k-1 and k. */
export interface TokenizedPhrase {
  tokens: string[];
  hardGap: boolean[];
}

/**
 * Cut a normalised phrase (`normaliseForMatch` output: aliases, signals and exclusions are stored that
 * way) into tokens with the same rules the page scanner applies to raw text.
 */
export function tokenize(norm: string): TokenizedPhrase {
  const { Unknown, Ignore, Space, Apostrophe, Multi } = CharClass;
  const fold = FOLD;
  const tokens: string[] = [];
  const hardGap: boolean[] = [];
  let start = -1;
  let hard = false;
  for (let i = 0; i <= norm.length; i++) {
    let v: number = Space;
    if (i < norm.length) {
      const code = norm.charCodeAt(i);
      v = fold[code] as number;
      if (v === Unknown) v = foldCode(code);
    }
    if (v >= Multi || v === Ignore) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      hardGap.push(tokens.length > 0 && hard);
      tokens.push(norm.slice(start, i));
      start = -1;
      hard = false;
    }
    if (v !== Space && v !== Apostrophe) hard = true;
  }
  return { tokens, hardGap };
}

/** The hash the scanner computes for a token (a string of folded word characters). */
export function hashToken(token: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Whether raw[start, end) folds to exactly `token` (guards against hash collisions, no allocation). */
export function rawEqualsToken(raw: string, start: number, end: number, token: string): boolean {
  const fold = FOLD;
  const { Unknown, Ignore, Multi } = CharClass;
  let k = 0;
  for (let i = start; i < end; i++) {
    const code = raw.charCodeAt(i);
    let v = fold[code] as number;
    if (v === Unknown) v = foldCode(code);
    if (v === Ignore) continue;
    if (v === Multi) {
      const m = multiFold(code);
      if (token.slice(k, k + m.length) !== m) return false;
      k += m.length;
      continue;
    }
    if (token.charCodeAt(k) !== v) return false;
    k++;
  }
  return k === token.length;
}

/**
 * Open-addressing hash table from (token hash, token length) to a token id. A miss costs one or two
 * typed-array reads, which is what most page words cost the scanner. Kept at load factor ≤ 1/4 so that
 * probe chains for misses stay short; no Map, so a big glossary builds without much garbage.
 */
export class TokenTable implements TokenLookup {
  readonly strings: string[] = [];
  private readonly idHashes: number[] = [];
  private hashes: Int32Array;
  private lengths: Uint8Array;
  /** Token id + 1; 0 marks an empty slot. */
  private slots: Int32Array;
  private mask: number;

  /** `expected`: how many tokens will be added (sizes the table once instead of growing it). */
  constructor(expected = 16) {
    let size = 64;
    while (size < expected * 4) size *= 2;
    this.hashes = new Int32Array(size);
    this.lengths = new Uint8Array(size);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /**
   * Id of the token `text[start, end)` whose folded hash and length are `h` and `len`, adding it (as
   * `text.slice(start, end)`) if new. `text` is normalised, so its word characters are already folded.
   */
  addRange(text: string, start: number, end: number, h: number, len: number): number {
    const l = len > 255 ? 255 : len;
    let idx = h & this.mask;
    for (;;) {
      const s = this.slots[idx] as number;
      if (s === 0) break;
      if (this.hashes[idx] === h && this.lengths[idx] === l) {
        const known = this.strings[s - 1] as string;
        if (known.length === end - start && text.startsWith(known, start)) return s - 1;
      }
      idx = (idx + 1) & this.mask;
    }
    return this.add(text.slice(start, end));
  }

  /** Id of `token` (a string of folded word characters), adding it if new. */
  add(token: string): number {
    const h = hashToken(token);
    const l = token.length > 255 ? 255 : token.length;
    let idx = h & this.mask;
    for (;;) {
      const s = this.slots[idx] as number;
      if (s === 0) break;
      if (this.hashes[idx] === h && this.lengths[idx] === l && this.strings[s - 1] === token) return s - 1;
      idx = (idx + 1) & this.mask;
    }
    const id = this.strings.length;
    this.strings.push(token);
    this.idHashes.push(h);
    this.hashes[idx] = h;
    this.lengths[idx] = l;
    this.slots[idx] = id + 1;
    if (this.strings.length * 4 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.lengths = new Uint8Array(size);
    this.slots = new Int32Array(size);
    this.strings.forEach((token, id) => {
      const h = this.idHashes[id] as number;
      let idx = h & this.mask;
      while (this.slots[idx] !== 0) idx = (idx + 1) & this.mask;
      this.hashes[idx] = h;
      this.lengths[idx] = token.length > 255 ? 255 : token.length;
      this.slots[idx] = id + 1;
    });
  }

  /** Token id for a hash and length, or -1. The caller verifies real matches with `rawEqualsToken`. */
  lookup(h: number, len: number): number {
    const slots = this.slots;
    const hashes = this.hashes;
    const mask = this.mask;
    const l = len > 255 ? 255 : len;
    let idx = h & mask;
    for (;;) {
      const s = slots[idx] as number;
      if (s === 0) return -1;
      if (hashes[idx] === h && this.lengths[idx] === l) return s - 1;
      idx = (idx + 1) & mask;
    }
  }
}

/** What the scanner needs of a token table: the tokens, and a page word's id by hash and length. */
export interface TokenLookup {
  readonly strings: readonly string[];
  /** Token id for a hash and length, or -1. The caller verifies real matches with `rawEqualsToken`. */
  lookup(h: number, len: number): number;
}

/**
 * A read-only token table for a compiled engine: tokens in order of their hash, with an index over the
 * hashes' top bits. Loading it is a copy and one pass, where a hash table would insert every token (a
 * 10,000-term glossary has over 150,000) on every page.
 */
export class SortedTokens implements TokenLookup {
  readonly strings: readonly string[];
  private readonly hashes: Int32Array;
  /**
   * Where each run of hashes sharing their top bits starts (about one token per run): a lookup reads two
   * slots and compares a token or two, as a hash table would, but building it is one pass.
   */
  private readonly starts: Int32Array;
  private readonly shift: number;

  /** Throws unless `hashes` (each token's `hashToken`) ascend and no token is listed twice. */
  constructor(tokens: readonly string[], hashes: readonly number[]) {
    this.strings = tokens;
    const h = new Int32Array(hashes);
    this.hashes = h;
    if (h.length !== tokens.length) throw new Error('token table: one hash per token is needed');
    let bits = 1;
    while (bits < 24 && 1 << bits < h.length) bits++;
    this.shift = 32 - bits;
    const starts = new Int32Array((1 << bits) + 1);
    let run = 0;
    for (let i = 0; i < h.length; i++) {
      const v = h[i] as number;
      if (i > 0) {
        const prev = h[i - 1] as number;
        if (prev > v) throw new Error(`token table: token ${i} is out of hash order`);
        if (prev === v) {
          for (let j = i - 1; j >= 0 && h[j] === v; j--)
            if (tokens[j] === tokens[i]) throw new Error(`token ${i} is listed twice`);
        }
      }
      // Signed order: the top bits, offset by half, ascend with the hash.
      const b = (v >> this.shift) + (1 << (bits - 1));
      while (run <= b) starts[run++] = i;
    }
    while (run < starts.length) starts[run++] = h.length;
    this.starts = starts;
  }

  lookup(h: number, len: number): number {
    const hashes = this.hashes;
    const b = (h >> this.shift) + ((this.starts.length - 1) >>> 1);
    const to = this.starts[b + 1] as number;
    const l = len > 255 ? 255 : len;
    for (let i = this.starts[b] as number; i < to; i++) {
      const v = hashes[i] as number;
      if (v < h) continue;
      if (v > h) return -1;
      const n = (this.strings[i] as string).length;
      if ((n > 255 ? 255 : n) === l) return i;
    }
    return -1;
  }
}
