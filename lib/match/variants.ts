// Spelling and inflection variants of an alias, generated at build time so the page matcher needs
// only exact lookups. Everything is computed on normalised text (`normaliseForMatch`): dashes, NBSP
// and spaces are already one space there, and every apostrophe is `'`, so variants only need that form.
import { normaliseForMatch } from './normalise';

/**
 * How an alias varies:
 * - `noun` (default): -ize/-ise spelling; plural ↔ singular of the last word; possessives;
 * - `name`: spelling and possessives only (a name has no plural: "Pakistan's");
 * - `verb`: the first word inflected (-s, -ed, -ing), the rest kept ("normalizing relations");
 * - `exact`: only the -ize/-ise spelling twin ("nuclear-armed", "maximalist").
 */
export const ALIAS_KINDS = ['noun', 'name', 'verb', 'exact'] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

// Words spelt -ise in American English too: no -ize twin for them (or their derived forms).
const TRUE_ISE =
  /(?:^|[^a-z])(?:ad|ap|ar|chast|circumc|compr|comprom|conc|dem|desp|dev|disgu|enterpr|exerc|expert|exc|franch|improv|inc|merchand|prem|prec|prom|rev|r|superv|surm|surpr|telev|treat|w|otherw|likew|clockw|no|po|ra|pra|cru|bru|parad|repr|pr|an|vert|advert|mort)ise$/;

const ISE_ENDINGS = ['e', 'es', 'ed', 'ing', 'ation', 'ations', 'er', 'ers'];
const IZE_RE = new RegExp(`^([a-z]{2,})iz(${ISE_ENDINGS.join('|')})$`);
const ISE_RE = new RegExp(`^([a-z]{2,})is(${ISE_ENDINGS.join('|')})$`);
const YZE_RE = /^([a-z]{2,})yz(e|es|ed|ing|er|ers)$/;
const YSE_RE = /^(anal|paral|catal|dial|electrol|hydrol)ys(e|es|ed|ing|er|ers)$/;
/** British ↔ American pairs that no suffix rule captures. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['defence', 'defense'],
  ['offence', 'offense'],
  ['licence', 'license'],
  ['pretence', 'pretense'],
  ['programme', 'program'],
  ['programmes', 'programs'],
];

/** The other spelling of one word (-ize ↔ -ise, -yze ↔ -yse, -eled ↔ -elled, a few pairs), if any. */
export function spellingTwin(word: string): string | undefined {
  let m = IZE_RE.exec(word);
  if (m) return `${m[1]}is${m[2]}`;
  m = ISE_RE.exec(word);
  if (m && !TRUE_ISE.test(`${m[1]}ise`)) return `${m[1]}iz${m[2]}`;
  m = YZE_RE.exec(word);
  if (m) return `${m[1]}ys${m[2]}`;
  m = YSE_RE.exec(word);
  if (m) return `${m[1]}yz${m[2]}`;
  // signaled ↔ signalled, traveling ↔ travelling: American single l, British double l.
  m = /^([a-z]{3,}[aeiou])ll(ed|ing|er|ers)$/.exec(word);
  if (m) return `${m[1]}l${m[2]}`;
  m = /^([a-z]{3,}[aeiou])l(ed|ing|er|ers)$/.exec(word);
  if (m && !/[aeiou]{2}l/.test(`${m[1]}l`)) return `${m[1]}ll${m[2]}`;
  for (const [a, b] of PAIRS) {
    if (word === a) return b;
    if (word === b) return a;
  }
  return undefined;
}

/** Every combination of each word's spellings: "normalize relations" → itself and "normalise relations". */
export function spellings(phrase: string): string[] {
  let out = [''];
  for (const word of phrase.split(' ')) {
    const twin = spellingTwin(word);
    const options = twin ? [word, twin] : [word];
    out = out.flatMap((prefix) => options.map((w) => (prefix ? `${prefix} ${w}` : w)));
  }
  return out;
}

const isWord = (w: string) => /^[a-z]+$/.test(w);

/** Whether a word already looks plural (ends in -s but is not -ss, -us, -is, -'s). */
function looksPlural(word: string): boolean {
  return word.length > 3 && /s$/.test(word) && !/(?:ss|us|is|'s)$/.test(word);
}

export function singular(word: string): string {
  if (/[^aeiou]ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss|z)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** Possessive forms: "accord's" for a singular, "accords'" for a plural; a name ending in s takes both. */
function possessives(phrase: string, isPlural: boolean): string[] {
  if (isPlural) return [`${phrase}'`];
  return phrase.endsWith('s') ? [`${phrase}'`, `${phrase}'s`] : [`${phrase}'s`];
}

/** -s, -ed and -ing forms of a verb (regular verbs; aliases name only regular ones). */
export function inflections(verb: string): string[] {
  if (!isWord(verb)) return [];
  if (/[^aeiou]y$/.test(verb)) {
    const stem = verb.slice(0, -1);
    return [`${stem}ies`, `${stem}ied`, `${verb}ing`];
  }
  if (/[^e]e$/.test(verb)) {
    const stem = verb.slice(0, -1);
    return [`${verb}s`, `${stem}ed`, `${stem}ing`];
  }
  if (/(?:s|x|z|ch|sh)$/.test(verb)) return [`${verb}es`, `${verb}ed`, `${verb}ing`];
  // Short consonant-vowel-consonant verbs double the last consonant: stop → stopped.
  if (/^[^aeiou]*[aeiou][b-df-hj-np-tvz]$/.test(verb) && verb.length <= 4) {
    const last = verb.slice(-1);
    return [`${verb}s`, `${verb}${last}ed`, `${verb}${last}ing`];
  }
  return [`${verb}s`, `${verb}ed`, `${verb}ing`];
}

/** Inflected and possessive forms of a normalised alias, before spelling variants. */
function grammaticalForms(norm: string, kind: AliasKind): string[] {
  const words = norm.split(' ');
  const last = words[words.length - 1] ?? '';
  const head = words.slice(0, -1).join(' ');
  const withLast = (w: string) => (head ? `${head} ${w}` : w);
  switch (kind) {
    case 'exact':
      return [norm];
    case 'name':
      return [norm, ...possessives(norm, false)];
    case 'verb': {
      const [verb = '', ...rest] = words;
      const tail = rest.length ? ` ${rest.join(' ')}` : '';
      return [norm, ...inflections(verb).map((v) => `${v}${tail}`)];
    }
    case 'noun': {
      if (!isWord(last)) return [norm, ...possessives(norm, false)];
      if (looksPlural(last)) {
        const one = withLast(singular(last));
        return [norm, ...possessives(norm, true), one, ...possessives(one, false)];
      }
      const many = withLast(plural(last));
      return [norm, ...possessives(norm, false), many, ...possessives(many, true)];
    }
  }
}

/**
 * Forms of a context signal, normalised: its spelling twins, and the singular of a plural last word
 * ("Abraham Accords" → "abraham accord"). No possessives: signals are counted, not painted, and a
 * page's "Israel's" already contains the word "israel".
 */
export function signalForms(signal: string): string[] {
  const norm = normaliseForMatch(signal);
  if (!norm) return [];
  const words = norm.split(' ');
  const last = words[words.length - 1] ?? '';
  const forms = [norm];
  if (isWord(last) && looksPlural(last)) forms.push([...words.slice(0, -1), singular(last)].join(' '));
  const out = new Set(forms.flatMap(spellings));
  out.delete(norm);
  return [norm, ...[...out].sort()];
}

/**
 * All matchable forms of an alias, normalised: the alias's own form first, then its generated
 * variants sorted (deterministic, no duplicates).
 */
export function aliasForms(alias: string, kind: AliasKind = 'noun'): string[] {
  const norm = normaliseForMatch(alias);
  if (!norm) return [];
  const forms = new Set<string>();
  for (const form of grammaticalForms(norm, kind)) {
    for (const spelt of spellings(form)) forms.add(spelt);
  }
  forms.delete(norm);
  return [norm, ...[...forms].sort()];
}
