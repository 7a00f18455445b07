// Messages to the background (lib/messages.ts `ToBackground`). Only this extension's own pages and
// content scripts are heard: anything else (another extension, a web page) is ignored.
import type { ToBackground } from '../messages';
import type { Badge } from './badge';

export interface Sender {
  id?: string;
  tab?: { id?: number };
  /** Chrome: "active", or "prerender" / "cached" / "pending_deletion" for a document not on screen. */
  documentLifecycle?: string;
}

export interface MessengerDeps {
  runtimeId: string;
  badge: Pick<Badge, 'show'>;
  openTab: (url: string) => Promise<unknown>;
  popupUrl: (query: string, hash: string) => string;
}

export function onMessage(deps: MessengerDeps) {
  return (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (sender.id !== deps.runtimeId || !isToBackground(message)) return undefined;
    const tabId = sender.tab?.id;
    switch (message.type) {
      case 'page-terms-changed':
        // A document not on screen (prerendered, say) does not speak for the tab's badge.
        if (tabId === undefined || tabId < 0 || offScreen(sender)) return undefined;
        return deps.badge.show(tabId, message.count, message.paused).then(() => true);
      case 'open-briefing': {
        // From a page's card, the briefing tab remembers which page it came from (`?tab=`), so its
        // "On this page" is about that page.
        const query = tabId !== undefined && tabId >= 0 ? `?tab=${tabId}` : '';
        const hash = message.hash.replace(/^#/, '');
        return deps.openTab(deps.popupUrl(query, hash)).then(() => true);
      }
    }
  };
}

function offScreen(sender: Sender): boolean {
  return sender.documentLifecycle !== undefined && sender.documentLifecycle !== 'active';
}

function isToBackground(m: unknown): m is ToBackground {
  if (typeof m !== 'object' || m === null) return false;
  const msg = m as Record<string, unknown>;
  if (msg.type === 'page-terms-changed')
    return typeof msg.count === 'number' && typeof msg.paused === 'boolean';
  if (msg.type === 'open-briefing') return typeof msg.hash === 'string';
  return false;
}
