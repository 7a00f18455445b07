// What `get-page-terms` reports: the terms shown on the page, with how often and in which words.
import type { Term } from '../../glossary/types';
import { MAX_SAMPLES, type PageTerm } from '../messages';
import type { ShownMention } from './types';

/** Groups shown mentions by term, in order of first appearance; samples are distinct page texts. */
export function pageTerms(
  mentions: readonly ShownMention[],
  termById: (id: string) => Term | undefined,
): PageTerm[] {
  const byId = new Map<string, PageTerm>();
  for (const m of mentions) {
    let entry = byId.get(m.term);
    if (!entry) {
      const term = termById(m.term);
      if (!term) continue;
      entry = { id: term.id, label: term.label, topic: term.topic, count: 0, samples: [] };
      byId.set(m.term, entry);
    }
    entry.count++;
    if (entry.samples.length < MAX_SAMPLES && !entry.samples.includes(m.text)) entry.samples.push(m.text);
  }
  return [...byId.values()];
}
