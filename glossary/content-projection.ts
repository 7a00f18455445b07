// What the content script bundles: the compiled glossary less what no content-script module reads —
// the briefing's passage texts (cards link to passages by id), the terms' display aliases (the engine
// matches on the normalised alias table), each alias entry's display source, and every citation but the
// one a card shows (a term's first; Q&A citations are shown in the popup only). Together ≈ 7 KB gzipped
// of the content-script budget (DESIGN.md: ≤ 60 KB gzipped); the popup keeps the full glossary.
import type { CompiledGlossary } from './types';

export function contentProjection(glossary: CompiledGlossary): CompiledGlossary {
  return {
    ...glossary,
    passages: {},
    terms: glossary.terms.map((t) => ({ ...t, aliases: [], citations: t.citations.slice(0, 1) })),
    qa: glossary.qa.map((q) => ({ ...q, citations: [] })),
    aliases: glossary.aliases.map((a) => ({ ...a, source: '' })),
  };
}
