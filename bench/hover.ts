// Hover latency: from the card's dwell timer firing to the card's first paint, as recorded by the
// content script on the page's performance timeline (User Timing entries made in the content script's
// isolated world land on the same document timeline the page's world reads).
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../scripts/extension';
import { pollReady } from '../scripts/extension';
import { median } from './stats';

export const DWELL_MARK = 'briefing-lens:dwell';
export const PAINT_MARK = 'briefing-lens:card-painted';
export const LATENCY_MEASURE = 'briefing-lens:hover-latency';

export interface HoverLatency {
  medianMs: number | null;
  samples: number[];
  note: string;
}

/** Viewport boxes of the marked terms (one per range), after scrolling range `index` into view. */
async function termBox(page: Page, index: number) {
  return page.evaluate((i) => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights;
    const ranges: Range[] = [];
    for (const [name, h] of registry ?? []) {
      if (!name.startsWith('briefing-lens')) continue;
      for (const r of h) if (r instanceof Range && !r.collapsed && r.getClientRects().length) ranges.push(r);
    }
    if (!ranges.length) return undefined;
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const r = ranges[i % ranges.length] as Range;
    r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const box = r.getClientRects()[0];
    return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2, count: ranges.length } : undefined;
  }, index);
}

/** The newest latency entry: the measure if the card makes one, else the last dwell → paint mark pair. */
function latestLatency(names: { measure: string; dwell: string; paint: string }): number | null {
  const measures = performance.getEntriesByName(names.measure);
  const last = measures[measures.length - 1];
  if (last) return last.duration;
  const paints = performance.getEntriesByName(names.paint);
  const paint = paints[paints.length - 1];
  if (!paint) return null;
  const dwells = performance.getEntriesByName(names.dwell).filter((d) => d.startTime <= paint.startTime);
  const dwell = dwells[dwells.length - 1];
  return dwell ? paint.startTime - dwell.startTime : null;
}

export async function measureHoverLatency(
  ext: ExtensionBrowser,
  origin: string,
  path: string,
  hovers: number,
): Promise<HoverLatency> {
  const page = await ext.context.newPage();
  const names = { measure: LATENCY_MEASURE, dwell: DWELL_MARK, paint: PAINT_MARK };
  const samples: number[] = [];
  try {
    await page.goto(origin + path);
    await pollReady(ext.worker, page, { type: 'get-page-terms' }, 30_000);
    const dialog = page.getByRole('dialog').first();
    for (let i = 0; i < hovers; i++) {
      // Leave any open card: pointer to the page's corner, Escape, wait until it is gone.
      await page.mouse.move(2, 2);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden', timeout: 3000 }).catch(() => {});
      await page.evaluate((n) => {
        performance.clearMeasures(n.measure);
        performance.clearMarks(n.dwell);
        performance.clearMarks(n.paint);
      }, names);
      const box = await termBox(page, i);
      if (!box) return { medianMs: null, samples, note: 'no marked terms on the page' };
      await page.mouse.move(box.x, box.y - 30);
      await page.mouse.move(box.x, box.y, { steps: 3 });
      try {
        await dialog.waitFor({ state: 'visible', timeout: 3000 });
      } catch {
        return { medianMs: null, samples, note: 'no card (role="dialog") opened on hover' };
      }
      // The paint mark lands a frame after the card is attached: poll briefly for it.
      let latency: number | null = null;
      for (let t = 0; t < 20 && latency === null; t++) {
        latency = await page.evaluate(latestLatency, names);
        if (latency === null) await page.waitForTimeout(25);
      }
      if (latency === null)
        return {
          medianMs: null,
          samples,
          note: `the card opened but recorded neither ${LATENCY_MEASURE} nor ${DWELL_MARK}/${PAINT_MARK}`,
        };
      samples.push(latency);
    }
    return { medianMs: median(samples), samples, note: '' };
  } finally {
    await page.close();
  }
}
