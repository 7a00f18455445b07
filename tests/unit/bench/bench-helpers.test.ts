import { describe, expect, it } from 'vitest';
import { ALIAS_REGEX_FLAGS, aliasRegexSource } from '../../../bench/alias-regex';
import { generateGlossary } from '../../../bench/glossary-10k';
import { byFile, selfTimes } from '../../../bench/profile';
import { decodeVlq, sourceLookup } from '../../../bench/source-map';
import { BUDGETS, median, missedBudgets, type PageResult, type Results } from '../../../bench/stats';
import { syntheticArticle } from '../../../bench/synthetic-page';
import { READY_STAMP, summariseTasks, type TraceEvent } from '../../../bench/trace';
import type { CompiledGlossary } from '../../../glossary/types';

describe('the mark.js regex', () => {
  const re = new RegExp(
    aliasRegexSource(['abraham accords', 'pakistan', "iran's regional influence", 'us allies']),
    ALIAS_REGEX_FLAGS,
  );
  const all = (text: string) => [...text.matchAll(re)].map((m) => m[0]);

  it('matches whole words case-insensitively, across any whitespace or hyphen run', () => {
    expect(all('The ABRAHAM\u00a0Accords and Abraham-accords, Pakistan.')).toEqual([
      'ABRAHAM\u00a0Accords',
      'Abraham-accords',
      'Pakistan',
    ]);
    expect(all('Pakistani officials; Pakistan’s view')).toEqual(['Pakistan']);
  });

  it('accepts straight and curly apostrophes and prefers the longest alternative', () => {
    expect(all('Iran’s regional influence grows; US allies worry')).toEqual([
      'Iran’s regional influence',
      'US allies',
    ]);
  });

  it('escapes regex syntax inside aliases', () => {
    const dotted = new RegExp(aliasRegexSource(['u.s. allies']), ALIAS_REGEX_FLAGS);
    expect('U.S. allies'.match(dotted)?.[0]).toBe('U.S. allies');
    expect('uXsX allies'.match(dotted)).toBeNull();
  });
});

describe('the synthetic page', () => {
  it('reaches the target size, is deterministic and carries the briefing terms', () => {
    const html = syntheticArticle(200_000);
    expect(Buffer.byteLength(html)).toBeGreaterThanOrEqual(200_000);
    expect(Buffer.byteLength(html)).toBeLessThan(220_000);
    expect(syntheticArticle(200_000)).toBe(html);
    expect(html).toMatch(/Abraham Accords/);
    expect(html).toMatch(/<\/html>\s*$/);
  });
});

describe('the 10,000-term glossary', () => {
  const base = {
    formatVersion: 1,
    briefings: [],
    passages: {},
    topics: [{ id: 'diplomacy', briefing: 'b', name: 'Diplomacy', description: '', defaultOn: true }],
    terms: [
      { id: 'abraham-accords', label: 'Abraham Accords', short: 'A framework.' },
      { id: 'pakistan', label: 'Pakistan', short: 'A country.' },
    ],
    qa: [],
    aliases: [
      { norm: 'abraham accords', term: 'abraham-accords', variant: false, source: 'Abraham Accords' },
      { norm: 'abraham accord', term: 'abraham-accords', variant: true, source: 'Abraham Accords' },
      { norm: 'pakistan', term: 'pakistan', variant: false, source: 'Pakistan' },
    ],
    search: { keys: [], docs: [], index: {} },
  } as unknown as CompiledGlossary;

  it('has the requested number of terms, unique alias norms, and keeps the alias word-count mix', () => {
    const g = generateGlossary(base, 1000);
    expect(g.terms).toHaveLength(1000);
    expect(new Set(g.terms.map((t) => t.id)).size).toBe(1000);
    expect(new Set(g.aliases.map((a) => a.norm)).size).toBe(g.aliases.length);
    const words = (list: typeof g.aliases) => list.map((a) => a.norm.split(' ').length);
    const share = (list: number[], n: number) => list.filter((w) => w === n).length / list.length;
    const generated = words(g.aliases);
    // Base mix: two of three entries are two-word aliases.
    expect(share(generated, 2)).toBeGreaterThan(0.55);
    expect(share(generated, 2)).toBeLessThan(0.78);
    expect(g.aliases.every((a) => g.terms.some((t) => t.id === a.term))).toBe(true);
    expect(g.aliases.map((a) => a.norm)).toEqual([...g.aliases.map((a) => a.norm)].sort());
  });
});

describe('median and budgets', () => {
  it('takes the middle value, averaging the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  const page = (over: Partial<PageResult>): PageResult => ({
    name: 'p',
    bytes: 200_000,
    textChars: 1,
    floorMs: 10,
    oursMs: 11,
    markjsMs: 100,
    ratioFloor: 1.1,
    ratioMarkjs: 9,
    longestTaskMs: 20,
    matches: { ours: 1, markjs: 1 },
    ourLongestTaskMs: 5,
    ourTasksMs: 12,
    longestSliceMs: 4,
    wallMs: 30,
    slices: 3,
    ...over,
  });
  const results = (over: Partial<Results>): Results => ({
    browser: 'x',
    runs: 5,
    pages: [page({})],
    scaling: { bundledMs: 10, tenThousandMs: 12, ratio: 1.2 },
    hoverLatencyMs: 8,
    contentScriptGzipBytes: 40_000,
    ...over,
  });

  it('passes when every figure is within budget', () => {
    expect(missedBudgets(results({}))).toEqual([]);
  });

  it('names each missed budget, and counts unmeasured figures as misses', () => {
    const missed = missedBudgets(
      results({
        pages: [
          page({ name: 'big', ratioFloor: 2.5, ratioMarkjs: 2, longestTaskMs: 80 }),
          page({ name: 'small', bytes: 10, ratioMarkjs: 1 }),
        ],
        scaling: null,
        hoverLatencyMs: null,
        contentScriptGzipBytes: BUDGETS.gzipBytes + 1,
      }),
    );
    expect(missed.join('\n')).toMatch(/median ratioFloor/);
    expect(missed.join('\n')).toMatch(/on big: ratioFloor 2\.50/);
    expect(missed.join('\n')).toMatch(/mark\.js on big/);
    expect(missed.join('\n')).not.toMatch(/mark\.js on small/);
    expect(missed.join('\n')).toMatch(/long task on big: 80\.0 ms/);
    expect(missed.join('\n')).toMatch(/glossary scaling: not measured/);
    expect(missed.join('\n')).toMatch(/hover latency: not measured/);
    expect(missed.join('\n')).toMatch(/content script size/);
    // Not measured here: the floor line says nothing of a content script's floor.
    expect(missed.join('\n')).not.toMatch(/as a content script/);
  });

  it('says, with a missed floor budget, what the floor itself costs as a content script', () => {
    const missed = missedBudgets(
      results({
        pages: [
          page({ name: 'a', ratioFloor: 9, ratioContentScriptFloor: 1.5 }),
          page({ name: 'b', ratioFloor: 12, ratioContentScriptFloor: 2.1 }),
          page({ name: 'c', ratioFloor: 15, ratioContentScriptFloor: 1.8 }),
        ],
      }),
    );
    expect(missed[0]).toBe(
      "scan vs floor: median ratioFloor 12.00 > 1.3 (the floor's own walk run as a content script: median 1.80× the floor)",
    );
  });
});

describe('trace summary', () => {
  const ext = 'chrome-extension://abc/';
  const ev = (e: Partial<TraceEvent>): TraceEvent => ({ name: 'x', ph: 'X', ts: 0, pid: 1, tid: 2, ...e });
  const events: TraceEvent[] = [
    ev({ ph: 'M', name: 'thread_name', args: { name: 'CrRendererMain' } }),
    ev({ name: 'RunTask', ts: 0, dur: 90_000 }), // page parse, before our window
    ev({ name: 'RunTask', ts: 100_000, dur: 8_000, tdur: 6_000 }), // descheduled for 2 ms
    ev({
      name: 'FunctionCall',
      ts: 100_500,
      dur: 7_000,
      args: { data: { url: `${ext}content-scripts/content.js` } },
    }),
    ev({ name: 'RunTask', ts: 110_000, dur: 30_000 }), // a page task inside our window
    ev({ name: 'RunTask', ts: 150_000, dur: 12_000 }),
    ev({
      name: 'FunctionCall',
      ts: 150_100,
      dur: 11_000,
      args: { data: { url: `${ext}content-scripts/content.js` } },
    }),
    ev({ name: 'RunTask', ts: 400_000, dur: 70_000 }), // after our window
  ];

  it('finds our tasks and the longest task in the window they span', () => {
    const s = summariseTasks(events, ext);
    expect(s?.ourTasks).toEqual([8, 12]);
    expect(s?.longestOursMs).toBe(12);
    expect(s?.oursTotalMs).toBe(20);
    // Thread time where the trace has it (6 ms of the first task's 8), wall time where it does not.
    expect(s?.oursCpuMs).toBe(18);
    expect(s?.longestInWindowMs).toBe(30);
    expect(s?.windowMs).toBe(62);
  });

  it('extends the window to the ready stamp, for continuations that do not name our script', () => {
    const stamped = [
      ...events,
      ev({ name: 'RunTask', ts: 300_000, dur: 45_000 }),
      ev({ ph: 'I', name: 'TimeStamp', ts: 350_000, args: { data: { message: READY_STAMP } } }),
    ];
    const s = summariseTasks(stamped, ext);
    expect(s?.longestInWindowMs).toBe(45);
    expect(s?.windowMs).toBe(250);
  });

  it('returns nothing when our script never ran', () => {
    expect(summariseTasks(events, 'chrome-extension://other/')).toBeUndefined();
  });
});

describe('profile self times', () => {
  it('sums sample time per function of the extension only', () => {
    const frame = (functionName: string, url: string) => ({
      functionName,
      url,
      lineNumber: 0,
      columnNumber: 9,
    });
    const top = selfTimes(
      {
        nodes: [
          { id: 1, callFrame: frame('scan', 'chrome-extension://abc/content.js') },
          { id: 2, callFrame: frame('pageFn', 'http://127.0.0.1/app.js') },
        ],
        samples: [1, 1, 2, 1],
        timeDeltas: [0, 100, 100, 300],
      },
      'chrome-extension://abc/',
    );
    // Each sample lasts until the next one: the two `scan` samples last 100 µs each, the last one 0.
    expect(top).toEqual([{ fn: 'scan content.js:1:10', ms: 0.2 }]);
  });
});

describe('source maps', () => {
  it('decodes VLQ groups, signs included', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('AACA')).toEqual([0, 0, 1, 0]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gB')).toEqual([16]);
  });

  it('maps generated positions to their source file and original name', () => {
    // Line 0: col 0 → a.ts (name "scan"), col 10 → b.ts; line 1: col 4 → a.ts.
    const lookup = sourceLookup({
      sources: ['../../../lib/a.ts', '../../../lib/b.ts'],
      names: ['scan'],
      mappings: 'AAAAA,UCAA;IDAA',
    });
    expect(lookup(0, 0)).toEqual({ source: 'lib/a.ts', name: 'scan' });
    expect(lookup(0, 9)).toEqual({ source: 'lib/a.ts', name: 'scan' });
    expect(lookup(0, 25)).toEqual({ source: 'lib/b.ts' });
    expect(lookup(1, 3)).toBeUndefined();
    expect(lookup(1, 4)).toEqual({ source: 'lib/a.ts' });
    expect(lookup(5, 0)).toBeUndefined();
  });

  it('groups profile self time by source file', () => {
    const frame = (functionName: string, columnNumber: number) => ({
      functionName,
      url: 'chrome-extension://abc/content.js',
      lineNumber: 0,
      columnNumber,
    });
    const times = selfTimes(
      {
        nodes: [
          { id: 1, callFrame: frame('a', 0) },
          { id: 2, callFrame: frame('b', 12) },
        ],
        samples: [1, 2, 2, 1],
        timeDeltas: [0, 1000, 1000, 1000],
      },
      'chrome-extension://abc/',
      sourceLookup({ sources: ['lib/a.ts', 'lib/b.ts'], names: ['scan'], mappings: 'AAAAA,UCAA' }),
    );
    expect(times).toEqual([
      { fn: 'b lib/b.ts', ms: 2 },
      { fn: 'scan lib/a.ts', ms: 1 },
    ]);
    expect(byFile(times)).toEqual([
      { file: 'lib/b.ts', ms: 2 },
      { file: 'lib/a.ts', ms: 1 },
    ]);
  });
});
