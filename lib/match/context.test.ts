import { describe, expect, it } from 'vitest';
import { addToTally } from './context';
import { createEngine } from './engine';
import { FIXTURE_SIGNALS, FIXTURE_TERMS, fixtureGlossary } from './fixture-glossary';
import type { SignalTally } from './types';

const engine = createEngine(fixtureGlossary());

/** Terms shown on a one-region page made of these blocks. */
function shown(blocks: string[]): string[] {
  const tally: SignalTally = new Map();
  const scans = blocks.map((b) => engine.scan(b));
  for (const s of scans) addToTally(tally, s.signals);
  return scans.flatMap((s) =>
    s.mentions.filter((m) => engine.allows(m.term, tally, tally)).map((m) => m.term),
  );
}

describe('context decisions', () => {
  it('always shows unambiguous terms', () => {
    expect(shown(['A recipe blog that mentions the Abraham Accords once.'])).toEqual(['abraham-accords']);
  });

  it('shows contextual terms where the briefing is the subject', () => {
    expect(
      shown([
        'Pakistan rejected normalization with Israel, saying the Abraham Accords carry costs.',
        'Critics called the leverage Washington applied a form of coercion that tramples sovereignty.',
      ]),
    ).toEqual([
      'pakistan',
      'normalization',
      'israel',
      'abraham-accords',
      'leverage',
      'coercion',
      'sovereignty',
    ]);
  });

  it('shows nothing contextual on off-topic pages (the traps)', () => {
    const traps = [
      ['Database normalization removes redundancy.', 'Normalize each table to third normal form.'],
      ['In JavaScript, coercion turns values into strings.', 'Implicit coercion is a common source of bugs.'],
      ['Financial leverage magnifies gains and losses.', 'Use leverage with care in a downturn.'],
      ['Pakistan beat the UAE by six wickets in Dubai.', 'Pakistani fans filled the stands.'],
      ['Max Verstappen won in Bahrain under the lights.', 'The Bahrain race was the opener.'],
      ['Self-sovereign identity puts users in control.', 'Data sovereignty rules for the cloud.'],
    ];
    for (const page of traps) expect(shown(page), page.join(' ')).toEqual([]);
  });

  it('needs more than one piece of evidence, and counts a concept once however it is spelled', () => {
    // Riyadh (1) and Israel (ambiguous, 0.5) once, though spelled three ways: 1.5, not enough.
    expect(
      shown([
        'Officials in Riyadh and Israel and Israeli firms and Israel’s economy.',
        'Normalization ahead.',
      ]),
    ).toEqual([]);
    // Two distinct plain signals are.
    expect(shown(['Officials in Riyadh discussed Gaza.', 'Normalization is on the table.'])).toEqual([
      'normalization',
    ]);
  });

  it('counts ambiguous words as weak evidence', () => {
    // "Israel" and "normalize" are both the briefing's words, and both ambiguous: a machine-learning
    // page naming an Israeli lab does not vouch for "coercion".
    expect(
      shown(['Teams in Israel normalize the inputs first.', 'Implicit coercion of dtypes loses precision.']),
    ).toEqual([]);
  });

  it('does not let a term vouch for itself, even when its name is a signal of the briefing', () => {
    const withPakistan = createEngine(
      fixtureGlossary(FIXTURE_TERMS, [...FIXTURE_SIGNALS, 'Pakistan', 'Pakistani']),
    );
    const tally: SignalTally = new Map();
    const scan = withPakistan.scan('Pakistan, Pakistani fans and Pakistan’s team.');
    addToTally(tally, scan.signals);
    expect(scan.signals).toContain('pakistan');
    expect(withPakistan.allows('pakistan', tally, tally)).toBe(false);
    // The same signals do vouch for another term of the briefing.
    // Riyadh (1) and Israel (0.5): with Pakistan's 0.5 that is enough for another term, not for Pakistan.
    addToTally(tally, withPakistan.scan('Officials in Riyadh and Israel said so.').signals);
    expect(withPakistan.allows('pakistan', tally, tally)).toBe(false);
    expect(withPakistan.allows('uae', tally, tally)).toBe(true);
  });

  it('takes no evidence from a signal inside an exclusion phrase', () => {
    const withWord = createEngine(fixtureGlossary(FIXTURE_TERMS, [...FIXTURE_SIGNALS, 'normalization']));
    expect(withWord.scan('Talk of normalization grows again.').signals).toEqual(['normalization']);
    expect(withWord.scan('We teach database normalization and more.').signals).toEqual([]);
  });

  it('drops mentions inside an exclusion phrase but keeps the others', () => {
    const text = 'Type coercion aside, the Abraham Accords show coercion in diplomacy with Israel.';
    const terms = engine.scan(text).mentions.map((m) => [text.slice(m.start, m.end), m.term]);
    expect(terms).toEqual([
      ['Abraham Accords', 'abraham-accords'],
      ['coercion', 'coercion'],
      ['Israel', 'israel'],
    ]);
  });

  it('takes no signals from menu items, tags and other bare labels', () => {
    expect(engine.scan('Middle East').signals).toEqual([]);
    expect(engine.scan('Israel-Gaza war').signals).toEqual([]);
    // A cricket report on a news site whose menu lists Middle East topics stays unlit.
    expect(
      shown(['Middle East', 'Israel-Gaza war', 'Saudi Arabia', 'Pakistan beat the UAE by six wickets.']),
    ).toEqual([]);
    expect(engine.scan('Fighting in Gaza and the Middle East.').signals.sort()).toEqual([
      'gaza',
      'middle east',
    ]);
  });

  it('decides on the article region, backed by the whole page only where the region has some evidence', () => {
    const none: SignalTally = new Map();
    const onTopic: SignalTally = new Map();
    addToTally(onTopic, engine.scan('Talks on the Abraham Accords, in Riyadh and on Gaza.').signals);
    expect(engine.allows('leverage', none, onTopic)).toBe(true);
    // A cricket report whose sidebar is about the briefing: the page is, the report is not.
    expect(engine.allows('leverage', onTopic, none)).toBe(false);
    const weak: SignalTally = new Map();
    addToTally(weak, engine.scan('Officials said so in Riyadh.').signals);
    expect(engine.allows('leverage', none, weak)).toBe(false);
    expect(engine.allows('leverage', onTopic, weak)).toBe(true);
    // One other story's headline ("most read") is not enough page-wide evidence.
    const sidebar: SignalTally = new Map();
    addToTally(sidebar, engine.scan('Most read: the Abraham Accords turn five').signals);
    expect(engine.allows('leverage', sidebar, weak)).toBe(false);
  });
});
