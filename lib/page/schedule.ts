// Runs resumable work in short slices so the page stays responsive: urgent work (the viewport, mutation
// rescans) yields with `scheduler.yield` or a MessageChannel task; the rest waits for idle periods.

/** Work for one slice: returns true while more work remains. `expired()` says the slice is over. */
export type SliceWork = (expired: () => boolean) => boolean;

export interface SliceStats {
  slices: number;
  cpuMs: number;
  longestMs: number;
  /** Length of the most recent slice. */
  lastMs: number;
}

export interface SlicerOptions {
  /** Target slice length in ms. */
  budgetMs?: number;
  /** Whether the next slice is urgent (yield to the page, then continue) or can wait for idle time. */
  urgent?: () => boolean;
  signal?: AbortSignal;
  now?: () => number;
  /** Called after each slice, once its time is counted in `stats`. */
  onSlice?: (more: boolean) => void;
}

type YieldingScheduler = { yield?: () => Promise<void> };

/** Resolves in a fresh task (after pending input and rendering), preferring `scheduler.yield`. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: YieldingScheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves in an idle period (or after `timeoutMs` if the page is never idle). */
export function waitForIdle(timeoutMs = 500): Promise<void> {
  if (typeof requestIdleCallback === 'function') {
    return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: timeoutMs }));
  }
  return new Promise((resolve) => setTimeout(resolve, 1));
}

/**
 * Runs `start` now, or, in a page the browser is prerendering (Speculation Rules: a search results page
 * loading its first links in the background), when the reader actually opens it: a page never opened
 * costs no scan, and its count never reaches the badge of the tab the reader is looking at.
 */
export function whenShown(doc: Document, signal: AbortSignal, start: () => void): void {
  if ((doc as { prerendering?: boolean }).prerendering !== true) {
    start();
    return;
  }
  doc.addEventListener(
    'prerenderingchange',
    () => {
      if (!signal.aborted) start();
    },
    { once: true, signal },
  );
}

/**
 * Resolves after the page's next rendering update (animation frame, then a fresh task), so that style
 * and layout are already computed when scanning reads them; after `timeoutMs` in a hidden tab, where
 * frames do not come.
 */
export function afterNextFrame(timeoutMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void yieldToPage().then(resolve);
    };
    const timer = setTimeout(finish, timeoutMs);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(finish);
  });
}

/**
 * Keeps calling `work` in slices until it reports nothing left; `wake()` restarts it after new work is
 * queued. At most one slice loop runs at a time.
 */
export class Slicer {
  readonly stats: SliceStats = { slices: 0, cpuMs: 0, longestMs: 0, lastMs: 0 };
  private running = false;
  private readonly budgetMs: number;
  private readonly now: () => number;

  constructor(
    private readonly work: SliceWork,
    private readonly options: SlicerOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? 6;
    this.now = options.now ?? (() => performance.now());
  }

  get busy(): boolean {
    return this.running;
  }

  wake(): void {
    if (this.running || this.options.signal?.aborted) return;
    this.running = true;
    void this.loop();
  }

  private async loop() {
    try {
      let more = true;
      while (more && !this.options.signal?.aborted) {
        try {
          more = this.slice();
        } catch (error) {
          // A bug must not go unseen, nor keep failing in a loop: report it and stop until the next wake().
          console.error('briefing-lens: scan slice failed', error);
          break;
        }
        if (!more) break;
        await (this.options.urgent?.() === false ? waitForIdle() : yieldToPage());
      }
    } finally {
      this.running = false;
    }
  }

  /** Runs one slice now; returns whether more work remains. */
  slice(): boolean {
    const start = this.now();
    const deadline = start + this.budgetMs;
    const more = this.work(() => this.now() >= deadline);
    const ms = this.now() - start;
    this.stats.slices++;
    this.stats.cpuMs += ms;
    this.stats.lastMs = ms;
    if (ms > this.stats.longestMs) this.stats.longestMs = ms;
    this.options.onSlice?.(more);
    return more;
  }
}
