// Fuzzy search over the glossary for the popup: terms (label, aliases, explainers) and Q&A (question,
// answer), using the Fuse.js index the glossary compiler prebuilt, so opening the popup indexes nothing.
import Fuse, { type FuseResult, type FuseResultMatch, type IFuseOptions } from 'fuse.js';
import type { SearchDoc, SearchIndexData } from '../glossary/types';

export type Range = readonly [start: number, end: number];

/** A piece of text with the character ranges (inclusive end, as Fuse reports them) that matched. */
export interface Marked {
  text: string;
  ranges: Range[];
}

export interface SearchHit {
  kind: SearchDoc['kind'];
  id: string;
  /** The term's label or the question, with matched characters. */
  title: Marked;
  /** Why it matched when the title did not say: the alias or a window of the explainer/answer. */
  detail?: Marked & { field: 'alias' | 'text' };
  score: number;
}

export interface GlossarySearch {
  /** Results for what the reader typed, best first; typos forgiven; every word must match somewhere. */
  search(query: string, limit?: number): SearchHit[];
  /** The closest terms to a query that found nothing (looser, any word, terms only). */
  suggest(query: string, limit?: number): SearchHit[];
}

// A label hit says more than an alias hit, which says more than a word deep in an explainer.
const WEIGHTS: Record<string, number> = { label: 3, aliases: 2, text: 1 };
const SNIPPET_RADIUS = 60;

const BASE: IFuseOptions<SearchDoc> = {
  includeMatches: true,
  includeScore: true,
  ignoreDiacritics: true,
  // Per-word Bitap with TF-IDF weighting: multi-word queries match words anywhere in a field
  // (an answer's "religious ... opposition"), each word forgiving a typo or two.
  useTokenSearch: true,
  minMatchCharLength: 2,
};

export function createSearch(data: SearchIndexData): GlossarySearch {
  const { docs, keys, index } = data;
  // Keys must be given in the index's own order: records refer to keys by position.
  const weighted = keys.map((name) => ({ name, weight: WEIGHTS[name] ?? 1 }));
  const parsed = Fuse.parseIndex<SearchDoc>(index as Parameters<typeof Fuse.parseIndex>[0]);
  const strict = new Fuse(docs, { ...BASE, keys: weighted, threshold: 0.34, tokenMatch: 'all' }, parsed);
  const termDocs = docs.filter((d) => d.kind === 'term');
  const termKeys = weighted.filter((k) => k.name !== 'text');
  const loose = new Fuse(termDocs, { ...BASE, keys: termKeys, threshold: 0.6, tokenMatch: 'any' });

  return {
    search(query, limit = 20) {
      const q = query.trim();
      if (!q) return [];
      return rerank(q, strict.search(q, { limit: limit * 2 }))
        .slice(0, limit)
        .map(toHit);
    },
    suggest(query, limit = 5) {
      const q = query.trim();
      if (!q) return [];
      // Suggestions did not match: showing Fuse's scattered character hits on them would mislead.
      return rerank(q, loose.search(q, { limit: limit * 2 }), false)
        .slice(0, limit)
        .map((r) => ({ ...toHit(r), title: { text: r.item.label, ranges: [] }, detail: undefined }));
    },
  };
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const wordsOf = (s: string) => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Fuse scores every word fuzzily, so a short word ("uae") half-matches long unrelated ones
 * ("palestinian") and "pakistanian" sits as close to "Palestinian" as to "Pakistan". Readers expect
 * names first: a result whose label or an alias has a word named by every typed word comes first; and a
 * typed word of three letters or fewer must appear as typed, since one typo in it is a different word.
 */
/** "acc" names "accords"; "pakistanian" names "pakistan" (a long typed word that runs past a name). */
function namesWord(word: string, typed: string): boolean {
  return word.startsWith(typed) || (word.length >= 4 && typed.startsWith(word));
}

function rerank(query: string, results: FuseResult<SearchDoc>[], exactShort = true): FuseResult<SearchDoc>[] {
  const typed = wordsOf(query);
  const short = typed.filter((w) => w.length <= 3);
  const scored = results
    .filter((r) => {
      if (!exactShort || !short.length) return true;
      const all = fold([r.item.label, ...r.item.aliases, r.item.text].join(' '));
      return short.every((w) => all.includes(w));
    })
    .map((r) => {
      const names = [r.item.label, ...r.item.aliases].map(wordsOf);
      const named = names.some((words) => typed.every((t) => words.some((w) => namesWord(w, t))));
      return { r, tier: named ? 0 : 1 };
    });
  scored.sort((a, b) => a.tier - b.tier || (a.r.score ?? 1) - (b.r.score ?? 1));
  return scored.map((x) => x.r);
}

function toHit(result: FuseResult<SearchDoc>): SearchHit {
  const doc = result.item;
  const matches = result.matches ?? [];
  const labelMatch = matches.find((m) => m.key === 'label');
  const hit: SearchHit = {
    kind: doc.kind,
    id: doc.id,
    title: { text: doc.label, ranges: labelMatch ? wordRanges(labelMatch) : [] },
    score: result.score ?? 1,
  };
  const alias = matches
    .filter((m) => m.key === 'aliases' && m.value && m.value !== doc.label)
    .sort((a, b) => covered(b) - covered(a))[0];
  const text = matches.find((m) => m.key === 'text' && m.value);
  // An alias that matched better than the label explains the hit ("Emirati" → United Arab Emirates).
  if (alias?.value && covered(alias) > (labelMatch ? covered(labelMatch) : 0)) {
    hit.detail = { field: 'alias', text: alias.value, ranges: wordRanges(alias) };
  } else if (!labelMatch && text?.value) {
    hit.detail = { field: 'text', ...snippet(text.value, wordRanges(text)) };
  }
  return hit;
}

/** The share of a field's characters that matched: "Emirati" fits the query better than its label. */
function covered(match: FuseResultMatch): number {
  const chars = wordRanges(match).reduce((n, [s, e]) => n + e - s + 1, 0);
  return chars / Math.max(1, match.value?.length ?? 1);
}

/** Fuse reports single stray characters too; keep the runs a reader would see as the match. */
function wordRanges(match: FuseResultMatch): Range[] {
  return match.indices.filter(([s, e]) => e - s >= 1).map(([s, e]) => [s, e] as const);
}

/** A window of a long text around its first matched range, with ranges shifted into the window. */
export function snippet(text: string, ranges: Range[]): Marked {
  const first = ranges[0];
  if (!first || text.length <= SNIPPET_RADIUS * 2) return { text, ranges };
  let start = Math.max(0, first[0] - SNIPPET_RADIUS);
  let end = Math.min(text.length, first[1] + 1 + SNIPPET_RADIUS);
  // Cut at word boundaries so the window does not start or end mid-word.
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > first[1] ? text.lastIndexOf(' ', end) : end;
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < text.length ? ' …' : '';
  const shift = prefix.length - start;
  const inside = ranges
    .filter(([s, e]) => s >= start && e < end)
    .map(([s, e]) => [s + shift, e + shift] as const);
  return { text: prefix + text.slice(start, end) + suffix, ranges: inside };
}

/** Splits text into plain and matched pieces for rendering (ranges may overlap or be unsorted). */
export function segments(marked: Marked): Array<{ text: string; hit: boolean }> {
  const sorted = [...marked.ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<{ text: string; hit: boolean }> = [];
  let pos = 0;
  for (const [s, e] of sorted) {
    const start = Math.max(s, pos);
    if (e + 1 <= start) continue;
    if (start > pos) out.push({ text: marked.text.slice(pos, start), hit: false });
    out.push({ text: marked.text.slice(start, e + 1), hit: true });
    pos = e + 1;
  }
  if (pos < marked.text.length) out.push({ text: marked.text.slice(pos), hit: false });
  return out;
}
