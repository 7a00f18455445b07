// The bundled glossary through the real matching engine: the forms readers meet are found under the
// right term, and the exclusions keep other senses of a word unmarked.
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type MatchEngine } from '../lib/match/engine';
import { compileGlossary } from './compile';
import { loadPack } from './load';

const ROOT = resolve(__dirname, '..');
let engine: MatchEngine;

beforeAll(async () => {
  const pack = await loadPack(join(ROOT, 'glossary/briefings/coercion-not-partnership'), ROOT);
  engine = createEngine(compileGlossary([pack]).glossary);
});

/** [matched text, term] for each mention in `text` (exact ones only, unless `fuzzy`). */
function found(text: string, fuzzy = false): Array<[string, string]> {
  return engine
    .scan(text)
    .mentions.filter((m) => fuzzy || !m.fuzzy)
    .map((m) => [text.slice(m.start, m.end), m.term]);
}

describe('the bundled glossary in the engine', () => {
  it.each([
    ['Pakistan’s foreign ministry', 'Pakistan’s', 'pakistan'],
    ['joined the Abraham Accord last year', 'Abraham Accord', 'abraham-accords'],
    ['the Israeli–Palestinian conflict', 'Israeli–Palestinian conflict', 'israeli-palestinian-conflict'],
    [
      'the Israeli\u00a0Palestinian conflict',
      'Israeli\u00a0Palestinian conflict',
      'israeli-palestinian-conflict',
    ],
    ['asked to normalise ties with Israel', 'normalise ties', 'normalization'],
    ['normalizing relations with Israel', 'normalizing relations', 'normalization'],
    ['the Gulf normalisation deals', 'normalisation deals', 'normalization'],
    ['a nuclear-armed Muslim-majority country', 'nuclear-armed', 'nuclear-armed'],
    ['any Iran nuclear deal', 'Iran nuclear deal', 'iran-nuclear-talks'],
    ['Emirati commentators', 'Emirati', 'uae'],
    ['the Trump administration’s sequencing', 'Trump administration’s', 'trump-administration'],
    ['smaller majority-Muslim nations', 'majority-Muslim nations', 'muslim-majority-countries'],
  ])('finds %j', (text, expected, term) => {
    expect(found(text)).toContainEqual([expected, term]);
  });

  it.each([
    ['Weights were normalized to sum to one.', 'normalized'],
    ['Implicit type coercion turns "5" into 5.', 'coercion'],
    ['Tickets for the Bahrain Grand Prix', 'Bahrain'],
    ['Self-sovereign identity wallets', 'sovereign'],
    ['Financial leverage magnifies losses.', 'leverage'],
    ['Import normalize.css first.', 'normalize'],
  ])('leaves the other sense in %j unmarked, near misses included', (text) => {
    expect(found(text, true)).toEqual([]);
  });

  it.each([
    'Iran',
    'Washington',
    'the administration',
    'the accords',
    'Iranian-born chef',
    'Abraham Lincoln',
  ])('does not treat %j as a term', (text) => {
    expect(found(text)).toEqual([]);
  });
});

/** The terms the engine would show in `text`, taken as a whole page (one region). */
function shown(text: string): string[] {
  const scan = engine.scan(text);
  const tally = new Map<string, number>();
  for (const s of scan.signals) tally.set(s, (tally.get(s) ?? 0) + 1);
  return [
    ...new Set(scan.mentions.filter((m) => engine.allows(m.term, tally, tally)).map((m) => m.term)),
  ].sort();
}

// Pages written for this test, not taken from dev.json: the signals must generalise.
describe('the bundled signals decide context', () => {
  it('show ambiguous terms on pages about the briefing’s subject', () => {
    expect(
      shown(
        'Saudi Arabia has signalled that normalization with Israel depends on a credible path to a Palestinian state. ' +
          'Diplomats in Riyadh say US leverage is limited while the war in Gaza continues.',
      ),
    ).toEqual(['israel', 'leverage', 'normalization', 'palestinian-statehood']);
    expect(
      shown(
        'Bahraini officials marked five years since joining the Abraham Accords, while Pakistani ministers ' +
          'repeated that recognizing Israel is off the table.',
      ),
    ).toEqual(expect.arrayContaining(['abraham-accords', 'bahrain', 'pakistan']));
  });

  it('keep them dark on pages about something else', () => {
    expect(shown('Pakistan beat the UAE by six wickets in Dubai; the Pakistani openers put on 120.')).toEqual(
      [],
    );
    expect(
      shown(
        'The Trump administration hopes tariffs give it leverage over Beijing; markets fell on the news.',
      ),
    ).toEqual([]);
    expect(
      shown(
        'Ramadan begins this week in Muslim-majority countries, from Indonesia to Morocco, with fasting from dawn.',
      ),
    ).toEqual([]);
    expect(
      shown(
        'Courts in Bahrain upheld the sentence; the Bahrain International Circuit hosts testing in March.',
      ),
    ).toEqual([]);
    expect(
      shown('Database normalization removes redundancy; normalize each table to third normal form.'),
    ).toEqual([]);
  });
});
