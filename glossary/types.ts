// The compiled glossary: what `glossary/compile.ts` emits into `glossary/generated/glossary.json`
// and what every entrypoint imports through `glossary/index.ts`. Pure data, JSON-serialisable.

export type TermMode = 'unambiguous' | 'contextual';

/** One paragraph, bullet, quote or Q&A line of a briefing's source, addressable by a stable id. */
export interface Passage {
  /**
   * Stable id derived from the source's structure, e.g. `report-4`, `key-2`, `conversation-q3`, after the
   * pack's optional `source.idPrefix` (empty for the bundled briefing) that keeps briefings apart.
   */
  id: string;
  briefing: string;
  part: 'headline' | 'standfirst' | 'key-points' | 'analysis' | 'report' | 'quotes' | 'conversation';
  text: string;
}

export interface Citation {
  passage: string;
  /** Verbatim (whitespace folded) substring of the passage's text. */
  quote: string;
}

export interface Topic {
  id: string;
  briefing: string;
  name: string;
  description: string;
  defaultOn: boolean;
}

export interface Term {
  id: string;
  briefing: string;
  label: string;
  topic: string;
  /** Aliases as authored (display forms). */
  aliases: string[];
  /** ≤ 280 characters, shown in the card. */
  short: string;
  long: string;
  related: string[];
  qa: string[];
  mode: TermMode;
  /**
   * For contextual terms: words and phrases whose presence makes a page about this briefing, normalised
   * (`normaliseForMatch`) with their generated variants, sorted. Empty for unambiguous terms.
   */
  signals: string[];
  citations: Citation[];
}

export interface QA {
  id: string;
  briefing: string;
  question: string;
  answer: string;
  origin: 'conversation' | 'authored';
  /** For conversation pairs: the passage ids of the question and the answer lines. */
  questionPassage?: string;
  answerPassage?: string;
  citations: Citation[];
}

export interface Quote {
  passage: string;
  text: string;
  attribution: string;
}

export interface Briefing {
  id: string;
  headline: string; // passage id
  standfirst: string; // passage id
  keyPoints: string[]; // passage ids
  analysis: string[]; // passage ids
  report: string[]; // passage ids
  quotes: Quote[];
  conversationTitle: string;
  conversationSubtitle: string;
  conversation: string[]; // QA ids, in source order
  /** Briefing-level signals (normalised, with variants, sorted): words that put any page in its subject. */
  signals: string[];
}

/**
 * A phrase that contains one of a term's aliases but means something else ("type coercion",
 * "Bahrain Grand Prix"): a mention inside it is not a mention of the term. Normalised, with spelling twins.
 */
export interface ExclusionEntry {
  norm: string;
  term: string;
}

/**
 * One matchable surface form. `norm` is the alias after `normaliseForMatch` (lib/match/normalise.ts):
 * lower-case tokens joined by single spaces. Variants generated at build time are separate entries.
 */
export interface AliasEntry {
  norm: string;
  term: string;
  /** Whether this entry is an authored alias (false) or a generated variant (true). */
  variant: boolean;
  /** The authored alias this entry comes from (display form). */
  source: string;
}

export interface CompiledGlossary {
  formatVersion: 1;
  briefings: Briefing[];
  passages: Record<string, Passage>;
  topics: Topic[];
  terms: Term[];
  qa: QA[];
  /** Sorted by `norm` for determinism; a norm maps to exactly one term (collisions resolved at build). */
  aliases: AliasEntry[];
  /** Sorted by `norm`, then `term`. */
  exclusions: ExclusionEntry[];
}

/**
 * The popup's search index, kept out of `CompiledGlossary` so the content script does not bundle it:
 * `glossary/generated/search-index.json`, imported through `glossary/search-index.ts`.
 * `index` is `Fuse.createIndex(keys, docs).toJSON()`; pass the same `keys`, in this order, to Fuse.
 */
export interface SearchIndexData {
  keys: string[];
  docs: SearchDoc[];
  index: unknown;
}

export interface SearchDoc {
  kind: 'term' | 'qa';
  id: string;
  label: string;
  aliases: string[];
  text: string;
}
