import type { CompiledGlossary, Term } from '../../glossary/types';
import { CardFrame } from './CardFrame';
import { TermChips } from './TermChips';

export interface NoMatchCardProps {
  glossary: CompiledGlossary;
  /** The selected text that matched no term. */
  text: string;
  /** Closest terms, as term ids (labels are accepted too). */
  suggestions: string[];
  pinned: boolean;
  onTogglePin(): void;
  onClose(): void;
  onSelectTerm(termId: string): void;
}

const MAX_SHOWN = 60;

/** "Explain selection" found nothing: say so, and offer the closest terms. */
export function NoMatchCard(props: NoMatchCardProps) {
  const text = props.text.replace(/\s+/g, ' ').trim();
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
  const terms = props.suggestions
    .map((s) => props.glossary.terms.find((t) => t.id === s || t.label.toLowerCase() === s.toLowerCase()))
    .filter((t): t is Term => t !== undefined);
  return (
    <CardFrame
      titleId="bl-title"
      // The selection may be in the page's language and script: isolated, an Arabic or Hebrew one keeps
      // its own direction without pulling the quotation marks around it out of place.
      title={
        <>
          No match for “<bdi>{shown}</bdi>”
        </>
      }
      pinned={props.pinned}
      onTogglePin={props.onTogglePin}
      onClose={props.onClose}
    >
      {terms.length > 0 ? (
        <TermChips
          id="bl-suggest-heading"
          heading="Did you mean"
          terms={terms}
          onSelectTerm={props.onSelectTerm}
        />
      ) : (
        <p class="bl-note">The briefing has no term like this.</p>
      )}
    </CardFrame>
  );
}
