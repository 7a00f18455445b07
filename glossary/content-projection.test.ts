import { describe, expect, it } from 'vitest';
import { compileEngine } from '../lib/match/engine';
import { glossary as full } from '.';
import { glossary as content, engineData } from './content';
import { contentProjection } from './content-projection';

describe('the content script’s glossary', () => {
  it('drops passage texts and display forms, and keeps everything a card or the engine reads', () => {
    const projected = contentProjection(full);
    expect(projected.passages).toEqual({});
    expect(Object.keys(full.passages).length).toBeGreaterThan(0);
    expect(projected.terms.map((t) => t.aliases)).toEqual(full.terms.map(() => []));
    expect(projected.terms.map(({ aliases: _, citations: __, ...rest }) => rest)).toEqual(
      full.terms.map(({ aliases: _, citations: __, ...rest }) => rest),
    );
    // The card shows a term's first citation, so that one is kept for every term.
    expect(projected.terms.map((t) => t.citations)).toEqual(full.terms.map((t) => t.citations.slice(0, 1)));
    expect(projected.terms.every((t) => t.citations.length === 1)).toBe(true);
    // The engine is bundled compiled (content-engine.json): the tables it is compiled from are not.
    expect(projected.aliases).toEqual([]);
    expect(projected.exclusions).toEqual([]);
    expect(full.aliases.length).toBeGreaterThan(0);
    expect(projected.qa.map(({ citations: _, ...rest }) => rest)).toEqual(
      full.qa.map(({ citations: _, ...rest }) => rest),
    );
  });

  it('is what the CLI wrote for the current packs', () => {
    expect(content).toEqual(contentProjection(full));
  });

  it('comes with the engine compiled from the current packs', () => {
    expect(engineData).toEqual(compileEngine(full));
  });
});
