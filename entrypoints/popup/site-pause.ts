// "Pause on this site" through the settings store, so the content script, card and options page agree.

import type { PopupServices } from '../../components/popup/App';
import { getSettings, isSitePaused, updateSettings, watchSettings } from '../../lib/settings';
import { hostMatchesPattern, validateSitePattern } from '../../lib/site-patterns';

export const sitePause: PopupServices['site'] = {
  async isPaused(host) {
    return isSitePaused(host, await getSettings());
  },
  setPaused(host, paused) {
    return updateSettings((s) => {
      if (!paused) {
        // Resuming removes every pattern that covers the host, wildcards included: otherwise the
        // switch would flip back on at once.
        return { pausedSites: s.pausedSites.filter((p) => !hostMatchesPattern(host, p)) };
      }
      const pattern = validateSitePattern(host);
      if (!pattern.ok || s.pausedSites.includes(pattern.pattern)) return {};
      return { pausedSites: [...s.pausedSites, pattern.pattern] };
    });
  },
  watch(onChange) {
    return watchSettings(() => onChange());
  },
};
