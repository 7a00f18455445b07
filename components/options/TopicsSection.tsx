import { isTopicOn, topicPatch } from '../../lib/settings';
import type { Settings } from '../../lib/settings-types';
import type { OnChange, TopicSummary } from './types';

interface Props {
  topics: TopicSummary[];
  termCounts: Record<string, number>;
  settings: Settings;
  onChange: OnChange;
}

export function TopicsSection({ topics, termCounts, settings, onChange }: Props) {
  const setAll = (on: boolean) => {
    let s = settings;
    for (const t of topics) s = { ...s, ...topicPatch(t, on, s) };
    onChange({ topicsOff: s.topicsOff, topicsOn: s.topicsOn });
  };
  const onCount = topics.filter((t) => isTopicOn(t, settings)).length;
  return (
    <section id="topics" aria-labelledby="topics-heading">
      <h2 id="topics-heading">Topics</h2>
      <p class="hint">
        Choose which parts of the briefing are marked on the pages you read. {onCount} of {topics.length} on.
      </p>
      <div class="actions">
        <button type="button" onClick={() => setAll(true)} disabled={onCount === topics.length}>
          Turn all on
        </button>
        <button type="button" onClick={() => setAll(false)} disabled={onCount === 0}>
          Turn all off
        </button>
      </div>
      <ul class="rows">
        {topics.map((t) => {
          const on = isTopicOn(t, settings);
          const count = termCounts[t.id] ?? 0;
          return (
            <li key={t.id} class="row">
              <input
                type="checkbox"
                role="switch"
                id={`topic-${t.id}`}
                class="switch"
                checked={on}
                aria-describedby={`topic-${t.id}-desc`}
                onChange={(e) => onChange(topicPatch(t, e.currentTarget.checked, settings))}
              />
              <div class="row-text">
                <label for={`topic-${t.id}`} class="row-title">
                  {t.name}
                </label>
                <p id={`topic-${t.id}-desc`} class="row-desc">
                  {t.description}{' '}
                  <span class="meta">
                    · {count === 1 ? '1 term' : `${count} terms`}
                    {t.defaultOn ? '' : ' · off unless you turn it on'}
                  </span>
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
