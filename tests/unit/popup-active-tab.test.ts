import { beforeEach, describe, expect, it, vi } from 'vitest';

// The popup's tab resolution against a scripted `browser.tabs` (what each browser context reports).
const tabs = {
  getCurrent: vi.fn(),
  query: vi.fn(),
  sendMessage: vi.fn(),
  update: vi.fn(async () => undefined),
};
const listeners: Array<(message: unknown, sender: unknown) => unknown> = [];
const runtime = {
  id: 'self',
  onMessage: {
    addListener: (l: (message: unknown, sender: unknown) => unknown) => listeners.push(l),
    removeListener: (l: (message: unknown, sender: unknown) => unknown) =>
      listeners.splice(listeners.indexOf(l), 1),
  },
};
vi.mock('wxt/browser', () => ({ browser: { tabs, runtime } }));

const { resolveActivePage, tabFromQuery } = await import('../../entrypoints/popup/active-tab');

beforeEach(() => {
  for (const fn of Object.values(tabs)) fn.mockReset();
  tabs.update.mockResolvedValue(undefined);
});

describe('tabFromQuery', () => {
  it('reads a non-negative integer ?tab=', () => {
    expect(tabFromQuery('?tab=42')).toBe(42);
    expect(tabFromQuery('?tab=-1')).toBeUndefined();
    expect(tabFromQuery('?tab=4.5')).toBeUndefined();
    expect(tabFromQuery('?tab=')).toBeUndefined();
    expect(tabFromQuery('')).toBeUndefined();
  });
});

describe('resolveActivePage', () => {
  it('in the toolbar popup, uses the active tab of the current window', async () => {
    tabs.getCurrent.mockResolvedValue(undefined);
    tabs.query.mockResolvedValue([{ id: 7 }]);
    const page = await resolveActivePage('');
    expect(page).toMatchObject({ inPopup: true, tabId: 7 });
    expect(tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('as a full tab, uses the most recently used other tab', async () => {
    tabs.getCurrent.mockResolvedValue({ id: 3 });
    tabs.query.mockResolvedValue([
      { id: 1, lastAccessed: 100 },
      { id: 3, lastAccessed: 300 },
      { id: 2, lastAccessed: 200 },
    ]);
    expect(await resolveActivePage('')).toMatchObject({ inPopup: false, tabId: 2 });
  });

  it('?tab= wins over both', async () => {
    tabs.getCurrent.mockResolvedValue({ id: 3 });
    expect((await resolveActivePage('?tab=9')).tabId).toBe(9);
    expect(tabs.query).not.toHaveBeenCalled();
  });

  it('turns a rejected or empty answer into "unavailable", and a real one into "ready"', async () => {
    tabs.getCurrent.mockResolvedValue(undefined);
    const page = await resolveActivePage('?tab=5');
    tabs.sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    expect(await page.load()).toEqual({ status: 'unavailable' });
    tabs.sendMessage.mockResolvedValueOnce(undefined);
    expect(await page.load()).toEqual({ status: 'unavailable' });
    const response = { ready: true, terms: [], host: 'a.example' };
    tabs.sendMessage.mockResolvedValueOnce(response);
    expect(await page.load()).toEqual({ status: 'ready', response });
    expect(tabs.sendMessage).toHaveBeenLastCalledWith(5, { type: 'get-page-terms' });
  });

  it('a failing tab query leaves the popup usable, with no page', async () => {
    tabs.getCurrent.mockResolvedValue(undefined);
    tabs.query.mockRejectedValue(new Error('boom'));
    const page = await resolveActivePage('');
    expect(page.tabId).toBeUndefined();
    expect(await page.load()).toEqual({ status: 'no-page' });
  });

  it('with no other tab there is no page', async () => {
    tabs.getCurrent.mockResolvedValue({ id: 3 });
    tabs.query.mockResolvedValue([{ id: 3 }]);
    expect(await (await resolveActivePage('')).load()).toEqual({ status: 'no-page' });
  });

  it('focusing a term from a full tab brings the page’s tab forward', async () => {
    tabs.getCurrent.mockResolvedValue({ id: 3 });
    tabs.sendMessage.mockResolvedValue({ opened: true });
    const page = await resolveActivePage('?tab=5');
    await page.focus('pakistan');
    expect(tabs.sendMessage).toHaveBeenCalledWith(5, { type: 'focus-term', id: 'pakistan' });
    expect(tabs.update).toHaveBeenCalledWith(5, { active: true });
  });
});

describe('watch', () => {
  it('reacts to the bound tab’s reports only, from this extension only', async () => {
    tabs.getCurrent.mockResolvedValue(undefined);
    const page = await resolveActivePage('?tab=5');
    const onChange = vi.fn();
    const unwatch = page.watch(onChange);
    const report = { type: 'page-terms-changed', count: 3, paused: false };
    for (const l of listeners) {
      l(report, { id: 'self', tab: { id: 6 } });
      l(report, { id: 'other', tab: { id: 5 } });
      l({ type: 'open-briefing', hash: '' }, { id: 'self', tab: { id: 5 } });
    }
    expect(onChange).not.toHaveBeenCalled();
    for (const l of listeners) l(report, { id: 'self', tab: { id: 5 } });
    expect(onChange).toHaveBeenCalledTimes(1);
    unwatch();
    expect(listeners).toHaveLength(0);
  });
});
