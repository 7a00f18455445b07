import { describe, expect, it } from 'vitest';
import { popupGlossary, popupSearchIndex } from '../tests/fixtures/popup-glossary';
import { createSearch, segments, snippet } from './search';

const search = createSearch(popupSearchIndex);
const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe('createSearch', () => {
  it('forgives typos in a term name and ranks the term first', () => {
    const hits = search.search('abraham acords');
    expect(hits[0]?.id).toBe('abraham-accords');
    // The label's matched characters are reported for highlighting.
    const title = hits[0]?.title;
    const marked = segments(title ?? { text: '', ranges: [] })
      .filter((s) => s.hit)
      .map((s) => s.text);
    expect(marked.join(' ')).toMatch(/Abraham/);
  });

  it('forgives British spelling', () => {
    expect(search.search('normalisation')[0]?.id).toBe('normalization');
  });

  it('finds a term by an alias and says which alias matched', () => {
    const hit = search.search('emirati')[0];
    expect(hit?.id).toBe('uae');
    expect(hit?.detail).toMatchObject({ field: 'alias', text: 'Emirati' });
  });

  it('finds Q&A by words of the answer', () => {
    const hits = search.search('religious opposition');
    expect(hits[0]).toMatchObject({ kind: 'qa', id: 'conversation-1' });
    expect(hits[0]?.detail?.field).toBe('text');
  });

  it('requires every word of a query to match somewhere', () => {
    expect(ids(search.search('pakistan bahrain emirati'))).toEqual([]);
  });

  it('finds nothing for gibberish, and returns nothing for a blank query', () => {
    expect(search.search('xqzvwk')).toEqual([]);
    expect(search.search('   ')).toEqual([]);
  });

  it('suggests the closest terms when a query finds nothing', () => {
    expect(search.search('pakistanian coercien')).toEqual([]);
    const suggested = ids(search.suggest('pakistanian coercien'));
    expect(suggested).toContain('pakistan');
    expect(suggested.every((id) => popupGlossary.terms.some((t) => t.id === id))).toBe(true);
  });
});

describe('snippet and segments', () => {
  it('windows a long text around the first match and shifts the ranges with it', () => {
    const text = `${'lead '.repeat(40)}the target word ${'tail '.repeat(40)}`;
    const at = text.indexOf('target');
    const cut = snippet(text, [[at, at + 5]]);
    expect(cut.text.length).toBeLessThan(text.length);
    expect(cut.text.startsWith('… ')).toBe(true);
    const [range] = cut.ranges;
    expect(range && cut.text.slice(range[0], range[1] + 1)).toBe('target');
  });

  it('splits text into plain and hit pieces, merging overlaps', () => {
    expect(
      segments({
        text: 'abcdef',
        ranges: [
          [3, 4],
          [1, 3],
        ],
      }),
    ).toEqual([
      { text: 'a', hit: false },
      { text: 'bcd', hit: true },
      { text: 'e', hit: true },
      { text: 'f', hit: false },
    ]);
  });
});
