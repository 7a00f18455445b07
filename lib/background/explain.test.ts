import { describe, expect, it } from 'vitest';
import { popupGlossary } from '../../tests/fixtures/popup-glossary';
import { cleanSelection, createSelectionLookup } from './explain';

const lookup = createSelectionLookup(popupGlossary);

describe('createSelectionLookup', () => {
  it('finds a term from an alias, whatever its case, quotes and punctuation', () => {
    expect(lookup('“Abraham Accords,”').term).toBe('abraham-accords');
    expect(lookup('ISLAMABAD').term).toBe('pakistan');
    expect(lookup('Emirati').term).toBe('uae');
  });

  it('finds a term from a generated variant in the alias table', () => {
    expect(lookup('normalizing  relations').term).toBe('normalization');
  });

  it('forgives a typo', () => {
    expect(lookup('Abraham Acords').term).toBe('abraham-accords');
  });

  it('finds no term for gibberish or an unrelated word, and never suggests the match itself', () => {
    for (const text of ['qwxzkv', 'spreadsheet', 'the']) {
      expect(lookup(text).term, text).toBeUndefined();
    }
    const hit = lookup('Pakistan');
    expect(hit.suggestions).not.toContain('pakistan');
  });

  it('suggests the nearest terms when nothing matches', () => {
    const miss = lookup('coercive normal');
    expect(miss.term).toBeUndefined();
    expect(miss.suggestions.length).toBeGreaterThan(0);
    expect(miss.suggestions.length).toBeLessThanOrEqual(3);
  });
});

describe('lookup over the bundled glossary', async () => {
  const { glossary } = await import('../../glossary');
  const real = createSelectionLookup(glossary);

  it('does not take a short selection for a longer name that starts with it', () => {
    expect(real('the').term).toBeUndefined();
    expect(real('Iran').term).toBeUndefined();
    expect(real('Iran').suggestions).toEqual(
      expect.arrayContaining(['iran-nuclear-talks', 'iran-regional-influence']),
    );
  });

  it('suggests names sharing a word first', () => {
    expect(real('Bahrain Grand Prix').suggestions[0]).toBe('bahrain');
    expect(real('the').suggestions).toEqual([]);
    expect(real('sovereignty question').suggestions[0]).toBe('sovereignty');
  });

  it('still forgives typos in a whole name', () => {
    expect(real('soverignty').term).toBe('sovereignty');
    expect(real('Abraham Acords').term).toBe('abraham-accords');
    expect(real('database')).toEqual({ text: 'database', suggestions: [] });
  });
});

describe('cleanSelection', () => {
  it('folds spacing, strips surrounding quotes and punctuation, and cuts long selections at a word', () => {
    expect(cleanSelection('  "Pakistan’s"\n ')).toBe('Pakistan’s');
    const long = cleanSelection('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('word')).toBe(true);
  });
});
