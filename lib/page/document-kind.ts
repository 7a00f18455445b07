// Which documents the content script works in. It runs on every URL, and a tab can show documents that
// are not web pages: an SVG image or an XML feed opened directly (Chromium's and Firefox's XML viewers).

/** The content types whose `createElement` makes HTML elements (DOM standard), which can host the card. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Whether `doc` is an HTML document (served as `text/html`, or as XHTML), the only kind the extension
 * reads. Elsewhere `createElement` makes elements of no namespace, on which `attachShadow` throws, so the
 * card has no host; and nobody reads an image's markup or a feed's raw XML as an article. The type, not
 * the root element, decides: Chromium's XML viewer shows a feed through HTML elements of its own.
 */
export function isHtmlDocument(doc: Document): boolean {
  return HTML_TYPES.has(doc.contentType) && doc.documentElement !== null;
}
