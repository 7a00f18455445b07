// @vitest-environment happy-dom
// The container against WXT's fake browser: what the reader does ends up in storage, and storage
// changes from elsewhere show up on the page.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import type { TermSummary, TopicSummary } from '../../components/options/types';
import { getSettings, SETTINGS_VERSION } from '../../lib/settings';
import { DEFAULT_SETTINGS } from '../../lib/settings-types';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/settings');
const TOPICS: TopicSummary[] = [
  { id: 'accords', name: 'Abraham Accords', description: 'Deals with Israel.', defaultOn: true },
  { id: 'pakistan', name: 'Pakistan', description: 'Islamabad.', defaultOn: true },
];
const TERMS: TermSummary[] = [
  { id: 'leverage', label: 'Leverage', topic: 'accords', aliases: [] },
  { id: 'coercion', label: 'Coercion', topic: 'accords', aliases: [] },
];

let root: HTMLElement;
beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const mount = async () => {
  await act(() => {
    render(<OptionsApp topics={TOPICS} terms={TERMS} />, root);
  });
  await vi.waitFor(() => expect(root.querySelector('#topic-accords')).not.toBeNull());
};
const status = () => root.querySelector('[role="status"]')?.textContent ?? '';
const importText = async (text: string, name = 'file.json') => {
  const input = root.querySelector('#import-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await vi.waitFor(() => expect(root.querySelector('.report')).not.toBeNull());
};

describe('OptionsApp', () => {
  it('shows stored settings and saves a topic toggle', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, topicsOff: ['pakistan'] },
      settings$: { v: SETTINGS_VERSION },
    });
    await mount();
    const pakistan = root.querySelector('#topic-pakistan') as HTMLInputElement;
    expect(pakistan.checked).toBe(false);
    await act(() => (root.querySelector('#topic-accords') as HTMLInputElement).click());
    await vi.waitFor(() => expect(status()).toBe('Saved.'));
    expect((await getSettings()).topicsOff.sort()).toEqual(['accords', 'pakistan']);
  });

  it('follows changes made elsewhere (another tab, the popup)', async () => {
    await mount();
    expect((root.querySelector('#term-leverage') as HTMLInputElement).checked).toBe(true);
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, hiddenTerms: ['leverage'] } });
    await vi.waitFor(() =>
      expect((root.querySelector('#term-leverage') as HTMLInputElement).checked).toBe(false),
    );
  });

  it('an invalid import changes nothing and lists the problems', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, dwellMs: 700 },
      settings$: { v: SETTINGS_VERSION },
    });
    await mount();
    await importText(readFileSync(resolve(FIXTURES, 'invalid-export.json'), 'utf8'), 'invalid-export.json');
    const alert = root.querySelector('.error-report');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain('Nothing was changed');
    expect(alert?.querySelectorAll('li').length).toBeGreaterThanOrEqual(7);
    expect(status()).toContain('Import failed');
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, dwellMs: 700 });
  });

  it('a valid import (old version) is applied and the page says what changed', async () => {
    await mount();
    await importText(readFileSync(resolve(FIXTURES, 'export-v1.json'), 'utf8'));
    const report = root.querySelector('.ok-report')?.textContent ?? '';
    expect(report).toContain('Hover delay: 300 → 200');
    expect(report).toContain('Paused sites: added intranet.example.net');
    expect((await getSettings()).dwellMs).toBe(200);
  });

  it('a write the browser refuses is reported and the page shows what is really stored', async () => {
    await mount();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await act(() => (root.querySelector('#topic-pakistan') as HTMLInputElement).click());
    await vi.waitFor(() => expect(status()).toMatch(/Not saved/));
    await vi.waitFor(() =>
      expect((root.querySelector('#topic-pakistan') as HTMLInputElement).checked).toBe(true),
    );
  });

  it('reset to defaults after confirming', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...DEFAULT_SETTINGS, pausedSites: ['example.com'], showQA: false },
      settings$: { v: SETTINGS_VERSION },
    });
    await mount();
    const button = (text: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
    await act(() => button('Reset to defaults…').click());
    await act(async () => button('Reset').click());
    await vi.waitFor(() => expect(status()).toContain('back to their defaults'));
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(root.textContent).toContain('No paused sites.');
  });
});
