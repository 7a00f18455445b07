// The toolbar badge: how many distinct terms are shown on a tab. Blank when paused or none, so the
// badge only ever draws the eye when there is something to look at.
import type { PageTermsResponse } from '../messages';

export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
}

const COLOR = '#9a3f06';

export function badgeText(count: number, paused: boolean): string {
  if (paused || !Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

export function createBadge(action: BadgeApi) {
  // Chrome throws when the tab closed in the meantime; a badge on a gone tab needs no repair.
  const ignore = () => undefined;
  return {
    show(tabId: number, count: number, paused: boolean) {
      const text = badgeText(count, paused);
      if (text) void action.setBadgeBackgroundColor({ tabId, color: COLOR }).catch(ignore);
      return action.setBadgeText({ tabId, text }).catch(ignore);
    },
    clear(tabId: number) {
      return action.setBadgeText({ tabId, text: '' }).catch(ignore);
    },
    /**
     * A tab started loading. Chrome says so for same-document navigations too (pushState, a hash),
     * where the page and its content script stay and would not report an unchanged count again: so
     * ask the page. An answer from a finished scan sets the badge; no answer (a new document, no
     * script yet) or an unfinished scan clears it until that page reports.
     */
    async reload(tabId: number, ask: () => Promise<PageTermsResponse | undefined>) {
      const answer = await ask().catch(() => undefined);
      if (answer?.ready && Array.isArray(answer.terms)) {
        return this.show(tabId, new Set(answer.terms.map((t) => t.id)).size, answer.paused === true);
      }
      return this.clear(tabId);
    },
  };
}

export type Badge = ReturnType<typeof createBadge>;
