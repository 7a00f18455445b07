// Hover intent for the term card, as a pure state machine: the DOM layer feeds it what is under the
// pointer, clicks and keys; it decides when a card opens, stays and closes (WCAG 1.4.13: dismissible,
// hoverable, persistent). Timers are injected so the rules are tested with fake time.

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

export type ShowReason = 'hover' | 'click' | 'keyboard';

export interface HoverIntentOptions<T> {
  /** How long the pointer must rest on a term before its card opens. */
  dwellMs: number;
  /** How long after leaving both the term and the card the card closes. */
  hideDelayMs?: number;
  /** Pointer speed (px/ms) above which the reader is passing over a term, not resting on it. */
  maxSpeed?: number;
  onShow(target: T, reason: ShowReason, pinned: boolean): void;
  onHide(): void;
  timers?: Timers;
}

export interface HoverIntentState<T> {
  shown: T | undefined;
  pinned: boolean;
  pending: T | undefined;
  inCard: boolean;
  suppressed: boolean;
}

export interface HoverIntent<T> {
  /** A pointer sample outside the card: the term under it, or undefined. */
  pointer(target: T | undefined, x: number, y: number): void;
  enterCard(): void;
  leaveCard(): void;
  /** A click or tap outside the card: on a term it opens that term's card pinned; elsewhere it closes. */
  click(target: T | undefined): void;
  togglePin(): void;
  /** Open now (keyboard command, explain selection), pinned or not. */
  open(target: T, reason: ShowReason, pinned: boolean): void;
  /** Close now (Esc, ×, an action). */
  close(): void;
  /** While the reader selects text or types, no card opens. */
  suppress(on: boolean): void;
  setDwell(ms: number): void;
  readonly state: HoverIntentState<T>;
  dispose(): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

export function createHoverIntent<T>(options: HoverIntentOptions<T>): HoverIntent<T> {
  const timers = options.timers ?? realTimers;
  const hideDelayMs = options.hideDelayMs ?? 300;
  const maxSpeed = options.maxSpeed ?? 0.3;
  let dwellMs = options.dwellMs;

  const state: HoverIntentState<T> = {
    shown: undefined,
    pinned: false,
    pending: undefined,
    inCard: false,
    suppressed: false,
  };
  let dwellTimer: unknown;
  let hideTimer: unknown;
  let last: { x: number; y: number; t: number } | undefined;

  const cancelDwell = () => {
    if (dwellTimer !== undefined) timers.clear(dwellTimer);
    dwellTimer = undefined;
    state.pending = undefined;
  };
  const cancelHide = () => {
    if (hideTimer !== undefined) timers.clear(hideTimer);
    hideTimer = undefined;
  };
  const show = (target: T, reason: ShowReason, pinned: boolean) => {
    cancelDwell();
    cancelHide();
    state.shown = target;
    state.pinned = pinned;
    options.onShow(target, reason, pinned);
  };
  /** `keepPending`: the pointer left this card for another term, whose dwell keeps running. */
  const hide = (keepPending = false) => {
    if (!keepPending) cancelDwell();
    cancelHide();
    if (state.shown === undefined) return;
    state.shown = undefined;
    state.pinned = false;
    state.inCard = false;
    options.onHide();
  };
  const scheduleHide = () => {
    if (state.shown === undefined || state.pinned || state.inCard || hideTimer !== undefined) return;
    hideTimer = timers.set(() => {
      hideTimer = undefined;
      hide(true);
    }, hideDelayMs);
  };
  const startDwell = (target: T) => {
    if (dwellTimer !== undefined) timers.clear(dwellTimer);
    state.pending = target;
    dwellTimer = timers.set(() => {
      dwellTimer = undefined;
      state.pending = undefined;
      show(target, 'hover', false);
    }, dwellMs);
  };

  return {
    state,
    pointer(target, x, y) {
      const t = timers.now();
      const speed = last ? Math.hypot(x - last.x, y - last.y) / Math.max(t - last.t, 1) : 0;
      last = { x, y, t };
      state.inCard = false;
      if (state.pinned) return;
      if (target !== undefined && target === state.shown) {
        cancelHide();
        cancelDwell();
        return;
      }
      scheduleHide();
      if (target === undefined || state.suppressed) {
        cancelDwell();
        return;
      }
      // A new term, or the pointer is still moving fast over the pending one: (re)start the dwell.
      if (target !== state.pending || speed > maxSpeed) startDwell(target);
    },
    enterCard() {
      state.inCard = true;
      cancelHide();
      cancelDwell();
    },
    leaveCard() {
      state.inCard = false;
      scheduleHide();
    },
    click(target) {
      if (target === undefined) hide();
      else show(target, 'click', true);
    },
    togglePin() {
      if (state.shown === undefined) return;
      state.pinned = !state.pinned;
      if (state.pinned) cancelHide();
    },
    open(target, reason, pinned) {
      show(target, reason, pinned);
    },
    close: () => hide(),
    suppress(on) {
      state.suppressed = on;
      if (on) cancelDwell();
    },
    setDwell(ms) {
      dwellMs = ms;
    },
    dispose() {
      cancelDwell();
      cancelHide();
    },
  };
}
