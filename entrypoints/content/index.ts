// Content script: wires the page layer (lib/page) to settings, the glossary, the engine and messages.
// The logic lives in lib/; this file only connects it.
import './style.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { engineData, glossary } from '../../glossary/content';
import { startCardUi } from '../../lib/card/start';
import { lazyEngine, loadEngine } from '../../lib/match/engine';
import type { PageTermsResponse, ScanStats, ToBackground, ToContent } from '../../lib/messages';
import { createPageLens } from '../../lib/page/lens';
import { getSettings, isSitePaused, isTermShown, watchSettings } from '../../lib/settings';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    const lens = createPageLens({
      doc: document,
      win: window,
      signal: ctx.signal,
      glossary,
      engine: lazyEngine(() => loadEngine(engineData)),
      settings: { get: getSettings, watch: watchSettings, isSitePaused, isTermShown },
      onTermsChanged(count, paused) {
        const message: ToBackground = { type: 'page-terms-changed', count, paused };
        // No receiver (background restarting) is not an error worth reporting.
        browser.runtime.sendMessage(message).catch(() => undefined);
      },
    });

    const onMessage = (
      message: unknown,
      sender: { id?: string },
    ): Promise<PageTermsResponse | ScanStats> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const type = (message as ToContent | undefined)?.type;
      if (type === 'get-page-terms') return Promise.resolve(lens.pageTerms());
      if (type === 'get-scan-stats') return Promise.resolve(lens.scanStats());
      // Other messages are the card's (lib/card/start.ts registers its own listener).
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // ── Card UI (issue 5): one line, `startCardUi(ctx, lens)`; `lens` has index, glossary, setActive. ──
    void startCardUi(ctx, lens);
  },
});
