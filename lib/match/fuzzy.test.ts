import { describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import { fixtureGlossary } from './fixture-glossary';
import { editDistance, FuzzyResolver } from './fuzzy';

function found(engine: ReturnType<typeof createEngine>, text: string): Array<[string, string, boolean]> {
  return engine.scan(text).mentions.map((m) => [text.slice(m.start, m.end), m.term, m.fuzzy]);
}

describe('near misses', () => {
  const engine = createEngine(fixtureGlossary());

  it('finds typos of aliases and marks them fuzzy', () => {
    expect(found(engine, 'The Abraham Acords will fail.')).toEqual([
      ['Abraham Acords', 'abraham-accords', true],
    ]);
    expect(found(engine, 'Any normalizaton is years away.')).toEqual([
      ['normalizaton', 'normalization', true],
    ]);
    expect(found(engine, 'No Palestinan statehood, no deal.')).toEqual([
      ['Palestinan statehood', 'palestinian-statehood', true],
    ]);
    expect(found(engine, 'Pakistna said no.')).toEqual([['Pakistna', 'pakistan', true]]);
  });

  it('rejects near neighbours that are other things', () => {
    for (const text of [
      'Abraham Lincoln was born in Kentucky.',
      'The Paris Accords set a warming goal.',
      'The Camp David Accords of 1978.',
      'After the Oslo Accords, talks stalled.',
      'Iraq and Iranian-born chefs.',
      'A beverage, leveling the leverer.',
      'It is unclear whether the nucleus holds.',
    ]) {
      expect(found(engine, text), text).toEqual([]);
    }
  });

  it('needs the other words of a phrase to be exact', () => {
    expect(found(engine, 'Abrahm Acords')).toEqual([]);
  });

  it('caches per distinct word: repeats cost no alignment', () => {
    const fresh = createEngine(fixtureGlossary());
    fresh.scan('normalizaton');
    const afterFirst = fresh.alignments;
    expect(afterFirst).toBeGreaterThan(0);
    const mentions = fresh.scan('normalizaton, normalizaton and normalizaton again').mentions;
    expect(mentions).toHaveLength(3);
    expect(fresh.alignments).toBe(afterFirst);
  });

  it('never aligns words the prefilter rejects', () => {
    const fresh = createEngine(fixtureGlossary());
    fresh.scan('The quick brown foxes jumped over seventeen lazy dogs yesterday afternoon.');
    expect(fresh.alignments).toBe(0);
  });

  it('aligns a look-alike only with tokens whose letters are close to its own', () => {
    const fresh = createEngine(fixtureGlossary());
    // Same first letters and similar length as alias tokens, most with letter sets far from every one.
    const words = 'According to the normalized normative nominations, the Pakistani palestra pallets.';
    fresh.scan(words);
    expect(fresh.scan(words).mentions.filter((m) => m.fuzzy)).toEqual([]);
    expect(fresh.alignments).toBeLessThanOrEqual(3);
    const before = fresh.alignments;
    expect(fresh.scan('Any normalizaton is years away.').mentions.map((m) => m.fuzzy)).toEqual([true]);
    expect(fresh.alignments).toBeGreaterThan(before);
  });

  it('resolves to the closest token, not the first one within budget', () => {
    // "palestinan" is one slip from "palestinian" (a vowel dropped) and two from "palestinia".
    const r = new FuzzyResolver(['palestinia', 'palestinian'], [0, 1]);
    expect(editDistance('palestinan', 'palestinia', 3)).toBe(2);
    expect(r.resolve('palestinan')).toBe(1);
  });
});

describe('FuzzyResolver', () => {
  const resolver = new FuzzyResolver(['accords', 'normalization', 'sovereignty', 'pakistan'], [0, 1, 2]);

  it('resolves within the edit budget and not beyond', () => {
    expect(resolver.resolve('acords')).toBe(0);
    expect(resolver.resolve('accrods')).toBe(0);
    expect(resolver.resolve('normalizaton')).toBe(1);
    expect(resolver.resolve('normaliztn')).toBe(-1);
    expect(resolver.resolve('sovreignty')).toBe(2);
    expect(resolver.resolve('sovereign')).toBe(-1);
    expect(resolver.resolve('accordion')).toBe(-1);
    expect(resolver.resolve('sovereignly')).toBe(-1);
    // A word inside a longer token is not a near miss of it, though Bitap alone would say so.
    expect(resolver.resolve('accord')).toBe(0);
    expect(resolver.resolve('cords')).toBe(-1);
    // Only the listed targets: "pakistan" is a token but not one a near miss may resolve to.
    expect(resolver.resolve('pakistna')).toBe(-1);
  });

  it('prefilters on the first two letters and the length', () => {
    expect(resolver.mayMatch('a'.charCodeAt(0), 'c'.charCodeAt(0), 6)).toBe(true);
    expect(resolver.mayMatch('a'.charCodeAt(0), 'c'.charCodeAt(0), 12)).toBe(false);
    expect(resolver.mayMatch('c'.charCodeAt(0), 'a'.charCodeAt(0), 7)).toBe(false);
  });
});

describe('editDistance', () => {
  it('charges a substitution of letters nobody confuses as two edits', () => {
    expect(editDistance('lineage', 'linkage', 3)).toBe(2);
    expect(editDistance('normalizatiqn', 'normalization', 3)).toBe(2);
  });

  it('counts insertions, deletions, plausible substitutions and transpositions', () => {
    expect(editDistance('acords', 'accords', 3)).toBe(1);
    expect(editDistance('pakistna', 'pakistan', 3)).toBe(1);
    expect(editDistance('lincoln', 'accords', 9)).toBeGreaterThan(4);
    expect(editDistance('pakistsn', 'pakistan', 3)).toBe(1);
    expect(editDistance('palestinean', 'palestinian', 3)).toBe(1);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });
});
