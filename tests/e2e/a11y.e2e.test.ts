// Accessibility: axe-core on the popup, the options page and an open card (no serious or critical
// violation), and keyboard-only walkthroughs: Tab reaches every control, and focus is never trapped.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeTabId,
  blockNetwork,
  type ExtensionWatch,
  loadGlossary,
  pollReady,
  watchExtension,
} from './guard';
import { launch, ROOT, type Session } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const glossary = loadGlossary(ROOT);

// A plain, accessible host page, so that what axe finds on it is the card's.
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body>
<main><h1>Islamabad will not be rushed</h1>
<p>Pakistan's foreign ministry rejected linking an Iran nuclear deal to the Abraham Accords; the Trump
administration says normalization with Israel is the price.</p></main></body></html>`;

let session: Session;
let watch: ExtensionWatch;

beforeAll(async () => {
  session = await launch({ pages: { '/article.html': ARTICLE } });
  watch = await watchExtension(session.context, session.extensionId);
  await blockNetwork(session.context);
});
afterAll(async () => {
  await session?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Runs axe-core in the page's main world (CDP evaluation is not subject to the page's CSP). */
async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

function serious(violations: AxeViolation[]) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function report(where: string, violations: AxeViolation[]) {
  for (const v of violations)
    console.log(
      `[a11y] ${where}: ${v.impact} ${v.id} (${v.help}) at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
}

/** Describes the focused element, looking through open shadow roots. */
const FOCUSED = () => {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const path: string[] = [];
  for (let n: Element | null = el; n; ) {
    const parent: Element | null = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null);
    const index = n.parentElement ? [...n.parentElement.children].indexOf(n) : 0;
    path.unshift(`${n.localName}:${index}`);
    n = parent;
  }
  return path.join('>');
};

/** Every control a keyboard user should reach: visible, enabled, in the tab order (open shadow roots included). */
const TABBABLE = () => {
  const out: string[] = [];
  const selector =
    'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
  const describe = (el: Element) => {
    const path: string[] = [];
    for (let n: Element | null = el; n; ) {
      const parent: Element | null = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null);
      const index = n.parentElement ? [...n.parentElement.children].indexOf(n) : 0;
      path.unshift(`${n.localName}:${index}`);
      n = parent;
    }
    return path.join('>');
  };
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (!el.matches(selector)) continue;
      const h = el as HTMLElement;
      if (h.tabIndex < 0 || !h.checkVisibility({ visibilityProperty: true })) continue;
      // Radio groups are one tab stop: only the checked (or first) radio of a name is reachable by Tab.
      if (h instanceof HTMLInputElement && h.type === 'radio' && h.name) {
        const group = [
          ...root.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(h.name)}"]`),
        ];
        const stop = group.find((r) => r.checked) ?? group[0];
        if (stop !== h) continue;
      }
      out.push(describe(el));
    }
  };
  walk(document);
  return out;
};

/** Presses Tab (or Shift+Tab) until focus comes back round; returns the focus sequence. */
async function tabThrough(page: Page, key: 'Tab' | 'Shift+Tab', max = 300): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const now = await page.evaluate(FOCUSED);
    if (now === null) {
      // Focus left the document (to the browser's UI): one full cycle is done.
      if (seen.length) break;
      continue;
    }
    if (seen.length > 1 && now === seen[0]) break;
    seen.push(now);
    // Focus that stays put for three presses is stuck: a trap.
    if (seen.length >= 3 && seen.slice(-3).every((s) => s === now)) break;
  }
  return seen;
}

async function walkthrough(page: Page) {
  const expected = await page.evaluate(TABBABLE);
  expect(expected.length).toBeGreaterThan(0);
  const forward = await tabThrough(page, 'Tab');
  console.log(
    `[a11y] ${page.url()}: ${expected.length} tab stops expected, ${new Set(forward).size} reached`,
  );
  // Every control is reached, each once per cycle (a repeat before the cycle ends would be a trap).
  expect(new Set(forward).size).toBe(forward.length);
  expect([...expected].sort()).toEqual([...new Set(forward)].sort());
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const backward = await tabThrough(page, 'Shift+Tab');
  expect([...new Set(backward)].sort()).toEqual([...expected].sort());
}

// Controls: the same checks must fail where they should, or their passing proves nothing.
const TRAP = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trap</title></head><body><main>
<h1>Trap</h1><button>One</button><input aria-label="stuck" id="stuck"><button>Never reached</button>
<div id="host"></div>
<script>
  document.getElementById('stuck').addEventListener('keydown', (e) => { if (e.key === 'Tab') e.preventDefault(); });
  document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<button></button>';
</script></main></body></html>`;

describe('the checks themselves', () => {
  it('axe sees a nameless button inside an open shadow root, and the walkthrough catches a keyboard trap', async () => {
    session.setPage('/trap.html', TRAP);
    const page = await session.context.newPage();
    await page.goto(`${session.origin}/trap.html`);
    expect(serious(await axe(page)).map((v) => v.id)).toContain('button-name');
    await expect(walkthrough(page)).rejects.toThrow();
    await page.close();
  });
});

describe('accessibility', () => {
  for (const path of ['popup.html', 'options.html']) {
    it(`${path}: no serious or critical axe violation`, async () => {
      const page = await session.context.newPage();
      await watch.watchPage(page);
      await page.goto(session.extensionUrl(path));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const violations = await axe(page);
      report(path, violations);
      expect(serious(violations)).toEqual([]);
      await page.close();
    });

    it(`${path}: keyboard only, Tab reaches every control and never gets stuck`, async () => {
      const page = await session.context.newPage();
      await page.goto(session.extensionUrl(path));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await walkthrough(page);
      await page.close();
    });
  }

  it('an open card: no serious or critical axe violation, focus inside, Esc closes it and returns focus', async () => {
    const mark = watch.errors.length;
    const page = await session.context.newPage();
    await watch.watchPage(page);
    await page.goto(`${session.origin}/article.html`);
    const tabId = await activeTabId(session.worker, page);
    expect((await pollReady(session.worker, tabId, 10_000)).answer?.ready).toBe(true);
    const before = await axe(page);
    // Keyboard path to a card: the next-term command opens the card with focus inside.
    await session.worker.evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: 'next-term' }), tabId);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible', timeout: 5000 });
    // Named by its term's label (the first term on the page, whichever the glossary makes it).
    const named: string[] = [];
    for (const t of glossary.terms)
      if (await page.getByRole('dialog', { name: t.label, exact: true }).count()) named.push(t.label);
    expect(named).toHaveLength(1);
    await expect.poll(() => page.evaluate(FOCUSED), { timeout: 5000 }).toMatch(/^html:\d+>briefing-lens/);
    const violations = await axe(page);
    report('card', violations);
    // Only what the card added counts (the host page is checked clean before it opens).
    expect(serious(before)).toEqual([]);
    expect(serious(violations)).toEqual([]);
    // Tab moves within the card or out of it, but always somewhere.
    const stops = new Set<string | null>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      stops.add(await page.evaluate(FOCUSED));
    }
    expect(stops.size).toBeGreaterThan(1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', timeout: 3000 });
    expect(String(await page.evaluate(FOCUSED))).not.toMatch(/briefing-lens/);
    expect(watch.errors.slice(mark)).toEqual([]);
    await page.close();
  });
});

describe('network', () => {
  it('made no network request during these tests', () => {
    expect(watch.requests).toEqual([]);
  });
});
