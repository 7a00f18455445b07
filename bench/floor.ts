// The floor (a bare walk over every text node, reading its text), and the bench's walk extension: a
// minimal extension whose content script runs the floor's walk, or a walk over every node, as a content
// script does, in its own isolated world. What those walks cost a content script, whatever it then does.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** The floor: a bare walk over every text node of the page, reading its text. Timed inside the page. */
export function floorWalk(): { ms: number; chars: number } {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  return { ms: performance.now() - t0, chars };
}

/**
 * Every node (elements too) walked by hand, reading each text's data and each element's name: the least
 * a scanner that must skip code, hidden and editable text does. `chars` counts text only, as the floor's.
 */
export function nodeWalk(): { ms: number; chars: number; names: number } {
  const t0 = performance.now();
  let chars = 0;
  let names = 0;
  let n: Node | null = document.documentElement;
  while (n) {
    const t = n.nodeType;
    if (t === 3) chars += (n as Text).data.length;
    else if (t === 1) names += (n as Element).localName.length;
    const c: Node | null = n.firstChild;
    if (c) {
      n = c;
      continue;
    }
    while (n && !n.nextSibling) n = n.parentNode;
    n = n ? n.nextSibling : null;
  }
  return { ms: performance.now() - t0, chars, names };
}

/**
 * The floor's walk, and one regular expression (mark.js's, `alias-regex.ts`: every alias and variant)
 * run over every text but scripts' and styles': the least a scanner that matches text with a regular
 * expression does. No skipping hidden or editable text, no grouping, no near misses, no painting. The
 * expression is compiled in the timed part, as mark.js's and our engine's are in theirs.
 */
export function regexWalk(source: string, flags: string): { ms: number; chars: number; matches: number } {
  const t0 = performance.now();
  const re = new RegExp(source, flags);
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  let matches = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = (n.parentNode as Element).localName;
    if (parent === 'script' || parent === 'style') continue;
    const text = (n as Text).data;
    chars += text.length;
    re.lastIndex = 0;
    while (re.exec(text)) matches++;
  }
  return { ms: performance.now() - t0, chars, matches };
}

/** The walks the bench's own extension runs as a content script, each on pages under its own path. */
export const CONTENT_SCRIPT_WALKS = { floor: '/cs-floor', nodes: '/cs-nodes', regex: '/cs-regex' } as const;
export type ContentScriptWalk = keyof typeof CONTENT_SCRIPT_WALKS;
/** The performance mark the walk extension's content script leaves, its `detail` the walk's figures. */
export const CS_WALK_MARK = 'bench:content-script-walk';

/**
 * Writes the walk extension into `dir`: a manifest, an empty service worker (the harness waits for one)
 * and a content script that, on pages under the paths of `CONTENT_SCRIPT_WALKS` only, runs that path's
 * walk (the same function as the bench's, cold, once) at the moment the main-world floor is walked (the
 * page loaded, then a frame), and leaves its figures in a performance mark, which the page's main world
 * can read (the performance timeline is the document's).
 */
export function writeWalkExtension(dir: string, regex: { source: string; flags: string }): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Briefing Lens bench: walks as a content script',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    content_scripts: [
      {
        // No port: a match pattern without one matches every port, the bench server's included.
        matches: Object.values(CONTENT_SCRIPT_WALKS).map((prefix) => `http://127.0.0.1${prefix}/*`),
        js: ['content.js'],
        run_at: 'document_idle',
      },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), '// The bench harness waits for a service worker.\n');
  writeFileSync(
    join(dir, 'content.js'),
    [
      // tsx compiles with esbuild's keepNames, which may wrap the function in `__name(…)`.
      'var __name = (fn) => fn;',
      `const floorWalk = ${floorWalk.toString()};`,
      `const nodeWalk = ${nodeWalk.toString()};`,
      `const regexWalk = ${regexWalk.toString()};`,
      `const walks = ${JSON.stringify(CONTENT_SCRIPT_WALKS)};`,
      'const at = (prefix) => location.pathname.startsWith(`${prefix}/`);',
      'const fn = at(walks.floor) ? floorWalk : at(walks.nodes) ? nodeWalk :',
      `  () => regexWalk(${JSON.stringify(regex.source)}, ${JSON.stringify(regex.flags)});`,
      'const walk = () => requestAnimationFrame(() => setTimeout(() => {',
      `  performance.mark(${JSON.stringify(CS_WALK_MARK)}, { detail: fn() });`,
      '}, 0));',
      "if (document.readyState === 'complete') walk();",
      "else addEventListener('load', walk, { once: true });",
      '',
    ].join('\n'),
  );
  return dir;
}

/**
 * Loads `path` under the walk's own path in the browser with the walk extension, and reads the figures its
 * content script left. Polled on a timer, not on animation frames, so the main world does as little as
 * possible while the content script walks.
 */
export async function measureContentScriptWalk(
  context: BrowserContext,
  origin: string,
  path: string,
  walk: ContentScriptWalk,
  timeoutMs: number,
): Promise<{ ms: number; chars: number; matches?: number }> {
  const page = await context.newPage();
  try {
    await page.goto(origin + CONTENT_SCRIPT_WALKS[walk] + path, { waitUntil: 'load', timeout: timeoutMs });
    const handle = await page.waitForFunction(
      (name) => {
        const mark = performance.getEntriesByName(name)[0] as PerformanceMark | undefined;
        return mark?.detail;
      },
      CS_WALK_MARK,
      { polling: 50, timeout: timeoutMs },
    );
    const figures = (await handle.jsonValue()) as { ms: unknown; chars: unknown; matches?: unknown };
    if (typeof figures.ms !== 'number' || typeof figures.chars !== 'number')
      throw new Error(`the walk extension's mark on ${path} holds ${JSON.stringify(figures)}`);
    const matches = typeof figures.matches === 'number' ? { matches: figures.matches } : {};
    return { ms: figures.ms, chars: figures.chars, ...matches };
  } finally {
    await page.close();
  }
}
