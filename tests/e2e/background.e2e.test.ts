// The background in a real Chromium with the built extension: the badge, "Explain selection" and the
// keyboard commands. Automation can click neither the native context menu nor a browser shortcut, so
// the tests call the very functions those listeners call, from the extension's own service worker
// (`self.briefingLens`, which no page or content script can reach).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session, sendToTab, tabIdOf, waitForReady } from './harness';

interface Terms {
  ready: boolean;
  terms: Array<{ id: string; label: string }>;
}

const OFF_TOPIC = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Recipes</title></head>
<body><main><h1>Weeknight soup</h1><p>Simmer the onions slowly, then add the stock and the beans.</p></main></body></html>`;

const SHORT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Brief</title></head>
<body><main><h1>Gulf diplomacy</h1>
<p id="p">Pakistan rejected the Abraham Accords demand, officials said on Tuesday in Islamabad.</p>
</main></body></html>`;

/** Browser state settles asynchronously; on a busy machine one second (vitest's default) is short. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 8000, interval: 50 });

let session: Session;

beforeAll(async () => {
  session = await launch({ pages: { '/bg/off-topic.html': OFF_TOPIC, '/bg/short.html': SHORT } });
});
afterAll(async () => {
  await session?.close();
});

function badgeText(tabId: number): Promise<string> {
  return session.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId);
}

/** Selects the first occurrence of `text` in the page, as a reader would before right-clicking. */
async function select(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(text);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + text.length);
      const sel = getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      return;
    }
    throw new Error(`no “${text}” on the page`);
  }, text);
}

function explain(text: string, tabId: number) {
  return session.worker.evaluate(
    ({ text, tabId }) => {
      const hook = (self as unknown as { briefingLens?: { explainSelection: Function } }).briefingLens;
      if (!hook) throw new Error('background hook missing');
      return hook.explainSelection(text, tabId, 0);
    },
    { text, tabId },
  ) as Promise<{ shown: string; url?: string; lookup: { term?: string; suggestions: string[] } }>;
}

function command(name: string, tabId: number) {
  return session.worker.evaluate(
    ({ name, tabId }) => {
      const hook = (self as unknown as { briefingLens?: { runCommand: Function } }).briefingLens;
      if (!hook) throw new Error('background hook missing');
      return hook.runCommand(name, { id: tabId });
    },
    { name, tabId },
  ) as Promise<boolean>;
}

describe('badge', () => {
  it('shows the number of distinct terms get-page-terms reports, per tab', async () => {
    const demo = await session.open('/demo/');
    const reported = await waitForReady<Terms>(session, demo);
    const demoTab = await tabIdOf(session, demo);
    const distinct = new Set(reported.terms.map((t) => t.id)).size;
    expect(distinct).toBeGreaterThan(3);
    await poll(() => badgeText(demoTab)).toBe(String(distinct));

    const short = await session.open('/bg/short.html');
    const shortTerms = await waitForReady<Terms>(session, short);
    const shortTab = await tabIdOf(session, short);
    await poll(() => badgeText(shortTab)).toBe(String(shortTerms.terms.length));
    // Each tab keeps its own count.
    expect(await badgeText(demoTab)).toBe(String(distinct));
    await short.close();
    await demo.close();
  });

  it('is blank on a page without terms, and cleared when the tab navigates', async () => {
    const page = await session.open('/bg/short.html');
    await waitForReady<Terms>(session, page);
    const tabId = await tabIdOf(session, page);
    await poll(() => badgeText(tabId)).not.toBe('');

    await page.goto(`${session.origin}/bg/off-topic.html`);
    const none = await waitForReady<Terms>(session, page);
    expect(none.terms).toEqual([]);
    await poll(() => badgeText(tabId)).toBe('');

    await page.goto(`${session.origin}/bg/short.html`);
    await waitForReady<Terms>(session, page);
    await poll(() => badgeText(tabId)).not.toBe('');
    // about:blank runs no content script: only the navigation clears the old count.
    await page.goto('about:blank');
    await poll(() => badgeText(tabId)).toBe('');
    await page.close();
  });

  it('keeps the count across same-document navigations (pushState, hash)', async () => {
    const page = await session.open('/bg/short.html');
    const reported = await waitForReady<Terms>(session, page);
    const tabId = await tabIdOf(session, page);
    const count = String(reported.terms.length);
    await poll(() => badgeText(tabId)).toBe(count);
    await page.evaluate(() => history.pushState({}, '', '/bg/short.html?step=2'));
    await page.evaluate(() => {
      location.hash = 'later';
    });
    // Chrome reports these as "loading" too; give the background time to react, then check.
    await page.waitForTimeout(500);
    await poll(() => badgeText(tabId)).toBe(count);
    await page.close();
  });

  it('is blank while the site is paused (toggle-site command), and back after resuming', async () => {
    const page = await session.open('/bg/short.html');
    const reported = await waitForReady<Terms>(session, page);
    const tabId = await tabIdOf(session, page);
    const count = String(reported.terms.length);
    await poll(() => badgeText(tabId)).toBe(count);

    expect(await command('toggle-site', tabId)).toBe(true);
    await poll(() => badgeText(tabId)).toBe('');
    expect(await command('toggle-site', tabId)).toBe(true);
    await poll(() => badgeText(tabId)).toBe(count);
    await page.close();
  });
});

describe('commands', () => {
  it('next-term opens the first term’s card in the tab', async () => {
    const page = await session.open('/bg/short.html');
    await waitForReady<Terms>(session, page);
    const tabId = await tabIdOf(session, page);
    expect(await command('next-term', tabId)).toBe(true);
    await poll(() => page.getByRole('dialog', { name: 'Pakistan' }).count()).toBe(1);
    await page.close();
  });

  it('does nothing, quietly, where no content script runs', async () => {
    const page = await session.open(session.extensionUrl('options.html'));
    const tabId = await tabIdOf(session, page);
    expect(await command('next-term', tabId)).toBe(false);
    await page.close();
  });
});

describe('Explain selection', () => {
  it('opens the selected term’s card next to the selection', async () => {
    const page = await session.open('/bg/short.html');
    await waitForReady<Terms>(session, page);
    const tabId = await tabIdOf(session, page);
    await select(page, 'Abraham Accords');
    const out = await explain('Abraham Accords', tabId);
    expect(out).toMatchObject({ shown: 'card', lookup: { term: 'abraham-accords' } });
    const dialog = page.getByRole('dialog', { name: 'Abraham Accords' });
    await poll(() => dialog.count()).toBe(1);
    // Placed near the selection: its box starts within a few hundred pixels of the selected text.
    const selected = await page.evaluate(() =>
      getSelection()?.getRangeAt(0).getBoundingClientRect().toJSON(),
    );
    const box = await dialog.boundingBox();
    expect(box && selected && Math.abs(box.y - selected.bottom) < 400).toBe(true);
    await page.close();
  });

  it('forgives a misspelt selection', async () => {
    const page = await session.open('/bg/short.html');
    await waitForReady<Terms>(session, page);
    const tabId = await tabIdOf(session, page);
    const out = await explain('Abraham Acords', tabId);
    expect(out.lookup.term).toBe('abraham-accords');
    await page.close();
  });

  it('says there is no match for gibberish, with the nearest suggestions', async () => {
    const page = await session.open('/bg/short.html');
    await waitForReady<Terms>(session, page);
    const tabId = await tabIdOf(session, page);
    await select(page, 'Tuesday');
    const out = await explain('qwxzkv', tabId);
    expect(out.shown).toBe('card');
    expect(out.lookup.term).toBeUndefined();
    await poll(() => page.getByRole('dialog', { name: /No match for “qwxzkv”/ }).count()).toBe(1);
    await page.close();
  });

  it('opens the term view in a tab where the page cannot host the card', async () => {
    const page = await session.open(session.extensionUrl('options.html'));
    const tabId = await tabIdOf(session, page);
    const opened = session.context.waitForEvent('page');
    const out = await explain('Pakistan', tabId);
    expect(out.shown).toBe('tab');
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(session.extensionUrl('popup.html#term=pakistan'));
    await poll(() => tab.locator('.term-view h2').textContent()).toBe('Pakistan');
    await tab.close();
    await page.close();
  });
});

describe('messages', () => {
  it('open-briefing opens the full briefing at the hash, bound to the sending tab', async () => {
    const page = await session.open('/bg/short.html');
    await waitForReady<Terms>(session, page);
    const popup = await session.open(session.extensionUrl('popup.html#briefing'));
    const popupTab = await tabIdOf(session, popup);
    const opened = session.context.waitForEvent('page');
    await popup.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'open-briefing', hash: 'passage=report-4' }),
    );
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(session.extensionUrl(`popup.html?tab=${popupTab}#passage=report-4`));
    await poll(() => tab.locator('[data-passage="report-4"].is-target').count()).toBe(1);
    await tab.close();
    await popup.close();
    await page.close();
  });

  it('the content script reports to the background only through the typed message (sanity)', async () => {
    const page = await session.open('/bg/short.html');
    const reported = await waitForReady<Terms>(session, page);
    // get-page-terms and the badge agree after a rescan triggered by a page change.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'The UAE and Bahrain joined in 2020.';
      document.querySelector('main')?.append(p);
    });
    const tabId = await tabIdOf(session, page);
    await poll(
      async () => (await sendToTab<Terms>(session, page, { type: 'get-page-terms' })).terms.length,
    ).toBeGreaterThan(reported.terms.length);
    const after = await sendToTab<Terms>(session, page, { type: 'get-page-terms' });
    await poll(() => badgeText(tabId)).toBe(String(after.terms.length));
    await page.close();
  });

  it('logged no errors', () => {
    expect(session.errors).toEqual([]);
  });
});
