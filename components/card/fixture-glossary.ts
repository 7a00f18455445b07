// A small compiled glossary for the card's unit tests: two related terms, four questions, one citation.
import type { CompiledGlossary, QA, Term } from '../../glossary/types';

const term = (id: string, label: string, extra: Partial<Term> = {}): Term => ({
  id,
  briefing: 'b',
  label,
  topic: 'diplomacy',
  aliases: [label],
  short: `${label} in short.`,
  long: `${label} at length, with the background.`,
  related: [],
  qa: [],
  mode: 'unambiguous',
  signals: [],
  citations: [],
  ...extra,
});
const qa = (n: number): QA => ({
  id: `q${n}`,
  briefing: 'b',
  question: `Question ${n}?`,
  answer: `Answer ${n}.`,
  origin: 'authored',
  citations: [],
});

export const fixtureGlossary: CompiledGlossary = {
  formatVersion: 1,
  briefings: [],
  passages: {},
  topics: [{ id: 'diplomacy', briefing: 'b', name: 'Diplomacy', description: '', defaultOn: true }],
  terms: [
    term('accords', 'Abraham Accords', {
      related: ['pakistan', 'missing-term'],
      qa: ['q1', 'q2', 'q3', 'q4'],
      citations: [{ passage: 'key-1', quote: 'a precondition for any Iran nuclear agreement' }],
    }),
    term('pakistan', 'Pakistan', { long: 'Pakistan in short.' }),
  ],
  qa: [qa(1), qa(2), qa(3), qa(4)],
  aliases: [],
  exclusions: [],
};
