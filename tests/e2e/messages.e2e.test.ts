// The page is not trusted: nothing it posts, dispatches or calls may make the extension act. Each
// negative check is paired with the same action sent the legitimate way, which must have an effect,
// so that "nothing happened" cannot pass by accident.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageTermsResponse } from '../../lib/messages';
import {
  activeTabId,
  blockNetwork,
  type ExtensionWatch,
  loadGlossary,
  pollReady,
  termIdFor,
  watchExtension,
} from './guard';
import { EXTENSION_DIR, launch, ROOT, type Session } from './harness';

let session: Session;
let watch: ExtensionWatch;
const glossary = loadGlossary(ROOT);
const ACCORDS = termIdFor(glossary, 'Abraham Accords');
const label = (id: string) => glossary.terms.find((t) => t.id === id)?.label ?? id;

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body>
<main><h1>Islamabad will not be rushed</h1>
<div style="height:1400px"></div>
<p>Pakistan's foreign ministry rejected linking an Iran nuclear deal to the Abraham Accords; the Trump
administration says normalization with Israel is the price.</p></main></body></html>`;

beforeAll(async () => {
  session = await launch({ pages: { '/article.html': ARTICLE } });
  watch = await watchExtension(session.context, session.extensionId);
  await blockNetwork(session.context);
});
afterAll(async () => {
  await session?.close();
});

async function openArticle(): Promise<{ page: Page; tabId: number }> {
  const page = await session.context.newPage();
  await watch.watchPage(page);
  await page.goto(`${session.origin}/article.html`);
  const tabId = await activeTabId(session.worker, page);
  const { answer } = await pollReady(session.worker, tabId, 10_000);
  if (!answer?.ready) throw new Error('content script not ready');
  return { page, tabId };
}

const send = (tabId: number, message: unknown) =>
  session.worker.evaluate(({ tabId, message }) => chrome.tabs.sendMessage(tabId, message), {
    tabId,
    message,
  });

/** What a user could notice the extension doing on the page. */
async function observable(page: Page, tabId: number) {
  const terms = (await send(tabId, { type: 'get-page-terms' })) as PageTermsResponse;
  const stored = await session.worker.evaluate(() => chrome.storage.sync.get(null));
  return {
    scrollY: await page.evaluate(() => window.scrollY),
    hosts: await page.evaluate(() => document.querySelectorAll('briefing-lens-card').length),
    dialogs: await page.getByRole('dialog').count(),
    paused: terms.paused ?? false,
    terms: terms.terms.map((t) => `${t.id}×${t.count}`).sort(),
    stored: JSON.stringify(stored),
  };
}

const FORGED: unknown[] = [
  { type: 'get-page-terms' },
  { type: 'next-term' },
  { type: 'previous-term' },
  { type: 'focus-term', id: ACCORDS },
  { type: 'toggle-site' },
  { type: 'explain-selection', text: 'Abraham Accords', term: ACCORDS, suggestions: [] },
  { type: 'open-briefing', hash: '#term=abraham-accords' },
  { type: 'page-terms-changed', count: 99, paused: true },
];

describe('messages from the page', () => {
  it('postMessage, CustomEvents and forged MessageEvents on window/document do nothing', async () => {
    const mark = watch.errors.length;
    const { page, tabId } = await openArticle();
    const before = await observable(page, tabId);
    const pagesBefore = session.context.pages().length;
    await page.evaluate(
      ({ forged, extensionOrigin }) => {
        for (const data of forged) {
          window.postMessage(data, '*');
          window.postMessage(JSON.stringify(data), '*');
          window.dispatchEvent(
            new MessageEvent('message', { data, origin: extensionOrigin, source: window }),
          );
          const type = (data as { type: string }).type;
          for (const target of [window, document, document.documentElement])
            for (const name of [type, `briefing-lens:${type}`, 'briefing-lens', 'message'])
              target.dispatchEvent(new CustomEvent(name, { detail: data, bubbles: true }));
        }
        document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      },
      { forged: FORGED, extensionOrigin: `chrome-extension://${session.extensionId}` },
    );
    await page.waitForTimeout(1000);
    expect(await observable(page, tabId)).toEqual(before);
    expect(session.context.pages().length).toBe(pagesBefore);
    expect(watch.errors.slice(mark)).toEqual([]);

    // Control: the same request from the extension does act (the card opens on the term).
    await send(tabId, { type: 'focus-term', id: ACCORDS });
    await page.getByRole('dialog', { name: label(ACCORDS) }).waitFor({ state: 'visible', timeout: 5000 });
    expect((await observable(page, tabId)).scrollY).toBeGreaterThan(before.scrollY);
    await page.close();
  });

  it('the page cannot reach the extension through chrome.runtime', async () => {
    const { page } = await openArticle();
    const reached = await page.evaluate(async (id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: Function } } }).chrome?.runtime;
      if (typeof runtime?.sendMessage !== 'function') return 'no chrome.runtime.sendMessage in the page';
      try {
        return await new Promise((ok) => runtime.sendMessage?.(id, { type: 'open-briefing', hash: '' }, ok));
      } catch (e) {
        return `refused: ${String(e)}`;
      }
    }, session.extensionId);
    expect(String(reached)).toMatch(/no chrome\.runtime|refused/);
    await page.close();
  });

  it('malformed messages from the extension itself are ignored without an error', async () => {
    const mark = watch.errors.length;
    const { page, tabId } = await openArticle();
    const before = await observable(page, tabId);
    for (const message of [
      null,
      'get-page-terms',
      42,
      [],
      {},
      { type: 'nope' },
      { type: 'focus-term' },
      { type: 'focus-term', id: 'no-such-term' },
      { type: 'focus-term', id: { toString: null } },
      { type: 'explain-selection' },
      { type: 'explain-selection', text: 7, suggestions: 'x' },
      { type: '__proto__' },
      { type: 'constructor' },
    ])
      await send(tabId, message).catch(() => undefined);
    // The background hears the extension's pages (a worker cannot message itself).
    const options = await session.context.newPage();
    await watch.watchPage(options);
    await options.goto(session.extensionUrl('options.html'));
    const tabsBefore = session.context.pages().length;
    for (const message of [
      null,
      'x',
      {},
      { type: 'open-briefing' },
      { type: 'page-terms-changed', count: 'many' },
    ])
      await options.evaluate((m) => chrome.runtime.sendMessage(m).catch(() => undefined), message);
    expect(session.context.pages().length).toBe(tabsBefore);
    await options.close();
    await page.waitForTimeout(500);
    const after = await observable(page, tabId);
    expect({ ...after, scrollY: 0, dialogs: 0, hosts: 0 }).toEqual({
      ...before,
      scrollY: 0,
      dialogs: 0,
      hosts: 0,
    });
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(watch.errors.slice(mark)).toEqual([]);
    await page.close();
  });
});

describe('permissions', () => {
  it('the manifest asks for storage and contextMenus only, exposes nothing to pages, loads no remote code', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect([...((manifest.permissions as string[]) ?? [])].sort()).toEqual(['contextMenus', 'storage']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    // Host access comes only from the content script's matches, not from host_permissions.
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    const csp = JSON.stringify(manifest.content_security_policy ?? {});
    expect(csp).not.toMatch(/https?:|unsafe-eval|unsafe-inline/);
  });
});

describe('network', () => {
  it('made no network request during these tests', () => {
    expect(watch.requests).toEqual([]);
  });
});
