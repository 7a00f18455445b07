// Node-level evaluation of the matching engine on the labeled pages (../shared/labeled/dev.json), when
// present. See labeled-pages.ts for how a page is cut into blocks and decided.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { createEngine } from '../../lib/match/engine';
import { evaluate, type LabeledCase } from './labeled-pages';

const DEV = resolve(__dirname, '../../../shared/labeled/dev.json');

const cases: LabeledCase[] = existsSync(DEV) ? JSON.parse(readFileSync(DEV, 'utf8')) : [];

describe.skipIf(cases.length === 0)('labeled dev pages (Node, happy-dom text extraction)', () => {
  if (cases.length === 0) console.warn(`skipped: ${DEV} not found`);
  const engine = createEngine(glossary);
  const results = cases.map((c) => evaluate(engine, c));

  it('paints every non-fuzzy expected mention under its concept', () => {
    const missed = results.flatMap((r) =>
      r.missed.filter((x) => !x.fuzzy).map((x) => `${r.c.id}: "${x.text}" as ${x.concept}`),
    );
    expect(missed).toEqual([]);
  });

  it('paints at least 90% of the fuzzy (misspelled) mentions', () => {
    const fuzzy = results.flatMap((r) => r.c.expect.filter((x) => x.fuzzy));
    const missed = results.flatMap((r) => r.missed.filter((x) => x.fuzzy));
    expect(fuzzy.length).toBeGreaterThan(0);
    expect(missed.length / fuzzy.length).toBeLessThanOrEqual(0.1);
  });

  it('paints no forbidden text', () => {
    const forbidden = results.flatMap((r) =>
      r.forbidden.map((f) => `${r.c.id}: "${f.text}" (${f.why ?? ''})`),
    );
    expect(forbidden).toEqual([]);
  });

  it('paints nothing at all on off-topic pages', () => {
    const lit = results
      .filter((r) => r.c.page === 'off-topic')
      .flatMap((r) => r.painted.map((p) => `${r.c.id}: "${p.text}" as ${p.term}`));
    expect(lit).toEqual([]);
  });
});
