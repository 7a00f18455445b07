// Splits a briefing's source text into passages, following the line map its pack declares. Pure.
import type { Pack } from './schema';
import type { Passage, Quote } from './types';

export interface SplitSource {
  passages: Passage[];
  headline: string;
  standfirst: string;
  keyPoints: string[];
  analysis: string[];
  report: string[];
  quotes: Quote[];
  conversationTitle: string;
  conversationSubtitle: string;
  /** Question and answer passage ids of each conversation pair, in source order. */
  conversation: Array<{ question: Passage; answer: Passage }>;
}

/** Whitespace folded to single spaces and trimmed: how citations are compared with passages. */
export function foldWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// The quote line is "text — attribution"; the source also writes "text— attribution" (no space before).
const ATTRIBUTION = /\s*—\s+(?=[^—]*$)/;

/**
 * Split `text` by `map`. Problems (lines out of range or claimed twice, a non-empty line in no part,
 * a key point without its bullet, a quote without attribution …) are pushed to `problems`, phrased
 * for an author, and the passages that could be made are still returned.
 */
export function splitSource(
  briefing: string,
  map: Pack['source'],
  text: string,
  problems: string[],
): SplitSource {
  const lines = text.split(/\r?\n/);
  // A final newline does not make an extra line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const owner = new Map<number, string>();
  const prefix = map.idPrefix;

  const claim = (field: string, first: number, last: number): string[] => {
    const out: string[] = [];
    for (let n = first; n <= last; n++) {
      if (n > lines.length) {
        problems.push(`source.${field} refers to line ${n}, but ${map.file} has ${lines.length} lines`);
        break;
      }
      const prev = owner.get(n);
      if (prev) problems.push(`source.${field} claims line ${n}, already claimed by source.${prev}`);
      owner.set(n, field);
      out.push(foldWhitespace(lines[n - 1] ?? ''));
    }
    return out;
  };

  const passages: Passage[] = [];
  const add = (id: string, part: Passage['part'], body: string): Passage => {
    const p: Passage = { id: `${prefix}${id}`, briefing, part, text: body };
    if (!body) problems.push(`source passage ${p.id} is empty`);
    passages.push(p);
    return p;
  };

  const headline = add('headline', 'headline', claim('headline', map.headline, map.headline)[0] ?? '');
  const standfirst = add(
    'standfirst',
    'standfirst',
    claim('standfirst', map.standfirst, map.standfirst)[0] ?? '',
  );

  const keyPoints = claim('keyPoints', ...map.keyPoints).map((line, i) => {
    const at = map.keyPoints[0] + i;
    if (!line.startsWith('- ')) problems.push(`source.keyPoints: line ${at} does not start with "- "`);
    return add(`key-${i + 1}`, 'key-points', line.replace(/^-\s+/, '')).id;
  });
  const analysis = claim('analysis', ...map.analysis).map(
    (line, i) => add(`analysis-${i + 1}`, 'analysis', line).id,
  );
  const report = claim('report', ...map.report).map((line, i) => add(`report-${i + 1}`, 'report', line).id);

  if (map.quotesHeading !== undefined) claim('quotesHeading', map.quotesHeading, map.quotesHeading);
  const quotes: Quote[] = [];
  if (map.quotes) {
    const first = map.quotes[0];
    claim('quotes', ...map.quotes).forEach((line, i) => {
      const [quoteText, attribution] = line.split(ATTRIBUTION);
      if (!attribution) problems.push(`source.quotes: line ${first + i} has no " — attribution"`);
      const p = add(`quote-${i + 1}`, 'quotes', foldWhitespace(quoteText ?? ''));
      quotes.push({ passage: p.id, text: p.text, attribution: foldWhitespace(attribution ?? '') });
    });
  }

  let conversationTitle = '';
  let conversationSubtitle = '';
  if (map.conversationHeading !== undefined) {
    const heading = claim('conversationHeading', map.conversationHeading, map.conversationHeading)[0] ?? '';
    conversationTitle = map.conversationTitle ?? heading;
    if (!heading.startsWith(conversationTitle)) {
      problems.push(
        `source.conversationTitle "${conversationTitle}" does not begin line ${map.conversationHeading}`,
      );
    }
    conversationSubtitle = heading.slice(conversationTitle.length).trim();
  }
  const conversation: SplitSource['conversation'] = [];
  if (map.conversation) {
    const convLines = claim('conversation', ...map.conversation);
    if (convLines.length % 2 !== 0) {
      problems.push(
        `source.conversation has ${convLines.length} lines; questions and answers must alternate in pairs`,
      );
    }
    for (let i = 0; i + 1 < convLines.length; i += 2) {
      const n = i / 2 + 1;
      const question = add(`conversation-q${n}`, 'conversation', convLines[i] ?? '');
      const answer = add(`conversation-a${n}`, 'conversation', convLines[i + 1] ?? '');
      conversation.push({ question, answer });
    }
  }

  lines.forEach((line, i) => {
    if (line.trim() && !owner.has(i + 1))
      problems.push(`${map.file} line ${i + 1} is in no part of source's line map`);
  });

  return {
    passages,
    headline: headline.id,
    standfirst: standfirst.id,
    keyPoints,
    analysis,
    report,
    quotes,
    conversationTitle,
    conversationSubtitle,
    conversation,
  };
}
