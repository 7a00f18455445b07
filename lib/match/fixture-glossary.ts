// A small hand-made compiled glossary for the engine's unit tests and benchmark: the shapes the glossary
// compiler emits, with variants written out by hand, so the engine is tested without the build step.

import type { AliasEntry, Briefing, ExclusionEntry, Term, TermMode } from '../../glossary/types';
import type { EngineGlossary } from './engine';
import { normaliseForMatch } from './normalise';

type FixtureTerm = Pick<Term, 'id' | 'briefing' | 'label' | 'topic' | 'mode' | 'signals'> & {
  aliases: string[];
  variants?: string[];
};

const BRIEFING = 'coercion-not-partnership';
export const FIXTURE_SIGNALS = [
  'Israel',
  'Israeli',
  'Saudi Arabia',
  'Riyadh',
  'Islamabad',
  'Tehran',
  'Palestinians',
  'Gaza',
  'Middle East',
  'diplomatic relations',
  'recognize Israel',
  'recognise Israel',
  'peace deal',
  'Netanyahu',
  'Trump administration',
  'Arab states',
  'Muslim-majority',
];

function term(
  id: string,
  label: string,
  mode: TermMode,
  aliases: string[],
  variants: string[] = [],
  topic = 'diplomacy',
): FixtureTerm {
  return {
    id,
    briefing: BRIEFING,
    label,
    topic,
    mode,
    // The fixture's signals are briefing-level (see `fixtureGlossary`), as most of a real pack's are.
    signals: [],
    aliases,
    variants,
  };
}

export const FIXTURE_TERMS: FixtureTerm[] = [
  term(
    'abraham-accords',
    'Abraham Accords',
    'unambiguous',
    ['Abraham Accords'],
    ['Abraham Accord', "Abraham Accords'"],
  ),
  term(
    'normalization',
    'Normalization',
    'contextual',
    ['normalization', 'normalize'],
    [
      'normalisation',
      'normalise',
      'normalizing',
      'normalising',
      'normalized',
      'normalised',
      'normalizes',
      'normalises',
    ],
  ),
  term('pakistan', 'Pakistan', 'contextual', ['Pakistan'], ["Pakistan's", 'Pakistani', 'Pakistanis']),
  term(
    'uae',
    'United Arab Emirates',
    'contextual',
    ['UAE', 'United Arab Emirates'],
    ['Emirati', 'Emiratis', "UAE's"],
  ),
  term('bahrain', 'Bahrain', 'contextual', ['Bahrain'], ["Bahrain's", 'Bahraini', 'Bahrainis']),
  term('iran-nuclear-talks', 'Iran nuclear talks', 'unambiguous', [
    'Iran nuclear talks',
    'Iran nuclear deal',
    'Iran nuclear agreement',
  ]),
  term(
    'iran-regional-influence',
    "Iran's regional influence",
    'unambiguous',
    ["Iran's regional influence"],
    ['Iran regional influence'],
  ),
  term('israeli-palestinian-conflict', 'Israeli-Palestinian conflict', 'unambiguous', [
    'Israeli-Palestinian conflict',
  ]),
  term('palestinian-statehood', 'Palestinian statehood', 'unambiguous', ['Palestinian statehood']),
  term(
    'trump-administration',
    'Trump administration',
    'unambiguous',
    ['Trump administration'],
    ["Trump administration's"],
  ),
  term('muslim-majority-countries', 'Muslim-majority countries', 'unambiguous', [
    'Muslim-majority countries',
    'Muslim-majority country',
    'Muslim-majority nations',
  ]),
  term('leverage', 'Leverage', 'contextual', ['leverage'], ['leveraged', 'leveraging']),
  term('coercion', 'Coercion', 'contextual', ['coercion'], ['coercive', 'coerce', 'coerced']),
  term('sovereignty', 'Sovereignty', 'contextual', ['sovereignty']),
  term('iran', 'Iran', 'contextual', ['Iran'], ["Iran's"]),
  term('israel', 'Israel', 'contextual', ['Israel'], ["Israel's", 'Israeli', 'Israelis']),
];

const FIXTURE_EXCLUSIONS: Array<[string, string]> = [
  ['type coercion', 'coercion'],
  ['Bahrain Grand Prix', 'bahrain'],
  ['database normalization', 'normalization'],
];

export function fixtureGlossary(
  terms: FixtureTerm[] = FIXTURE_TERMS,
  signals: string[] = FIXTURE_SIGNALS,
): EngineGlossary {
  const aliases: AliasEntry[] = [];
  const seen = new Set<string>();
  for (const t of terms) {
    const add = (form: string, variant: boolean) => {
      const norm = normaliseForMatch(form);
      if (seen.has(norm)) return;
      seen.add(norm);
      aliases.push({ norm, term: t.id, variant, source: form });
    };
    for (const a of t.aliases) add(a, false);
    for (const v of t.variants ?? []) add(v, true);
  }
  aliases.sort((a, b) => (a.norm < b.norm ? -1 : a.norm > b.norm ? 1 : 0));
  const full: Term[] = terms.map((t) => ({
    id: t.id,
    briefing: t.briefing,
    label: t.label,
    topic: t.topic,
    aliases: t.aliases,
    short: '',
    long: '',
    related: [],
    qa: [],
    mode: t.mode,
    signals: t.signals,
    citations: [],
  }));
  const briefing: Briefing = {
    id: BRIEFING,
    headline: 'headline',
    standfirst: 'standfirst',
    keyPoints: [],
    analysis: [],
    report: [],
    quotes: [],
    conversationTitle: '',
    conversationSubtitle: '',
    conversation: [],
    signals: signals.map(normaliseForMatch),
  };
  const exclusions: ExclusionEntry[] = FIXTURE_EXCLUSIONS.map(([phrase, term]) => ({
    norm: normaliseForMatch(phrase),
    term,
  }));
  return { terms: full, aliases, briefings: [briefing], exclusions };
}
