// Which shown mention is under the pointer. Highlights receive no events, so the text position under
// the pointer is looked up in the page index and confirmed against the mention's line boxes: the caret
// APIs snap to the nearest character, so blank space past a line's end would otherwise "hit" its last word.
import { ACTIVE_HIGHLIGHT_NAME, HIGHLIGHT_NAME } from './paint';
import type { PageIndex, ShownMention } from './types';
import { shadowRootOf } from './walk';

export interface RectLike {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Whether (x, y) falls inside one of `rects`, allowing `slack` px for sub-pixel rounding. */
export function rectsContain(rects: Iterable<RectLike>, x: number, y: number, slack = 1): boolean {
  for (const r of rects) {
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack)
      return true;
  }
  return false;
}

const TEXT_NODE = 3;

interface CaretPosition {
  offsetNode: Node;
  offset: number;
}
type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: unknown) => CaretPosition | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The shadow roots (open, or closed ones this extension may read), outermost first, whose hosts are under (x, y). */
function shadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let el = doc.elementFromPoint(x, y);
  for (let root = el && shadowRootOf(el); root && !roots.includes(root); root = el && shadowRootOf(el)) {
    roots.push(root);
    el = root.elementFromPoint(x, y);
  }
  return roots;
}

/** The text position under (x, y), from the standard API or WebKit's older one. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    let p = d.caretPositionFromPoint(x, y);
    // Over a shadow root the caret stops outside its host unless the roots are passed in. Only
    // then is the element under the point looked up (a second hit test), so plain text costs one.
    if (p && p.offsetNode.nodeType !== TEXT_NODE) {
      const roots = shadowRootsAt(doc, x, y);
      if (roots.length) p = d.caretPositionFromPoint(x, y, { shadowRoots: roots }) ?? p;
    }
    return p ? { node: p.offsetNode, offset: p.offset } : undefined;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : undefined;
  }
  return undefined;
}

interface HighlightHit {
  highlight: unknown;
  ranges: AbstractRange[];
}
type HighlightRegistryWithHit = {
  highlightsFromPoint?: (x: number, y: number) => HighlightHit[];
  get?: (name: string) => unknown;
};

/**
 * Ranges of our own highlights under (x, y), where the browser can tell (`highlightsFromPoint`); undefined
 * when it cannot, or when asking fails. Our highlights are looked up by name, not by iterating the
 * registry: in Firefox a content script sees the page's registry through an Xray wrapper, and calling its
 * `forEach` with our callback throws "Permission denied to access object" (found in real Firefox 153).
 */
function highlightRangesAt(x: number, y: number): AbstractRange[] | undefined {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistryWithHit } | undefined)
    ?.highlights;
  if (!registry || typeof registry.highlightsFromPoint !== 'function' || typeof registry.get !== 'function')
    return undefined;
  try {
    const ours = new Set<unknown>([registry.get(HIGHLIGHT_NAME), registry.get(ACTIVE_HIGHLIGHT_NAME)]);
    ours.delete(undefined);
    const out: AbstractRange[] = [];
    for (const hit of registry.highlightsFromPoint(x, y)) {
      if (ours.has(hit.highlight)) for (const r of hit.ranges) out.push(r);
    }
    return out;
  } catch {
    // The caret path below finds the mention without the registry.
    return undefined;
  }
}

/** The shown mention whose text is under the viewport point (x, y), if any. */
export function hitTest(doc: Document, index: PageIndex, x: number, y: number): ShownMention | undefined {
  const confirm = (m: ShownMention | undefined) =>
    m && rectsContain(m.range.getClientRects(), x, y) ? m : undefined;

  const fromHighlights = highlightRangesAt(x, y);
  if (fromHighlights) {
    for (const r of fromHighlights) {
      const m = confirm(index.at(r.startContainer, r.startOffset));
      if (m) return m;
    }
    // The registry may hold ranges the index no longer knows (mid-rescan); the caret path still works.
  }

  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== TEXT_NODE) return undefined;
  // The caret sits between characters: over a word's last half it lands just past the word.
  const m = confirm(index.at(caret.node, caret.offset));
  return m ?? (caret.offset > 0 ? confirm(index.at(caret.node, caret.offset - 1)) : undefined);
}
