import { describe, expect, it } from 'vitest';
import {
  classifyByRules,
  FOLD,
  foldCode,
  foldWord,
  LATIN_FOLDS,
  normaliseForMatch,
  normaliseWithMap,
  PUNCTUATION_FOLDS,
  rawSpan,
} from './normalise';

describe('normaliseForMatch', () => {
  it('lower-cases and strips diacritics', () => {
    expect(normaliseForMatch('Émirats ÁRABES Unidos')).toBe('emirats arabes unidos');
    expect(normaliseForMatch('İstanbul')).toBe('istanbul');
  });

  it('folds curly and straight apostrophes to one form', () => {
    expect(normaliseForMatch('Pakistan’s')).toBe("pakistan's");
    expect(normaliseForMatch("Pakistan's")).toBe("pakistan's");
    expect(normaliseForMatch('Pakistan‘s')).toBe("pakistan's");
  });

  it('folds hyphens, dashes, minus and NBSP to a single space', () => {
    expect(normaliseForMatch('Israeli–Palestinian conflict')).toBe('israeli palestinian conflict');
    expect(normaliseForMatch('Israeli—Palestinian')).toBe('israeli palestinian');
    expect(normaliseForMatch('Muslim-majority')).toBe('muslim majority');
    expect(normaliseForMatch('a\u2212b')).toBe('a b');
    expect(normaliseForMatch('Israeli\u00a0Palestinian')).toBe('israeli palestinian');
    expect(normaliseForMatch('nuclear - armed')).toBe('nuclear armed');
  });

  it('removes soft hyphens and zero-width characters inside words', () => {
    expect(normaliseForMatch('normal\u00adization')).toBe('normalization');
    expect(normaliseForMatch('Abra\u200bham\ufeff Accords')).toBe('abraham accords');
  });

  it('collapses whitespace and trims', () => {
    expect(normaliseForMatch('  Abraham \n\t  Accords  ')).toBe('abraham accords');
  });

  it('keeps other punctuation', () => {
    expect(normaliseForMatch('U.S.-led')).toBe('u.s. led');
  });
});

describe('normaliseWithMap', () => {
  it('maps each normalised character back to its raw offset', () => {
    const raw = '  Abra\u00adham — Ácc’s ';
    const m = normaliseWithMap(raw);
    expect(m.text).toBe("abraham acc's");
    for (let i = 0; i < m.text.length; i++) {
      const rawChar = raw[m.map[i] as number] as string;
      if (m.text[i] === ' ') expect(rawChar).toMatch(/\s|—/);
      else expect(normaliseForMatch(rawChar)).toBe(m.text[i]);
    }
    const at = m.text.indexOf('acc');
    const [s, e] = rawSpan(m, at, m.text.length);
    expect(raw.slice(s, e)).toBe('Ácc’s');
    expect(m.map[m.text.length]).toBe(e);
  });

  it('agrees with normaliseForMatch', () => {
    const raw = 'The Trump Administration’s  NORMALISATION\u00a0push — İran';
    expect(normaliseWithMap(raw).text).toBe(normaliseForMatch(raw));
  });

  it('normalises a window of the raw string with absolute offsets', () => {
    const raw = 'xxxx Abraham Accords yyy';
    const m = normaliseWithMap(raw, 5, 20);
    expect(m.text).toBe('abraham accords');
    expect(rawSpan(m, 0, m.text.length)).toEqual([5, 20]);
  });

  it('keeps letters that have no diacritic whole (Hangul syllables, ß)', () => {
    const raw = '한국 Straße';
    const m = normaliseWithMap(raw);
    expect(m.text).toBe('한국 straße');
    expect(Array.from(m.map)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('foldWord', () => {
  it('folds one word as normaliseForMatch does, without its buffers', () => {
    const words = [
      'Pakistan',
      'PAKISTÁN',
      'n\u00ADormalisation',
      'e\u0301mirats',
      'Straße',
      'ǅemal',
      'İstanbul',
      'Ñandú42',
    ];
    for (const w of words) expect(foldWord(`«${w}»`, 1, w.length + 1), w).toBe(normaliseForMatch(w));
  });

  it('falls back to the full rules for text that is not one word', () => {
    expect(foldWord('Abraham – Accords', 0, 17)).toBe('abraham accords');
  });
});

describe('the fast paths (no Unicode property classes)', () => {
  const ranges: Array<[string, number, number]> = [
    ['ASCII', 0, 0x80],
    ['Latin-1 and Latin Extended-A/B (LATIN_FOLDS)', 0x80, 0x250],
    ['general punctuation (PUNCTUATION_FOLDS)', 0x2000, 0x2070],
  ];
  for (const [name, lo, hi] of ranges) {
    it(`classifies every code of ${name} as the Unicode rules do`, () => {
      for (let code = lo; code < hi; code++) {
        FOLD[code] = 0; // forget any cached class, so foldCode classifies again
        expect(foldCode(code), `U+${code.toString(16).padStart(4, '0')}`).toBe(classifyByRules(code));
      }
    });
  }

  it('keeps one table character per code', () => {
    expect(LATIN_FOLDS).toHaveLength(0x250 - 0x80);
    expect(PUNCTUATION_FOLDS).toHaveLength(0x2070 - 0x2000);
  });
});
