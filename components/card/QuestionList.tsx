import { useState } from 'preact/hooks';
import type { QA } from '../../glossary/types';

/** Related questions, each a disclosure button that expands to its answer. */
export function QuestionList({ items, idPrefix }: { items: QA[]; idPrefix: string }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <ul class="bl-qa">
      {items.map((qa) => {
        const expanded = open.has(qa.id);
        const answerId = `${idPrefix}-${qa.id}`;
        return (
          <li key={qa.id}>
            <button
              type="button"
              class="bl-question"
              aria-expanded={expanded ? 'true' : 'false'}
              aria-controls={answerId}
              onClick={() => toggle(qa.id)}
            >
              <span class="bl-caret" aria-hidden="true">
                ›
              </span>
              <span class="bl-qtext">{qa.question}</span>
            </button>
            <p class="bl-answer" id={answerId} hidden={!expanded}>
              {qa.answer}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
