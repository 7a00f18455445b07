import { describe, expect, it } from 'vitest';
import { Slicer, whenShown, yieldToPage } from './schedule';

describe('Slicer', () => {
  it('splits long work into slices of about the budget and yields between them', async () => {
    // A fake clock: each unit of work costs 0.5 ms, so slices are exact and the test is not timing-flaky.
    let clock = 0;
    let units = 200;
    let afterSlice = 0;
    const slicer = new Slicer(
      (expired) => {
        while (units > 0) {
          clock += 0.5;
          units--;
          if (expired()) break;
        }
        return units > 0;
      },
      { budgetMs: 4, now: () => clock, onSlice: () => afterSlice++ },
    );
    slicer.wake();
    expect(slicer.stats.slices).toBe(1); // the first slice runs at once; the rest after yielding
    while (slicer.busy) await yieldToPage();
    expect(units).toBe(0);
    expect(slicer.stats.slices).toBe(25); // 100 ms of work in 4 ms slices
    expect(afterSlice).toBe(25);
    expect(slicer.stats.longestMs).toBe(4);
    expect(slicer.stats.cpuMs).toBe(100);
  });

  it('lets tasks queued during a slice run before the next slice', async () => {
    const order: string[] = [];
    let left = 3;
    const other = new MessageChannel();
    other.port1.onmessage = () => order.push('other task');
    const slicer = new Slicer(() => {
      order.push('slice');
      if (left === 3) other.port2.postMessage(null);
      return --left > 0;
    });
    slicer.wake();
    while (slicer.busy) await new Promise((r) => setTimeout(r, 1));
    other.port1.close();
    expect(order).toEqual(['slice', 'other task', 'slice', 'slice']);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    let slices = 0;
    const slicer = new Slicer(
      () => {
        slices++;
        if (slices === 2) controller.abort();
        return true;
      },
      { signal: controller.signal },
    );
    slicer.wake();
    for (let i = 0; i < 10; i++) await yieldToPage();
    expect(slices).toBe(2);
    expect(slicer.busy).toBe(false);
  });
});

describe('whenShown', () => {
  /** A document as far as `whenShown` reads it: `prerendering`, and the event that ends it. */
  const fakeDoc = (prerendering: boolean) => {
    const target = new EventTarget() as EventTarget & { prerendering: boolean };
    target.prerendering = prerendering;
    return target;
  };
  const shown = (doc: ReturnType<typeof fakeDoc>) => {
    doc.prerendering = false;
    doc.dispatchEvent(new Event('prerenderingchange'));
  };

  it('starts at once in a page on screen', () => {
    let started = 0;
    whenShown(fakeDoc(false) as unknown as Document, new AbortController().signal, () => started++);
    expect(started).toBe(1);
  });

  it('waits, in a prerendered page, until the reader opens it, and starts once', () => {
    const doc = fakeDoc(true);
    let started = 0;
    whenShown(doc as unknown as Document, new AbortController().signal, () => started++);
    expect(started).toBe(0);
    shown(doc);
    doc.dispatchEvent(new Event('prerenderingchange'));
    expect(started).toBe(1);
  });

  it('never starts once the content script is gone', () => {
    const doc = fakeDoc(true);
    const gone = new AbortController();
    let started = 0;
    whenShown(doc as unknown as Document, gone.signal, () => started++);
    gone.abort();
    shown(doc);
    expect(started).toBe(0);
  });
});
