// The hover card's wiring in the content script: pointer hit-testing → hover intent → one card at a
// time in a shadow root, placed by our own placement module; keyboard commands, touch, "explain selection".
// Everything registered here is released when WXT's ctx is invalidated.
import { h } from 'preact';
import { browser } from 'wxt/browser';
import { NoMatchCard } from '../../components/card/NoMatchCard';
import { TermCard } from '../../components/card/TermCard';
import type { CompiledGlossary } from '../../glossary/types';
import { detach } from '../detach';
import type { ToBackground, ToContent } from '../messages';
import { hitTest } from '../page/hit-test';
import { createHoverIntent } from '../page/hover-intent';
import type { PageIndex, ShownMention } from '../page/types';
import { getSettings, isSitePaused, isTermShown, updateSettings, watchSettings } from '../settings';
import { DEFAULT_SETTINGS, type Settings } from '../settings-types';
import { pauseHost, resumeHostOnly } from '../site-patterns';
import type { CardContext } from './context';
import { type CardHost, createCardHost } from './mount';
import { type Direction, stepMention } from './navigation';
import { type Anchor, placeCard } from './placement';
import { deepActiveElement, isEditable, watchPointer } from './pointer-input';
import { layerFor, pageIsBlocked, setShadowRoots } from './top-layer';

/** Performance marks for the benchmark: dwell timer fired → card placed and about to paint. */
export const DWELL_MARK = 'briefing-lens:dwell';
export const PAINT_MARK = 'briefing-lens:card-painted';
/** The card rendered and placed (its DOM final); from here to PAINT_MARK is the wait for the next frame. */
export const PLACED_MARK = 'briefing-lens:card-placed';
export const LATENCY_MEASURE = 'briefing-lens:hover-latency';

export interface CardDeps {
  index: PageIndex;
  glossary: CompiledGlossary;
  /** Draws the open card's mention with the "active" highlight (undefined clears it). */
  setActive?(range: Range | undefined): void;
  /** Open shadow roots the page scan entered: a modal dialog there blocks the page like one in the document. */
  shadowRoots?(): ShadowRoot[];
}

/** What the runtime message handler answers to navigation and explain requests. */
export interface CardResponse {
  opened: boolean;
  term?: string;
}

type View =
  | { kind: 'term'; termId: string; anchor: Anchor; mentionId?: number; point?: { x: number; y: number } }
  | { kind: 'no-match'; text: string; suggestions: string[]; anchor: Anchor };

/** Scrolls a range into view, nested scroll containers included, near the top third of the viewport. */
function scrollToRange(range: Range) {
  const node = range.startContainer;
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const r = range.getBoundingClientRect();
  if (r.top < 0 || r.bottom > innerHeight) {
    window.scrollBy({ top: r.top - innerHeight / 3, behavior: smooth ? 'smooth' : 'auto' });
  }
}

/** An anchor for a card with nothing on the page to point at: top centre of the viewport. */
function viewportAnchor(): Anchor {
  const rect = () => new DOMRect(Math.max(8, innerWidth / 2 - 180), 16, 0, 0);
  return {
    startContainer: document.documentElement,
    getBoundingClientRect: rect,
    getClientRects: () => [rect()],
  };
}

export async function startCardUi(ctx: CardContext, deps: CardDeps): Promise<void> {
  const { index, glossary } = deps;
  const signal = ctx.signal;
  let settings: Settings = DEFAULT_SETTINGS;
  const card: CardHost = createCardHost(ctx);
  if (ctx.isInvalid) return;
  if (deps.shadowRoots) setShadowRoots(() => deps.shadowRoots?.() ?? []);

  let view: View | undefined;
  let placed: { el: HTMLElement; anchor: Anchor } | undefined;
  let stopPlacement: (() => void) | undefined;
  let returnFocus: HTMLElement | undefined;
  /** The open card was opened by a keyboard command with focus moved into it (not by the pointer). */
  let keyboardCard = false;
  /** Where keyboard navigation continues from when no card is open. */
  let lastNav: Range | undefined;
  let measuring = false;
  /** Mentions met by hit-testing, by id, so opening one needs no search through the whole index. */
  const known = new Map<number, ShownMention>();
  /** Cards not tied to a mention (explain selection) get negative keys in the hover intent. */
  let nextSyntheticKey = -1;
  const synthetic = new Map<number, View>();

  const terms = new Map(glossary.terms.map((t) => [t.id, t]));
  const termById = (id: string) => terms.get(id);
  const mentionById = (id: number) => known.get(id) ?? index.list().find((m) => m.id === id);
  const focusInCard = () => card.host !== undefined && document.activeElement === card.host;

  const intent = createHoverIntent<number>({
    dwellMs: settings.dwellMs,
    onShow(key, reason) {
      if (ctx.isInvalid) return;
      if (reason === 'hover') performance.mark(DWELL_MARK);
      const next = key < 0 ? synthetic.get(key) : viewOfMention(key);
      // A term behind a modal dialog (inert) or off the fullscreen element gets no card.
      if (!next || (key >= 0 && layerFor(next.anchor.startContainer).blocked)) {
        intent.close();
        return;
      }
      measuring = reason === 'hover';
      openView(next);
    },
    onHide: closeView,
  });

  function viewOfMention(id: number): View | undefined {
    const m = mentionById(id);
    if (!m || !termById(m.term)) return undefined;
    return { kind: 'term', termId: m.term, anchor: m.range, mentionId: m.id, point: pointer.point };
  }

  function openView(next: View) {
    const wasOpen = view !== undefined;
    view = next;
    keyboardCard = false;
    deps.setActive?.(
      next.kind === 'term' && next.mentionId !== undefined ? (next.anchor as Range) : undefined,
    );
    paint();
    // Shown again on each opening, so it is above top-layer content the page opened meanwhile.
    card.lift(layerFor(next.anchor.startContainer));
    if (!wasOpen) window.addEventListener('keydown', onKeyDown, { capture: true, signal });
  }

  function closeView() {
    const hadFocus = focusInCard();
    stopPlacement?.();
    stopPlacement = undefined;
    placed = undefined;
    view = undefined;
    keyboardCard = false;
    measuring = false;
    card.render(null);
    deps.setActive?.(undefined);
    window.removeEventListener('keydown', onKeyDown, { capture: true });
    if (hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = undefined;
  }

  function render() {
    const v = view;
    // An orphaned script (the extension updated, reloaded or disabled) cannot build the card's links:
    // asking tears everything down instead (see `ctx.onInvalidated` below).
    if (!v || ctx.isInvalid) return;
    const common = {
      glossary,
      pinned: intent.state.pinned,
      onTogglePin: () => {
        intent.togglePin();
        render();
      },
      onClose: () => intent.close(),
      onSelectTerm: selectTerm,
    };
    if (v.kind === 'no-match') {
      card.render(h(NoMatchCard, { ...common, text: v.text, suggestions: v.suggestions }));
      return;
    }
    const term = termById(v.termId);
    if (!term) return;
    card.render(
      h(TermCard, {
        ...common,
        key: term.id,
        term,
        showQA: settings.showQA,
        site: location.hostname || undefined,
        briefingHref: (passage: string) => browser.runtime.getURL(`/popup.html#passage=${passage}`),
        onOpenBriefing: (passage: string) => {
          const message: ToBackground = { type: 'open-briefing', hash: `passage=${passage}` };
          void browser.runtime.sendMessage(message).catch(() => undefined);
        },
        onHideTerm: (id: string) => {
          intent.close();
          void updateSettings((s) => ({
            hiddenTerms: s.hiddenTerms.includes(id) ? s.hiddenTerms : [...s.hiddenTerms, id],
          })).catch((err) => console.warn('[briefing-lens] could not hide the term', err));
        },
        onPauseSite: () => {
          intent.close();
          void setSitePaused(true);
        },
      }),
    );
  }

  /** Renders the view and (re)attaches placement when the dialog element or its anchor changed. */
  function paint() {
    render();
    const el = card.dialog();
    if (!el || !view) return;
    if (placed?.el === el && placed.anchor === view.anchor) return;
    stopPlacement?.();
    el.setAttribute('data-unplaced', '');
    placed = { el, anchor: view.anchor };
    const point = view.kind === 'term' ? view.point : undefined;
    stopPlacement = placeCard(view.anchor, el, point, () => {
      el.removeAttribute('data-unplaced');
      if (!measuring) return;
      measuring = false;
      performance.mark(PLACED_MARK);
      requestAnimationFrame(() => {
        performance.mark(PAINT_MARK);
        try {
          performance.measure(LATENCY_MEASURE, DWELL_MARK, PAINT_MARK);
        } catch {
          // The page may have cleared the marks; the bench reads the marks when it can.
        }
      });
    });
  }

  function selectTerm(termId: string) {
    if (!view || !termById(termId)) return;
    const hadFocus = focusInCard();
    view = {
      kind: 'term',
      termId,
      anchor: view.anchor,
      point: view.kind === 'term' ? view.point : undefined,
    };
    if (intent.state.shown !== undefined && intent.state.shown < 0) synthetic.set(intent.state.shown, view);
    paint();
    // The chip that had focus is gone with the old card: keep focus in the dialog.
    if (hadFocus) card.dialog()?.focus({ preventScroll: true });
  }

  /**
   * Esc closes the card when focus is in it, or when the reader is not typing in a page field and the
   * card came from the pointer (or a selection); any other Esc belongs to the page and is left alone.
   */
  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !view || e.isComposing) return;
    if (!focusInCard() && (keyboardCard || isEditable(deepActiveElement()))) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    intent.close();
  }

  // ---- Pointer, touch, selection and typing.
  const pointer = watchPointer({
    signal,
    intent,
    cardHost: () => card.host,
    termAt(x, y) {
      const hit = hitTest(document, index, x, y);
      if (hit) known.set(hit.id, hit);
      return hit;
    },
    hoverEnabled: (alt) => settings.trigger === 'hover' || (settings.trigger === 'alt-hover' && alt),
    onClick(hit) {
      // On a term: open its card pinned (or pin the one open); elsewhere: close the card.
      if (!hit) {
        if (view) intent.click(undefined);
      } else if (intent.state.shown !== hit.id) {
        intent.click(hit.id);
      } else if (!intent.state.pinned) {
        intent.togglePin();
        render();
      }
    },
  });

  // ---- Keyboard navigation: scroll the mention into view, open its card, focus inside.
  function openMention(m: ShownMention, focus: boolean): CardResponse {
    scrollToRange(m.range);
    lastNav = m.range;
    known.set(m.id, m);
    // Where Esc returns focus: the page element focused before the first card of a keyboard run.
    const before = focusInCard() ? undefined : deepActiveElement();
    pointer.forget();
    intent.open(m.id, 'keyboard', true);
    if (!view) return { opened: false };
    if (focus) {
      if (before instanceof HTMLElement) returnFocus = before;
      keyboardCard = true;
      card.dialog()?.focus({ preventScroll: true });
    }
    return { opened: true, term: m.term };
  }

  function navigate(direction: Direction, term?: string): CardResponse {
    const from = view?.kind === 'term' && view.mentionId !== undefined ? (view.anchor as Range) : lastNav;
    // Behind a modal or off the fullscreen element, mentions cannot be reached: skip them.
    const list = pageIsBlocked()
      ? index.list().filter((m) => !layerFor(m.range.startContainer).blocked)
      : index.list();
    let m = stepMention(list, from, direction, term);
    // Mentions in an `inert` subtree are passed over too (a few; the cap keeps a wrap-around finite).
    for (let tries = 0; m && tries < 50 && layerFor(m.range.startContainer).blocked; tries++)
      m = stepMention(list, m.range, direction, term);
    return m ? openMention(m, true) : { opened: false };
  }

  function explainSelection(msg: Extract<ToContent, { type: 'explain-selection' }>): CardResponse {
    const sel = document.getSelection();
    const anchor: Anchor =
      sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0).cloneRange() : viewportAnchor();
    const key = nextSyntheticKey--;
    synthetic.clear();
    const next: View =
      msg.term && termById(msg.term)
        ? { kind: 'term', termId: msg.term, anchor }
        : { kind: 'no-match', text: msg.text, suggestions: msg.suggestions, anchor };
    synthetic.set(key, next);
    intent.open(key, 'keyboard', true);
    return { opened: view !== undefined, term: next.kind === 'term' ? next.termId : undefined };
  }

  /** Pauses (true), resumes (false) or toggles (undefined) marking on this host; resolves to the outcome. */
  async function setSitePaused(want?: boolean): Promise<boolean | undefined> {
    const host = location.hostname;
    if (!host) return undefined;
    let paused: boolean | undefined;
    try {
      // Decided on the stored settings, not this tab's copy, so quick toggles in several tabs agree.
      await updateSettings((s) => {
        paused = want ?? !isSitePaused(host, s);
        // Resuming lifts this site only: a paused `*.example.com` stays paused for its other sites.
        return paused ? pauseHost(host, s) : resumeHostOnly(host, s);
      });
    } catch (err) {
      console.warn('[briefing-lens] could not change the site setting', err);
      return undefined;
    }
    return paused;
  }

  const onMessage = (message: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = message as ToContent;
    switch (msg?.type) {
      case 'next-term':
        return Promise.resolve(navigate(1));
      case 'previous-term':
        return Promise.resolve(navigate(-1));
      case 'focus-term':
        return Promise.resolve(navigate(1, msg.id));
      case 'explain-selection':
        return Promise.resolve(explainSelection(msg));
      case 'toggle-site':
        intent.close();
        return setSitePaused().then((paused) => ({ paused }));
      default:
        return undefined;
    }
  };
  browser.runtime.onMessage.addListener(onMessage);

  // ---- Settings and page changes.
  const applySettings = (s: Settings) => {
    settings = s;
    intent.setDwell(s.dwellMs);
    const v = view;
    if (!v) return;
    // A term hidden, its topic turned off, or the site paused: the card's term is no longer shown.
    const topicId = v.kind === 'term' ? termById(v.termId)?.topic : undefined;
    const topic = glossary.topics.find((t) => t.id === topicId);
    const termGone = v.kind === 'term' && (!topic || !isTermShown(v.termId, topic, s));
    if (termGone || isSitePaused(location.hostname, s)) {
      intent.close();
    } else {
      render();
    }
  };
  void getSettings().then((s) => {
    if (!ctx.isInvalid) applySettings(s);
  });
  const unwatch = watchSettings(applySettings);
  // A modal dialog opened or closed, or fullscreen began or ended, while a card is open: the card rises
  // above it, or closes if its term is now behind it or gone from view with a closed dialog. (The card's
  // own popover toggles are not news.)
  const onTopLayerChange = (e: Event) => {
    if (!view || e.target === card.host) return;
    const layer = layerFor(view.anchor.startContainer);
    if (layer.blocked || view.anchor.getClientRects().length === 0) intent.close();
    else card.lift(layer);
  };
  window.addEventListener('toggle', onTopLayerChange, { capture: true, signal });
  document.addEventListener('fullscreenchange', onTopLayerChange, { signal });
  const offIndex = index.onChange(() => {
    known.clear();
    // A rescan may have removed the text the card points at.
    if (view && !view.anchor.startContainer.isConnected) intent.close();
  });

  ctx.onInvalidated(() => {
    // The page first: removing listeners from the extension's APIs throws in an orphaned script.
    offIndex();
    intent.dispose();
    stopPlacement?.();
    card.remove();
    detach(() => browser.runtime.onMessage.removeListener(onMessage));
    detach(unwatch);
  });
}
