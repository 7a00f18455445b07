import { describe, expect, it, vi } from 'vitest';
import { onCommand } from './commands';
import { createMenu, MENU_ID, onMenuClick } from './context-menu';
import { onMessage } from './messenger';

describe('onMessage', () => {
  const setup = () => {
    const show = vi.fn(async () => undefined);
    const openTab = vi.fn(async () => undefined);
    const handle = onMessage({
      runtimeId: 'self',
      badge: { show },
      openTab,
      popupUrl: (query, hash) => `ext://popup.html${query}#${hash}`,
    });
    return { handle, show, openTab };
  };

  it('updates the badge of the sending tab', async () => {
    const { handle, show } = setup();
    await handle({ type: 'page-terms-changed', count: 5, paused: false }, { id: 'self', tab: { id: 8 } });
    expect(show).toHaveBeenCalledWith(8, 5, false);
  });

  it('leaves the badge alone for a document that is not on screen (prerendered, cached)', async () => {
    const { handle, show } = setup();
    const message = { type: 'page-terms-changed', count: 5, paused: false };
    for (const documentLifecycle of ['prerender', 'cached', 'pending_deletion']) {
      expect(handle(message, { id: 'self', tab: { id: 8 }, documentLifecycle })).toBeUndefined();
    }
    expect(show).not.toHaveBeenCalled();
    await handle(message, { id: 'self', tab: { id: 8 }, documentLifecycle: 'active' });
    expect(show).toHaveBeenCalledWith(8, 5, false);
  });

  it('opens the briefing at a hash, remembering the page it came from', async () => {
    const { handle, openTab } = setup();
    await handle({ type: 'open-briefing', hash: '#passage=report-4' }, { id: 'self', tab: { id: 8 } });
    await handle({ type: 'open-briefing', hash: 'term=pakistan' }, { id: 'self' });
    expect(openTab.mock.calls).toEqual([
      ['ext://popup.html?tab=8#passage=report-4'],
      ['ext://popup.html#term=pakistan'],
    ]);
  });

  it('ignores other senders and malformed messages', () => {
    const { handle, show, openTab } = setup();
    expect(
      handle({ type: 'open-briefing', hash: 'x' }, { id: 'another-extension', tab: { id: 1 } }),
    ).toBeUndefined();
    expect(handle({ type: 'open-briefing', hash: 'x' }, {})).toBeUndefined();
    expect(
      handle({ type: 'page-terms-changed', count: '5', paused: false }, { id: 'self', tab: { id: 1 } }),
    ).toBeUndefined();
    expect(handle('open-briefing', { id: 'self' })).toBeUndefined();
    expect(show).not.toHaveBeenCalled();
    expect(openTab).not.toHaveBeenCalled();
  });
});

describe('onCommand', () => {
  it('sends the matching message to the given or the active tab', async () => {
    const sent: unknown[] = [];
    const route = onCommand({
      activeTabId: async () => 11,
      sendToTab: async (tabId, message) => sent.push([tabId, message]),
    });
    expect(await route('next-term', { id: 2 })).toBe(true);
    expect(await route('previous-term')).toBe(true);
    expect(await route('toggle-site')).toBe(true);
    expect(await route('unknown-command')).toBe(false);
    expect(sent).toEqual([
      [2, { type: 'next-term' }],
      [11, { type: 'previous-term' }],
      [11, { type: 'toggle-site' }],
    ]);
  });

  it('reports failure quietly where no content script runs', async () => {
    const route = onCommand({
      activeTabId: async () => 11,
      sendToTab: async () => {
        throw new Error('Receiving end does not exist');
      },
    });
    expect(await route('next-term')).toBe(false);
  });
});

describe('context menu', () => {
  it('recreates its one selection item on install', async () => {
    const calls: string[] = [];
    await createMenu({
      removeAll: async () => {
        calls.push('removeAll');
      },
      create: (props) => calls.push(`${props.id}:${props.title}:${props.contexts.join()}`),
    });
    expect(calls).toEqual(['removeAll', `${MENU_ID}:Explain “%s”:selection`]);
  });

  it('explains the selection of its own item only', async () => {
    const explain = vi.fn(async () => ({ shown: 'card' as const, lookup: { text: 'x', suggestions: [] } }));
    const click = onMenuClick(explain);
    await click({ menuItemId: MENU_ID, selectionText: 'Pakistan', frameId: 0 }, { id: 4 });
    await click({ menuItemId: 'other', selectionText: 'Pakistan' }, { id: 4 });
    expect(explain.mock.calls).toEqual([['Pakistan', 4, 0]]);
  });
});
