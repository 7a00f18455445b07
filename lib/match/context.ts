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
/** …or across the whole page (a page's headline and body can sit in different regions). */
export const PAGE_THRESHOLD = 3;
/** Weight of a mention of an unambiguous term (a signal phrase weighs 1). */
export const STRONG_WEIGHT = 2;

/** Add a block's signals to a tally. */
export function addToTally(tally: SignalTally, signals: readonly string[]): void {
  for (const s of signals) tally.set(s, (tally.get(s) ?? 0) + 1);
}

interface Evidence {
  concept: string;
  weight: number;
}

/** Crude singular of a signal phrase's words, so "arab states" and "arab state" are one concept. */
function conceptOfPhrase(phrase: string): string {
  return tokenize(phrase)
    .tokens.map((t) => (t.length > 3 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t))
    .filter((t) => t !== 's')
    .join(' ');
}

export class ContextModel {
  /** Contextual term id → signal id → the concept it evidences and its weight. */
  private readonly evidence = new Map<string, Map<string, Evidence>>();
  private readonly unambiguous = new Set<string>();

  /** Every distinct normalised signal phrase of the glossary, in a stable order. */
  readonly signalPhrases: string[];

  constructor(glossary: Pick<CompiledGlossary, 'terms' | 'aliases' | 'briefings'>) {
    // Packs repeat the same signal lists across terms: normalise and classify each phrase once.
    const termOfForm = new Map<string, string>();
    for (const a of glossary.aliases) termOfForm.set(a.norm, a.term);
    const modeOf = new Map(glossary.terms.map((t) => [t.id, t.mode]));
    const known = new Map<string, { norm: string; evidence: Evidence }>();
    const classify = (raw: string) => {
      let k = known.get(raw);
      if (!k) {
        const norm = normaliseForMatch(raw);
        const term = termOfForm.get(norm);
        const evidence =
          term !== undefined
            ? { concept: termSignalId(term), weight: modeOf.get(term) === 'unambiguous' ? STRONG_WEIGHT : 1 }
            : { concept: conceptOfPhrase(norm), weight: 1 };
        k = { norm, evidence };
        known.set(raw, k);
      }
      return k;
    };

    const briefingSignals = new Map(glossary.briefings.map((b) => [b.id, b.signals]));
    const strongByBriefing = new Map<string, string[]>();
    for (const term of glossary.terms) {
      if (term.mode !== 'unambiguous') continue;
      this.unambiguous.add(term.id);
      const list = strongByBriefing.get(term.briefing) ?? [];
      list.push(term.id);
      strongByBriefing.set(term.briefing, list);
    }

    for (const term of glossary.terms) {
      if (term.mode !== 'contextual') continue;
      const weights = new Map<string, Evidence>();
      for (const raw of [...(briefingSignals.get(term.briefing) ?? []), ...term.signals]) {
        const { norm, evidence } = classify(raw);
        if (norm && evidence.concept !== termSignalId(term.id)) weights.set(norm, evidence);
      }
      for (const id of strongByBriefing.get(term.briefing) ?? []) {
        weights.set(termSignalId(id), { concept: termSignalId(id), weight: STRONG_WEIGHT });
      }
      this.evidence.set(term.id, weights);
    }
    this.signalPhrases = [...new Set([...known.values()].map((k) => k.norm).filter((n) => n))];
  }

  /** Weighted count of the distinct concepts in `tally` that vouch for a contextual term. */
  score(termId: string, tally: SignalTally): number {
    const weights = this.evidence.get(termId);
    if (!weights || tally.size === 0) return 0;
    const seen = new Map<string, number>();
    for (const [id, count] of tally) {
      const e = count > 0 ? weights.get(id) : undefined;
      if (e && (seen.get(e.concept) ?? 0) < e.weight) seen.set(e.concept, e.weight);
    }
    let score = 0;
    for (const w of seen.values()) score += w;
    return score;
  }

  allows(termId: string, page: SignalTally, region: SignalTally): boolean {
    if (this.unambiguous.has(termId)) return true;
    return this.score(termId, region) >= REGION_THRESHOLD || this.score(termId, page) >= PAGE_THRESHOLD;
  }
}
