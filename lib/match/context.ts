// Context decisions for ambiguous terms. "normalization", "leverage", "Pakistan" mean other things on a
// database, finance or cricket page, so a contextual term is shown only where its briefing is the
// subject: where the signals its pack lists (the briefing's and the term's own) are present, and, counting
// double, mentions of the briefing's unambiguous terms ("Abraham Accords"). Evidence is counted in
// distinct concepts, not surface forms: "Israel", "Israeli" and "Israel's" are one piece of evidence, one
// word repeated down a page is one, and a term's own forms never vouch for it.

import type { CompiledGlossary } from '../../glossary/types';
import { normaliseForMatch } from './normalise';
import { tokenize } from './tokens';
import type { SignalTally } from './types';

/** Signal id for a mention of an unambiguous term. */
export function termSignalId(termId: string): string {
  return `term:${termId}`;
}

/** Enough evidence in the mention's own article region… */
export const REGION_THRESHOLD = 2;
/**
 * …or across the whole page (a page's headline and body can sit in different regions). Higher, so that
 * one other story's headline in a sidebar (an unambiguous term and a signal: 3) does not light a page.
 */
export const PAGE_THRESHOLD = 4;
/** Weight of a mention of an unambiguous term (a signal phrase weighs 1). */
export const STRONG_WEIGHT = 2;
/**
 * Weight of a signal that is itself a contextual term's alias ("Israel", "normalisation"): an ambiguous
 * word is weak evidence, or a machine-learning page naming an Israeli lab would vouch for "coercion".
 */
export const AMBIGUOUS_WEIGHT = 0.5;

/** Add a block's signals to a tally. */
export function addToTally(tally: SignalTally, signals: readonly string[]): void {
  for (const s of signals) tally.set(s, (tally.get(s) ?? 0) + 1);
}

interface Evidence {
  concept: string;
  weight: number;
}

/** Shared by the (many) terms whose signals are all briefing signals. */
const NO_EVIDENCE: ReadonlyMap<string, Evidence> = new Map();

/** Crude singular of a signal phrase's words, so "arab states" and "arab state" are one concept. */
function conceptOfPhrase(phrase: string): string {
  return tokenize(phrase)
    .tokens.map((t) => (t.length > 3 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t))
    .filter((t) => t !== 's')
    .join(' ');
}

/** Evidence as plain arrays: [signal id, concept, weight]. */
type EvidenceRow = [string, string, number];

/**
 * The context model as plain arrays: what `compileContext` works out from the glossary at build time and
 * the content script loads, so no signal phrase is normalised on the page.
 */
export interface ContextData {
  /** Per briefing: the evidence its signals and its unambiguous terms give. */
  briefings: Array<[string, EvidenceRow[]]>;
  /** Per contextual term: [term id, briefing id, its own concept, the evidence its pack entry adds]. */
  contextual: Array<[string, string, string, EvidenceRow[]]>;
  unambiguous: string[];
  /** Every distinct normalised signal phrase of the glossary, in a stable order. */
  signalPhrases: string[];
}

export function compileContext(
  glossary: Pick<CompiledGlossary, 'terms' | 'aliases' | 'briefings'>,
): ContextData {
  // Which signal phrases are some term's alias: only the (few) signal forms are looked up, so a big
  // glossary's alias table is read once and not copied into a map.
  const rawSignals = new Set<string>();
  for (const b of glossary.briefings) for (const raw of b.signals) rawSignals.add(raw);
  for (const t of glossary.terms) for (const raw of t.signals) rawSignals.add(raw);
  const signalForms = new Set([...rawSignals].map(normaliseForMatch));
  const termOfForm = new Map<string, string>();
  for (const a of glossary.aliases) if (signalForms.has(a.norm)) termOfForm.set(a.norm, a.term);
  const modeOf = new Map(glossary.terms.map((t) => [t.id, t.mode]));
  // Packs repeat the same signal lists across terms: normalise and classify each phrase once.
  const known = new Map<string, { norm: string; evidence: Evidence }>();
  const classify = (raw: string) => {
    let k = known.get(raw);
    if (!k) {
      const norm = normaliseForMatch(raw);
      const term = termOfForm.get(norm);
      const evidence =
        term !== undefined
          ? {
              concept: termSignalId(term),
              weight: modeOf.get(term) === 'unambiguous' ? STRONG_WEIGHT : AMBIGUOUS_WEIGHT,
            }
          : { concept: conceptOfPhrase(norm), weight: 1 };
      k = { norm, evidence };
      known.set(raw, k);
    }
    return k;
  };
  const briefingEvidence = new Map<string, Map<string, Evidence>>();
  const evidenceOf = (briefing: string) => {
    let map = briefingEvidence.get(briefing);
    if (!map) {
      map = new Map();
      briefingEvidence.set(briefing, map);
    }
    return map;
  };
  const rows = (map: ReadonlyMap<string, Evidence>): EvidenceRow[] =>
    [...map].map(([id, e]) => [id, e.concept, e.weight]);

  for (const b of glossary.briefings) {
    const map = evidenceOf(b.id);
    for (const raw of b.signals) {
      const { norm, evidence } = classify(raw);
      if (norm) map.set(norm, evidence);
    }
  }
  const unambiguous: string[] = [];
  const contextual: ContextData['contextual'] = [];
  for (const term of glossary.terms) {
    if (term.mode === 'unambiguous') {
      unambiguous.push(term.id);
      const id = termSignalId(term.id);
      evidenceOf(term.briefing).set(id, { concept: id, weight: STRONG_WEIGHT });
      continue;
    }
    const briefing = evidenceOf(term.briefing);
    const extra = new Map<string, Evidence>();
    for (const raw of term.signals) {
      const { norm, evidence } = classify(raw);
      if (!norm || briefing.has(norm)) continue;
      extra.set(norm, evidence);
    }
    contextual.push([term.id, term.briefing, termSignalId(term.id), rows(extra)]);
  }
  return {
    briefings: [...briefingEvidence].map(([id, map]) => [id, rows(map)]),
    contextual,
    unambiguous,
    signalPhrases: [...new Set([...known.values()].map((k) => k.norm).filter((n) => n))],
  };
}

export class ContextModel {
  /** Briefing id → signal id → the concept it evidences and its weight (briefing signals, strong terms). */
  private readonly briefingEvidence = new Map<string, Map<string, Evidence>>();
  /** Contextual term id → its briefing, its own concept, and the signals its pack entry adds. */
  private readonly contextual = new Map<
    string,
    { briefing: string; own: string; extra: ReadonlyMap<string, Evidence> }
  >();
  private readonly unambiguous: Set<string>;

  /** Every distinct normalised signal phrase of the glossary, in a stable order. */
  readonly signalPhrases: string[];

  constructor(data: ContextData) {
    const evidence = (rows: EvidenceRow[]): Map<string, Evidence> =>
      new Map(rows.map(([id, concept, weight]) => [id, { concept, weight }]));
    for (const [id, rows] of data.briefings) this.briefingEvidence.set(id, evidence(rows));
    for (const [term, briefing, own, extra] of data.contextual) {
      this.contextual.set(term, { briefing, own, extra: extra.length ? evidence(extra) : NO_EVIDENCE });
    }
    this.unambiguous = new Set(data.unambiguous);
    this.signalPhrases = data.signalPhrases;
  }

  /** Weighted count of the distinct concepts in `tally` that vouch for a contextual term. */
  score(termId: string, tally: SignalTally): number {
    const term = this.contextual.get(termId);
    const briefing = term && this.briefingEvidence.get(term.briefing);
    if (!term || !briefing || tally.size === 0) return 0;
    const seen = new Map<string, number>();
    for (const [id, count] of tally) {
      if (count <= 0) continue;
      const e = briefing.get(id) ?? term.extra.get(id);
      // A term's own forms never vouch for it.
      if (e && e.concept !== term.own && (seen.get(e.concept) ?? 0) < e.weight) seen.set(e.concept, e.weight);
    }
    let score = 0;
    for (const w of seen.values()) score += w;
    return score;
  }

  allows(termId: string, page: SignalTally, region: SignalTally): boolean {
    if (this.unambiguous.has(termId)) return true;
    const local = this.score(termId, region);
    // Page-wide evidence only backs a region that has some of its own: a cricket report does not become
    // about the briefing because the sidebar's "most read" list is.
    return local >= REGION_THRESHOLD || (local > 0 && this.score(termId, page) >= PAGE_THRESHOLD);
  }
}
