import { describe, expect, it, vi } from 'vitest';
import { type CardContext, childContext } from './context';

/** A parent context like WXT's: invalidated by aborting its signal. */
function parentContext() {
  const controller = new AbortController();
  const ctx: CardContext = {
    signal: controller.signal,
    get isInvalid() {
      return controller.signal.aborted;
    },
    onInvalidated(cb) {
      controller.signal.addEventListener('abort', cb, { once: true });
      return () => controller.signal.removeEventListener('abort', cb);
    },
  };
  return { ctx, invalidate: () => controller.abort() };
}

describe('childContext', () => {
  it('ends on its own: its signal aborts and its callbacks run, the parent goes on', () => {
    const parent = parentContext();
    const child = childContext(parent.ctx);
    const cb = vi.fn();
    child.ctx.onInvalidated(cb);
    expect(child.ctx.isInvalid).toBe(false);
    child.end();
    expect(child.ctx.signal.aborted).toBe(true);
    expect(child.ctx.isInvalid).toBe(true);
    expect(cb).toHaveBeenCalledOnce();
    expect(parent.ctx.isInvalid).toBe(false);
  });

  it('ends with its parent', () => {
    const parent = parentContext();
    const child = childContext(parent.ctx);
    const cb = vi.fn();
    child.ctx.onInvalidated(cb);
    parent.invalidate();
    expect(child.ctx.signal.aborted).toBe(true);
    expect(cb).toHaveBeenCalledOnce();
  });
});
