// Which tab the popup is about, and talking to its content script.
//
// In the toolbar popup that is the active tab of the current window. Opened as a full tab
// (`popup.html`, e.g. from the card's "full briefing" link), the active tab is the popup itself, so it
// takes the tab the reader was on just before (the most recently accessed other tab in this window).
// `?tab=<id>` names the tab outright: the popup's own "open in a tab" and the browser tests use it.
// None of this needs the `tabs` permission: ids, `active` and `lastAccessed` are not sensitive fields.
import { browser } from 'wxt/browser';
import type { PageState } from '../../components/popup/OnThisPage';
import type { PageTermsResponse, ToBackground, ToContent } from '../../lib/messages';

export interface ActivePage {
  /** True in the toolbar popup (which closes itself once the reader is sent to the page). */
  inPopup: boolean;
  tabId: number | undefined;
  load(): Promise<PageState>;
  focus(termId: string): Promise<void>;
  /** Calls back when the tab's content script reports a change in what it shows; returns unwatch. */
  watch(onChange: () => void): () => void;
}

export async function resolveActivePage(search = location.search): Promise<ActivePage> {
  const current = await browser.tabs.getCurrent().catch(() => undefined);
  const inPopup = current === undefined;
  // Without a tab the popup still offers the briefing and search, so a failed query is not fatal.
  const tabId = tabFromQuery(search) ?? (await findTab(current?.id).catch(() => undefined));

  const send = (message: ToContent) => {
    if (tabId === undefined) return Promise.reject(new Error('no tab'));
    return browser.tabs.sendMessage(tabId, message);
  };

  return {
    inPopup,
    tabId,
    async load() {
      if (tabId === undefined) return { status: 'no-page' };
      try {
        const response = (await send({ type: 'get-page-terms' })) as PageTermsResponse | undefined;
        // No content script answered (a page loaded before the extension, or one it may not access).
        if (!response || !Array.isArray(response.terms)) return { status: 'unavailable' };
        return { status: 'ready', response };
      } catch {
        return { status: 'unavailable' };
      }
    },
    watch(onChange) {
      // The content script's report to the background reaches every extension page, this one too.
      const listener = (message: unknown, sender: { id?: string; tab?: { id?: number } }) => {
        const type = (message as ToBackground | undefined)?.type;
        if (sender.id === browser.runtime.id && sender.tab?.id === tabId && type === 'page-terms-changed') {
          onChange();
        }
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
    async focus(termId) {
      if (tabId === undefined) return;
      await send({ type: 'focus-term', id: termId }).catch(() => undefined);
      if (inPopup) {
        // The card opens in the page; the popup would cover it.
        window.close();
      } else {
        await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
      }
    },
  };
}

export function tabFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab') ?? '';
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

async function findTab(selfId: number | undefined): Promise<number | undefined> {
  if (selfId === undefined) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  }
  const tabs = await browser.tabs.query({ currentWindow: true });
  const others = tabs.filter((t) => t.id !== undefined && t.id !== selfId);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id;
}
