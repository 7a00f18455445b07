// An update, reload or disabling of the extension orphans the content scripts of open pages: Chromium
// does not inject the new version into them, and the old one can no longer reach the extension. Its
// marks and card must leave the page (rather than stay, dead), without errors. Reloading the extension
// ends this file's service worker, so it has a browser of its own. (What the new version then does on a
// reloaded page is not checked here: an extension loaded with --load-extension does not come back from
// `runtime.reload()` under automation.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardName, hover, textBox } from './card-helpers';
import { launch, paintedCount, type Session, waitForReady } from './harness';

let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const hasCardHost = (page: Page) => page.evaluate(() => !!document.querySelector('briefing-lens-card'));

describe('an orphaned content script', () => {
  it('clears its marks and card when the extension reloads, and the page stays error-free', async () => {
    const page = await session.open('/demo/');
    await waitForReady(session, page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await hover(page, await textBox(page, 'article', 'Abraham Accords', 1, true));
    await expect.poll(() => cardName(page), { timeout: 8000 }).toBe('Abraham Accords');
    expect(await paintedCount(page)).toBeGreaterThan(10);

    // As an update does: the extension restarts, and this page keeps the old script.
    await session.worker.evaluate(() => {
      setTimeout(() => chrome.runtime.reload(), 50);
    });
    await expect.poll(() => paintedCount(page), { timeout: 8000, interval: 100 }).toBe(0);
    expect(await hasCardHost(page)).toBe(false);

    // Hovering a term that was marked now does nothing, and throws nothing.
    await page.mouse.move(5, 5);
    await hover(page, await textBox(page, 'article', 'Israel', 0, true));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await hasCardHost(page)).toBe(false);
    expect(errors).toEqual([]);
  });
});
