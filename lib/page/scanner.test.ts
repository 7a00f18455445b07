// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dirtyRoots } from './observe';
import { Painter } from './paint';
import { CHUNK, PageScanner, type ScanRules } from './scanner';
import { createTestEngine } from './test-engine';

const ALL_ON: ScanRules = { termEnabled: () => true, firstOccurrenceOnly: false };
let controller: AbortController;

function scanner(rules: ScanRules = ALL_ON, engine = createTestEngine()) {
  const s = new PageScanner({
    doc: document,
    engine,
    painter: new Painter(document),
    signal: controller.signal,
    rules,
  });
  s.start();
  s.drain();
  return s;
}

const shown = (s: PageScanner) => s.list().map((m) => `${m.term}:${m.text}`);

/** The roots to rescan after `change`, from its mutations as the page's MutationObserver reports them. */
async function mutated(change: () => void, observe: MutationObserverInit) {
  const records: MutationRecord[] = [];
  const mo = new MutationObserver((r) => records.push(...r));
  mo.observe(document.body, { subtree: true, ...observe });
  change();
  await new Promise((r) => setTimeout(r, 0));
  records.push(...mo.takeRecords());
  mo.disconnect();
  return dirtyRoots(records);
}

beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '';
});
afterEach(() => controller.abort());

describe('scanner', () => {
  it('finds phrases across inline elements and indexes them by text position', () => {
    document.body.innerHTML = '<p id="p">The Abraham <em>Accords</em> and Pakistan.</p>';
    const s = scanner();
    expect(s.ready).toBe(true);
    expect(shown(s)).toEqual(['abraham-accords:Abraham Accords', 'pakistan:Pakistan']);
    const em = document.querySelector('em')?.firstChild as Text;
    expect(s.at(em, 3)?.term).toBe('abraham-accords');
    const first = document.getElementById('p')?.firstChild as Text;
    expect(s.at(first, 1)).toBeUndefined(); // "The"
    expect(s.at(first, 5)?.text).toBe('Abraham Accords');
  });

  it('shows a contextual term found before its signal, as if the whole page had been read first', () => {
    document.body.innerHTML = '<p>Talk of normalization.</p><p>Unrelated.</p><p>Israel said no.</p>';
    expect(shown(scanner())).toEqual(['normalization:normalization']);
    document.body.innerHTML = '<p>Database normalization.</p><p>Unrelated.</p>';
    expect(shown(scanner())).toEqual([]);
  });

  it('applies topic/hidden-term rules and first-occurrence-only, live', () => {
    document.body.innerHTML = '<p>Pakistan and Pakistan.</p><p>The Abraham Accords. The Abraham Accords.</p>';
    const s = scanner();
    expect(s.list()).toHaveLength(4);
    let changes = 0;
    s.onChange(() => changes++);
    s.setRules({ termEnabled: (t) => t !== 'pakistan', firstOccurrenceOnly: false });
    expect(shown(s)).toEqual(['abraham-accords:Abraham Accords', 'abraham-accords:Abraham Accords']);
    s.setRules({ termEnabled: () => true, firstOccurrenceOnly: true });
    expect(shown(s)).toEqual(['pakistan:Pakistan', 'abraham-accords:Abraham Accords']);
    // The first occurrence in document order, not the first one scanned.
    expect(s.list()[0]?.range.startOffset).toBe(0);
    expect(changes).toBe(2);
  });

  it('scans a huge text node in overlapping chunks, finding a phrase across a chunk edge once', () => {
    const filler = 'lorem ipsum '.repeat(Math.ceil(CHUNK / 12));
    // Place "Abraham Accords" so that it straddles the first chunk boundary.
    const head = filler.slice(0, CHUNK - 4);
    const text = `${head}Abraham Accords ${filler}${filler}Pakistan`;
    document.body.innerHTML = '<p></p>';
    document.querySelector('p')?.append(document.createTextNode(text));
    const engine = createTestEngine();
    const s = scanner(ALL_ON, engine);
    expect(shown(s)).toEqual(['abraham-accords:Abraham Accords', 'pakistan:Pakistan']);
    expect(engine.scans.length).toBeGreaterThan(2);
    expect(Math.max(...engine.scans.map((t) => t.length))).toBeLessThanOrEqual(CHUNK + 512);
    expect(s.list()[0]?.range.toString()).toBe('Abraham Accords');
  });

  it('drops mentions in text hidden by CSS', () => {
    document.body.innerHTML = '<p style="display:none">Pakistan hidden</p><p>Pakistan shown</p>';
    const s = scanner();
    expect(s.list()).toHaveLength(1);
    expect(s.list()[0]?.range.startContainer.parentElement?.textContent).toBe('Pakistan shown');
  });

  it('finds mentions in open shadow roots', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inside, Pakistan.</p>';
    expect(shown(scanner())).toEqual(['pakistan:Pakistan']);
  });

  it('scans a custom element’s shadow root attached after the walk', async () => {
    document.body.innerHTML = '<x-story></x-story><p>Pakistan</p>';
    const s = scanner();
    expect(shown(s)).toEqual(['pakistan:Pakistan']);
    const root = (document.querySelector('x-story') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<p>The Abraham Accords, late.</p>';
    await new Promise((r) => setTimeout(r, 700));
    s.drain();
    expect(shown(s)).toEqual(['abraham-accords:Abraham Accords', 'pakistan:Pakistan']);
  });

  it('rescans only the touched block when its text changes, and drops removed text', async () => {
    document.body.innerHTML =
      '<p id="a">Pakistan</p><p id="b">nothing yet</p><p id="c">The Abraham Accords</p>';
    const engine = createTestEngine();
    const s = scanner(ALL_ON, engine);
    expect(shown(s)).toEqual(['pakistan:Pakistan', 'abraham-accords:Abraham Accords']);
    const dirty = await mutated(
      () => {
        (document.querySelector('#b') as HTMLElement).textContent = 'now Pakistan too';
        document.getElementById('c')?.remove();
      },
      { childList: true, characterData: true },
    );
    engine.scans.length = 0;
    s.rescan(dirty);
    s.drain();
    expect(engine.scans).toEqual(['now Pakistan too']);
    expect(shown(s)).toEqual(['pakistan:Pakistan', 'pakistan:Pakistan']);
    expect(s.list()[1]?.range.startContainer.parentElement?.id).toBe('b');
  });

  it('drops the marks of text that becomes hidden, and brings them back when it is shown', async () => {
    document.body.innerHTML = '<div id="d"><p>Pakistan here</p></div><p>Pakistan there</p>';
    const s = scanner();
    expect(s.list()).toHaveLength(2);
    const flip = async (change: () => void) => {
      s.rescan(await mutated(change, { attributes: true, attributeFilter: ['hidden'] }));
      s.drain();
    };
    const d = document.getElementById('d') as HTMLElement;
    await flip(() => d.setAttribute('hidden', ''));
    expect(s.list().map((m) => m.range.startContainer.textContent)).toEqual(['Pakistan there']);
    await flip(() => d.removeAttribute('hidden'));
    expect(s.list()).toHaveLength(2);
  });

  it('keeps document order when a rescanned block is inserted before others', async () => {
    document.body.innerHTML = '<div id="top"></div><p>The Abraham Accords</p>';
    const s = scanner();
    const dirty = await mutated(
      () => {
        const p = document.createElement('p');
        p.textContent = 'Pakistan first';
        document.getElementById('top')?.append(p);
      },
      { childList: true },
    );
    s.rescan(dirty);
    s.drain();
    expect(shown(s)).toEqual(['pakistan:Pakistan', 'abraham-accords:Abraham Accords']);
  });

  it('handles mutations that arrive while the first walk is still under way', async () => {
    document.body.innerHTML = '<p id="a">Pakistan</p><p id="b">The Abraham Accords</p>';
    const s = new PageScanner({
      doc: document,
      engine: createTestEngine(),
      painter: new Painter(document),
      signal: controller.signal,
      rules: ALL_ON,
    });
    s.start(); // the walk has not run yet: it waits for a frame
    const dirty = await mutated(
      () => {
        document.getElementById('a')?.remove();
        (document.getElementById('b')?.firstChild as Text).data = 'Pakistan, twice: Pakistan';
      },
      { childList: true, characterData: true },
    );
    s.rescan(dirty);
    s.drain();
    expect(shown(s)).toEqual(['pakistan:Pakistan', 'pakistan:Pakistan']);
    expect(s.list().every((m) => m.range.startContainer.isConnected)).toBe(true);
  });

  it('forgets blocks still waiting to be scanned when a mutation makes them stale', async () => {
    document.body.innerHTML = Array.from({ length: 30 }, (_, i) => `<p id="p${i}">Pakistan ${i}</p>`).join(
      '',
    );
    const s = clockedScanner();
    s.start();
    // One slice (6 ms on the fake clock): the walk, and the first blocks scanned; the rest wait in the queue.
    s.drain(1);
    expect(s.ready).toBe(false);
    const dirty = await mutated(
      () => {
        (document.getElementById('p25')?.firstChild as Text).data = 'quiet now';
      },
      { characterData: true },
    );
    s.rescan(dirty);
    s.drain();
    const marked = s.list().map((m) => m.range.startContainer.parentElement?.id);
    expect(marked).toHaveLength(29);
    expect(new Set(marked).size).toBe(29);
    expect(marked).not.toContain('p25');
  });

  /**
   * A scanner on a fake clock: each block scanned costs 1 ms and building the engine `engineMs`, so slices
   * and totals are exact.
   */
  function clockedScanner(engineMs = 0) {
    let clock = 0;
    const engine = createTestEngine();
    const scan = engine.scan.bind(engine);
    engine.scan = (text) => {
      clock += 1;
      return scan(text);
    };
    engine.prepare = () => {
      clock += engineMs;
    };
    return new PageScanner({
      doc: document,
      engine,
      painter: new Painter(document),
      signal: controller.signal,
      rules: ALL_ON,
      budgetMs: 6,
      now: () => clock,
    });
  }

  it('reports the first scan’s cost in slices of the budget', () => {
    document.body.innerHTML = Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i}, Pakistan.</p>`).join(
      '',
    );
    const s = clockedScanner();
    s.start();
    s.drain();
    expect(s.stats()).toEqual({
      ready: true,
      cpuMs: 30,
      engineMs: 0,
      wallMs: 30,
      slices: 5,
      longestSliceMs: 6,
    });
    expect(s.list()).toHaveLength(30);
  });

  it('counts building the engine in the scan’s cost', async () => {
    document.body.innerHTML = Array.from({ length: 3 }, () => '<p>Pakistan</p>').join('');
    const s = clockedScanner(4);
    s.start();
    await vi.waitFor(() => expect(s.ready).toBe(true));
    expect(s.stats()).toMatchObject({ ready: true, cpuMs: 7, engineMs: 4, slices: 1 });
  });

  it('does not resume a scan stopped half-way', async () => {
    document.body.innerHTML = Array.from({ length: 50 }, () => '<p>Pakistan</p>').join('');
    const s = new PageScanner({
      doc: document,
      engine: createTestEngine(),
      painter: new Painter(document),
      signal: controller.signal,
      rules: ALL_ON,
    });
    s.start();
    s.stop();
    await new Promise((r) => setTimeout(r, 150));
    expect(s.list()).toEqual([]);
    expect(s.ready).toBe(false);
  });

  it('stop() clears everything it showed', () => {
    document.body.innerHTML = '<p>Pakistan</p>';
    const s = scanner();
    expect(s.list()).toHaveLength(1);
    s.stop();
    expect(s.list()).toEqual([]);
    expect(s.ready).toBe(false);
  });
});
