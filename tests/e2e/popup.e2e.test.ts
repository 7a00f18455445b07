// The popup in a real Chromium with the built extension. It is opened as a page (`popup.html`), bound
// to the article's tab with `?tab=<id>` — the same path the popup takes when the card's "full
// briefing" link opens it in a tab — because automation cannot click the toolbar button.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe';
import { launch, ROOT, type Session, sendToTab, tabIdOf, waitForReady } from './harness';

interface Terms {
  ready: boolean;
  terms: Array<{ id: string; label: string; count: number; topic: string }>;
  host?: string;
  paused?: boolean;
}

// The briefing's source as shipped in the project: the popup must show every part of it.
const SOURCE = readFileSync(
  join(ROOT, 'glossary/briefings/coercion-not-partnership/source.txt'),
  'utf8',
).split('\n');
const line = (n: number) => (SOURCE[n - 1] ?? '').trim();

const GROWS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live</title></head>
<body><main><h1>Talks</h1><p>Pakistan rejected the demand, officials in Islamabad said.</p></main></body></html>`;

/** Browser state settles asynchronously; on a busy machine one second (vitest's default) is short. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 8000, interval: 50 });

let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

async function openPopup(hash = '', tabId?: number): Promise<Page> {
  const query = tabId === undefined ? '' : `?tab=${tabId}`;
  const page = await session.open(session.extensionUrl(`popup.html${query}${hash}`));
  await page.getByRole('heading', { level: 1, name: 'Briefing Lens' }).waitFor();
  return page;
}

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  }, selector);
}

describe('On this page', () => {
  it('lists the demo article’s terms, grouped by topic, with the counts the page reports', async () => {
    const article = await session.open('/demo/');
    const reported = await waitForReady<Terms>(session, article);
    expect(reported.terms.length).toBeGreaterThan(3);
    const tabId = await tabIdOf(session, article);
    const popup = await openPopup('', tabId);

    const rows = popup.locator('button.term-row');
    await poll(() => rows.count()).toBe(reported.terms.length);
    for (const term of reported.terms) {
      const row = popup.locator(`button.term-row[data-term="${term.id}"]`);
      expect(squash(await row.locator('.term-label').textContent())).toBe(term.label);
      expect(squash(await row.locator('.count').textContent())).toMatch(new RegExp(`^${term.count} mention`));
    }
    // Grouped under topic headings.
    expect(await popup.locator('.on-page h3').count()).toBeGreaterThan(1);
    // Keyboard readers learn the (rebindable) shortcut for stepping through terms on the page.
    await poll(async () => squash(await popup.locator('.tip').textContent())).toContain('Alt+Shift+J');
    // The pause switch names the article's host.
    await poll(() => popup.getByRole('switch').count()).toBe(1);
    expect(squash(await popup.locator('.switch').textContent())).toContain('127.0.0.1');
    await popup.close();
    await article.close();
  });

  it('follows the page as it changes while open', async () => {
    session.setPage('/popup/grows.html', GROWS);
    const article = await session.open('/popup/grows.html');
    const before = await waitForReady<Terms>(session, article);
    const tabId = await tabIdOf(session, article);
    const popup = await openPopup('', tabId);
    await poll(() => popup.locator('button.term-row').count()).toBe(before.terms.length);
    await article.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Bahrain and the United Arab Emirates joined the Abraham Accords in 2020.';
      document.querySelector('main')?.append(p);
    });
    await poll(() => popup.locator('button.term-row').count()).toBeGreaterThan(before.terms.length);
    await popup.close();
    await article.close();
  });

  it('a click on a term opens its card in the article', async () => {
    const article = await session.open('/demo/');
    const reported = await waitForReady<Terms>(session, article);
    const tabId = await tabIdOf(session, article);
    const popup = await openPopup('', tabId);
    const first = reported.terms[0];
    if (!first) throw new Error('no terms on the demo article');
    await popup.locator(`button.term-row[data-term="${first.id}"]`).click();
    // Contract 3: the card is a dialog named after the term, in an open shadow root (which getByRole pierces).
    await poll(() => article.getByRole('dialog', { name: first.label }).count()).toBe(1);
    await popup.close();
    await article.close();
  });

  it('says why when the site is paused, and Resume brings the terms back', async () => {
    const article = await session.open('/demo/');
    await waitForReady<Terms>(session, article);
    const tabId = await tabIdOf(session, article);
    const popup = await openPopup('', tabId);
    await popup.locator('button.term-row').first().waitFor();

    await popup.getByRole('switch').check();
    await poll(async () => squash(await popup.locator('.empty').textContent())).toContain('paused');
    await popup.getByRole('button', { name: /Resume/ }).click();
    await poll(() => popup.locator('button.term-row').count()).toBeGreaterThan(0);
    expect(await popup.getByRole('switch').isChecked()).toBe(false);
    await popup.close();
    await article.close();
  });

  it('says plainly that a page the extension cannot run on cannot be read', async () => {
    // A tab showing another extension page: no content script runs there.
    const other = await session.open(session.extensionUrl('options.html'));
    const tabId = await tabIdOf(session, other);
    const popup = await openPopup('', tabId);
    await poll(async () => squash(await popup.locator('.empty').textContent())).toContain('cannot read');
    expect(await popup.getByRole('switch').count()).toBe(0);
    await popup.close();
    await other.close();
  });
});

describe('toolbar popup', () => {
  // The real toolbar popup, opened by `action.openPopup()`. Automation cannot reach its page directly,
  // so a background extension tab drives it through `extension.getViews({ type: 'popup' })`.
  it('lists the active tab’s terms, and a click closes the popup and opens the card in the page', async () => {
    const helper = await session.open(session.extensionUrl('options.html'));
    const article = await session.open('/demo/');
    const reported = await waitForReady<Terms>(session, article);
    await article.bringToFront();
    await session.worker.evaluate(() => chrome.action.openPopup());
    const popupRows = () =>
      helper.evaluate(() => {
        const view = chrome.extension.getViews({ type: 'popup' })[0];
        if (!view) return -1;
        return view.document.documentElement.dataset.mode === 'popup'
          ? view.document.querySelectorAll('button.term-row').length
          : -2;
      });
    await poll(popupRows).toBe(reported.terms.length);
    // It keeps to the toolbar popup's size: the list scrolls inside, the document does not.
    const size = await helper.evaluate(() => {
      const doc = chrome.extension.getViews({ type: 'popup' })[0]?.document.documentElement;
      return {
        height: doc?.scrollHeight ?? 0,
        width: doc?.scrollWidth ?? 0,
        bodyWidth: doc?.ownerDocument.body.offsetWidth,
      };
    });
    expect(size.height).toBeLessThanOrEqual(600);
    expect(size.bodyWidth).toBe(400);

    const first = reported.terms[0];
    if (!first) throw new Error('no terms');
    await helper.evaluate((id) => {
      const view = chrome.extension.getViews({ type: 'popup' })[0];
      view?.document.querySelector<HTMLButtonElement>(`button.term-row[data-term="${id}"]`)?.click();
    }, first.id);
    await poll(() => article.getByRole('dialog', { name: first.label }).count()).toBe(1);
    await poll(() => helper.evaluate(() => chrome.extension.getViews({ type: 'popup' }).length)).toBe(0);
    await article.close();
    await helper.close();
  });
});

describe('full tab', () => {
  it('without ?tab= it is about the tab the reader was just on', async () => {
    const article = await session.open('/demo/');
    const reported = await waitForReady<Terms>(session, article);
    await article.bringToFront();
    const popup = await session.open(session.extensionUrl('popup.html'));
    await popup.bringToFront();
    await poll(() => popup.locator('button.term-row').count()).toBe(reported.terms.length);
    await popup.close();
    await article.close();
  });

  it('round trip: card → “Read in the briefing” → passage in a tab → On this page → the card again', async () => {
    const article = await session.open('/demo/');
    await waitForReady<Terms>(session, article);
    const articleTab = await tabIdOf(session, article);
    await sendToTab(session, article, { type: 'next-term' });
    const card = article.getByRole('dialog').first();
    await card.waitFor();
    const opened = session.context.waitForEvent('page');
    await card.getByRole('link', { name: /Read in the briefing/ }).click();
    const briefing = await opened;
    await briefing.waitForLoadState();
    expect(briefing.url()).toContain(`popup.html?tab=${articleTab}#passage=`);
    await poll(() => briefing.locator('.passage.is-target').count()).toBe(1);

    await briefing.getByRole('tab', { name: 'On this page' }).click();
    const row = briefing.locator('button.term-row').nth(1);
    const label = squash(await row.locator('.term-label').textContent());
    await row.click();
    await poll(() => article.getByRole('dialog', { name: label }).count()).toBe(1);
    // The article's tab is brought forward so the reader sees the card.
    expect(await article.evaluate(() => document.visibilityState)).toBe('visible');
    await briefing.close();
    await article.close();
  });
});

describe('Briefing', () => {
  it('shows every part of the source document', async () => {
    const popup = await openPopup('#briefing');
    const briefing = popup.locator('article.briefing');
    expect(squash(await briefing.locator('h2').first().textContent())).toBe(line(1));
    expect(squash(await briefing.locator('.standfirst').textContent())).toBe(line(2));

    const keyPoints = await briefing.locator('.key-points li').allTextContents();
    expect(keyPoints.map(squash)).toEqual([3, 4, 5, 6, 7].map((n) => line(n).replace(/^- /, '')));

    const analysis = await briefing.locator('section[aria-labelledby="sec-analysis"] p').allTextContents();
    expect(analysis.map(squash)).toEqual([8, 9, 10, 11].map(line));
    const report = await briefing.locator('section[aria-labelledby="sec-report"] p').allTextContents();
    expect(report.map(squash)).toEqual([12, 13, 14, 15, 16, 17].map(line));

    const [quoteText, attribution] = line(19)
      .split('—')
      .map((s) => s.trim());
    expect(squash(await briefing.locator('.quote blockquote').textContent())).toBe(quoteText);
    expect(squash(await briefing.locator('.quote figcaption').textContent())).toContain(attribution ?? '∅');

    expect(squash(await briefing.locator('.conversation h3').textContent())).toBe('The Hearth Conversation');
    const pairs = briefing.locator('.qa-pair');
    expect(await pairs.count()).toBe(5);
    for (let i = 0; i < 5; i++) {
      const q = squash(await pairs.nth(i).locator('.question .line-text').textContent());
      const a = squash(await pairs.nth(i).locator('.answer .line-text').textContent());
      expect(q).toBe(line(21 + i * 2));
      expect(a).toBe(line(22 + i * 2));
    }
    await popup.close();
  });

  it('marks terms in the briefing text, and a marked term opens its term view', async () => {
    const popup = await openPopup('#briefing');
    const links = popup.locator('article.briefing a.term-link');
    expect(await links.count()).toBeGreaterThan(10);
    const accords = popup.locator('.key-points a.term-link', { hasText: 'Abraham Accords' }).first();
    await accords.focus();
    await popup.keyboard.press('Enter');
    await poll(() => popup.locator('.term-view h2').textContent()).toBe('Abraham Accords');
    expect(popup.url()).toMatch(/#term=abraham-accords$/);
    await popup.close();
  });
});

describe('deep links', () => {
  it('#term= shows the label, topic, explainers, Q&A, citations and related terms', async () => {
    const popup = await openPopup('#term=pakistan');
    const view = popup.locator('.term-view');
    expect(squash(await view.locator('h2').textContent())).toBe('Pakistan');
    expect(await view.locator('.topic-chip').count()).toBe(1);
    expect(squash(await view.locator('.lead').textContent()).length).toBeGreaterThan(40);
    expect(await view.locator('.citations li').count()).toBeGreaterThan(0);
    expect(await view.locator('.chips a').count()).toBeGreaterThan(0);
    // A Q&A answer opens on Enter (native disclosure).
    const summary = view.locator('.qa-list summary').first();
    await summary.focus();
    await popup.keyboard.press('Enter');
    expect(await view.locator('.qa-list details').first().getAttribute('open')).not.toBeNull();

    // A citation leads to its passage, highlighted and scrolled into view.
    const citation = view.locator('.citations a').first();
    const href = (await citation.getAttribute('href')) ?? '';
    const passage = decodeURIComponent(href.replace('#passage=', ''));
    await citation.click();
    const target = `[data-passage="${passage}"]`;
    await poll(() => popup.locator(`${target}.is-target`).count()).toBe(1);
    await poll(() => inViewport(popup, target)).toBe(true);
    await popup.close();
  });

  it('#passage= scrolls to the passage and highlights it', async () => {
    const popup = await openPopup('#passage=report-4');
    const target = '[data-passage="report-4"]';
    await poll(() => popup.locator(`${target}.is-target`).count()).toBe(1);
    expect(squash(await popup.locator(target).textContent())).toBe(line(15));
    await poll(() => inViewport(popup, target)).toBe(true);
    expect(await popup.locator('.is-target').count()).toBe(1);
    await popup.close();
  });

  it('an unknown term says so instead of failing', async () => {
    const popup = await openPopup('#term=no-such-term');
    expect(squash(await popup.locator('.term-view h2').textContent())).toBe('Not in the briefing');
    await popup.close();
  });
});

describe('Search', () => {
  it('finds “Abraham Accords” from “abraham acords”, with arrow keys and Enter', async () => {
    const popup = await openPopup('#search');
    const input = popup.getByRole('combobox');
    await input.fill('abraham acords');
    const first = popup.getByRole('option').first();
    await poll(() => first.locator('.result-title').textContent()).toBe('Abraham Accords');
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    await popup.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('result-0');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('Enter');
    await poll(() => popup.locator('.term-view h2').textContent()).toBe('Abraham Accords');
    await popup.close();
  });

  it('forgives British spelling', async () => {
    const popup = await openPopup('#search');
    await popup.getByRole('combobox').fill('normalisation');
    await poll(() => popup.getByRole('option').first().locator('.result-title').textContent()).toMatch(
      /^Normalization/,
    );
    await popup.close();
  });

  it('finds a Q&A by words in its answer and opens it in the conversation', async () => {
    const popup = await openPopup('#search');
    await popup.getByRole('combobox').fill('religious opposition');
    const options = popup.getByRole('option');
    await poll(() => options.count()).toBeGreaterThan(0);
    const titles = (await options.locator('.result-title').allTextContents()).map(squash);
    const at = titles.indexOf(line(23));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(squash(await options.nth(at).locator('.result-kind').textContent())).toBe('Q&A');
    for (let i = 0; i <= at; i++) await popup.keyboard.press('ArrowDown');
    expect(await options.nth(at).getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('Enter');
    await poll(() => popup.locator('[data-passage="conversation-q2"].is-target').count()).toBe(1);
    await popup.close();
  });

  it('opens an authored Q&A inside a term that lists it, expanded', async () => {
    const popup = await openPopup('#search');
    await popup.getByRole('combobox').fill('leverage or coercion');
    const options = popup.getByRole('option');
    await poll(() => options.count()).toBeGreaterThan(0);
    const titles = (await options.locator('.result-title').allTextContents()).map(squash);
    const at = titles.indexOf('Is this leverage or coercion?');
    expect(at).toBeGreaterThanOrEqual(0);
    await options.nth(at).click();
    await poll(() => popup.locator('details[data-qa="qa-leverage-or-coercion"][open]').count()).toBe(1);
    expect(popup.url()).toMatch(/#term=[a-z-]+&qa=qa-leverage-or-coercion$/);
    await popup.close();
  });

  it('says when nothing matches and suggests the closest terms', async () => {
    const popup = await openPopup('#search');
    await popup.getByRole('combobox').fill('pakistanian');
    await popup.getByRole('combobox').fill('zzqxv pakistanis sovereignity');
    await poll(() => popup.locator('#search-status').textContent()).toContain('No match');
    await popup.getByRole('combobox').fill('xqzvwk');
    await poll(() => popup.locator('#search-status').textContent()).toContain('No match for “xqzvwk”');
    await popup.close();
  });
});

describe('keyboard and accessibility', () => {
  it('tabs move with arrow keys', async () => {
    const popup = await openPopup('#briefing');
    await popup.getByRole('tab', { name: 'Briefing' }).focus();
    await popup.keyboard.press('ArrowRight');
    await poll(() => popup.getByRole('tab', { name: 'Search' }).getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('ArrowLeft');
    await popup.keyboard.press('ArrowLeft');
    await poll(() => popup.getByRole('tab', { name: 'On this page' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await popup.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe-core finds no serious or critical violation (${scheme})`, async () => {
      const article = await session.open('/demo/');
      await waitForReady<Terms>(session, article);
      const tabId = await tabIdOf(session, article);
      const popup = await openPopup('', tabId);
      await popup.emulateMedia({ colorScheme: scheme });
      const problems: string[] = [];
      for (const hash of ['#page', '#briefing', '#term=abraham-accords', '#search=abraham']) {
        await popup.evaluate((h) => {
          location.hash = h;
        }, hash);
        await popup.waitForTimeout(250);
        for (const v of await seriousAxeViolations(popup)) problems.push(`${hash}: ${v}`);
      }
      expect(problems).toEqual([]);
      await popup.close();
      await article.close();
    });
  }

  it('logged no errors', () => {
    expect(session.errors).toEqual([]);
  });
});
