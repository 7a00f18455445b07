import { afterEach, describe, expect, it, vi } from 'vitest';
import { hitTest, rectsContain } from './hit-test';
import { HIGHLIGHT_NAME } from './paint';
import type { PageIndex, ShownMention } from './types';

const rect = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe('rectsContain', () => {
  it('is true inside any line box and false in the gap between them', () => {
    const lines = [rect(100, 0, 300, 20), rect(0, 20, 50, 40)];
    expect(rectsContain(lines, 200, 10)).toBe(true);
    expect(rectsContain(lines, 25, 30)).toBe(true);
    expect(rectsContain(lines, 80, 30)).toBe(false);
    expect(rectsContain(lines, 320, 10)).toBe(false);
  });
});

// A text node stand-in and a document whose caret API snaps to the nearest character, like browsers do.
const text = { nodeType: 3 } as unknown as Node;
const mention: ShownMention = {
  id: 1,
  term: 'pakistan',
  text: 'Pakistan',
  range: { getClientRects: () => [rect(100, 0, 160, 20)] } as unknown as Range,
};
const index: PageIndex = {
  // The mention covers offsets [10, 18) of the text node.
  at: (node, offset) => (node === text && offset >= 10 && offset < 18 ? mention : undefined),
  list: () => [mention],
  onChange: () => () => {},
};
const docSnapping = (offset: number) =>
  ({ caretPositionFromPoint: () => ({ offsetNode: text, offset }) }) as unknown as Document;

describe('hitTest', () => {
  it('finds the mention under the pointer', () => {
    expect(hitTest(docSnapping(12), index, 120, 10)).toBe(mention);
  });

  it('finds it over the last half of its last letter, where the caret lands just past it', () => {
    expect(hitTest(docSnapping(18), index, 159, 10)).toBe(mention);
  });

  it('finds nothing in blank space past the line end, though the caret snaps onto the word', () => {
    expect(hitTest(docSnapping(18), index, 400, 10)).toBeUndefined();
    expect(hitTest(docSnapping(17), index, 400, 10)).toBeUndefined();
  });

  it('looks into open shadow roots under the point, which the first caret lookup stops outside', () => {
    const shadowRoot = { elementFromPoint: () => null } as unknown as ShadowRoot;
    const host = { shadowRoot } as unknown as Element;
    const calls: unknown[] = [];
    const doc = {
      elementFromPoint: () => host,
      caretPositionFromPoint: (_x: number, _y: number, options?: { shadowRoots?: ShadowRoot[] }) => {
        calls.push(options?.shadowRoots);
        return options?.shadowRoots?.[0] === shadowRoot
          ? { offsetNode: text, offset: 12 }
          : { offsetNode: { nodeType: 1 }, offset: 1 };
      },
    } as unknown as Document;
    expect(hitTest(doc, index, 120, 10)).toBe(mention);
    expect(calls).toEqual([undefined, [shadowRoot]]);
  });

  it('falls back to caretRangeFromPoint', () => {
    const doc = {
      caretRangeFromPoint: () => ({ startContainer: text, startOffset: 11 }),
    } as unknown as Document;
    expect(hitTest(doc, index, 120, 10)).toBe(mention);
  });
});

describe('hitTest with highlightsFromPoint', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  // The page's registry as a Firefox content script sees it: through an Xray wrapper, whose maplike
  // iteration with a callback from the content script throws.
  const ours = { name: 'ours' };
  const theirs = { name: 'the page’s own' };
  const registry = (hits: () => Array<{ highlight: unknown; ranges: AbstractRange[] }>) => ({
    get: (name: string) => (name === HIGHLIGHT_NAME ? ours : undefined),
    highlightsFromPoint: hits,
    forEach: () => {
      throw new Error('Permission denied to access object');
    },
  });
  const range = { startContainer: text, startOffset: 12 } as unknown as AbstractRange;
  const noCaret = {} as unknown as Document;

  it('finds our mention from the registry, looking our highlight up by name', () => {
    vi.stubGlobal('CSS', {
      highlights: registry(() => [
        {
          highlight: theirs,
          ranges: [{ startContainer: text, startOffset: 99 } as unknown as AbstractRange],
        },
        { highlight: ours, ranges: [range] },
      ]),
    });
    expect(hitTest(noCaret, index, 120, 10)).toBe(mention);
  });

  it('falls back to the caret when asking the registry fails', () => {
    vi.stubGlobal('CSS', {
      highlights: registry(() => {
        throw new Error('Permission denied to access object');
      }),
    });
    expect(hitTest(docSnapping(12), index, 120, 10)).toBe(mention);
  });
});
