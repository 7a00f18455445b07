// The options page in the built extension: accessibility, persistence, import safety, and settings
// applied live to another open tab.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageTermsResponse } from '../../lib/messages';
import { launch, paintedCount, ROOT, type Session, sendToTab, tabIdOf, waitForReady } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FIXTURES = join(ROOT, 'tests/fixtures/settings');

let session: Session;
let options: Page;

beforeAll(async () => {
  session = await launch();
  options = await session.open(session.extensionUrl('options.html'));
  await options.getByRole('switch').first().waitFor();
});
afterAll(async () => {
  await session?.close();
});

const stored = () =>
  options.evaluate(
    async () => (await chrome.storage.sync.get('settings')).settings as Record<string, unknown> | undefined,
  );

/** Asks a tab's content script what it shows, without bringing the tab to the front each time. */
const pageTerms = (tabId: number) =>
  session.worker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'get-page-terms' }),
    tabId,
  ) as Promise<PageTermsResponse>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function axeViolations(page: Page) {
  // Evaluated through the debugger protocol, so the extension page's CSP does not block it.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('options.html', () => {
  it('has no serious or critical axe violations, in light and dark themes', async () => {
    await options.emulateMedia({ colorScheme: 'light' });
    expect(await axeViolations(options)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(options)).toEqual([]);
    await options.emulateMedia({ colorScheme: 'light' });
  });

  it('persists a topic toggle and shows it after a reload', async () => {
    const name = await options.getByRole('switch').first().getAttribute('id');
    const topicId = name?.replace(/^topic-/, '') ?? '';
    const toggle = options.locator(`#topic-${topicId}`);
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(async () => (await stored())?.topicsOff).toEqual([topicId]);
    await expect.poll(() => options.locator('.status').textContent()).toBe('Saved.');
    await options.reload();
    await expect.poll(() => options.locator(`#topic-${topicId}`).isChecked()).toBe(false);
    await options.locator(`#topic-${topicId}`).click();
    await expect.poll(async () => (await stored())?.topicsOff).toEqual([]);
  });

  it('a bad import changes nothing and lists what is wrong', async () => {
    await options.locator('#site-input').fill('example.com');
    await options.getByRole('button', { name: 'Pause site' }).click();
    await expect.poll(async () => (await stored())?.pausedSites).toEqual(['example.com']);
    const before = await stored();

    await options.locator('#import-file').setInputFiles(join(FIXTURES, 'invalid-export.json'));
    const alert = options.locator('.error-report[role="alert"]');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Nothing was changed');
    expect(text).toContain('settings.trigger');
    expect(text).toContain('settings.theme: unknown setting');
    expect(await stored()).toEqual(before);

    await options.locator('#import-file').setInputFiles({
      name: 'garbage.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ this is not json'),
    });
    await expect.poll(() => alert.textContent()).toContain('not valid JSON');
    expect(await stored()).toEqual(before);
    expect(await options.getByRole('button', { name: 'Unpause example.com' }).count()).toBe(1);

    await options.getByRole('button', { name: 'Unpause example.com' }).click();
    await expect.poll(async () => (await stored())?.pausedSites).toEqual([]);
  });

  it('exports a file that imports back unchanged', async () => {
    await options.getByRole('radio', { name: 'Click' }).click();
    await expect.poll(async () => (await stored())?.trigger).toBe('click');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export settings…' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^briefing-lens-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file).toMatchObject({ format: 'briefing-lens-settings', version: 4, settings: await stored() });

    await options.locator('#import-file').setInputFiles(path);
    await expect.poll(() => options.locator('.ok-report').textContent()).toContain('nothing changed');
    await options.getByRole('radio', { name: 'Hover', exact: true }).click();
    await expect.poll(async () => (await stored())?.trigger).toBe('hover');
  });

  it('an invalid site gets an inline message', async () => {
    await options.locator('#site-input').fill('*.com');
    await options.getByRole('button', { name: 'Pause site' }).click();
    await expect
      .poll(() => options.locator('#site-error').textContent())
      .toMatch(/every site ending in \.com/);
    expect(await options.locator('#site-input').getAttribute('aria-invalid')).toBe('true');
    expect((await stored())?.pausedSites).toEqual([]);
  });

  it('stays axe-clean with error messages and the reset confirmation showing', async () => {
    await options.getByRole('button', { name: 'Reset to defaults…' }).click();
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Reset');
    expect(await options.locator('.error-report').count()).toBe(0);
    expect(await options.locator('#site-error').count()).toBe(1);
    expect(await axeViolations(options)).toEqual([]);
    await options.getByRole('button', { name: 'Cancel' }).click();
  });

  it('a change that would not fit in sync storage is refused with a message, and nothing is lost', async () => {
    // Long but valid host names (138 bytes each), filling the item to within 138 bytes of the quota.
    const label = (c: string, i: number) => `${c.repeat(58)}${String(i).padStart(3, '0')}`;
    const sites: string[] = [];
    const base = (await stored()) ?? {};
    const size = (list: string[]) => `settings${JSON.stringify({ ...base, pausedSites: list })}`.length;
    for (let i = 0; size([...sites, `${label('a', i)}.${label('b', i)}.example.com`]) <= 8192; i++) {
      sites.push(`${label('a', i)}.${label('b', i)}.example.com`);
    }
    await options.evaluate(
      async ({ base, sites }) => chrome.storage.sync.set({ settings: { ...base, pausedSites: sites } }),
      { base, sites },
    );
    try {
      await expect.poll(() => options.locator('.site-list li').count()).toBe(sites.length);

      await options.locator('#site-input').fill(`${label('z', 1)}.${label('y', 1)}.example.org`);
      await options.getByRole('button', { name: 'Pause site' }).click();
      await expect
        .poll(() => options.locator('.status').textContent())
        .toMatch(/Not saved: .*more than the 8192 bytes/);
      // The page shows what is really stored, and storage still holds every site.
      await expect.poll(() => options.locator('.site-list li').count()).toBe(sites.length);
      expect(((await stored())?.pausedSites as string[]).length).toBe(sites.length);
    } finally {
      await options.evaluate(async (base) => chrome.storage.sync.set({ settings: base }), base);
    }
    await expect.poll(() => options.locator('.site-list li').count()).toBe(0);
  });
});

describe('settings apply live to an open article', () => {
  // Latency here is wall time on a shared machine, round trips through Playwright included; one stall
  // (disk, another process) can cost seconds. So each change is made three times and the median must
  // be under half a second, while every single one must still land (within 3 s).
  it('turning a topic off removes its marks within 0.5 s, and on brings them back (median of 3)', async () => {
    const article = await session.open('/demo/');
    const first = await waitForReady<PageTermsResponse>(session, article);
    const tabId = await tabIdOf(session, article);
    const topic = first.terms[0]?.topic;
    expect(topic, 'the demo article shows terms').toBeDefined();
    const ofTopic = (r: PageTermsResponse) => r.terms.filter((t) => t.topic === topic).length;
    const initial = ofTopic(first);
    expect(initial).toBeGreaterThan(0);

    const paintedBefore = await paintedCount(article);
    // The reader is on the options tab; the article is open behind it.
    await options.bringToFront();
    // Timed from just before the click, so the click's own round trip counts against the budget.
    const waitFor = async (start: number, ok: (r: PageTermsResponse) => boolean) => {
      for (;;) {
        const r = await pageTerms(tabId);
        if (ok(r)) return Date.now() - start;
        if (Date.now() - start > 3000) throw new Error(`not applied after 3 s: ${JSON.stringify(r.terms)}`);
        await new Promise((res) => setTimeout(res, 20));
      }
    };

    const offs: number[] = [];
    const ons: number[] = [];
    for (let round = 0; round < 3; round++) {
      let start = Date.now();
      await options.locator(`#topic-${topic}`).click();
      offs.push(await waitFor(start, (r) => ofTopic(r) === 0));
      // Its marks are gone from the page, other topics' stay.
      const during = await paintedCount(article);
      expect(during).toBeGreaterThan(0);
      expect(during).toBeLessThan(paintedBefore);

      start = Date.now();
      await options.locator(`#topic-${topic}`).click();
      ons.push(await waitFor(start, (r) => ofTopic(r) === initial));
      await expect.poll(() => paintedCount(article), { timeout: 5000, interval: 20 }).toBe(paintedBefore);
    }
    console.log(
      `topic off applied in ${offs.join(', ')} ms, on in ${ons.join(', ')} ms (another tab, by polling)`,
    );
    expect(median(offs)).toBeLessThan(500);
    expect(median(ons)).toBeLessThan(500);
    await article.close();
  });

  it('turning off the topic of an open card closes the card (median of 3 under 0.5 s)', async () => {
    const article = await session.open('/demo/');
    const first = await waitForReady<PageTermsResponse>(session, article);
    const tabId = await tabIdOf(session, article);
    const term = first.terms[0];
    expect(term).toBeDefined();
    if (!term) return;
    const card = article.getByRole('dialog', { name: term.label });

    const closes: number[] = [];
    for (let round = 0; round < 3; round++) {
      await sendToTab(session, article, { type: 'focus-term', id: term.id });
      await card.waitFor({ timeout: 3000 });
      // The click happens in the options tab; the article's card must close.
      const start = Date.now();
      await options.locator(`#topic-${term.topic}`).click();
      await expect.poll(() => card.count(), { timeout: 5000, interval: 25 }).toBe(0);
      closes.push(Date.now() - start);
      await options.locator(`#topic-${term.topic}`).click();
      await expect.poll(async () => (await stored())?.topicsOff).toEqual([]);
      await expect
        .poll(async () => (await pageTerms(tabId)).terms.some((t) => t.id === term.id), { timeout: 5000 })
        .toBe(true);
    }
    console.log(`open card closed ${closes.join(', ')} ms after the click in the options tab`);
    expect(median(closes)).toBeLessThan(500);
    await article.close();
  });

  it('a paused site shows no marks and no badge count; unpausing brings them back', async () => {
    const article = await session.open('/demo/');
    const first = await waitForReady<PageTermsResponse>(session, article);
    expect(first.terms.length).toBeGreaterThan(0);
    const tabId = await tabIdOf(session, article);
    const host = new URL(session.origin).hostname;
    const badge = () => session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge, { timeout: 5000 }).toBe(String(first.terms.length));

    await options.bringToFront();
    await options.locator('#site-input').fill(session.origin + '/demo/');
    await options.getByRole('button', { name: 'Pause site' }).click();
    await expect.poll(async () => (await stored())?.pausedSites).toEqual([host]);
    await expect.poll(async () => (await pageTerms(tabId)).terms.length, { timeout: 5000 }).toBe(0);
    expect((await pageTerms(tabId)).paused).toBe(true);
    await expect.poll(badge, { timeout: 5000 }).toBe('');
    const painted = () => paintedCount(article);
    expect(await painted()).toBe(0);

    // A page opened while paused never shows marks.
    const second = await session.open('/demo/');
    const answer = await waitForReady<PageTermsResponse>(session, second);
    expect(answer.terms).toEqual([]);
    expect(await second.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0))).toBe(0);
    await second.close();

    await options.bringToFront();
    await options.getByRole('button', { name: `Unpause ${host}` }).click();
    await expect
      .poll(async () => (await pageTerms(tabId)).terms.length, { timeout: 5000 })
      .toBe(first.terms.length);
    expect(await painted()).toBeGreaterThan(0);
    await expect.poll(badge, { timeout: 5000 }).toBe(String(first.terms.length));
    await article.close();
  });

  it('saw no errors in any extension context', () => {
    expect(session.errors).toEqual([]);
  });
});
