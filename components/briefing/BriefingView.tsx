import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { Briefing, CompiledGlossary } from '../../glossary/types';
import { MarkedText } from './MarkedText';
import type { TermSpan } from './term-marker';

interface Props {
  glossary: CompiledGlossary;
  briefing: Briefing;
  mark: (text: string) => TermSpan[];
  /** A passage to scroll to and highlight (`#passage=<id>`). */
  target?: string;
}

/** The whole source document, part by part, each paragraph addressable as `#passage=<id>`. */
export function BriefingView({ glossary, briefing, mark, target }: Props) {
  const root = useRef<HTMLElement>(null);
  const labels = useMemo(() => new Map(glossary.terms.map((t) => [t.id, t.label])), [glossary]);
  const labelOf = (id: string) => labels.get(id);

  // A term is linked at its first mention in each part: enough to reach it, without a page of links.
  const spansFor = useMemo(() => {
    const cache = new Map<string, TermSpan[]>();
    const seenByPart = new Map<string, Set<string>>();
    const order = [
      briefing.headline,
      briefing.standfirst,
      ...briefing.keyPoints,
      ...briefing.analysis,
      ...briefing.report,
      ...briefing.quotes.map((q) => q.passage),
      ...briefing.conversation.flatMap((id) => {
        const qa = glossary.qa.find((q) => q.id === id);
        return [qa?.questionPassage, qa?.answerPassage].filter((p): p is string => !!p);
      }),
    ];
    for (const id of order) {
      const passage = glossary.passages[id];
      if (!passage) continue;
      const seen = seenByPart.get(passage.part) ?? new Set<string>();
      seenByPart.set(passage.part, seen);
      const spans: TermSpan[] = [];
      for (const span of mark(passage.text)) {
        if (seen.has(span.term)) continue;
        seen.add(span.term);
        spans.push(span);
      }
      cache.set(id, spans);
    }
    return (id: string) => cache.get(id) ?? [];
  }, [glossary, briefing, mark]);

  // Before the first paint, so the reader never sees the top of the briefing flash before the passage.
  useLayoutEffect(() => {
    if (!target) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-passage="${CSS.escape(target)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [target]);

  const text = (id: string) => glossary.passages[id]?.text ?? '';
  const passage = (id: string, Tag: 'p' | 'li' | 'h2' = 'p', extra = '') => (
    <Tag
      key={id}
      data-passage={id}
      id={`passage-${id}`}
      tabIndex={-1}
      class={`passage ${extra} ${id === target ? 'is-target' : ''}`.trim()}
    >
      <MarkedText text={text(id)} spans={spansFor(id)} labelOf={labelOf} />
    </Tag>
  );

  const missing = target && !glossary.passages[target];
  return (
    <article class="briefing" ref={root} aria-labelledby={`passage-${briefing.headline}`}>
      {missing ? (
        <p class="notice" role="status">
          That passage is not in the briefing any more; here is the whole document.
        </p>
      ) : null}
      <header class="briefing-head">
        {passage(briefing.headline, 'h2', 'headline')}
        {passage(briefing.standfirst, 'p', 'standfirst')}
      </header>

      <section aria-labelledby="sec-key">
        <h3 id="sec-key">Key points</h3>
        <ul class="key-points">{briefing.keyPoints.map((id) => passage(id, 'li'))}</ul>
      </section>

      <section aria-labelledby="sec-analysis">
        <h3 id="sec-analysis">Analysis</h3>
        {briefing.analysis.map((id) => passage(id))}
      </section>

      <section aria-labelledby="sec-report">
        <h3 id="sec-report">Report</h3>
        {briefing.report.map((id) => passage(id))}
      </section>

      {briefing.quotes.length ? (
        <section aria-labelledby="sec-quotes">
          <h3 id="sec-quotes">Notable quote{briefing.quotes.length > 1 ? 's' : ''}</h3>
          {briefing.quotes.map((q) => (
            <figure
              class={`quote passage ${q.passage === target ? 'is-target' : ''}`}
              key={q.passage}
              data-passage={q.passage}
              id={`passage-${q.passage}`}
              tabIndex={-1}
            >
              <blockquote>
                <p>
                  <MarkedText text={q.text} spans={mark(q.text)} labelOf={labelOf} />
                </p>
              </blockquote>
              <figcaption>— {q.attribution}</figcaption>
            </figure>
          ))}
        </section>
      ) : null}

      {briefing.conversation.length ? (
        <section aria-labelledby="sec-conversation" class="conversation">
          <h3 id="sec-conversation">{briefing.conversationTitle}</h3>
          {briefing.conversationSubtitle ? <p class="subtitle">{briefing.conversationSubtitle}</p> : null}
          <ol class="qa-pairs">
            {briefing.conversation.map((id) => {
              const qa = glossary.qa.find((q) => q.id === id);
              if (!qa) return null;
              return (
                <li class="qa-pair" key={id}>
                  {qaLine('Q', qa.question, qa.questionPassage)}
                  {qaLine('A', qa.answer, qa.answerPassage)}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </article>
  );

  function qaLine(who: 'Q' | 'A', fallback: string, id: string | undefined) {
    const body = id ? text(id) || fallback : fallback;
    return (
      <p
        class={`passage ${who === 'Q' ? 'question' : 'answer'} ${id && id === target ? 'is-target' : ''}`}
        data-passage={id}
        id={id ? `passage-${id}` : undefined}
        tabIndex={-1}
      >
        <span class="speaker" aria-hidden="true">
          {who}
        </span>
        <span class="visually-hidden">{who === 'Q' ? 'Question: ' : 'Answer: '}</span>
        <span class="line-text">
          <MarkedText text={body} spans={id ? spansFor(id) : mark(body)} labelOf={labelOf} />
        </span>
      </p>
    );
  }
}
