// Card placement in the page: measures the term and the card, lets the pure geometry decide, and follows
// the term as the page scrolls, resizes or reflows. Layout is read at most once per animation frame,
// however many scroll or resize events arrive.
import { type Box, place } from './geometry';

/** What a card points at: a mention's or a selection's range, or a stand-in with the same geometry. */
export interface Anchor {
  startContainer: Node;
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
}

function anchorElement(anchor: Anchor): Element | null {
  const node = anchor.startContainer;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** The ancestors (across shadow roots) whose overflow can clip the term out of sight. */
function clippingAncestors(from: Element | null): Element[] {
  const out: Element[] = [];
  const root = document.documentElement;
  for (let el = from; el && el !== root && el !== document.body; ) {
    const s = getComputedStyle(el);
    if (s.overflowX !== 'visible' || s.overflowY !== 'visible') out.push(el);
    // A fixed element scrolls with nothing above it.
    if (s.position === 'fixed') break;
    const parent: Node | null = el.parentNode;
    el = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
  }
  return out;
}

/** An element's effective CSS `zoom` (its own times its ancestors'); 1 where the browser cannot say. */
function zoomOf(el: Element): number {
  const zoom = (el as Element & { currentCSSZoom?: number }).currentCSSZoom;
  return typeof zoom === 'number' && zoom > 0 ? zoom : 1;
}

/**
 * Positions `card` next to `anchor` now and keeps it there until the returned function is called.
 * `point` (the pointer) picks the line box of a term that wraps; `onPlaced` runs after each placement.
 */
export function placeCard(
  anchor: Anchor,
  card: HTMLElement,
  point: { x: number; y: number } | undefined,
  onPlaced?: () => void,
): () => void {
  const context = anchorElement(anchor);
  const clippers = clippingAncestors(context);
  let frame = 0;

  const update = () => {
    frame = 0;
    // A page may zoom its root or the element the card is lifted into (`html { zoom: 1.5 }`, a text-size
    // widget): the card keeps its own size, at an effective zoom of 1, so that its sizes and position are
    // in the viewport's pixels, as the term's rectangles are. Written only when that zoom changes.
    const host = (card.getRootNode() as ShadowRoot).host;
    const outer = host ? zoomOf(host) : 1;
    const unzoom = Math.abs(outer - 1) < 1e-6 ? '' : String(1 / outer);
    if (card.style.zoom !== unzoom) card.style.zoom = unzoom;
    // Reads first, then writes: one layout per placement.
    const html = document.documentElement;
    // The root's client size is in its own zoomed pixels.
    const rootZoom = zoomOf(html);
    const viewport = { width: html.clientWidth * rootZoom, height: html.clientHeight * rootZoom };
    const clip: Box = { left: 0, top: 0, right: viewport.width, bottom: viewport.height };
    for (const el of clippers) {
      const r = el.getBoundingClientRect();
      clip.left = Math.max(clip.left, r.left);
      clip.top = Math.max(clip.top, r.top);
      clip.right = Math.min(clip.right, r.right);
      clip.bottom = Math.min(clip.bottom, r.bottom);
    }
    const p = place({
      rects: [...anchor.getClientRects()],
      point,
      // The natural height, even while a cap makes it scroll: content plus borders.
      card: { width: card.offsetWidth, height: card.scrollHeight + card.offsetHeight - card.clientHeight },
      viewport,
      clip,
    });
    card.style.left = `${p.x}px`;
    card.style.top = `${p.y}px`;
    card.style.maxHeight = p.maxHeight === undefined ? '' : `${p.maxHeight}px`;
    // When the term scrolls out of sight, so does its card.
    card.toggleAttribute('data-hidden', p.hidden);
    onPlaced?.();
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };

  update();
  const controller = new AbortController();
  const listen = { capture: true, passive: true, signal: controller.signal };
  // Scrolling any container (captured at window) or the viewport moves the term.
  window.addEventListener('scroll', schedule, listen);
  window.addEventListener('resize', schedule, listen);
  // The card's content changing (an answer expanded) or the term's element reflowing.
  const resize = new ResizeObserver(schedule);
  resize.observe(card);
  if (context) resize.observe(context);

  return () => {
    controller.abort();
    resize.disconnect();
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  };
}
