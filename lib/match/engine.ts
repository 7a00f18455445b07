// The matching engine the page layer uses: one phrase index holding every alias (generated variants
// included), every context signal and every exclusion, a near-miss layer behind it, and the context
// model that decides whether an ambiguous term may be shown.

import type { CompiledGlossary } from '../../glossary/types';
import { type ContextData, ContextModel, compileContext, termSignalId } from './context';
import { PhraseIndex, type PhraseIndexData } from './phrase-index';
import { hashToken } from './tokens';
import type { BlockScan, Engine, Mention, SignalTally } from './types';

/** Shared result for blocks with nothing in them (most of a page): frozen, since every caller gets it. */
const EMPTY = Object.freeze({
  mentions: Object.freeze([]),
  signals: Object.freeze([]),
}) as unknown as BlockScan;

/** The parts of the compiled glossary the engine reads. */
export type EngineGlossary = Pick<CompiledGlossary, 'terms' | 'aliases' | 'briefings' | 'exclusions'>;

export interface MatchEngine extends Engine {
  /** Typo alignments run so far (a per-word cache and cheap checks keep this near the distinct near misses). */
  readonly alignments: number;
  /** Page words so far that were alias tokens or near-miss candidates; all other words cost one hash probe. */
  readonly keptWords: number;
}

/**
 * Everything the engine needs, as plain arrays (JSON-safe): `npm run glossary:check` writes it for the
 * bundled glossary (`glossary/generated/content-engine.json`), so the content script loads the engine
 * (`loadEngine`) instead of folding, cutting and hashing every alias and signal on each page it opens.
 */
export interface EngineData {
  /** Term ids, by the index the phrase index uses. */
  terms: string[];
  index: PhraseIndexData;
  context: ContextData;
}

/** A glossary this big has its engine's derived tables written out (see `PhraseIndexData.derived`). */
const DERIVED_FROM_TOKENS = 4096;

/**
 * Works out the engine's data from a glossary (build time; tests go through it too). `derived`: write out
 * what loading would otherwise work out (default: for glossaries of 4,096 tokens or more).
 */
export function compileEngine(glossary: EngineGlossary, options: { derived?: boolean } = {}): EngineData {
  const context = compileContext(glossary);
  const termIds = glossary.terms.map((t) => t.id);
  const termIndex = new Map(termIds.map((id, i) => [id, i]));

  const termSignal = (i: number) => context.signalPhrases.length + i;

  const unambiguous = glossary.terms.map((t) => t.mode === 'unambiguous');
  const addAll = (index: PhraseIndex) => {
    for (const alias of glossary.aliases) {
      const term = termIndex.get(alias.term);
      if (term === undefined || !alias.norm) continue;
      index.add(alias.norm, term, unambiguous[term] ? termSignal(term) : -1);
    }
    context.signalPhrases.forEach((phrase, signal) => {
      index.add(phrase, -1, signal);
    });
    // Exclusions ("type coercion", "Bahrain Grand Prix"): a mention inside one is not a mention of its term.
    for (const ex of glossary.exclusions) {
      const term = termIndex.get(ex.term);
      if (term !== undefined && ex.norm) index.add(ex.norm, -1, -1, term);
    }
  };
  // Token ids in order of hash, as the loaded engine's token table (SortedTokens) needs: a first pass finds the
  // tokens, the second adds the phrases to an index that already holds them in that order.
  const first = new PhraseIndex(glossary.aliases.length);
  addAll(first);
  const tokens = first.tokens.strings
    .map((token) => ({ token, hash: hashToken(token) }))
    .sort((a, b) => a.hash - b.hash || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
  const index = new PhraseIndex(tokens.length);
  for (const t of tokens) index.addToken(t.token);
  addAll(index);
  index.seal();
  const derived = options.derived ?? tokens.length >= DERIVED_FROM_TOKENS;
  return { terms: termIds, index: index.export(derived), context };
}

export function createEngine(glossary: EngineGlossary): MatchEngine {
  return loadEngine(compileEngine(glossary));
}

/** The engine from `compileEngine`'s data (possibly through JSON): no text is normalised here. */
export function loadEngine(data: EngineData): MatchEngine {
  const context = new ContextModel(data.context);
  const termIds = data.terms;
  // Signal ids, by the phrase index's signal numbers: the signal phrases, then one per term (used only
  // for unambiguous terms; see `compileEngine`).
  const signalIds = [...data.context.signalPhrases, ...termIds.map(termSignalId)];
  const index = PhraseIndex.load(data.index);

  return {
    scan(text: string): BlockScan {
      const { matches, signals } = index.scan(text);
      if (matches.length === 0 && signals.length === 0) return EMPTY;
      const mentions: Mention[] = matches.map((m) => ({
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
    get alignments() {
      return index.alignments;
    },
    get keptWords() {
      return index.keptWords;
    },
  };
}

/**
 * An engine built on first use rather than when the content script starts: a paused site never pays for
 * it, and the script's first task (evaluating it, during the page's own loading) stays short.
 */
export function lazyEngine(build: () => Engine): Engine {
  let engine: Engine | undefined;
  const get = () => {
    engine ??= build();
    return engine;
  };
  return {
    scan: (text) => get().scan(text),
    allows: (term, page, region) => get().allows(term, page, region),
    prepare: () => void get(),
  };
}
