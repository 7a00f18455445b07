// The one place that drives Chromium with the built extension: launching it, finding its service worker
// and id, messaging a tab's content script and polling it until ready. Used by `npm start`, the e2e
// harness (tests/e2e/harness.ts), the corpus run and the benchmark, so their flags and clean-up agree.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { chromiumArgs } from './browser';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches Chromium with the unpacked extension in `extensionDir`, in a throwaway profile. */
export async function launchExtension(options: {
  executablePath: string;
  extensionDir: string;
  headless: boolean;
  viewport?: { width: number; height: number } | null;
  extraArgs?: string[];
  /** Keep the back/forward cache on, as in a reader's browser (Playwright turns it off by default). */
  backForwardCache?: boolean;
}): Promise<ExtensionBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'briefing-lens-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: options.executablePath,
      headless: options.headless,
      args: [...chromiumArgs(options.extensionDir), ...(options.extraArgs ?? [])],
      viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
      // Playwright passes --disable-extensions by default, which would keep ours from loading.
      ignoreDefaultArgs: [
        '--disable-extensions',
        ...(options.backForwardCache ? ['--disable-back-forward-cache'] : []),
      ],
    });
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  try {
    // tsx compiles with esbuild's keepNames, which wraps named functions in `__name(…)`; functions we
    // pass to page.evaluate are serialised into the page, where that helper does not exist.
    await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return {
      context,
      worker,
      extensionId: new URL(worker.url()).host,
      async close() {
        await context.close().catch(() => {});
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    // No service worker (a broken build): do not leave the browser running.
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * The tab id of `page`. The extension has no `tabs` permission (it needs none), so tab URLs are hidden
 * from it: the page is brought to the front and the active tab is taken.
 */
export async function activeTabId(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** A tab: its page (brought to the front to learn its id) or an id already known. */
export type TabRef = Page | number;

function tabIdFor(worker: Worker, tab: TabRef): Promise<number> {
  return typeof tab === 'number' ? Promise.resolve(tab) : activeTabId(worker, tab);
}

/** Sends a runtime message to the content script of a tab, from the service worker. */
export async function sendToTab<T>(worker: Worker, tab: TabRef, message: unknown): Promise<T> {
  const tabId = await tabIdFor(worker, tab);
  return worker.evaluate(({ tabId, message }) => chrome.tabs.sendMessage(tabId, message), {
    tabId,
    message,
  }) as Promise<T>;
}

/**
 * Asks the tab's content script `message` until the answer has `ready: true` or `timeoutMs` passes.
 * Never throws: returns the last answer (undefined if none came) and the time taken, for callers that
 * report a slow page rather than fail on it.
 */
export async function pollTab<T extends { ready: boolean }>(
  worker: Worker,
  tab: TabRef,
  message: unknown,
  timeoutMs: number,
  intervalMs = 50,
): Promise<{ answer?: T; ms: number }> {
  const start = Date.now();
  let answer: T | undefined;
  const tabId = await tabIdFor(worker, tab);
  while (Date.now() - start < timeoutMs) {
    // Before the content script is injected, sendMessage rejects: that is "not ready yet".
    const reply = await sendToTab<T | undefined>(worker, tabId, message).catch(() => undefined);
    if (reply !== undefined) answer = reply;
    if (answer?.ready) break;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return { answer, ms: Date.now() - start };
}

/** As `pollTab`, but returns the ready answer or throws with the last one seen. */
export async function pollReady<T extends { ready: boolean }>(
  worker: Worker,
  tab: TabRef,
  message: unknown,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<T> {
  const { answer } = await pollTab<T>(worker, tab, message, timeoutMs, intervalMs);
  if (answer?.ready) return answer;
  throw new Error(`content script not ready after ${timeoutMs} ms (last answer: ${JSON.stringify(answer)})`);
}

export interface TermBox {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The first marked term in document order, from the page's `briefing-lens*` highlights (the highlight
 * registry is the document's, so the page's world sees what the content script registered). Scrolls it
 * into view and returns its first line box in viewport coordinates.
 */
export async function firstMarkedTerm(page: Page): Promise<TermBox | undefined> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    if (!registry) return undefined;
    let first: Range | undefined;
    for (const [name, highlight] of registry) {
      if (!name.startsWith('briefing-lens')) continue;
      for (const r of highlight) {
        if (!(r instanceof Range) || r.collapsed || r.getClientRects().length === 0) continue;
        if (!first || r.compareBoundaryPoints(Range.START_TO_START, first) < 0) first = r;
      }
    }
    if (!first) return undefined;
    first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = first.getClientRects()[0];
    if (!rect) return undefined;
    return { text: first.toString(), x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  });
}
