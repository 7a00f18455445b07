import { describe, expect, it } from 'vitest';
import { normaliseForMatch } from './normalise';
import { aliasForms, inflections, plural, signalForms, singular, spellings, spellingTwin } from './variants';

describe('spellingTwin', () => {
  it('pairs American -ize and British -ise forms, both ways', () => {
    expect(spellingTwin('normalize')).toBe('normalise');
    expect(spellingTwin('normalise')).toBe('normalize');
    expect(spellingTwin('normalization')).toBe('normalisation');
    expect(spellingTwin('normalisations')).toBe('normalizations');
    expect(spellingTwin('normalizing')).toBe('normalising');
    expect(spellingTwin('normalised')).toBe('normalized');
    expect(spellingTwin('recognizes')).toBe('recognises');
    expect(spellingTwin('analyse')).toBe('analyze');
    expect(spellingTwin('paralyzed')).toBe('paralysed');
  });

  it('pairs single and double l before -ed/-ing', () => {
    expect(spellingTwin('signaled')).toBe('signalled');
    expect(spellingTwin('travelling')).toBe('traveling');
  });

  it('leaves words that are -ise in American English too, and words with no twin', () => {
    for (const w of [
      'promise',
      'compromising',
      'advertised',
      'exercise',
      'surprised',
      'otherwise',
      'raise',
      'precise',
    ]) {
      expect(spellingTwin(w), w).toBeUndefined();
    }
    for (const w of ['israel', 'coercion', 'size', 'leverage', 'pakistan'])
      expect(spellingTwin(w), w).toBeUndefined();
  });

  it('combines the spellings of every word in a phrase', () => {
    expect(spellings('normalize relations').sort()).toEqual(['normalise relations', 'normalize relations']);
    expect(spellings('recognize normalization').sort()).toEqual([
      'recognise normalisation',
      'recognise normalization',
      'recognize normalisation',
      'recognize normalization',
    ]);
  });
});

describe('number and inflection', () => {
  it('makes plurals and singulars', () => {
    expect(plural('country')).toBe('countries');
    expect(plural('accord')).toBe('accords');
    expect(plural('coalition')).toBe('coalitions');
    expect(plural('tax')).toBe('taxes');
    expect(plural('day')).toBe('days');
    expect(singular('countries')).toBe('country');
    expect(singular('accords')).toBe('accord');
    expect(singular('allies')).toBe('ally');
    expect(singular('churches')).toBe('church');
  });

  it('inflects regular verbs', () => {
    expect(inflections('normalize')).toEqual(['normalizes', 'normalized', 'normalizing']);
    expect(inflections('coerce')).toEqual(['coerces', 'coerced', 'coercing']);
    expect(inflections('ally')).toEqual(['allies', 'allied', 'allying']);
    expect(inflections('push')).toEqual(['pushes', 'pushed', 'pushing']);
    expect(inflections('stop')).toEqual(['stops', 'stopped', 'stopping']);
    expect(inflections('sign')).toEqual(['signs', 'signed', 'signing']);
  });
});

describe('aliasForms', () => {
  it('puts the alias’s own normalised form first, then sorted unique variants', () => {
    const forms = aliasForms('Abraham Accords');
    expect(forms[0]).toBe('abraham accords');
    expect(forms.slice(1)).toEqual([...forms.slice(1)].sort());
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('gives nouns their singular or plural and possessives', () => {
    expect(aliasForms('Abraham Accords')).toEqual(
      expect.arrayContaining(['abraham accord', "abraham accord's", "abraham accords'"]),
    );
    expect(aliasForms('Muslim-majority countries')).toEqual(
      expect.arrayContaining([
        'muslim majority countries',
        'muslim majority country',
        "muslim majority country's",
      ]),
    );
    expect(aliasForms('Pakistani')).toEqual(
      expect.arrayContaining(['pakistani', 'pakistanis', "pakistani's"]),
    );
    // A plural takes only the apostrophe.
    expect(aliasForms('US allies')).not.toContain("us allies's");
  });

  it('gives names possessives but no plural', () => {
    const forms = aliasForms('Pakistan', 'name');
    expect(forms).toEqual(['pakistan', "pakistan's"]);
    expect(aliasForms('United Arab Emirates', 'name')).toEqual([
      'united arab emirates',
      "united arab emirates'",
      "united arab emirates's",
    ]);
  });

  it('folds curly apostrophes, so "Pakistan’s" on a page meets the generated form', () => {
    expect(aliasForms('Pakistan', 'name')).toContain(normaliseForMatch('Pakistan’s'));
  });

  it('inflects the verb of a verb phrase and keeps the rest, in both spellings', () => {
    const forms = aliasForms('normalize relations', 'verb');
    for (const f of [
      'normalize relations',
      'normalise relations',
      'normalizes relations',
      'normalises relations',
      'normalized relations',
      'normalised relations',
      'normalizing relations',
      'normalising relations',
    ]) {
      expect(forms, f).toContain(f);
    }
    expect(forms).not.toContain('normalize relation');
    expect(forms).toHaveLength(8);
  });

  it('gives exact aliases only their spelling twin', () => {
    expect(aliasForms('nuclear-armed', 'exact')).toEqual(['nuclear armed']);
    expect(aliasForms('normalized to', 'exact')).toEqual(['normalized to', 'normalised to']);
  });

  it('treats hyphen, en dash, NBSP and space alike (normalisation folds them)', () => {
    const forms = aliasForms('Israeli-Palestinian conflict');
    expect(forms[0]).toBe('israeli palestinian conflict');
    for (const page of [
      'Israeli–Palestinian conflict',
      'Israeli\u00a0Palestinian conflict',
      'Israeli Palestinian conflict',
    ]) {
      expect(forms).toContain(normaliseForMatch(page));
    }
  });

  it('returns nothing for an alias that normalises to nothing', () => {
    expect(aliasForms(' \u00ad ')).toEqual([]);
  });
});

describe('signalForms', () => {
  it('adds spelling twins and the singular of a plural, but no possessives', () => {
    expect(signalForms('Abraham Accords')).toEqual(['abraham accords', 'abraham accord']);
    expect(signalForms('normalize relations with Israel')).toEqual([
      'normalize relations with israel',
      'normalise relations with israel',
    ]);
    expect(signalForms('Tehran')).toEqual(['tehran']);
  });
});
