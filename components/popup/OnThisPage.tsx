import type { Topic } from '../../glossary/types';
import type { PageTerm, PageTermsResponse } from '../../lib/messages';
import type { SitePauseStatus } from '../../lib/site-patterns';
import { pausedWhere } from './SitePause';

export type PageState =
  | { status: 'loading' }
  /** The popup is open as a tab and no other tab is there to read. */
  | { status: 'no-page' }
  /** The content script cannot run in the tab (browser pages, the web store, other extensions). */
  | { status: 'unavailable' }
  | { status: 'ready'; response: PageTermsResponse };

interface Props {
  state: PageState;
  topics: readonly Topic[];
  onFocus: (id: string) => void;
  /** What pauses the tab's site, when known (the footer offers the ways to resume). */
  pause?: SitePauseStatus;
  onResume: (host: string) => void;
  /** Bound keyboard shortcuts for the next/previous-term commands, if any. */
  shortcuts?: { next?: string; previous?: string };
}

/** What the reader's tab mentions, grouped by topic; each term takes the reader to it on the page. */
export function OnThisPage({ state, topics, pause, onFocus, onResume, shortcuts }: Props) {
  if (state.status === 'loading') return <p class="empty">Looking at this page…</p>;
  if (state.status === 'no-page') {
    return (
      <div class="empty">
        <p>There is no page to look at from here.</p>
        <p>Open Briefing Lens from the toolbar while reading an article to see the terms it mentions.</p>
      </div>
    );
  }
  if (state.status === 'unavailable') {
    return (
      <div class="empty">
        <p>Briefing Lens cannot read this kind of page.</p>
        <p>
          Browser pages, extension stores and other extensions are off limits. A page that was already open
          when Briefing Lens was installed or updated needs a reload. The briefing and search work everywhere.
        </p>
      </div>
    );
  }
  const { response } = state;
  if (response.paused) {
    const host = response.host;
    return (
      <div class="empty">
        <p>Briefing Lens is paused on {pausedWhere(host, pause)}, so nothing is marked here.</p>
        {pause?.paused && pause.wildcards[0] ? (
          <p>Choose below: resume on this site only, or everywhere on {pause.wildcards[0]}.</p>
        ) : host ? (
          <button type="button" class="primary" onClick={() => onResume(host)}>
            Resume on {host}
          </button>
        ) : null}
      </div>
    );
  }
  if (!response.ready) return <p class="empty">Still reading this page…</p>;
  if (!response.terms.length) {
    return (
      <div class="empty">
        <p>No terms from the briefing on this page.</p>
        <p>
          <a href="#briefing">Read the briefing</a> or <a href="#search">search it</a>.
        </p>
      </div>
    );
  }

  const groups = groupByTopic(response.terms, topics);
  const total = response.terms.length;
  return (
    <div class="on-page">
      <p class="summary">
        {total} term{total === 1 ? '' : 's'} from the briefing{response.host ? ` on ${response.host}` : ''}.
        Choose one to see it on the page.
      </p>
      {groups.map(({ topic, terms }) => (
        <section key={topic.id} aria-labelledby={`topic-${topic.id}`}>
          <h3 id={`topic-${topic.id}`}>{topic.name}</h3>
          <ul class="term-list">
            {terms.map((t) => (
              <li key={t.id}>
                <button type="button" class="term-row" data-term={t.id} onClick={() => onFocus(t.id)}>
                  <span class="term-label">{t.label}</span>
                  {otherForms(t) ? <span class="forms">{otherForms(t)}</span> : null}
                  <span class="count">
                    {t.count}
                    <span class="visually-hidden"> mention{t.count === 1 ? '' : 's'}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {shortcuts?.next ? (
        <p class="tip">
          On the page, <kbd>{shortcuts.next}</kbd> goes to the next term
          {shortcuts.previous ? (
            <>
              {' '}
              and <kbd>{shortcuts.previous}</kbd> to the previous one
            </>
          ) : null}
          .
        </p>
      ) : null}
    </div>
  );
}

/** Topics in the glossary's order; terms by mentions, most first. Unknown topics go last, by id. */
export function groupByTopic(terms: readonly PageTerm[], topics: readonly Topic[]) {
  const byTopic = new Map<string, PageTerm[]>();
  for (const t of terms) byTopic.set(t.topic, [...(byTopic.get(t.topic) ?? []), t]);
  const known = topics.filter((t) => byTopic.has(t.id));
  const unknown = [...byTopic.keys()]
    .filter((id) => !topics.some((t) => t.id === id))
    .sort()
    .map((id) => ({ id, name: id }));
  return [...known, ...unknown].map((topic) => ({
    topic,
    terms: [...(byTopic.get(topic.id) ?? [])].sort(
      (a, b) => b.count - a.count || a.label.localeCompare(b.label),
    ),
  }));
}

/** The forms the page used when they differ from the label ("as UAE, Emirati"). */
function otherForms(t: PageTerm): string {
  const seen = new Set<string>();
  for (const s of t.samples) {
    const k = s.trim();
    if (k && k.toLowerCase() !== t.label.toLowerCase()) seen.add(k);
    if (seen.size === 3) break;
  }
  return seen.size ? `as ${[...seen].join(', ')}` : '';
}
