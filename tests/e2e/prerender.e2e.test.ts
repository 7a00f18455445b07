// A page the browser prerenders (Speculation Rules: a results page loading its first link ahead) is
// scanned only when the reader opens it, and its count reaches the badge only then. Driven with
// puppeteer-core: Chromium does not prerender while Playwright's DevTools session is attached to the page
// (`PrerenderingDisabledByDevTools` in the Preload domain), and does while puppeteer's is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, requireChromium } from '../../scripts/browser';
import { serve } from '../../scripts/serve';
import { EXTENSION_DIR, ROOT } from './harness';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });

/**
 * The demo article, with a page script (it runs before any content script) that notes whether the page
 * was prerendered, how many of our marks were painted when the reader opened it, and when it was loaded
 * (in localStorage, where the results page can see it: a prerendered page's BroadcastChannel messages
 * wait until it is opened).
 */
const article = readFileSync(join(ROOT, 'demo/index.html'), 'utf8').replace(
  '<head>',
  `<head><script>
  window.wasPrerendered = document.prerendering === true;
  document.addEventListener('prerenderingchange', () => {
    window.marksWhenOpened = CSS.highlights.get('briefing-lens')?.size ?? 0;
  });
  addEventListener('load', () => localStorage.setItem('article-loaded', String(Date.now())));
</script>`,
);

const RESULTS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Results</title>
<script type="speculationrules">{"prerender":[{"source":"list","urls":["/article.html"]}]}</script>
</head>
<body><h1>Results</h1><p><a id="open" href="/article.html">The first result</a></p></body></html>`;

let browser: Browser;
let worker: WebWorker;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve({ pages: { '/results.html': RESULTS, '/article.html': article } });
  browser = await puppeteer.launch({
    executablePath: await requireChromium(),
    headless: true,
    pipe: true,
    args: chromiumArgs(EXTENSION_DIR),
    // Puppeteer passes --disable-extensions by default, which would keep ours from loading.
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  const target = await browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
  );
  const found = await target.worker();
  if (!found) throw new Error('no service worker for the extension');
  worker = found;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The badge text of the tab `page` is in (brought to the front, so the active tab), read by the service worker. */
async function badgeOf(page: Page): Promise<string> {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return chrome.action.getBadgeText({ tabId: tab.id });
  });
}

describe('a prerendered page', () => {
  it('is scanned when the reader opens it, not while the browser prerenders it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/results.html`, { waitUntil: 'load' });
    // The article has loaded in the background; a scan started then would be done well within a second.
    await poll(() => page.evaluate(() => localStorage.getItem('article-loaded') !== null)).toBe(true);
    await new Promise((ok) => setTimeout(ok, 1500));
    expect(await badgeOf(page)).toBe('');

    await page.click('#open');
    await poll(() => page.evaluate(() => location.pathname)).toBe('/article.html');
    const seen = await page.evaluate(() => {
      const w = window as unknown as { wasPrerendered: boolean; marksWhenOpened?: number };
      return { wasPrerendered: w.wasPrerendered, marksWhenOpened: w.marksWhenOpened };
    });
    // Otherwise this test would prove nothing: the browser must really have prerendered the article.
    expect(seen.wasPrerendered).toBe(true);
    expect(seen.marksWhenOpened).toBe(0);
    // Opened, it is scanned and painted, and its count reaches the badge.
    await poll(() =>
      page.evaluate(() => CSS.highlights.get('briefing-lens')?.size ?? 0),
    ).toBeGreaterThanOrEqual(40);
    await poll(() => badgeOf(page)).toMatch(/^[1-9]\d*$/);
  });
});
