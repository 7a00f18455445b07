// What happens after "Explain “…”" is chosen: the lookup's result goes to the page, whose content
// script opens the card next to the selection. Where no content script can answer (browser pages, PDFs,
// a frame it does not run in), the term view — or a search for the text — opens in a tab instead.
import type { ToContent } from '../messages';
import type { SelectionLookup } from './explain';

export interface ExplainDeps {
  lookup: (selection: string) => SelectionLookup;
  sendToTab: (tabId: number, message: ToContent, frameId?: number) => Promise<unknown>;
  openTab: (url: string) => Promise<unknown>;
  /** The popup page's URL with a hash, e.g. `chrome-extension://…/popup.html#term=pakistan`. */
  popupUrl: (hash: string) => string;
}

export type ExplainOutcome =
  | { shown: 'card'; lookup: SelectionLookup }
  | { shown: 'tab'; url: string; lookup: SelectionLookup }
  | { shown: 'nothing'; lookup: SelectionLookup };

export function createExplainer(deps: ExplainDeps) {
  return async function explainSelection(
    selection: string,
    tabId: number | undefined,
    frameId?: number,
  ): Promise<ExplainOutcome> {
    const lookup = deps.lookup(selection);
    if (!lookup.text) return { shown: 'nothing', lookup };
    if (tabId !== undefined && tabId >= 0) {
      const message: ToContent = {
        type: 'explain-selection',
        text: lookup.text,
        ...(lookup.term ? { term: lookup.term } : {}),
        suggestions: lookup.suggestions,
      };
      try {
        await deps.sendToTab(tabId, message, frameId);
        return { shown: 'card', lookup };
      } catch {
        // No content script there: fall through to a tab.
      }
    }
    const hash = lookup.term
      ? `term=${encodeURIComponent(lookup.term)}`
      : `search=${encodeURIComponent(lookup.text)}`;
    const url = deps.popupUrl(hash);
    await deps.openTab(url);
    return { shown: 'tab', url, lookup };
  };
}

export type ExplainSelection = ReturnType<typeof createExplainer>;
