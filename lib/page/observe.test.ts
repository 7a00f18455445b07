// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { dirtyRoots, MutationWatcher, RateBudget } from './observe';

async function recordsOf(change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const mo = new MutationObserver((r) => records.push(...r));
  mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  change();
  await new Promise((r) => setTimeout(r, 0));
  records.push(...mo.takeRecords());
  mo.disconnect();
  return records;
}

beforeEach(() => {
  document.body.innerHTML = '<div id="feed"><p id="a">one <em id="em">two</em></p><p id="b">three</p></div>';
});

describe('dirtyRoots', () => {
  it('rescans the block around an inline change', async () => {
    const { roots } = dirtyRoots(
      await recordsOf(() => ((document.getElementById('em') as HTMLElement).textContent = 'x')),
    );
    expect(roots).toEqual([document.getElementById('a')]);
  });

  it('rescans only an appended block element, not its whole container', async () => {
    const p = document.createElement('p');
    p.textContent = 'new';
    const { roots, added } = dirtyRoots(await recordsOf(() => document.getElementById('feed')?.append(p)));
    expect(roots).toEqual([p]);
    expect(added.has(p)).toBe(true);
  });

  it('rescans the container when a removal may join two text runs', async () => {
    document.body.innerHTML = '<p id="p">Abraham <img id="i"> Accords</p>';
    const { roots, removed } = dirtyRoots(await recordsOf(() => document.getElementById('i')?.remove()));
    expect(removed).toBe(true);
    expect(roots).toEqual([document.getElementById('p')]);
  });

  it('ignores changes inside the extension’s own UI and keeps only outermost roots', async () => {
    const host = document.createElement('briefing-lens-card');
    document.body.append(host);
    const records = await recordsOf(() => {
      host.textContent = 'card';
      (document.getElementById('em') as HTMLElement).textContent = 'y';
      (document.getElementById('b') as HTMLElement).textContent = 'z';
      (document.getElementById('feed') as HTMLElement).append(document.createTextNode(' loose text'));
    });
    expect(dirtyRoots(records).roots).toEqual([document.getElementById('feed')]);
  });
});

describe('RateBudget', () => {
  it('backs off while over budget and recovers after the window', () => {
    const b = new RateBudget(100, 1000, 8000);
    b.spend(60, 0);
    expect(b.delay(10)).toBe(0);
    b.spend(60, 20);
    expect(b.delay(30)).toBe(1000);
    expect(b.delay(40)).toBe(2000);
    expect(b.delay(1500)).toBe(0);
  });
});

describe('MutationWatcher', () => {
  it('debounces bursts into one flush', async () => {
    const controller = new AbortController();
    const flushed: Node[][] = [];
    const w = new MutationWatcher({
      signal: controller.signal,
      debounceMs: 30,
      onDirty: (d) => flushed.push(d.roots),
    });
    w.observe(document.body);
    for (let i = 0; i < 5; i++) {
      (document.getElementById('b') as HTMLElement).textContent = `v${i}`;
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 80));
    controller.abort();
    expect(flushed).toEqual([[document.getElementById('b')]]);
  });
});

describe('MutationWatcher: text shown by a class or style change', () => {
  const watch = (reveal: { waiting(): boolean; rootsUnder(targets: Node[]): Node[] }) => {
    const flushed: Node[][] = [];
    const controller = new AbortController();
    const w = new MutationWatcher({
      signal: controller.signal,
      debounceMs: 10,
      onDirty: (d) => flushed.push(d.roots),
      reveal,
    });
    w.observe(document.body);
    return { flushed, stop: () => controller.abort() };
  };
  const settle = () => new Promise((r) => setTimeout(r, 60));

  it('rescans only the hidden mentions under the element whose class changed', async () => {
    document.body.innerHTML =
      '<div id="outer"><p id="hidden">Abraham Accords</p><p id="other">text</p></div>';
    const hiddenBlock = document.getElementById('hidden') as HTMLElement;
    const asked: Node[][] = [];
    const { flushed, stop } = watch({
      waiting: () => true,
      rootsUnder: (targets) => {
        asked.push(targets);
        return targets.some((t) => t.contains(hiddenBlock)) ? [hiddenBlock] : [];
      },
    });
    (document.getElementById('outer') as HTMLElement).className = 'expanded';
    await settle();
    expect(asked).toEqual([[document.getElementById('outer')]]);
    expect(flushed).toEqual([[hiddenBlock]]);
    // A restyle elsewhere finds nothing hidden under it: no rescan at all.
    (document.getElementById('other') as HTMLElement).style.color = 'red';
    await settle();
    expect(flushed).toHaveLength(1);
    stop();
  });

  it('rescans hidden mentions in a popover the page opens (a toggle event, no mutation)', async () => {
    document.body.innerHTML = '<div id="pop" popover><p id="in">Abraham Accords</p></div><p id="x">x</p>';
    const pop = document.getElementById('pop') as HTMLElement;
    const block = document.getElementById('in') as HTMLElement;
    const asked: Node[][] = [];
    const { flushed, stop } = watch({
      waiting: () => true,
      rootsUnder: (targets) => {
        asked.push(targets);
        return targets.some((t) => t.contains(block)) ? [block] : [];
      },
    });
    const toggle = (el: Element, newState: string) =>
      el.dispatchEvent(Object.assign(new Event('toggle'), { newState, oldState: 'closed' }));
    // Closing reveals nothing; opening does.
    toggle(pop, 'closed');
    await settle();
    expect(asked).toEqual([]);
    toggle(pop, 'open');
    await settle();
    expect(asked).toEqual([[pop]]);
    expect(flushed).toEqual([[block]]);
    stop();
    // Stopped, it listens no more.
    toggle(pop, 'open');
    await settle();
    expect(flushed).toHaveLength(1);
  });

  it('ignores class and style changes while no mention is hidden', async () => {
    document.body.innerHTML = '<div id="box"><p>Abraham Accords</p></div>';
    let asked = 0;
    const { flushed, stop } = watch({
      waiting: () => false,
      rootsUnder: () => {
        asked++;
        return [document.body];
      },
    });
    const box = document.getElementById('box') as HTMLElement;
    box.className = 'a';
    box.style.opacity = '0.5';
    await settle();
    expect(asked).toBe(0);
    expect(flushed).toEqual([]);
    stop();
  });
});
