// Pointer, touch, selection and focus input for the hover card, fed to the hover intent. Pointer moves
// are handled passively and hit-tested at most once per animation frame; taps arrive as clicks.
import type { HoverIntent } from '../page/hover-intent';
import type { ShownMention } from '../page/types';

export interface PointerInputOptions {
  signal: AbortSignal;
  intent: HoverIntent<number>;
  /** The card's host element, once mounted. */
  cardHost(): HTMLElement | undefined;
  /** The shown mention at a viewport point. */
  termAt(x: number, y: number): ShownMention | undefined;
  /** Whether resting the pointer opens cards (the trigger setting; `altKey` for "Alt + hover"). */
  hoverEnabled(altKey: boolean): boolean;
  /** A click or tap outside the card that is not the end of a text selection: on a term, or not. */
  onClick(hit: ShownMention | undefined, point: { x: number; y: number }): void;
}

export interface PointerInput {
  /** The pointer's last position in the viewport, if it is over the page. */
  readonly point: { x: number; y: number } | undefined;
  /** Forget the pointer position (a card opened from the keyboard is not anchored at the pointer). */
  forget(): void;
}

export function deepActiveElement(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

const TEXT_INPUT = /^(text|search|email|url|tel|password|number|date|datetime-local|month|time|week)$/;
/** Text fields, selects, editable content, and widgets that say they take typing (custom search boxes). */
const TYPING_ROLE = /^(textbox|searchbox|combobox)$/;
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return TEXT_INPUT.test(el.type);
  if (TYPING_ROLE.test(el.getAttribute('role') ?? '')) return true;
  return el instanceof HTMLElement && el.isContentEditable;
}

export function watchPointer(options: PointerInputOptions): PointerInput {
  const { signal, intent, cardHost } = options;
  const passive = { capture: true, passive: true, signal };
  let point: { x: number; y: number } | undefined;
  let alt = false;
  let overCard = false;
  let pressInCard = false;
  /** Whether the last press began in the card: its click (maybe released outside) belongs to the card. */
  let lastPressInCard = false;
  let frame = 0;
  /** The page scrolled under a resting pointer: whether the card is under it is looked up in the frame. */
  let scrolled = false;
  signal.addEventListener('abort', () => {
    if (frame) cancelAnimationFrame(frame);
  });

  // Seen from window, events from inside the card's shadow tree are retargeted to its host.
  const isCard = (target: EventTarget | null) => {
    const host = cardHost();
    return host !== undefined && target === host;
  };

  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(process);
  };
  function process() {
    frame = 0;
    if (!point) return;
    if (scrolled) {
      scrolled = false;
      overCard = isCard(document.elementFromPoint(point.x, point.y));
    }
    if (overCard || pressInCard) {
      intent.enterCard();
      return;
    }
    const hit = options.hoverEnabled(alt) ? options.termAt(point.x, point.y) : undefined;
    intent.pointer(hit?.id, point.x, point.y);
  }

  window.addEventListener(
    'pointermove',
    (e) => {
      if (e.pointerType === 'touch') return;
      point = { x: e.clientX, y: e.clientY };
      alt = e.altKey;
      overCard = isCard(e.target);
      schedule();
    },
    passive,
  );
  window.addEventListener(
    'pointerout',
    (e) => {
      // The pointer left the window.
      if (e.relatedTarget === null && e.pointerType !== 'touch' && !pressInCard) {
        overCard = false;
        point = undefined;
        intent.pointer(undefined, e.clientX, e.clientY);
      }
    },
    passive,
  );
  // With "Alt + hover", pressing Alt over a term is enough: listened to passively, never intercepted.
  const onAlt = (e: KeyboardEvent) => {
    if (e.key !== 'Alt' || alt === e.altKey) return;
    alt = e.altKey;
    schedule();
  };
  window.addEventListener('keydown', onAlt, passive);
  window.addEventListener('keyup', onAlt, passive);
  // Scrolling moves text under a resting pointer without any pointer event.
  window.addEventListener(
    'scroll',
    () => {
      if (!point) return;
      scrolled = true;
      schedule();
    },
    passive,
  );

  // No card while the reader selects text or types.
  let buttonDown = false;
  let selecting = false;
  let typing = false;
  const updateSuppression = () => intent.suppress(buttonDown || selecting || typing);
  window.addEventListener(
    'pointerdown',
    (e) => {
      lastPressInCard = isCard(e.target);
      if (lastPressInCard) {
        // Pressing in the card (to select its text) must not close it when the drag strays outside.
        pressInCard = true;
        return;
      }
      if (e.pointerType !== 'touch' && e.button === 0) {
        buttonDown = true;
        updateSuppression();
      }
    },
    passive,
  );
  const release = () => {
    pressInCard = false;
    buttonDown = false;
    updateSuppression();
  };
  window.addEventListener('pointerup', release, passive);
  window.addEventListener('pointercancel', release, passive);
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
  // After focusout the new focus is not known yet: look once the event has settled.
  window.addEventListener('focusout', () => queueMicrotask(onFocusChange), { capture: true, signal });

  // Clicks and taps. Passive and never cancelled: the page sees every click exactly as before.
  window.addEventListener(
    'click',
    (e) => {
      if (isCard(e.target) || lastPressInCard || e.button !== 0) return;
      // The end of a drag-selection also fires click: leave the selection alone.
      const sel = document.getSelection();
      if (sel && !sel.isCollapsed) return;
      const at = { x: e.clientX, y: e.clientY };
      const hit = options.termAt(at.x, at.y);
      if (hit) point = at;
      options.onClick(hit, at);
    },
    passive,
  );

  return {
    get point() {
      return point;
    },
    forget() {
      point = undefined;
    },
  };
}
