// Zero network: the extension never makes a request, whatever the reader does. The watcher (guard.ts)
// sees the service worker, extension pages and content-script-initiated requests; a deliberately
// broken copy of the build proves it is not blind before the real build is judged by it.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  activeTabId,
  blockNetwork,
  type ExtensionWatch,
  loadGlossary,
  pollReady,
  sabotagedCopy,
  scrollToPainted,
  termIdFor,
  watchExtension,
} from './guard';
import { EXTENSION_DIR, launch, ROOT, type Session } from './harness';

const glossary = loadGlossary(ROOT);
const ACCORDS = termIdFor(glossary, 'Abraham Accords');
const label = glossary.terms.find((t) => t.id === ACCORDS)?.label ?? ACCORDS;
const cleanups: Array<() => Promise<void> | void> = [];

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function start(extensionDir?: string): Promise<{ session: Session; watch: ExtensionWatch }> {
  const session = await launch({ extensionDir });
  cleanups.push(() => session.close());
  const watch = await watchExtension(session.context, session.extensionId);
  await blockNetwork(session.context);
  return { session, watch };
}

describe('zero network', () => {
  it('the watcher catches requests from the service worker, an extension page and a content script', async () => {
    const dir = sabotagedCopy(EXTENSION_DIR);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { session, watch } = await start(dir);
    const page = await session.context.newPage();
    await watch.watchPage(page);
    await page.goto(`${session.origin}/demo/`);
    const popup = await session.context.newPage();
    await watch.watchPage(popup);
    await popup.goto(session.extensionUrl('popup.html'));
    await popup.evaluate(() => fetch('http://example.invalid/from-popup').catch(() => undefined));
    await expect
      .poll(() => watch.requests.join('\n'), { timeout: 5000 })
      .toMatch(/service worker requested http:\/\/sabotage\.invalid\/worker/);
    expect(watch.requests.join('\n')).toMatch(
      /content script on .* requested http:\/\/sabotage\.invalid\/content/,
    );
    expect(watch.requests.join('\n')).toMatch(
      /extension page .*popup\.html requested http:\/\/example\.invalid/,
    );
  });

  it('the real build makes no request: demo article, hover card, keyboard navigation, popup, options', async () => {
    const { session, watch } = await start();
    const page = await session.context.newPage();
    await watch.watchPage(page);
    await page.goto(`${session.origin}/demo/`);
    const tabId = await activeTabId(session.worker, page);
    const { answer } = await pollReady(session.worker, tabId, 10_000);
    expect(answer?.ready).toBe(true);
    // Hover a term until its card opens, then move through terms with the keyboard command.
    const point = await scrollToPainted(page, 'Abraham Accords');
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await page.getByRole('dialog', { name: label }).waitFor({ state: 'visible', timeout: 5000 });
    for (const type of ['next-term', 'next-term', 'previous-term'])
      await session.worker.evaluate(({ tabId, type }) => chrome.tabs.sendMessage(tabId, { type }), {
        tabId,
        type,
      });
    for (const path of ['popup.html', `popup.html#term=${ACCORDS}`, 'options.html']) {
      const ext = await session.context.newPage();
      await watch.watchPage(ext);
      await ext.goto(session.extensionUrl(path));
      await ext.waitForLoadState('networkidle');
      await ext.close();
    }
    await page.waitForTimeout(500);
    expect(watch.requests).toEqual([]);
    expect(watch.errors).toEqual([]);
  });
});
