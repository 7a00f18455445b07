// Launches a real Chromium with the built extension (.output/chrome-mv3) and serves test pages on
// 127.0.0.1. Every browser test goes through here so that flags, errors and clean-up are uniform.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { chromiumArgs, discoverChromium } from '../../scripts/browser';
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
  const userDataDir = mkdtempSync(join(tmpdir(), 'briefing-lens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: chromiumArgs(options.extensionDir ?? EXTENSION_DIR),
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const errors: string[] = [];
  worker.on('console', (m) => {
    if (m.type() === 'error') errors.push(`service worker: ${m.text()}`);
  });
  const session: Session = {
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
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return session;
}

/**
 * The tab id of `page`. The extension has no `tabs` permission (it needs none), so tab URLs are hidden
 * from it: the page is brought to the front and the active tab is taken.
 */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  await page.bringToFront();
  return session.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Sends a runtime message to the content script of `page`'s tab, from the service worker. */
export async function sendToTab<T>(session: Session, page: Page, message: unknown): Promise<T> {
  const tabId = await tabIdOf(session, page);
  return session.worker.evaluate(({ tabId, message }) => chrome.tabs.sendMessage(tabId, message), {
    tabId,
    message,
  }) as Promise<T>;
}

/** Polls `get-page-terms` until the first scan is done. */
export async function waitForReady<T extends { ready: boolean }>(
  session: Session,
  page: Page,
  timeoutMs = 5000,
) {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await sendToTab<T>(session, page, { type: 'get-page-terms' });
      if (last?.ready) return last;
    } catch {
      // The content script may not be injected yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`content script not ready after ${timeoutMs} ms (last answer: ${JSON.stringify(last)})`);
}
