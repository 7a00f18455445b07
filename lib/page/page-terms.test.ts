import { describe, expect, it } from 'vitest';
import type { Term } from '../../glossary/types';
import { MAX_SAMPLES } from '../messages';
import { pageTerms } from './page-terms';
import type { ShownMention } from './types';

const term = (id: string, label: string, topic: string) => ({ id, label, topic }) as Term;
const terms = new Map([
  ['pakistan', term('pakistan', 'Pakistan', 'pakistan-position')],
  ['uae', term('uae', 'United Arab Emirates', 'regional-states')],
]);
let id = 0;
const m = (t: string, text: string) => ({ id: ++id, term: t, text, range: {} as Range }) as ShownMention;

describe('pageTerms', () => {
  it('groups by term in order of first appearance with counts and distinct samples', () => {
    const out = pageTerms(
      [m('uae', 'UAE'), m('pakistan', 'Pakistan'), m('uae', 'Emirati'), m('uae', 'UAE'), m('ghost', 'x')],
      (i) => terms.get(i),
    );
    expect(out).toEqual([
      {
        id: 'uae',
        label: 'United Arab Emirates',
        topic: 'regional-states',
        count: 3,
        samples: ['UAE', 'Emirati'],
      },
      { id: 'pakistan', label: 'Pakistan', topic: 'pakistan-position', count: 1, samples: ['Pakistan'] },
    ]);
  });

  it(`keeps at most ${MAX_SAMPLES} samples`, () => {
    const many = Array.from({ length: 30 }, (_, i) => m('uae', `UAE ${i}`));
    const [uae] = pageTerms(many, (i) => terms.get(i));
    expect(uae?.count).toBe(30);
    expect(uae?.samples).toHaveLength(MAX_SAMPLES);
  });
});
