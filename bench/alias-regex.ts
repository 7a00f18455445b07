// The mark.js baseline's input: ONE regular expression holding every alias and generated variant of the
// compiled glossary, as a developer would write it: case-insensitive (flag `i`), whole words, any run of
// whitespace or hyphens between words, straight or curly apostrophes, longest alternatives first.

const HYPHENS = '\\-\\u2010-\\u2015\\u2212';
const GAP = `[\\s${HYPHENS}]+`;
const LETTER_OR_DIGIT = '[\\p{L}\\p{N}]';

function escapeChar(ch: string): string {
  if (ch === "'" || ch === '’') return "['’]";
  if (/[\-‐-―−]/u.test(ch)) return `[${HYPHENS}]`;
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Regex source for the aliases' normalised forms (`AliasEntry.norm`: lower-case tokens joined by spaces). */
export function aliasRegexSource(norms: Iterable<string>): string {
  const unique = [...new Set([...norms].map((n) => n.trim()).filter(Boolean))];
  // Longest first so that "abraham accords expansion" wins over "abraham accords" at the same position.
  unique.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const alternatives = unique.map((norm) =>
    norm
      .split(/\s+/)
      .map((token) => [...token].map(escapeChar).join(''))
      .join(GAP),
  );
  return `(?<!${LETTER_OR_DIGIT})(?:${alternatives.join('|')})(?!${LETTER_OR_DIGIT})`;
}

/** Flags to use with `aliasRegexSource`: global, case-insensitive, Unicode (for `\p{…}`). */
export const ALIAS_REGEX_FLAGS = 'giu';
