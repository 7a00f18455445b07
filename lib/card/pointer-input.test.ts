// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHoverIntent, type HoverIntent } from '../page/hover-intent';
import type { ShownMention } from '../page/types';
import { watchPointer } from './pointer-input';

let controller: AbortController;
let intent: HoverIntent<number>;
let host: HTMLElement;
let clicks: Array<number | undefined>;
let hoverOn: boolean;
const term = { id: 7, term: 'accords', text: 'Abraham Accords', range: {} as Range } satisfies ShownMention;
/** The test's stand-in for hit-testing: the term lies left of x = 100. */
const termAt = (x: number) => (x < 100 ? term : undefined);

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
const move = (x: number, target: EventTarget = document.body, init: PointerEventInit = {}) =>
  target.dispatchEvent(
    new PointerEvent('pointermove', { clientX: x, clientY: 10, bubbles: true, composed: true, ...init }),
  );

beforeEach(() => {
  document.body.innerHTML = '<p id="p">Some page text</p><input id="field">';
  host = document.createElement('briefing-lens-card');
  document.documentElement.append(host);
  controller = new AbortController();
  clicks = [];
  hoverOn = true;
  intent = createHoverIntent<number>({ dwellMs: 300, onShow: () => {}, onHide: () => {} });
  watchPointer({
    signal: controller.signal,
    intent,
    cardHost: () => host,
    termAt: (x) => termAt(x),
    hoverEnabled: () => hoverOn,
    onClick: (hit) => clicks.push(hit?.id),
  });
});
afterEach(() => {
  controller.abort();
  intent.dispose();
  host.remove();
  getSelection()?.removeAllRanges();
});

describe('watchPointer', () => {
  it('hit-tests on the next frame and hands the term to the hover intent', async () => {
    move(50);
    expect(intent.state.pending).toBeUndefined();
    await frame();
    expect(intent.state.pending).toBe(7);
  });

  it('ignores touch moves and hovering when the trigger does not use it', async () => {
    move(50, document.body, { pointerType: 'touch' });
    await frame();
    expect(intent.state.pending).toBeUndefined();
    hoverOn = false;
    move(50);
    await frame();
    expect(intent.state.pending).toBeUndefined();
  });

  it('counts the pointer as in the card when events come from its host', async () => {
    move(50, host);
    await frame();
    expect(intent.state.inCard).toBe(true);
  });

  it('suppresses cards while the button is down and while typing in a field', async () => {
    document.body.dispatchEvent(new PointerEvent('pointerdown', { button: 0, bubbles: true }));
    expect(intent.state.suppressed).toBe(true);
    document.body.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    expect(intent.state.suppressed).toBe(false);
    (document.getElementById('field') as HTMLInputElement).focus();
    expect(intent.state.suppressed).toBe(true);
  });

  it('reports clicks with the term under them, but not the click that ends a text selection', () => {
    document.body.dispatchEvent(new MouseEvent('click', { clientX: 50, clientY: 10, bubbles: true }));
    document.body.dispatchEvent(new MouseEvent('click', { clientX: 500, clientY: 10, bubbles: true }));
    expect(clicks).toEqual([7, undefined]);
    const r = document.createRange();
    r.selectNodeContents(document.getElementById('p') as HTMLElement);
    getSelection()?.addRange(r);
    document.body.dispatchEvent(new MouseEvent('click', { clientX: 50, clientY: 10, bubbles: true }));
    expect(clicks).toEqual([7, undefined]);
  });

  it('leaves clicks that began in the card to the card, even when released outside', () => {
    host.dispatchEvent(new PointerEvent('pointerdown', { button: 0, bubbles: true }));
    document.body.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    document.body.dispatchEvent(new MouseEvent('click', { clientX: 500, clientY: 10, bubbles: true }));
    expect(clicks).toEqual([]);
  });

  it('stops listening when its signal aborts', async () => {
    controller.abort();
    move(50);
    await frame();
    document.body.dispatchEvent(new MouseEvent('click', { clientX: 50, clientY: 10, bubbles: true }));
    expect(intent.state.pending).toBeUndefined();
    expect(clicks).toEqual([]);
  });
});
