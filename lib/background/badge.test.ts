import { describe, expect, it, vi } from 'vitest';
import { badgeText, createBadge } from './badge';

describe('badgeText', () => {
  it('shows the count, blank when zero or paused, capped for the small badge', () => {
    expect(badgeText(7, false)).toBe('7');
    expect(badgeText(0, false)).toBe('');
    expect(badgeText(7, true)).toBe('');
    expect(badgeText(250, false)).toBe('99+');
    expect(badgeText(Number.NaN, false)).toBe('');
  });
});

describe('createBadge', () => {
  it('sets text per tab and clears it', async () => {
    const setBadgeText = vi.fn(async (_details: { tabId: number; text: string }) => undefined);
    const setBadgeBackgroundColor = vi.fn(async () => undefined);
    const badge = createBadge({ setBadgeText, setBadgeBackgroundColor });
    await badge.show(4, 12, false);
    await badge.show(5, 3, true);
    await badge.clear(4);
    expect(setBadgeText.mock.calls.map((c) => c[0])).toEqual([
      { tabId: 4, text: '12' },
      { tabId: 5, text: '' },
      { tabId: 4, text: '' },
    ]);
    expect(setBadgeBackgroundColor).toHaveBeenCalledTimes(1);
  });

  it('swallows the error Chrome raises for a tab that closed meanwhile', async () => {
    const badge = createBadge({
      setBadgeText: async () => {
        throw new Error('No tab with id: 9.');
      },
      setBadgeBackgroundColor: async () => undefined,
    });
    await expect(badge.show(9, 1, false)).resolves.toBeUndefined();
  });
});

describe('badge.reload on navigation', () => {
  const setup = () => {
    const texts: string[] = [];
    const badge = createBadge({
      setBadgeText: async ({ text }) => {
        texts.push(text);
      },
      setBadgeBackgroundColor: async () => undefined,
    });
    return { badge, texts };
  };
  const term = (id: string) => ({ id, label: id, topic: 't', count: 2, samples: [] });

  it('keeps the page’s count when the same document answers (pushState, hash)', async () => {
    const { badge, texts } = setup();
    await badge.reload(1, async () => ({ ready: true, terms: [term('a'), term('b'), term('a')] }));
    expect(texts).toEqual(['2']);
  });

  it('clears when nothing answers yet, the scan is unfinished, or the site is paused', async () => {
    const { badge, texts } = setup();
    await badge.reload(1, async () => {
      throw new Error('Receiving end does not exist');
    });
    await badge.reload(1, async () => ({ ready: false, terms: [term('a')] }));
    await badge.reload(1, async () => ({ ready: true, paused: true, terms: [term('a')] }));
    expect(texts).toEqual(['', '', '']);
  });
});
