import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sitePause } from '../../entrypoints/popup/site-pause';
import { getSettings, updateSettings } from '../../lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the popup’s pause switch', () => {
  it('pauses a host through the settings store, once', async () => {
    await sitePause.setPaused('news.example.com', true);
    await sitePause.setPaused('news.example.com', true);
    expect((await getSettings()).pausedSites).toEqual(['news.example.com']);
    expect(await sitePause.isPaused('news.example.com')).toBe(true);
    expect(await sitePause.isPaused('other.example.com')).toBe(false);
  });

  it('resuming removes every pattern covering the host, and only those', async () => {
    await updateSettings({ pausedSites: ['*.example.com', 'news.example.com', 'elsewhere.org'] });
    expect(await sitePause.isPaused('news.example.com')).toBe(true);
    await sitePause.setPaused('news.example.com', false);
    expect((await getSettings()).pausedSites).toEqual(['elsewhere.org']);
    expect(await sitePause.isPaused('news.example.com')).toBe(false);
  });

  it('tells its watcher about changes made anywhere', async () => {
    let calls = 0;
    const unwatch = sitePause.watch(() => {
      calls += 1;
    });
    await updateSettings({ pausedSites: ['a.example.com'] });
    await new Promise((r) => setTimeout(r, 0));
    unwatch();
    expect(calls).toBeGreaterThan(0);
  });
});
