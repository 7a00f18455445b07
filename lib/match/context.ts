// Context decisions for ambiguous terms. "normalization", "leverage", "Pakistan" mean other things on a
// database, finance or cricket page, so a contextual term is shown only where its briefing's signals
// are present: the signal phrases its pack lists, and, counting double, mentions of the briefing's
// unambiguous terms ("Abraham Accords"). Only distinct signals count, so one word repeated down a page
// does not make it on-topic, and a term's own aliases never vouch for it.

import type { CompiledGlossary } from '../../glossary/types';
import { normaliseForMatch } from './normalise';
import type { SignalTally } from './types';

/** Signal id for a mention of an unambiguous term. */
export function termSignalId(termId: string): string {
  return `term:${termId}`;
}

/** Weight of a signal: mentions of an unambiguous term are strong evidence, a signal phrase is some. */
export function signalWeight(id: string): number {
  return id.startsWith('term:') ? 2 : 1;
}

/** Enough evidence in the mention's own article region… */
export const REGION_THRESHOLD = 2;
/** …or across the whole page (a page's headline and body can sit in different regions). */
export const PAGE_THRESHOLD = 3;

/** Add a block's signals to a tally. */
export function addToTally(tally: SignalTally, signals: readonly string[]): void {
  for (const s of signals) tally.set(s, (tally.get(s) ?? 0) + 1);
}

export class ContextModel {
  /** Contextual term id → the signal ids (and their weights) that vouch for it. */
  private readonly evidence = new Map<string, Map<string, number>>();
  private readonly unambiguous = new Set<string>();
  private readonly known = new Set<string>();

  /** Every distinct normalised signal phrase of the glossary, in a stable order. */
  readonly signalPhrases: string[];

  constructor(glossary: Pick<CompiledGlossary, 'terms' | 'aliases'>) {
    const phrasesByBriefing = new Map<string, Set<string>>();
    const all = new Set<string>();
    for (const term of glossary.terms) {
      this.known.add(term.id);
      let set = phrasesByBriefing.get(term.briefing);
      if (!set) {
        set = new Set();
        phrasesByBriefing.set(term.briefing, set);
      }
      if (term.mode === 'unambiguous') {
        this.unambiguous.add(term.id);
        set.add(termSignalId(term.id));
      }
      for (const s of term.signals) {
        const norm = normaliseForMatch(s);
        if (!norm) continue;
        set.add(norm);
        all.add(norm);
      }
    }
    this.signalPhrases = [...all];

    const ownForms = new Map<string, Set<string>>();
    for (const a of glossary.aliases) {
      let set = ownForms.get(a.term);
      if (!set) {
        set = new Set();
        ownForms.set(a.term, set);
      }
      set.add(a.norm);
    }
    for (const term of glossary.terms) {
      if (term.mode !== 'contextual') continue;
      const own = ownForms.get(term.id) ?? new Set<string>();
      for (const a of term.aliases) own.add(normaliseForMatch(a));
      const weights = new Map<string, number>();
      for (const id of phrasesByBriefing.get(term.briefing) ?? []) {
        if (!own.has(id)) weights.set(id, signalWeight(id));
      }
      this.evidence.set(term.id, weights);
    }
  }

  /** Weighted count of the distinct signals in `tally` that vouch for a contextual term. */
  score(termId: string, tally: SignalTally): number {
    const weights = this.evidence.get(termId);
    if (!weights) return 0;
    let score = 0;
    // Iterate the smaller side: tallies of a block are small, evidence sets can be large.
    if (tally.size <= weights.size) {
      for (const [id, count] of tally) if (count > 0) score += weights.get(id) ?? 0;
    } else {
      for (const [id, w] of weights) if ((tally.get(id) ?? 0) > 0) score += w;
    }
    return score;
  }

  allows(termId: string, page: SignalTally, region: SignalTally): boolean {
    if (this.unambiguous.has(termId)) return true;
    if (!this.known.has(termId)) return false;
    return this.score(termId, region) >= REGION_THRESHOLD || this.score(termId, page) >= PAGE_THRESHOLD;
  }
}
