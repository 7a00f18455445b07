// What the content script bundles: the compiled glossary less what no content-script module reads —
// the briefing's passage texts (cards link to passages by id), the terms' display aliases (the engine
// matches on the normalised alias table) and each alias entry's display source. Together ≈ 5 KB gzipped
// of the content-script budget (DESIGN.md: ≤ 60 KB gzipped); the popup keeps the full glossary.
import type { CompiledGlossary } from './types';

export function contentProjection(glossary: CompiledGlossary): CompiledGlossary {
  return {
    ...glossary,
    passages: {},
    terms: glossary.terms.map((t) => ({ ...t, aliases: [] })),
    aliases: glossary.aliases.map((a) => ({ ...a, source: '' })),
  };
}
