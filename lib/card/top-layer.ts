// The page's top layer: a modal <dialog> or a fullscreen element covers everything else and (in Chromium)
// makes it inert, whatever its z-index. So the card lives inside the topmost such element while one is
// active and is shown as a manual popover there, which puts it above that element in the top layer.
// A term outside it (behind the modal, or off the fullscreen element) gets no card at all. A term in the
// page's own open popover (a menu, a tooltip, a disclosure panel: top layer too, though it blocks
// nothing) gets its card the same way, inside that popover and above it.

/** A modal dialog or the fullscreen element: what blocks the rest of the page. */
function isBlocker(el: Element): boolean {
  if (el === document.fullscreenElement) return true;
  return el instanceof HTMLDialogElement && el.open && isModal(el);
}

function isModal(dialog: HTMLDialogElement): boolean {
  try {
    return dialog.matches(':modal');
  } catch {
    // No :modal support: such a browser has no top layer to rise above either.
    return false;
  }
}

/** The page's open popover (`popover` attribute, shown): top-layer content that blocks nothing. */
function isOpenPopover(el: Element): boolean {
  if (!el.hasAttribute('popover')) return false;
  try {
    return el.matches(':popover-open');
  } catch {
    return false;
  }
}

/** The parent across shadow roots (a node in a shadow tree is inside its host). */
function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  return parent instanceof ShadowRoot ? parent.host : parent;
}

// Live and kept current by the browser: looking at it costs nothing while the page has no dialog.
let dialogs: HTMLCollectionOf<HTMLDialogElement> | undefined;
/** Shadow roots a modal dialog may be in: those the page scan entered, open or closed (see `setShadowRoots`). */
let shadowRoots: () => Iterable<ShadowRoot> = () => [];

/** Where to look for dialogs besides the document: components often render their modals in a shadow root. */
export function setShadowRoots(source: () => Iterable<ShadowRoot>): void {
  shadowRoots = source;
}

/** The open modal dialogs: the document's, then those in the known shadow roots. */
function* modalDialogs(): Generator<HTMLDialogElement> {
  dialogs ??= document.getElementsByTagName('dialog');
  for (const d of dialogs) if (d.open && isModal(d)) yield d;
  for (const root of shadowRoots()) {
    for (const d of root.querySelectorAll('dialog')) if (d.open && isModal(d)) yield d;
  }
}

/** Whether the page shows a modal dialog (in a known shadow root too) or a fullscreen element. */
export function pageIsBlocked(): boolean {
  if (document.fullscreenElement) return true;
  return !modalDialogs().next().done;
}

/** The topmost blocker: the innermost of nested ones, else the last found. */
function topBlocker(): Element | undefined {
  let top: Element | undefined = document.fullscreenElement ?? undefined;
  for (const d of modalDialogs()) if (!top || !d.contains(top)) top = d;
  return top;
}

export interface Layer {
  /** Where the card's host goes: the page's root element, or the blocker or open popover the term is in. */
  container: Element;
  /** Whether the container is top-layer content the card must be shown above (as a popover). */
  topLayer: boolean;
  /** The term is inert (the `inert` attribute, or behind a modal) or off the fullscreen element. */
  blocked: boolean;
}

/** Where a card for a term at `node` goes; `node` being the root element means "no term, the viewport". */
export function layerFor(node: Node): Layer {
  const root = document.documentElement;
  if (node === root) {
    const top = topBlocker();
    return { container: top ?? root, topLayer: top !== undefined, blocked: false };
  }
  let inert = false;
  let blocker: Element | undefined;
  // The innermost open popover around the term, unless a blocker is inside it (then the blocker is on top).
  let popover: Element | undefined;
  for (let n: Node | null = node; n && n !== root; n = composedParent(n)) {
    if (!(n instanceof Element)) continue;
    if (n.hasAttribute('inert')) inert = true;
    if (blocker) continue;
    if (isBlocker(n)) blocker = n;
    else popover ??= isOpenPopover(n) ? n : undefined;
  }
  if (blocker) return { container: popover ?? blocker, topLayer: true, blocked: inert };
  if (popover) return { container: popover, topLayer: true, blocked: inert || pageIsBlocked() };
  return { container: root, topLayer: false, blocked: inert || pageIsBlocked() };
}

/**
 * Puts `host` into `layer`'s container; over top-layer content it is (re)shown as a manual popover so it
 * is the topmost; elsewhere it is a plain element again, so pages without top-layer content see no change.
 */
export function raise(host: HTMLElement, layer: Pick<Layer, 'container' | 'topLayer'>): void {
  const open = () => host.matches(':popover-open');
  const canPopover = typeof host.showPopover === 'function';
  if (host.parentNode !== layer.container) {
    // Moving an open popover would close it anyway; closing first keeps its events in order.
    if (host.hasAttribute('popover') && open()) host.hidePopover();
    layer.container.append(host);
  }
  if (layer.topLayer && canPopover) {
    host.setAttribute('popover', 'manual');
    // Shown again, it goes to the top of the top layer: above a dialog opened since it was shown.
    if (open()) host.hidePopover();
    host.showPopover();
  } else if (host.hasAttribute('popover')) {
    if (open()) host.hidePopover();
    host.removeAttribute('popover');
  }
}
