import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverIntent, type HoverIntent, type Timers } from './hover-intent';

// Fake time: vi's fake setTimeout plus Date.now, which vi advances with it.
const timers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

let events: string[];
let intent: HoverIntent<string>;

beforeEach(() => {
  vi.useFakeTimers();
  events = [];
  intent = createHoverIntent<string>({
    dwellMs: 300,
    hideDelayMs: 300,
    timers,
    onShow: (t, reason, pinned) => events.push(`show ${t} ${reason}${pinned ? ' pinned' : ''}`),
    onHide: () => events.push('hide'),
  });
});
afterEach(() => {
  intent.dispose();
  vi.useRealTimers();
});

/** Rest the pointer on `target` at (x, y). */
const rest = (target: string | undefined, x = 100, y = 100) => intent.pointer(target, x, y);

describe('hover intent', () => {
  it('opens a card only after the dwell', () => {
    rest('a');
    vi.advanceTimersByTime(299);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['show a hover']);
  });

  it('uses a changed dwell for the next hover', () => {
    intent.setDwell(500);
    rest('a');
    vi.advanceTimersByTime(400);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(events).toEqual(['show a hover']);
  });

  it('does not open while the pointer sweeps fast across a term', () => {
    // 40 px every 16 ms (2.5 px/ms) for 600 ms, all over the same term.
    for (let i = 0; i < 38; i++) {
      intent.pointer('a', 100 + i * 40, 100);
      vi.advanceTimersByTime(16);
    }
    expect(events).toEqual([]);
    // Then it stops on the term: the dwell runs from there.
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['show a hover']);
  });

  it('does not open when the pointer leaves the term before the dwell', () => {
    rest('a');
    vi.advanceTimersByTime(200);
    rest(undefined);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('hides about 300 ms after the pointer leaves the term', () => {
    rest('a');
    vi.advanceTimersByTime(300);
    rest(undefined, 100, 140);
    vi.advanceTimersByTime(299);
    expect(events).toEqual(['show a hover']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['show a hover', 'hide']);
  });

  it('stays open while the pointer crosses the gap into the card and rests there', () => {
    rest('a');
    vi.advanceTimersByTime(300);
    rest(undefined, 100, 110);
    vi.advanceTimersByTime(100);
    intent.enterCard();
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['show a hover']);
    intent.leaveCard();
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['show a hover', 'hide']);
  });

  it('keeps the card when the pointer comes back to the term in time', () => {
    rest('a');
    vi.advanceTimersByTime(300);
    rest(undefined);
    vi.advanceTimersByTime(200);
    rest('a');
    vi.advanceTimersByTime(2000);
    expect(events).toEqual(['show a hover']);
  });

  it('switches to another term after its dwell', () => {
    rest('a');
    vi.advanceTimersByTime(300);
    rest('b', 300, 100);
    vi.advanceTimersByTime(300);
    // Leaving a and dwelling on b both take 300 ms: whichever fires, b ends up shown.
    expect(intent.state.shown).toBe('b');
    expect(events.at(-1)).toBe('show b hover');
  });

  it('a pinned card survives leaving and ignores other terms until closed', () => {
    rest('a');
    vi.advanceTimersByTime(300);
    intent.togglePin();
    rest(undefined);
    rest('b', 400, 100);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['show a hover']);
    intent.close();
    expect(events).toEqual(['show a hover', 'hide']);
  });

  it('a click on a term opens its card pinned at once; a click elsewhere closes it', () => {
    intent.click('a');
    expect(events).toEqual(['show a click pinned']);
    rest(undefined);
    vi.advanceTimersByTime(1000);
    expect(intent.state.shown).toBe('a');
    intent.click(undefined);
    expect(events).toEqual(['show a click pinned', 'hide']);
  });

  it('opens no card while the reader selects text or types', () => {
    intent.suppress(true);
    rest('a');
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
    intent.suppress(false);
    rest('a', 101, 100);
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['show a hover']);
  });

  it('suppressing cancels a pending dwell', () => {
    rest('a');
    vi.advanceTimersByTime(200);
    intent.suppress(true);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('close is a no-op without a card, and Esc-style close hides at once', () => {
    intent.close();
    expect(events).toEqual([]);
    intent.open('a', 'keyboard', true);
    intent.close();
    expect(events).toEqual(['show a keyboard pinned', 'hide']);
    expect(intent.state.shown).toBeUndefined();
  });
});
