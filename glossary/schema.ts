// The authored briefing pack (`glossary/briefings/<id>/pack.ts`): its valibot schema and types.
// The schema checks shape and local limits; cross-references (topics, related ids, passages,
// citations, alias collisions) need the whole set of packs and are checked in compile.ts.
import * as v from 'valibot';
import { ALIAS_KINDS } from '../lib/match/variants';

export const SHORT_MAX = 280;
export const QA_PER_TERM_MAX = 3;

const Id = v.pipe(
  v.string(),
  v.regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    (issue) => `must be a kebab-case id, got ${JSON.stringify(issue.input)}`,
  ),
);
const Text = v.pipe(
  v.string(),
  v.check((s) => s.trim().length > 0, 'must not be empty'),
);

const AliasSpec = v.union(
  [
    Text,
    // `kind` says how variants are generated (see lib/match/variants.ts); a plain string is a noun.
    v.strictObject({
      text: Text,
      kind: v.picklist(ALIAS_KINDS, `must be one of ${ALIAS_KINDS.join(', ')}`),
    }),
  ],
  'must be a string or { text, kind }',
);

const Citation = v.strictObject({
  passage: Text,
  quote: Text,
});

const Range = v.pipe(
  v.tuple([v.number(), v.number()], 'must be a [first, last] pair of line numbers'),
  v.check(
    ([a, b]) => Number.isInteger(a) && Number.isInteger(b) && a >= 1 && b >= a,
    'must be [first, last] with 1 ≤ first ≤ last',
  ),
);
const Line = v.pipe(v.number(), v.integer('must be an integer line number'), v.minValue(1, 'must be ≥ 1'));

/** Which lines of the source are which part of the briefing (1-based, inclusive). */
const SourceMap = v.strictObject({
  file: Text,
  /** Prepended to every derived id (passages, conversation Q&A) so two briefings' ids cannot collide. */
  idPrefix: v.optional(
    v.pipe(v.string(), v.regex(/^(?:[a-z0-9]+-)*$/, 'must be empty or kebab-case ending in "-"')),
    '',
  ),
  headline: Line,
  standfirst: Line,
  keyPoints: Range,
  analysis: Range,
  report: Range,
  /** The "Notable Quotes" heading line; quote lines follow it. */
  quotesHeading: v.optional(Line),
  quotes: v.optional(Range),
  /** The conversation's heading line: its title, then its subtitle on the same line. */
  conversationHeading: v.optional(Line),
  conversationTitle: v.optional(Text),
  /** Alternating question and answer lines. */
  conversation: v.optional(Range),
});

const Topic = v.strictObject({
  id: Id,
  name: Text,
  description: Text,
  defaultOn: v.boolean(),
});

const Term = v.strictObject({
  id: Id,
  label: Text,
  topic: Id,
  aliases: v.pipe(v.array(AliasSpec), v.minLength(1, 'must list at least one alias')),
  short: v.pipe(
    Text,
    v.maxLength(SHORT_MAX, (i) => `is ${i.received} characters, over the ${SHORT_MAX} limit`),
  ),
  long: Text,
  related: v.optional(v.array(Id), []),
  qa: v.optional(
    v.pipe(v.array(Id), v.maxLength(QA_PER_TERM_MAX, `must list at most ${QA_PER_TERM_MAX} Q&A ids`)),
    [],
  ),
  mode: v.picklist(['unambiguous', 'contextual'], 'must be "unambiguous" or "contextual"'),
  /** Contextual terms: words and phrases whose presence makes a page about this briefing. */
  signals: v.optional(v.array(Text), []),
  /** Phrases that contain an alias but mean something else ("type coercion", "Bahrain Grand Prix"). */
  exclusions: v.optional(v.array(Text), []),
  /** Term ids whose aliases or variants this term takes when they normalise to the same form. */
  outranks: v.optional(v.array(Id), []),
  citations: v.pipe(v.array(Citation), v.minLength(1, 'must have at least one citation')),
});

const AuthoredQA = v.strictObject({
  id: Id,
  question: Text,
  answer: Text,
  citations: v.pipe(v.array(Citation), v.minLength(1, 'must have at least one citation')),
});

export const PackSchema = v.strictObject({
  id: Id,
  /** Briefing-level signals: words whose presence makes any page about this briefing's subject. */
  signals: v.optional(v.array(Text), []),
  source: SourceMap,
  topics: v.pipe(v.array(Topic), v.minLength(1, 'must declare at least one topic')),
  terms: v.array(Term),
  qa: v.optional(v.array(AuthoredQA), []),
});

/** What an author writes (optional fields may be left out). */
export type PackInput = v.InferInput<typeof PackSchema>;
/** A validated pack, defaults filled in. */
export type Pack = v.InferOutput<typeof PackSchema>;
export type PackTerm = Pack['terms'][number];
export type PackAlias = PackTerm['aliases'][number];
export type PackCitation = PackTerm['citations'][number];

/** Identity helper so a pack file is type-checked against the schema's input type while authored. */
export function definePack<const T extends PackInput>(pack: T): T {
  return pack;
}

/** Renders a valibot issue path the way an author reads it: `terms[3].citations[0].quote`. */
export function issuePath(path: ReadonlyArray<{ key: unknown }> | undefined): string {
  let out = '';
  for (const item of path ?? []) {
    if (typeof item.key === 'number') out += `[${item.key}]`;
    else out += out ? `.${String(item.key)}` : String(item.key);
  }
  return out || '(pack)';
}
