import { useEffect, useRef } from 'preact/hooks';
import type { CompiledGlossary, QA } from '../../glossary/types';
import { passageLabel } from './passage-label';
import { QAList } from './QAList';

interface Props {
  glossary: CompiledGlossary;
  id: string;
  /** A question to show open (and scroll to), e.g. the one a search found. */
  openQa?: string;
}

/** One term in full (`#term=<id>`): what it is, the questions it raises, and where the briefing says so. */
export function TermView({ glossary, id, openQa }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const term = glossary.terms.find((t) => t.id === id);

  // Moving between terms is navigation: put focus on the new heading so keyboard and screen-reader
  // users land at the start of what changed.
  useEffect(() => {
    heading.current?.focus({ preventScroll: false });
  }, [id]);

  if (!term) {
    return (
      <section class="term-view">
        <h2 ref={heading} tabIndex={-1}>
          Not in the briefing
        </h2>
        <p>There is no term “{id}” in the bundled briefing.</p>
        <p>
          <a href="#briefing">Read the full briefing</a> or <a href="#search">search it</a>.
        </p>
      </section>
    );
  }

  const topic = glossary.topics.find((t) => t.id === term.topic);
  const qa = term.qa.map((q) => glossary.qa.find((x) => x.id === q)).filter((q): q is QA => !!q);
  const related = term.related
    .map((r) => glossary.terms.find((t) => t.id === r))
    .filter((t): t is NonNullable<typeof t> => !!t);
  const otherNames = term.aliases.filter((a) => a.toLowerCase() !== term.label.toLowerCase());
  const conversationLink = (q: QA) => (q.questionPassage ? `#passage=${q.questionPassage}` : undefined);

  return (
    <article class="term-view" aria-labelledby="term-heading">
      <p class="back">
        <a href="#briefing">← Full briefing</a>
      </p>
      <header>
        <h2 id="term-heading" ref={heading} tabIndex={-1}>
          {term.label}
        </h2>
        {topic ? <p class="topic-chip">{topic.name}</p> : null}
        {otherNames.length ? <p class="aka">Also: {otherNames.join(', ')}</p> : null}
      </header>
      <p class="lead">{term.short}</p>
      {term.long && term.long !== term.short ? <p>{term.long}</p> : null}

      {qa.length ? (
        <section aria-labelledby="term-qa">
          <h3 id="term-qa">Questions</h3>
          <QAList items={qa} passageLink={conversationLink} open={openQa} />
        </section>
      ) : null}

      {term.citations.length ? (
        <section aria-labelledby="term-citations">
          <h3 id="term-citations">From the briefing</h3>
          <ul class="citations">
            {term.citations.map((c) => (
              <li key={`${c.passage}:${c.quote}`}>
                <blockquote>“{c.quote}”</blockquote>
                <a href={`#passage=${encodeURIComponent(c.passage)}`}>{passageLabel(glossary, c.passage)}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {related.length ? (
        <section aria-labelledby="term-related">
          <h3 id="term-related">Related</h3>
          <ul class="chips">
            {related.map((r) => (
              <li key={r.id}>
                <a class="chip" href={`#term=${encodeURIComponent(r.id)}`}>
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
