import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DWELL_MAX_MS,
  defineSettingsItem,
  describeChanges,
  EXPORT_FORMAT,
  exportSettings,
  getSettings,
  isSitePaused,
  isTermShown,
  isTopicOn,
  migrateSettings,
  parseImport,
  replaceSettings,
  SETTINGS_VERSION,
  SettingsSchema,
  SettingsWriteError,
  SYNC_ITEM_QUOTA_BYTES,
  sanitizeSettings,
  syncSize,
  topicPatch,
  updateSettings,
  watchSettings,
} from './settings';
import { DEFAULT_SETTINGS, type Settings } from './settings-types';

const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures/settings');
const fixture = (name: string): unknown => JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8'));
const fixtureText = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');

const rawStored = async () =>
  (await fakeBrowser.storage.sync.get(['settings', 'settings$'])) as Record<string, unknown>;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('schema', () => {
  it('the defaults are valid, and fit in one sync item', () => {
    expect(v.safeParse(SettingsSchema, DEFAULT_SETTINGS).success).toBe(true);
    expect(sanitizeSettings(DEFAULT_SETTINGS).repairs).toEqual([]);
    expect(syncSize(DEFAULT_SETTINGS)).toBeLessThan(SYNC_ITEM_QUOTA_BYTES / 10);
  });

  it('there is a fixture for every past version, and each migrates without repairs', () => {
    const versions = readdirSync(FIXTURES)
      .map((f) => /^v(\d+)\.json$/.exec(f)?.[1])
      .filter((x) => x !== undefined)
      .map(Number)
      .sort();
    expect(versions).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 1));
    for (const version of versions) {
      const { repairs } = sanitizeSettings(migrateSettings(fixture(`v${version}.json`), version));
      expect(repairs, `v${version}`).toEqual([]);
    }
  });
});

describe('migrations', () => {
  it('migrates the v1 fixture to a valid current value with the same meaning', async () => {
    await fakeBrowser.storage.sync.set({ settings: fixture('v1.json'), settings$: { v: 1 } });
    const migrated = await defineSettingsItem().getValue();
    const { settings, repairs } = sanitizeSettings(migrated);
    expect(repairs).toEqual([]);
    expect(settings).toEqual<Settings>({
      topicsOff: ['pakistan', 'us-policy'],
      topicsOn: [],
      hiddenTerms: ['normalization'],
      pausedSites: ['news.example.com', 'www.example.org'],
      pauseExceptions: [],
      trigger: 'hover',
      dwellMs: 500,
      highlightStyle: 'none',
      highlightColor: '#1d4ed8',
      firstOccurrenceOnly: false,
      showQA: false,
    });
    // The migration is persisted with the new version, so it runs once.
    const stored = await rawStored();
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
    expect(stored.settings).toEqual(settings);
  });

  it('migrates the v2 fixture: origins become host patterns, requireAlt becomes the alt-hover trigger', async () => {
    await fakeBrowser.storage.sync.set({ settings: fixture('v2.json'), settings$: { v: 2 } });
    const { settings, repairs } = sanitizeSettings(await defineSettingsItem().getValue());
    expect(repairs).toEqual([]);
    expect(settings.pausedSites).toEqual(['news.example.com', 'blog.example.org']);
    expect(settings.trigger).toBe('alt-hover');
    expect(settings.topicsOn).toEqual(['regional-security']);
    expect(settings.dwellMs).toBe(450);
    expect(settings.firstOccurrenceOnly).toBe(false);
  });

  it('migrates the v3 fixture: nothing changes but an empty list of exceptions', async () => {
    await fakeBrowser.storage.sync.set({ settings: fixture('v3.json'), settings$: { v: 3 } });
    const { settings, repairs } = sanitizeSettings(await defineSettingsItem().getValue());
    expect(repairs).toEqual([]);
    expect(settings).toEqual({ ...(fixture('v3.json') as object), pauseExceptions: [] });
    expect((await rawStored()).settings$).toEqual({ v: SETTINGS_VERSION });
  });

  it('getSettings reads a v1 value through the migrations', async () => {
    // getSettings uses the module's own item, which runs migrations when first defined: load a fresh
    // copy of the module (and of the fake browser it talks to) after seeding storage.
    vi.resetModules();
    const { fakeBrowser: fresh } = await import('wxt/testing/fake-browser');
    await fresh.storage.sync.set({ settings: fixture('v1.json'), settings$: { v: 1 } });
    const store = await import('./settings');
    const s = await store.getSettings();
    expect(s.dwellMs).toBe(500);
    expect(s.topicsOff).toContain('us-policy');
  });

  it('a migration given garbage does not throw; repair takes over', () => {
    expect(() => migrateSettings('garbage', 1)).not.toThrow();
    expect(migrateSettings(42, 1)).toBe(42);
    expect(sanitizeSettings(migrateSettings({ delay: 'slow' }, 1)).settings.dwellMs).toBe(
      DEFAULT_SETTINGS.dwellMs,
    );
  });
});

describe('repair', () => {
  it('falls back field by field on wrong types and keeps the good fields', () => {
    const { settings, repairs } = sanitizeSettings({
      ...DEFAULT_SETTINGS,
      dwellMs: 'fast',
      trigger: 'telepathy',
      highlightColor: 'javascript:alert(1)',
      hiddenTerms: ['leverage', 7, null, 'coercion'],
      pausedSites: ['example.com', '*', 'exa mple.com'],
      showQA: false,
    });
    expect(settings.dwellMs).toBe(DEFAULT_SETTINGS.dwellMs);
    expect(settings.trigger).toBe('hover');
    expect(settings.highlightColor).toBe(DEFAULT_SETTINGS.highlightColor);
    expect(settings.hiddenTerms).toEqual(['leverage', 'coercion']);
    expect(settings.pausedSites).toEqual(['example.com']);
    expect(settings.showQA).toBe(false);
    expect(repairs.some((r) => r.startsWith('dwellMs:'))).toBe(true);
    expect(repairs.some((r) => r.startsWith('hiddenTerms: 2 invalid entries'))).toBe(true);
  });

  it('keeps only pause exceptions that are hosts inside a paused wildcard', () => {
    const { settings, repairs } = sanitizeSettings({
      ...DEFAULT_SETTINGS,
      pausedSites: ['*.example.com', 'other.org'],
      pauseExceptions: [
        'news.example.com',
        '*.sport.example.com',
        'other.org',
        'elsewhere.net',
        7,
        'news.example.com',
      ],
    });
    expect(settings.pauseExceptions).toEqual(['news.example.com']);
    expect(repairs).toEqual([
      'pauseExceptions: 2 invalid entries removed',
      'pauseExceptions: duplicates removed',
      'pauseExceptions: 2 outside every paused wildcard, removed',
    ]);
  });

  it('drops unknown fields, fills missing ones, dedupes lists and resolves on/off clashes', () => {
    const { settings, repairs } = sanitizeSettings({
      topicsOff: ['a', 'a'],
      topicsOn: ['a', 'b'],
      evil: '<script>',
    });
    expect(settings).not.toHaveProperty('evil');
    expect(settings.topicsOff).toEqual(['a']);
    expect(settings.topicsOn).toEqual(['b']);
    expect(settings.dwellMs).toBe(300);
    expect(repairs).toContain('evil: unknown setting, removed');
    // Inherited names are not settings either.
    expect(sanitizeSettings(JSON.parse('{"toString": 1, "__proto__": {"dwellMs": 900}}')).repairs).toEqual(
      expect.arrayContaining(['toString: unknown setting, removed', '__proto__: unknown setting, removed']),
    );
  });

  it('a list where a single value belongs (or the reverse) falls back to the default', () => {
    const { settings } = sanitizeSettings({
      ...DEFAULT_SETTINGS,
      trigger: ['click'],
      dwellMs: [500],
      topicsOff: 'a',
    });
    expect(settings.trigger).toBe('hover');
    expect(settings.dwellMs).toBe(300);
    expect(settings.topicsOff).toEqual([]);
  });

  it('never throws on arbitrary values, and always yields valid settings (seeded fuzz)', () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const garbage = (depth: number): unknown => {
      const leaf = [
        null,
        undefined,
        0,
        -1,
        1e9,
        0.5,
        Number.NaN,
        '',
        'hover',
        '#fff',
        '*.com',
        'example.com',
        true,
      ];
      if (depth > 2 || rand() < 0.5) return pick(leaf);
      if (rand() < 0.5) return Array.from({ length: Math.floor(rand() * 4) }, () => garbage(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(rand() * 4) }, () => [
          pick(Object.keys(DEFAULT_SETTINGS)),
          garbage(depth + 1),
        ]),
      );
    };
    for (let i = 0; i < 2000; i++) {
      const raw =
        rand() < 0.5
          ? garbage(0)
          : Object.fromEntries(
              Object.keys(DEFAULT_SETTINGS).map((k) => [
                k,
                rand() < 0.3 ? garbage(1) : (DEFAULT_SETTINGS as never)[k],
              ]),
            );
      const { settings } = sanitizeSettings(raw);
      expect(v.safeParse(SettingsSchema, settings).success, JSON.stringify(raw)).toBe(true);
      expect(() => migrateSettings(raw, 1)).not.toThrow();
    }
  });

  it('resets a garbage string to defaults', () => {
    const { settings, repairs } = sanitizeSettings('{not json');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(repairs).toHaveLength(1);
  });

  it('getSettings repairs the stored value (written back) and never throws', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, dwellMs: -5, extra: true, showQA: false },
      settings$: { v: SETTINGS_VERSION },
    });
    const s = await getSettings();
    expect(s.dwellMs).toBe(300);
    expect(s.showQA).toBe(false);
    expect((await rawStored()).settings).toEqual(s);
  });

  it('getSettings on a garbage string returns defaults and repairs storage', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage', settings$: { v: SETTINGS_VERSION } });
    await expect(getSettings()).resolves.toEqual(DEFAULT_SETTINGS);
    expect((await rawStored()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('a value from a newer version (synced from another device) is read, not rewritten', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const newer = { ...DEFAULT_SETTINGS, dwellMs: 650, cardSize: 'large' };
    await fakeBrowser.storage.sync.set({ settings: newer, settings$: { v: SETTINGS_VERSION + 1 } });
    const s = await defineSettingsItem()
      .getValue()
      .then(() => getSettings());
    expect(s.dwellMs).toBe(650);
    expect(s).not.toHaveProperty('cardSize');
    expect((await rawStored()).settings).toEqual(newer);
  });

  it('getSettings on empty storage returns defaults without writing', async () => {
    await expect(getSettings()).resolves.toEqual(DEFAULT_SETTINGS);
    expect((await rawStored()).settings).toBeUndefined();
  });
});

describe('writes and watching', () => {
  it('updateSettings merges a patch and a function patch', async () => {
    await updateSettings({ dwellMs: 800 });
    await updateSettings((s) => ({ hiddenTerms: [...s.hiddenTerms, 'leverage'] }));
    const s = await getSettings();
    expect(s.dwellMs).toBe(800);
    expect(s.hiddenTerms).toEqual(['leverage']);
  });

  it('quick successive updates do not overwrite each other', async () => {
    await Promise.all(
      ['a', 'b', 'c'].map((id) => updateSettings((s) => ({ hiddenTerms: [...s.hiddenTerms, id] }))),
    );
    expect((await getSettings()).hiddenTerms).toEqual(['a', 'b', 'c']);
  });

  it('rejects an invalid write with a readable error and stores nothing', async () => {
    await updateSettings({ dwellMs: 400 });
    const err = await updateSettings({ dwellMs: DWELL_MAX_MS + 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(SettingsWriteError);
    expect(err.message).toMatch(/dwellMs must be at most/);
    expect((await getSettings()).dwellMs).toBe(400);
  });

  it('rejects a write over the sync quota with a message for the reader, and keeps the old value', async () => {
    await updateSettings({ hiddenTerms: ['kept'] });
    const many = Array.from({ length: 600 }, (_, i) => `some-long-term-identifier-${i}`);
    const err = await updateSettings({ hiddenTerms: many }).catch((e) => e);
    expect(err).toBeInstanceOf(SettingsWriteError);
    expect(err.message).toMatch(/more than the 8192 bytes your browser can sync/);
    expect((await getSettings()).hiddenTerms).toEqual(['kept']);
  });

  it('reports a quota error from the browser itself', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const err = await updateSettings({ dwellMs: 500 }).catch((e) => e);
    expect(err).toBeInstanceOf(SettingsWriteError);
    expect(err.message).toMatch(/sync storage refused/);
  });

  it('watchSettings delivers validated values', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await updateSettings({ topicsOff: ['pakistan'] });
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, dwellMs: 'x' } });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[0]?.topicsOff).toEqual(['pakistan']);
    expect(seen[1]?.dwellMs).toBe(300);
    stop();
    await updateSettings({ dwellMs: 900 });
    expect(seen).toHaveLength(2);
  });

  it('removing a paused wildcard removes its exceptions too', async () => {
    await updateSettings({
      pausedSites: ['*.example.com', '*.example.org'],
      pauseExceptions: ['news.example.com', 'blog.example.org'],
    });
    await updateSettings((s) => ({ pausedSites: s.pausedSites.filter((p) => p !== '*.example.com') }));
    expect(await getSettings()).toMatchObject({
      pausedSites: ['*.example.org'],
      pauseExceptions: ['blog.example.org'],
    });
    // Paused again later, the wildcard covers the whole domain: the old exception is not back.
    await updateSettings((s) => ({ pausedSites: [...s.pausedSites, '*.example.com'] }));
    expect(isSitePaused('news.example.com', await getSettings())).toBe(true);
  });

  it('replaceSettings writes a whole value', async () => {
    await updateSettings({ dwellMs: 900 });
    await replaceSettings(DEFAULT_SETTINGS);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('queries', () => {
  const s: Settings = {
    ...DEFAULT_SETTINGS,
    topicsOff: ['a'],
    topicsOn: ['b'],
    hiddenTerms: ['t1'],
    pausedSites: ['example.com', '*.news.org'],
  };

  it('isTopicOn: overrides beat defaults', () => {
    expect(isTopicOn({ id: 'a', defaultOn: true }, s)).toBe(false);
    expect(isTopicOn({ id: 'b', defaultOn: false }, s)).toBe(true);
    expect(isTopicOn({ id: 'c', defaultOn: true }, s)).toBe(true);
    expect(isTopicOn({ id: 'd', defaultOn: false }, s)).toBe(false);
  });

  it('isTermShown needs the topic on and the term not hidden', () => {
    expect(isTermShown('t1', { id: 'c', defaultOn: true }, s)).toBe(false);
    expect(isTermShown('t2', { id: 'c', defaultOn: true }, s)).toBe(true);
    expect(isTermShown('t2', { id: 'a', defaultOn: true }, s)).toBe(false);
  });

  it('topicPatch stores only departures from the default', () => {
    expect(topicPatch({ id: 'a', defaultOn: true }, true, s)).toEqual({ topicsOff: [], topicsOn: ['b'] });
    expect(topicPatch({ id: 'b', defaultOn: false }, false, s)).toEqual({ topicsOff: ['a'], topicsOn: [] });
    expect(topicPatch({ id: 'c', defaultOn: true }, false, s)).toEqual({
      topicsOff: ['a', 'c'],
      topicsOn: ['b'],
    });
  });

  it('isSitePaused matches hosts, www. and wildcards', () => {
    expect(isSitePaused('example.com', s)).toBe(true);
    expect(isSitePaused('www.example.com', s)).toBe(true);
    expect(isSitePaused('blog.example.com', s)).toBe(false);
    expect(isSitePaused('news.org', s)).toBe(true);
    expect(isSitePaused('a.b.news.org', s)).toBe(true);
    expect(isSitePaused('fakenews.org', s)).toBe(false);
    expect(isSitePaused('EXAMPLE.COM.', s)).toBe(true);
  });

  it('isSitePaused: an exception lifts a wildcard for its host only, never a host pattern', () => {
    const lists = {
      ...s,
      pausedSites: ['*.news.org', 'sport.news.org'],
      pauseExceptions: ['a.news.org', 'sport.news.org'],
    };
    expect(isSitePaused('a.news.org', lists)).toBe(false);
    expect(isSitePaused('www.a.news.org', lists)).toBe(false);
    expect(isSitePaused('b.news.org', lists)).toBe(true);
    expect(isSitePaused('news.org', lists)).toBe(true);
    expect(isSitePaused('sport.news.org', lists)).toBe(true);
  });
});

describe('import and export', () => {
  it('round-trips an export', () => {
    const s: Settings = {
      ...DEFAULT_SETTINGS,
      topicsOff: ['x'],
      pausedSites: ['*.example.com'],
      dwellMs: 700,
    };
    const text = exportSettings(s, new Date('2026-01-01T00:00:00Z'));
    const file = JSON.parse(text);
    expect(file.format).toBe(EXPORT_FORMAT);
    expect(file.version).toBe(SETTINGS_VERSION);
    expect(parseImport(text)).toEqual({ ok: true, settings: s, fromVersion: SETTINGS_VERSION });
  });

  it('imports the current-version fixture', () => {
    const r = parseImport(fixtureText('export-v4.json'));
    expect(r).toMatchObject({ ok: true, fromVersion: 4 });
    if (r.ok) {
      expect(r.settings.trigger).toBe('click');
      expect(r.settings.pausedSites).toEqual(['*.example.com', 'localhost']);
      expect(r.settings.pauseExceptions).toEqual(['news.example.com']);
    }
  });

  it('imports a v3 file, which had no exceptions (and rejects one that claims some)', () => {
    const text = fixtureText('export-v3.json');
    const r = parseImport(text);
    expect(r).toMatchObject({ ok: true, fromVersion: 3 });
    if (r.ok) {
      expect(r.settings.pausedSites).toEqual(['*.example.com', 'localhost']);
      expect(r.settings.pauseExceptions).toEqual([]);
    }
    const file = JSON.parse(text);
    file.settings.pauseExceptions = ['news.example.com'];
    expect(parseImport(JSON.stringify(file))).toEqual({
      ok: false,
      errors: ['settings.pauseExceptions: unknown setting'],
    });
  });

  it('imports a v1 file through the migrations', () => {
    const r = parseImport(fixtureText('export-v1.json'));
    expect(r).toMatchObject({ ok: true, fromVersion: 1 });
    if (r.ok) {
      expect(r.settings.topicsOff).toEqual(['us-policy']);
      expect(r.settings.dwellMs).toBe(200);
      expect(r.settings.pausedSites).toEqual(['intranet.example.net']);
    }
  });

  it('lists every problem of an invalid file, with its path', () => {
    const r = parseImport(fixtureText('invalid-export.json'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const joined = r.errors.join('\n');
    for (const path of [
      'settings.topicsOff',
      'settings.pausedSites.0',
      'settings.trigger',
      'settings.dwellMs',
      'settings.highlightColor',
      'settings.firstOccurrenceOnly',
      'settings.showQA',
      'settings.theme',
    ]) {
      expect(joined).toContain(`${path}:`);
    }
    expect(joined).not.toContain('settings.pausedSites.1');
    expect(joined).toMatch(/settings\.theme: unknown setting/);
    expect(joined).toMatch(/settings\.showQA: missing/);
  });

  it('never throws on arbitrary files', () => {
    const bodies = [
      'null',
      '1',
      '"x"',
      '[]',
      '{}',
      '{"topicsOff": [1, {"a": []}]}',
      '{"__proto__": {"x": 1}}',
    ];
    for (const version of [0, 1, 2, 3, 4, 1.5, '3', null]) {
      for (const body of bodies) {
        const text = `{"format": "${EXPORT_FORMAT}", "version": ${JSON.stringify(version)}, "settings": ${body}}`;
        const r = parseImport(text);
        expect(r.ok, text).toBe(false);
        if (!r.ok) expect(r.errors.length, text).toBeGreaterThan(0);
      }
    }
  });

  it('rejects what is not a settings file', () => {
    expect(parseImport('not json')).toMatchObject({ ok: false });
    expect(parseImport('[]')).toMatchObject({ ok: false });
    const foreign = parseImport(JSON.stringify({ theme: 'dark' }));
    expect(foreign.ok === false && foreign.errors[0]).toMatch(/not a Briefing Lens settings file/);
    const newer = parseImport(JSON.stringify({ format: EXPORT_FORMAT, version: 99, settings: {} }));
    expect(newer.ok === false && newer.errors[0]).toMatch(/newer Briefing Lens/);
  });

  it('describeChanges says what an import changes', () => {
    const after: Settings = { ...DEFAULT_SETTINGS, topicsOff: ['pakistan'], dwellMs: 600 };
    expect(describeChanges(DEFAULT_SETTINGS, after)).toEqual([
      'Topics turned off: added pakistan',
      'Hover delay: 300 → 600',
    ]);
    expect(describeChanges(after, after)).toEqual([]);
    const names = { topic: (id: string) => (id === 'pakistan' ? 'Pakistan' : undefined) };
    expect(describeChanges(DEFAULT_SETTINGS, { ...after, topicsOff: ['pakistan', 'gone'] }, names)[0]).toBe(
      'Topics turned off: added Pakistan, gone',
    );
  });
});
