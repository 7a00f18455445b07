// The card's host: an open shadow root made by WXT's createShadowRootUi, attached to the page only when a
// card is first shown (until then the page's DOM is untouched), styled only from inside.
import { type ComponentChild, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CARD_CSS } from '../../components/card/card-styles';
import { UI_HOST_TAG } from '../page/types';
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

export async function createCardHost(ctx: ContentScriptContext): Promise<CardHost> {
  let mounted = false;
  const ui = await createShadowRootUi(ctx, {
    name: UI_HOST_TAG,
    position: 'inline',
    // On <html>, not <body>: a transformed or hidden body would otherwise move or hide the card.
    anchor: () => document.documentElement,
    append: 'last',
    css: CARD_CSS,
    // Keys typed in the card (Space, Enter, letters) must not reach the page's own shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount: () => undefined,
    onRemove: () => {
      render(null, ui.uiContainer);
      mounted = false;
    },
  });
  return {
    render(view) {
      if (view === null && !mounted) return;
      if (view === null) {
        render(null, ui.uiContainer);
        // No card: back under <html> as a plain element, out of the page's dialog or fullscreen element.
        if (ui.shadowHost.isConnected) raise(ui.shadowHost, ROOT_LAYER());
        return;
      }
      // Some pages rebuild <html>'s children and drop the host with them: put it back.
      if (mounted && !ui.shadowHost.isConnected) document.documentElement.append(ui.shadowHost);
      if (!mounted) {
        ui.mount();
        mounted = true;
      }
      render(view, ui.uiContainer);
    },
    get host() {
      return mounted ? ui.shadowHost : undefined;
    },
    get shadow() {
      return mounted ? ui.shadow : undefined;
    },
    dialog: () => (mounted ? ui.shadow.querySelector<HTMLElement>('[role="dialog"]') : null),
    lift(layer) {
      if (mounted) raise(ui.shadowHost, layer);
    },
    remove() {
      if (mounted) ui.remove();
    },
  };
}
