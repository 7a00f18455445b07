import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sitePause } from '../../entrypoints/popup/site-pause';
import { getSettings, isSitePaused, updateSettings } from '../../lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the popup’s pause switch', () => {
  it('pauses a host through the settings store, once', async () => {
    await sitePause.pause('news.example.com');
    await sitePause.pause('news.example.com');
    expect((await getSettings()).pausedSites).toEqual(['news.example.com']);
    expect((await sitePause.status('news.example.com')).paused).toBe(true);
    expect((await sitePause.status('other.example.com')).paused).toBe(false);
  });

  it('resuming one site inside a paused wildcard stores an exception; its neighbours stay paused', async () => {
    await updateSettings({ pausedSites: ['*.example.com', 'news.example.com', 'elsewhere.org'] });
    expect(await sitePause.status('news.example.com')).toEqual({
      paused: true,
      hostPatterns: ['news.example.com'],
      wildcards: ['*.example.com'],
    });
    await sitePause.resume('news.example.com', 'site');
    const s = await getSettings();
    expect(s.pausedSites).toEqual(['*.example.com', 'elsewhere.org']);
    expect(s.pauseExceptions).toEqual(['news.example.com']);
    expect(isSitePaused('news.example.com', s)).toBe(false);
    expect(isSitePaused('sport.example.com', s)).toBe(true);
  });

  it('resuming everywhere on the wildcard removes it and what it held, nothing else', async () => {
    await updateSettings({
      pausedSites: ['*.example.com', 'news.example.com', 'elsewhere.org'],
      pauseExceptions: ['weather.example.com'],
    });
    await sitePause.resume('sport.example.com', 'wildcard');
    const s = await getSettings();
    expect(s.pausedSites).toEqual(['elsewhere.org']);
    expect(s.pauseExceptions).toEqual([]);
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
