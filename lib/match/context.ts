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
  /** Briefing id → the signal ids (and their weights) that make a page about it. */
  private readonly evidence = new Map<string, Map<string, number>>();
  /** Contextual term id → its briefing and its own normalised forms (which never vouch for it). */
  private readonly contextual = new Map<string, { briefing: string; own: Set<string> }>();
  private readonly unambiguous = new Set<string>();

  /** Every distinct normalised signal phrase of the glossary, in a stable order. */
  readonly signalPhrases: string[];

  constructor(glossary: Pick<CompiledGlossary, 'terms' | 'aliases'>) {
    const all = new Set<string>();
    // Packs repeat the same signal lists across terms: normalise each distinct phrase once.
    const normalised = new Map<string, string>();
    const ownForms = new Map<string, Set<string>>();
    for (const term of glossary.terms) {
      let weights = this.evidence.get(term.briefing);
      if (!weights) {
        weights = new Map();
        this.evidence.set(term.briefing, weights);
      }
      if (term.mode === 'unambiguous') {
        this.unambiguous.add(term.id);
        weights.set(termSignalId(term.id), signalWeight(termSignalId(term.id)));
      } else {
        const own = new Set<string>();
        ownForms.set(term.id, own);
        this.contextual.set(term.id, { briefing: term.briefing, own });
      }
      for (const s of term.signals) {
        let norm = normalised.get(s);
        if (norm === undefined) {
          norm = normaliseForMatch(s);
          normalised.set(s, norm);
        }
        if (!norm) continue;
        weights.set(norm, signalWeight(norm));
        all.add(norm);
      }
    }
    this.signalPhrases = [...all];
    for (const a of glossary.aliases) ownForms.get(a.term)?.add(a.norm);
  }

  /** Weighted count of the distinct signals in `tally` that vouch for a contextual term. */
  score(termId: string, tally: SignalTally): number {
    const term = this.contextual.get(termId);
    const weights = term && this.evidence.get(term.briefing);
    if (!term || !weights) return 0;
    let score = 0;
    for (const [id, count] of tally) {
      if (count > 0 && !term.own.has(id)) score += weights.get(id) ?? 0;
    }
    return score;
  }

  allows(termId: string, page: SignalTally, region: SignalTally): boolean {
    if (this.unambiguous.has(termId)) return true;
    return this.score(termId, region) >= REGION_THRESHOLD || this.score(termId, page) >= PAGE_THRESHOLD;
  }
}
