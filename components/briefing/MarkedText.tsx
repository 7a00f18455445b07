import type { ComponentChildren } from 'preact';
import type { TermSpan } from './term-marker';

interface Props {
  text: string;
  spans: readonly TermSpan[];
  /** Term id → label, for the link's description. */
  labelOf: (id: string) => string | undefined;
}

/** Text with its glossary terms as links into the term view (`#term=<id>`): keyboard-reachable by nature. */
export function MarkedText({ text, spans, labelOf }: Props) {
  const parts: ComponentChildren[] = [];
  let pos = 0;
  for (const span of spans) {
    if (span.start > pos) parts.push(text.slice(pos, span.start));
    const label = labelOf(span.term);
    parts.push(
      <a
        class="term-link"
        href={`#term=${encodeURIComponent(span.term)}`}
        key={span.start}
        title={label ? `About ${label}` : undefined}
      >
        {text.slice(span.start, span.end)}
      </a>,
    );
    pos = span.end;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return <>{parts}</>;
}
