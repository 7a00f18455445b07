// What the card needs of its content script's context: WXT's ContentScriptContext, or a narrower one that
// ends sooner (entrypoints/content/index.ts starts the page layer and the card again when a page rewrites
// itself with document.open()).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export type CardContext = Pick<ContentScriptContext, 'signal' | 'isInvalid' | 'onInvalidated'>;

/**
 * A context that ends with `parent`, or earlier when `end()` is called: its signal aborts and its
 * invalidation callbacks run. `isInvalid` stays true of the parent's own state too (an orphaned script).
 */
export function childContext(parent: CardContext): { ctx: CardContext; end(): void } {
  const controller = new AbortController();
  const end = () => controller.abort();
  parent.onInvalidated(end);
  const signal = controller.signal;
  return {
    ctx: {
      signal,
      get isInvalid() {
        return signal.aborted || parent.isInvalid;
      },
      onInvalidated(cb: () => void) {
        signal.addEventListener('abort', cb, { once: true });
        return () => signal.removeEventListener('abort', cb);
      },
    },
    end,
  };
}
