// Pausing and resuming the tab's site through the settings store, so the content script, card and
// options page agree. The rules (exceptions inside a paused wildcard) are in lib/site-patterns.ts.

import type { PopupServices } from '../../components/popup/App';
import { getSettings, updateSettings, watchSettings } from '../../lib/settings';
import { pauseHost, resumeHostOnly, resumeWildcard, sitePauseStatus } from '../../lib/site-patterns';

export const sitePause: PopupServices['site'] = {
  async status(host) {
    return sitePauseStatus(host, await getSettings());
  },
  pause(host) {
    // Decided on the stored settings at write time, so changes made elsewhere meanwhile are kept.
    return updateSettings((s) => pauseHost(host, s));
  },
  resume(host, scope) {
    return updateSettings((s) => (scope === 'site' ? resumeHostOnly(host, s) : resumeWildcard(host, s)));
  },
  watch(onChange) {
    return watchSettings(() => onChange());
  },
};
