import { describe, expect, it } from 'vitest';
import { createEngine } from './engine';
import { fixtureGlossary } from './fixture-glossary';

const engine = createEngine(fixtureGlossary());

/** What a reader would see marked: [matched raw text, term id]. */
function found(text: string): Array<[string, string]> {
  return engine.scan(text).mentions.map((m) => [text.slice(m.start, m.end), m.term]);
}

describe('phrase index', () => {
  it('finds aliases with raw offsets, case-insensitively', () => {
    const text = 'Talks on the ABRAHAM ACCORDS stalled; abraham accords fans shrugged.';
    expect(found(text)).toEqual([
      ['ABRAHAM ACCORDS', 'abraham-accords'],
      ['abraham accords', 'abraham-accords'],
    ]);
  });

  it('matches whole words only', () => {
    expect(found('Miranda met Disraeli in Iranshahr and Israelville.')).toEqual([]);
    expect(found('Iran and Israel.')).toEqual([
      ['Iran', 'iran'],
      ['Israel', 'israel'],
    ]);
  });

  it('prefers the longest alias at a position', () => {
    expect(found('The Iran nuclear deal and Iran.')).toEqual([
      ['Iran nuclear deal', 'iran-nuclear-talks'],
      ['Iran', 'iran'],
    ]);
    expect(found('Iran’s regional influence grows')).toEqual([
      ['Iran’s regional influence', 'iran-regional-influence'],
    ]);
  });

  it('finds possessives and inflections listed as variants', () => {
    expect(found("Pakistan’s army, Pakistani fans, normalising ties, Bahrain's king")).toEqual([
      ['Pakistan’s', 'pakistan'],
      ['Pakistani', 'pakistan'],
      ['normalising', 'normalization'],
      ["Bahrain's", 'bahrain'],
    ]);
  });

  it('matches across dashes, NBSP, line breaks, soft hyphens and zero-width characters', () => {
    expect(found('the Israeli–Palestinian conflict')).toEqual([
      ['Israeli–Palestinian conflict', 'israeli-palestinian-conflict'],
    ]);
    expect(found('the Israeli\u00a0Palestinian conflict')).toEqual([
      ['Israeli\u00a0Palestinian conflict', 'israeli-palestinian-conflict'],
    ]);
    expect(found('the Abraham\n   Accords')).toEqual([['Abraham\n   Accords', 'abraham-accords']]);
    expect(found('normal\u00adization and Paki\u200bstan')).toEqual([
      ['normal\u00adization', 'normalization'],
      ['Paki\u200bstan', 'pakistan'],
    ]);
    expect(found('Muslim-majority countries')).toEqual([
      ['Muslim-majority countries', 'muslim-majority-countries'],
    ]);
  });

  it('matches text that was split across inline elements (the page layer joins a block’s text nodes)', () => {
    // "Abraham <em>Accords</em>" and "<a>Abraham</a> Accords" reach the engine as one string.
    const nodes = ['Leaders praised the Abraham ', 'Accords', ' again.'];
    const text = nodes.join('');
    expect(found(text)).toEqual([['Abraham Accords', 'abraham-accords']]);
    const m = engine.scan(text).mentions[0];
    expect(m?.start).toBe(nodes[0]?.indexOf('Abraham'));
    expect(m?.end).toBe((nodes[0]?.length ?? 0) + 'Accords'.length);
  });

  it('does not match across punctuation the alias does not have', () => {
    expect(found('Ask Abraham. Accords are signed.')).toEqual([]);
    expect(found('Iran, nuclear deal')).toEqual([['Iran', 'iran']]);
  });

  it('finds words whose first letters carry accents or invisible characters (the prefilter must not skip them)', () => {
    expect(found('ÉMIRATI envoys; E\u0301mirati envoys; Émirati envoys')).toEqual([
      ['ÉMIRATI', 'uae'],
      ['E\u0301mirati', 'uae'],
      ['Émirati', 'uae'],
    ]);
    expect(found('n\u00adormalization and P\u200bakistan')).toEqual([
      ['n\u00adormalization', 'normalization'],
      ['P\u200bakistan', 'pakistan'],
    ]);
  });

  it('strips diacritics and folds typographic apostrophes in page text', () => {
    expect(found('PAKISTÁN and Bahrain‘s')).toEqual([
      ['PAKISTÁN', 'pakistan'],
      ['Bahrain‘s', 'bahrain'],
    ]);
  });

  it('reports signals from the same pass, including unambiguous terms as strong signals', () => {
    const scan = engine.scan('After the Abraham Accords, Riyadh weighed ties with Israel.');
    expect(new Set(scan.signals)).toEqual(new Set(['term:abraham-accords', 'riyadh', 'israel']));
    expect(engine.scan('A recipe for lemon cake.').signals).toEqual([]);
  });

  it('keeps no word of text without candidates: each costs one hash probe, no alignment', () => {
    const fresh = createEngine(fixtureGlossary());
    const scan = fresh.scan('lorem ipsum dolor sit amet, consectetur adipiscing elit '.repeat(2_000));
    expect(scan).toEqual({ mentions: [], signals: [] });
    expect(fresh.keptWords).toBe(0);
    expect(fresh.alignments).toBe(0);
    fresh.scan('The Abraham Accords and the UAE.');
    expect(fresh.keptWords).toBe(3); // abraham, accords, uae
    // Words that only continue a phrase ("statehood", "talks") are dropped unless the word before was kept.
    fresh.scan('Statehood talks: the conflict over influence and countries.');
    expect(fresh.keptWords).toBe(3);
    expect(fresh.scan('Palestinian statehood').mentions).toHaveLength(1);
    expect(fresh.keptWords).toBe(5);
    // A first word that only starts longer phrases is dropped when the next word cannot continue them.
    fresh.scan('Palestinian farmers and Muslim traders met Trump voters.');
    expect(fresh.keptWords).toBe(5);
  });
});
