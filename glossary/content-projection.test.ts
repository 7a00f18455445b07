import { describe, expect, it } from 'vitest';
import { glossary as full } from '.';
import { glossary as content } from './content';
import { contentProjection } from './content-projection';

describe('the content script’s glossary', () => {
  it('drops the passage texts and keeps everything a card or the engine reads', () => {
    const projected = contentProjection(full);
    expect(projected.passages).toEqual({});
    expect(projected.terms).toBe(full.terms);
    expect(projected.aliases).toBe(full.aliases);
    expect(Object.keys(full.passages).length).toBeGreaterThan(0);
  });

  it('is what the CLI wrote for the current packs', () => {
    expect(content).toEqual(contentProjection(full));
  });
});
