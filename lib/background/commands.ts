// Keyboard commands (declared in the manifest, rebindable by the reader) go to the active tab's
// content script, which moves between terms or pauses the site.
import type { ToContent } from '../messages';

const MESSAGES: Record<string, ToContent> = {
  'next-term': { type: 'next-term' },
  'previous-term': { type: 'previous-term' },
  'toggle-site': { type: 'toggle-site' },
};

export interface CommandDeps {
  activeTabId: () => Promise<number | undefined>;
  sendToTab: (tabId: number, message: ToContent) => Promise<unknown>;
}

export function onCommand(deps: CommandDeps) {
  return async (command: string, tab?: { id?: number }): Promise<boolean> => {
    const message = MESSAGES[command];
    if (!message) return false;
    const tabId = tab?.id ?? (await deps.activeTabId());
    if (tabId === undefined || tabId < 0) return false;
    // Pages the content script cannot run on simply do nothing, as a browser shortcut would.
    return deps.sendToTab(tabId, message).then(
      () => true,
      () => false,
    );
  };
}
