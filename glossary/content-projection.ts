// What the content script bundles: the compiled glossary less what no content-script module reads —
// the briefing's passage texts (cards link to passages by id), the terms' display aliases, the alias and
// exclusion tables (the engine is loaded from content-engine.json, compiled from them at build time), and
// every citation but the one a card shows (a term's first; Q&A citations are shown in the popup only).
// The popup keeps the full glossary.
import type { CompiledGlossary } from './types';

export function contentProjection(glossary: CompiledGlossary): CompiledGlossary {
  return {
    ...glossary,
    passages: {},
    terms: glossary.terms.map((t) => ({ ...t, aliases: [], citations: t.citations.slice(0, 1) })),
    qa: glossary.qa.map((q) => ({ ...q, citations: [] })),
    aliases: [],
    exclusions: [],
  };
}
