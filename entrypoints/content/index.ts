// Content script: wires the page layer (lib/page) to settings, the glossary, the engine and messages.
// The logic lives in lib/; this file only connects it.
import './style.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { engineData, glossary } from '../../glossary/content';
import { childContext } from '../../lib/card/context';
import { startCardUi } from '../../lib/card/start';
import { detach } from '../../lib/detach';
import { lazyEngine, loadEngine } from '../../lib/match/engine';
import type { PageTermsResponse, ScanStats, ToBackground, ToContent } from '../../lib/messages';
import { isHtmlDocument } from '../../lib/page/document-kind';
import { createPageLens, type PageLens } from '../../lib/page/lens';
import { getSettings, isSitePaused, isTermShown, watchSettings } from '../../lib/settings';

/** How often an orphaned script notices (see `main`): a timer that does nothing else, throttled in hidden tabs. */
const ORPHAN_CHECK_MS = 2000;

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    // An SVG image or an XML feed opened in a tab: nothing to read, and no HTML element to host the card.
    // With no script answering, the popup says it cannot read this kind of page.
    if (!isHtmlDocument(document)) return;
    // One page layer and card per document. A page that rewrites itself after load with document.open()
    // keeps its Document, but the browser removes every event listener of the document and window, ours
    // too: the scan would go on (mutation observers stay) while no hover opened a card. So when the root
    // element is replaced, both are started again.
    let lens: PageLens;
    const startLayer = () => {
      const layer = childContext(ctx);
      lens = createPageLens({
        doc: document,
        win: window,
        signal: layer.ctx.signal,
        glossary,
        engine: lazyEngine(() => loadEngine(engineData)),
        settings: { get: getSettings, watch: watchSettings, isSitePaused, isTermShown },
        onTermsChanged(count, paused) {
          // Orphaned (see below), the runtime throws rather than rejects.
          if (ctx.isInvalid) return;
          const message: ToBackground = { type: 'page-terms-changed', count, paused };
          // No receiver (background restarting) is not an error worth reporting.
          browser.runtime.sendMessage(message).catch(() => undefined);
        },
      });
      void startCardUi(layer.ctx, lens);
      const root = document.documentElement;
      const reopened = new MutationObserver(() => {
        // Between document.open() and the first write there is no root yet: wait for the new one.
        if (document.documentElement === root || !document.documentElement) return;
        reopened.disconnect();
        layer.end();
        startLayer();
      });
      reopened.observe(document, { childList: true });
      layer.ctx.onInvalidated(() => reopened.disconnect());
    };
    startLayer();

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
    ctx.onInvalidated(() => detach(() => browser.runtime.onMessage.removeListener(onMessage)));

    // Updating, reloading or disabling the extension orphans this script: the browser says so only when
    // asked (WXT's `ctx.isValid` reads `runtime.id`), and until then its marks and card stay on the page,
    // dead. WXT's interval asks every few seconds; invalidation aborts `ctx.signal`, which clears both.
    ctx.setInterval(() => undefined, ORPHAN_CHECK_MS);
  },
});
