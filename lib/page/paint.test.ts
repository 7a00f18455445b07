// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_COLOR, highlightCss, luminance, Painter, pageIsDark, safeColor } from './paint';

describe('paint styles', () => {
  it('writes underline, background and none rules for the main and active highlights', () => {
    expect(highlightCss('underline', '#1d4ed8')).toContain(
      '::highlight(briefing-lens) { text-decoration: underline dotted #1d4ed8 2px !important;',
    );
    expect(highlightCss('background', '#1d4ed8')).toContain(
      'background-color: color-mix(in srgb, #1d4ed8 24%',
    );
    expect(highlightCss('none', '#1d4ed8')).toContain(
      '::highlight(briefing-lens) { background-color: transparent !important; text-decoration: none !important; }',
    );
    expect(highlightCss('none', '#1d4ed8')).toContain('::highlight(briefing-lens-active)');
    // Whatever the style, a printed page carries no marks (the rule comes last, so it wins in print).
    for (const style of ['underline', 'background', 'none'] as const) {
      const css = highlightCss(style, '#1d4ed8');
      expect(css.slice(css.lastIndexOf('@media print'))).toMatch(
        /^@media print \{ ::highlight\(briefing-lens\), ::highlight\(briefing-lens-active\) \{ background-color: transparent !important; text-decoration: none !important; \} \}$/,
      );
    }
  });

  it('lightens the colour on dark pages', () => {
    expect(highlightCss('underline', '#1d4ed8', true)).toContain('color-mix(in srgb, #1d4ed8 55%, white)');
  });

  it('refuses colours that could smuggle other CSS', () => {
    expect(safeColor('red; } body { display: none')).toBe(DEFAULT_COLOR);
    expect(safeColor('#abc')).toBe('#abc');
    expect(safeColor('rgb(1, 2, 3)')).toBe('rgb(1, 2, 3)');
  });

  it('measures background luminance and darkness', () => {
    expect(luminance('rgb(0, 0, 0)')).toBe(0);
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgba(0, 0, 0, 0)')).toBeUndefined();
    document.body.style.backgroundColor = 'rgb(18, 18, 18)';
    expect(pageIsDark(document)).toBe(true);
    document.body.style.backgroundColor = 'rgb(250, 250, 250)';
    expect(pageIsDark(document)).toBe(false);
  });
});

describe('Painter: marks kept on screen through a rescan', () => {
  // happy-dom has no Custom Highlight API: a registry and highlights made of Sets stand in for it.
  let registry: Map<string, Set<Range>>;
  beforeEach(() => {
    registry = new Map();
    vi.stubGlobal('CSS', { highlights: registry, supports: () => true });
    vi.stubGlobal(
      'Highlight',
      class extends Set<Range> {
        priority = 0;
      },
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const painted = () => [...(registry.get('briefing-lens') ?? [])];
  const ranges = (n: number) => Array.from({ length: n }, () => document.createRange());

  it('keeps retired marks until a flush that does not keep them, which swaps in the new ones at once', () => {
    const painter = new Painter(document);
    expect(painter.supported).toBe(true);
    const [a, b, c] = ranges(3) as [Range, Range, Range];
    painter.add(a);
    painter.add(b);
    expect(painted()).toEqual([a, b]);
    // A rescan: the old marks stay while the new scan's first marks are added and flushed early.
    painter.retire();
    painter.defer(true);
    expect(painted()).toEqual([a, b]);
    painter.add(c);
    expect(painted()).toEqual([a, b]);
    painter.flush(true);
    expect(painted()).toEqual([a, b, c]);
    // The text on screen is scanned again: the old marks go as the new ones are painted.
    painter.flush();
    expect(painted()).toEqual([c]);
  });

  it('takes retired marks down when a rescan that finds nothing ends, and at once on clear', () => {
    const painter = new Painter(document);
    const [a, b] = ranges(2) as [Range, Range];
    painter.add(a);
    painter.retire();
    painter.defer(true);
    expect(painted()).toEqual([a]);
    painter.defer(false);
    expect(painted()).toEqual([]);
    painter.add(b);
    painter.retire();
    expect(painted()).toEqual([b]);
    painter.clear();
    expect(painted()).toEqual([]);
  });
});
