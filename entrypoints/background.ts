import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { glossary } from '../glossary';
import { createBadge } from '../lib/background/badge';
import { onCommand } from '../lib/background/commands';
import { createMenu, onMenuClick } from '../lib/background/context-menu';
import { createSelectionLookup } from '../lib/background/explain';
import { createExplainer, type ExplainSelection } from '../lib/background/explain-selection';
import { onMessage } from '../lib/background/messenger';
import type { PageTermsResponse, ToContent } from '../lib/messages';

declare global {
  // The menu-click and keyboard-command paths, reachable from the extension's own service worker only:
  // browser tests drive them there, since automation can click neither a native context menu nor a
  // browser shortcut. Pages and content scripts cannot see this global.
  var briefingLens:
    | {
        explainSelection: ExplainSelection;
        runCommand: (command: string, tab?: { id?: number }) => Promise<boolean>;
      }
    | undefined;
}

export default defineBackground(() => {
  const popupPage = browser.runtime.getURL('/popup.html');
  const openTab = (url: string) => browser.tabs.create({ url });
  // Firefox builds are MV2 (WXT's default there), where the toolbar button is `browserAction`.
  const badge = createBadge(browser.action ?? browser.browserAction);

  const explainSelection = createExplainer({
    lookup: createSelectionLookup(glossary),
    sendToTab: (tabId, message, frameId) =>
      browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }),
    openTab,
    popupUrl: (hash) => `${popupPage}#${hash}`,
  });

  browser.runtime.onInstalled.addListener(() => void createMenu(browser.contextMenus));
  browser.contextMenus.onClicked.addListener(onMenuClick(explainSelection));

  const runCommand = onCommand({
    activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  });
  browser.commands.onCommand.addListener(runCommand);
  globalThis.briefingLens = { explainSelection, runCommand };

  browser.runtime.onMessage.addListener(
    onMessage({
      runtimeId: browser.runtime.id,
      badge,
      openTab,
      popupUrl: (query, hash) => `${popupPage}${query}#${hash}`,
    }),
  );

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    const ask: ToContent = { type: 'get-page-terms' };
    void badge.reload(
      tabId,
      () => browser.tabs.sendMessage(tabId, ask) as Promise<PageTermsResponse | undefined>,
    );
  });
});
