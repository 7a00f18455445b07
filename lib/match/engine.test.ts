import { describe, expect, it } from 'vitest';
import { createEngine, lazyEngine } from './engine';
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
