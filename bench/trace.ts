// Main-thread tasks from a Chromium trace (CDP `Tracing`, devtools.timeline categories): which tasks
// ran the content script, and the longest task in the window where it was scanning.
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs: unlike `dur`, not stretched when the OS runs another process. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; message?: string; stackTrace?: Array<{ url?: string }> } };
}

// What DevTools' performance panel records for tasks and script runs; `toplevel` and `v8.execute` would
// triple the events to collect without adding what we need.
export const TRACE_CATEGORIES = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  '__metadata',
].join(',');

/** Starts a trace on the page's CDP session; the returned function stops it and yields its events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: unknown[] }) => {
    for (const v of e.value) events.push(v as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

export interface TaskSummary {
  /** Tasks (ms) on the page's main thread that ran the content script's code. */
  ourTasks: number[];
  /** Longest main-thread task between the first and the last task that ran our code, in ms. */
  longestInWindowMs: number;
  longestOursMs: number;
  /** All tasks that ran our code, summed: start-up (script evaluation, engine construction) included. */
  oursTotalMs: number;
  /** The same tasks' thread CPU time: the figure least disturbed by other load on the machine. */
  oursCpuMs: number;
  windowMs: number;
}

const isTask = (e: TraceEvent) => e.ph === 'X' && e.name === 'RunTask';

function touches(e: TraceEvent, urlPrefix: string): boolean {
  const data = e.args?.data;
  if (!data) return false;
  if (data.url?.startsWith(urlPrefix)) return true;
  return data.stackTrace?.some((f) => f.url?.startsWith(urlPrefix)) ?? false;
}

/** Put into the trace (`console.timeStamp`) by the bench once the content script reports ready. */
export const READY_STAMP = 'briefing-lens-bench:ready';

/**
 * Finds the main thread that ran scripts from `urlPrefix` (the extension's origin), then its tasks:
 * those containing an event of our script, and the longest of all tasks in the window from the first
 * of them to the later of the last of them and the READY_STAMP (continuations such as
 * `scheduler.yield` resume without naming our script, so the stamp closes the window).
 */
export function summariseTasks(events: TraceEvent[], urlPrefix: string): TaskSummary | undefined {
  const ours = events.filter((e) => e.ph === 'X' && touches(e, urlPrefix));
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = ours.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`));
  const first = onMain[0];
  if (!first) return undefined;
  const thread = `${first.pid}:${first.tid}`;
  const tasks = events.filter((e) => isTask(e) && `${e.pid}:${e.tid}` === thread).sort((a, b) => a.ts - b.ts);
  const ourTaskSet = new Set<TraceEvent>();
  for (const e of onMain) {
    if (`${e.pid}:${e.tid}` !== thread) continue;
    const task = tasks.find((t) => t.ts <= e.ts && e.ts <= t.ts + (t.dur ?? 0));
    if (task) ourTaskSet.add(task);
  }
  const ourTasks = [...ourTaskSet].sort((a, b) => a.ts - b.ts);
  const start = ourTasks[0];
  const end = ourTasks[ourTasks.length - 1];
  if (!start || !end) return undefined;
  const stamp = events.find(
    (e) => e.name === 'TimeStamp' && e.args?.data?.message === READY_STAMP && `${e.pid}:${e.tid}` === thread,
  );
  const windowEnd = Math.max(end.ts + (end.dur ?? 0), stamp?.ts ?? 0);
  let longest = 0;
  for (const t of tasks) {
    if (t.ts + (t.dur ?? 0) < start.ts || t.ts > windowEnd) continue;
    longest = Math.max(longest, (t.dur ?? 0) / 1000);
  }
  const durations = ourTasks.map((t) => (t.dur ?? 0) / 1000);
  return {
    ourTasks: durations,
    longestInWindowMs: longest,
    longestOursMs: Math.max(0, ...durations),
    oursTotalMs: durations.reduce((a, b) => a + b, 0),
    oursCpuMs: ourTasks.reduce((a, t) => a + (t.tdur ?? t.dur ?? 0), 0) / 1000,
    windowMs: (windowEnd - start.ts) / 1000,
  };
}
