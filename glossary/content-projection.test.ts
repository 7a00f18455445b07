import { describe, expect, it } from 'vitest';
import { glossary as full } from '.';
import { glossary as content } from './content';
import { contentProjection } from './content-projection';

describe('the content script’s glossary', () => {
  it('drops passage texts and display forms, and keeps everything a card or the engine reads', () => {
    const projected = contentProjection(full);
    expect(projected.passages).toEqual({});
    expect(Object.keys(full.passages).length).toBeGreaterThan(0);
    expect(projected.terms.map((t) => t.aliases)).toEqual(full.terms.map(() => []));
    expect(projected.terms.map(({ aliases: _, ...rest }) => rest)).toEqual(
      full.terms.map(({ aliases: _, ...rest }) => rest),
    );
    expect(projected.aliases.map((a) => [a.norm, a.term, a.variant])).toEqual(
      full.aliases.map((a) => [a.norm, a.term, a.variant]),
    );
    expect(projected.exclusions).toEqual(full.exclusions);
    expect(projected.qa).toEqual(full.qa);
  });

  it('is what the CLI wrote for the current packs', () => {
    expect(content).toEqual(contentProjection(full));
  });
});
