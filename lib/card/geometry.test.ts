import { describe, expect, it } from 'vitest';
import { type Box, lineBoxes, place, referenceBox } from './geometry';

const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});
const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 200 };

describe('lineBoxes', () => {
  it('merges the rects of one line (a term across inline elements) and orders lines top to bottom', () => {
    const lines = lineBoxes([box(300, 140, 80, 20), box(100, 100, 60, 22), box(160, 101, 70, 20)]);
    expect(lines).toEqual([box(100, 100, 130, 22), box(300, 140, 80, 20)]);
  });

  it('ignores empty rects at element boundaries', () => {
    expect(lineBoxes([box(50, 50, 0, 0), box(100, 100, 60, 20)])).toEqual([box(100, 100, 60, 20)]);
  });

  it('keeps a point when that is all there is (a card anchored to a spot in the viewport)', () => {
    expect(lineBoxes([box(320, 16, 0, 0)])).toEqual([box(320, 16, 0, 0)]);
  });
});

describe('referenceBox', () => {
  // "Abraham" at the end of one line, "Accords" at the start of the next.
  const wrapped = [box(600, 100, 80, 20), box(40, 124, 70, 20)];

  it('picks the line box under the pointer, or the nearest one', () => {
    expect(referenceBox(wrapped, { x: 60, y: 134 })).toEqual(box(40, 124, 70, 20));
    expect(referenceBox(wrapped, { x: 640, y: 110 })).toEqual(box(600, 100, 80, 20));
    // Just past the end of the first line: nearer to it than to the second.
    expect(referenceBox(wrapped, { x: 700, y: 108 })).toEqual(box(600, 100, 80, 20));
  });

  it('without a pointer spans every line, starting where the term starts', () => {
    expect(referenceBox(wrapped)).toEqual({ left: 600, right: 680, top: 100, bottom: 144 });
  });

  it('is undefined for a term with no box (not rendered)', () => {
    expect(referenceBox([])).toBeUndefined();
  });
});

describe('place', () => {
  it('goes below the term, start-aligned, a gap away', () => {
    const p = place({ rects: [box(100, 100, 80, 20)], card, viewport });
    expect(p).toEqual({ x: 100, y: 126, side: 'bottom', maxHeight: undefined, hidden: false });
  });

  it('goes below a point anchor, visible', () => {
    const p = place({ rects: [box(320, 16, 0, 0)], card, viewport });
    expect(p).toEqual({ x: 320, y: 22, side: 'bottom', maxHeight: undefined, hidden: false });
  });

  it('flips above when it does not fit below and does above', () => {
    const p = place({ rects: [box(100, 700, 80, 20)], card, viewport });
    expect(p.side).toBe('top');
    expect(p.y).toBe(700 - 6 - 200);
    expect(p.y + card.height).toBeLessThanOrEqual(700);
    expect(p.maxHeight).toBeUndefined();
  });

  it('stays below while it fits there, even with more room above', () => {
    const p = place({ rects: [box(100, 500, 80, 20)], card, viewport });
    expect(p.side).toBe('bottom');
  });

  it('shifts inside the viewport with 8 px padding on both sides', () => {
    expect(place({ rects: [box(900, 100, 80, 20)], card, viewport }).x).toBe(1000 - 8 - 360);
    expect(place({ rects: [box(-40, 100, 80, 20)], card, viewport }).x).toBe(8);
    // A card wider than the viewport keeps its left edge inside.
    expect(place({ rects: [box(100, 100, 80, 20)], card: { width: 1200, height: 200 }, viewport }).x).toBe(8);
  });

  it('caps its height on the roomier side when neither fits, so it scrolls inside', () => {
    const tall = { width: 360, height: 900 };
    const low = place({ rects: [box(100, 500, 80, 20)], card: tall, viewport });
    expect(low).toMatchObject({ side: 'top', maxHeight: 500 - 6 - 8, y: 8 });
    const high = place({ rects: [box(100, 200, 80, 20)], card: tall, viewport });
    expect(high).toMatchObject({ side: 'bottom', maxHeight: 800 - 8 - 226, y: 226 });
    // Never below the minimum height: a slit is no card.
    const tiny = place({ rects: [box(100, 60, 80, 20)], card: tall, viewport: { width: 1000, height: 180 } });
    expect(tiny.maxHeight).toBe(120);
  });

  it('points at the line the pointer is on for a term that wraps', () => {
    const wrapped = [box(600, 100, 80, 20), box(40, 124, 70, 20)];
    expect(place({ rects: wrapped, point: { x: 650, y: 110 }, card, viewport })).toMatchObject({
      x: 600,
      y: 126,
    });
    expect(place({ rects: wrapped, point: { x: 60, y: 130 }, card, viewport })).toMatchObject({
      x: 40,
      y: 150,
    });
    // Without a pointer, below the last line: the card covers no part of the term.
    expect(place({ rects: wrapped, card, viewport }).y).toBe(150);
  });

  it('is hidden when the term scrolls out of view or out of its scrolling box', () => {
    expect(place({ rects: [box(100, -40, 80, 20)], card, viewport }).hidden).toBe(true);
    expect(place({ rects: [box(100, 820, 80, 20)], card, viewport }).hidden).toBe(true);
    expect(place({ rects: [box(100, -10, 80, 20)], card, viewport }).hidden).toBe(false);
    const clip = box(0, 200, 1000, 300);
    expect(place({ rects: [box(100, 100, 80, 20)], card, viewport, clip }).hidden).toBe(true);
    expect(place({ rects: [box(100, 300, 80, 20)], card, viewport, clip }).hidden).toBe(false);
    expect(place({ rects: [], card, viewport }).hidden).toBe(true);
  });
});
