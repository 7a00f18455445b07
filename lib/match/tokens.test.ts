import { describe, expect, it } from 'vitest';
import { hashToken, rawEqualsToken, SortedTokens, TokenTable, tokenize } from './tokens';

describe('tokenize', () => {
  it('cuts a normalised phrase into words, noting punctuation between them', () => {
    expect(tokenize("iran's regional influence")).toEqual({
      tokens: ['iran', 's', 'regional', 'influence'],
      hardGap: [false, false, false, false],
    });
    expect(tokenize('u.s. allies')).toEqual({ tokens: ['u', 's', 'allies'], hardGap: [false, true, true] });
  });
});

describe('TokenTable', () => {
  it('interns tokens and finds them by hash and length', () => {
    const table = new TokenTable();
    const words = Array.from({ length: 500 }, (_, i) => `word${i}`);
    const ids = words.map((w) => table.add(w));
    expect(new Set(ids).size).toBe(500);
    expect(words.map((w) => table.add(w))).toEqual(ids);
    words.forEach((w, i) => {
      expect(table.lookup(hashToken(w), w.length)).toBe(ids[i]);
    });
    expect(table.lookup(hashToken('absent'), 6)).toBe(-1);
    // A range of a longer string interns the same token.
    expect(table.addRange('the word42 here', 4, 10, hashToken('word42'), 6)).toBe(ids[42]);
  });
});

describe('rawEqualsToken', () => {
  it('compares raw page text with a token through the fold table', () => {
    expect(rawEqualsToken('PAKIS\u00adTÁN', 0, 9, 'pakistan')).toBe(true);
    expect(rawEqualsToken('Pakistani', 0, 9, 'pakistan')).toBe(false);
    expect(rawEqualsToken('Pakistan', 0, 8, 'pakistani')).toBe(false);
  });
});

describe('SortedTokens (a compiled engine’s token table)', () => {
  const tokens = ['abraham', 'accords', 'pakistan', 'normalization', 'us', 'iran']
    .map((t) => ({ t, h: hashToken(t) }))
    .sort((a, b) => a.h - b.h);
  const table = new SortedTokens(
    tokens.map((x) => x.t),
    tokens.map((x) => x.h),
  );

  it('finds every token by hash and length, and nothing else', () => {
    tokens.forEach(({ t, h }, id) => {
      expect(table.lookup(h, t.length)).toBe(id);
      expect(table.lookup(h, t.length + 1)).toBe(-1);
    });
    expect(table.lookup(hashToken('israel'), 6)).toBe(-1);
  });

  it('tells tokens that share a hash apart by length', () => {
    const same = new SortedTokens(['aa', 'bbb'], [7, 7]);
    expect(same.lookup(7, 2)).toBe(0);
    expect(same.lookup(7, 3)).toBe(1);
    expect(same.lookup(7, 4)).toBe(-1);
  });

  it('finds each of thousands of tokens, and no absent one', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${(i * 7919).toString(36)}x`);
    const sorted = words.map((t) => ({ t, h: hashToken(t) })).sort((a, b) => a.h - b.h);
    const big = new SortedTokens(
      sorted.map((x) => x.t),
      sorted.map((x) => x.h),
    );
    expect(sorted.some((x) => x.h < 0) && sorted.some((x) => x.h > 0)).toBe(true);
    sorted.forEach(({ t, h }, id) => {
      expect(big.lookup(h, t.length)).toBe(id);
    });
    for (let i = 0; i < 500; i++) {
      const absent = `absent${i}`;
      expect(big.lookup(hashToken(absent), absent.length)).toBe(-1);
    }
  });

  it('refuses hashes out of order', () => {
    expect(() => new SortedTokens(['a', 'b'], [2, 1])).toThrow(/out of hash order/);
  });
});
