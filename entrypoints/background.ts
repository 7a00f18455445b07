import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { glossary } from '../glossary';
import { createBadge } from '../lib/background/badge';
import { onCommand } from '../lib/background/commands';
import { createMenu, onMenuClick } from '../lib/background/context-menu';
import { createSelectionLookup } from '../lib/background/explain';
import { createExplainer, type ExplainSelection } from '../lib/background/explain-selection';
import { onMessage } from '../lib/background/messenger';

declare global {
  // The menu-click path, reachable from the extension's own service worker only (browser tests drive it
  // there, since a native context menu cannot be clicked by automation). Pages cannot see it.
  var briefingLens: { explainSelection: ExplainSelection } | undefined;
}

export default defineBackground(() => {
  const popupPage = browser.runtime.getURL('/popup.html');
  const openTab = (url: string) => browser.tabs.create({ url });
  const badge = createBadge(browser.action);

  const explainSelection = createExplainer({
    lookup: createSelectionLookup(glossary),
    sendToTab: (tabId, message, frameId) =>
      browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }),
    openTab,
    popupUrl: (hash) => `${popupPage}#${hash}`,
  });
  globalThis.briefingLens = { explainSelection };

  browser.runtime.onInstalled.addListener(() => void createMenu(browser.contextMenus));
  browser.contextMenus.onClicked.addListener(onMenuClick(explainSelection));

  browser.commands.onCommand.addListener(
    onCommand({
      activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
      sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    }),
  );

  browser.runtime.onMessage.addListener(
    onMessage({
      runtimeId: browser.runtime.id,
      badge,
      openTab,
      popupUrl: (query, hash) => `${popupPage}${query}#${hash}`,
    }),
  );

  // A new document starts with no terms: clear the count until its content script reports again.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void badge.clear(tabId);
  });
});
