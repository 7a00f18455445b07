// `npm run bench -- --profile`: a CPU profile (CDP Profiler, sampled every 100 µs) of the page while our
// content script scans it, saved for DevTools ("Performance" → load profile) and summarised: the
// extension's functions with the most self time.
import { writeFileSync } from 'node:fs';
import type { ExtensionBrowser } from '../scripts/extension';
import { pollReady } from '../scripts/extension';

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

/** Self time per function (ms) from a sampled profile, for frames whose URL starts with `urlPrefix`. */
export function selfTimes(profile: Profile, urlPrefix: string): Array<{ fn: string; ms: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] as number);
    if (!node || !node.callFrame.url.startsWith(urlPrefix)) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.slice(urlPrefix.length)}:${lineNumber + 1}:${columnNumber + 1}`;
    // A sample's time is the delta to the next one.
    totals.set(key, (totals.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...totals].map(([fn, ms]) => ({ fn, ms })).sort((a, b) => b.ms - a.ms);
}

export async function profileScan(ext: ExtensionBrowser, url: string, outFile: string) {
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
    const top = selfTimes(profile, `chrome-extension://${ext.extensionId}/`).slice(0, 12);
    console.log(`\nCPU profile of our scan on ${url} → ${outFile}\nTop self time in the content script:`);
    for (const t of top) console.log(`  ${t.ms.toFixed(1).padStart(7)} ms  ${t.fn}`);
    console.log('(content.js is minified: build with `npx wxt build --mode development` for readable names)');
  } finally {
    await page.close();
  }
}
