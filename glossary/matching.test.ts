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
