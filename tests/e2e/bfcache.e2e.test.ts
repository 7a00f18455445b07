// The back/forward cache, as in a reader's browser (Playwright turns it off by default; this session keeps
// it on). A page restored from it is the same document with the same content script, which never runs
// again: the marks, the badge and the cards must come back with it, and settings changed while it was
// away must apply when it returns.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardName, hover, textBox } from './card-helpers';
import { launch, paintedCount, type Session, sendToTab, tabIdOf, waitForReady } from './harness';

interface Terms {
  ready: boolean;
  paused?: boolean;
  terms: Array<{ id: string }>;
}

const ELSEWHERE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Recipes</title></head>
<body><main><h1>Weeknight soup</h1><p>Simmer the onions slowly, then add the stock.</p></main></body></html>`;

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 8000, interval: 50 });

let session: Session;

beforeAll(async () => {
  session = await launch({ pages: { '/bf/elsewhere.html': ELSEWHERE }, backForwardCache: true });
});
afterAll(async () => {
  await session?.close();
});

const badgeOf = (tabId: number) =>
  session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

/** Leaves `page` for another document in the same tab, and checks the badge followed. */
async function leave(page: Page, badge: () => Promise<string>) {
  // A property of this document's window: still there after Back only if the document itself came back.
  await page.evaluate(() => {
    (window as unknown as { blSameDocument: boolean }).blSameDocument = true;
  });
  await page.goto(`${session.origin}/bf/elsewhere.html`);
  await poll(badge).toBe('');
}

/** Goes Back, and checks that the document came from the cache (not loaded again). */
async function back(page: Page) {
  // A document restored from the cache fires no load event.
  await page.goBack({ waitUntil: 'commit' });
  await poll(() => page.url()).toBe(`${session.origin}/demo/`);
  const same = await page.evaluate(
    () => (window as unknown as { blSameDocument?: boolean }).blSameDocument === true,
  );
  expect(same, 'the demo was loaded again, not restored from the back/forward cache').toBe(true);
}

describe('back/forward cache', () => {
  it('a restored page keeps its marks, gets its badge count back, and its cards open', async () => {
    const page = await session.open('/demo/');
    const first = await waitForReady<Terms>(session, page);
    const tabId = await tabIdOf(session, page);
    const badge = () => badgeOf(tabId);
    const count = String(new Set(first.terms.map((t) => t.id)).size);
    await poll(badge).toBe(count);
    const ranges = await paintedCount(page);
    expect(ranges).toBeGreaterThan(10);

    await leave(page, badge);
    await back(page);
    await poll(badge).toBe(count);
    expect(await paintedCount(page)).toBe(ranges);
    await hover(page, await textBox(page, 'article', 'Abraham Accords', 1, true));
    await poll(() => cardName(page)).toBe('Abraham Accords');
    await page.close();
  });

  it('a site paused while the page was in the cache shows no marks and no count when it comes back', async () => {
    const page = await session.open('/demo/');
    await waitForReady<Terms>(session, page);
    const tabId = await tabIdOf(session, page);
    const badge = () => badgeOf(tabId);
    await poll(badge).not.toBe('');
    await leave(page, badge);

    const options = await session.open(session.extensionUrl('options.html'));
    await options.locator('#site-input').fill(`${session.origin}/demo/`);
    await options.getByRole('button', { name: 'Pause site' }).click();
    const host = new URL(session.origin).hostname;
    await options.getByRole('button', { name: `Unpause ${host}` }).waitFor();

    await page.bringToFront();
    await back(page);
    await poll(() => paintedCount(page)).toBe(0);
    await poll(badge).toBe('');
    expect((await sendToTab<Terms>(session, page, { type: 'get-page-terms' })).paused).toBe(true);

    // And unpausing from the options page brings the marks back to the restored page.
    await options.getByRole('button', { name: `Unpause ${host}` }).click();
    await poll(() => paintedCount(page)).toBeGreaterThan(10);
    await options.close();
    await page.close();
  });
});
