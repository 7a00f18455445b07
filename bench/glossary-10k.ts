// A 10,000-term glossary for the scaling measurement, made from the compiled bundled glossary: its
// terms are kept and synthetic terms are added until there are `size` terms. Each synthetic term copies
// the alias mix of a bundled term (same number of alias entries, same words per alias, similar word
// lengths, same share of generated variants), so only the glossary's size changes, not its shape.
// Synthetic words are pronounceable non-words, so they add index size without adding matches; a share
// of multi-word aliases start with a common news word so the phrase index meets real prefix hits.
import type { AliasEntry, CompiledGlossary, Term } from '../glossary/types';
import { pick, type Random, seeded } from './random';

const SYLLABLES = (
  'ka ro mi tu ve lan dor sei pa qui zen mor tal vik esh ul bre nor fa gli osk tem rav dei lun cha ' +
  'pol yst ner bav sul tiq gor mex ila ond ruv sap kel'
).split(' ');

const COMMON_FIRST_WORDS = (
  'national state united foreign regional security trade energy central border public economic ' +
  'prime supreme federal royal northern southern eastern western'
).split(' ');

function pseudoWord(random: Random, length: number): string {
  let w = '';
  while (w.length < Math.max(3, length)) w += pick(random, SYLLABLES);
  return w;
}

export function generateGlossary(base: CompiledGlossary, size = 10_000, seed = 10_000): CompiledGlossary {
  const random = seeded(seed);
  const aliasesByTerm = new Map<string, AliasEntry[]>();
  for (const a of base.aliases) {
    const list = aliasesByTerm.get(a.term) ?? [];
    list.push(a);
    aliasesByTerm.set(a.term, list);
  }
  const templates = base.terms.filter((t) => (aliasesByTerm.get(t.id)?.length ?? 0) > 0);
  const topic = base.topics[0]?.id;
  if (!templates.length || !topic) throw new Error('the bundled glossary has no terms with aliases');

  const norms = new Set(base.aliases.map((a) => a.norm));
  const terms: Term[] = [...base.terms];
  const aliases: AliasEntry[] = [...base.aliases];
  for (let i = terms.length; i < size; i++) {
    const template = pick(random, templates);
    const id = `bench-${String(i).padStart(5, '0')}`;
    const entries: AliasEntry[] = [];
    for (const entry of aliasesByTerm.get(template.id) ?? []) {
      let norm: string;
      // Short one-word aliases have few pseudo-words of their length: lengthen a word after a few tries.
      for (let attempt = 0; ; attempt++) {
        const extra = Math.floor(attempt / 8);
        const words = entry.norm.split(' ').map((w) => pseudoWord(random, w.length + extra));
        if (words.length > 1 && random() < 0.2) words[0] = pick(random, COMMON_FIRST_WORDS);
        norm = words.join(' ');
        if (!norms.has(norm)) break;
      }
      norms.add(norm);
      entries.push({ norm, term: id, variant: entry.variant, source: '' });
    }
    const label = entries[0]?.norm ?? id;
    for (const e of entries) e.source = label;
    aliases.push(...entries);
    terms.push({
      id,
      briefing: template.briefing,
      label,
      topic,
      aliases: entries.filter((e) => !e.variant).map((e) => e.norm),
      short: `${label}: a synthetic term generated for the glossary-size benchmark. ${template.short}`.slice(
        0,
        280,
      ),
      long: '',
      related: [],
      qa: [],
      mode: 'unambiguous',
      signals: [],
      citations: [],
    });
  }
  aliases.sort((a, b) => (a.norm < b.norm ? -1 : a.norm > b.norm ? 1 : 0));
  return { ...base, terms, aliases };
}
