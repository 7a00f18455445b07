// What the content script bundles: the compiled glossary without the briefing's passages. Cards show
// their citations' quotes and link to the briefing by passage id, so the full text (≈ 3.5 KB gzipped)
// only costs the content-script budget (DESIGN.md: ≤ 60 KB gzipped) and stays with the popup.
import type { CompiledGlossary } from './types';

export function contentProjection(glossary: CompiledGlossary): CompiledGlossary {
  return { ...glossary, passages: {} };
}
