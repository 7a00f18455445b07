// The matching engine the page layer uses: one phrase index holding every alias (generated variants
// included) and every context signal, a near-miss layer behind it, and the context model that decides
// whether an ambiguous term may be shown.

import type { CompiledGlossary } from '../../glossary/types';
import { ContextModel, termSignalId } from './context';
import { type PhraseEntry, PhraseIndex } from './phrase-index';
import type { BlockScan, Engine, Mention, SignalTally } from './types';

export interface MatchEngine extends Engine {
  /** Fuse searches run so far (a per-word cache keeps this near the number of distinct near misses). */
  readonly fuzzySearches: number;
}

export function createEngine(
  glossary: Pick<CompiledGlossary, 'terms' | 'aliases'> & Partial<Pick<CompiledGlossary, 'exclusions'>>,
): MatchEngine {
  const context = new ContextModel(glossary);
  const termIds = glossary.terms.map((t) => t.id);
  const termIndex = new Map(termIds.map((id, i) => [id, i]));

  // Signal ids: the signal phrases, then one per term (used only for unambiguous terms).
  const signalIds = [...context.signalPhrases, ...termIds.map(termSignalId)];
  const phraseSignal = new Map(context.signalPhrases.map((p, i) => [p, i]));
  const termSignal = (i: number) => context.signalPhrases.length + i;

  const entries: PhraseEntry[] = [];
  for (const alias of glossary.aliases) {
    const term = termIndex.get(alias.term);
    if (term === undefined || !alias.norm) continue;
    const unambiguous = glossary.terms[term]?.mode === 'unambiguous';
    entries.push({ phrase: alias.norm, term, signal: unambiguous ? termSignal(term) : -1 });
  }
  // Exclusions ("type coercion", "normalized to"): phrases around an alias that mean something else. As a
  // pseudo-term they win the longest match over the alias inside them, and their matches are dropped.
  const excluded = termIds.length;
  for (const ex of glossary.exclusions ?? []) entries.push({ phrase: ex.norm, term: excluded, signal: -1 });
  for (const [phrase, signal] of phraseSignal) entries.push({ phrase, term: -1, signal });
  const index = new PhraseIndex(entries);

  return {
    scan(text: string): BlockScan {
      const { matches, signals } = index.scan(text);
      const mentions: Mention[] = matches
        .filter((m) => m.term !== excluded)
        .map((m) => ({
          start: m.start,
          end: m.end,
          term: termIds[m.term] as string,
          fuzzy: m.fuzzy,
        }));
      return { mentions, signals: signals.map((s) => signalIds[s] as string) };
    },
    allows(term: string, page: SignalTally, region: SignalTally): boolean {
      return context.allows(term, page, region);
    },
    get fuzzySearches() {
      return index.fuzzySearches;
    },
  };
}
