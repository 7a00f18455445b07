import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session, waitForReady } from './harness';

let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

describe('the built extension', () => {
  it('answers get-page-terms with ready on the demo article', async () => {
    const page = await session.open('/demo/');
    const answer = await waitForReady<{ ready: boolean; terms: unknown[] }>(session, page);
    expect(answer.ready).toBe(true);
    expect(Array.isArray(answer.terms)).toBe(true);
    await page.close();
  });

  it('renders the popup and options headings with no console errors', async () => {
    const popup = await session.open(session.extensionUrl('popup.html'));
    await expect
      .poll(() => popup.getByRole('heading', { level: 1 }).first().textContent())
      .toContain('Briefing Lens');
    const options = await session.open(session.extensionUrl('options.html'));
    await expect
      .poll(() => options.getByRole('heading', { level: 1 }).first().textContent())
      .toContain('options');
    expect(session.errors).toEqual([]);
  });
});
