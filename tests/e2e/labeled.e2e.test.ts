// Every labeled page of ../shared/labeled/dev.json, in a real Chromium with the built extension: each
// `expect` text is painted and reported under its concept, no `forbid` text is painted anywhere.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageTermsResponse } from '../../lib/messages';
import { launch, type Session, SHARED, waitForReady } from './harness';
import { probe } from './page-probe';

interface LabeledCase {
  id: string;
  page: 'on-topic' | 'off-topic';
  html: string;
  expect: { text: string; concept: string; fuzzy: boolean }[];
  forbid: { text: string; why: string }[];
}

const DEV = join(SHARED, 'labeled', 'dev.json');
const cases: LabeledCase[] = existsSync(DEV) ? JSON.parse(readFileSync(DEV, 'utf8')) : [];
if (cases.length === 0) console.warn(`labeled.e2e: ${DEV} is absent, skipping the labeled pages`);

/** The briefing's concepts are named like the glossary's term ids. */
const termOf = (concept: string) => concept;

let session: Session;
const misses: string[] = [];
let fuzzyTotal = 0;
let fuzzyFound = 0;

beforeAll(async () => {
  if (cases.length > 0) session = await launch();
});
afterAll(async () => {
  await session?.close();
  if (cases.length > 0)
    console.log(`labeled.e2e: fuzzy ${fuzzyFound}/${fuzzyTotal}; misses: ${misses.join(' | ') || 'none'}`);
});

describe.skipIf(cases.length === 0)('labeled pages (../shared/labeled/dev.json)', () => {
  for (const c of cases) {
    it(`${c.id} (${c.page})`, async () => {
      session.setPage(`/labeled/${c.id}.html`, c.html);
      const page = await session.open(`/labeled/${c.id}.html`);
      const answer = await waitForReady<PageTermsResponse>(session, page);
      const samples = new Map(answer.terms.map((t) => [t.id, t.samples]));
      const result = await probe(page, [...c.expect.map((e) => e.text), ...c.forbid.map((f) => f.text)]);
      expect(result.registered).toBe(true);

      const problems: string[] = [];
      for (const e of c.expect) {
        const occurrences = result.occurrences[e.text] ?? [];
        if (occurrences.length === 0) problems.push(`expect "${e.text}" does not occur in the page text`);
        // Painted over an occurrence, and that painted text is reported under the concept's term.
        const termSamples = samples.get(termOf(e.concept)) ?? [];
        const ok = occurrences.some((o) => o.painted.some((p) => termSamples.includes(p)));
        if (e.fuzzy) {
          fuzzyTotal++;
          if (ok) fuzzyFound++;
          else misses.push(`${c.id}: fuzzy "${e.text}"`);
        } else if (!ok) {
          const painted = occurrences.flatMap((o) => o.painted);
          problems.push(
            `expect "${e.text}" as ${e.concept}: painted ${JSON.stringify(painted)}, ${e.concept} samples ${JSON.stringify(termSamples)}`,
          );
        }
      }
      for (const f of c.forbid) {
        for (const o of result.occurrences[f.text] ?? []) {
          if (o.painted.length > 0)
            problems.push(`forbid "${f.text}" (${f.why}) painted as ${JSON.stringify(o.painted)}`);
        }
      }
      if (c.page === 'off-topic') {
        // Off-topic pages are built from traps: nothing of the briefing belongs there.
        if (result.ranges.length > 0)
          problems.push(`off-topic page painted ${JSON.stringify(result.ranges)}`);
      }
      for (const p of problems) misses.push(`${c.id}: ${p}`);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('finds at least 90% of the misspellings (Fuse.js layer)', () => {
    expect(fuzzyTotal).toBeGreaterThan(0);
    expect(fuzzyFound / fuzzyTotal).toBeGreaterThanOrEqual(0.9);
  });

  it('reports no errors from the extension or the pages', () => {
    // The labeled pages reference images that are not served: those 404s are the page's, not ours.
    expect(session.errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});
