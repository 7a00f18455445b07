// Helpers the card's browser tests share: where a piece of text is on screen (computed by the test, not
// the extension), hovering it as a reader would, and the open card's name.
import type { Page } from 'playwright-core';
import { type Session, waitForReady } from './harness';

export const HOST = 'briefing-lens-card';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** The box's centre. */
  x: number;
  y: number;
}

/**
 * The line boxes of the `nth` occurrence of `text` inside `selector` (one per line it wraps onto). With
 * `scroll`, the text is first brought on screen (instantly, so the boxes are final).
 */
export function textRects(
  page: Page,
  selector: string,
  text: string,
  nth = 0,
  scroll = false,
): Promise<Box[]> {
  return page.evaluate(
    ({ selector, text, nth, scroll }) => {
      const root = document.querySelector(selector);
      if (!root) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const data = (n as Text).data;
        for (let i = data.indexOf(text); i >= 0; i = data.indexOf(text, i + 1)) {
          if (seen++ !== nth) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + text.length);
          const top = r.getBoundingClientRect().top;
          if (scroll && (top < 0 || top > innerHeight - 60))
            scrollBy({ top: top - innerHeight / 3, behavior: 'instant' });
          return [...r.getClientRects()]
            .filter((b) => b.width > 0)
            .map((b) => ({
              left: b.left,
              right: b.right,
              top: b.top,
              bottom: b.bottom,
              x: b.x + b.width / 2,
              y: b.y + b.height / 2,
            }));
        }
      }
      throw new Error(`"${text}" not found in ${selector}`);
    },
    { selector, text, nth, scroll },
  );
}

/** The first line box of the `nth` occurrence of `text` inside `selector`. */
export async function textBox(
  page: Page,
  selector: string,
  text: string,
  nth = 0,
  scroll = false,
): Promise<Box> {
  const [box] = await textRects(page, selector, text, nth, scroll);
  if (!box) throw new Error(`"${text}" has no box`);
  return box;
}

/** Moves the pointer onto `box` from a little to its left, as a reader's hand does. */
export async function hover(page: Page, box: { x: number; y: number }) {
  await page.mouse.move(box.x - 30, box.y, { steps: 2 });
  await page.mouse.move(box.x, box.y, { steps: 4 });
}

/**
 * The card's host element wherever it lives: under <html>, or moved into the page's modal dialog, popover
 * or fullscreen element, which may be inside a component's open shadow root. Runs in the page (passed to
 * `page.evaluate` as a function, so it must not use anything from this module).
 */
export function findHost(host: string): Element | null {
  const find = (root: Document | ShadowRoot): Element | null => {
    const direct = root.querySelector(host);
    if (direct) return direct;
    for (const el of root.querySelectorAll('*')) {
      const inner = el.shadowRoot && el.localName !== host ? find(el.shadowRoot) : null;
      if (inner) return inner;
    }
    return null;
  };
  return find(document);
}

/**
 * The accessible name of the card whose host `findHost` found, or null when no card is open: run in the
 * page, by Playwright or Puppeteer (contract 3: a dialog in the host's open shadow root).
 */
export function cardNameOf(host: Element | null): string | null {
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
  if (!dialog) return null;
  const root = dialog.getRootNode() as ShadowRoot;
  return root.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
}

/** The open card's accessible name (wherever its element lives, a dialog included), or null. */
export async function cardName(page: Page): Promise<string | null> {
  const host = await page.evaluateHandle(findHost, HOST);
  return page.evaluate(cardNameOf, host);
}

/** Opens `path` and waits for the first scan. */
export async function openReady(session: Session, path: string): Promise<Page> {
  const page = await session.open(path);
  await waitForReady(session, page);
  return page;
}
