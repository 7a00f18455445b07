// `npm start`: build the extension, serve the demo article on 127.0.0.1 and open Chromium on it with
// the extension loaded. With a display the window stays open until you close it. Without one (a
// server, CI) it runs headless: hovers the first marked term, writes demo.png, prints the terms found.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { PageTermsResponse } from '../lib/messages';
import { hasDisplay, requireChromium } from './browser';
import { type ExtensionBrowser, firstMarkedTerm, launchExtension, pollReady } from './extension';
import { serve } from './serve';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = process.env.BL_OUT_DIR ?? '.output';
const EXTENSION_DIR = join(ROOT, OUT_DIR, 'chrome-mv3');
const SCREENSHOT = join(ROOT, 'demo.png');
/** How long to wait for the hover card after the pointer rests on a term (dwell is ≤ 500 ms). */
const CARD_WAIT_MS = 3000;

function build() {
  console.log(`▶ building the extension into ${OUT_DIR}/ …`);
  const r = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('\n✖ the build failed (see above); nothing was opened.');
    process.exit(r.status ?? 1);
  }
}

function printTerms(answer: PageTermsResponse) {
  const total = answer.terms.reduce((n, t) => n + t.count, 0);
  console.log(`\nTerms found on the demo article: ${answer.terms.length} terms, ${total} mentions`);
  const labelWidth = Math.max(0, ...answer.terms.map((t) => t.label.length));
  for (const t of [...answer.terms].sort((a, b) => b.count - a.count)) {
    const samples = [...new Set(t.samples)].slice(0, 4).join(' · ');
    console.log(`  ${String(t.count).padStart(3)}  ${t.label.padEnd(labelWidth)}  ${samples}`);
  }
}

/** Rests the pointer on the first marked term and waits for the card; true if a card opened. */
async function hoverFirstTerm(page: Page): Promise<boolean> {
  const term = await firstMarkedTerm(page);
  if (!term) {
    console.log('No marked term found to hover (no briefing-lens highlights on the page).');
    return false;
  }
  // Approach in two steps so the hover logic sees a real pointer movement, then rest.
  await page.mouse.move(term.x + term.width / 2, term.y - 40);
  await page.mouse.move(term.x + term.width / 2, term.y + term.height / 2, { steps: 4 });
  const card = page.getByRole('dialog');
  try {
    await card.first().waitFor({ state: 'visible', timeout: CARD_WAIT_MS });
    // The card's accessible name is the term's label (DESIGN.md contract 3).
    const name = await card.first().evaluate((el) => {
      const ids = el.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
      const root = el.getRootNode() as Document | ShadowRoot;
      const byIds = ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ');
      return el.getAttribute('aria-label') ?? byIds;
    });
    console.log(`Hovered “${term.text}”: the card for ${name} opened.`);
    // Let the card's entrance transition (if any) finish before the screenshot.
    await page.waitForTimeout(300);
    return true;
  } catch {
    console.log(`Hovered “${term.text}”, but no card (role="dialog") appeared within ${CARD_WAIT_MS} ms.`);
    return false;
  }
}

async function runHeadless(ext: ExtensionBrowser, url: string) {
  const page = await ext.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  const answer = await pollReady<PageTermsResponse>(ext.worker, page, { type: 'get-page-terms' }, 15_000);
  await hoverFirstTerm(page);
  await page.screenshot({ path: SCREENSHOT });
  console.log(`Wrote ${SCREENSHOT}`);
  printTerms(answer);
  if (errors.length) console.log(`\nPage errors seen:\n  ${errors.join('\n  ')}`);
}

async function runHeaded(ext: ExtensionBrowser, url: string) {
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  await page.goto(url);
  console.log(`\nChromium is open on ${url} with Briefing Lens loaded. Close the window to stop.`);
  try {
    printTerms(await pollReady<PageTermsResponse>(ext.worker, page, { type: 'get-page-terms' }, 15_000));
  } catch (e) {
    console.log(e instanceof Error ? e.message : String(e));
  }
  await new Promise<void>((done) => ext.context.on('close', () => done()));
}

if (process.argv.includes('--no-build')) console.log('▶ skipping the build (--no-build)');
else build();

const executablePath = await requireChromium();
const server = await serve({ mounts: { '/demo/': join(ROOT, 'demo') } });
const url = `${server.origin}/demo/`;
let headed = hasDisplay() && !process.argv.includes('--headless');
// A headed window sizes its own viewport; headless gets a laptop-sized one for the screenshot.
const launchHeadless = () =>
  launchExtension({
    executablePath,
    extensionDir: EXTENSION_DIR,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
let ext: ExtensionBrowser;
if (headed) {
  try {
    ext = await launchExtension({
      executablePath,
      extensionDir: EXTENSION_DIR,
      headless: false,
      viewport: null,
    });
  } catch (e) {
    // DISPLAY can be set with no reachable X server (ssh, containers): fall back to the headless run.
    console.log(
      `Could not open a window (${e instanceof Error ? e.message.split('\n')[0] : e}); running headless.`,
    );
    headed = false;
    ext = await launchHeadless();
  }
} else ext = await launchHeadless();
// Ctrl+C in the terminal: close the browser and remove its throwaway profile before leaving.
process.once('SIGINT', () => {
  void Promise.allSettled([ext.close(), server.close()]).then(() => process.exit(130));
});
let failed = false;
try {
  if (headed) await runHeaded(ext, url);
  else await runHeadless(ext, url);
} catch (e) {
  failed = true;
  console.error(`\n✖ ${e instanceof Error ? e.message : String(e)}`);
} finally {
  await ext.close();
  await server.close();
}
process.exit(failed ? 1 : 0);
