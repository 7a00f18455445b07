import type { QA } from '../../glossary/types';

interface Props {
  items: readonly QA[];
  /** Where a Q&A's answer comes from in the briefing, if it has a passage of its own. */
  passageLink?: (qa: QA) => string | undefined;
}

/** Questions a reader likely has, each disclosing its answer (native <details>: keyboard and AT for free). */
export function QAList({ items, passageLink }: Props) {
  return (
    <ul class="qa-list">
      {items.map((qa) => {
        const link = passageLink?.(qa);
        return (
          <li key={qa.id}>
            <details>
              <summary>{qa.question}</summary>
              <p>{qa.answer}</p>
              {link ? (
                <p class="source-link">
                  <a href={link}>In the conversation</a>
                </p>
              ) : null}
            </details>
          </li>
        );
      })}
    </ul>
  );
}
