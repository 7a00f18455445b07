// The hover card's wiring in the content script: pointer hit-testing → hover intent → one card at a
// time in a shadow root, placed by Floating UI; keyboard commands, touch, "explain selection".
// Everything registered here is released when WXT's ctx is invalidated.
import { h } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NoMatchCard } from '../../components/card/NoMatchCard';
import { TermCard } from '../../components/card/TermCard';
import type { CompiledGlossary } from '../../glossary/types';
import type { ToBackground, ToContent } from '../messages';
import { hitTest } from '../page/hit-test';
import { createHoverIntent } from '../page/hover-intent';
import type { PageIndex, ShownMention } from '../page/types';
import { getSettings, isSitePaused, updateSettings, watchSettings } from '../settings';
import { DEFAULT_SETTINGS, type Settings } from '../settings-types';
import { hostMatchesPattern } from '../site-patterns';
import { type CardHost, createCardHost } from './mount';
import { type Direction, stepMention } from './navigation';
import { type Anchor, placeCard } from './placement';

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
}

/** What the runtime message handler answers to navigation and explain requests. */
export interface CardResponse {
  opened: boolean;
  term?: string;
}

type View =
  | { kind: 'term'; termId: string; anchor: Anchor; mentionId?: number; point?: { x: number; y: number } }
  | { kind: 'no-match'; text: string; suggestions: string[]; anchor: Anchor };

function deepActiveElement(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

const TEXT_INPUT = /^(text|search|email|url|tel|password|number|date|datetime-local|month|time|week)$/;
function isEditable(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return TEXT_INPUT.test(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

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

export async function startCardUi(ctx: ContentScriptContext, deps: CardDeps): Promise<void> {
  const { index, glossary } = deps;
  const signal = ctx.signal;
  let settings: Settings = DEFAULT_SETTINGS;
  const card: CardHost = await createCardHost(ctx);
  if (ctx.isInvalid) return;

  let view: View | undefined;
  let placed: { el: HTMLElement; anchor: Anchor } | undefined;
  let stopPlacement: (() => void) | undefined;
  let returnFocus: HTMLElement | undefined;
  /** Where keyboard navigation continues from when no card is open. */
  let lastNav: Range | undefined;
  let measuring = false;
  /** Mentions met by hit-testing, by id, so opening one needs no search through the whole index. */
  const known = new Map<number, ShownMention>();
  /** Cards not tied to a mention (explain selection) get negative keys in the hover intent. */
  let nextSyntheticKey = -1;
  const synthetic = new Map<number, View>();

  const termById = (id: string) => glossary.terms.find((t) => t.id === id);
  const mentionById = (id: number) => known.get(id) ?? index.list().find((m) => m.id === id);
  const focusInCard = () => card.host !== undefined && document.activeElement === card.host;

  const intent = createHoverIntent<number>({
    dwellMs: settings.dwellMs,
    onShow(key, reason) {
      if (reason === 'hover') performance.mark(DWELL_MARK);
      const next = key < 0 ? synthetic.get(key) : viewOfMention(key);
      if (!next) {
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
    return { kind: 'term', termId: m.term, anchor: m.range, mentionId: m.id, point: lastPoint };
  }

  function openView(next: View) {
    const wasOpen = view !== undefined;
    view = next;
    deps.setActive?.(
      next.kind === 'term' && next.mentionId !== undefined ? (next.anchor as Range) : undefined,
    );
    paint();
    if (!wasOpen) window.addEventListener('keydown', onKeyDown, { capture: true, signal });
  }

  function closeView() {
    const hadFocus = focusInCard();
    stopPlacement?.();
    stopPlacement = undefined;
    placed = undefined;
    view = undefined;
    measuring = false;
    card.render(null);
    deps.setActive?.(undefined);
    window.removeEventListener('keydown', onKeyDown, { capture: true });
    if (hadFocus && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    returnFocus = undefined;
  }

  function render() {
    const v = view;
    if (!v) return;
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

  function onKeyDown(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !view) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    intent.close();
  }

  // ---- Pointer: hit-test at most once per frame; touch is handled by clicks (taps).
  let lastPoint: { x: number; y: number } | undefined;
  let lastAlt = false;
  let overCard = false;
  let pressInCard = false;
  let frame = 0;

  const wantsHover = () => settings.trigger === 'hover' || (settings.trigger === 'alt-hover' && lastAlt);
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(processPointer);
  };
  function processPointer() {
    frame = 0;
    const p = lastPoint;
    if (!p) return;
    if (overCard || pressInCard) {
      intent.enterCard();
      return;
    }
    const hit = wantsHover() ? hitTest(document, index, p.x, p.y) : undefined;
    if (hit) known.set(hit.id, hit);
    intent.pointer(hit?.id, p.x, p.y);
  }

  window.addEventListener(
    'pointermove',
    (e) => {
      if (e.pointerType === 'touch') return;
      lastPoint = { x: e.clientX, y: e.clientY };
      lastAlt = e.altKey;
      // Seen from window, events from inside the card's shadow tree are retargeted to its host.
      overCard = card.host !== undefined && e.target === card.host;
      schedule();
    },
    { capture: true, passive: true, signal },
  );
  window.addEventListener(
    'pointerout',
    (e) => {
      // The pointer left the window.
      if (e.relatedTarget === null && e.pointerType !== 'touch' && !pressInCard) {
        overCard = false;
        lastPoint = undefined;
        intent.pointer(undefined, e.clientX, e.clientY);
      }
    },
    { capture: true, passive: true, signal },
  );
  // Scrolling moves text under a resting pointer without any pointer event.
  window.addEventListener(
    'scroll',
    () => {
      if (!lastPoint) return;
      overCard = card.host !== undefined && document.elementFromPoint(lastPoint.x, lastPoint.y) === card.host;
      schedule();
    },
    { capture: true, passive: true, signal },
  );

  // ---- No card while the reader selects text or types.
  let buttonDown = false;
  let selecting = false;
  let typing = false;
  const updateSuppression = () => intent.suppress(buttonDown || selecting || typing);
  window.addEventListener(
    'pointerdown',
    (e) => {
      if (card.host !== undefined && e.target === card.host) {
        pressInCard = true;
        return;
      }
      if (e.pointerType !== 'touch' && e.button === 0) {
        buttonDown = true;
        updateSuppression();
      }
    },
    { capture: true, passive: true, signal },
  );
  const release = () => {
    pressInCard = false;
    buttonDown = false;
    updateSuppression();
  };
  window.addEventListener('pointerup', release, { capture: true, passive: true, signal });
  window.addEventListener('pointercancel', release, { capture: true, passive: true, signal });
  document.addEventListener(
    'selectionchange',
    () => {
      // Selecting text inside the card is reading it, not selecting on the page.
      if (pressInCard || intent.state.inCard) return;
      const sel = document.getSelection();
      selecting = sel !== null && !sel.isCollapsed;
      updateSuppression();
    },
    { signal },
  );
  const onFocusChange = () => {
    typing = isEditable(deepActiveElement());
    updateSuppression();
  };
  window.addEventListener('focusin', onFocusChange, { capture: true, signal });
  window.addEventListener('focusout', () => setTimeout(onFocusChange), { capture: true, signal });

  // ---- Click or tap: on a term it opens (pins) that term's card; elsewhere it closes the card.
  window.addEventListener(
    'click',
    (e) => {
      if (card.host !== undefined && e.target === card.host) return;
      if (e.button !== 0) return;
      // The end of a drag-selection also fires click: leave the selection alone.
      const sel = document.getSelection();
      if (sel && !sel.isCollapsed) return;
      const hit = hitTest(document, index, e.clientX, e.clientY);
      if (!hit) {
        if (view) intent.click(undefined);
        return;
      }
      known.set(hit.id, hit);
      lastPoint = { x: e.clientX, y: e.clientY };
      if (intent.state.shown === hit.id) {
        if (!intent.state.pinned) {
          intent.togglePin();
          render();
        }
        return;
      }
      intent.click(hit.id);
    },
    { capture: true, passive: true, signal },
  );

  // ---- Keyboard navigation: scroll the mention into view, open its card, focus inside.
  function openMention(m: ShownMention, focus: boolean): CardResponse {
    scrollToRange(m.range);
    lastNav = m.range;
    known.set(m.id, m);
    // Where Esc returns focus: the page element focused before the first card of a keyboard run.
    const before = focusInCard() ? undefined : deepActiveElement();
    lastPoint = undefined;
    intent.open(m.id, 'keyboard', true);
    if (!view) return { opened: false };
    if (focus) {
      if (before instanceof HTMLElement) returnFocus = before;
      card.dialog()?.focus({ preventScroll: true });
    }
    return { opened: true, term: m.term };
  }

  function navigate(direction: Direction, term?: string): CardResponse {
    const from = view?.kind === 'term' && view.mentionId !== undefined ? (view.anchor as Range) : lastNav;
    const m = stepMention(index.list(), from, direction, term);
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
        return {
          pausedSites: paused
            ? [...s.pausedSites.filter((p) => p !== host), host]
            : s.pausedSites.filter((p) => !hostMatchesPattern(host, p)),
        };
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
    if (!view) return;
    if ((view.kind === 'term' && s.hiddenTerms.includes(view.termId)) || isSitePaused(location.hostname, s)) {
      intent.close();
    } else {
      render();
    }
  };
  void getSettings().then((s) => {
    if (!ctx.isInvalid) applySettings(s);
  });
  const unwatch = watchSettings(applySettings);
  const offIndex = index.onChange(() => {
    known.clear();
    // A rescan may have removed the text the card points at.
    if (view && !view.anchor.startContainer.isConnected) intent.close();
  });

  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    unwatch();
    offIndex();
    if (frame) cancelAnimationFrame(frame);
    intent.dispose();
    stopPlacement?.();
    card.remove();
  });
}
