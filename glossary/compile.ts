// The glossary compiler: briefing packs and their sources in, the compiled glossary and the popup's
// search index out. Pure (no file system), deterministic, and it reports every problem at once.
import Fuse from 'fuse.js';
import * as v from 'valibot';
import { aliasForms, signalForms } from '../lib/match/variants';
import { issuePath, type Pack, type PackCitation, PackSchema } from './schema';
import { foldWhitespace, splitSource } from './source';
import type {
  AliasEntry,
  Briefing,
  Citation,
  CompiledGlossary,
  ExclusionEntry,
  Passage,
  QA,
  SearchDoc,
  SearchIndexData,
  Term,
  Topic,
} from './types';

export interface PackFile {
  /** Path of the pack file as reported in messages, e.g. `glossary/briefings/x/pack.ts`. */
  file: string;
  /** Name of the pack's folder; the pack's id must equal it. */
  folder?: string;
  /** The pack module's default export, not yet validated. */
  pack: unknown;
  /** The text of the file named by the pack's `source.file` (undefined if it is missing). */
  source: string | undefined;
}

export interface CompileResult {
  glossary: CompiledGlossary;
  search: SearchIndexData;
}

/** Thrown when any pack is invalid; `problems` lists every one, each naming its file and path. */
export class GlossaryError extends Error {
  constructor(readonly problems: string[]) {
    super(`glossary: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${problems.join('\n')}`);
    this.name = 'GlossaryError';
  }
}

export const SEARCH_KEYS = ['label', 'aliases', 'text'] as const;

interface Loaded {
  file: string;
  pack: Pack;
  passages: Map<string, Passage>;
}

/** Who first claimed an id, for duplicate messages: `glossary/briefings/x/pack.ts terms[2]`. */
type Claims = Map<string, string>;

function claimId(claims: Claims, id: string, where: string, what: string, problems: string[], file: string) {
  const prev = claims.get(id);
  if (prev) problems.push(`${file}: ${where} ${what} "${id}" is already used by ${prev}`);
  else claims.set(id, `${file} ${where}`);
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issuePath(issue.path);
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.input !== undefined && issue.path) {
    return `${path} is not a known field`;
  }
  if (issue.input === undefined && issue.kind === 'schema') return `${path} is missing`;
  // Our own messages read on from the path ("must …", "is …"); valibot's stand alone.
  return /^(must|is|has) /.test(issue.message) ? `${path} ${issue.message}` : `${path}: ${issue.message}`;
}

export function compileGlossary(files: readonly PackFile[]): CompileResult {
  const problems: string[] = [];
  const loaded: Loaded[] = [];
  const briefings: Briefing[] = [];
  const allPassages: Passage[] = [];
  const conversationQA: QA[] = [];

  // 1. Shape, and the source split into passages. Packs are taken in id order (then file order) so the
  // output does not depend on the order they were read in.
  const ordered = [...files].sort((a, b) => {
    const ka = `${packId(a.pack)}\u0000${a.file}`;
    const kb = `${packId(b.pack)}\u0000${b.file}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  for (const input of ordered) {
    const parsed = v.safeParse(PackSchema, input.pack);
    if (!parsed.success) {
      for (const issue of parsed.issues) problems.push(`${input.file}: ${describeIssue(issue)}`);
      continue;
    }
    const pack = parsed.output;
    if (input.folder !== undefined && input.folder !== pack.id) {
      problems.push(`${input.file}: id "${pack.id}" must equal its folder name "${input.folder}"`);
    }
    if (input.source === undefined) {
      problems.push(`${input.file}: source.file "${pack.source.file}" does not exist`);
      continue;
    }
    const sourceProblems: string[] = [];
    const split = splitSource(pack.id, pack.source, input.source, sourceProblems);
    for (const p of sourceProblems) problems.push(`${input.file}: ${p}`);
    const passages = new Map(split.passages.map((p) => [p.id, p]));
    loaded.push({ file: input.file, pack, passages });
    allPassages.push(...split.passages);

    const conversation = split.conversation.map(({ question, answer }, i): QA => {
      const qa: QA = {
        id: `${pack.source.idPrefix}conv-${i + 1}`,
        briefing: pack.id,
        question: question.text,
        answer: answer.text,
        origin: 'conversation',
        questionPassage: question.id,
        answerPassage: answer.id,
        citations: [{ passage: answer.id, quote: answer.text }],
      };
      return qa;
    });
    conversationQA.push(...conversation);
    briefings.push({
      id: pack.id,
      headline: split.headline,
      standfirst: split.standfirst,
      keyPoints: split.keyPoints,
      analysis: split.analysis,
      report: split.report,
      quotes: split.quotes,
      conversationTitle: split.conversationTitle,
      conversationSubtitle: split.conversationSubtitle,
      conversation: conversation.map((qa) => qa.id),
      signals: expandSignals(pack.signals),
    });
  }

  // 2. Ids are global: two briefings may not share a topic, term, Q&A or passage id.
  const briefingIds: Claims = new Map();
  const topicIds: Claims = new Map();
  const termIds: Claims = new Map();
  const qaIds: Claims = new Map();
  const passageIds: Claims = new Map();
  for (const { file, pack, passages } of loaded) {
    claimId(briefingIds, pack.id, 'id', 'briefing', problems, file);
    pack.topics.forEach((t, i) => claimId(topicIds, t.id, `topics[${i}].id`, 'topic', problems, file));
    pack.terms.forEach((t, i) => claimId(termIds, t.id, `terms[${i}].id`, 'term', problems, file));
    for (const qa of conversationQA.filter((q) => q.briefing === pack.id)) {
      claimId(qaIds, qa.id, 'source.conversation', 'Q&A', problems, file);
    }
    pack.qa.forEach((q, i) => claimId(qaIds, q.id, `qa[${i}].id`, 'Q&A', problems, file));
    for (const id of passages.keys()) {
      claimId(passageIds, id, 'source', 'passage id', problems, file);
    }
  }

  // 3. References and citations.
  const topics: Topic[] = [];
  const terms: Term[] = [];
  const authoredQA: QA[] = [];
  for (const { file, pack, passages } of loaded) {
    const prefix = pack.source.idPrefix;
    const cite = (where: string, citations: PackCitation[]): Citation[] =>
      citations.map((c, i) => {
        const passage = passages.get(`${prefix}${c.passage}`);
        if (!passage) {
          problems.push(
            `${file}: ${where}.citations[${i}].passage "${c.passage}" is not a passage of ${pack.id}`,
          );
        } else if (!foldWhitespace(passage.text).includes(foldWhitespace(c.quote))) {
          problems.push(`${file}: ${where}.citations[${i}].quote is not in passage ${c.passage}`);
        }
        return { passage: `${prefix}${c.passage}`, quote: foldWhitespace(c.quote) };
      });

    for (const t of pack.topics) topics.push({ ...t, briefing: pack.id });

    pack.terms.forEach((t, i) => {
      const at = `terms[${i}]`;
      if (!topicIds.has(t.topic)) problems.push(`${file}: ${at}.topic "${t.topic}" is not a declared topic`);
      t.related.forEach((r, j) => {
        if (r === t.id) problems.push(`${file}: ${at}.related[${j}] is the term itself`);
        else if (!termIds.has(r)) problems.push(`${file}: ${at}.related[${j}] "${r}" is not a known term`);
      });
      t.qa.forEach((q, j) => {
        if (!qaIds.has(q)) problems.push(`${file}: ${at}.qa[${j}] "${q}" is not a known Q&A id`);
      });
      t.outranks.forEach((o, j) => {
        if (!termIds.has(o)) problems.push(`${file}: ${at}.outranks[${j}] "${o}" is not a known term`);
      });
      checkDuplicates(t.related, `${at}.related`, file, problems);
      checkDuplicates(t.qa, `${at}.qa`, file, problems);
      if (t.mode === 'contextual' && t.signals.length === 0) {
        problems.push(`${file}: ${at}.signals must list the signals of a contextual term`);
      }
      terms.push({
        id: t.id,
        briefing: pack.id,
        label: t.label,
        topic: t.topic,
        aliases: t.aliases.map((a) => (typeof a === 'string' ? a : a.text)),
        short: t.short,
        long: t.long,
        related: t.related,
        qa: t.qa,
        mode: t.mode,
        signals: t.mode === 'contextual' ? expandSignals(t.signals) : [],
        citations: cite(at, t.citations),
      });
    });

    pack.qa.forEach((q, i) => {
      authoredQA.push({
        id: q.id,
        briefing: pack.id,
        question: q.question,
        answer: q.answer,
        origin: 'authored',
        citations: cite(`qa[${i}]`, q.citations),
      });
    });
  }

  // 4. The alias table: every form maps to exactly one term.
  const aliases = buildAliasTable(loaded, problems);
  const exclusions = buildExclusions(loaded, aliases, problems);
  checkSignalsAndTopics(loaded, aliases, problems);

  if (problems.length) throw new GlossaryError(problems);

  const qa = [...conversationQA, ...authoredQA];
  const glossary: CompiledGlossary = {
    formatVersion: 1,
    briefings,
    passages: Object.fromEntries(allPassages.map((p) => [p.id, p])),
    topics,
    terms,
    qa,
    aliases,
    exclusions,
  };
  return { glossary, search: buildSearchIndex(terms, qa) };
}

function packId(pack: unknown): string {
  const id = (pack as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : '';
}

function checkDuplicates(ids: string[], where: string, file: string, problems: string[]) {
  const seen = new Set<string>();
  ids.forEach((id, j) => {
    if (seen.has(id)) problems.push(`${file}: ${where}[${j}] "${id}" is listed twice`);
    seen.add(id);
  });
}

function expandSignals(signals: readonly string[]): string[] {
  return [...new Set(signals.flatMap((s) => signalForms(s)))].sort();
}

interface Claim {
  term: string;
  variant: boolean;
  source: string;
  /** Where it was authored, for messages: `glossary/briefings/x/pack.ts: terms[3].aliases[1]`. */
  at: string;
}

function buildAliasTable(loaded: Loaded[], problems: string[]): AliasEntry[] {
  const outranks = new Map<string, Set<string>>();
  const byNorm = new Map<string, Claim[]>();
  for (const { file, pack } of loaded) {
    pack.terms.forEach((t, i) => {
      outranks.set(t.id, new Set(t.outranks));
      t.aliases.forEach((a, j) => {
        const text = typeof a === 'string' ? a : a.text;
        const kind = typeof a === 'string' ? 'noun' : a.kind;
        const at = `${file}: terms[${i}].aliases[${j}]`;
        const forms = aliasForms(text, kind);
        if (forms.length === 0) problems.push(`${at} "${text}" normalises to nothing`);
        forms.forEach((norm, k) => {
          const claims = byNorm.get(norm) ?? [];
          const own = claims.find((c) => c.term === t.id);
          if (own) {
            // The same term reaching one form twice: keep the authored claim over a variant.
            if (k === 0 && own.variant) Object.assign(own, { variant: false, source: text, at });
            else if (k === 0)
              problems.push(`${at} "${text}" duplicates ${own.at.split(': ')[1]} "${own.source}"`);
          } else {
            claims.push({ term: t.id, variant: k > 0, source: text, at });
          }
          byNorm.set(norm, claims);
        });
      });
    });
  }

  const entries: AliasEntry[] = [];
  const reported = new Set<string>();
  for (const [norm, claims] of byNorm) {
    let winner = claims[0];
    if (claims.length > 1) {
      winner = claims.find((c) => claims.every((o) => o === c || outranks.get(c.term)?.has(o.term)));
      if (!winner) {
        for (const [a, b] of pairs(claims)) {
          const key = `${a.at}|${b.at}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const form = (c: Claim) => (c.variant ? `a variant of "${c.source}"` : `"${c.source}"`);
          problems.push(
            `${b.at}: ${form(b)} of term ${b.term} and ${form(a)} of term ${a.term} (${a.at.split(': ')[0]}) both normalise to "${norm}"; add one term's id to the other's outranks to declare the winner`,
          );
        }
        continue;
      }
    }
    if (winner) entries.push({ norm, term: winner.term, variant: winner.variant, source: winner.source });
  }
  return entries.sort((a, b) => (a.norm < b.norm ? -1 : a.norm > b.norm ? 1 : 0));
}

function* pairs<T>(xs: T[]): Generator<[T, T]> {
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) yield [xs[i] as T, xs[j] as T];
}

function buildExclusions(loaded: Loaded[], aliases: AliasEntry[], problems: string[]): ExclusionEntry[] {
  const formsByTerm = new Map<string, string[]>();
  for (const a of aliases) formsByTerm.set(a.term, [...(formsByTerm.get(a.term) ?? []), a.norm]);
  const out = new Map<string, ExclusionEntry>();
  for (const { file, pack } of loaded) {
    pack.terms.forEach((t, i) => {
      const forms = formsByTerm.get(t.id) ?? [];
      t.exclusions.forEach((text, j) => {
        const norms = aliasForms(text, 'exact');
        // An exclusion only makes sense around one of the term's forms or a near miss of one
        // ("self-sovereign" for "sovereignty"): some word must share its first five letters with a form's.
        if (!norms.some((n) => sharesStem(n, forms))) {
          problems.push(`${file}: terms[${i}].exclusions[${j}] "${text}" contains none of ${t.id}'s aliases`);
        }
        for (const norm of norms) out.set(`${norm}\u0000${t.id}`, { norm, term: t.id });
      });
    });
  }
  return [...out.values()].sort((a, b) =>
    a.norm < b.norm ? -1 : a.norm > b.norm ? 1 : a.term < b.term ? -1 : a.term > b.term ? 1 : 0,
  );
}

/** A signal that is one of the term's own forms can never vouch for it; a topic without terms shows nothing. */
function checkSignalsAndTopics(loaded: Loaded[], aliases: AliasEntry[], problems: string[]) {
  const own = new Set(aliases.map((a) => `${a.term}\u0000${a.norm}`));
  const used = new Set(loaded.flatMap(({ pack }) => pack.terms.map((t) => t.topic)));
  for (const { file, pack } of loaded) {
    pack.terms.forEach((t, i) => {
      t.signals.forEach((signal, j) => {
        if (signalForms(signal).some((f) => own.has(`${t.id}\u0000${f}`))) {
          problems.push(`${file}: terms[${i}].signals[${j}] "${signal}" is one of ${t.id}'s own aliases`);
        }
      });
    });
    pack.topics.forEach((topic, i) => {
      if (!used.has(topic.id)) problems.push(`${file}: topics[${i}] "${topic.id}" has no terms`);
    });
  }
}

function sharesStem(phrase: string, forms: string[]): boolean {
  const stems = new Set(forms.flatMap((f) => f.split(' ')).map((w) => w.slice(0, 5)));
  return phrase.split(/[ .]/).some((w) => stems.has(w.slice(0, 5)));
}

function buildSearchIndex(terms: Term[], qa: QA[]): SearchIndexData {
  const docs: SearchDoc[] = [
    ...terms.map((t) => ({
      kind: 'term' as const,
      id: t.id,
      label: t.label,
      aliases: t.aliases,
      text: `${t.short} ${t.long}`,
    })),
    ...qa.map((q) => ({ kind: 'qa' as const, id: q.id, label: q.question, aliases: [], text: q.answer })),
  ];
  const keys = [...SEARCH_KEYS];
  return { keys, docs, index: Fuse.createIndex(keys, docs).toJSON() };
}
