// The page layer's contract with the card: what is shown where. Implemented by lib/page (the scanner
// and painter); used by the hover card, keyboard navigation and the popup's "On this page".

export interface ShownMention {
  /** Unique for the life of the page. */
  id: number;
  term: string;
  /** A live range over the mention's text (may span several text nodes). */
  range: Range;
  /** The page text matched. */
  text: string;
}

export interface PageIndex {
  /** The shown mention containing the text position (node, offset), if any. */
  at(node: Node, offset: number): ShownMention | undefined;
  /** Every shown mention, in document order. */
  list(): ShownMention[];
  /** Called after each change to what is shown (scan slice, rescan, settings change). */
  onChange(listener: () => void): () => void;
}

/**
 * Elements whose tag starts with this prefix are the extension's own UI: never scanned, and mutations
 * inside them are ignored. The card's shadow host is `<briefing-lens-card>` (WXT `createShadowRootUi`
 * with `name: UI_HOST_TAG`).
 */
export const UI_HOST_PREFIX = 'briefing-lens';
export const UI_HOST_TAG = 'briefing-lens-card';
