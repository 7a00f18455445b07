import { describe, expect, it } from 'vitest';
import type { AliasEntry } from '../../glossary/types';
import { createTermMarker } from './term-marker';

const entry = (norm: string, term: string, source: string, variant = false): AliasEntry => ({
  norm,
  term,
  source,
  variant,
});

const mark = createTermMarker([
  entry('abraham accords', 'abraham-accords', 'Abraham Accords'),
  entry('abraham accords expansion', 'expansion', 'Abraham Accords expansion'),
  entry('pakistan', 'pakistan', 'Pakistan'),
  entry('us', 'us', 'US'),
  entry('us allies', 'us-allies', 'US allies'),
  entry('normalizing relations', 'normalization', 'normalize relations', true),
  entry('israeli palestinian conflict', 'conflict', 'Israeli–Palestinian conflict'),
  entry('nuclear armed', 'nuclear-armed', 'nuclear-armed'),
  entry("iran's regional influence", 'influence', "Iran's regional influence"),
]);

const found = (text: string) => mark(text).map((s) => [text.slice(s.start, s.end), s.term]);

describe('createTermMarker', () => {
  it('marks exact alias occurrences with their raw offsets', () => {
    expect(found('Pakistan resists the Abraham Accords.')).toEqual([
      ['Pakistan', 'pakistan'],
      ['Abraham Accords', 'abraham-accords'],
    ]);
  });

  it('prefers the longest alias', () => {
    expect(found('made Abraham Accords expansion a precondition')).toEqual([
      ['Abraham Accords expansion', 'expansion'],
    ]);
  });

  it('matches generated variants, possessives and hyphen/dash/space forms', () => {
    expect(found("Pakistan's view: normalizing relations, the Israeli-Palestinian conflict")).toEqual([
      ["Pakistan's", 'pakistan'],
      ['normalizing relations', 'normalization'],
      ['Israeli-Palestinian conflict', 'conflict'],
    ]);
    expect(found('Pakistan — nuclear-armed, nuclear armed')).toEqual([
      ['Pakistan', 'pakistan'],
      ['nuclear-armed', 'nuclear-armed'],
      ['nuclear armed', 'nuclear-armed'],
    ]);
  });

  it('keeps apostrophes inside words, as the compiler normalises them', () => {
    expect(found("Iran’s regional influence and Iran's regional influence")).toEqual([
      ['Iran’s regional influence', 'influence'],
      ["Iran's regional influence", 'influence'],
    ]);
  });

  it('matches acronyms only in capitals', () => {
    expect(found('tell us about US allies and the US')).toEqual([
      ['US allies', 'us-allies'],
      ['US', 'us'],
    ]);
  });

  it('does not join words across punctuation or match inside words', () => {
    expect(found('the Abraham. Accords; Pakistanis')).toEqual([]);
  });
});
