// Pages with many marks: past WINDOWED_AFTER (lib/page/paint.ts) only the marks near the viewport are
// registered in CSS.highlights (each rendering update rebuilds markers for every registered range), the
// page index still holds them all, and scrolling paints the marks that come near.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageTermsResponse } from '../../lib/messages';
import { WINDOWED_AFTER } from '../../lib/page/paint';
import { launch, type Session, sendToTab, waitForReady } from './harness';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const PARAS = 3000;
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><main>${Array.from(
  { length: PARAS },
  (_, i) => `<p id="p${i}">Paragraph ${i}: the Abraham Accords again, and filler text.</p>`,
).join('\n')}</main></body></html>`;

/** Texts of the ranges registered under the main highlight name, with their paragraph numbers. */
function registered(p: Page): Promise<{ text: string; para: number }[]> {
  return p.evaluate(() =>
    ([...(CSS.highlights.get('briefing-lens') ?? [])] as Range[]).map((r) => ({
      text: r.toString(),
      para: Number((r.startContainer.parentElement?.id ?? 'p-1').slice(1)),
    })),
  );
}

describe('painting many marks', () => {
  it('registers the marks near the viewport only, and those further down once scrolled to', async () => {
    session.setPage('/page/many-marks.html', html);
    const p = await session.open('/page/many-marks.html');
    const answer = await waitForReady<PageTermsResponse>(session, p, 30_000);
    // The index (and the popup's list) has every mention.
    expect(answer.terms.find((t) => t.id === 'abraham-accords')?.count).toBe(PARAS);
    expect(PARAS).toBeGreaterThan(WINDOWED_AFTER);
    // The top of the page is painted; the bottom is not registered.
    await expect.poll(async () => (await registered(p)).some((r) => r.para === 0)).toBe(true);
    const top = await registered(p);
    expect(top.length).toBeLessThan(WINDOWED_AFTER);
    expect(top.every((r) => r.text === 'Abraham Accords')).toBe(true);
    expect(top.some((r) => r.para === PARAS - 1)).toBe(false);
    // Scrolled to the end: the last paragraph's mark is registered, the first one's no longer.
    await p.evaluate(() => document.getElementById('p2999')?.scrollIntoView());
    await expect.poll(async () => (await registered(p)).some((r) => r.para === PARAS - 1)).toBe(true);
    await expect.poll(async () => (await registered(p)).some((r) => r.para === 0)).toBe(false);
    expect((await registered(p)).length).toBeLessThan(WINDOWED_AFTER);
    await p.close();
  });
});
