// The card's host: a custom element with an open shadow root, attached to the page only when a card is
// first shown (until then the page's DOM is untouched), styled only from inside. Made here rather than with
// WXT's createShadowRootUi: the card needs none of its anchoring and auto-mount machinery, which cost the
// content script about 2.5 KB gzipped (wait-element, many-keys-map, defu and the UI helpers).
import { type ComponentChild, render } from 'preact';
import { CARD_CSS } from '../../components/card/card-styles';
import { UI_HOST_TAG } from '../page/types';
import type { CardContext } from './context';
import { type Layer, raise } from './top-layer';

export interface CardHost {
  /** Renders `view` into the shadow root (mounting the host on first use); null empties it. */
  render(view: ComponentChild | null): void;
  /** The host element in the page, once mounted. */
  readonly host: HTMLElement | undefined;
  readonly shadow: ShadowRoot | undefined;
  /** The rendered dialog element, if a card is showing. */
  dialog(): HTMLElement | null;
  /** Moves the mounted host into `layer` (above the page's modal dialog or fullscreen element). */
  lift(layer: Pick<Layer, 'container' | 'topLayer'>): void;
  remove(): void;
}

const ROOT_LAYER = () => ({ container: document.documentElement, topLayer: false });

export function createCardHost(ctx: CardContext): CardHost {
  const host = document.createElement(UI_HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CARD_CSS;
  const container = document.createElement('div');
  shadow.append(style, container);
  // Keys typed in the card (Space, Enter, letters) must not reach the page's own shortcuts. Listeners on
  // window in the capture phase (the card's own Esc handling) still see them first.
  for (const type of ['keydown', 'keyup', 'keypress'])
    shadow.addEventListener(type, (e) => e.stopPropagation());

  let mounted = false;
  const remove = () => {
    if (!mounted) return;
    render(null, container);
    host.remove();
    mounted = false;
  };
  ctx.onInvalidated(remove);

  return {
    render(view) {
      if (!mounted) {
        if (view === null) return;
        // On <html>, not <body>: a transformed or hidden body would otherwise move or hide the card.
        document.documentElement.append(host);
        mounted = true;
      }
      if (view === null) {
        render(null, container);
        // No card: back under <html> as a plain element, out of the page's dialog or fullscreen element.
        if (host.isConnected) raise(host, ROOT_LAYER());
        return;
      }
      // Some pages rebuild <html>'s children and drop the host with them: put it back.
      if (!host.isConnected) document.documentElement.append(host);
      render(view, container);
    },
    get host() {
      return mounted ? host : undefined;
    },
    get shadow() {
      return mounted ? shadow : undefined;
    },
    dialog: () => (mounted ? shadow.querySelector<HTMLElement>('[role="dialog"]') : null),
    lift(layer) {
      if (mounted) raise(host, layer);
    },
    remove,
  };
}
