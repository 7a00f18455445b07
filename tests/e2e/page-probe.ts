// Page-side probes for the page-layer browser tests: read what is painted in `CSS.highlights` (the
// registry is the document's, so the page's main world sees the ranges the content script registered)
// and find where a visible text occurs, as a reader sees it (whitespace folded, across elements).
import type { Page } from 'playwright-core';

export interface Occurrence {
  /** The text searched for. */
  text: string;
  /** Painted ranges (their text, whitespace folded) overlapping this occurrence. */
  painted: string[];
}

export interface Probe {
  /** Whether a `briefing-lens` highlight is registered at all. */
  registered: boolean;
  /** Text of every painted range, whitespace folded, in document order. */
  ranges: string[];
  /** One entry per occurrence of each searched text in the page's text. */
  occurrences: Record<string, Occurrence[]>;
}

/** Reads the painted ranges and, for each text, its occurrences in the page and the ranges over them. */
export function probe(page: Page, texts: string[]): Promise<Probe> {
  return page.evaluate((texts) => {
    const fold = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();
    const highlight = CSS.highlights.get('briefing-lens');
    // A highlight iterates in insertion order; readers (and tests) think in document order.
    const ranges = highlight ? ([...highlight] as Range[]).filter((r) => !r.collapsed) : [];
    ranges.sort((a, b) => {
      try {
        return a.compareBoundaryPoints(Range.START_TO_START, b);
      } catch {
        return 0; // different trees (shadow roots): keep insertion order
      }
    });
    // Every text node in the document, including those in open shadow roots, folded into one string.
    const nodes: Text[] = [];
    const visit = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
        if (n.nodeType === 3) nodes.push(n as Text);
        else if ((n as Element).shadowRoot) visit((n as Element).shadowRoot as ShadowRoot);
      }
    };
    visit(document.body);
    let flat = '';
    const map: { node: Text; offset: number }[] = [];
    let lastSpace = true;
    for (const node of nodes) {
      const data = node.data;
      for (let i = 0; i < data.length; i++) {
        const ch = data[i] as string;
        const space = /[\s\u00a0]/.test(ch);
        if (space && lastSpace) continue;
        flat += space ? ' ' : ch;
        map.push({ node, offset: i });
        lastSpace = space;
      }
    }
    const occurrences: Record<string, { text: string; painted: string[] }[]> = {};
    for (const text of texts) {
      const needle = fold(text);
      const found: { text: string; painted: string[] }[] = [];
      for (let at = flat.indexOf(needle); at >= 0 && needle; at = flat.indexOf(needle, at + 1)) {
        const s = map[at];
        const e = map[at + needle.length - 1];
        if (!s || !e) continue;
        const occ = document.createRange();
        occ.setStart(s.node, s.offset);
        occ.setEnd(e.node, e.offset + 1);
        const painted = ranges
          .filter((r) => {
            try {
              return (
                r.compareBoundaryPoints(Range.END_TO_START, occ) < 0 &&
                r.compareBoundaryPoints(Range.START_TO_END, occ) > 0
              );
            } catch {
              return false; // different trees
            }
          })
          .map((r) => fold(r.toString()));
        found.push({ text, painted });
      }
      occurrences[text] = found;
    }
    return {
      registered: highlight !== undefined,
      ranges: ranges.map((r) => fold(r.toString())),
      occurrences,
    };
  }, texts);
}

/**
 * A page script recording every DOM mutation after the page is parsed (DOMContentLoaded comes before
 * the content script, which runs at document_idle), and the markup at that moment.
 */
export const RECORD_MUTATIONS = `
  window.__mutations = [];
  document.addEventListener('DOMContentLoaded', () => {
    window.__html = document.documentElement.outerHTML;
    new MutationObserver((records) => {
      for (const r of records) window.__mutations.push(r.type + ':' + (r.target.nodeName || ''));
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
`;
