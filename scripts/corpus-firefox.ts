// `npm run test:corpus:firefox`: every saved page of ../shared/corpus/readability/ in a real Firefox with
// the Firefox build (.output/firefox-mv2), page scripts on, every address but 127.0.0.1 refused. Fails on
// an error from the extension, a page whose content script does not answer or is not ready within 3 s,
// a contextual term shown on a page judged off-topic (tests/fixtures/corpus-topics.json), and a term whose
// card does not open. The Chromium run (scripts/corpus.ts) also watches the DOM and the network; this one
// exists because a Firefox content script reaches the page through Xray wrappers, which Chromium has no
// equivalent of. A build made to throw is run first and must be caught, so the error check is known to work.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { PageTermsResponse, ToContent } from '../lib/messages';
import { HOST } from '../tests/e2e/card-helpers';
import {
  cardName,
  FIREFOX_EXTENSION_DIR,
  type FirefoxSession,
  hoverText,
  launchFirefox,
  pageAt,
} from '../tests/e2e/firefox-harness';
import { loadGlossary } from '../tests/e2e/guard';
import { ROOT, SHARED } from '../tests/e2e/harness';

const CORPUS = process.env.BL_CORPUS_DIR ?? join(SHARED, 'corpus/readability');
/**
 * From the moment the page is seen loaded over WebDriver BiDi. The Chromium run allows 2 s from
 * DOMContentLoaded and times a slow page again; this run does not retry, so it allows a little more.
 */
const READY_BUDGET_MS = 3000;
const LOAD_TIMEOUT_MS = 20_000;

interface PageResult {
  page: string;
  loaded: boolean;
  readyMs: number | null;
  errors: string[];
  terms: string[];
  offTopicContextual: string[];
  card: string | null;
}

if (!existsSync(CORPUS)) {
  console.log(`test:corpus:firefox skipped: no corpus at ${CORPUS} (set BL_CORPUS_DIR to run it elsewhere).`);
  process.exit(0);
}
if (process.argv.includes('--build') || !existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
  console.log(`Building the Firefox extension into ${FIREFOX_EXTENSION_DIR} …`);
  for (const args of [
    ['npm', 'run', '-s', 'glossary:check'],
    ['npx', 'wxt', 'build', '-b', 'firefox'],
  ]) {
    const [bin = 'npx', ...rest] = args;
    if (spawnSync(bin, rest, { stdio: 'inherit', cwd: ROOT }).status !== 0) process.exit(1);
  }
}

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));
const topics = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/corpus-topics.json'), 'utf8')) as {
  onTopic: Record<string, string>;
};
const glossary = loadGlossary(ROOT);
const contextual = new Set(glossary.terms.filter((t) => t.mode === 'contextual').map((t) => t.id));
const labels = new Map(glossary.terms.map((t) => [t.id, t.label]));

// Control: a build that throws from its content script must be caught by the error check.
const sabotaged = sabotagedFirefoxCopy();
let controlCaught = false;
try {
  const session = await launchCorpusFirefox(sabotaged);
  try {
    const page = await session.browser.newPage();
    const errors = watchErrors(page);
    await load(page, `${session.origin}/corpus/${files[0] ?? 'ars-1.html'}`);
    await wait(1500);
    await page.close();
    controlCaught = errors.some((e) => e.includes('sabotage: content error'));
  } finally {
    await session.close();
  }
} finally {
  rmSync(sabotaged, { recursive: true, force: true });
}
if (!controlCaught) {
  console.error('✖ detector control: a Firefox build that throws went unnoticed');
  process.exit(1);
}
console.log('detector control: the error thrown by a sabotaged Firefox build was caught');

const session = await launchCorpusFirefox(FIREFOX_EXTENSION_DIR);
const results: PageResult[] = [];
const t0 = Date.now();
try {
  const briefing = await openBriefingTab(session);
  for (const file of files) {
    const result = await checkPage(session, briefing, file);
    results.push(result);
    const problems = failures(result);
    if (problems.length) console.log(`✖ ${result.page}: ${problems.join('; ')}`, result.errors);
    else if (process.argv.includes('--verbose')) console.log(`✓ ${result.page} ${result.readyMs} ms`);
  }
} finally {
  await session.close();
}

const failed = results.filter((r) => failures(r).length > 0);
const ready = results.map((r) => r.readyMs).filter((ms): ms is number => ms !== null);
console.log(
  [
    `Firefox corpus: ${results.length} pages in ${Math.round((Date.now() - t0) / 1000)} s`,
    `  with terms shown: ${results.filter((r) => r.terms.length).length} (${results
      .filter((r) => r.terms.length)
      .map((r) => `${r.page}: ${r.terms.join(', ')}`)
      .join('; ')})`,
    `  cards opened: ${results.filter((r) => r.card === 'ok').length}`,
    `  slowest ready: ${Math.max(0, ...ready)} ms`,
    `  failing: ${failed.length}`,
  ].join('\n'),
);
process.exit(failed.length ? 1 : 0);

function launchCorpusFirefox(extensionDir: string): Promise<FirefoxSession> {
  return launchFirefox({}, { mounts: { '/corpus/': CORPUS }, offline: true, extensionDir });
}

function wait(ms: number) {
  return new Promise((ok) => setTimeout(ok, ms));
}

/**
 * Errors the extension caused in this page (whose dialogs it dismisses). A content script's error reaches
 * the page's error events in Firefox, with the add-on's moz-extension:// address in its stack; the page's
 * own errors are not ours.
 */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  // A page's alert() would hold its loading until answered (Playwright dismisses them; puppeteer waits).
  page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
  const ours = (s: string) => s.includes('moz-extension://');
  page.on('pageerror', (e) => {
    const text = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
    if (ours(text)) errors.push(text.split('\n').slice(0, 3).join(' '));
  });
  page.on('console', (m) => {
    const where = m.location()?.url ?? '';
    if (m.type() === 'error' && (ours(where) || m.text().includes('briefing-lens')))
      errors.push(`console: ${m.text()} (${where})`);
  });
  return errors;
}

/**
 * Goes to `url` and waits for its load event. Firefox reports a frame the offline proxy refused
 * ("Address rejected") as a failed navigation of the whole page: the page itself is loaded, so that
 * error is only a reason to wait for the document's own `load` state.
 */
async function load(page: Page, url: string): Promise<boolean> {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    return true;
  } catch (e) {
    if (!String(e).includes('Address rejected') && !String(e).includes('Navigation timeout')) throw e;
  }
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
    if (state && state[0] === url && state[1] !== 'loading') return true;
    await wait(200);
  }
  return false;
}

/**
 * The extension page the checks ask the content script through (as the popup asks it): the briefing tab
 * the demo's card opens. WebDriver BiDi does not open moz-extension:// pages itself.
 */
async function openBriefingTab(s: FirefoxSession): Promise<Page> {
  const demo = await s.open('/demo/');
  for (let attempt = 0; attempt < 20; attempt++) {
    await hoverText(demo, 'Abraham Accords');
    await wait(700);
    const link = await demo.evaluate((host) => {
      const a = [...(document.querySelector(host)?.shadowRoot?.querySelectorAll('a') ?? [])].find((x) =>
        x.textContent?.includes('Read in the'),
      );
      if (!a) return null;
      a.scrollIntoView({ block: 'nearest' });
      const b = a.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }, HOST);
    if (!link) continue;
    await demo.mouse.click(link.x, link.y);
    for (let i = 0; i < 50; i++) {
      const briefing = await pageAt(s.browser, s.extensionUrl('popup.html'));
      if (briefing) {
        await demo.close();
        return briefing;
      }
      await wait(200);
    }
  }
  throw new Error('the demo card’s “Read in the briefing” did not open the briefing tab');
}

/**
 * Sends `message` to the content script of the active tab (the page just opened and brought to the
 * front) from the briefing tab, as the popup does; its answer, or null when none came.
 */
function toActiveTab<T>(briefing: Page, message: ToContent): Promise<T | null> {
  return briefing
    .evaluate(async (message) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return null;
      return (await api.tabs.sendMessage(tab.id, message)) ?? null;
    }, message)
    .catch(() => null) as Promise<T | null>;
}

/** The terms of the page just opened (see `toActiveTab`). */
function askTerms(briefing: Page): Promise<PageTermsResponse | null> {
  return toActiveTab<PageTermsResponse>(briefing, { type: 'get-page-terms' });
}

async function checkPage(s: FirefoxSession, briefing: Page, file: string): Promise<PageResult> {
  const name = file.replace(/\.html$/, '');
  const result: PageResult = {
    page: name,
    loaded: false,
    readyMs: null,
    errors: [],
    terms: [],
    offTopicContextual: [],
    card: null,
  };
  const page = await s.browser.newPage();
  const errors = watchErrors(page);
  try {
    await page.bringToFront();
    result.loaded = await load(page, `${s.origin}/corpus/${file}`);
    if (!result.loaded) return result;
    const t0 = Date.now();
    let answer: PageTermsResponse | null = null;
    while (Date.now() - t0 < READY_BUDGET_MS + 3000) {
      answer = await askTerms(briefing);
      if (answer?.ready) {
        result.readyMs = Date.now() - t0;
        break;
      }
      await wait(100);
    }
    await wait(300);
    answer = (await askTerms(briefing)) ?? answer;
    for (const t of answer?.terms ?? []) {
      result.terms.push(`${t.id}×${t.count}`);
      if (!(name in topics.onTopic) && contextual.has(t.id))
        result.offTopicContextual.push(`${t.id} (${t.samples.slice(0, 3).join(' | ')})`);
    }
    const first = answer?.terms[0];
    if (first) result.card = await openCard(page, briefing, first.id);
  } finally {
    result.errors = errors;
    await page.close();
  }
  return result;
}

/** Opens the card of `termId` the keyboard way (the popup's "On this page" does the same) and checks its name. */
async function openCard(page: Page, briefing: Page, termId: string): Promise<string> {
  await toActiveTab(briefing, { type: 'focus-term', id: termId });
  const want = labels.get(termId) ?? termId;
  for (let i = 0; i < 30; i++) {
    if ((await cardName(page).catch(() => null)) === want) return 'ok';
    await wait(100);
  }
  return `no card named “${want}” opened for ${termId}`;
}

function failures(r: PageResult): string[] {
  const f: string[] = [];
  if (r.errors.length) f.push(`${r.errors.length} extension error(s)`);
  if (!r.loaded) f.push('page did not load');
  else if (r.readyMs === null) f.push('content script never ready (or never answered)');
  else if (r.readyMs > READY_BUDGET_MS) f.push(`ready after ${r.readyMs} ms`);
  if (r.offTopicContextual.length) f.push(`off-topic contextual: ${r.offTopicContextual.join(', ')}`);
  if (r.card !== null && r.card !== 'ok') f.push(r.card);
  return f;
}

/** A copy of the Firefox build whose content script throws once it has started. */
function sabotagedFirefoxCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-lens-ff-sabotaged-'));
  cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[] }>;
  };
  const content = manifest.content_scripts?.[0]?.js?.[0];
  if (!content) throw new Error('the Firefox build has no content script');
  appendFileSync(
    join(dir, content),
    `\n;setTimeout(() => { throw new Error('sabotage: content error'); }, 0);\n`,
  );
  return dir;
}
