// The card in a real Chromium with the built extension, where the page makes it hard: placement near the
// viewport's edges and while scrolling, above a modal <dialog> or a fullscreen element (the top layer),
// no card for a term the modal makes inert, and Esc shared fairly with the page's own fields.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Box, cardName, findHost, HOST, hover, openReady, textBox, textRects } from './card-helpers';
import { launch, type Session, sendToTab } from './harness';

const HEAD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Layer test</title>
<style>
  body { font: 18px/1.6 Georgia, serif; margin: 40px; }
  article { width: 720px; }
  .tall { height: 1600px; }
  dialog { width: 560px; }
  /* A centred, transformed dialog: a fixed child would be placed and clipped relative to it. */
  dialog.shifted { transform: translateY(10px); overflow: hidden; }
</style></head><body>`;

const PLACEMENT = `${HEAD}<article>
<p id="top">The Abraham Accords were signed in 2020.</p>
<div class="tall"></div>
<p id="wrap" style="width: 300px">Talks went nowhere until the Muslim-majority countries met.</p>
<div class="tall"></div>
</article></body></html>`;

const DIALOG = `${HEAD}<article>
<p id="context">The Abraham Accords, the Israeli-Palestinian conflict and Palestinian statehood.</p>
<p id="behind">Behind the dialog, Bahrain signed as well.</p>
<p><button id="open" type="button">Open the dialog</button></p>
<section inert><p id="inert">An inert aside on the Muslim-majority countries.</p></section>
</article>
<dialog id="dlg" class="shifted">
  <p id="inside">Inside the dialog, the Iran nuclear talks stalled.</p>
  <p><button id="close" type="button">Close</button> <input id="dfield" aria-label="A dialog field"></p>
</dialog>
<script>
  const dlg = document.getElementById('dlg');
  document.getElementById('open').onclick = () => dlg.showModal();
  document.getElementById('close').onclick = () => dlg.close();
</script></body></html>`;

const FULLSCREEN = `${HEAD}<article id="art" style="background: white">
<p id="fs-term">In full screen, the Iran nuclear talks stalled over the Abraham Accords.</p>
<p><button id="full" type="button">Full screen</button></p>
</article>
<p id="outside">Outside the article, Bahrain and the Israeli-Palestinian conflict.</p>
<script>
  document.getElementById('full').onclick = () => document.getElementById('art').requestFullscreen();
</script></body></html>`;

const POPOVER = `${HEAD}<article>
<p id="intro">A page with a menu of background notes.</p>
<p><button id="notes" type="button" popovertarget="pop">Background</button></p>
</article>
<div id="pop" popover style="width: 420px; margin: 40px auto 0; padding: 12px">
  <p id="in-pop">Background: the Iran nuclear talks and what they were tied to.</p>
</div></body></html>`;

const SHADOW_DIALOG = `${HEAD}<article>
<p id="behind">Behind the component's dialog, Bahrain signed as well.</p>
<p><button id="open-x" type="button">Open the component's dialog</button></p>
<x-modal id="xm"></x-modal>
</article>
<script>
  customElements.define('x-modal', class extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).innerHTML =
        '<dialog id="xdlg"><p id="in-x">Inside the component, the Iran nuclear talks stalled.</p></dialog>';
    }
  });
  document.getElementById('open-x').onclick = () =>
    document.getElementById('xm').shadowRoot.getElementById('xdlg').showModal();
</script></body></html>`;

const SEARCH = `${HEAD}<article>
<p id="first">The Abraham Accords were signed in 2020.</p>
<p><input id="search" type="search" aria-label="Search this site"></p>
</article>
<script>
  // The page's own use of Esc: clear the search box, and count every Esc the page sees.
  window.pageEscapes = 0;
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') window.pageEscapes++; });
  const search = document.getElementById('search');
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { search.value = ''; window.searchSawDefaultPrevented = e.defaultPrevented; }
  });
</script></body></html>`;

let session: Session;

beforeAll(async () => {
  session = await launch({
    pages: {
      '/layer/placement.html': PLACEMENT,
      '/layer/dialog.html': DIALOG,
      '/layer/fullscreen.html': FULLSCREEN,
      '/layer/search.html': SEARCH,
      '/layer/popover.html': POPOVER,
      '/layer/shadow-dialog.html': SHADOW_DIALOG,
    },
  });
});
afterAll(async () => {
  await session?.close();
});

/** The card's box, whether it is hidden, where its host lives, and what the page hit-tests at its centre. */
async function cardState(page: Page) {
  const handle = await page.evaluateHandle(findHost, HOST);
  return page.evaluate(async (found) => {
    const el = found as HTMLElement;
    const d = el.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement;
    // Its entrance animation moves it by a pixel or two: measure where it comes to rest.
    await Promise.all(d.getAnimations().map((a) => a.finished));
    const r = d.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + 20);
    return {
      left: r.left,
      top: r.top,
      bottom: r.bottom,
      right: r.right,
      visibility: getComputedStyle(d).visibility,
      parent: el.parentElement?.id || el.parentElement?.localName,
      popover: el.hasAttribute('popover'),
      open: el.hasAttribute('popover') && el.matches(':popover-open'),
      onTop:
        hit === el ||
        (el.getRootNode() as Document | ShadowRoot).elementFromPoint?.(r.left + r.width / 2, r.top + 20) ===
          el,
    };
  }, handle);
}

const open = (path: string) => openReady(session, path);

const listed = async (page: Page) =>
  (await sendToTab<{ terms: Array<{ id: string }> }>(session, page, { type: 'get-page-terms' })).terms.map(
    (t) => t.id,
  );

/** Where the card's host element is, once closed: its parent's name and whether it is a popover. */
function hostPlace(page: Page) {
  return page.evaluate((host) => {
    const el = document.querySelector(host) as HTMLElement;
    return { parent: el.parentElement?.localName, popover: el.hasAttribute('popover') };
  }, HOST);
}

/**
 * Clicks the page's `opener` (a dialog, popover or component button) and waits until the term shown only
 * inside what it opens, the Iran nuclear talks, is found.
 */
async function reveal(page: Page, opener: string) {
  await page.click(opener);
  await expect.poll(() => listed(page), { timeout: 5000 }).toContain('iran-nuclear-talks');
}

/** Rests the pointer on `text` inside `selector` and waits for its card; returns the term's first line box. */
async function hoverCard(page: Page, selector: string, text: string): Promise<Box> {
  const term = await textBox(page, selector, text);
  await hover(page, term);
  await expect.poll(() => cardName(page), { timeout: 5000 }).toBe(text);
  return term;
}

/**
 * With a modal open and `behind` (a box on Bahrain) behind it: no card by pointer, none by keyboard, and
 * next-term goes to the term in the modal.
 */
async function expectNoCardBehind(page: Page, behind: Box) {
  await hover(page, behind);
  await page.waitForTimeout(900);
  expect(await cardName(page)).toBeNull();
  expect(await sendToTab(session, page, { type: 'focus-term', id: 'bahrain' })).toEqual({ opened: false });
  expect(await sendToTab(session, page, { type: 'next-term' })).toEqual({
    opened: true,
    term: 'iran-nuclear-talks',
  });
}

describe('placement', () => {
  it('goes below a term, above one near the bottom, and follows the term as the page scrolls', async () => {
    const page = await open('/layer/placement.html');
    const term = await hoverCard(page, '#top', 'Abraham Accords');
    let card = await cardState(page);
    expect(card.top).toBeGreaterThanOrEqual(term.bottom);
    expect(card.top - term.bottom).toBeLessThan(12);
    expect(card.left).toBeCloseTo(term.left, -1);
    expect(card.popover).toBe(false);
    await page.getByRole('button', { name: 'Keep open' }).click();

    // Scroll the page by 200 px: the card moves with its term, a frame later.
    await page.evaluate(() => scrollBy({ top: 200, behavior: 'instant' }));
    const moved = await textBox(page, '#top', 'Abraham Accords');
    expect(moved.top).toBeCloseTo(term.top - 200, 0);
    await expect
      .poll(async () => Math.round((await cardState(page)).top), { timeout: 5000 })
      .toBe(Math.round(card.top - 200));
    // Scrolled out of view, the card hides with its term (pinned, it is still open).
    await page.evaluate(() => scrollBy({ top: 600, behavior: 'instant' }));
    await expect.poll(async () => (await cardState(page)).visibility, { timeout: 5000 }).toBe('hidden');
    expect(await cardName(page)).toBe('Abraham Accords');
    await page.keyboard.press('Escape');
    expect(await cardName(page)).toBeNull();

    // A term near the bottom of the viewport: the card goes above it, inside the viewport.
    await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
    await page.evaluate(() => {
      const p = document.getElementById('wrap') as HTMLElement;
      scrollBy({ top: p.getBoundingClientRect().top - (innerHeight - 60), behavior: 'instant' });
    });
    const [, low] = await textRects(page, '#wrap', 'Muslim-majority countries');
    const line = low ?? (await textBox(page, '#wrap', 'Muslim-majority countries'));
    await page.mouse.click(line.x, line.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Muslim-majority countries');
    card = await cardState(page);
    expect(card.bottom).toBeLessThanOrEqual(line.top);
    expect(card.top).toBeGreaterThanOrEqual(8);
    await page.close();
  });

  it('points at the line under the pointer when a term wraps', async () => {
    const page = await open('/layer/placement.html');
    // Near the top of the viewport, so the card has room below either line.
    await page.evaluate(() => {
      const top = (document.getElementById('wrap') as HTMLElement).getBoundingClientRect().top;
      scrollBy({ top: top - 120, behavior: 'instant' });
    });
    const lines = await textRects(page, '#wrap', 'Muslim-majority countries');
    // The 300 px paragraph wraps the term: this test is about that case.
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const [first, second] = lines as [Box, Box];
    await page.mouse.click(first.x, first.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Muslim-majority countries');
    // Pointing at the first line: start-aligned with it, just below it.
    let card = await cardState(page);
    expect(card.top).toBeGreaterThanOrEqual(first.bottom);
    expect(card.top).toBeLessThan(second.bottom);
    expect(card.left).toBeCloseTo(first.left, -1);
    await page.keyboard.press('Escape');
    await page.mouse.click(second.x, second.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Muslim-majority countries');
    card = await cardState(page);
    expect(card.top).toBeGreaterThanOrEqual(second.bottom);
    expect(card.left).toBeCloseTo(Math.max(8, second.left), -1);
    await page.close();
  });
});

describe('top layer', () => {
  it('opens above a modal dialog for a term in it, usable there, and gives the page back its dialog after', async () => {
    const page = await open('/layer/dialog.html');
    // Without a dialog, the card is a plain element under <html>: the page sees no top-layer change.
    const behind = await textBox(page, '#behind', 'Bahrain');
    await page.mouse.click(behind.x, behind.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Bahrain');
    expect(await cardState(page)).toMatchObject({ parent: 'html', popover: false, onTop: true });
    await page.keyboard.press('Escape');

    await reveal(page, '#open');
    const term = await hoverCard(page, '#inside', 'Iran nuclear talks');
    const card = await cardState(page);
    // In the dialog (not inert), in the top layer above it, hit first at its centre, placed in the
    // viewport's coordinates despite the dialog's transform.
    expect(card).toMatchObject({ parent: 'dlg', popover: true, open: true, onTop: true });
    expect(card.top).toBeGreaterThanOrEqual(term.bottom);
    expect(card.top - term.bottom).toBeLessThan(12);
    // A real click reaches the card's buttons (Playwright checks nothing else receives it).
    await page.getByRole('button', { name: 'Keep open' }).click();
    expect(await page.getByRole('button', { name: 'Keep open' }).getAttribute('aria-pressed')).toBe('true');
    // Esc with focus in the card closes the card, not the dialog; the next Esc is the dialog's.
    await page.keyboard.press('Escape');
    expect(await cardName(page)).toBeNull();
    expect(await page.evaluate(() => (document.getElementById('dlg') as HTMLDialogElement).open)).toBe(true);
    // Closed, the card's host has left the page's dialog and the top layer.
    expect(await hostPlace(page)).toEqual({ parent: 'html', popover: false });
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (document.getElementById('dlg') as HTMLDialogElement).open)).toBe(false);
    await page.close();
  });

  it('opens no card for a term behind a modal dialog or in an inert part of the page', async () => {
    const page = await open('/layer/dialog.html');
    // Both terms are on the page, and the one behind opens a card while no dialog is open.
    expect(await listed(page)).toEqual(expect.arrayContaining(['bahrain', 'muslim-majority-countries']));
    const behind = await textBox(page, '#behind', 'Bahrain');
    await hover(page, behind);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Bahrain');
    await page.mouse.move(5, 700, { steps: 3 });
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBeNull();
    // The inert aside never opens one, by pointer or keyboard.
    const inert = await textBox(page, '#inert', 'Muslim-majority countries');
    await page.mouse.click(inert.x, inert.y);
    await page.waitForTimeout(400);
    expect(await cardName(page)).toBeNull();
    expect(await sendToTab(session, page, { type: 'focus-term', id: 'muslim-majority-countries' })).toEqual({
      opened: false,
    });
    // Stepping through the page passes over it: after Bahrain, round to the first term.
    await sendToTab(session, page, { type: 'focus-term', id: 'bahrain' });
    expect(await sendToTab(session, page, { type: 'next-term' })).toEqual({
      opened: true,
      term: 'abraham-accords',
    });
    await page.keyboard.press('Escape');

    await reveal(page, '#open');
    await page.mouse.click(behind.x, behind.y);
    await page.waitForTimeout(300);
    expect(await cardName(page)).toBeNull();
    // Keyboard commands skip what the modal makes unreachable.
    await expectNoCardBehind(page, behind);
    expect(await sendToTab(session, page, { type: 'next-term' })).toEqual({
      opened: true,
      term: 'iran-nuclear-talks',
    });
    await page.close();
  });

  it('closes when a modal dialog opens over its term, and rises above one opened while it shows', async () => {
    const page = await open('/layer/dialog.html');
    const behind = await textBox(page, '#behind', 'Bahrain');
    await page.mouse.click(behind.x, behind.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Bahrain');
    // The page opens its modal (as a script would): the pinned card's term is now inert.
    await page.evaluate(() => (document.getElementById('dlg') as HTMLDialogElement).showModal());
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBeNull();
    // A card opened from the page's selection (explain selection) while the modal shows sits above it.
    await sendToTab(session, page, {
      type: 'explain-selection',
      text: 'Bahrain',
      term: 'bahrain',
      suggestions: [],
    });
    expect(await cardName(page)).toBe('Bahrain');
    expect(await cardState(page)).toMatchObject({ parent: 'dlg', open: true, onTop: true });
    await page.close();
  });

  it('closes with the page’s dialog when its term was in it', async () => {
    const page = await open('/layer/dialog.html');
    await reveal(page, '#open');
    const term = await textBox(page, '#inside', 'Iran nuclear talks');
    await page.mouse.click(term.x, term.y);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Iran nuclear talks');
    // Pinned by the click, it would stay; the page closes its dialog (as a script would).
    await page.evaluate(() => (document.getElementById('dlg') as HTMLDialogElement).close());
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBeNull();
    expect(await page.evaluate((host) => document.querySelector(host)?.parentElement?.localName, HOST)).toBe(
      'html',
    );
    await page.close();
  });

  it('opens above a fullscreen element for a term in it', async () => {
    const page = await open('/layer/fullscreen.html');
    await page.click('#full');
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.id), { timeout: 5000 })
      .toBe('art');
    const term = await hoverCard(page, '#fs-term', 'Iran nuclear talks');
    expect(await cardState(page)).toMatchObject({ parent: 'art', popover: true, open: true, onTop: true });
    await page.getByRole('button', { name: 'Keep open' }).click();
    expect(await page.getByRole('button', { name: 'Keep open' }).getAttribute('aria-pressed')).toBe('true');
    // Off the fullscreen element, a term cannot be seen: no card for it.
    expect(await sendToTab(session, page, { type: 'focus-term', id: 'bahrain' })).toEqual({ opened: false });
    // Leaving full screen, the card goes back to being a plain element of the page.
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => page.evaluate(() => document.fullscreenElement), { timeout: 5000 }).toBeNull();
    await expect.poll(async () => (await cardState(page)).parent, { timeout: 5000 }).toBe('html');
    expect(await cardState(page)).toMatchObject({ popover: false, onTop: true });
    await page.close();
  });
  it('treats a modal dialog in a component’s shadow root like one in the document', async () => {
    const page = await open('/layer/shadow-dialog.html');
    expect(await listed(page)).toContain('bahrain');
    const behind = await textBox(page, '#behind', 'Bahrain');
    await reveal(page, '#open-x');
    // A term in the component's dialog: the card opens in it, above it.
    const inside = await page.evaluate(() => {
      const p = document.getElementById('xm')?.shadowRoot?.getElementById('in-x');
      const text = p?.firstChild as Text;
      const at = text.data.indexOf('Iran nuclear talks');
      const r = document.createRange();
      r.setStart(text, at);
      r.setEnd(text, at + 'Iran nuclear talks'.length);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
    await hover(page, inside);
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBe('Iran nuclear talks');
    expect(await cardState(page)).toMatchObject({ parent: 'xdlg', popover: true, open: true, onTop: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBeNull();
    // A term behind it is inert: no card by pointer or keyboard.
    await expectNoCardBehind(page, behind);
    await page.close();
  });

  it('opens above the page’s own popover for a term in it, and closes when the popover does', async () => {
    const page = await open('/layer/popover.html');
    await reveal(page, '#notes');
    const term = await hoverCard(page, '#in-pop', 'Iran nuclear talks');
    // In the popover and above it in the top layer, hit first at its centre, below its term.
    const card = await cardState(page);
    expect(card).toMatchObject({ parent: 'pop', popover: true, open: true, onTop: true });
    expect(card.top).toBeGreaterThanOrEqual(term.bottom);
    // The page's popover stays open while the reader uses the card.
    await page.getByRole('button', { name: 'Keep open' }).click();
    expect(await page.evaluate(() => document.getElementById('pop')?.matches(':popover-open'))).toBe(true);
    // The page closes its popover: the term is gone from view, and the card with it.
    await page.evaluate(() => document.getElementById('pop')?.hidePopover());
    await expect.poll(() => cardName(page), { timeout: 5000 }).toBeNull();
    expect(await hostPlace(page)).toEqual({ parent: 'html', popover: false });
    await page.close();
  });
});

describe('Esc', () => {
  it('in the page’s search box reaches the page and leaves the card; elsewhere it closes a hover card', async () => {
    const page = await open('/layer/search.html');
    const term = await hoverCard(page, '#first', 'Abraham Accords');
    // The page moves focus to its search box (as "/" does on many sites); the reader types, then Esc.
    await page.evaluate(() => (document.getElementById('search') as HTMLInputElement).focus());
    await page.keyboard.type('accords');
    await page.keyboard.press('Escape');
    expect(await page.inputValue('#search')).toBe('');
    expect(
      await page.evaluate(() => {
        const w = window as unknown as { pageEscapes: number; searchSawDefaultPrevented: boolean };
        return { seen: w.pageEscapes, prevented: w.searchSawDefaultPrevented };
      }),
    ).toEqual({ seen: 1, prevented: false });
    expect(await cardName(page)).toBe('Abraham Accords');

    // Focus back on the page body: Esc closes the hover card, and only the card sees it.
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.keyboard.press('Escape');
    expect(await cardName(page)).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { pageEscapes: number }).pageEscapes)).toBe(1);
    // With no card open, Esc is the page's again.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { pageEscapes: number }).pageEscapes)).toBe(2);
    await page.close();
  });

  it('no errors were logged along the way', () => {
    expect(session.errors).toEqual([]);
  });
});
