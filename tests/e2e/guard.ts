// Watches a browser running the extension so that tests can prove what it does NOT do: throw, touch
// the network, or change the page's DOM. Shared by the corpus run (scripts/corpus.ts) and e2e tests.
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { CompiledGlossary } from '../../glossary/types';
import type { PageTermsResponse } from '../../lib/messages';
import { pollTab } from '../../scripts/extension';

export { activeTabId } from '../../scripts/extension';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for URLs that never leave the machine: loopback http(s) and non-network schemes. */
export function isLocalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:')
      return LOOPBACK_HOSTS.has(u.hostname);
    return true;
  } catch {
    return true;
  }
}

/** True for a request that uses the network stack (what "no network request" forbids), loopback included. */
function isNetworkUrl(url: string): boolean {
  return /^(https?|wss?|ftp):/i.test(url);
}

/** Aborts every request that would leave 127.0.0.1, so saved pages cannot reach the internet. */
export async function blockNetwork(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) =>
    isLocalUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
}

export interface ExtensionWatch {
  /** Uncaught errors, rejected promises and console errors from the service worker and content scripts. */
  errors: string[];
  /** The pages' own errors (expected on saved pages with no network): kept apart, never a failure. */
  pageErrors: string[];
  /** Network requests made by the extension: service worker, extension pages, content-script initiated. */
  requests: string[];
  /** Attach to a page before navigating it: errors and the requests it initiates are attributed. */
  watchPage(page: Page): Promise<void>;
}

/**
 * Attributes errors and requests to the extension. Content-script errors reach the page's `pageerror`
 * with the extension's URL in their stack; the service worker's uncaught errors reach nothing, so a
 * listener installed in it turns them into console errors. Content-script requests are recognised by
 * the `chrome-extension://` frames in their CDP initiator (stack or stylesheet URL).
 */
export async function watchExtension(context: BrowserContext, extensionId: string): Promise<ExtensionWatch> {
  const prefix = `chrome-extension://${extensionId}/`;
  const watch: ExtensionWatch = {
    errors: [],
    pageErrors: [],
    requests: [],
    async watchPage(page) {
      const where = () => page.url();
      page.on('pageerror', (e) => {
        const text = `${e.name}: ${e.message}`;
        if ((e.stack ?? '').includes(prefix))
          watch.errors.push(`content script on ${where()}: ${text}\n${e.stack}`);
        else watch.pageErrors.push(`${where()}: ${text}`);
      });
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const url = m.location().url ?? '';
        if (url.startsWith(prefix)) watch.errors.push(`console error from ${url} on ${where()}: ${m.text()}`);
        else if (!page.url().startsWith(prefix)) watch.pageErrors.push(`${where()}: ${m.text()}`);
      });
      const cdp = await context.newCDPSession(page);
      cdp.on('Network.requestWillBeSent', (e) => {
        if (!isNetworkUrl(e.request.url)) return;
        if (initiatorUrls(e.initiator).some((u) => u.startsWith(prefix)))
          watch.requests.push(`content script on ${where()} requested ${e.request.url}`);
      });
      await cdp.send('Network.enable');
    },
  };
  context.on('request', (r) => {
    if (!isNetworkUrl(r.url())) return;
    const sw = r.serviceWorker();
    if (sw) {
      if (sw.url().startsWith(prefix)) watch.requests.push(`service worker requested ${r.url()}`);
      return;
    }
    let frameUrl = '';
    try {
      frameUrl = r.frame().url();
    } catch {
      // A request with no frame and no worker: nothing to attribute it to here.
    }
    if (frameUrl.startsWith(prefix)) watch.requests.push(`extension page ${frameUrl} requested ${r.url()}`);
  });
  const onWorker = async (worker: Worker) => {
    if (!worker.url().startsWith(prefix)) return;
    worker.on('console', (m) => {
      if (m.type() === 'error') watch.errors.push(`service worker: ${m.text()}`);
    });
    await worker
      .evaluate(() => {
        self.addEventListener('error', (e) => console.error(`[uncaught] ${e.message}`));
        self.addEventListener('unhandledrejection', (e) =>
          console.error(`[unhandled rejection] ${String(e.reason)}`),
        );
      })
      .catch((e: unknown) => watch.errors.push(`could not watch the service worker: ${String(e)}`));
  };
  context.on('serviceworker', (w) => void onWorker(w));
  await Promise.all(context.serviceWorkers().map(onWorker));
  return watch;
}

interface Initiator {
  url?: string;
  stack?: StackTrace;
}
interface StackTrace {
  callFrames: Array<{ url: string }>;
  parent?: StackTrace;
}

function initiatorUrls(initiator: Initiator): string[] {
  const urls = initiator.url ? [initiator.url] : [];
  for (let s = initiator.stack; s; s = s.parent) for (const f of s.callFrames) urls.push(f.url);
  return urls;
}

/**
 * Runs in the page's main world before any page script (`page.addInitScript`): a MutationObserver on
 * the whole document that counts mutations by signature (kind, where, what). The extension's own UI
 * host (a custom element whose name starts with `briefing-lens`) and changes to it are counted apart.
 * `Math.random` is seeded so that a baseline run without the extension behaves like the real one.
 */
export function installMutationRecorder(): void {
  let seed = 0x2f6b4c1d;
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const counts = new Map<string, number>();
  let hostChanges = 0;
  const isHost = (n: Node | null) =>
    !!n && n.nodeType === 1 && (n as Element).localName.startsWith('briefing-lens');
  const name = (n: Node | null): string => {
    if (!n) return '∅';
    if (n.nodeType === 1) {
      const e = n as Element;
      return e.localName + (e.id ? `#${e.id}` : '');
    }
    return n.nodeName;
  };
  const where = (n: Node | null) => `${name(n?.parentNode ?? null)}>${name(n)}`;
  const add = (sig: string) => counts.set(sig, (counts.get(sig) ?? 0) + 1);
  const isParserAppend = (r: MutationRecord) => {
    const data = (r.target as CharacterData).data;
    if (r.oldValue === null || !data.startsWith(r.oldValue)) return false;
    return parsing || data.slice(r.oldValue.length).trim() === '';
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) isHost(n) ? hostChanges++ : add(`add ${name(n)} to ${where(r.target)}`);
        for (const n of r.removedNodes)
          isHost(n) ? hostChanges++ : add(`remove ${name(n)} from ${where(r.target)}`);
      } else if (r.type === 'attributes') {
        isHost(r.target) ? hostChanges++ : add(`attribute ${r.attributeName} on ${where(r.target)}`);
      } else if (isParserAppend(r)) {
        // The parser appends to a text node when a network chunk ends inside it: where chunks end
        // varies between loads, and no content script runs before parsing is done. Trailing
        // whitespace after </body> is appended the same way, sometimes observed just after DCL.
      } else {
        add(`text in ${where(r.target.parentNode)}`);
      }
    }
  });
  let parsing = document.readyState === 'loading';
  // DOMContentLoaded is a task queued after the parser's last one, so every parser mutation has been
  // delivered to the observer by then.
  document.addEventListener('DOMContentLoaded', () => {
    parsing = false;
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
    characterDataOldValue: true,
  });
  Object.defineProperty(window, '__briefingLensMutations', {
    value: () => {
      for (const r of observer.takeRecords()) add(`late ${r.type} ${where(r.target)}`);
      return { counts: Object.fromEntries(counts), hostChanges };
    },
  });
}

/**
 * `installMutationRecorder` as an init script. tsx (esbuild's keepNames) wraps inner functions in
 * `__name(…)`, which does not exist in the page: a local no-op stands in for it.
 */
export const MUTATION_RECORDER_SCRIPT = `{ const __name = (f) => f; (${installMutationRecorder.toString()})(); }`;

export interface MutationLog {
  counts: Record<string, number>;
  hostChanges: number;
}

export async function readMutations(page: Page): Promise<MutationLog> {
  return page.evaluate(() => {
    const read = (window as unknown as { __briefingLensMutations?: () => MutationLog })
      .__briefingLensMutations;
    return read ? read() : { counts: {}, hostChanges: 0 };
  });
}

/** Mutation signatures seen with the extension and never in any baseline run without it. */
export function unexplainedMutations(withExtension: MutationLog, baselines: MutationLog[]): string[] {
  return Object.keys(withExtension.counts).filter((sig) => !baselines.some((b) => sig in b.counts));
}

/** The compiled glossary (`npm run -s glossary:check` writes it). */
export function loadGlossary(root: string): CompiledGlossary {
  const file = join(root, 'glossary/generated/glossary.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run -s glossary:check\` first.`);
  return JSON.parse(readFileSync(file, 'utf8')) as CompiledGlossary;
}

/** Polls `get-page-terms` through the service worker until `ready`, or returns the last answer at the deadline. */
export function pollReady(
  worker: Worker,
  tabId: number,
  timeoutMs: number,
): Promise<{ answer?: PageTermsResponse; ms: number }> {
  return pollTab<PageTermsResponse>(worker, tabId, { type: 'get-page-terms' }, timeoutMs);
}

/**
 * A copy of the built extension that misbehaves on purpose: its content script changes the page's
 * DOM, requests a remote URL, throws and leaves a promise rejected; its service worker requests a
 * remote URL and throws. Runs against it prove the watchers above are not blind.
 */
export function sabotagedCopy(extensionDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-lens-sabotaged-'));
  cpSync(extensionDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: Array<{ js?: string[] }>;
  };
  const content = manifest.content_scripts?.[0]?.js?.[0];
  const background = manifest.background?.service_worker;
  if (!content || !background) throw new Error('the build has no content script or service worker');
  appendFileSync(
    join(dir, content),
    `\n;setTimeout(() => {
  document.body.append(Object.assign(document.createElement('mark'), { textContent: 'sabotage' }));
  document.documentElement.setAttribute('data-sabotage', '1');
  fetch('http://sabotage.invalid/content').catch(() => {});
  Promise.reject(new Error('sabotage: content rejection'));
  throw new Error('sabotage: content error');
}, 0);\n`,
  );
  appendFileSync(
    join(dir, background),
    `\n;setInterval(() => {
  fetch('http://sabotage.invalid/worker').catch(() => {});
  throw new Error('sabotage: worker error');
}, 1000);\n`,
  );
  return dir;
}

/** The id of the term one of whose aliases is `alias` (case and spacing folded). */
export function termIdFor(glossary: CompiledGlossary, alias: string): string {
  const want = alias.toLowerCase().replace(/\s+/g, ' ').trim();
  const term = glossary.terms.find((t) =>
    t.aliases.some((a) => a.toLowerCase().replace(/\s+/g, ' ').trim() === want),
  );
  if (!term) throw new Error(`the compiled glossary has no term with the alias “${alias}”`);
  return term.id;
}

/**
 * Evaluates `expression` in a fresh isolated world of the page's main frame (CDP), out of reach of
 * anything the page did to its own globals, and returns its JSON value. The highlight registry is
 * the document's, so every world sees the extension's highlights.
 */
export async function inFreshWorld<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: `briefing-lens-test-${Date.now()}`,
    });
    const r = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (r.exceptionDetails) throw new Error(`in fresh world: ${r.exceptionDetails.exception?.description}`);
    return r.result.value as T;
  } finally {
    await cdp.detach();
  }
}

export interface PaintedRange {
  name: string;
  text: string;
  /** Centre of the range's first client rect, in viewport coordinates (null when it has none). */
  point: { x: number; y: number } | null;
  /** Whether the range sits in an editable area, a form field, or a shadow tree. */
  inEditable: boolean;
  inShadow: boolean;
}

/** Every range the extension registered in `CSS.highlights` (names starting `briefing-lens`). */
export function paintedRanges(page: Page): Promise<PaintedRange[]> {
  return inFreshWorld<PaintedRange[]>(
    page,
    `(() => {
      const out = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('briefing-lens')) continue;
        for (const r of highlight) {
          const el = r.startContainer.nodeType === 1 ? r.startContainer : r.startContainer.parentElement;
          const rect = typeof r.getClientRects === 'function' ? r.getClientRects()[0] : undefined;
          out.push({
            name,
            text: r.toString(),
            point: rect && rect.width > 0 ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null,
            inEditable: !!el && (el.isContentEditable || !!el.closest('textarea, input, select, [contenteditable]')),
            inShadow: r.startContainer.getRootNode() instanceof ShadowRoot,
          });
        }
      }
      return out;
    })()`,
  );
}

/** Scrolls the first painted range whose text includes `text` to the viewport's centre; returns its centre. */
export async function scrollToPainted(page: Page, text: string): Promise<{ x: number; y: number }> {
  const found = await inFreshWorld<boolean>(
    page,
    `(() => {
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('briefing-lens')) continue;
        for (const r of highlight) {
          if (!r.toString().includes(${JSON.stringify(text)})) continue;
          const el = r.startContainer.nodeType === 1 ? r.startContainer : r.startContainer.parentElement;
          el.scrollIntoView({ block: 'center', inline: 'nearest' });
          return true;
        }
      }
      return false;
    })()`,
  );
  if (!found) throw new Error(`no painted range with “${text}”`);
  const ranges = await paintedRanges(page);
  const point = ranges.find((r) => r.text.includes(text) && r.point)?.point;
  if (!point) throw new Error(`the painted range with “${text}” has no box on screen`);
  return point;
}
