import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CompiledGlossary } from '../../glossary/types';
import type { GlossarySearch, SearchHit } from '../../lib/search';
import type { SitePauseStatus } from '../../lib/site-patterns';
import { BriefingView } from '../briefing/BriefingView';
import { TermView } from '../briefing/TermView';
import { createTermMarker } from '../briefing/term-marker';
import { OnThisPage, type PageState } from './OnThisPage';
import { formatRoute, parseRoute, type Route, type Tab, tabOf } from './route';
import { SearchPanel } from './SearchPanel';
import { type ResumeScope, SitePause } from './SitePause';

/** Everything the popup needs from outside, so the UI can run against fakes in tests. */
export interface PopupServices {
  glossary: CompiledGlossary;
  search: GlossarySearch;
  /** The reader's tab: what it mentions, and taking the reader to a term there. */
  page: {
    load(): Promise<PageState>;
    focus(termId: string): Promise<void>;
    /** Calls back when what the page shows changes (it scrolled new text in, the page changed). */
    watch?(onChange: () => void): () => void;
  };
  site: {
    /** Whether the host is paused, and by which patterns (so the popup can say so). */
    status(host: string): Promise<SitePauseStatus>;
    pause(host: string): Promise<void>;
    /** Resume on this host only, or everywhere under the paused wildcard that covers it. */
    resume(host: string, scope: ResumeScope): Promise<void>;
    /** Calls back when settings change anywhere (options page, card, another popup); returns unwatch. */
    watch(onChange: () => void): () => void;
  };
  openOptions(): void;
  /** The reader's keyboard shortcuts for stepping through terms, as bound in the browser. */
  shortcuts?(): Promise<{ next?: string; previous?: string }>;
  /** Present in the toolbar popup: reopen the current view as a full tab, still about the same page. */
  openInTab?: () => void;
}

const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'page', label: 'On this page' },
  { id: 'briefing', label: 'Briefing' },
  { id: 'search', label: 'Search' },
];

// While the content script is still scanning, ask again shortly.
const NOT_READY_RETRY_MS = 400;

const NOT_PAUSED: SitePauseStatus = { paused: false, hostPatterns: [], wildcards: [] };

export function App({ services }: { services: PopupServices }) {
  const { glossary, search } = services;
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [pause, setPause] = useState<SitePauseStatus>(NOT_PAUSED);
  const [siteError, setSiteError] = useState('');
  const [keys, setKeys] = useState<{ next?: string; previous?: string }>({});
  const mark = useMemo(() => createTermMarker(glossary.aliases), [glossary]);
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  // Arrowing through the tabs keeps focus on the tabs (ARIA tabs pattern); a click or a link moves on.
  const arrowed = useRef(false);

  useEffect(() => {
    services
      .shortcuts?.()
      .then(setKeys)
      .catch(() => undefined);
  }, [services]);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const reload = useCallback(async () => {
    const next = await services.page.load();
    setPage(next);
    const host = next.status === 'ready' ? next.response.host : undefined;
    if (host) setPause(await services.site.status(host));
    return next;
  }, [services]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      const next = await reload();
      if (!stopped && next.status === 'ready' && !next.response.ready && !next.response.paused) {
        timer = setTimeout(poll, NOT_READY_RETRY_MS);
      }
    };
    void poll();
    // The content script applies settings live; ask it again once it has (pause/resume, topics).
    const again = () => {
      clearTimeout(timer);
      timer = setTimeout(poll, 150);
    };
    const unwatchSite = services.site.watch(again);
    const unwatchPage = services.page.watch?.(again);
    return () => {
      stopped = true;
      clearTimeout(timer);
      unwatchSite();
      unwatchPage?.();
    };
  }, [reload, services]);

  const go = (next: Route) => {
    location.hash = formatRoute(next);
    setRoute(next);
  };

  // A passage names its briefing; otherwise the one asked for, or the first.
  const briefingId =
    route.view === 'briefing'
      ? (route.passage && glossary.passages[route.passage]?.briefing) || route.id
      : undefined;
  const briefing = glossary.briefings.find((b) => b.id === briefingId) ?? glossary.briefings[0];
  const current = tabOf(route);
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === current);
    const to =
      e.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(i - 1 + TABS.length) % TABS.length]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!to) return;
    e.preventDefault();
    arrowed.current = true;
    selectTab(to.id);
    tabRefs.current[to.id]?.focus();
  };
  const selectTab = (tab: Tab) => go(tab === 'search' ? { view: 'search', query: '' } : { view: tab });

  const openHit = (hit: Pick<SearchHit, 'kind' | 'id'>) => {
    if (hit.kind === 'term') return go({ view: 'term', id: hit.id });
    const qa = glossary.qa.find((q) => q.id === hit.id);
    if (qa?.questionPassage) return go({ view: 'briefing', passage: qa.questionPassage });
    // An authored Q&A belongs to the terms that list it.
    const owner = glossary.terms.find((t) => t.qa.includes(hit.id));
    if (owner) go({ view: 'term', id: owner.id, qa: hit.id });
  };

  const host = page.status === 'ready' ? page.response.host : undefined;
  const changePause = async (change: () => Promise<void>, expected: SitePauseStatus) => {
    if (!host) return;
    const before = pause;
    // Show the outcome at once (the switch moves); the stored settings then say what really holds.
    setPause(expected);
    setSiteError('');
    try {
      await change();
      setPause(await services.site.status(host));
    } catch (err) {
      // The settings store words its errors for the reader (e.g. sync quota full).
      setPause(before);
      setSiteError(err instanceof Error ? err.message : String(err));
    }
  };
  const pauseSite = () => {
    if (host) void changePause(() => services.site.pause(host), { ...pause, paused: true });
  };
  const resumeSite = (scope: ResumeScope) => {
    if (host) void changePause(() => services.site.resume(host, scope), { ...pause, paused: false });
  };

  return (
    <div class="app">
      <header class="top">
        <div class="brand">
          <h1>Briefing Lens</h1>
          <span class="top-actions">
            {services.openInTab ? (
              <button type="button" class="link-button" onClick={() => services.openInTab?.()}>
                Open in a tab
              </button>
            ) : null}
            <button type="button" class="link-button" onClick={() => services.openOptions()}>
              Options
            </button>
          </span>
        </div>
        <div role="tablist" aria-label="Views" class="tabs">
          {TABS.map((t) => (
            <button
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              key={t.id}
              ref={(el) => {
                tabRefs.current[t.id] = el;
              }}
              aria-selected={t.id === current}
              aria-controls="panel"
              tabIndex={t.id === current ? 0 : -1}
              onClick={() => {
                arrowed.current = false;
                selectTab(t.id);
              }}
              onKeyDown={onTabKey}
            >
              {t.label}
            </button>
          ))}
        </div>
      </header>

      <main>
        <div id="panel" role="tabpanel" aria-labelledby={`tab-${current}`} class={`panel panel-${current}`}>
          {route.view === 'page' ? (
            <OnThisPage
              state={page}
              topics={glossary.topics}
              onFocus={(id) => void services.page.focus(id)}
              pause={pause}
              onResume={() => resumeSite('site')}
              shortcuts={keys}
            />
          ) : null}
          {route.view === 'briefing' && glossary.briefings.length > 1 ? (
            <nav class="briefing-picker" aria-label="Briefings">
              <ul class="chips">
                {glossary.briefings.map((b) => (
                  <li key={b.id}>
                    <a
                      class="chip"
                      href={`#briefing=${encodeURIComponent(b.id)}`}
                      aria-current={b.id === briefing?.id ? 'page' : undefined}
                    >
                      {glossary.passages[b.headline]?.text ?? b.id}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {route.view === 'briefing' && briefing ? (
            <BriefingView
              key={briefing.id}
              glossary={glossary}
              briefing={briefing}
              mark={mark}
              target={route.passage}
            />
          ) : null}
          {route.view === 'term' ? <TermView glossary={glossary} id={route.id} openQa={route.qa} /> : null}
          {route.view === 'search' ? (
            <SearchPanel
              glossary={glossary}
              search={search}
              initialQuery={route.query}
              autoFocus={!arrowed.current}
              onQuery={(query) => history.replaceState(null, '', formatRoute({ view: 'search', query }))}
              onOpen={openHit}
            />
          ) : null}
        </div>
      </main>

      {host ? (
        <footer class="bottom">
          <SitePause host={host} status={pause} onPause={pauseSite} onResume={resumeSite} />
          {siteError ? (
            <p class="site-error" role="alert">
              {siteError}
            </p>
          ) : null}
        </footer>
      ) : null}
    </div>
  );
}
