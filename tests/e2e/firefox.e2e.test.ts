// The Firefox build in a real Firefox: marks, the hover card, the popup and live settings, end to end.
// The Chromium tests cover each feature in depth; these check that the same code works where the content
// script reaches the page through Xray wrappers and the extension APIs are Firefox's own.
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageTermsResponse } from '../../lib/messages';
import { HOST } from './card-helpers';
import { cardName, type FirefoxSession, hoverText, launchFirefox, pageAt } from './firefox-harness';
import { ROOT } from './harness';

/** Browser state settles asynchronously; polls return as soon as their condition holds. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });

let session: FirefoxSession;
/** The demo article, open for the whole file. */
let article: Page;
/**
 * The briefing tab the card's "Read in the briefing" opens: an extension page, reached the way a reader
 * reaches it (WebDriver BiDi may not navigate to moz-extension:// itself). Its `browser` global is how
 * the tests ask the article's content script for its terms, as the popup does.
 */
let briefing: Page;
let articleTab: number;

/** A page whose CSP forbids inline styles: the card's own stylesheet must still apply. */
const STRICT_CSP = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'">
<title>Strict CSP</title></head><body><main>
<p id="first">Officials said the Abraham Accords remain the template for any new deal.</p>
</main></body></html>`;

/**
 * A term in a web component's shadow root, open or closed, attached by the page's own script. The page
 * keeps a reference to the root (`window.noteRoot`): a closed one is reachable from nowhere else.
 */
const componentPage = (
  mode: 'open' | 'closed',
) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Component (${mode})</title></head>
<body><main><p>A page with a component.</p><x-note id="note"></x-note></main>
<script>
  customElements.define('x-note', class extends HTMLElement {
    constructor() {
      super();
      window.noteRoot = this.attachShadow({ mode: '${mode}' });
      window.noteRoot.innerHTML =
        '<p id="in-shadow">In the component, the Abraham Accords come up again.</p>';
    }
  });
</script></body></html>`;

/** A page that zooms its root element, as text-size widgets do: the card keeps its own size. */
const ZOOMED = `<!doctype html><html lang="en" style="zoom: 1.5"><head><meta charset="utf-8">
<title>Zoomed</title></head><body><main style="max-width: 640px; margin: 20px auto">
<p>Washington tied new signatories to the talks; far along this line come the Abraham Accords.</p>
</main></body></html>`;

beforeAll(async () => {
  session = await launchFirefox(
    {
      '/csp.html': STRICT_CSP,
      '/open.html': componentPage('open'),
      '/closed.html': componentPage('closed'),
      '/zoomed.html': ZOOMED,
    },
    { mounts: { '/fixtures/': join(ROOT, 'tests/fixtures/pages') } },
  );
  article = await session.open('/demo/');
}, 60_000);
afterAll(async () => {
  await session?.close();
});

/**
 * Every range of our main highlight, read from the page's own registry (the open card's term is drawn a
 * second time, in `briefing-lens-active`): its text, and whether it spans elements.
 */
function marked(page: Page): Promise<Array<{ text: string; crossesElements: boolean }>> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    const out: Array<{ text: string; crossesElements: boolean }> = [];
    for (const r of registry.get('briefing-lens') ?? []) {
      if (!(r instanceof Range)) continue;
      out.push({
        text: r.toString().replace(/\s+/g, ' '),
        crossesElements: r.startContainer !== r.endContainer,
      });
    }
    return out;
  });
}

/** Asks the article's content script for its terms, from the briefing tab (the popup's own message). */
function articleTerms(): Promise<PageTermsResponse> {
  return briefing.evaluate(
    (id) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.tabs.sendMessage(id, {
        type: 'get-page-terms',
      }) as Promise<PageTermsResponse>,
    articleTab,
  );
}

describe('the Firefox build in Firefox', () => {
  it('marks the demo article’s terms, variant forms and phrases split by markup included', async () => {
    // The scan paints as it goes: wait for every form, as written in the article.
    const forms = ['normalisation', 'normalizing', 'normalized', 'Pakistan’s', 'Emirati', 'UAE'];
    await poll(async () => {
      const texts = (await marked(article)).map((m) => m.text);
      return forms.filter((f) => !texts.some((t) => t.includes(f)));
    }).toEqual([]);
    const marks = await marked(article);
    expect(marks.length).toBeGreaterThanOrEqual(40);
    // "Abraham <em>Accords</em>" and "<a>Palestinian</a> statehood" are each one mark across elements.
    expect(marks.some((m) => m.text === 'Abraham Accords' && m.crossesElements)).toBe(true);
    expect(marks.some((m) => m.text === 'Palestinian statehood' && m.crossesElements)).toBe(true);
  });

  it('opens the card on hover, named after the term, and Escape closes it', async () => {
    await hoverText(article, 'Abraham Accords');
    await poll(() => cardName(article)).toBe('Abraham Accords');
    await article.keyboard.press('Escape');
    await poll(() => cardName(article)).toBe(null);
  });

  it('puts its marks back when the page empties the highlight registry (through the Xray wrapper)', async () => {
    const before = (await marked(article)).length;
    expect(before).toBeGreaterThan(10);
    await article.evaluate(() => CSS.highlights.clear());
    expect(await marked(article)).toEqual([]);
    await hoverText(article, 'Abraham Accords');
    await poll(() => cardName(article)).toBe('Abraham Accords');
    await poll(async () => (await marked(article)).length).toBe(before);
    await article.keyboard.press('Escape');
    await poll(() => cardName(article)).toBe(null);
  });

  it('“Read in the briefing” opens the briefing on the passage, about this page', async () => {
    await hoverText(article, 'Abraham Accords');
    await poll(() => cardName(article)).toBe('Abraham Accords');
    // Scrolled into view as a reader scrolls a tall card: the link must not end up under the sticky
    // actions bar (the point at its centre is the link itself), then clicked.
    const link = await article.evaluate((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      const a = [...(root?.querySelectorAll('a') ?? [])].find((x) => x.textContent?.includes('Read in the'));
      if (!root || !a) throw new Error('no “Read in the briefing” link');
      a.scrollIntoView({ block: 'nearest' });
      const b = a.getBoundingClientRect();
      const x = b.x + b.width / 2;
      const y = b.y + b.height / 2;
      return { x, y, covered: root.elementFromPoint(x, y) !== a };
    }, HOST);
    expect(link.covered).toBe(false);
    await article.mouse.click(link.x, link.y);
    let found: Page | undefined;
    await poll(async () => {
      found = await pageAt(session.browser, session.extensionUrl('popup.html'));
      return found !== undefined;
    }).toBe(true);
    briefing = found as Page;
    const href = new URL(await briefing.evaluate(() => location.href));
    expect(href.hash).toMatch(/^#passage=/);
    articleTab = Number(href.searchParams.get('tab'));
    expect(articleTab).toBeGreaterThan(0);
    const terms = await articleTerms();
    expect(terms.ready).toBe(true);
    expect(terms.terms.length).toBeGreaterThanOrEqual(20);
    // Every mention the content script reports is painted, and nothing else.
    const counted = terms.terms.reduce((n, t) => n + t.count, 0);
    expect((await marked(article)).length).toBe(counted);
  });

  it('the briefing tab lists the article’s terms and finds one from a misspelling', async () => {
    const { terms } = await articleTerms();
    await briefing.evaluate(() => {
      location.hash = '#page';
    });
    await poll(() => briefing.$$eval('button.term-row', (rows) => rows.length)).toBe(terms.length);
    await briefing.evaluate(() => {
      location.hash = '#search';
    });
    const input = await briefing.waitForSelector('[role="combobox"]');
    await input?.type('abraham acords');
    await poll(() =>
      briefing.$eval('[role="option"] .result-title', (el) => el.textContent).catch(() => null),
    ).toBe('Abraham Accords');
  });

  it('a topic turned off in the options page leaves the open article, and comes back', async () => {
    const { terms } = await articleTerms();
    const topic = terms[0]?.topic;
    if (!topic) throw new Error('the demo article shows no terms');
    const ofTopic = async () => (await articleTerms()).terms.filter((t) => t.topic === topic).length;
    expect(await ofTopic()).toBeGreaterThan(0);
    await briefing.evaluate(() => {
      [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Options')?.click();
    });
    let options: Page | undefined;
    await poll(async () => {
      options = await pageAt(session.browser, session.extensionUrl('options.html'));
      return options !== undefined;
    }).toBe(true);
    const toggle = await (options as Page).waitForSelector(`#topic-${topic}`);
    await toggle?.click();
    await poll(ofTopic).toBe(0);
    // Other topics stay marked.
    expect((await articleTerms()).terms.length).toBeGreaterThan(0);
    await toggle?.click();
    await poll(ofTopic).toBeGreaterThan(0);
  });

  it('the mark style chosen in the options page restyles the open article', async () => {
    const options = await pageAt(session.browser, session.extensionUrl('options.html'));
    if (!options) throw new Error('the options page is not open (previous test)');
    const adoptedCss = () =>
      article.evaluate(() =>
        [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'),
      );
    // The default look is the manifest stylesheet's: nothing adopted yet.
    expect(await adoptedCss()).toBe('');
    await (await options.waitForSelector('#style-background'))?.click();
    await poll(adoptedCss).toMatch(/::highlight\(briefing-lens\) \{ background-color: color-mix/);
    await (await options.waitForSelector('#style-underline'))?.click();
    await poll(adoptedCss).toMatch(/::highlight\(briefing-lens\) \{ text-decoration: underline/);
  });

  it('styles the card on a page whose CSP forbids inline styles', async () => {
    const page = await session.open('/csp.html');
    await poll(async () => (await marked(page)).length).toBeGreaterThan(0);
    await hoverText(page, 'Abraham Accords');
    await poll(() => cardName(page)).toBe('Abraham Accords');
    const look = await page.evaluate((host) => {
      const d = document.querySelector(host)?.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement;
      const s = getComputedStyle(d);
      return { position: s.position, radius: s.borderRadius, width: d.getBoundingClientRect().width };
    }, HOST);
    expect(look).toMatchObject({ position: 'fixed', radius: '8px' });
    expect(look.width).toBeLessThanOrEqual(362);
    await page.close();
  });

  it.each(['open', 'closed'])(
    'marks a term in a component’s %s shadow root, styles it there and opens its card',
    async (mode) => {
      const page = await session.open(`/${mode}.html`);
      await poll(async () => (await marked(page)).map((m) => m.text)).toContain('Abraham Accords');
      const seen = await page.evaluate(() => {
        const root = (window as unknown as { noteRoot: ShadowRoot }).noteRoot;
        const text = root.getElementById('in-shadow')?.firstChild as Text;
        const i = text.data.indexOf('Abraham Accords');
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 'Abraham Accords'.length);
        const b = r.getBoundingClientRect();
        return {
          css: [...root.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((x) => x.cssText)).join('\n'),
          x: b.x + b.width / 2,
          y: b.y + b.height / 2,
        };
      });
      // `::highlight()` rules do not cross into a shadow tree: our sheet is adopted by the shadow root.
      expect(seen.css).toMatch(/::highlight\(briefing-lens\)/);
      // And hovering it opens its card (the caret lookup has to be told about the shadow root).
      await page.mouse.move(seen.x - 30, seen.y, { steps: 2 });
      await page.mouse.move(seen.x, seen.y, { steps: 4 });
      await poll(() => cardName(page)).toBe('Abraham Accords');
      await page.close();
    },
  );

  it('on a page that zooms its root, the card keeps its own size and stays in the viewport', async () => {
    const page = await session.open('/zoomed.html');
    await poll(async () => (await marked(page)).map((m) => m.text)).toContain('Abraham Accords');
    await hoverText(page, 'Abraham Accords');
    await poll(() => cardName(page)).toBe('Abraham Accords');
    const box = await page.evaluate((host) => {
      const d = document.querySelector(host)?.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement;
      const r = d.getBoundingClientRect();
      return { left: r.left, right: r.right, width: r.width, viewport: innerWidth };
    }, HOST);
    expect(box.width).toBeGreaterThan(300);
    expect(box.width).toBeLessThanOrEqual(362);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.viewport);
    await page.close();
  });

  it('leaves an SVG image and an XML feed alone (no marks, no card host, no error)', async () => {
    for (const path of ['/fixtures/document-image.svg', '/fixtures/document-feed.xml']) {
      const page = await session.open(path);
      await new Promise((r) => setTimeout(r, 1500));
      const left = await page.evaluate(() => ({
        marks: [...CSS.highlights.keys()].filter((n) => n.startsWith('briefing-lens')).length,
        host: document.querySelector('briefing-lens-card') !== null,
      }));
      expect(left, path).toEqual({ marks: 0, host: false });
      await page.close();
    }
  });

  it('logs no errors in the pages it ran on', () => {
    expect(session.errors).toEqual([]);
  });
});
