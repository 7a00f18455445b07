// The page layer assembled: settings → rules, scanner (walk, schedule, decide, paint, index), mutation
// and navigation watching. The content script creates one and hands it to the card.
import type { CompiledGlossary, Term } from '../../glossary/types';
import { detach } from '../detach';
import type { Engine } from '../match/types';
import type { PageTermsResponse, ScanStats } from '../messages';
import { DEFAULT_SETTINGS, type Settings } from '../settings-types';
import { MutationWatcher, watchNavigation } from './observe';
import { pageTerms } from './page-terms';
import { Painter } from './paint';
import { PageScanner, type ScanRules } from './scanner';
import { afterNextFrame, whenShown } from './schedule';
import type { PageIndex } from './types';

export interface SettingsSource {
  get(): Promise<Settings>;
  watch(cb: (s: Settings) => void): () => void;
  isSitePaused(host: string, s: Settings): boolean;
  isTermShown(termId: string, topic: { id: string; defaultOn: boolean }, s: Settings): boolean;
}

export interface PageLensOptions {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  glossary: CompiledGlossary;
  engine: Engine;
  settings: SettingsSource;
  /** Told (debounced) when the number of distinct shown terms or the paused state changes. */
  onTermsChanged?(count: number, paused: boolean): void;
  debounceMs?: number;
}

/** What the card (and the content script's message handler) use from the page layer. */
export interface PageLens {
  index: PageIndex;
  glossary: CompiledGlossary;
  /** Draws one mention's range with the "active" highlight; undefined clears it. */
  setActive(range: Range | undefined): void;
  /** Current settings (defaults until loaded). */
  settings(): Settings;
  paused(): boolean;
  pageTerms(): PageTermsResponse;
  scanStats(): ScanStats;
  /** The open shadow roots the scan has entered that are still in the page (where a modal may hide). */
  shadowRoots(): ShadowRoot[];
}

export function createPageLens(options: PageLensOptions): PageLens {
  const { doc, win, signal, glossary, engine, settings: source } = options;
  const terms = new Map<string, Term>(glossary.terms.map((t) => [t.id, t]));
  const topics = new Map(glossary.topics.map((t) => [t.id, t]));
  const host = win.location.hostname;
  let settings = DEFAULT_SETTINGS;
  let loaded = false;
  let paused = false;

  const rulesFrom = (s: Settings): ScanRules => ({
    firstOccurrenceOnly: s.firstOccurrenceOnly,
    termEnabled: (id) => {
      const term = terms.get(id);
      const topic = term && topics.get(term.topic);
      return topic !== undefined && source.isTermShown(id, topic, s);
    },
  });

  const painter = new Painter(doc);
  const shadowRoots = new Set<ShadowRoot>();
  const watcher = new MutationWatcher({
    signal,
    debounceMs: options.debounceMs,
    onDirty: (dirty) => scanner.rescan(dirty),
    reveal: { waiting: () => scanner.hasVeiled(), rootsUnder: (targets) => scanner.veiledUnder(targets) },
    // Rescans run in later slices: the watcher charges all scan time since its last flush to its budget.
    cost: () => scanner.rescanCpuMs(),
  });
  const scanner = new PageScanner({
    doc,
    engine,
    painter,
    signal,
    rules: rulesFrom(settings),
    onShadowRoot: (root) => {
      shadowRoots.add(root);
      watcher.observe(root);
    },
  });

  // Badge updates: only when the distinct count or paused state changes, debounced.
  let lastSent: string | undefined;
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  const notify = () => {
    if (!options.onTermsChanged || !loaded) return;
    if (notifyTimer !== undefined) clearTimeout(notifyTimer);
    notifyTimer = setTimeout(() => {
      notifyTimer = undefined;
      if (signal.aborted) return;
      const count = new Set(scanner.list().map((m) => m.term)).size;
      const key = `${count}/${paused}`;
      if (key === lastSent) return;
      lastSent = key;
      options.onTermsChanged?.(count, paused);
    }, 300);
  };
  scanner.onChange(notify);

  const apply = (next: Settings) => {
    const prev = settings;
    settings = next;
    const wasPaused = paused;
    paused = source.isSitePaused(host, next);
    if (
      !loaded ||
      prev.highlightStyle !== next.highlightStyle ||
      prev.highlightColor !== next.highlightColor
    ) {
      painter.setStyle(next.highlightStyle, next.highlightColor);
    }
    const first = !loaded;
    loaded = true;
    if (paused) {
      if (!wasPaused || first) scanner.stop();
    } else if (wasPaused || first) {
      scanner.setRules(rulesFrom(next));
      scanner.start();
    } else {
      scanner.setRules(rulesFrom(next));
    }
    notify();
  };

  let unwatch = () => {};
  signal.addEventListener(
    'abort',
    () => {
      if (notifyTimer !== undefined) clearTimeout(notifyTimer);
      // The page first: the settings listener's removal throws in an orphaned script (lib/detach.ts).
      scanner.stop();
      painter.dispose();
      detach(unwatch);
    },
    { once: true },
  );
  // Settings are read, and the first scan starts, once the page is shown (not while it is prerendered).
  whenShown(doc, signal, () => {
    // The page's background is known once it has rendered; the scanner waits for that moment too.
    void afterNextFrame().then(() => {
      if (!signal.aborted) painter.checkBackground();
    });
    unwatch = source.watch(apply);
    source.get().then(
      (s) => {
        if (!signal.aborted && !loaded) apply(s);
      },
      () => {
        if (!signal.aborted && !loaded) apply(DEFAULT_SETTINGS);
      },
    );
  });

  watcher.observe(doc);
  watchNavigation(
    win,
    () => {
      // Pages change their URL without changing much text (an infinite-scroll page names the article in
      // view): the marks stay on screen until the new scan repaints them.
      if (!paused && loaded) scanner.start(true);
    },
    signal,
  );

  return {
    index: scanner,
    glossary,
    setActive: (range) => painter.setActive(range),
    settings: () => settings,
    paused: () => paused,
    pageTerms: () => ({
      ready: loaded && (paused || scanner.ready),
      terms: paused ? [] : pageTerms(scanner.list(), (id) => terms.get(id)),
      host,
      paused,
    }),
    scanStats: () => {
      const s = scanner.stats();
      return {
        ready: s.ready,
        cpuMs: s.cpuMs,
        engineMs: s.engineMs,
        wallMs: s.wallMs,
        slices: s.slices,
        longestSliceMs: s.longestSliceMs,
        mentions: scanner.list().length,
        rescanCpuMs: scanner.rescanCpuMs(),
      };
    },
    shadowRoots: () => {
      for (const root of shadowRoots) if (!root.host.isConnected) shadowRoots.delete(root);
      return [...shadowRoots];
    },
  };
}
