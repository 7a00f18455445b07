import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { PageTermsResponse, ToContent } from '../../lib/messages';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    const onMessage = (message: unknown, sender: { id?: string }): Promise<PageTermsResponse> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const msg = message as ToContent;
      if (msg?.type === 'get-page-terms') return Promise.resolve({ ready: true, terms: [] });
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
