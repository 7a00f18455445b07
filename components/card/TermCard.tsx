import { useState } from 'preact/hooks';
import type { CompiledGlossary, QA, Term } from '../../glossary/types';
import { CardFrame } from './CardFrame';
import { QuestionList } from './QuestionList';
import { TermChips } from './TermChips';

/** At most this many related questions: the card explains in a breath; the briefing has the rest. */
export const MAX_QUESTIONS = 3;

export interface TermCardActions {
  onTogglePin(): void;
  onClose(): void;
  /** Switch the card to another term (a related-term chip). */
  onSelectTerm(termId: string): void;
  /** Open the full briefing at a passage. */
  onOpenBriefing(passageId: string): void;
  onHideTerm(termId: string): void;
  onPauseSite(): void;
}

export interface TermCardProps extends TermCardActions {
  glossary: CompiledGlossary;
  term: Term;
  pinned: boolean;
  showQA: boolean;
  /** The href of "Read in the briefing" (the click itself goes through `onOpenBriefing`). */
  briefingHref(passageId: string): string;
  /** The site "Pause on this site" applies to, shown to the reader. */
  site?: string;
}

function questionsFor(glossary: CompiledGlossary, term: Term): QA[] {
  const out: QA[] = [];
  for (const id of term.qa) {
    const qa = glossary.qa.find((q) => q.id === id);
    if (qa) out.push(qa);
    if (out.length === MAX_QUESTIONS) break;
  }
  return out;
}

/** The hover card for one term: explainer, related questions, the briefing's own words, related terms. */
export function TermCard(props: TermCardProps) {
  const { glossary, term } = props;
  const [more, setMore] = useState(false);
  const topic = glossary.topics.find((t) => t.id === term.topic);
  const questions = props.showQA ? questionsFor(glossary, term) : [];
  const citation = term.citations[0];
  const related = term.related
    .map((id) => glossary.terms.find((t) => t.id === id))
    .filter((t): t is Term => t !== undefined);
  const hasMore = term.long.trim() !== '' && term.long.trim() !== term.short.trim();

  return (
    <CardFrame
      titleId="bl-title"
      title={term.label}
      subtitle={topic?.name}
      pinned={props.pinned}
      onTogglePin={props.onTogglePin}
      onClose={props.onClose}
    >
      <p class="bl-short">{term.short}</p>
      {hasMore ? (
        <>
          <p class="bl-long" id="bl-long" hidden={!more}>
            {term.long}
          </p>
          <button
            type="button"
            class="bl-more"
            aria-expanded={more ? 'true' : 'false'}
            aria-controls="bl-long"
            onClick={() => setMore(!more)}
          >
            {more ? 'Less' : 'More'}
          </button>
        </>
      ) : null}

      {questions.length > 0 ? (
        <section class="bl-section" aria-labelledby="bl-qa-heading">
          <h3 class="bl-heading" id="bl-qa-heading">
            Questions
          </h3>
          <QuestionList items={questions} idPrefix="bl-answer" />
        </section>
      ) : null}

      {citation ? (
        <section class="bl-section" aria-labelledby="bl-source-heading">
          <h3 class="bl-heading" id="bl-source-heading">
            From the briefing
          </h3>
          <blockquote class="bl-quote">“{citation.quote}”</blockquote>
          <a
            class="bl-link"
            href={props.briefingHref(citation.passage)}
            onClick={(e) => {
              // Web pages may not open extension pages themselves: the background opens the tab.
              e.preventDefault();
              props.onOpenBriefing(citation.passage);
            }}
          >
            Read in the briefing →
          </a>
        </section>
      ) : null}

      {related.length > 0 ? (
        <TermChips
          id="bl-related-heading"
          heading="Related"
          terms={related}
          onSelectTerm={props.onSelectTerm}
        />
      ) : null}

      <div class="bl-actions">
        <button type="button" class="bl-action" onClick={() => props.onHideTerm(term.id)}>
          Hide this term
        </button>
        <button type="button" class="bl-action" onClick={props.onPauseSite}>
          Pause on this site{props.site ? ` (${props.site})` : ''}
        </button>
      </div>
    </CardFrame>
  );
}
