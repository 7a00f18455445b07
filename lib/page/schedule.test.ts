import { describe, expect, it } from 'vitest';
import { Slicer, yieldToPage } from './schedule';

function busy(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin: a unit of page work
  }
}

describe('Slicer', () => {
  it('splits long work into slices near the budget and yields between them', async () => {
    let units = 200; // 200 × 0.2 ms = 40 ms of work
    let yields = 0;
    const slicer = new Slicer(
      (expired) => {
        while (units > 0) {
          busy(0.2);
          units--;
          if (expired()) break;
        }
        return units > 0;
      },
      { budgetMs: 4, onSlice: () => yields++ },
    );
    slicer.wake();
    while (slicer.busy) await yieldToPage();
    expect(units).toBe(0);
    expect(slicer.stats.slices).toBeGreaterThanOrEqual(8);
    expect(yields).toBe(slicer.stats.slices);
    // A slice overruns its budget by at most one unit of work (plus timer noise on a busy machine).
    expect(slicer.stats.longestMs).toBeLessThan(15);
    expect(slicer.stats.cpuMs).toBeGreaterThanOrEqual(39);
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
