import { describe, expect, it } from 'vitest';
import type { SignalTally } from '../match/types';
import { addSignals, type Candidate, decide } from './decide';

const article = {};
const sidebar = {};
const c = (term: string, region: object = article): Candidate => ({ term, region });

function run(
  candidates: Candidate[],
  opts: { page?: SignalTally; regions?: Map<object, SignalTally>; off?: string[]; first?: boolean } = {},
) {
  const allowsCalls: string[] = [];
  const shown = decide({
    candidates,
    page: opts.page ?? new Map(),
    regionTally: (r) => opts.regions?.get(r) ?? new Map(),
    // "ctx" terms need a signal in their region, or two distinct ones on the page.
    allows: (term, page, region) => {
      allowsCalls.push(term);
      return !term.startsWith('ctx') || region.size > 0 || page.size >= 2;
    },
    termEnabled: (t) => !(opts.off ?? []).includes(t),
    firstOccurrenceOnly: opts.first ?? false,
  });
  return { shown, allowsCalls };
}

describe('decide', () => {
  it('shows unambiguous terms, and contextual ones only with enough signal in their region or page', () => {
    const cands = [c('accords'), c('ctx-norm', article), c('ctx-norm', sidebar)];
    expect(run(cands).shown.map((x) => x.term)).toEqual(['accords']);
    const regions = new Map<object, SignalTally>([[article, new Map([['israel', 1]])]]);
    const r = run(cands, { regions, page: new Map([['israel', 1]]) });
    expect(r.shown).toEqual([cands[0], cands[1]]);
    expect(
      run(cands, {
        page: new Map([
          ['israel', 1],
          ['gulf', 2],
        ]),
      }).shown,
    ).toHaveLength(3);
  });

  it('drops terms that are off (topic off or hidden)', () => {
    expect(run([c('accords'), c('pakistan')], { off: ['pakistan'] }).shown.map((x) => x.term)).toEqual([
      'accords',
    ]);
  });

  it('keeps only the first allowed occurrence per term when asked', () => {
    const cands = [
      c('ctx-norm', sidebar),
      c('accords'),
      c('ctx-norm', article),
      c('accords'),
      c('ctx-norm', article),
    ];
    const regions = new Map<object, SignalTally>([[article, new Map([['israel', 1]])]]);
    const { shown } = run(cands, { first: true, regions });
    // The sidebar mention is not allowed, so the first *shown* one is the article's.
    expect(shown).toEqual([cands[1], cands[2]]);
  });

  it('asks the engine once per term and region', () => {
    const cands = [c('ctx-a'), c('ctx-a'), c('ctx-a', sidebar), c('ctx-a')];
    expect(run(cands).allowsCalls).toEqual(['ctx-a', 'ctx-a']);
  });
});

describe('addSignals', () => {
  it('counts blocks per signal and forgets a signal when its last block goes', () => {
    const t: SignalTally = new Map();
    addSignals(t, ['a', 'b'], 1);
    addSignals(t, ['a'], 1);
    expect([...t]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    addSignals(t, ['a', 'b'], -1);
    expect([...t]).toEqual([['a', 1]]);
  });
});
