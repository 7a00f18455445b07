// Launches a real Firefox with the Firefox build (.output/firefox-mv2, made by `npm test`'s firefox step)
// installed as a temporary add-on, over WebDriver BiDi (puppeteer-core), and serves test pages on
// 127.0.0.1. The Chromium tests go through harness.ts; this one exists so that the Firefox build is run,
// not only linted: a content script there sees the page through Xray wrappers, which Chromium has no
// equivalent of.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from '../../scripts/firefox';
import { serve } from '../../scripts/serve';
import { cardNameOf, findHost, HOST } from './card-helpers';
import { ROOT } from './harness';

export const FIREFOX_EXTENSION_DIR = join(ROOT, process.env.BL_OUT_DIR ?? '.output', 'firefox-mv2');

export interface FirefoxSession {
  browser: Browser;
  origin: string;
  /** Errors seen in pages opened with `open` (content-script errors surface there in Firefox). */
  errors: string[];
  open(url: string): Promise<Page>;
  /** `moz-extension://…/path`: the add-on's internal UUID is fixed at launch, so its pages can be opened. */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** Folders served besides the demo (URL prefix → folder). */
  mounts?: Record<string, string>;
  /**
   * Every address but 127.0.0.1 refused at once (a proxy on a closed port), as saved real pages load ads,
   * fonts and frames from everywhere; without it Firefox only avoids its own update and telemetry traffic.
   */
  offline?: boolean;
  /** The build to install (default: FIREFOX_EXTENSION_DIR). */
  extensionDir?: string;
}

/** `pages`: HTML served from memory at these paths, besides the demo at /demo/. */
export async function launchFirefox(
  pages: Record<string, string> = {},
  options: FirefoxOptions = {},
): Promise<FirefoxSession> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: run `npm test` once, which installs one.');
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No Firefox build in ${extensionDir}: run \`npx wxt build -b firefox\`.`);
  const server = await serve({ mounts: { '/demo/': join(ROOT, 'demo'), ...options.mounts }, pages });
  const refuse = {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.no_proxies_on': '127.0.0.1',
    'network.proxy.allow_hijacking_localhost': false,
  };
  const uuid = randomUUID();
  const addonId = 'briefing-lens@briefing-lens.example';
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      extraPrefsFirefox: {
        // The add-on's moz-extension:// host, so the test can open its pages.
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
        // Offline: no update checks, telemetry or remote settings.
        'network.proxy.type': 0,
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        ...(options.offline ? refuse : {}),
      },
    })
    .catch(async (e) => {
      await server.close();
      throw e;
    });
  const installed = await browser.installExtension(extensionDir);
  if (installed !== addonId) throw new Error(`installed add-on id ${installed}, expected ${addonId}`);
  const errors: string[] = [];
  return {
    browser,
    origin: server.origin,
    errors,
    extensionUrl: (path) => `moz-extension://${uuid}/${path}`,
    async open(url) {
      const page = await browser.newPage();
      page.on('pageerror', (e) => errors.push(`${url}: ${e instanceof Error ? e.message : String(e)}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${url}: ${m.text()}`);
      });
      await page.goto(url.startsWith('/') ? server.origin + url : url, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The centre of the first line box of the first `text` in the article (else the body), scrolled into view. */
function textCentre(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(text);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + text.length);
      const top = r.getBoundingClientRect().top;
      if (top < 0 || top > innerHeight - 60) scrollBy({ top: top - innerHeight / 3, behavior: 'instant' });
      const box = r.getClientRects()[0];
      if (!box) break;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    throw new Error(`"${text}" not found`);
  }, text);
}

/** Moves the mouse onto `text` as a reader would: from the side, in steps. */
export async function hoverText(page: Page, text: string): Promise<void> {
  const at = await textCentre(page, text);
  await page.mouse.move(at.x - 30, at.y, { steps: 2 });
  await page.mouse.move(at.x, at.y, { steps: 4 });
}

/** The open card's accessible name, or null (the host found as the Chromium tests find it). */
export async function cardName(page: Page): Promise<string | null> {
  // Run through tsx (scripts/corpus-firefox.ts), named functions are wrapped in esbuild's `__name(…)`,
  // which does not exist in the page; the Chromium harness defines it the same way (addInitScript).
  await page.evaluate('globalThis.__name ??= (fn) => fn;');
  const host = await page.evaluateHandle(findHost, HOST);
  return page.evaluate(cardNameOf, host);
}

/** The open page whose document is at a URL starting with `prefix` (puppeteer may still call it about:blank). */
export async function pageAt(browser: Browser, prefix: string): Promise<Page | undefined> {
  for (const p of await browser.pages()) {
    const href = await p.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(prefix)) return p;
  }
  return undefined;
}
