// Launches a real Chromium with the built extension (.output/chrome-mv3) and serves test pages on
// 127.0.0.1. Every browser test goes through here so that flags, errors and clean-up are uniform; the
// browser itself is driven by scripts/extension.ts, shared with `npm start` and the benchmark.
import { join, resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { discoverChromium } from '../../scripts/browser';
import { activeTabId, launchExtension, pollReady, sendToTab as sendToTabOf } from '../../scripts/extension';
import { serve } from '../../scripts/serve';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, process.env.BL_OUT_DIR ?? '.output', 'chrome-mv3');
export const SHARED = resolve(ROOT, '../shared');

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  origin: string;
  /** Serve HTML from memory at `path` on the test origin. */
  setPage(path: string, html: string): void;
  /** Errors seen in the service worker, extension pages and content scripts. */
  errors: string[];
  /** Open a page and collect its console errors and page errors into `errors`. */
  open(url: string): Promise<Page>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launch(
  options: {
    pages?: Record<string, string>;
    mounts?: Record<string, string>;
    /** Another unpacked build to load instead of EXTENSION_DIR (e.g. a deliberately broken copy). */
    extensionDir?: string;
    /** Keep the back/forward cache on, as in a reader's browser (Playwright turns it off). */
    backForwardCache?: boolean;
  } = {},
): Promise<Session> {
  const executablePath = await discoverChromium();
  if (!executablePath) throw new Error('No Chromium found: run `npm test` once, which installs one.');
  const server = await serve({
    mounts: {
      '/demo/': join(ROOT, 'demo'),
      '/fixtures/': join(ROOT, 'tests/fixtures/pages'),
      ...options.mounts,
    },
    pages: options.pages ?? {},
  });
  const ext = await launchExtension({
    executablePath,
    extensionDir: options.extensionDir ?? EXTENSION_DIR,
    headless: true,
    backForwardCache: options.backForwardCache,
  }).catch(async (e) => {
    await server.close();
    throw e;
  });
  const { context, worker, extensionId } = ext;
  const errors: string[] = [];
  worker.on('console', (m) => {
    if (m.type() === 'error') errors.push(`service worker: ${m.text()}`);
  });
  return {
    context,
    extensionId,
    worker,
    origin: server.origin,
    setPage: server.setPage,
    errors,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    async open(url) {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${url}: ${m.text()}`);
      });
      await page.goto(url.startsWith('/') ? server.origin + url : url);
      return page;
    },
    async close() {
      await ext.close();
      await server.close();
    },
  };
}

/** The tab id of `page` (see activeTabId: brought to the front, then the active tab). */
export function tabIdOf(session: Session, page: Page): Promise<number> {
  return activeTabId(session.worker, page);
}

/** Sends a runtime message to the content script of `page`'s tab, from the service worker. */
export function sendToTab<T>(session: Session, page: Page, message: unknown): Promise<T> {
  return sendToTabOf<T>(session.worker, page, message);
}

/** Polls `get-page-terms` until the first scan is done; throws with the last answer after `timeoutMs`. */
export function waitForReady<T extends { ready: boolean }>(
  session: Session,
  page: Page,
  timeoutMs = 5000,
): Promise<T> {
  return pollReady<T>(session.worker, page, { type: 'get-page-terms' }, timeoutMs, 100);
}

/**
 * How many ranges our highlights hold on the page (DESIGN contract 2: highlights named `briefing-lens…`):
 * the painted marks, and the open card's term.
 */
export function paintedCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let ranges = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('briefing-lens')) ranges += h.size;
    return ranges;
  });
}
