// Finds the glossary's terms in the briefing's own text, for marking them in the popup. The briefing is
// the glossary's source, so every term there is on topic: no context rules, no fuzzy layer — exact
// alias occurrences from the compiled alias table (authored aliases and generated variants) suffice.
import type { AliasEntry } from '../../glossary/types';

export interface TermSpan {
  start: number;
  end: number;
  term: string;
}

interface Candidate {
  tokens: string[];
  term: string;
  /** Acronyms ("US", "UAE") only match in capitals, so "us" the pronoun is never a term. */
  caseSensitive: string[] | null;
}

// Words as the compiler's normaliser sees them: an apostrophe inside a word belongs to it ("Iran's").
const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;
const POSSESSIVE = /['’ʼ]s$/u;
// Between the words of one alias only spacing, hyphens, dashes and apostrophes may stand.
const JOINER = /^[\s\u00ad'’‐‑‒–—-]*$/u;

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’ʼ]/gu, "'").toLowerCase();
}

/** "Pakistan's" is a mention of "Pakistan" when the table has no possessive variant for it. */
function sameWord(norm: string, token: string): boolean {
  return norm === token || (POSSESSIVE.test(norm) && norm.slice(0, -2) === token);
}

export function createTermMarker(aliases: readonly AliasEntry[]): (text: string) => TermSpan[] {
  const byFirst = new Map<string, Candidate[]>();
  for (const entry of aliases) {
    const tokens = entry.norm.split(' ').filter(Boolean);
    const first = tokens[0];
    if (!first) continue;
    const sourceWords = entry.source.match(WORD) ?? [];
    const acronym =
      !entry.variant &&
      sourceWords.length === tokens.length &&
      sourceWords.every((w) => /^\p{Lu}{2,}$/u.test(w));
    const list = byFirst.get(first) ?? [];
    list.push({ tokens, term: entry.term, caseSensitive: acronym ? sourceWords : null });
    byFirst.set(first, list);
  }
  // Longest alias first, so "Abraham Accords expansion" never stops at a shorter alias.
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

  return (text) => {
    const words = [...text.matchAll(WORD)].map((m) => ({
      raw: m[0],
      norm: fold(m[0]),
      start: m.index,
      end: m.index + m[0].length,
    }));
    const spans: TermSpan[] = [];
    for (let i = 0; i < words.length; ) {
      const first = words[i];
      const found =
        first &&
        (byFirst.get(first.norm)?.find((c) => fits(c, i)) ??
          byFirst.get(first.norm.replace(POSSESSIVE, ''))?.find((c) => fits(c, i)));
      const last = found && words[i + found.tokens.length - 1];
      if (first && found && last) {
        spans.push({ start: first.start, end: last.end, term: found.term });
        i += found.tokens.length;
      } else {
        i += 1;
      }
    }
    return spans;

    function fits(c: Candidate, at: number): boolean {
      for (let k = 0; k < c.tokens.length; k++) {
        const word = words[at + k];
        const token = c.tokens[k];
        if (!word || token === undefined || !sameWord(word.norm, token)) return false;
        if (c.caseSensitive && word.raw.replace(POSSESSIVE, '') !== c.caseSensitive[k]) return false;
        const prev = words[at + k - 1];
        if (k > 0 && prev && !JOINER.test(text.slice(prev.end, word.start))) return false;
      }
      return true;
    }
  };
}
