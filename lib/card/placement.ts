// Card placement with Floating UI: below the term (above if there is more room there), never over it,
// inside the viewport, following the term as the page scrolls or reflows.
import {
  autoUpdate,
  computePosition,
  flip,
  hide,
  inline,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';

const GAP = 6;
const PADDING = 8;
/** Below this height the card would be a slit; it scrolls inside instead. */
const MIN_HEIGHT = 120;

/** What a card points at: a mention's or a selection's range, or a stand-in with the same geometry. */
export interface Anchor {
  startContainer: Node;
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
}

/** A virtual reference over an anchor's line boxes (a term may wrap across lines). */
export function rangeReference(range: Anchor): VirtualElement {
  const node = range.startContainer;
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement:
      node.nodeType === Node.ELEMENT_NODE ? (node as Element) : (node.parentElement ?? undefined),
  };
}

/**
 * Positions `card` next to `range` and keeps it there until the returned function is called.
 * `point` (the pointer) picks the line box of a term that wraps; `onPlaced` runs after each placement.
 */
export function placeCard(
  range: Anchor,
  card: HTMLElement,
  point: { x: number; y: number } | undefined,
  onPlaced?: () => void,
): () => void {
  const reference = rangeReference(range);
  let generation = 0;
  const update = () => {
    const mine = ++generation;
    void computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(point),
        offset(GAP),
        flip({ padding: PADDING, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: PADDING }),
        size({
          padding: PADDING,
          apply({ availableHeight, elements }) {
            elements.floating.style.maxHeight = `${Math.max(MIN_HEIGHT, Math.floor(availableHeight))}px`;
          },
        }),
        hide(),
      ],
    }).then(({ x, y, middlewareData }) => {
      // A slower earlier computation must not overwrite a newer one.
      if (mine !== generation) return;
      card.style.left = `${Math.round(x)}px`;
      card.style.top = `${Math.round(y)}px`;
      // When the term scrolls out of sight, so does its card.
      if (middlewareData.hide?.referenceHidden) card.setAttribute('data-hidden', '');
      else card.removeAttribute('data-hidden');
      onPlaced?.();
    });
  };
  return autoUpdate(reference, card, update);
}
