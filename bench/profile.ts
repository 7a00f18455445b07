// `npm run bench -- --profile`: a CPU profile (CDP Profiler, sampled every 100 µs) of the page while our
// content script scans it, saved for DevTools ("Performance" → load profile) and summarised: the
// extension's functions with the most self time.
import { writeFileSync } from 'node:fs';
import type { ExtensionBrowser } from '../scripts/extension';
import { pollReady } from '../scripts/extension';
import type { Origin } from './source-map';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Self time per function (ms) from a sampled profile, for frames whose URL starts with `urlPrefix`.
 * With `origin` (a source map lookup) functions are named by their source file and original name.
 */
export function selfTimes(
  profile: Profile,
  urlPrefix: string,
  origin?: (line: number, column: number) => Origin | undefined,
): Array<{ fn: string; ms: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] as number);
    if (!node || !node.callFrame.url.startsWith(urlPrefix)) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const at = origin?.(lineNumber, columnNumber);
    const key = at
      ? `${at.name ?? (functionName || '(anonymous)')} ${at.source}`
      : `${functionName || '(anonymous)'} ${url.slice(urlPrefix.length)}:${lineNumber + 1}:${columnNumber + 1}`;
    // A sample's time is the delta to the next one.
    totals.set(key, (totals.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...totals].map(([fn, ms]) => ({ fn, ms })).sort((a, b) => b.ms - a.ms);
}

/** Self time per source file, from `selfTimes` keyed with a source map. */
export function byFile(times: Array<{ fn: string; ms: number }>): Array<{ file: string; ms: number }> {
  const totals = new Map<string, number>();
  for (const t of times) {
    const file = t.fn.slice(t.fn.lastIndexOf(' ') + 1);
    totals.set(file, (totals.get(file) ?? 0) + t.ms);
  }
  return [...totals].map(([file, ms]) => ({ file, ms })).sort((a, b) => b.ms - a.ms);
}

export async function profileScan(
  ext: ExtensionBrowser,
  url: string,
  outFile: string,
  origin?: (line: number, column: number) => Origin | undefined,
) {
  const page = await ext.context.newPage();
  try {
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await pollReady(ext.worker, page, { type: 'get-scan-stats' }, 120_000, 100);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    writeFileSync(outFile, JSON.stringify(profile));
    const times = selfTimes(profile, `chrome-extension://${ext.extensionId}/content-scripts/`, origin);
    console.log(`\nCPU profile of our scan on ${url} → ${outFile}`);
    if (origin) {
      console.log('Self time in the content script by source file:');
      for (const f of byFile(times).slice(0, 8))
        console.log(`  ${f.ms.toFixed(1).padStart(7)} ms  ${f.file}`);
    }
    console.log('Top functions by self time:');
    for (const t of times.slice(0, 12)) console.log(`  ${t.ms.toFixed(1).padStart(7)} ms  ${t.fn}`);
  } finally {
    await page.close();
  }
}
