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
  const tight = new Fuse(docs, {
    keys,
    threshold: 0.25,
    ignoreDiacritics: true,
    includeScore: true,
    includeMatches: true,
  });
  const loose = new Fuse(docs, {
    keys,
    threshold: 0.5,
    ignoreDiacritics: true,
    includeScore: true,
    useTokenSearch: true,
    ignoreLocation: true,
  });

  /**
   * A near miss must be about as long as the name it resembles: Fuse happily finds "the" at the start
   * of "the United States" or "Iran" in "Iran talks", which are not what the reader selected.
   */
  const nearMiss = (text: string): string | undefined => {
    for (const r of tight.search(text, { limit: 3 })) {
      const sameSize = (r.matches ?? []).some((m) => m.value && lengthRatio(m.value, text) >= 0.8);
      if (sameSize) return r.item.id;
    }
    return undefined;
  };

  /** Terms sharing a word with the selection first ("Bahrain Grand Prix" → Bahrain), then by Fuse. */
  const nearest = (text: string, exclude: string | undefined): string[] => {
    // Short words ("the", "of", "US") would make every multi-word name look related.
    const typed = words(text).filter((w) => w.length >= 4);
    return (
      loose
        .search(text, { limit: 12 })
        .map((r) => {
          const names = [r.item.label, ...r.item.aliases].flatMap(words);
          const shared = typed.filter((t) =>
            names.some((n) => n.startsWith(t) || (n.length >= 4 && t.startsWith(n))),
          );
          return { id: r.item.id, shared: shared.length, score: r.score ?? 1 };
        })
        // Beside a match only names sharing a word are worth showing; for a miss, close spellings too.
        .filter((x) => x.id !== exclude && (x.shared > 0 || (!exclude && text.length >= 4 && x.score < 0.3)))
        .sort((a, b) => b.shared - a.shared || a.score - b.score)
        .slice(0, SUGGESTIONS)
        .map((x) => x.id)
    );
  };

  return (selection: string): SelectionLookup => {
    const text = cleanSelection(selection);
    if (!text) return { text, suggestions: [] };
    const term = byNorm.get(normaliseForMatch(text)) ?? nearMiss(text);
    const suggestions = nearest(text, term);
    return term ? { text, term, suggestions } : { text, suggestions };
  };
}

function words(s: string): string[] {
  return (
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function lengthRatio(a: string, b: string): number {
  const x = a.trim().length;
  const y = b.trim().length;
  return Math.min(x, y) / Math.max(x, y, 1);
}

export function cleanSelection(selection: string): string {
  const folded = selection.replace(/\s+/g, ' ').trim();
  // Quotes and trailing punctuation come along when a reader selects a word by double-click and drag.
  const bare = folded.replace(/^[\s"“”‘’'«»([{]+|[\s"“”‘’'«».,;:!?)\]}]+$/gu, '');
  return bare.length > MAX_SELECTION ? bare.slice(0, MAX_SELECTION).replace(/\s+\S*$/, '') : bare;
}
