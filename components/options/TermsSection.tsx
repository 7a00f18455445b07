import { useMemo, useState } from 'preact/hooks';
import { isTopicOn } from '../../lib/settings';
import type { Settings } from '../../lib/settings-types';
import type { OnChange, TermSummary, TopicSummary } from './types';

interface Props {
  terms: TermSummary[];
  topics: TopicSummary[];
  settings: Settings;
  onChange: OnChange;
}

/** Case- and accent-insensitive form for filtering. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function TermsSection({ terms, topics, settings, onChange }: Props) {
  const [query, setQuery] = useState('');
  const topicById = useMemo(() => new Map(topics.map((t) => [t.id, t])), [topics]);
  const sorted = useMemo(() => [...terms].sort((a, b) => a.label.localeCompare(b.label)), [terms]);
  const q = fold(query.trim());
  const shown = q
    ? sorted.filter((t) =>
        [t.label, ...t.aliases, topicById.get(t.topic)?.name ?? ''].some((x) => fold(x).includes(q)),
      )
    : sorted;
  const hidden = new Set(settings.hiddenTerms);
  const hiddenKnown = terms.filter((t) => hidden.has(t.id)).length;

  const setShown = (id: string, show: boolean) => {
    const rest = settings.hiddenTerms.filter((h) => h !== id);
    onChange({ hiddenTerms: show ? rest : [...rest, id] });
  };

  return (
    <section id="terms" aria-labelledby="terms-heading">
      <h2 id="terms-heading">Terms</h2>
      <p class="hint">Hide a term you already know well; it stays in the popup's briefing and search.</p>
      <div class="field">
        <label for="term-filter">Find a term</label>
        <input
          id="term-filter"
          type="search"
          value={query}
          placeholder="e.g. Abraham Accords"
          autocomplete="off"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <p class="meta" aria-live="polite">
          {q ? `${shown.length} of ${terms.length} terms match` : `${terms.length} terms`}
          {hiddenKnown > 0 ? `, ${hiddenKnown} hidden` : ''}
        </p>
        {hiddenKnown > 0 && (
          <button type="button" onClick={() => onChange({ hiddenTerms: [] })}>
            Show all hidden terms
          </button>
        )}
      </div>
      {shown.length === 0 ? (
        <p class="empty">No term matches “{query.trim()}”.</p>
      ) : (
        <ul class="rows term-list">
          {shown.map((t) => {
            const topic = topicById.get(t.topic);
            const topicOff = topic !== undefined && !isTopicOn(topic, settings);
            return (
              <li key={t.id} class="row">
                <input
                  type="checkbox"
                  id={`term-${t.id}`}
                  checked={!hidden.has(t.id)}
                  aria-describedby={`term-${t.id}-desc`}
                  onChange={(e) => setShown(t.id, e.currentTarget.checked)}
                />
                <div class="row-text">
                  <label for={`term-${t.id}`} class="row-title">
                    {t.label}
                  </label>
                  <p id={`term-${t.id}-desc`} class="row-desc meta">
                    {topic?.name ?? t.topic}
                    {topicOff ? ' (topic turned off)' : ''}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
