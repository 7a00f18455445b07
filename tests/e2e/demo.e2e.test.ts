// The demo article is what `npm start` shows and the README's screenshot: it must keep showing the
// briefing's terms in the forms it was written with (variants, inflections, split phrases).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageTermsResponse } from '../../lib/messages';
import { launch, type Session, waitForReady } from './harness';

let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

describe('the demo article', () => {
  it('marks the briefing’s terms, including variant forms and phrases split by markup', async () => {
    const page = await session.open('/demo/');
    const answer = await waitForReady<PageTermsResponse>(session, page);
    // The article is written to mention at least twenty of the briefing's terms.
    expect(answer.terms.length).toBeGreaterThanOrEqual(20);

    const marked = await page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      const out: Array<{ text: string; crossesElements: boolean }> = [];
      for (const [name, highlight] of registry) {
        if (!name.startsWith('briefing-lens')) continue;
        for (const r of highlight) {
          if (!(r instanceof Range)) continue;
          out.push({
            text: r.toString().replace(/\s+/g, ' '),
            crossesElements: r.startContainer !== r.endContainer,
          });
        }
      }
      return out;
    });
    const texts = new Set(marked.map((m) => m.text));
    // British spelling, inflections and a curly-apostrophe possessive, as written in the article.
    for (const form of ['normalisation', 'normalizing', 'normalized', 'Pakistan’s', 'Emirati', 'UAE'])
      expect(
        [...texts].some((t) => t.includes(form)),
        `“${form}” is marked`,
      ).toBe(true);
    // "Abraham <em>Accords</em>" and "<a>Palestinian</a> statehood" are each one mark across elements.
    expect(marked.some((m) => m.text === 'Abraham Accords' && m.crossesElements)).toBe(true);
    expect(marked.some((m) => m.text === 'Palestinian statehood' && m.crossesElements)).toBe(true);
    expect(session.errors).toEqual([]);
    await page.close();
  });
});
