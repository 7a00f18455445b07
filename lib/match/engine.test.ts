import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossary } from '../../glossary';
import { compileEngine, createEngine, type EngineData, lazyEngine, loadEngine } from './engine';
import { fixtureGlossary } from './fixture-glossary';

describe('lazyEngine', () => {
  it('builds the engine on first use or when prepared, once, and answers as it would', () => {
    let builds = 0;
    const lazy = lazyEngine(() => {
      builds++;
      return createEngine(fixtureGlossary());
    });
    expect(builds).toBe(0);
    lazy.prepare?.();
    expect(builds).toBe(1);
    const text = 'The Abraham Accords and Pakistan.';
    expect(lazy.scan(text)).toEqual(createEngine(fixtureGlossary()).scan(text));
    expect(lazy.allows('abraham-accords', new Map(), new Map())).toBe(true);
    expect(builds).toBe(1);
  });

  it('never builds an engine nobody scans with (a paused site)', () => {
    let builds = 0;
    lazyEngine(() => {
      builds++;
      return createEngine(fixtureGlossary());
    });
    expect(builds).toBe(0);
  });
});

describe('compiled engine data', () => {
  const html = readFileSync(join(__dirname, '../../demo/index.html'), 'utf8');
  // The demo article's paragraphs, tags dropped: every bundled term, in its variant forms.
  const texts = [
    ...[...html.matchAll(/<(p|h\d|li)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) =>
      (m[2] as string).replace(/<[^>]*>/g, ''),
    ),
    'The Abrahm Accords, Pakistn and normalisation with Israel.',
    'Batch normalization in a database schema.',
  ];

  it('survives JSON: the loaded engine finds and decides what the compiled one does', () => {
    const data = compileEngine(glossary);
    const loaded = loadEngine(JSON.parse(JSON.stringify(data)) as EngineData);
    const direct = createEngine(glossary);
    let mentions = 0;
    for (const text of texts) {
      const scan = loaded.scan(text);
      expect(scan).toEqual(direct.scan(text));
      mentions += scan.mentions.length;
    }
    expect(mentions).toBeGreaterThan(20);
    const tally = new Map([['term:abraham-accords', 1]]);
    for (const term of glossary.terms) {
      expect(loaded.allows(term.id, tally, tally), term.id).toBe(direct.allows(term.id, tally, tally));
    }
  });

  it('loads the same engine from data with its derived tables written out (big glossaries)', () => {
    const plain = compileEngine(glossary, { derived: false });
    const derived = compileEngine(glossary, { derived: true });
    expect(plain.index.derived).toBeUndefined();
    expect(derived.index.derived?.hashes).toHaveLength(derived.index.tokens.length);
    const a = loadEngine(JSON.parse(JSON.stringify(plain)) as EngineData);
    const b = loadEngine(JSON.parse(JSON.stringify(derived)) as EngineData);
    let mentions = 0;
    for (const text of texts) {
      expect(b.scan(text)).toEqual(a.scan(text));
      mentions += a.scan(text).mentions.length;
    }
    expect(mentions).toBeGreaterThan(20);
  });

  it('refuses data that lists a token twice', () => {
    const data = compileEngine(glossary);
    data.index.tokens[1] = data.index.tokens[0] as string;
    expect(() => loadEngine(data)).toThrow(/token 1 is listed twice/);
  });
});
