import { describe, expect, it } from 'vitest';
import { isHtmlDocument } from './document-kind';

// What a browser reports for each kind of document (the e2e test `hostile.e2e.test.ts` opens real ones).
const doc = (contentType: string, root: object | null = {}) =>
  ({ contentType, documentElement: root }) as unknown as Document;

describe('isHtmlDocument', () => {
  it('accepts HTML documents, whether served as HTML or as XHTML', () => {
    expect(isHtmlDocument(doc('text/html'))).toBe(true);
    expect(isHtmlDocument(doc('application/xhtml+xml'))).toBe(true);
  });

  it('refuses an SVG image, an XML feed, a plain text file, and a document without a root element', () => {
    expect(isHtmlDocument(doc('image/svg+xml'))).toBe(false);
    expect(isHtmlDocument(doc('application/xml'))).toBe(false);
    expect(isHtmlDocument(doc('text/xml'))).toBe(false);
    expect(isHtmlDocument(doc('application/rss+xml'))).toBe(false);
    expect(isHtmlDocument(doc('text/plain'))).toBe(false);
    expect(isHtmlDocument(doc('text/html', null))).toBe(false);
  });
});
