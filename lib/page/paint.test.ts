// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLOR, highlightCss, luminance, pageIsDark, safeColor } from './paint';

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
