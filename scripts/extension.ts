// Helpers for driving Chromium with the built extension, shared by `npm start` and the benchmark
// (the e2e harness has the same shape, bound to its Session).
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
      ignoreDefaultArgs: ['--disable-extensions'],
    });
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
  // tsx compiles with esbuild's keepNames, which wraps named functions in `__name(…)`; functions we pass
  // to page.evaluate are serialised into the page, where that helper does not exist.
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
}

/** True when a window can be shown: a desktop OS, or an X11/Wayland session. */
export function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/**
 * The tab id of `page`. The extension has no `tabs` permission, so tab URLs are hidden from it: the
 * page is brought to the front and the active tab is taken.
 */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Sends a runtime message to the content script of `page`'s tab, from the service worker. */
export async function sendToTab<T>(worker: Worker, page: Page, message: unknown): Promise<T> {
  const tabId = await tabIdOf(worker, page);
  return worker.evaluate(({ tabId, message }) => chrome.tabs.sendMessage(tabId, message), {
    tabId,
    message,
  }) as Promise<T>;
}

/** Polls the content script with `message` until its answer has `ready: true`. */
export async function pollReady<T extends { ready: boolean }>(
  worker: Worker,
  page: Page,
  message: unknown,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await sendToTab<T>(worker, page, message);
      if (last?.ready) return last;
    } catch {
      // The content script may not be injected yet.
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`content script not ready after ${timeoutMs} ms (last answer: ${JSON.stringify(last)})`);
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
