// Medians and the budget check (DESIGN.md "Budgets"), kept pure so they are unit-tested.

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface PageResult {
  name: string;
  bytes: number;
  textChars: number;
  floorMs: number;
  /** The scan's slices plus building the engine (`engineMs`), to ready. */
  oursMs: number;
  /** Of `oursMs`: building the matching engine, once per page. */
  engineMs?: number;
  markjsMs: number;
  ratioFloor: number;
  ratioMarkjs: number;
  longestTaskMs: number;
  matches: { ours: number; markjs: number };
  /** Longest task that ran the content script's own code (the rest of `longestTaskMs`'s window is the page's). */
  ourLongestTaskMs: number;
  /** CPU of every task that ran our code (trace), start-up included; `oursMs` counts the scan only. */
  ourTasksMs: number;
  /** `ourTasksMs` as thread CPU time (trace `tdur`): comparable across runs on a busy machine. */
  ourTasksCpuMs?: number;
  longestSliceMs: number;
  wallMs: number;
  slices: number;
  /**
   * For information, not a budget: a bare walk over every node, elements included, reading each text's
   * data and each element's name, run as the content script of the bench's walk extension (`floor.ts`;
   * until session 9, in an isolated world made through CDP). The least a content script must do to know
   * which text is code, hidden or editable (see README "Performance").
   */
  isolatedWalkMs?: number;
  /** `oursMs / isolatedWalkMs`. */
  ratioIsolatedWalk?: number;
  /**
   * For information, not a budget: the floor's own walk run as the content script of the bench's walk
   * extension (in its isolated world, cold, at the moment the floor is walked). No content script can
   * scan for less.
   */
  contentScriptFloorMs?: number;
  /** `contentScriptFloorMs / floorMs`: the least `ratioFloor` any content script can have. */
  ratioContentScriptFloor?: number;
  /** Characters that walk read (the floor's `textChars`, unless the page changed itself in between). */
  contentScriptFloorChars?: number;
  /**
   * For information, not a budget: the floor's walk plus mark.js's one regular expression over every
   * text but scripts' and styles', as a content script (`floor.ts`): the least a regex matcher does.
   */
  contentScriptRegexMs?: number;
  /** `contentScriptRegexMs / floorMs`. */
  ratioContentScriptRegex?: number;
  /** Matches that walk's expression found (mark.js's `matches` but for phrases split by markup). */
  contentScriptRegexMatches?: number;
  /**
   * For information, not a budget: memory the extension keeps in the page's renderer once ready (V8 and
   * Blink heaps and array buffers after a full garbage collection, with the extension minus without).
   */
  heapKb?: number;
  /** Our scan CPU with the 10,000-term glossary, when measured. */
  oursTenThousandMs?: number;
}

export interface Results {
  browser: string;
  machine?: { cpu: string; cores: number; memoryGb: number; os: string; loadAverage: number[] };
  runs: number;
  pages: PageResult[];
  scaling: { bundledMs: number; tenThousandMs: number; ratio: number; over?: string } | null;
  hoverLatencyMs: number | null;
  contentScriptGzipBytes: number;
}

export const BUDGETS = {
  medianRatioFloor: 1.3,
  maxRatioFloor: 2,
  minRatioMarkjs: 3,
  markjsMinBytes: 100 * 1024,
  longestTaskMs: 50,
  scalingRatio: 1.5,
  hoverLatencyMs: 16,
  gzipBytes: 60 * 1024,
};

const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : String(n));

/** Every missed budget, one readable line each; empty when all hold. Unmeasured figures are misses too. */
export function missedBudgets(r: Results, b = BUDGETS): string[] {
  const missed: string[] = [];
  const ratios = r.pages.map((p) => p.ratioFloor);
  const med = median(ratios);
  if (!(med <= b.medianRatioFloor)) {
    // What the floor's own walk costs as a content script says whether any content script could hold it.
    const least = median(r.pages.map((p) => p.ratioContentScriptFloor ?? Number.NaN));
    const note = Number.isFinite(least)
      ? ` (the floor's own walk run as a content script: median ${f(least)}× the floor)`
      : '';
    missed.push(`scan vs floor: median ratioFloor ${f(med)} > ${b.medianRatioFloor}${note}`);
  }
  for (const p of r.pages) {
    if (!(p.ratioFloor <= b.maxRatioFloor))
      missed.push(`scan vs floor on ${p.name}: ratioFloor ${f(p.ratioFloor)} > ${b.maxRatioFloor}`);
    if (p.bytes > b.markjsMinBytes && !(p.ratioMarkjs >= b.minRatioMarkjs))
      missed.push(`vs mark.js on ${p.name}: ratioMarkjs ${f(p.ratioMarkjs)} < ${b.minRatioMarkjs}`);
    if (!(p.longestTaskMs <= b.longestTaskMs))
      missed.push(`long task on ${p.name}: ${f(p.longestTaskMs, 1)} ms > ${b.longestTaskMs} ms`);
  }
  if (!r.scaling) missed.push('glossary scaling: not measured');
  else if (!(r.scaling.ratio <= b.scalingRatio))
    missed.push(`glossary scaling: 10k/bundled ratio ${f(r.scaling.ratio)} > ${b.scalingRatio}`);
  if (r.hoverLatencyMs === null) missed.push('hover latency: not measured (no card marks seen)');
  else if (!(r.hoverLatencyMs <= b.hoverLatencyMs))
    missed.push(`hover latency: ${f(r.hoverLatencyMs, 1)} ms > ${b.hoverLatencyMs} ms`);
  if (!(r.contentScriptGzipBytes <= b.gzipBytes))
    missed.push(
      `content script size: ${(r.contentScriptGzipBytes / 1024).toFixed(1)} KB gzipped > ${b.gzipBytes / 1024} KB`,
    );
  return missed;
}
