// "Explain selection": which glossary term, if any, the reader's selection names. Exact alias first
// (through the compiler's normaliser, so variants count), then Fuse.js over labels and aliases with a
// tight threshold — a near miss such as "Abraham Acords" is still that term, but a random phrase is not.
import Fuse from 'fuse.js';
import type { CompiledGlossary } from '../../glossary/types';
import { normaliseForMatch } from '../match/normalise';

export interface SelectionLookup {
  /** The selection as shown to the reader (trimmed, spacing folded, cut to a sensible length). */
  text: string;
  term?: string;
  /** Nearest other terms, best first (for "no match" and as "see also"). */
  suggestions: string[];
}

/** Longer selections are sentences, not names: only their start is used for the lookup. */
export const MAX_SELECTION = 80;
const SUGGESTIONS = 3;

export function createSelectionLookup(glossary: Pick<CompiledGlossary, 'terms' | 'aliases'>) {
  const byNorm = new Map(glossary.aliases.map((a) => [a.norm, a.term]));
  const docs = glossary.terms.map((t) => ({ id: t.id, label: t.label, aliases: t.aliases }));
  const keys = [
    { name: 'label', weight: 2 },
    { name: 'aliases', weight: 1 },
  ];
  const tight = new Fuse(docs, { keys, threshold: 0.25, ignoreDiacritics: true, includeScore: true });
  const loose = new Fuse(docs, {
    keys,
    threshold: 0.6,
    ignoreDiacritics: true,
    useTokenSearch: true,
    ignoreLocation: true,
  });

  return (selection: string): SelectionLookup => {
    const text = cleanSelection(selection);
    if (!text) return { text, suggestions: [] };
    const term = byNorm.get(normaliseForMatch(text)) ?? tight.search(text, { limit: 1 })[0]?.item.id;
    const suggestions = loose
      .search(text, { limit: SUGGESTIONS + 1 })
      .map((r) => r.item.id)
      .filter((id) => id !== term)
      .slice(0, SUGGESTIONS);
    return term ? { text, term, suggestions } : { text, suggestions };
  };
}

export function cleanSelection(selection: string): string {
  const folded = selection.replace(/\s+/g, ' ').trim();
  // Quotes and trailing punctuation come along when a reader selects a word by double-click and drag.
  const bare = folded.replace(/^[\s"“”‘’'«»([{]+|[\s"“”‘’'«».,;:!?)\]}]+$/gu, '');
  return bare.length > MAX_SELECTION ? bare.slice(0, MAX_SELECTION).replace(/\s+\S*$/, '') : bare;
}
