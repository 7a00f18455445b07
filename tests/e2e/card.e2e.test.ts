// The hover card in a real Chromium with the built extension: hover intent, pinning, keyboard commands,
// related terms, hiding a term, selection safety, isolation from hostile page CSS, and axe-core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardName, HOST, hover, textBox as onScreenBox, openReady } from './card-helpers';
import { launch, ROOT, type Session, sendToTab, waitForReady } from './harness';

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card test</title>
<style>
  body { font: 18px/1.6 Georgia, serif; margin: 40px; }
  article { width: 720px; }
  .tall { height: 1800px; }
</style></head>
<body><main><article>
<h1>Talks stall over a Gulf demand</h1>
<p id="first">The Abraham Accords were signed in 2020 by the UAE and Bahrain.</p>
<p id="second">The Trump administration made expansion of the accords a precondition for the Iran nuclear talks,
and Pakistan warned that normalization with Israel could destabilise its government.</p>
<p id="short">Palestinian statehood</p>
<p><button id="before" type="button">A page button</button> <input id="field" aria-label="A page field"></p>
<p id="sel">Select from here across the Abraham Accords to there.</p>
<div class="tall"></div>
<p id="last">Far below, Muslim-majority countries weigh the cost.</p>
</article></main></body></html>`;

// Page CSS that tries everything to reach, hide or restyle the card.
const HOSTILE = ARTICLE.replace(
  '</style>',
  `* { all: unset !important; }
  html, body, main, article, p, h1, div { display: block !important; }
  briefing-lens-card { display: none !important; transform: scale(0.1) !important; opacity: 0 !important; }
  [role="dialog"], h2, button { color: red !important; background: lime !important; font-size: 40px !important; }
  </style>`,
);

// A page whose Content Security Policy forbids inline styles: the card's own styles must still apply.
const STRICT_CSP = ARTICLE.replace(/<style>[^]*?<\/style>/, '').replace(
  '<meta charset="utf-8">',
  `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'">`,
);

// A page that zooms its root element (as text-size widgets do): the card must stay at its own size and
// sit by its term, not be scaled and pushed off screen with the page.
const ZOOMED = ARTICLE.replace('<style>', '<style>\n  html { zoom: 1.5; }');

let session: Session;

beforeAll(async () => {
  session = await launch({
    pages: {
      '/card/article.html': ARTICLE,
      '/card/hostile.html': HOSTILE,
      '/card/csp.html': STRICT_CSP,
      '/card/zoomed.html': ZOOMED,
    },
  });
});
afterAll(async () => {
  await session?.close();
});

const openArticle = (path = '/card/article.html') => openReady(session, path);
/** Like `textBox`, with the text first brought on screen. */
const textBox = (page: Page, selector: string, text: string, nth = 0) =>
  onScreenBox(page, selector, text, nth, true);

const dialog = (page: Page) => page.getByRole('dialog');

describe('hover card', () => {
  it('opens on hover over a term of the demo article, with the term as its name, within 1 s (median of 3)', async () => {
    const page = await session.open('/demo/');
    await waitForReady(session, page);
    const box = await textBox(page, 'article', 'Abraham Accords', 1);
    // Wall time on a shared machine: one stall can cost seconds, so the median of three hovers is held
    // to the second (the dwell itself is 0.3 s); each must still open the card.
    const opens: number[] = [];
    for (let round = 0; round < 3; round++) {
      if (round > 0) {
        await page.mouse.move(5, 5, { steps: 2 });
        await expect.poll(() => cardName(page), { timeout: 5000, interval: 25 }).toBeNull();
      }
      await hover(page, box);
      const t0 = Date.now();
      await expect.poll(() => cardName(page), { timeout: 5000, interval: 25 }).toBe('Abraham Accords');
      opens.push(Date.now() - t0);
    }
    opens.sort((a, b) => a - b);
    expect(opens[1]).toBeLessThan(1000);
    // The card sits next to the term, not over it.
    const card = await dialog(page).boundingBox();
    expect(card).not.toBeNull();
    if (card) {
      const overlaps =
        card.y < box.bottom &&
        card.y + card.height > box.top &&
        card.x < box.right &&
        card.x + card.width > box.left;
      expect(overlaps).toBe(false);
      expect(card.width).toBeLessThanOrEqual(362);
    }
    // The benchmark reads the dwell → paint measure.
    const measures = await page.evaluate(
      () => performance.getEntriesByName('briefing-lens:hover-latency').length,
    );
    expect(measures).toBeGreaterThan(0);
    await page.close();
  });

  it('stays while the pointer is on the card, closes after it leaves, and Esc closes it', async () => {
    const page = await openArticle();
    const box = await textBox(page, '#first', 'Abraham Accords');
    await hover(page, box);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    const card = await dialog(page).boundingBox();
    if (!card) throw new Error('no card box');
    // Into the card, and rest there well past the hide delay.
    await page.mouse.move(card.x + 40, card.y + 20, { steps: 6 });
    await page.waitForTimeout(800);
    expect(await cardName(page)).toBe('Abraham Accords');
    // Away from both: gone.
    await page.mouse.move(5, 600, { steps: 4 });
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBeNull();
    // Esc dismisses an open card.
    await hover(page, box);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    await page.keyboard.press('Escape');
    expect(await cardName(page)).toBeNull();
    await page.close();
  });

  it('on a page that zooms its root, sits by its term at its own size, within the viewport', async () => {
    const page = await openArticle('/card/zoomed.html');
    expect(await page.evaluate(() => document.documentElement.currentCSSZoom)).toBe(1.5);
    // Far right on its line, where a card scaled with the page would run off the screen.
    const term = await textBox(page, '#second', 'Pakistan');
    await hover(page, term);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Pakistan');
    const card = await dialog(page).boundingBox();
    if (!card) throw new Error('no card box');
    const viewport = page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    expect(card.width).toBeGreaterThan(300);
    expect(card.width).toBeLessThanOrEqual(362);
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(viewport.width);
    // Just below the term's line (or just above it), not over it.
    const below = card.y >= term.bottom - 1 && card.y <= term.bottom + 24;
    const above = card.y + card.height <= term.top + 1 && card.y + card.height >= term.top - 24;
    expect({ below, above }).not.toEqual({ below: false, above: false });
    expect(card.x).toBeLessThanOrEqual(term.right);
    expect(card.x + card.width).toBeGreaterThanOrEqual(term.left);
    await page.close();
  });

  it('its text can be selected with the mouse, and selecting keeps it open', async () => {
    const page = await openArticle();
    const box = await textBox(page, '#first', 'Abraham Accords');
    await hover(page, box);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    const short = await page.locator(`${HOST} .bl-short`).boundingBox();
    if (!short) throw new Error('no explainer box');
    await page.mouse.move(short.x + 2, short.y + 8, { steps: 4 });
    await page.mouse.down();
    // Drag across the explainer and a little past the card's edge.
    await page.mouse.move(short.x + short.width - 4, short.y + short.height - 6, { steps: 6 });
    await page.mouse.move(short.x + short.width + 40, short.y + short.height + 10, { steps: 3 });
    await page.mouse.up();
    await page.mouse.move(short.x + short.width / 2, short.y + short.height / 2, { steps: 3 });
    await page.waitForTimeout(700);
    expect(await cardName(page)).toBe('Abraham Accords');
    const selected = await page.evaluate((host) => {
      const root = document.querySelector(host)?.shadowRoot as ShadowRoot & {
        getSelection?: () => Selection | null;
      };
      return (root.getSelection?.() ?? getSelection())?.toString() ?? '';
    }, HOST);
    expect(selected.length).toBeGreaterThan(20);
    await page.close();
  });

  it('works for terms inside a page’s open shadow root', async () => {
    session.setPage(
      '/card/shadow.html',
      ARTICLE.replace(
        '<div class="tall"></div>',
        `<news-box id="box"></news-box><script>
          customElements.define('news-box', class extends HTMLElement {
            constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML =
              '<p id="inner">Inside, the Abraham Accords come up again.</p>'; }
          });
        </script><div class="tall"></div>`,
      ),
    );
    const page = await openArticle('/card/shadow.html');
    const box = await page.evaluate(() => {
      const p = document.getElementById('box')?.shadowRoot?.getElementById('inner');
      const t = p?.firstChild as Text;
      const i = t.data.indexOf('Abraham Accords');
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 15);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
    await hover(page, box);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    await page.close();
  });

  it('opens no card while the reader types in a field', async () => {
    const page = await openArticle();
    await page.click('#field');
    await page.keyboard.type('Abraham');
    const box = await textBox(page, '#first', 'Abraham Accords');
    await hover(page, box);
    await page.waitForTimeout(900);
    expect(await cardName(page)).toBeNull();
    expect(await page.inputValue('#field')).toBe('Abraham');
    // Done typing (focus elsewhere): hovering works again.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.mouse.move(box.x + 3, box.y, { steps: 2 });
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    await page.close();
  });

  it('pinned, the card stays after the pointer leaves', async () => {
    const page = await openArticle();
    const box = await textBox(page, '#first', 'Abraham Accords');
    await hover(page, box);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    await page.getByRole('button', { name: 'Keep open' }).click();
    await page.mouse.move(5, 600, { steps: 4 });
    await page.waitForTimeout(900);
    expect(await cardName(page)).toBe('Abraham Accords');
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await cardName(page)).toBeNull();
    await page.close();
  });

  it('a click on a term opens its card pinned, a click elsewhere closes it', async () => {
    const page = await openArticle();
    const box = await textBox(page, '#first', 'Abraham Accords');
    await page.mouse.click(box.x, box.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    await page.mouse.move(5, 600, { steps: 4 });
    await page.waitForTimeout(700);
    expect(await cardName(page)).toBe('Abraham Accords');
    await page.mouse.click(5, 600);
    expect(await cardName(page)).toBeNull();
    await page.close();
  });

  it('hovering blank space past the end of a term’s line shows nothing', async () => {
    const page = await openArticle();
    const box = await textBox(page, '#short', 'Palestinian statehood');
    // Control: the term itself does open a card, so the negative below means something.
    await hover(page, box);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Palestinian statehood');
    await page.keyboard.press('Escape');
    await page.mouse.move(box.right + 60, box.y, { steps: 3 });
    await page.mouse.move(box.right + 80, box.y, { steps: 3 });
    await page.waitForTimeout(900);
    expect(await cardName(page)).toBeNull();
    await page.close();
  });

  it('a related-term chip switches the card', async () => {
    const page = await openArticle();
    const box = await textBox(page, '#first', 'Abraham Accords');
    await page.mouse.click(box.x, box.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    await page.getByRole('button', { name: 'Normalization with Israel' }).click();
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Normalization with Israel');
    await page.close();
  });

  it('"Read in the briefing" opens the full briefing at the cited passage in a tab', async () => {
    const page = await openArticle();
    const box = await textBox(page, '#first', 'Abraham Accords');
    await page.mouse.click(box.x, box.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    const opened = session.context.waitForEvent('page', { timeout: 5000 });
    await page.getByRole('link', { name: /Read in the briefing/ }).click();
    const tab = await opened;
    // The passage is the term's first citation in the compiled glossary.
    const compiled = JSON.parse(readFileSync(join(ROOT, 'glossary/generated/glossary.json'), 'utf8')) as {
      terms: Array<{ id: string; citations: Array<{ passage: string }> }>;
    };
    const passage = compiled.terms.find((t) => t.id === 'abraham-accords')?.citations[0]?.passage;
    const url = new URL(tab.url());
    expect(`${url.protocol}//${url.host}`).toBe(`chrome-extension://${session.extensionId}`);
    expect(url.pathname).toBe('/popup.html');
    expect(url.hash).toBe(`#passage=${passage}`);
    await tab.close();
    await page.close();
  });

  it('does not disturb a text selection across a term', async () => {
    const page = await openArticle();
    const from = await textBox(page, '#sel', 'here');
    const to = await textBox(page, '#sel', 'there');
    await page.mouse.move(from.left + 1, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y, { steps: 5 });
    // Linger over the term mid-drag: still no card.
    const term = await textBox(page, '#sel', 'Abraham Accords');
    await page.mouse.move(term.x, term.y, { steps: 5 });
    await page.waitForTimeout(600);
    await page.mouse.move(to.right - 1, to.y, { steps: 5 });
    await page.mouse.up();
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(
      'here across the Abraham Accords to there',
    );
    expect(await cardName(page)).toBeNull();
    await page.close();
  });

  it('keeps the card intact on a page whose CSS attacks every element', async () => {
    const page = await openArticle('/card/hostile.html');
    const box = await textBox(page, '#first', 'Abraham Accords');
    await hover(page, box);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    const look = await page.evaluate((host) => {
      const d = document.querySelector(host)?.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement;
      const title = d.querySelector('h2') as HTMLElement;
      const s = getComputedStyle(d);
      const r = d.getBoundingClientRect();
      return {
        width: r.width,
        height: r.height,
        display: s.display,
        position: s.position,
        bg: s.backgroundColor,
        titleColor: getComputedStyle(title).color,
        titleSize: getComputedStyle(title).fontSize,
        hostDisplay: getComputedStyle(document.querySelector(host) as Element).display,
      };
    }, HOST);
    expect(look.hostDisplay).toBe('block');
    expect(look.position).toBe('fixed');
    expect(look.width).toBeGreaterThan(200);
    expect(look.height).toBeGreaterThan(60);
    expect(look.bg).not.toBe('rgb(0, 255, 0)');
    expect(look.titleColor).not.toBe('rgb(255, 0, 0)');
    expect(look.titleSize).not.toBe('40px');
    await page.close();
  });

  it('follows the reader’s colour scheme and reduced-motion preference', async () => {
    const page = await openArticle();
    const look = async (colorScheme: 'light' | 'dark', reducedMotion: 'reduce' | 'no-preference') => {
      await page.emulateMedia({ colorScheme, reducedMotion });
      const box = await textBox(page, '#first', 'Abraham Accords');
      await page.mouse.click(box.x, box.y);
      await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
      const style = await page.evaluate((host) => {
        const d = document.querySelector(host)?.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement;
        const s = getComputedStyle(d);
        const [r = 0, g = 0, b = 0] = (s.backgroundColor.match(/\d+/g) ?? []).map(Number);
        return { luminance: (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255, animation: s.animationName };
      }, HOST);
      await page.keyboard.press('Escape');
      return style;
    };
    const light = await look('light', 'no-preference');
    expect(light.luminance).toBeGreaterThan(0.8);
    expect(light.animation).not.toBe('none');
    const dark = await look('dark', 'reduce');
    expect(dark.luminance).toBeLessThan(0.25);
    expect(dark.animation).toBe('none');
    // Printed, an open card would cover the article: it is left out.
    const box = await textBox(page, '#first', 'Abraham Accords');
    await page.mouse.click(box.x, box.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(
      (h) => getComputedStyle(document.querySelector(h) as Element).display,
      HOST,
    );
    expect(printed).toBe('none');
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('is styled on a page whose CSP forbids inline styles', async () => {
    const page = await openArticle('/card/csp.html');
    const box = await textBox(page, '#first', 'Abraham Accords');
    await page.mouse.click(box.x, box.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    const look = await page.evaluate((host) => {
      const d = document.querySelector(host)?.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement;
      const s = getComputedStyle(d);
      return { position: s.position, radius: s.borderRadius, width: d.getBoundingClientRect().width };
    }, HOST);
    expect(look).toEqual({ position: 'fixed', radius: '8px', width: expect.any(Number) });
    expect(look.width).toBeLessThanOrEqual(362);
    await page.close();
  });

  it('its own CSS does not reach the page', async () => {
    const page = await openArticle();
    const styleOf = () =>
      page.evaluate(() => {
        const b = document.getElementById('before') as HTMLElement;
        const p = document.getElementById('first') as HTMLElement;
        return [
          getComputedStyle(b).cssText ||
            JSON.stringify([
              getComputedStyle(b).color,
              getComputedStyle(b).font,
              getComputedStyle(b).padding,
            ]),
          getComputedStyle(p).font,
          getComputedStyle(p).color,
        ];
      });
    const before = await styleOf();
    const box = await textBox(page, '#first', 'Abraham Accords');
    await page.mouse.click(box.x, box.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    expect(await styleOf()).toEqual(before);
    await page.close();
  });

  it('axe-core finds no serious or critical violation in an open card', async () => {
    const page = await openArticle();
    const box = await textBox(page, '#first', 'Abraham Accords');
    await page.mouse.click(box.x, box.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    // Expand everything so hidden parts are checked too.
    await page.getByRole('button', { name: 'More' }).click();
    for (const q of await page.locator(`${HOST} .bl-question`).all()) await q.click();
    await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async (host) => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              ctx: unknown,
              opts: unknown,
            ): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }>;
          };
        }
      ).axe;
      const result = await axe.run({ include: [[host]] }, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    }, HOST);
    const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(severe).toEqual([]);
    await page.close();
  });
});

describe('touch', () => {
  it('a tap on a term opens its card, a tap outside closes it, and the page sees its taps as before', async () => {
    const page = await openArticle();
    // Count the page's own clicks: the card must not swallow or add any.
    await page.evaluate(() => {
      (window as unknown as { clicks: number }).clicks = 0;
      document.addEventListener('click', () => (window as unknown as { clicks: number }).clicks++);
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const tap = async (x: number, y: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const box = await textBox(page, '#first', 'Abraham Accords');
    await tap(box.x, box.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    // Opened by the tap itself (pinned), not by a hover dwell.
    expect(await page.getByRole('button', { name: 'Keep open' }).getAttribute('aria-pressed')).toBe('true');
    // It stays: touch has no "pointer left".
    await page.waitForTimeout(600);
    expect(await cardName(page)).toBe('Abraham Accords');
    await tap(20, 880);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { clicks: number }).clicks)).toBe(2);
    await page.close();
  });
});

describe('keyboard', () => {
  it('next-term opens the first term’s card with focus inside; Tab stays inside; Esc returns focus', async () => {
    const page = await openArticle();
    await page.focus('#before');
    const answer = await sendToTab<{ opened: boolean; term?: string }>(session, page, { type: 'next-term' });
    expect(answer).toEqual({ opened: true, term: 'abraham-accords' });
    expect(await cardName(page)).toBe('Abraham Accords');
    const focusInCard = () =>
      page.evaluate((host) => {
        const h = document.querySelector(host);
        return document.activeElement === h && h?.shadowRoot?.activeElement !== null;
      }, HOST);
    expect(await focusInCard()).toBe(true);
    for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
    expect(await focusInCard()).toBe(true);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Tab');
    expect(await focusInCard()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await cardName(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    await page.close();
  });

  it('in a card taller than the room it has, Tab never leaves focus hidden under the actions bar', async () => {
    // WCAG 2.4.11 (focus not obscured): the card scrolls what gets focus into view, and its sticky
    // actions bar must not cover it.
    const page = await openArticle();
    await page.setViewportSize({ width: 800, height: 380 });
    await page.focus('#before');
    await sendToTab(session, page, { type: 'next-term' });
    expect(await cardName(page)).toBe('Abraham Accords');
    const focused = () =>
      page.evaluate((host) => {
        const root = document.querySelector(host)?.shadowRoot;
        const el = root?.activeElement as HTMLElement | null | undefined;
        if (!root || !el) return null;
        const card = root.querySelector('[role="dialog"]') as HTMLElement;
        const b = el.getBoundingClientRect();
        const x = b.left + Math.min(b.width / 2, 8);
        const y = b.top + b.height / 2;
        const top = root.elementFromPoint(x, y);
        return {
          label: (el.textContent ?? '').trim().slice(0, 40),
          visible: top !== null && (top === el || el.contains(top)),
          scrolls: card.scrollHeight > card.clientHeight,
        };
      }, HOST);
    expect((await focused())?.scrolls, 'the card has to scroll at this height').toBe(true);
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const f = await focused();
      if (!f) throw new Error('focus left the card');
      expect(f.visible, `“${f.label}” is visible when focused`).toBe(true);
      seen.add(f.label);
      await page.keyboard.press('Tab');
    }
    expect([...seen].some((l) => l.startsWith('Read in the briefing'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('next-term moves on from the open card', async () => {
    const page = await openArticle();
    await sendToTab(session, page, { type: 'next-term' });
    const second = await sendToTab<{ term?: string }>(session, page, { type: 'next-term' });
    expect(second.term).not.toBe('abraham-accords');
    expect(await cardName(page)).not.toBe('Abraham Accords');
    await page.close();
  });

  it('previous-term with no card open goes to the last term and scrolls it into view', async () => {
    const page = await openArticle();
    expect((await textBox(page, '#first', 'Abraham Accords')).top).toBeLessThan(900);
    const last = await sendToTab<{ term?: string }>(session, page, { type: 'previous-term' });
    expect(last.term).toBe('muslim-majority-countries');
    expect(await cardName(page)).toBe('Muslim-majority countries');
    const box = await page.evaluate(() => {
      const r = document.createRange();
      r.selectNodeContents(document.getElementById('last') as HTMLElement);
      const b = r.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(900);
    await page.close();
  });

  it('explain-selection opens the term’s card, or says there is no match', async () => {
    const page = await openArticle();
    await page.evaluate(() => {
      const t = document.getElementById('first')?.firstChild as Text;
      const r = document.createRange();
      r.setStart(t, 4);
      r.setEnd(t, 19);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(r);
    });
    await sendToTab(session, page, {
      type: 'explain-selection',
      text: 'Abraham Accords',
      term: 'abraham-accords',
      suggestions: [],
    });
    expect(await cardName(page)).toBe('Abraham Accords');
    await sendToTab(session, page, {
      type: 'explain-selection',
      text: 'signed in',
      suggestions: ['bahrain'],
    });
    expect(await cardName(page)).toBe('No match for “signed in”');
    // The reader's selection is untouched by all this.
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('Abraham Accords');
    await page.getByRole('button', { name: 'Bahrain' }).click();
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Bahrain');
    await page.close();
  });
});

describe('settings', () => {
  /** Writes settings as the settings module stores them (current version), from the service worker. */
  const store = (patch: Record<string, unknown>) =>
    session.worker.evaluate(async (patch) => {
      const current = ((await chrome.storage.sync.get('settings')).settings ?? {}) as Record<string, unknown>;
      await chrome.storage.sync.set({ settings: { ...current, ...patch }, settings$: { v: 3 } });
    }, patch);

  it('follows the dwell and the trigger live, without a reload', async () => {
    const page = await openArticle();
    await store({ dwellMs: 1200 });
    const box = await textBox(page, '#first', 'Abraham Accords');
    await page.waitForTimeout(200);
    await hover(page, box);
    await page.waitForTimeout(700);
    expect(await cardName(page)).toBeNull();
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    await page.keyboard.press('Escape');

    // "Click" trigger: resting on a term does nothing; a click opens the card.
    await store({ trigger: 'click', dwellMs: 300 });
    await page.waitForTimeout(200);
    await page.mouse.move(5, 600);
    await hover(page, box);
    await page.waitForTimeout(900);
    expect(await cardName(page)).toBeNull();
    await page.mouse.click(box.x, box.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    await page.keyboard.press('Escape');

    // "Alt + hover": resting does nothing until Alt is held.
    await store({ trigger: 'alt-hover' });
    await page.waitForTimeout(200);
    await page.mouse.move(5, 600);
    await hover(page, box);
    await page.waitForTimeout(700);
    expect(await cardName(page)).toBeNull();
    await page.keyboard.down('Alt');
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    await page.keyboard.up('Alt');
    await session.worker.evaluate(() => chrome.storage.sync.clear());
    await page.close();
  });
});

describe('hide this term', () => {
  it('hides the term on the page, and it stays hidden after reload', async () => {
    const page = await openArticle();
    const listed = async () =>
      (
        await sendToTab<{ terms: Array<{ id: string }> }>(session, page, { type: 'get-page-terms' })
      ).terms.map((t) => t.id);
    expect(await listed()).toContain('abraham-accords');
    const box = await textBox(page, '#first', 'Abraham Accords');
    await page.mouse.click(box.x, box.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Abraham Accords');
    await page.getByRole('button', { name: 'Hide this term' }).click();
    expect(await cardName(page)).toBeNull();
    await expect.poll(listed, { timeout: 5000 }).not.toContain('abraham-accords');
    // Hovering where it was shows nothing now.
    await hover(page, box);
    await page.waitForTimeout(700);
    expect(await cardName(page)).toBeNull();
    await page.reload();
    await waitForReady(session, page);
    expect(await listed()).not.toContain('abraham-accords');
    expect(await listed()).toContain('trump-administration');
    await session.worker.evaluate(() => chrome.storage.sync.clear());
    await page.close();
  });

  it('no errors were logged along the way', () => {
    expect(session.errors).toEqual([]);
  });
});
