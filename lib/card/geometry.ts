// Where the card goes, as pure geometry on viewport rectangles (no DOM, tested in Node): below the term,
// above it when only there it fits (or there is more room there), never over it, shifted inside the
// viewport, its height capped (scrolling inside) when neither side fits, hidden when the term is out of view.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacementInput {
  /** The term's line boxes (a range's client rects; several per line when it crosses inline elements). */
  rects: readonly Box[];
  /** The pointer, which picks the line box of a term that wraps. */
  point?: { x: number; y: number } | undefined;
  /** The card's natural size (uncapped height). */
  card: { width: number; height: number };
  viewport: { width: number; height: number };
  /** The part of the viewport the term can be seen in (its scrolling ancestors clip it); default: all. */
  clip?: Box;
  /** Space between the term and the card. */
  gap?: number;
  /** The card keeps this far from the viewport's edges. */
  padding?: number;
  /** Below this height the card would be a slit: it keeps this height and overflows instead. */
  minHeight?: number;
}

export interface Placement {
  x: number;
  y: number;
  side: 'bottom' | 'top';
  /** Set when the card must scroll inside: the height it may take. */
  maxHeight: number | undefined;
  /** The term is out of view (scrolled away, clipped, or not rendered): so is its card. */
  hidden: boolean;
}

const GAP = 6;
const PADDING = 8;
const MIN_HEIGHT = 120;

/**
 * Rects that overlap vertically are one line; each line becomes the union of its rects, top to bottom.
 * Empty rects (at element boundaries) are dropped, unless all are empty: a point is still a place.
 */
export function lineBoxes(rects: readonly Box[]): Box[] {
  const solid = rects.filter((r) => r.right > r.left || r.bottom > r.top);
  const lines: Box[] = [];
  for (const r of solid.length > 0 ? solid : rects.slice(0, 1)) {
    const line = lines.find((l) => r.top < l.bottom && r.bottom > l.top);
    if (line) {
      line.left = Math.min(line.left, r.left);
      line.right = Math.max(line.right, r.right);
      line.top = Math.min(line.top, r.top);
      line.bottom = Math.max(line.bottom, r.bottom);
    } else {
      lines.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
  }
  return lines.sort((a, b) => a.top - b.top);
}

function distance(box: Box, p: { x: number; y: number }): number {
  const dx = Math.max(box.left - p.x, 0, p.x - box.right);
  const dy = Math.max(box.top - p.y, 0, p.y - box.bottom);
  return Math.hypot(dx, dy);
}

/**
 * The box the card points at: the line nearest the pointer; without a pointer, the whole term
 * vertically (so the card covers none of its lines) starting where the term starts.
 */
export function referenceBox(rects: readonly Box[], point?: { x: number; y: number }): Box | undefined {
  const lines = lineBoxes(rects);
  const first = lines[0];
  const last = lines.at(-1);
  if (!first || !last) return undefined;
  if (point) {
    let best = first;
    for (const l of lines) if (distance(l, point) < distance(best, point)) best = l;
    return best;
  }
  return { left: first.left, right: first.right, top: first.top, bottom: last.bottom };
}

export function place(input: PlacementInput): Placement {
  const gap = input.gap ?? GAP;
  const pad = input.padding ?? PADDING;
  const minHeight = input.minHeight ?? MIN_HEIGHT;
  const { viewport, card } = input;
  const clip = input.clip ?? { left: 0, top: 0, right: viewport.width, bottom: viewport.height };
  const ref = referenceBox(input.rects, input.point);
  if (!ref) return { x: 0, y: 0, side: 'bottom', maxHeight: undefined, hidden: true };

  // Hidden once every line of the term is outside the visible area.
  const hidden = !lineBoxes(input.rects).some(
    (l) => l.right > clip.left && l.left < clip.right && l.bottom > clip.top && l.top < clip.bottom,
  );

  const below = viewport.height - pad - (ref.bottom + gap);
  const above = ref.top - gap - pad;
  let side: Placement['side'];
  let maxHeight: number | undefined;
  if (card.height <= below) side = 'bottom';
  else if (card.height <= above) side = 'top';
  else {
    side = above > below ? 'top' : 'bottom';
    maxHeight = Math.max(minHeight, Math.floor(side === 'top' ? above : below));
  }
  const height = Math.min(card.height, maxHeight ?? card.height);
  const y = side === 'bottom' ? ref.bottom + gap : ref.top - gap - height;

  // Start-aligned with the term, then shifted to stay inside the viewport's padding.
  const maxX = viewport.width - pad - card.width;
  const x = Math.max(pad, Math.min(ref.left, maxX));
  return { x: Math.round(x), y: Math.round(y), side, maxHeight, hidden };
}
