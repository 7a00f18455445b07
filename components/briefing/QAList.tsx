import { useEffect, useRef } from 'preact/hooks';
import type { QA } from '../../glossary/types';

interface Props {
  items: readonly QA[];
  /** Where a Q&A's answer comes from in the briefing, if it has a passage of its own. */
  passageLink?: (qa: QA) => string | undefined;
  /** The id of a Q&A to show open and bring into view. */
  open?: string;
}

/** Questions a reader likely has, each disclosing its answer (native <details>: keyboard and AT for free). */
export function QAList({ items, passageLink, open }: Props) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (open) list.current?.querySelector('details[open]')?.scrollIntoView({ block: 'nearest' });
  }, [open]);
  return (
    <ul class="qa-list" ref={list}>
      {items.map((qa) => {
        const link = passageLink?.(qa);
        return (
          <li key={qa.id}>
            <details open={qa.id === open} data-qa={qa.id}>
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
