// `npm run bench`: the extension's scan cost against a bare text walk and mark.js, long tasks,
// glossary-size scaling, hover latency and bundle size, in a real Chromium. Prints a table, writes
// bench/results.json, and exits non-zero naming each missed budget (DESIGN.md "Budgets").
//
// Options (flags or env): --runs N / BENCH_RUNS (default 5) · --corpus N / BENCH_CORPUS (largest corpus
// pages, default 10) · --pages a,b / BENCH_PAGES (only pages whose name contains one of these) ·
// --synthetic-mb N / BENCH_SYNTHETIC_MB (default 5) · --hovers N / BENCH_HOVERS (default 20) ·
// --no-build · --no-10k · --profile (CPU profiles of our scan on the demo and the largest page, read
// through source maps, into bench/out/) ·
// --quick (2 runs, 3 corpus pages, 10 hovers) · --scaling-pages a,b / BENCH_SCALING_PAGES (pages measured
// with the 10,000-term glossary too; default: the demo and the synthetic page) · --verbose.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import type { CompiledGlossary } from '../glossary/types';
import { compileEngine } from '../lib/match/engine';
import type { PageTermsResponse, ScanStats } from '../lib/messages';
import { chromiumArgs, requireChromium } from '../scripts/browser';
import { type ExtensionBrowser, launchExtension, pollReady, sendToTab } from '../scripts/extension';
import { serve } from '../scripts/serve';
import { ALIAS_REGEX_FLAGS, aliasRegexSource } from './alias-regex';
import {
  CONTENT_SCRIPT_WALKS,
  type ContentScriptWalk,
  floorWalk,
  measureContentScriptWalk,
  writeWalkExtension,
} from './floor';
import { generateGlossary } from './glossary-10k';
import { measureHoverLatency } from './hover';
import { profileScan } from './profile';
import { type SourceMapV3, sourceLookup } from './source-map';
import { BUDGETS, median, missedBudgets, type PageResult, type Results } from './stats';
import { syntheticArticle } from './synthetic-page';
import { READY_STAMP, startTrace, summariseTasks } from './trace';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const CORPUS = resolve(ROOT, '../shared/corpus/readability');
const GLOSSARY_JSON = join(ROOT, 'glossary/generated/glossary.json');
const GLOSSARY_10K_JSON = join(OUT, 'glossary-10k.json');
const ENGINE_10K_JSON = join(OUT, 'engine-10k.json');
const BUNDLED_OUT = '.output-bench';
const TEN_K_OUT = '.output-bench-10k';
const PROFILE_OUT = '.output-bench-profile';
const WALK_EXTENSION = join(OUT, 'walk-extension');
const MARKJS = join(ROOT, 'node_modules/mark.js/dist/mark.min.js');
/** A 5 MB page can take a while to scan on a slow machine; this is a hang guard, not a budget. */
const READY_TIMEOUT_MS = 120_000;

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    corpus: { type: 'string' },
    pages: { type: 'string' },
    'synthetic-mb': { type: 'string' },
    hovers: { type: 'string' },
    'no-build': { type: 'boolean' },
    'no-10k': { type: 'boolean' },
    profile: { type: 'boolean' },
    quick: { type: 'boolean' },
    'scaling-pages': { type: 'string' },
    verbose: { type: 'boolean' },
  },
});
const num = (flag: string | undefined, env: string | undefined, fallback: number) => {
  const n = Number(flag ?? env);
  return flag === undefined && env === undefined ? fallback : Number.isFinite(n) ? n : fallback;
};
const quick = Boolean(flags.quick);
const RUNS = num(flags.runs, process.env.BENCH_RUNS, quick ? 2 : 5);
const CORPUS_PAGES = num(flags.corpus, process.env.BENCH_CORPUS, quick ? 3 : 10);
const SYNTHETIC_MB = num(flags['synthetic-mb'], process.env.BENCH_SYNTHETIC_MB, 5);
const HOVERS = num(flags.hovers, process.env.BENCH_HOVERS, quick ? 10 : 20);
const ONLY = (flags.pages ?? process.env.BENCH_PAGES ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const WITH_10K = !flags['no-10k'];
/** Pages the 10,000-term build is measured on: names containing one of these (default: see choosePages). */
const SCALING_PAGES = (flags['scaling-pages'] ?? process.env.BENCH_SCALING_PAGES ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

interface BenchPage {
  name: string;
  path: string;
  bytes: number;
  /** Measured with the 10,000-term glossary too. */
  scaling: boolean;
}

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`▶ ${label}`);
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(r.status ?? 1);
  }
}

/** Newest modification time (ms) of the files under `paths` (folders walked, generated output skipped). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (!st.isDirectory()) {
      newest = Math.max(newest, st.mtimeMs);
      return;
    }
    for (const entry of readdirSync(path))
      if (entry !== 'generated' && entry !== 'node_modules') visit(join(path, entry));
  };
  for (const p of paths) visit(join(ROOT, p));
  return newest;
}

function build() {
  run('compiling the glossary', 'npm', ['run', '-s', 'glossary:check']);
  run(`building the extension into ${BUNDLED_OUT}/`, 'npx', ['wxt', 'build'], { BL_OUT_DIR: BUNDLED_OUT });
  if (!WITH_10K) return;
  const base = JSON.parse(readFileSync(GLOSSARY_JSON, 'utf8')) as CompiledGlossary;
  const tenK = JSON.stringify(generateGlossary(base, 10_000));
  // Building around a ~24 MB glossary takes minutes on a small machine: reuse the last 10k build when
  // neither the generated glossary nor any source it is built from changed since.
  const manifest = join(ROOT, TEN_K_OUT, 'chrome-mv3/manifest.json');
  const sameGlossary = existsSync(GLOSSARY_10K_JSON) && readFileSync(GLOSSARY_10K_JSON, 'utf8') === tenK;
  const sources = [
    'entrypoints',
    'lib',
    'components',
    'glossary',
    'public',
    'wxt.config.ts',
    'package-lock.json',
  ];
  if (sameGlossary && existsSync(manifest) && statSync(manifest).mtimeMs > newestMtime(sources)) {
    console.log(`▶ reusing the 10,000-term build in ${TEN_K_OUT}/ (nothing it is built from changed)`);
    return;
  }
  writeFileSync(GLOSSARY_10K_JSON, tenK);
  // The content script loads its engine compiled at build time, as the bundled one is.
  writeFileSync(ENGINE_10K_JSON, JSON.stringify(compileEngine(JSON.parse(tenK) as CompiledGlossary)));
  run(`building the 10,000-term extension into ${TEN_K_OUT}/`, 'npx', ['wxt', 'build'], {
    BL_OUT_DIR: TEN_K_OUT,
    BL_GLOSSARY_JSON: GLOSSARY_10K_JSON,
    BL_ENGINE_JSON: ENGINE_10K_JSON,
  });
}

function choosePages(syntheticBytes: number): BenchPage[] {
  const pages: BenchPage[] = [
    {
      name: 'demo',
      path: '/demo/index.html',
      bytes: statSync(join(ROOT, 'demo/index.html')).size,
      scaling: true,
    },
  ];
  if (existsSync(CORPUS)) {
    const files = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ f, size: statSync(join(CORPUS, f)).size }))
      .sort((a, b) => b.size - a.size)
      .slice(0, CORPUS_PAGES);
    files.forEach(({ f, size }) => {
      pages.push({ name: f.replace(/\.html$/, ''), path: `/corpus/${f}`, bytes: size, scaling: false });
    });
  } else console.log(`(no corpus at ${CORPUS}: measuring the demo and synthetic pages only)`);
  if (SYNTHETIC_MB > 0)
    pages.push({
      name: `synthetic-${SYNTHETIC_MB}mb`,
      path: '/synthetic/index.html',
      bytes: syntheticBytes,
      scaling: true,
    });
  // Scaling: each 10,000-term page load parses a ~20 MB script, so by default only the smallest and
  // the largest page are measured with it.
  if (SCALING_PAGES.length) for (const p of pages) p.scaling = SCALING_PAGES.some((o) => p.name.includes(o));
  return ONLY.length ? pages.filter((p) => ONLY.some((o) => p.name.includes(o))) : pages;
}

/**
 * Pages may only reach the bench server: every other request is refused, so nothing leaves the machine.
 * Served pages are made cross-origin isolated (precise timers).
 */
async function confine(context: BrowserContext, origin: string) {
  await context.route(
    (url) =>
      url.protocol === 'http:' ||
      url.protocol === 'https:' ||
      url.protocol === 'ws:' ||
      url.protocol === 'wss:',
    async (route) => {
      if (!route.request().url().startsWith(`${origin}/`)) return route.abort();
      // Cross-origin isolation lets performance.now() tick in 5 µs steps instead of 100 µs with jitter,
      // which the floor (often ~1 ms) and the scanner's summed slices need. Everything is same-origin.
      const response = await route.fetch();
      return route.fulfill({
        response,
        headers: {
          ...response.headers(),
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
        },
      });
    },
  );
}

async function scanStats(ext: ExtensionBrowser, page: Page): Promise<ScanStats> {
  try {
    return await pollReady<ScanStats>(ext.worker, page, { type: 'get-scan-stats' }, READY_TIMEOUT_MS, 100);
  } catch (e) {
    const terms = await sendToTab<PageTermsResponse | undefined>(ext.worker, page, {
      type: 'get-page-terms',
    }).catch(() => undefined);
    if (terms?.ready)
      throw new Error(
        'the content script is ready but does not answer { type: "get-scan-stats" } (lib/messages.ts)',
      );
    throw e;
  }
}

/**
 * The renderer's memory for the page once garbage is collected (KB): V8's heap, Blink's (Oilpan) and
 * array buffers. Measured with the extension and without, the difference is what the extension keeps
 * (`heapKb`). Not in it: external strings, such as the source of our own script (207 KB, ASCII).
 */
async function heapKb(cdp: CDPSession): Promise<number> {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    embedderHeapUsedSize?: number;
    backingStorageSize?: number;
  };
  return (usage.usedSize + (usage.embedderHeapUsedSize ?? 0) + (usage.backingStorageSize ?? 0)) / 1024;
}

interface OursSample {
  stats: ScanStats;
  /** See `heapKb`, after ready. */
  heapKb: number;
  longestTaskMs: number;
  ourLongestTaskMs: number;
  ourTasksMs: number;
  ourTasksCpuMs: number;
}

async function measureOurs(ext: ExtensionBrowser, origin: string, p: BenchPage): Promise<OursSample> {
  const page = await ext.context.newPage();
  try {
    const cdp = await ext.context.newCDPSession(page);
    const stopTrace = await startTrace(cdp);
    await page.goto(origin + p.path, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    const stats = await scanStats(ext, page);
    await page.evaluate((stamp) => console.timeStamp(stamp), READY_STAMP);
    const tasks = summariseTasks(await stopTrace(), `chrome-extension://${ext.extensionId}/`);
    const heap = await heapKb(cdp);
    await cdp.detach();
    return {
      stats,
      heapKb: heap,
      longestTaskMs: tasks?.longestInWindowMs ?? Number.NaN,
      ourLongestTaskMs: tasks?.longestOursMs ?? Number.NaN,
      ourTasksMs: tasks?.oursTotalMs ?? Number.NaN,
      ourTasksCpuMs: tasks?.oursCpuMs ?? Number.NaN,
    };
  } finally {
    await page.close();
  }
}

/**
 * The floor, on a load of its own in the browser without the extension, walked once the page has
 * rendered (as our scan starts): cold, as our scan is. Walked after our scan in the same page instead, it
 * found every text node's string already made by it (V8 shares the strings of DOM text between the
 * page's worlds): the 5 MB page's floor was 11 ms that way and is 18–20 ms cold (the news pages' floors
 * hardly changed). Then the memory of the page without the extension, for `heapKb` (the walk's wrappers
 * are garbage once it returns).
 */
async function measureFloor(
  plain: BrowserContext,
  origin: string,
  p: BenchPage,
): Promise<{ ms: number; chars: number; heapKb: number }> {
  const page = await plain.newPage();
  try {
    await page.goto(origin + p.path, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    const floor = await page.evaluate(floorWalk);
    const cdp = await plain.newCDPSession(page);
    try {
      return { ...floor, heapKb: await heapKb(cdp) };
    } finally {
      await cdp.detach();
    }
  } finally {
    await page.close();
  }
}

/** mark.js runs in a browser without the extension, so the two never share a page's main thread. */
async function measureMarkjs(
  plain: BrowserContext,
  origin: string,
  p: BenchPage,
  regex: string,
): Promise<{ ms: number; matches: number }> {
  const page = await plain.newPage();
  try {
    await page.goto(origin + p.path, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    await page.addScriptTag({ path: MARKJS });
    return await page.evaluate(
      ({ source, flags }) => {
        const Mark = (window as unknown as { Mark: new (ctx: Element) => MarkInstance }).Mark;
        let matches = 0;
        const t0 = performance.now();
        new Mark(document.body).markRegExp(new RegExp(source, flags), {
          exclude: ['script', 'style'],
          // mark.js's defaults, as a developer would use it. Its `acrossElements: true` would also find
          // phrases split by inline markup ("Abraham <em>Accords</em>"), as our engine does, but it is
          // quadratic: 208 s on the 5 MB page against 1.9 s without. So `matches` may differ by those.
          acrossElements: false,
          done: (n: number) => {
            matches = n;
          },
        });
        return { ms: performance.now() - t0, matches };
      },
      { source: regex, flags: ALIAS_REGEX_FLAGS },
    );
  } finally {
    await page.close();
  }
}

interface MarkInstance {
  markRegExp(
    re: RegExp,
    options: { exclude: string[]; acrossElements: boolean; done: (n: number) => void },
  ): void;
}

async function measureOursOnly(ext: ExtensionBrowser, origin: string, p: BenchPage): Promise<number> {
  const page = await ext.context.newPage();
  try {
    await page.goto(origin + p.path, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    return (await scanStats(ext, page)).cpuMs;
  } finally {
    await page.close();
  }
}

function contentScriptGzipBytes(outDir: string): number {
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; css?: string[] }>;
  };
  const files = new Set((manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]));
  let total = 0;
  for (const f of files) total += gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length;
  return total;
}

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');

function table(results: Results): string {
  const head = [
    'page',
    'KB',
    'text',
    'floor ms',
    'cs floor ms',
    'ours ms',
    'engine ms',
    'mark.js ms',
    '÷floor',
    'cs floor÷floor',
    'cs regex ms',
    'cs regex÷floor',
    'mark.js÷',
    'task ms',
    'matches',
    'all ours ms',
    'all ours cpu',
    'iso walk ms',
    '÷iso walk',
    'heap KB',
  ];
  const rows = results.pages.map((p) => [
    p.name,
    fmt(p.bytes / 1024, 0),
    String(p.textChars),
    fmt(p.floorMs, 2),
    fmt(p.contentScriptFloorMs ?? Number.NaN, 2),
    fmt(p.oursMs, 2),
    fmt(p.engineMs ?? Number.NaN, 2),
    fmt(p.markjsMs, 1),
    fmt(p.ratioFloor, 2),
    fmt(p.ratioContentScriptFloor ?? Number.NaN, 2),
    fmt(p.contentScriptRegexMs ?? Number.NaN, 2),
    fmt(p.ratioContentScriptRegex ?? Number.NaN, 1),
    fmt(p.ratioMarkjs, 1),
    fmt(p.longestTaskMs, 1),
    `${p.matches.ours}/${p.matches.markjs}`,
    fmt(p.ourTasksMs, 1),
    fmt(p.ourTasksCpuMs ?? Number.NaN, 1),
    fmt(p.isolatedWalkMs ?? Number.NaN, 2),
    fmt(p.ratioIsolatedWalk ?? Number.NaN, 1),
    fmt(p.heapKb ?? Number.NaN, 0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(head),
    // Markdown alignment row in the form Biome's formatter keeps, so the table pastes into the README.
    `| ${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w - 1)}` : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}

/**
 * `--profile`: a build with source maps, profiled on the demo and the largest page, so the self time is
 * read by source file and original function name (the figures above come from the plain build).
 */
async function profileLargest(pages: BenchPage[], origin: string, executablePath: string) {
  run(`building with source maps into ${PROFILE_OUT}/`, 'npx', ['wxt', 'build'], {
    BL_OUT_DIR: PROFILE_OUT,
    BL_SOURCEMAP: '1',
  });
  const dir = join(ROOT, PROFILE_OUT, 'chrome-mv3');
  const mapFile = join(dir, 'content-scripts/content.js.map');
  const lookup = existsSync(mapFile)
    ? sourceLookup(JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMapV3)
    : undefined;
  const ext = await launchExtension({ executablePath, headless: true, extensionDir: dir });
  try {
    await confine(ext.context, origin);
    const largest = [...pages].sort((a, b) => b.bytes - a.bytes)[0];
    const demo = pages.find((p) => p.name === 'demo');
    for (const p of new Set([demo, largest]))
      if (p) await profileScan(ext, origin + p.path, join(OUT, `${p.name}.cpuprofile`), lookup);
  } finally {
    await ext.close();
  }
}

const LOCK = join(OUT, 'bench.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One bench at a time on a machine: two would rebuild each other's extension folders mid-run and share
 * the CPU, skewing both. Waits for a running one (its pid in bench/out/bench.lock) to finish.
 */
async function takeLock() {
  let announced = false;
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      process.once('exit', () => {
        if (existsSync(LOCK) && readFileSync(LOCK, 'utf8') === String(process.pid)) unlinkSync(LOCK);
      });
      return;
    } catch {
      const holder = Number(readFileSync(LOCK, 'utf8'));
      if (!Number.isInteger(holder) || !alive(holder)) {
        unlinkSync(LOCK);
        continue;
      }
      if (!announced) console.log(`▶ waiting for the bench already running (pid ${holder}) to finish …`);
      announced = true;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}

/** What one page's loads give, approach by approach, to take medians of. */
function noSamples() {
  return {
    ours: [] as OursSample[],
    markjs: [] as Array<{ ms: number; matches: number }>,
    floor: [] as Array<{ ms: number; chars: number; heapKb: number }>,
    /** The floor's walk as a content script (`floor.ts`). */
    contentScriptFloor: [] as Array<{ ms: number; chars: number }>,
    /** Every node walked as a content script (`floor.ts`). */
    isolated: [] as Array<{ ms: number; chars: number }>,
    /** The floor's walk and mark.js's regular expression as a content script (`floor.ts`). */
    contentScriptRegex: [] as Array<{ ms: number; chars: number; matches?: number }>,
    tenK: [] as number[],
  };
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  await takeLock();
  if (!flags['no-build']) build();
  if (!existsSync(GLOSSARY_JSON))
    throw new Error(`no compiled glossary at ${GLOSSARY_JSON}: run npm run glossary:check`);
  const glossary = JSON.parse(readFileSync(GLOSSARY_JSON, 'utf8')) as CompiledGlossary;
  const gzipBytes = contentScriptGzipBytes(join(ROOT, BUNDLED_OUT, 'chrome-mv3'));
  const regex = aliasRegexSource(glossary.aliases.map((a) => a.norm));

  const synthetic = SYNTHETIC_MB > 0 ? syntheticArticle(Math.round(SYNTHETIC_MB * 1024 * 1024)) : '';
  const pages = choosePages(Buffer.byteLength(synthetic));
  // Every page is served as itself, and under each of CONTENT_SCRIPT_WALKS's paths for the walk extension.
  const mounts: Record<string, string> = {
    '/demo/': join(ROOT, 'demo'),
    ...(existsSync(CORPUS) ? { '/corpus/': CORPUS } : {}),
  };
  const servedPages: Record<string, string> = synthetic ? { '/synthetic/index.html': synthetic } : {};
  const under = <T>(served: Record<string, T>) =>
    Object.fromEntries(
      ['']
        .concat(Object.values(CONTENT_SCRIPT_WALKS))
        .flatMap((prefix) => Object.entries(served).map(([at, what]) => [prefix + at, what])),
    );
  const server = await serve({ mounts: under(mounts), pages: under(servedPages) });
  const executablePath = await requireChromium();
  const headless = { executablePath, headless: true, viewport: { width: 1280, height: 900 } };
  const bundled = await launchExtension({ ...headless, extensionDir: join(ROOT, BUNDLED_OUT, 'chrome-mv3') });
  const tenK =
    WITH_10K && existsSync(join(ROOT, TEN_K_OUT, 'chrome-mv3'))
      ? await launchExtension({ ...headless, extensionDir: join(ROOT, TEN_K_OUT, 'chrome-mv3') })
      : undefined;
  const walkExtension = await launchExtension({
    ...headless,
    extensionDir: writeWalkExtension(WALK_EXTENSION, { source: regex, flags: ALIAS_REGEX_FLAGS }),
  });
  const plain = await chromium.launch({ executablePath, headless: true, args: chromiumArgs() });
  const plainContext = await plain.newContext({ viewport: { width: 1280, height: 900 } });
  await plainContext.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await confine(plainContext, server.origin);
  await confine(bundled.context, server.origin);
  if (tenK) await confine(tenK.context, server.origin);
  await confine(walkExtension.context, server.origin);
  const browserVersion =
    bundled.context.browser()?.version() ?? (await bundled.worker.evaluate(() => navigator.userAgent));

  const samples = new Map(pages.map((p) => [p.name, noSamples()]));
  const started = Date.now();
  const loadBefore = loadavg()[0] ?? 0;
  try {
    for (let r = 0; r < RUNS; r++) {
      for (const p of pages) {
        const s = samples.get(p.name);
        if (!s) continue;
        // Interleave the approaches, rotating their order each run, so drift hits them all alike.
        // One of the walk extension's walks on this page, its figures kept in `into`.
        const walkStep = (
          label: string,
          walk: ContentScriptWalk,
          into: Array<{ ms: number; chars: number }>,
        ): [string, () => Promise<void>] => [
          label,
          async () =>
            void into.push(
              await measureContentScriptWalk(
                walkExtension.context,
                server.origin,
                p.path,
                walk,
                READY_TIMEOUT_MS,
              ),
            ),
        ];
        const steps: Array<[string, () => Promise<void>]> = [
          ['ours', async () => void s.ours.push(await measureOurs(bundled, server.origin, p))],
          [
            'mark.js',
            async () => void s.markjs.push(await measureMarkjs(plainContext, server.origin, p, regex)),
          ],
          ['floor', async () => void s.floor.push(await measureFloor(plainContext, server.origin, p))],
          walkStep('floor as a content script', 'floor', s.contentScriptFloor),
          walkStep('isolated walk', 'nodes', s.isolated),
          walkStep('regular expression as a content script', 'regex', s.contentScriptRegex),
        ];
        if (tenK && p.scaling)
          steps.push(['10k', async () => void s.tenK.push(await measureOursOnly(tenK, server.origin, p))]);
        for (let i = 0; i < steps.length; i++) {
          const [label, step] = steps[(i + r) % steps.length] ?? [];
          const t0 = Date.now();
          await step?.();
          if (flags.verbose) console.log(`\n    ${p.name} ${label}: ${Date.now() - t0} ms`);
        }
        process.stdout.write(
          `\r  run ${r + 1}/${RUNS} · ${p.name.padEnd(24)} ${((Date.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    }
    process.stdout.write('\n');

    const pageResults: PageResult[] = pages.map((p) => {
      const s = samples.get(p.name) ?? noSamples();
      const floorMs = median(s.floor.map((f) => f.ms));
      const oursMs = median(s.ours.map((o) => o.stats.cpuMs));
      const markjsMs = median(s.markjs.map((m) => m.ms));
      const isolatedWalkMs = median(s.isolated.map((w) => w.ms));
      const contentScriptFloorMs = median(s.contentScriptFloor.map((f) => f.ms));
      return {
        name: p.name,
        bytes: p.bytes,
        textChars: s.floor[0]?.chars ?? 0,
        floorMs,
        oursMs,
        engineMs: median(s.ours.map((o) => o.stats.engineMs)),
        markjsMs,
        ratioFloor: oursMs / floorMs,
        ratioMarkjs: markjsMs / oursMs,
        longestTaskMs: median(s.ours.map((o) => o.longestTaskMs)),
        matches: { ours: s.ours[0]?.stats.mentions ?? 0, markjs: s.markjs[0]?.matches ?? 0 },
        ourLongestTaskMs: median(s.ours.map((o) => o.ourLongestTaskMs)),
        ourTasksMs: median(s.ours.map((o) => o.ourTasksMs)),
        ourTasksCpuMs: median(s.ours.map((o) => o.ourTasksCpuMs)),
        longestSliceMs: median(s.ours.map((o) => o.stats.longestSliceMs)),
        wallMs: median(s.ours.map((o) => o.stats.wallMs)),
        slices: median(s.ours.map((o) => o.stats.slices)),
        isolatedWalkMs,
        ratioIsolatedWalk: oursMs / isolatedWalkMs,
        contentScriptFloorMs,
        ratioContentScriptFloor: contentScriptFloorMs / floorMs,
        contentScriptFloorChars: s.contentScriptFloor[0]?.chars ?? 0,
        contentScriptRegexMs: median(s.contentScriptRegex.map((w) => w.ms)),
        ratioContentScriptRegex: median(s.contentScriptRegex.map((w) => w.ms)) / floorMs,
        contentScriptRegexMatches: s.contentScriptRegex[0]?.matches ?? Number.NaN,
        heapKb: median(s.ours.map((o) => o.heapKb)) - median(s.floor.map((f) => f.heapKb)),
        ...(s.tenK.length ? { oursTenThousandMs: median(s.tenK) } : {}),
      };
    });

    let scaling: Results['scaling'] = null;
    if (tenK) {
      // Summed over every page: dominated by the large pages, where glossary size would show.
      const scaled = pageResults.filter((r) => pages.find((p) => p.name === r.name)?.scaling);
      const bundledMs = scaled.reduce((n, p) => n + p.oursMs, 0);
      const tenThousandMs = scaled.reduce((n, p) => n + (p.oursTenThousandMs ?? Number.NaN), 0);
      const over = `sum over ${scaled.map((p) => p.name).join(', ')}`;
      scaling = { bundledMs, tenThousandMs, ratio: tenThousandMs / bundledMs, over };
    }

    const hover = await measureHoverLatency(bundled, server.origin, '/demo/index.html', HOVERS);
    if (flags.profile) await profileLargest(pages, server.origin, executablePath);

    const results: Results = {
      browser: browserVersion,
      machine: {
        cpu: cpus()[0]?.model.trim() ?? 'unknown',
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        os: `${platform()} ${release()}`,
        // A busy machine slows every figure; the 1-minute load average says how busy this one was.
        loadAverage: [loadBefore, loadavg()[0] ?? 0].map((l) => Math.round(l * 10) / 10),
      },
      runs: RUNS,
      pages: pageResults,
      scaling,
      hoverLatencyMs: hover.medianMs,
      contentScriptGzipBytes: gzipBytes,
    };
    writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
    // The file is committed with the README's figures, so it must pass `biome check` as written.
    spawnSync('npx', ['biome', 'format', '--write', 'bench/results.json'], { cwd: ROOT, stdio: 'ignore' });

    console.log(`\n${table(results)}\n`);
    const m = results.machine;
    console.log(
      `browser: Chromium ${results.browser} · runs: ${RUNS} (medians) · ${new Date().toISOString()}`,
    );
    console.log(
      `machine: ${m?.cpu}, ${m?.cores} cores, ${m?.memoryGb} GB, ${m?.os}; load average ${m?.loadAverage.join(' → ')}`,
    );
    console.log(
      `scaling${scaling?.over ? ` (${scaling.over})` : ''}: ${scaling ? `bundled ${fmt(scaling.bundledMs)} ms, 10,000 terms ${fmt(scaling.tenThousandMs)} ms, ratio ${fmt(scaling.ratio, 2)}` : 'not measured'}`,
    );
    console.log(
      `hover latency: ${hover.medianMs === null ? `not measured (${hover.note})` : `${fmt(hover.medianMs, 2)} ms median over ${hover.samples.length} hovers`}`,
    );
    console.log(`content script + CSS, gzipped: ${(results.contentScriptGzipBytes / 1024).toFixed(1)} KB`);
    console.log(`wrote bench/results.json in ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const missed = missedBudgets(results);
    if (missed.length) {
      console.error(`\n✖ ${missed.length} budget(s) missed:\n  - ${missed.join('\n  - ')}`);
      process.exitCode = 1;
    } else console.log(`\n✔ every budget holds (${Object.keys(BUDGETS).length} checks)`);
  } finally {
    await bundled.close();
    await tenK?.close();
    await walkExtension.close();
    await plain.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(`\n✖ bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
